"""When and where an event happened, from the sentence's date and place phrases.

Dates resolve against the article's publication time; an article without one is
resolved against the time it was ingested, and the record says so
(``date.anchor: "ingested_at"``). Places resolve through the gazetteer to a country
and coordinates; unresolved stays null, never guessed.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

from ..dates import resolve_date
from ..doc_index import ents
from ..places import resolve_place

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_PLACE_PREPS = {"in", "at", "near", "outside", "inside", "from", "across", "to"}


def _nearest(spans: list[Span], tok: Token) -> Span | None:
    return min(spans, key=lambda s: abs(s.start - tok.i)) if spans else None


def event_date(sent: Span, tok: Token, anchor: str | None, anchor_kind: str = "published_at") -> dict[str, Any] | None:
    """The DATE/TIME phrase nearest the trigger, resolved against ``anchor`` (an ISO timestamp)."""
    cands = [e for e in ents(sent) if e.label_ in ("DATE", "TIME") and any(ch.isalnum() for ch in e.text)]
    ent = _nearest(cands, tok)
    if ent is None:
        return None
    out: dict[str, Any] = {"text": ent.text, "resolved": resolve_date(ent.text, anchor) if anchor else None}
    if anchor_kind != "published_at":
        out["anchor"] = anchor_kind
    return out


def event_location(sent: Span, tok: Token, actor_spans: list[tuple[int, int]]) -> dict[str, Any] | None:
    """A place phrase governed by a locative preposition ("in Tehran"), not one of the actors."""
    cands = []
    for e in ents(sent):
        if e.label_ not in _PLACE_LABELS:
            continue
        if any(s <= e.start_char < t for s, t in actor_spans):
            continue
        head = e.root.head
        if e.root.dep_ == "pobj" and head.lower_ in _PLACE_PREPS or e.start == sent.start:
            cands.append(e)
        elif e.root.dep_ in ("appos", "conj", "compound") and e.root.head.ent_type_ in _PLACE_LABELS:
            cands.append(e)
    ent = _nearest(cands, tok)
    if ent is None:
        return None
    country, lat, lon = resolve_place(ent.text)
    return {"text": ent.text, "country": country, "lat": lat, "lon": lon}
