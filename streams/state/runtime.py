"""The state layer of one worker: its stores, one changelog reader, one writer, and upkeep.

Usage (what a stage needs; see docs/state.md):

    runtime = StateRuntime(settings)                        # streams.config.Settings (its state_* fields)
    near = runtime.add_store(StoreSpec("dedup-near", topics["raw"], horizon_s, indexer))
    await runtime.start()                                   # open, create changelogs, start reading
    runtime.assigned(tps) / runtime.revoked(tps)            # from the consumer's rebalance callbacks
    await runtime.ready(tps)                                # before deciding anything for these input partitions
    ... store.get / store.lookup / store.put ...            # synchronous, local
    await runtime.sync()                                    # before publishing what the puts decided
    await runtime.stop()

Semantics the stages rely on:

* **Read-your-writes per input partition.** ``ready(tps)`` returns once, since
  this worker was (re)assigned input partition ``p``, changelog partition ``p`` has
  been applied up to the end offset it had when ``ready`` was first called. Every
  record written for an article of partition ``p`` by a previous owner, and
  acknowledged before that owner published the outputs it decided, is therefore
  visible. So the *first* answer for an article id (a near-duplicate link, an
  exact-duplicate skip) is what every later processing of that id within the
  horizon gets, whatever the changelog lag of other partitions: a replay
  repeats it.
* **Cross-partition lookups are as fresh as the reader.** A copy of an article
  on another partition is found once the reader has applied that article's
  record, usually within a poll; a copy processed before that is not marked,
  and that answer is then remembered like any other.
* **Bounded.** Records expire in event time (``eventtime.py``); memory is
  bounded by the RocksDB settings (``localdb.py``), not by the state's size.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterable
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from ..config import Settings
from ..kafka_client import aiokafka_kwargs, resolve_replication_factor
from .changelog import changelog_topic, ensure_changelog, topic_partitions
from .eventtime import Buckets
from .localdb import make_cache, open_db
from .metrics import StateMetrics
from .reader import ChangelogReader
from .slots import Slot, claim_slot
from .store import Store, StoreSpec
from .writer import ChangelogWriter

log = logging.getLogger(__name__)


class StateRuntime:
    def __init__(self, settings: Settings, metrics: StateMetrics | None = None,
                 *, upkeep_interval_s: float = 1.0, metrics_interval_s: float = 15.0) -> None:
        self.settings = settings
        self.state = settings
        self.metrics = metrics or StateMetrics()
        self.upkeep_interval_s = upkeep_interval_s
        self.metrics_interval_s = metrics_interval_s
        self._metrics_at = 0.0
        self.stores: list[Store] = []
        self._cache = make_cache(self.state.state_block_cache_mb)
        self._producer: AIOKafkaProducer | None = None
        self._consumer: AIOKafkaConsumer | None = None
        self.writer = ChangelogWriter()
        self.reader: ChangelogReader | None = None
        self._verified: set[tuple[str, int]] = set()
        self._upkeep: asyncio.Task[None] | None = None
        self.started_at: float | None = None
        self.recovered_at: float | None = None
        self._recovery: asyncio.Task[None] | None = None
        self.slot: Slot | None = None

    # ---- setup -----------------------------------------------------------------------------

    def add_store(self, spec: StoreSpec) -> Store:
        if self.started_at is not None:
            raise RuntimeError("add stores before start()")
        if any(s.name == spec.name for s in self.stores):
            raise ValueError(f"state store {spec.name!r} added twice")
        s = self.state
        store = Store(
            spec,
            path=s.state_dir / spec.name,  # placeholder: start() puts the store in this process's slot
            buckets=Buckets.for_horizon(spec.horizon_s, s.state_buckets),
            topic=changelog_topic(self.settings.app_id, spec.name),
            open_db=lambda path: open_db(path, cache=self._cache, write_buffer_mb=s.state_write_buffer_mb, max_open_files=s.state_max_open_files),
            writer=self.writer,
            metrics=self.metrics,
            max_ahead_s=s.state_max_ahead_s,
        )
        self.stores.append(store)
        return store

    async def start(self) -> None:
        """Open the local stores, create the changelogs, start the writer, the reader and upkeep.

        Returns without waiting for the changelogs to be applied: ``ready`` and
        ``caught_up`` wait. ``recovery_seconds`` is measured from here.
        """
        self.started_at = time.monotonic()
        await resolve_replication_factor(self.settings)
        kw = aiokafka_kwargs(self.settings)
        admin = AIOKafkaAdminClient(**kw)
        await admin.start()
        try:
            inputs = await topic_partitions(admin, [s.spec.input_topic for s in self.stores])
            for store in self.stores:
                store.partitions = inputs.get(store.spec.input_topic, self.settings.topic_partitions)
                await ensure_changelog(admin, store.topic, partitions=store.partitions,
                                       replication_factor=self.settings.topic_replication_factor, horizon_s=store.spec.horizon_s)
        finally:
            await admin.close()
        self.slot = claim_slot(self.state.state_dir)
        log.info("state directory %s", self.slot.path)
        for store in self.stores:
            store.path = self.slot.path / store.name
            store.open()
        self._producer = AIOKafkaProducer(**kw, acks="all", enable_idempotence=True, linger_ms=5,
                                          client_id=f"{self.settings.app_id}-state-writer")
        await self._producer.start()
        self.writer.producer = self._producer
        self._consumer = AIOKafkaConsumer(
            **kw, group_id=None, enable_auto_commit=False, auto_offset_reset="earliest",
            fetch_max_bytes=self.state.state_fetch_max_mb * 1024 * 1024, max_partition_fetch_bytes=1024 * 1024,
            client_id=f"{self.settings.app_id}-state-reader",
        )
        await self._consumer.start()
        self.reader = ChangelogReader(self._consumer, self.stores)
        await self.reader.start()
        self._recovery = asyncio.create_task(self._measure_recovery(), name="state-recovery")
        self._upkeep = asyncio.create_task(self._run_upkeep(), name="state-upkeep")

    async def stop(self) -> None:
        for task in (self._upkeep, self._recovery):
            if task is not None:
                task.cancel()
                try:
                    await task
                except (asyncio.CancelledError, Exception):  # noqa: BLE001
                    pass
        if self.writer.producer is not None:
            try:
                await asyncio.wait_for(self.writer.sync(), timeout=10)
            except Exception as exc:  # noqa: BLE001 - what was not acknowledged is re-sent by the replay
                log.warning("state writes not acknowledged at stop: %r", exc)
        if self.reader is not None:
            await self.reader.stop()
        for client in (self._consumer, self._producer):
            if client is not None:
                await client.stop()
        for store in self.stores:
            await store.aclose()
        self.writer.producer = None
        self.reader = None
        self._consumer = self._producer = None
        if self.slot is not None:
            self.slot.release()  # after the stores are closed: the next holder opens them
            self.slot = None
        self.started_at = None

    # ---- what a stage calls ----------------------------------------------------------------

    def _store_for(self, topic: str) -> list[Store]:
        return [s for s in self.stores if s.spec.input_topic == topic]

    def assigned(self, tps: Iterable[Any]) -> None:
        """Input partitions this worker now owns: it tombstones their expired records, and must
        catch up on their changelog partitions before deciding (``ready``)."""
        for tp in tps:
            for store in self._store_for(tp.topic):
                store.owned.add(tp.partition)
                self._verified.discard((store.name, tp.partition))

    def revoked(self, tps: Iterable[Any]) -> None:
        for tp in tps:
            for store in self._store_for(tp.topic):
                store.owned.discard(tp.partition)
                self._verified.discard((store.name, tp.partition))

    async def ready(self, tps: Iterable[Any], timeout_s: float | None = None) -> None:
        """Wait until the changelog partitions of these input partitions are applied up to their
        end offsets as of the first call since assignment (read-your-writes; see the module doc)."""
        assert self.reader is not None, "state runtime not started"
        need: dict[TopicPartition, tuple[str, int]] = {}
        for tp in tps:
            for store in self._store_for(tp.topic):
                if (store.name, tp.partition) not in self._verified:
                    need[TopicPartition(store.topic, tp.partition)] = (store.name, tp.partition)
        if not need:
            return
        targets = await self.reader.end_offsets(list(need))
        await self.reader.wait(targets, timeout_s, what=" for assigned partitions")
        self._verified.update(need.values())

    async def sync(self) -> None:
        """Wait until every record ``put`` so far is acknowledged by the changelog (acks=all)."""
        await self.writer.sync()

    async def caught_up(self, timeout_s: float | None = None) -> None:
        """Wait until every changelog partition is applied up to its end offset at start."""
        assert self._recovery is not None, "state runtime not started"
        await asyncio.wait_for(asyncio.shield(self._recovery), timeout_s)

    # ---- background ------------------------------------------------------------------------

    async def _measure_recovery(self) -> None:
        assert self.reader is not None and self.started_at is not None
        for store in self.stores:
            self.metrics.caught_up.labels(store=store.name).set(0)
        tps = self.reader.partitions()
        targets = await self.reader.end_offsets(tps)
        await self.reader.wait(targets, what=" at start")
        self.recovered_at = time.monotonic()
        seconds = self.recovered_at - self.started_at
        for store in self.stores:
            self.metrics.recovery_seconds.labels(store=store.name).set(seconds)
            self.metrics.caught_up.labels(store=store.name).set(1)
        log.info("state recovered in %.2f s (%s)", seconds, ", ".join(f"{s.name}: {s.live_records} records" for s in self.stores))

    async def upkeep(self) -> None:
        """One round: drop expired buckets, queue owed tombstones, send them, refresh the metrics."""
        for store in self.stores:
            await store.expire()
            await store.queue_owed_tombstones()
        try:
            await self.writer.send_queued()
        except Exception as exc:  # noqa: BLE001 - retried next round
            log.warning("state changelog writes failed, retrying: %r", exc)
        now = time.monotonic()
        if now - self._metrics_at >= self.metrics_interval_s:
            self._metrics_at = now
            for store in self.stores:
                store.refresh_metrics()
                self.metrics.owed_tombstones.labels(store=store.name).set(await store.owed_tombstones())
            self.metrics.memory_bytes.labels(store="block-cache").set(self._cache.get_usage())

    async def _run_upkeep(self) -> None:
        while True:
            try:
                await self.upkeep()
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001 - upkeep must not die; the next round retries
                log.exception("state upkeep failed")
            await asyncio.sleep(self.upkeep_interval_s)

