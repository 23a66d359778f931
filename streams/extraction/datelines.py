"""A dateline ends a sentence: a spaCy component run before the parser.

A wire story opens with where and from whom it was filed: "SEOUL, Nov. 26 (Xinhua) --", "KYIV, Ukraine (AP) —",
"CUTTACK:". The parser reads that prefix as the start of the story's first sentence and builds one tree over both:
the place becomes the root, the story's subject an apposition or a conjunct of the date, and its verb a modifier of
the place, so the first sentence (the one that says what happened) loses its subject. The parser respects sentence
starts set before it runs (spaCy's documented way of custom sentence segmentation, as :mod:`.paragraphs` does for
blank lines), so this component marks the first word after a dateline as a sentence start, at the start of the text
and of every paragraph, and the story's sentence is parsed on its own.

A dateline is a short run of names, numbers and punctuation (no verb) closed by a dash, colon or bar within its
first 14 tokens, starting with a capital. Only the tagger's fine-grained tags are read (the attribute ruler, which
gives the coarse parts of speech, runs after the parser), so the event coder asks the same test after the parse
(``events.slots.dateline_end``) for a dateline this component did not split off.
"""

from __future__ import annotations

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

FACTORY = "newsevents_dateline_breaks"
MAX_TOKENS = 14  # a dateline's separator comes within this many tokens of its start
SEPARATORS = frozenset({"--", "—", "–", ":", "|", "-"})
# tags of a dateline's words: names, numbers, nouns, punctuation, spaces and unknown words (no verb, no function word)
_DATELINE_TAGS = frozenset({"NNP", "NNPS", "CD", "NN", "NNS", ",", "-LRB-", "-RRB-", ".", ":", "HYPH", "NFP", "``", "''", "_SP",
                            "XX", "FW", "ADD", "LS"})
_VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"})
_BYLINE_STARTS = frozenset({"by", "our"})


def dateline_end(doc: Doc, start: int, stop: int) -> int:
    """Doc index of the first token after a dateline opening at ``start`` (looking no further than ``stop``), else
    ``start``."""
    end = min(stop, start + MAX_TOKENS)
    for i in range(start + 1, end - 1):
        tok = doc[i]
        if tok.text in SEPARATORS or tok.text[:1] == ")" and tok.text[1:] in SEPARATORS:  # "(Pajhwok):" ends in one token "):"
            if joins_words(tok):
                continue  # a hyphen inside a word is no separator
            head = doc[start:i]
            if all(t.tag_ in _DATELINE_TAGS or t.text in "()," or caps_word(t) or t.i == start and t.lower_ in _BYLINE_STARTS
                   for t in head) and head[0].text[:1].isupper():
                # ("THE HAGUE -", "N'DJAMENA (AFP) -": the tagger reads an all-caps word as anything; "By A B Hyderabad:",
                # "Our Staff Reporter KARACHI:": a byline before the place)
                return i + 1
            return start
        if tok.tag_ in _VERB_TAGS:
            return start
    return start


def caps_word(tok: Token) -> bool:
    """An all-caps word of letters (apostrophes and dots allowed): a dateline's place, whatever the tagger says."""
    letters = [ch for ch in tok.text if ch.isalpha()]
    return len(letters) >= 2 and tok.text.isupper() and all(ch.isalpha() or ch in "'’." for ch in tok.text)


def joins_words(tok: Token) -> bool:
    """A hyphen inside a word ("rebel-held", "flood-hit"), not a dash standing between words ("ROME - police")."""
    return tok.text == "-" and not (tok.whitespace_ and tok.i > 0 and tok.doc[tok.i - 1].whitespace_)


def mark_dateline_ends(doc: Doc) -> Doc:
    """Sets ``is_sent_start`` on the first word after a dateline that opens the text or a paragraph (a token already
    marked as a sentence start, by :mod:`.paragraphs`), and its other words as no sentence start; returns ``doc``.
    One array read and one write."""
    if len(doc) < 3:
        return doc
    # (Doc.to_array gives uint64, in which -1, "no start", wraps; worked on as int64 and handed back wrapped, which
    # Doc.from_array reads as -1 again)
    flags = doc.to_array([SENT_START]).astype("int64")
    opens = [0, *(int(i) for i in (flags == 1).nonzero()[0] if i > 0)]
    bounds = opens[1:] + [len(doc)]
    spans = [(s, e) for s, b in zip(opens, bounds) for e in [dateline_end(doc, s, b)] if s < e < b and _filed(doc, s, e)]
    if spans:
        for s, e in spans:
            flags[s + 1 : e] = -1  # the dateline is one sentence: the parser is not to split "KYIV, | Ukraine (AP) —"
            flags[e] = 1
            if e + 1 < len(doc) and flags[e + 1] == 0:
                # nor the story's first word a sentence of its own: after a start set at a dash the small model's
                # parser tends to break again after one word ("SITTWE - Arakan | Army fighters have ...")
                flags[e + 1] = -1
        doc.from_array([SENT_START], flags.astype("uint64"))
    return doc


def _filed(doc: Doc, start: int, end: int) -> bool:
    """The run looks filed, not written: it names a place in capitals, an agency in brackets, or ends in a colon or a
    bar, and the story after it opens with a capital, a digit or a quote. "Putin - who has ruled since 2000 - said" and
    "Rescuers - many of them volunteers - dug" are one sentence each."""
    first = doc[end]
    if first.text[:1].islower():
        return False
    sep = doc[end - 1].text.lstrip(")")
    return sep in (":", "|") or any(caps_word(t) or t.text == "(" for t in doc[start : end - 1])


@Language.factory(FACTORY)
def _make_dateline_breaks(nlp: Language, name: str) -> "DatelineBreaks":
    return DatelineBreaks()


class DatelineBreaks:
    """The component: :func:`mark_dateline_ends` on each doc."""

    def __call__(self, doc: Doc) -> Doc:
        return mark_dateline_ends(doc)
