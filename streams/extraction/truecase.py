"""Title Case lines parsed as if they were written in sentence case.

Headlines, and some lines of article bodies, come in Title Case ("Police Arrest Five After Clashes In Port
City"). spaCy's small English model reads nearly every capitalised word there as a proper noun, so the tags, the
dependency parse and the entity tagger go wrong together, and the event coder finds no act or a wrong one.

The remedy is the classic unigram truecaser. A line (a title, or a line of a body: headlines and subheads stand
on lines of their own) is Title Case when it has at least :data:`MIN_WORDS` words and :data:`MIN_CONTENT_WORDS`
content words (four letters or more, not a function word) and every content word is capitalised; a line of
prose has a lower-case verb or noun within a few words, where the scan stops. Whole lines, not sentences: a
sentence cut at an initial ("Judge James W.") can be all names. In a Title Case line, every capitalised word
but the first that English writes in lower case far more often than capitalised (``truecase_words.tsv``, derived
from spaCy's case-sensitive lexeme probabilities) and that is not part of a name the gazetteers or the actor
dictionaries know ("Turkey", "White House", "Security Council") is given to the parser in lower case.

Lower-casing those words changes no character offset, and the parsed doc then gets the original words back
(:func:`restore`: a Doc of the original words with the identical tokenisation, every annotation copied), so
everything downstream (entities, spans, quoted texts, offsets into the body) reads the original casing, exactly
as it would without this step; only the annotations come from the sentence-case reading.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Iterable, Iterator

from spacy.attrs import DEP, ENT_IOB, ENT_KB_ID, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from ..data import rows as table_rows
from .doc_index import keep_text

WORDS_TABLE = "truecase_words.tsv"
MIN_WORDS = 4  # alphabetic words in the line; a shorter one ("Live Updates") is left as it is
MIN_CONTENT_WORDS = 3  # words of four letters or more that are not function words; every one capitalised
MAX_NAME_WORDS = 5  # the longest known name looked for in a line
_WORD = re.compile(r"[^\W\d_]+")
_ANNOTATIONS = [TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE, ENT_KB_ID]


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Lower-case words English writes in lower case far more often than capitalised (``truecase_words.tsv``)."""
    return frozenset(row[0] for row in table_rows(WORDS_TABLE, strip=False))


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return frozenset(w.lower() for w in STOP_WORDS)


@lru_cache(maxsize=1)
def known_names() -> tuple[frozenset[str], frozenset[str]]:
    """(one-word names, names of several words) the gazetteers and actor dictionaries know, as ``actor_key``
    keys. One-word place names come from countries and capitals only: a town named like a common word
    ("Split", "Reading") is not a reason to keep that word capitalised in a headline."""
    from .actor_dictionary import actor_key, name_keys
    from .gazetteer import capital_names, country_names, demonyms, organisations, people, places

    actors, persons = name_keys(), [actor_key(k) for k in people()]
    keys = {actor_key(k) for k in (*organisations(), *places(), *demonyms())} | set(persons) | actors
    multi = frozenset(k for k in keys if " " in k)
    single = {k for k in actors if " " not in k and len(k) > 2}  # not a two-letter code ("IN", "OR")
    single |= {k for k in (*persons, *map(actor_key, (*demonyms(), *capital_names()))) if " " not in k}
    single |= {actor_key(n) for n in country_names().values() if " " not in actor_key(n)}
    # a surname alone names the person ("Truss", "Cleverly"), but not a short one that is mostly a word ("May")
    single |= {k.split()[-1] for k in persons if " " in k and len(k.split()[-1]) > 3}
    # organisations known in title form ("Fed", "Amnesty"); an acronym ("WHO") is written in capitals, never touched
    single |= {actor_key(k) for k in organisations() if " " not in k and len(k) > 3}
    return frozenset(single), multi


def truecase(text: str) -> str:
    """``text`` with the common words of its Title Case lines in lower case (same length, same offsets); ``text``
    itself (the same object) when no line is Title Case."""
    chars: list[str] | None = None
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        spans = _lowered_words(text, start, end) if end - start >= 8 else []
        if spans:
            if chars is None:
                chars = list(text)
            for a, b in spans:
                chars[a:b] = text[a:b].lower()
        start = end + 1
    return text if chars is None else "".join(chars)


def _title_words(text: str, start: int, end: int) -> list[re.Match[str]] | None:
    """The words of the line ``text[start:end]`` when it is Title Case, else None. Stops at the first content word
    in lower case, so a line of prose costs a few words, not a scan of the line."""
    function = _function_words()
    words: list[re.Match[str]] = []
    content = upper = 0
    for m in _WORD.finditer(text, start, end):
        words.append(m)
        w = m.group()
        if len(w) > 3 and w.lower() not in function:  # "vs", "de", "al" and function words may stay lower case
            if not w[0].isupper():
                return None
            content += 1
            upper += w.isupper()
    if len(words) < MIN_WORDS or content < MIN_CONTENT_WORDS or upper == content:  # all capitals: another problem
        return None
    return words


def _lowered_words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the words of the line ``text[start:end]`` to give the parser in lower case; [] when the
    line is not Title Case."""
    matches = _title_words(text, start, end)
    if matches is None:
        return []
    words = [m.group() for m in matches]
    common, function = common_words(), _function_words()
    candidates = [i for i, w in enumerate(words) if i > 0 and len(w) > 1 and w[0].isupper() and w[1:].islower()
                  and w.isascii() and (w.lower() in common or w.lower() in function or _plural_of_common(w.lower(), common)
                                       or w.lower() in _MONTH_VERBS and _verb_not_month(text, matches, i))]
    if not candidates:
        return []
    single, multi = known_names()
    keys = [w.lower() for w in words]
    named = set()
    for i in range(len(words)):  # known names of several words, at most MAX_NAME_WORDS: bounded work per word
        for n in range(2, min(MAX_NAME_WORDS, len(words) - i) + 1):
            if " ".join(keys[i : i + n]) in multi:
                named.update(range(i, i + n))
    return [matches[i].span() for i in candidates if i not in named and keys[i] not in single]


# a month whose name is also a verb: English writes the month capitalised more often than the verb, so the words
# table leaves it out, and "Thousands March in X" parsed as a date ("May", the modal, is in the table)
_MONTH_VERBS = frozenset({"march"})
# words after which a month name is the month ("in March", "since March", "Early March", "Last March")
_BEFORE_A_MONTH = frozenset({"in", "on", "since", "until", "till", "by", "before", "after", "from", "through", "to", "of",
                             "during", "early", "late", "mid", "last", "next", "this", "each", "every", "between", "and"})


def _verb_not_month(text: str, matches: list[re.Match[str]], i: int) -> bool:
    """The month-named word ``i`` of a Title Case line is the verb: no word before it that leads to a date, and no
    number after it ("March 3", "March 2024")."""
    return matches[i - 1].group().lower() not in _BEFORE_A_MONTH and not text[matches[i].end():].lstrip()[:1].isdigit()


def _plural_of_common(word: str, common: frozenset[str]) -> bool:
    """A regular plural of a common word ("jets", "targets", "militias", "allies"): the words table lists most nouns
    in one form only."""
    if len(word) < 4 or not word.endswith("s") or word.endswith("ss"):
        return False
    return word[:-1] in common or word.endswith("ies") and word[:-3] + "y" in common or word.endswith("es") and word[:-2] in common


def restore(doc: Doc, original: str) -> Doc:
    """A Doc of ``original``'s words with the annotations of ``doc``, which was parsed from ``truecase(original)``
    (the same characters but for case, so the same tokens at the same offsets)."""
    words = [original[t.idx : t.idx + len(t.text)] for t in doc]
    spaces = [bool(t.whitespace_) for t in doc]
    out = Doc(doc.vocab, words=words, spaces=spaces)
    out.from_array(_ANNOTATIONS, doc.to_array(_ANNOTATIONS))
    keep_text(out, original)
    return out


def parse_truecased(texts: Iterable[str], parse: Callable[[list[str]], Iterable[Doc]]) -> Iterator[Doc]:
    """``parse`` over the texts with their Title Case lines truecased; each doc has its original text's words."""
    warm()  # the tables load with the first batch, not with the first Title Case line a batch happens to hold
    texts = list(texts)
    cased = [truecase(t) for t in texts]
    for original, seen, doc in zip(texts, cased, parse(cased), strict=True):
        yield doc if seen is original else restore(doc, original)


def warm() -> None:
    """Load the word table and the known names now (the NLP child calls this at start)."""
    common_words(), _function_words(), known_names()
