"""One story's state: what the aggregator keeps, how it grows, and the record it publishes.

Everything a record says is derived from sets keyed by id (members, outlets,
the articles that named an entity), so applying the same article twice cannot
change it, and the record is a pure function of the state (no clock, sorted
keys, rounded numbers): the same state always gives the same bytes.

Bounds (all in :class:`StoryLimits`): the member list published is the first
``max_article_ids`` by arrival (``num_articles`` stays exact); the centroid keeps
its ``centroid_terms`` heaviest stems; entities, places and title candidates are
capped; outlets beyond ``max_sources`` are no longer told apart.
"""

from __future__ import annotations

import math
import sys
from array import array
from dataclasses import dataclass, field
from itertools import repeat
from operator import mul
from typing import Any

import orjson

from .output import STORY_SCHEMA_VERSION, compact_json
from .terms import stems
from .timeutil import iso

DIGITS = 4


@dataclass(frozen=True, slots=True)
class StoryLimits:
    max_article_ids: int = 10_000
    max_sources: int = 10_000
    centroid_terms: int = 96
    entities_kept: int = 50
    places_kept: int = 20
    title_candidates: int = 20
    top_entities: int = 10
    top_places: int = 5
    top_types: int = 3


@dataclass(slots=True)
class Summary:
    """What only the published record needs (scoring never reads it): kept encoded between updates."""

    outlets: set[str] = field(default_factory=set)
    entities: dict[str, list[Any]] = field(default_factory=dict)  # key -> [name, type, country, sector, weight, articles]
    places: dict[str, list[Any]] = field(default_factory=dict)  # "name|country" -> [name, country, articles]
    types: dict[str, int] = field(default_factory=dict)  # PLOVER type -> articles
    tone_sum: float = 0.0
    tone_n: int = 0
    titles: list[list[Any]] = field(default_factory=list)  # [article_id, title, event time] of the first members

    def add(self, item: dict[str, Any], when: float, limits: StoryLimits) -> None:
        outlet = item.get("outlet")
        if outlet and len(self.outlets) < limits.max_sources:
            self.outlets.add(outlet)
        for ent in item.get("entities") or []:
            row = self.entities.get(ent["key"])
            if row is None:
                self.entities[ent["key"]] = [ent["name"], ent.get("type"), ent.get("country"), ent.get("sector"), ent["weight"], 1]
            else:
                row[2] = row[2] or ent.get("country")
                row[3] = row[3] or ent.get("sector")
                row[4] += ent["weight"]
                row[5] += 1
        _cap(self.entities, limits.entities_kept, _entity_order)
        for place in item.get("places") or []:
            key = f"{place['name']}|{place.get('country') or ''}"
            self.places.setdefault(key, [place["name"], place.get("country"), 0])[2] += 1
        _cap(self.places, limits.places_kept, _place_order)
        for ptype in item.get("plover_types") or []:
            self.types[ptype] = self.types.get(ptype, 0) + 1
        if item.get("tone") is not None:
            self.tone_sum += float(item["tone"])
            self.tone_n += 1
        if item.get("title") and len(self.titles) < limits.title_candidates:
            self.titles.append([item["article_id"], item["title"], when])

    def absorb(self, other: "Summary", limits: StoryLimits) -> None:
        for outlet in sorted(other.outlets):
            if len(self.outlets) >= limits.max_sources:
                break
            self.outlets.add(outlet)
        for key, row in other.entities.items():
            mine = self.entities.get(key)
            if mine is None:
                self.entities[key] = list(row)
            else:
                mine[2], mine[3] = mine[2] or row[2], mine[3] or row[3]
                mine[4] += row[4]
                mine[5] += row[5]
        _cap(self.entities, limits.entities_kept, _entity_order)
        for key, row in other.places.items():
            self.places.setdefault(key, [row[0], row[1], 0])[2] += row[2]
        _cap(self.places, limits.places_kept, _place_order)
        for ptype, n in other.types.items():
            self.types[ptype] = self.types.get(ptype, 0) + n
        self.tone_sum += other.tone_sum
        self.tone_n += other.tone_n
        room = limits.title_candidates - len(self.titles)
        if room > 0:
            self.titles.extend(other.titles[:room])

    def encode(self) -> bytes:
        return compact_json([sorted(self.outlets), self.entities, self.places, self.types, self.tone_sum, self.tone_n, self.titles])

    @classmethod
    def decode(cls, blob: bytes) -> "Summary":
        if not blob:
            return cls()
        o, e, p, t, ts, tn, ti = orjson.loads(blob)
        return cls(set(o), e, p, t, ts, tn, ti)


@dataclass(slots=True)
class Story:
    story_id: str
    first_seen: float
    last_seen: float
    members: list[str] = field(default_factory=list)  # every member id, arrival order (published: the first N)
    # The centroid (sum of member vectors, heaviest stems only) as two parallel arrays, heaviest first:
    # 8 bytes a weight instead of a dict entry and a float object each (open stories are many).
    terms: tuple[str, ...] = ()
    weights: array = field(default_factory=lambda: array("d"))
    norm: float = 0.0
    summary_blob: bytes = b""  # the encoded Summary (a few hundred bytes instead of a few KB of objects)

    # ------------------------------------------------------------------ growth
    def add(self, item: dict[str, Any], when: float, limits: StoryLimits) -> None:
        """Fold one new member in (the caller guarantees it is not a member yet)."""
        self.members.append(item["article_id"])
        self.first_seen = min(self.first_seen, when)
        self.last_seen = max(self.last_seen, when)
        self._add_terms(item.get("terms") or {}, limits)
        summary = self.summary()
        summary.add(item, when, limits)
        self.summary_blob = summary.encode()

    def summary(self) -> Summary:
        return Summary.decode(self.summary_blob)

    def centroid(self) -> dict[str, float]:
        return dict(zip(self.terms, self.weights))

    def _add_terms(self, terms: dict[str, float], limits: StoryLimits) -> None:
        centroid = self.centroid()
        for term, weight in terms.items():
            centroid[term] = centroid.get(term, 0.0) + weight
        self._set_centroid(centroid, limits.centroid_terms)

    def _set_centroid(self, centroid: dict[str, float], size: int) -> None:
        kept = sorted(centroid.items(), key=lambda kv: (-kv[1], kv[0]))[:size]
        self.terms = tuple(sys.intern(t) for t, _ in kept)  # one string per stem across all stories
        self.weights = array("d", (w for _, w in kept))
        self.norm = math.sqrt(sum(w * w for w in self.weights))

    def absorb(self, other: "Story", limits: StoryLimits) -> list[str]:
        """Merge ``other`` into this story; returns the member ids that moved (in their order)."""
        mine = set(self.members)
        moved = [a for a in other.members if a not in mine]
        self.members.extend(moved)
        self.first_seen = min(self.first_seen, other.first_seen)
        self.last_seen = max(self.last_seen, other.last_seen)
        self._add_terms(other.centroid(), limits)
        summary = self.summary()
        summary.absorb(other.summary(), limits)
        self.summary_blob = summary.encode()
        return moved

    # ------------------------------------------------------------------ scoring
    def similarity(self, terms: dict[str, float]) -> float:
        """Cosine of an article vector (normalised) with the centroid."""
        if not self.norm:
            return 0.0
        return sum(map(mul, self.weights, map(terms.get, self.terms, repeat(0.0)))) / self.norm

    def centroid_similarity(self, other: "Story") -> float:
        if not self.norm or not other.norm:
            return 0.0
        return other.similarity(self.centroid()) / self.norm

    def title_score(self, title: str) -> float:
        """How central a headline's words are: cosine of its stem set (binary) with the centroid."""
        words = stems(title)
        if not words or not self.norm:
            return 0.0
        return sum(w for t, w in zip(self.terms, self.weights) if t in words) / (self.norm * math.sqrt(len(words)))

    def representative_title(self, summary: Summary) -> str | None:
        """The candidate headline most central to the story; ties: earliest, then smallest article id."""
        best: tuple[float, float, str] | None = None
        title: str | None = None
        for article_id, text, when in summary.titles:
            key = (-round(self.title_score(text), 6), when, article_id)
            if best is None or key < best:
                best, title = key, text
        return title

    # ------------------------------------------------------------------ output
    def to_record(self, limits: StoryLimits, closed: bool = False, merged_into: str | None = None) -> dict[str, Any]:
        summary = self.summary()
        entities = sorted(summary.entities.items(), key=_entity_order)[: limits.top_entities]
        places = sorted(summary.places.items(), key=_place_order)[: limits.top_places]
        types = sorted(summary.types.items(), key=lambda kv: (-kv[1], kv[0]))[: limits.top_types]
        return {
            "schema_version": STORY_SCHEMA_VERSION,
            "record_type": "story",
            "story_id": self.story_id,
            "first_seen": iso(self.first_seen),
            "last_seen": iso(self.last_seen),
            "num_articles": len(self.members),
            "num_sources": len(summary.outlets),
            "title": self.representative_title(summary),
            "entities": [
                {"name": row[0], "type": row[1], "country": row[2], "sector": row[3], "articles": row[5]} for _, row in entities
            ],
            "plover_types": [{"type": t, "articles": n} for t, n in types],
            "places": [{"name": row[0], "country": row[1], "articles": row[2]} for _, row in places],
            "tone": round(summary.tone_sum / summary.tone_n, DIGITS) if summary.tone_n else None,
            "article_ids": self.members[: limits.max_article_ids],
            "article_ids_truncated": len(self.members) > limits.max_article_ids,
            "closed": closed,
            "merged_into": merged_into,
        }

    # ------------------------------------------------------------------ state codec
    def to_state(self, limits: StoryLimits) -> bytes:
        """Bytes for the state store (members beyond the published bound live only in the ``a:`` keys)."""
        return compact_json({
            "id": self.story_id, "f": self.first_seen, "l": self.last_seen, "m": self.members[: limits.max_article_ids],
            "c": self.centroid(), "s": orjson.Fragment(self.summary_blob or b"null"),
        })

    @classmethod
    def from_state(cls, data: bytes) -> "Story":
        d = orjson.loads(data)
        story = cls(story_id=d["id"], first_seen=d["f"], last_seen=d["l"], members=list(d["m"]))
        story._set_centroid(d["c"], len(d["c"]))
        story.summary_blob = compact_json(d["s"]) if d["s"] is not None else b""
        return story


def _entity_order(kv: tuple[str, list[Any]]) -> tuple[Any, ...]:
    return (-kv[1][5], -kv[1][4], kv[0])


def _place_order(kv: tuple[str, list[Any]]) -> tuple[Any, ...]:
    return (-kv[1][2], kv[0])


def _cap(table: dict[str, Any], size: int, order: Any) -> None:
    if len(table) > size:
        for key, _ in sorted(table.items(), key=order)[size:]:
            del table[key]
