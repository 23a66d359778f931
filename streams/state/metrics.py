"""Prometheus metrics of the state layer, all prefixed ``newsevents_state_``, labelled by store.

Created on a given registry, so the worker registers them on its own with one
line in ``streams.metrics.Metrics.__init__`` (``self.state = StateMetrics(r)``);
tests and the benchmark make their own registries.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge


class StateMetrics:
    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        r = self.registry = registry or CollectorRegistry()
        p = "newsevents_state_"
        self.keys = Gauge(p + "keys", "Keys in the local store (RocksDB estimate: records and their index entries).", ["store"], registry=r)
        self.records = Gauge(p + "live_records", "Records in live time buckets of the local store.", ["store"], registry=r)
        self.disk_bytes = Gauge(p + "disk_bytes", "Bytes the local store holds on disk.", ["store"], registry=r)
        self.memory_bytes = Gauge(p + "memory_bytes", "Memtable bytes of the store; store=\"block-cache\" is the shared block cache.", ["store"], registry=r)
        self.recovery_seconds = Gauge(p + "recovery_seconds", "Seconds from the state layer's start until the store had applied its changelog up to the end offsets seen at start.", ["store"], registry=r)
        self.caught_up = Gauge(p + "caught_up", "1 once the store has applied its changelog up to the end offsets seen at start.", ["store"], registry=r)
        self.watermark = Gauge(p + "watermark_seconds", "Largest event time the store has seen (unix seconds).", ["store"], registry=r)
        self.applied = Counter(p + "changelog_records_applied", "Changelog records the reader applied to the local store (tombstones included).", ["store"], registry=r)
        self.written = Counter(p + "changelog_records_written", "Records this worker wrote to the changelog (tombstones excluded).", ["store"], registry=r)
        self.tombstones = Counter(p + "tombstones_sent", "Changelog tombstones this worker sent for expired records of partitions it owns.", ["store"], registry=r)
        self.expired_buckets = Counter(p + "expired_buckets", "Time buckets dropped from the local store.", ["store"], registry=r)
        self.expired_records = Counter(p + "expired_records", "Records dropped from the local store with their buckets.", ["store"], registry=r)
        self.owed_tombstones = Gauge(p + "owed_tombstones", "Expired records whose changelog tombstone has not been seen yet.", ["store"], registry=r)
        self.wipes = Counter(p + "local_wipes", "Local stores discarded and rebuilt from the changelog (format change, changelog behind the local offsets).", ["store"], registry=r)

    def prepare(self, store: str) -> None:
        """Create the store's series at 0 so rate() sees the first increment."""
        for metric in (self.keys, self.records, self.disk_bytes, self.memory_bytes, self.recovery_seconds, self.caught_up,
                       self.watermark, self.applied, self.written, self.tombstones, self.expired_buckets,
                       self.expired_records, self.owed_tombstones, self.wipes):
            metric.labels(store=store)
