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
from dataclasses import dataclass, field
from typing import Any

from .output import STORY_SCHEMA_VERSION
from .terms import cosine, stems
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
class Story:
    story_id: str
    first_seen: float
    last_seen: float
    members: list[str] = field(default_factory=list)  # every member id, arrival order (published: the first N)
    outlets: set[str] = field(default_factory=set)
    centroid: dict[str, float] = field(default_factory=dict)  # sum of member vectors, heaviest stems only
    norm: float = 0.0
    entities: dict[str, list[Any]] = field(default_factory=dict)  # key -> [name, type, country, sector, weight, articles]
    places: dict[str, list[Any]] = field(default_factory=dict)  # "name|country" -> [name, country, articles]
    types: dict[str, int] = field(default_factory=dict)  # PLOVER type -> articles
    tone_sum: float = 0.0
    tone_n: int = 0
    titles: list[list[Any]] = field(default_factory=list)  # [article_id, title, event time] of the first members

    # ------------------------------------------------------------------ growth
    def add(self, item: dict[str, Any], when: float, limits: StoryLimits) -> None:
        """Fold one new member in (the caller guarantees it is not a member yet)."""
        self.members.append(item["article_id"])
        self.first_seen = min(self.first_seen, when)
        self.last_seen = max(self.last_seen, when)
        outlet = item.get("outlet")
        if outlet and len(self.outlets) < limits.max_sources:
            self.outlets.add(outlet)
        self._add_terms(item.get("terms") or {}, limits)
        for ent in item.get("entities") or []:
            row = self.entities.get(ent["key"])
            if row is None:
                self.entities[ent["key"]] = [ent["name"], ent.get("type"), ent.get("country"), ent.get("sector"), ent["weight"], 1]
            else:
                row[2] = row[2] or ent.get("country")
                row[3] = row[3] or ent.get("sector")
                row[4] += ent["weight"]
                row[5] += 1
        _cap(self.entities, limits.entities_kept, lambda kv: (-kv[1][5], -kv[1][4], kv[0]))
        for place in item.get("places") or []:
            key = f"{place['name']}|{place.get('country') or ''}"
            row = self.places.setdefault(key, [place["name"], place.get("country"), 0])
            row[2] += 1
        _cap(self.places, limits.places_kept, lambda kv: (-kv[1][2], kv[0]))
        for ptype in item.get("plover_types") or []:
            self.types[ptype] = self.types.get(ptype, 0) + 1
        if item.get("tone") is not None:
            self.tone_sum += float(item["tone"])
            self.tone_n += 1
        if item.get("title") and len(self.titles) < limits.title_candidates:
            self.titles.append([item["article_id"], item["title"], when])

    def _add_terms(self, terms: dict[str, float], limits: StoryLimits) -> None:
        centroid = self.centroid
        for term, weight in terms.items():
            centroid[term] = centroid.get(term, 0.0) + weight
        if len(centroid) > limits.centroid_terms:
            kept = sorted(centroid.items(), key=lambda kv: (-kv[1], kv[0]))[: limits.centroid_terms]
            self.centroid = centroid = dict(kept)
        self.norm = math.sqrt(sum(w * w for w in centroid.values()))

    def absorb(self, other: "Story", limits: StoryLimits) -> list[str]:
        """Merge ``other`` into this story; returns the member ids that moved (in their order)."""
        mine = set(self.members)
        moved = [a for a in other.members if a not in mine]
        self.members.extend(moved)
        self.first_seen = min(self.first_seen, other.first_seen)
        self.last_seen = max(self.last_seen, other.last_seen)
        for outlet in sorted(other.outlets):
            if len(self.outlets) >= limits.max_sources:
                break
            self.outlets.add(outlet)
        self._add_terms(other.centroid, limits)
        for key, row in other.entities.items():
            mine = self.entities.get(key)
            if mine is None:
                self.entities[key] = list(row)
            else:
                mine[2], mine[3] = mine[2] or row[2], mine[3] or row[3]
                mine[4] += row[4]
                mine[5] += row[5]
        _cap(self.entities, limits.entities_kept, lambda kv: (-kv[1][5], -kv[1][4], kv[0]))
        for key, row in other.places.items():
            self.places.setdefault(key, [row[0], row[1], 0])[2] += row[2]
        _cap(self.places, limits.places_kept, lambda kv: (-kv[1][2], kv[0]))
        for ptype, n in other.types.items():
            self.types[ptype] = self.types.get(ptype, 0) + n
        self.tone_sum += other.tone_sum
        self.tone_n += other.tone_n
        room = limits.title_candidates - len(self.titles)
        if room > 0:
            self.titles.extend(other.titles[:room])
        return moved

    # ------------------------------------------------------------------ scoring
    def similarity(self, terms: dict[str, float]) -> float:
        """Cosine of an article vector (normalised) with the centroid."""
        return cosine(terms, self.centroid) / self.norm if self.norm else 0.0

    def centroid_similarity(self, other: "Story") -> float:
        if not self.norm or not other.norm:
            return 0.0
        return cosine(self.centroid, other.centroid) / (self.norm * other.norm)

    def title_score(self, title: str) -> float:
        """How central a headline's words are: cosine of its stem set (binary) with the centroid."""
        words = stems(title)
        if not words or not self.norm:
            return 0.0
        return sum(self.centroid.get(w, 0.0) for w in words) / (self.norm * math.sqrt(len(words)))

    def representative_title(self) -> str | None:
        """The candidate headline most central to the story; ties: earliest, then smallest article id."""
        best: tuple[float, float, str] | None = None
        title: str | None = None
        for article_id, text, when in self.titles:
            key = (-round(self.title_score(text), 6), when, article_id)
            if best is None or key < best:
                best, title = key, text
        return title

    # ------------------------------------------------------------------ output
    def to_record(self, limits: StoryLimits, closed: bool = False, merged_into: str | None = None) -> dict[str, Any]:
        entities = sorted(self.entities.items(), key=lambda kv: (-kv[1][5], -kv[1][4], kv[0]))[: limits.top_entities]
        places = sorted(self.places.items(), key=lambda kv: (-kv[1][2], kv[0]))[: limits.top_places]
        types = sorted(self.types.items(), key=lambda kv: (-kv[1], kv[0]))[: limits.top_types]
        return {
            "schema_version": STORY_SCHEMA_VERSION,
            "record_type": "story",
            "story_id": self.story_id,
            "first_seen": iso(self.first_seen),
            "last_seen": iso(self.last_seen),
            "num_articles": len(self.members),
            "num_sources": len(self.outlets),
            "title": self.representative_title(),
            "entities": [
                {"name": row[0], "type": row[1], "country": row[2], "sector": row[3], "articles": row[5]} for _, row in entities
            ],
            "plover_types": [{"type": t, "articles": n} for t, n in types],
            "places": [{"name": row[0], "country": row[1], "articles": row[2]} for _, row in places],
            "tone": round(self.tone_sum / self.tone_n, DIGITS) if self.tone_n else None,
            "article_ids": self.members[: limits.max_article_ids],
            "article_ids_truncated": len(self.members) > limits.max_article_ids,
            "closed": closed,
            "merged_into": merged_into,
        }

    # ------------------------------------------------------------------ state codec
    def to_state(self, limits: StoryLimits) -> dict[str, Any]:
        """Plain data for the state store (members beyond the published bound live only in the ``a:`` keys)."""
        return {
            "id": self.story_id,
            "f": self.first_seen,
            "l": self.last_seen,
            "m": self.members[: limits.max_article_ids],
            "o": sorted(self.outlets),
            "c": self.centroid,
            "e": self.entities,
            "p": self.places,
            "t": self.types,
            "ts": self.tone_sum,
            "tn": self.tone_n,
            "ti": self.titles,
        }

    @classmethod
    def from_state(cls, d: dict[str, Any]) -> "Story":
        story = cls(
            story_id=d["id"], first_seen=d["f"], last_seen=d["l"], members=list(d["m"]), outlets=set(d["o"]),
            centroid=dict(d["c"]), entities={k: list(v) for k, v in d["e"].items()}, places={k: list(v) for k, v in d["p"].items()},
            types=dict(d["t"]), tone_sum=d["ts"], tone_n=d["tn"], titles=[list(t) for t in d["ti"]],
        )
        story.norm = math.sqrt(sum(w * w for w in story.centroid.values()))
        return story


def _cap(table: dict[str, Any], size: int, order: Any) -> None:
    if len(table) > size:
        for key, _ in sorted(table.items(), key=order)[size:]:
            del table[key]
