"""Event clusters: the coded events of different articles that report one happening, merged.

    clusters = EventClusters(ClusterConfig(), store=table)
    records = clusters.apply_many(event_mentions)      # merged-event records for ``events.merged``

Two mentions are one happening when (issue 17) they have the same PLOVER type,
the same source and target actors, dates within a day of each other and the
same place country (a missing place matches any). The rule is exact, so it is a
blocking key plus two checks: ``block_key`` (type, source actor, target actor)
must be equal, and then the cluster's date span including the new mention must
stay within ``max_span_days`` and its country must agree. An actor is its
canonical name, else its country + sector (a "police" of the USA is one actor
across articles, an unresolved "officials" is none); an event without a source
actor is never merged (it gets a cluster of its own, so every happening still
has exactly one merged record). Negated and hypothetical events report nothing
that happened and are left out. Among several matching clusters the one with
the most mentions wins, then the older.

Counts come from id sets (``event_ids`` of mentions, article ids, outlets), so a
redelivered mention changes nothing and re-emits its cluster's current record;
clusters close ``horizon_hours`` of event time after their last mention
(``closed: true``) and leave the state. State in ``store`` as for stories:
``w`` watermark, ``c:<cluster_id>`` cluster (with all its mention ids, so a
restart rebuilds the event -> cluster map from it).
"""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass, field
from typing import Any

import orjson

from ..ids import stable_hash
from .features import entity_key, happening
from .output import MERGED_EVENT_SCHEMA_VERSION, compact_json
from .timeutil import DAY_S, day_number, iso
from .window import WATERMARK_KEY, EventTimeAggregator, WindowConfig

_CLUSTER = "c:"


@dataclass(frozen=True, slots=True)
class ClusterConfig(WindowConfig):
    """When mentions of one happening merge, and the bounds of an open cluster: a happening spans at most
    ``max_span_days`` of event time; ids and sources kept per cluster are capped so one runaway story cannot grow a
    record past the topic's limit. The open-cluster bound is a setting (``NEWSEVENTS_MERGED_MAX_OPEN``)."""

    max_span_days: int = 1
    max_event_ids: int = 1_000
    max_sources: int = 10_000
    max_open_clusters: int = 2_000_000  # hard memory bound: past it the longest-idle cluster closes early


def actor_key(actor: dict[str, Any] | None) -> str | None:
    """An actor across articles: canonical name, else country + sector, else None (not identifiable)."""
    if not actor:
        return None
    canonical = (actor.get("canonical") or "").strip()
    if canonical:
        return "n:" + entity_key(canonical)
    if actor.get("country"):
        return f"c:{actor['country']}/{actor.get('sector') or ''}"
    return None


def type_key(event: dict[str, Any]) -> str:
    """PLOVER type; a CAMEO-only event (statements) by its CAMEO root instead."""
    return event.get("plover_type") or f"CAMEO{(event.get('cameo_code') or '')[:2]}"


def block_key(event: dict[str, Any]) -> str | None:
    """Equal for every pair of events that may merge; None for an event that never merges (no source actor)."""
    source = actor_key(event.get("source"))
    if source is None:
        return None
    target = actor_key(event.get("target")) or "-"
    return stable_hash("event-block", type_key(event), source, target, length=20)


def cluster_id_for(event_id: str) -> str:
    return "m-" + stable_hash("event-cluster", event_id, length=20)


@dataclass(slots=True)
class Cluster:
    cluster_id: str
    block: str | None
    day_min: int
    day_max: int
    country: str | None
    first_seen: float
    last_seen: float
    event_ids: list[str] = field(default_factory=list)  # every mention, arrival order
    articles: list[str] = field(default_factory=list)
    outlets: set[str] = field(default_factory=set)
    representative: dict[str, Any] = field(default_factory=dict)
    rep_rank: list[Any] = field(default_factory=list)

    def accepts(self, day: int, country: str | None, span: int) -> bool:
        if max(self.day_max, day) - min(self.day_min, day) > span:
            return False
        return country is None or self.country is None or country == self.country

    def add(self, mention: dict[str, Any], when: float, day: int, config: ClusterConfig) -> None:
        event = mention["event"]
        self.event_ids.append(event["event_id"])
        self.day_min, self.day_max = min(self.day_min, day), max(self.day_max, day)
        self.country = self.country or _country(event)
        self.first_seen, self.last_seen = min(self.first_seen, when), max(self.last_seen, when)
        if event["article_id"] not in self.articles:
            self.articles.append(event["article_id"])
        if mention.get("outlet") and len(self.outlets) < config.max_sources:
            self.outlets.add(mention["outlet"])
        rank = [-float(event.get("confidence") or 0.0), when, event["event_id"]]
        if not self.rep_rank or rank < self.rep_rank:
            self.representative, self.rep_rank = event, rank

    def to_record(self, config: ClusterConfig, closed: bool = False) -> dict[str, Any]:
        rep = self.representative
        return {
            "schema_version": MERGED_EVENT_SCHEMA_VERSION,
            "record_type": "merged_event",
            "cluster_id": self.cluster_id,
            "plover_type": rep.get("plover_type"),
            "cameo_code": rep.get("cameo_code"),
            "source": _actor(rep.get("source")),
            "target": _actor(rep.get("target")),
            "date_first": _day_iso(self.day_min),
            "date_last": _day_iso(self.day_max),
            "country": self.country,
            "first_seen": iso(self.first_seen),
            "last_seen": iso(self.last_seen),
            "num_mentions": len(self.event_ids),
            "num_articles": len(self.articles),
            "num_sources": len(self.outlets),
            "event_ids": self.event_ids[: config.max_event_ids],
            "event_ids_truncated": len(self.event_ids) > config.max_event_ids,
            "representative": rep,
            "closed": closed,
        }

    def to_state(self, config: ClusterConfig) -> dict[str, Any]:
        return {
            "id": self.cluster_id, "b": self.block, "d0": self.day_min, "d1": self.day_max, "c": self.country,
            "f": self.first_seen, "l": self.last_seen, "m": self.event_ids, "a": self.articles,
            "o": sorted(self.outlets), "r": self.representative, "rr": self.rep_rank,
        }

    @classmethod
    def from_state(cls, d: dict[str, Any]) -> "Cluster":
        return cls(d["id"], d["b"], d["d0"], d["d1"], d["c"], d["f"], d["l"], list(d["m"]), list(d["a"]), set(d["o"]), d["r"], list(d["rr"]))


def _country(event: dict[str, Any]) -> str | None:
    return (event.get("location") or {}).get("country")


def _actor(actor: dict[str, Any] | None) -> dict[str, Any] | None:
    if not actor:
        return None
    return {"canonical": actor.get("canonical"), "text": actor.get("text"), "country": actor.get("country"), "sector": actor.get("sector")}


def _day_iso(day: int) -> str:
    return iso(day * DAY_S)[:10]


class EventClusters(EventTimeAggregator):
    config: ClusterConfig

    def __init__(self, config: ClusterConfig | None = None, store: MutableMapping[str, bytes] | None = None) -> None:
        self.clusters: dict[str, Cluster] = {}
        self.event_cluster: dict[str, str] = {}
        self._blocks: dict[str, list[str]] = {}
        self._dropped: set[str] = set()
        super().__init__(config or ClusterConfig(), store, self.clusters)

    def _record(self, cluster: Cluster) -> dict[str, Any]:
        return cluster.to_record(self.config)

    # ------------------------------------------------------------------ one mention
    def _apply_one(self, mention: dict[str, Any]) -> list[dict[str, Any]]:
        cfg = self.config
        event = mention["event"]
        if not happening(event):
            self.stats["skipped"] += 1
            return []
        known = self.event_cluster.get(event["event_id"])
        if known is not None:
            self.stats["redelivered"] += 1
            return [self.clusters[known].to_record(cfg)]
        when = self._time_of(mention.get("published_at"), mention.get("input_ts"))
        day = day_number((event.get("date") or {}).get("resolved")) or day_number(when) or 0
        if self._is_late(when):
            self.stats["late"] += 1
            late = Cluster(cluster_id_for("late:" + event["event_id"]), None, day, day, None, when, when)
            late.add(mention, when, day, cfg)
            return [late.to_record(cfg, closed=True)]
        out = self._advance(when)
        block = block_key(event)
        cluster = self._match(block, day, _country(event)) if block is not None else None
        if cluster is None:
            cluster = Cluster(cluster_id_for(event["event_id"]), block, day, day, None, when, when)
            self.clusters[cluster.cluster_id] = cluster
            if block is not None:
                self._blocks.setdefault(block, []).append(cluster.cluster_id)
            self.stats["created"] += 1
            if len(self.clusters) > cfg.max_open_clusters:
                out.extend(self._close_idle(limit=len(self.clusters) - cfg.max_open_clusters))
        else:
            self.stats["merged"] += 1
        cluster.add(mention, when, day, cfg)
        self.event_cluster[event["event_id"]] = cluster.cluster_id
        self._schedule(cluster.last_seen, cluster.cluster_id)
        self._dirty.add(cluster.cluster_id)
        out.append(cluster.to_record(cfg))
        return out

    def _match(self, block: str, day: int, country: str | None) -> Cluster | None:
        best: Cluster | None = None
        for cid in self._blocks.get(block, ()):
            c = self.clusters[cid]
            if c.accepts(day, country, self.config.max_span_days):
                if best is None or (-len(c.event_ids), c.first_seen, c.cluster_id) < (-len(best.event_ids), best.first_seen, best.cluster_id):
                    best = c
        return best

    def _open_group(self, key: str) -> Cluster | None:
        return self.clusters.get(key)

    def _close(self, cluster: Cluster) -> dict[str, Any]:
        record = cluster.to_record(self.config, closed=True)
        cid = cluster.cluster_id
        del self.clusters[cid]
        if cluster.block is not None:
            ids = self._blocks[cluster.block]
            ids.remove(cid)
            if not ids:
                del self._blocks[cluster.block]
        for event_id in cluster.event_ids:
            self.event_cluster.pop(event_id, None)
        self._dirty.discard(cid)
        self._dropped.add(cid)
        self.stats["closed"] += 1
        return record

    # ------------------------------------------------------------------ store
    def _flush(self) -> None:
        store = self.store
        if store is not None:
            self._write_watermark(store)
            for cid in sorted(self._dropped):
                store.pop(_CLUSTER + cid, None)
            for cid in sorted(self._dirty - {WATERMARK_KEY}):
                store[_CLUSTER + cid] = compact_json(self.clusters[cid].to_state(self.config))
        self._dirty.clear()
        self._dropped.clear()

    def _load(self, store: MutableMapping[str, bytes]) -> None:
        for key, value in store.items():
            if key == WATERMARK_KEY:
                self._read_watermark(value)
            elif key.startswith(_CLUSTER):
                cluster = Cluster.from_state(orjson.loads(value))
                self.clusters[cluster.cluster_id] = cluster
        for cluster in sorted(self.clusters.values(), key=lambda c: (c.first_seen, c.cluster_id)):
            for event_id in cluster.event_ids:
                self.event_cluster[event_id] = cluster.cluster_id
            if cluster.block is not None:
                self._blocks.setdefault(cluster.block, []).append(cluster.cluster_id)
            self._schedule(cluster.last_seen, cluster.cluster_id)
