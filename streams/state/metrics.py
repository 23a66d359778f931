"""Prometheus metrics of the state layer, all prefixed ``newsevents_state_``, labelled by store.

Created on a given registry, so the worker registers them on its own with one
line in ``streams.metrics.Metrics.__init__`` (``self.state = StateMetrics(r)``);
tests and the benchmark make their own registries.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge


# attribute -> (kind, name after ``newsevents_state_``, help); every one is labelled by store.
STATE_METRICS: dict[str, tuple[type[Counter] | type[Gauge], str, str]] = {
    "keys": (Gauge, "keys", "Keys in the local store (RocksDB estimate: records and their index entries)."),
    "records": (Gauge, "live_records", "Records in live time buckets of the local store."),
    "disk_bytes": (Gauge, "disk_bytes", "Bytes the local store holds on disk."),
    "memory_bytes": (Gauge, "memory_bytes", "Memtable bytes of the store; store=\"block-cache\" is the shared block cache."),
    "recovery_seconds": (Gauge, "recovery_seconds", "Seconds from the state layer's start until the store had applied its changelog up to the end offsets seen at start."),
    "caught_up": (Gauge, "caught_up", "1 once the store has applied its changelog up to the end offsets seen at start."),
    "watermark": (Gauge, "watermark_seconds", "Largest event time the store has seen (unix seconds)."),
    "applied": (Counter, "changelog_records_applied", "Changelog records the reader applied to the local store (tombstones included)."),
    "written": (Counter, "changelog_records_written", "Records this worker wrote to the changelog (tombstones excluded)."),
    "tombstones": (Counter, "tombstones_sent", "Changelog tombstones this worker sent for expired records of partitions it owns."),
    "expired_buckets": (Counter, "expired_buckets", "Time buckets dropped from the local store."),
    "expired_records": (Counter, "expired_records", "Records dropped from the local store with their buckets."),
    "owed_tombstones": (Gauge, "owed_tombstones", "Expired records whose changelog tombstone has not been seen yet."),
    "wipes": (Counter, "local_wipes", "Local stores discarded and rebuilt from the changelog (format change, changelog behind the local offsets)."),
}


class StateMetrics:
    """The metrics of ``STATE_METRICS``, as attributes of the same names."""

    keys: Gauge
    records: Gauge
    disk_bytes: Gauge
    memory_bytes: Gauge
    recovery_seconds: Gauge
    caught_up: Gauge
    watermark: Gauge
    applied: Counter
    written: Counter
    tombstones: Counter
    expired_buckets: Counter
    expired_records: Counter
    owed_tombstones: Gauge
    wipes: Counter

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        r = self.registry = registry or CollectorRegistry()
        for attr, (kind, name, doc) in STATE_METRICS.items():
            setattr(self, attr, kind("newsevents_state_" + name, doc, ["store"], registry=r))

    def prepare(self, store: str) -> None:
        """Create the store's series at 0 so rate() sees the first increment."""
        for attr in STATE_METRICS:
            getattr(self, attr).labels(store=store)
