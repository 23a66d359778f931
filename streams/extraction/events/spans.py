"""Entities of one sentence without re-reading the whole document.

``Span.ents`` walks every entity of the Doc on each call, so asking it once per
sentence makes the coder quadratic on long articles (1,600 sentences: ~10 s).
``sentence_ents`` reads ``doc.ents`` once per Doc and slices it by token offsets.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span

_cache: list[object] = [None, (), []]  # [doc, ents, starts]: the last Doc seen (one slot, cleared by ``forget``)


def _index(doc: Doc) -> tuple[tuple[Span, ...], list[int]]:
    if _cache[0] is not doc:
        ents = tuple(doc.ents)
        _cache[:] = [doc, ents, [e.start for e in ents]]
    return _cache[1], _cache[2]  # type: ignore[return-value]


def sentence_ents(span: Span) -> list[Span]:
    """Named-entity spans that lie inside ``span`` (same result as ``span.ents``)."""
    ents, starts = _index(span.doc)
    out = []
    for i in range(bisect_left(starts, span.start), len(ents)):
        e = ents[i]
        if e.start >= span.end:
            break
        if e.end <= span.end:
            out.append(e)
    return out


def forget() -> None:
    """Drop the cached Doc (called when an article is done, so no Doc outlives its article)."""
    _cache[:] = [None, (), []]
