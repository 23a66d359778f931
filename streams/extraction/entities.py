"""Named entities of one document, grouped into one entity per real-world actor."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}


@dataclass(slots=True)
class Entity:
    id: str
    canonical: str
    type: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    sector: str | None = None
    roles: list[str] = field(default_factory=list)
    mentions: int = 0
    first_offset: int = 0
    spans: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "canonical": self.canonical,
            "aliases": sorted(set(self.aliases)),
            "type": self.type,
            "country": self.country,
            "sector": self.sector,
            "roles": list(self.roles),
            "mentions": self.mentions,
            "first_offset": self.first_offset,
        }


class EntityTable:
    """The document's entities plus a lookup from character spans to the entity mentioned there."""

    def __init__(self, entities: list[Entity]) -> None:
        self.entities = entities
        self._by_start: dict[int, Entity] = {}
        for ent in entities:
            for start, end in ent.spans:
                self._by_start[start] = ent
        self._spans = sorted((s, e, ent) for ent in entities for s, e in ent.spans)

    def at(self, start: int, end: int) -> Entity | None:
        """The entity whose mention overlaps ``[start, end)`` most, if any."""
        best, best_overlap = None, 0
        for s, e, ent in self._spans:
            if s >= end:
                break
            overlap = min(e, end) - max(s, start)
            if overlap > best_overlap:
                best, best_overlap = ent, overlap
        return best

    def to_list(self) -> list[dict[str, Any]]:
        return [e.to_dict() for e in self.entities]


def resolve_entities(doc: Doc) -> EntityTable:
    """Group spaCy's mentions: same label and text, or a PERSON's surname alone."""
    groups: dict[tuple[str, str], Entity] = {}
    surname: dict[str, Entity] = {}
    for span in doc.ents:
        if span.label_ not in ACTOR_LABELS:
            continue
        text = span.text.strip()
        if not text:
            continue
        key = (span.label_, text.lower())
        ent = groups.get(key)
        if ent is None and span.label_ == "PERSON" and " " not in text:
            ent = surname.get(text.lower())
        if ent is None:
            ent = Entity(id=f"E{len(groups) + 1}", canonical=text, type=span.label_, first_offset=span.start_char)
            groups[key] = ent
            if span.label_ == "PERSON" and " " in text:
                surname.setdefault(text.split()[-1].lower(), ent)
        else:
            groups.setdefault(key, ent)
        ent.aliases.append(text)
        ent.mentions += 1
        ent.spans.append((span.start_char, span.end_char))
    unique: dict[str, Entity] = {e.id: e for e in groups.values()}
    return EntityTable(sorted(unique.values(), key=lambda e: e.first_offset))
