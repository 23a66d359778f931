"""Per-document indexes over a parsed doc: text, sentences, entities by sentence, where to look for context.

``doc.text``, ``doc.sents`` and ``Span.ents`` walk the whole document on every access; the
main-event steps ask for them per candidate, which made a 100k-character
article quadratic. They are computed once per doc here (kept in
``doc.user_data``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Callable, TypeVar

from spacy.tokens import Doc, Span, Token

_ENTS_KEY = "newsevents.ents_by_sentence"
_DOC_ENTS_KEY = "newsevents.ents"
_SENTS_KEY = "newsevents.sentences"
_TEXT_KEY = "newsevents.text"
_WORDS_KEY = "newsevents.words"
_WORD = re.compile(r"\w+")
T = TypeVar("T")


def per_doc(doc: Doc, key: str, build: Callable[[], T]) -> T:
    """``build()`` once per doc, kept in ``doc.user_data[key]``."""
    value = doc.user_data.get(key)
    if value is None:
        value = doc.user_data[key] = build()
    return value


def doc_text(doc: Doc) -> str:
    """``doc.text`` re-joins every token on each access; the string is built once per doc (or given by the parser)."""
    data = doc.user_data  # read inline, not through per_doc: asked ~70 times an article
    text = data.get(_TEXT_KEY)
    if text is None:
        text = data[_TEXT_KEY] = doc.text
    return text


def span_text(span: Span) -> str:
    """``span.text`` without re-joining its tokens: the same characters, sliced from the doc's text."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def has_word(doc: Doc, word: str) -> bool:
    """``re.search(rf"\\b{re.escape(word)}\\b", doc_text(doc))`` for a word of letters, answered from the set of the
    text's maximal ``\\w+`` runs (built once per doc) instead of a regex compiled and run over the text per word."""
    if not word.isalpha():
        return re.search(rf"\b{re.escape(word)}\b", doc_text(doc)) is not None
    return word in per_doc(doc, _WORDS_KEY, lambda: frozenset(_WORD.findall(doc_text(doc))))


def keep_text(doc: Doc, text: str) -> None:
    """Record the text a doc was made from as its ``doc_text``: spaCy's tokenizer is non-destructive (``doc.text``
    is always the input), so the parser hands the string over instead of the doc re-joining its tokens."""
    doc.user_data[_TEXT_KEY] = text


def release(doc: Doc) -> None:
    """Drop what this module and the coder remember on a doc (``doc.user_data``), once its article is done. Those
    indexes hold the doc's own Tokens and Spans, each of which holds the doc: a doc that keeps them is a reference
    cycle of ~2,000 objects an article that only the cyclic garbage collector frees, so it lived until a full
    collection walked it (tens of ms every few dozen articles). Released, the doc is freed when its article is."""
    doc.user_data.clear()


def sentences(doc: Doc) -> list[Span]:
    """``doc.sents`` walks every token on each access; the list is computed once per doc."""
    data = doc.user_data  # read inline, not through per_doc: asked ~80 times an article
    sents = data.get(_SENTS_KEY)
    if sents is None:
        sents = data[_SENTS_KEY] = list(doc.sents)
    return sents


def sentence_of(tok: Token) -> Span:
    sents = sentences(tok.doc)
    starts = [s.start for s in sents]
    return sents[max(bisect_right(starts, tok.i) - 1, 0)]


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents`` makes a new Span for every entity of the document on each access; the tuple is made once per doc."""
    data = doc.user_data
    found = data.get(_DOC_ENTS_KEY)
    if found is None:
        found = data[_DOC_ENTS_KEY] = doc.ents
    return found


def entity_of(tok: Token) -> Span | None:
    """The named entity ``tok`` is in, or None (read from :func:`doc_ents`, made once per doc)."""
    if tok.ent_iob_ == "O":
        return None
    return next((e for e in doc_ents(tok.doc) if e.start <= tok.i < e.end), None)


def ents(span: Span) -> list[Span]:
    """The entities of a sentence; ``Span.ents`` scans the whole document each call, so index them once per doc."""
    doc = span.doc
    data = doc.user_data  # read inline, not through per_doc: asked ~40 times an article
    index = data.get(_ENTS_KEY)
    if index is None:
        index = data[_ENTS_KEY] = _ents_by_sentence(doc)
    found = index.get(span.start)
    if found is not None:
        end = span.end
        return [e for e in found if e.end <= end]
    return list(span.ents)


def _ents_by_sentence(doc: Doc) -> dict[int, list[Span]]:
    index: dict[int, list[Span]] = {s.start: [] for s in sentences(doc)}
    starts = sorted(index)
    for ent in doc_ents(doc):
        pos = bisect_right(starts, ent.start) - 1
        if pos >= 0:
            index[starts[pos]].append(ent)
    return index


def sources(sent: Span, title: list[Span], lead: list[tuple[Span, int]], title_prior: float = 0.8) -> list[tuple[Span, float]]:
    """Where to look for when/where, with a prior: the event sentence, the title, then the rest by position."""
    n = max(len(lead), 1)
    out = [(sent, 1.0)] + [(t, title_prior) for t in title]
    out += [(s, 0.1 + 0.5 * (1.0 - i / n)) for s, i in lead if s.start != sent.start or s.doc is not sent.doc]
    return out
