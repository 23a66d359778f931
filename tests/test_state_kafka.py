"""The state layer on the real broker: sharing, restart from the tail, expiry in the changelog, replays.

Each test uses its own app id (so its own changelog topics) and local
directories; workers are ``StateRuntime`` instances in this process, each with
its own RocksDB, consumer and producer, as separate worker processes would have.
"""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import numpy as np
import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from kafka_harness import bootstrap
from streams.cleaning.dedup import from_minhash, signature
from streams.config import Settings
from streams.duplicates import (
    EXACT_STORE,
    NEAR_STORE,
    ExactDuplicateState,
    ExactItem,
    NearDuplicateState,
    article_ref,
    exact_index_keys,
    near_index_keys,
)
from streams.state import StateRuntime, StoreSpec
from streams.state import layout as L
from streams.state.changelog import changelog_topic
from test_cleaning_dedup import WIRE, syndicated

pytestmark = [pytest.mark.kafka, pytest.mark.timeout(300)]

RAW, CLEAN = "in.raw", "in.clean"  # input topics (not created: the stores then follow the configured partition count)
PARTITIONS = 4
HOUR = 3600
T0 = 1_780_000_000 // 300 * 300


def tps(topic: str, partitions=range(PARTITIONS)) -> list[TopicPartition]:
    return [TopicPartition(topic, p) for p in partitions]


class Worker:
    """One worker's state: the two duplicate stores over a runtime."""

    def __init__(self, app_id: str, data_dir: Path, horizon_hours: float = 72.0) -> None:
        state = settings = Settings(KAFKA_BOOTSTRAP_SERVERS=bootstrap(), app_id=app_id, topic_partitions=PARTITIONS, data_dir=str(data_dir),
                                    dedup_horizon_hours=horizon_hours, state_block_cache_mb=8, state_write_buffer_mb=1)
        self.runtime = StateRuntime(settings, upkeep_interval_s=0.2, metrics_interval_s=0.0)
        self.near_store = self.runtime.add_store(StoreSpec(NEAR_STORE, RAW, state.horizon_s, near_index_keys))
        self.exact_store = self.runtime.add_store(StoreSpec(EXACT_STORE, CLEAN, state.horizon_s, exact_index_keys))
        self.near = NearDuplicateState(self.near_store)
        self.exact = ExactDuplicateState(self.exact_store)

    def applied(self, store: str) -> float:
        return self.runtime.metrics.applied.labels(store=store)._value.get()  # noqa: SLF001


@asynccontextmanager
async def worker(app_id: str, data_dir: Path, horizon_hours: float = 72.0) -> AsyncIterator[Worker]:
    w = Worker(app_id, data_dir, horizon_hours)
    await w.runtime.start()
    try:
        await w.runtime.caught_up(60)
        yield w
    finally:
        await w.runtime.stop()


def app() -> str:
    return f"test-state-{uuid.uuid4().hex[:8]}"


def sig(rng: np.random.Generator) -> tuple[np.ndarray, bytes]:
    values = rng.integers(0, 2**32, 128, dtype=np.uint64).astype(np.uint32)
    return values, from_minhash(values)


def near_copy(values: np.ndarray, rng: np.random.Generator, changed: int = 24) -> bytes:
    copy = values.copy()
    copy[rng.choice(128, changed, replace=False)] = rng.integers(0, 2**32, changed, dtype=np.uint64).astype(np.uint32)
    return from_minhash(copy)


async def read_changelog(topic: str) -> list[tuple[int, bytes, bytes | None, dict[str, bytes]]]:
    """Every record of a topic from the beginning: (partition, key, value, headers)."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap(), group_id=None, enable_auto_commit=False)
    await consumer.start()
    try:
        parts = tps(topic)
        consumer.assign(parts)
        await consumer.seek_to_beginning(*parts)
        ends = await consumer.end_offsets(parts)
        out = []
        async def behind() -> bool:
            return any([(await consumer.position(tp)) < ends[tp] for tp in parts])

        while await behind():
            for tp, records in (await consumer.getmany(timeout_ms=500)).items():
                out.extend((tp.partition, r.key, r.value, dict(r.headers or ())) for r in records)
        return out
    finally:
        await consumer.stop()


def test_two_workers_see_each_others_keys(kafka: str, tmp_path: Path) -> None:
    async def go() -> None:
        rng = np.random.default_rng(1)
        app_id = app()
        async with worker(app_id, tmp_path / "a") as a, worker(app_id, tmp_path / "b") as b:
            a.runtime.assigned(tps(RAW, [0, 1]) + tps(CLEAN, [0, 1]))
            b.runtime.assigned(tps(RAW, [2, 3]) + tps(CLEAN, [2, 3]))
            va, sa = sig(rng)
            vb, sb = sig(rng)
            assert a.near.check("story-a", 0, sa, T0) is None
            assert b.near.check("story-b", 3, sb, T0 + 1) is None
            a.exact.remember(ExactItem("text-a", 1, "ab" * 32, T0), None)
            await asyncio.gather(a.runtime.sync(), b.runtime.sync())
            # each waits until it has applied the other's partitions up to their end
            await a.runtime.ready(tps(RAW) + tps(CLEAN))
            await b.runtime.ready(tps(RAW) + tps(CLEAN))
            assert b.near.check("copy-of-a", 2, near_copy(va, rng), T0 + 2) == "story-a"
            assert a.near.check("copy-of-b", 1, near_copy(vb, rng), T0 + 3) == "story-b"
            assert b.exact.decide([ExactItem("text-b", 2, "ab" * 32, T0 + 4)]) == ["text-a"]

    asyncio.run(go())


def test_workers_sharing_one_data_dir_take_distinct_slots(kafka: str, tmp_path: Path) -> None:
    """Replicas on one volume (compose --scale) each get a directory of their own, and a restart gets its old one back."""
    async def go() -> None:
        rng = np.random.default_rng(12)
        app_id = app()
        shared = tmp_path / "volume"
        async with worker(app_id, shared) as a, worker(app_id, shared) as b:
            assert {a.runtime.slot.path.name, b.runtime.slot.path.name} == {"slot-0", "slot-1"}
            assert a.near_store.path.parent == a.runtime.slot.path
            for i in range(40):
                a.near.check(f"shared-{i}", i % PARTITIONS, sig(rng)[1], T0 + i)
            await a.runtime.sync()
            await b.runtime.ready(tps(RAW))
            assert b.near_store.get(article_ref("shared-39")) is not None
            await a.runtime.ready(tps(RAW))
        async with worker(app_id, shared) as again:
            assert again.runtime.slot.path.name == "slot-0"
            assert again.near_store.live_records == 40
            assert again.applied(NEAR_STORE) == 0  # both slots were current: nothing to replay

    asyncio.run(go())


def test_restart_reads_local_state_and_only_the_changelog_tail(kafka: str, tmp_path: Path) -> None:
    async def go() -> None:
        rng = np.random.default_rng(2)
        app_id = app()
        async with worker(app_id, tmp_path / "a") as a:
            for i in range(300):
                a.near.check(f"a-{i}", i % PARTITIONS, sig(rng)[1], T0 + i)
            await a.runtime.sync()
            await a.runtime.ready(tps(RAW))  # its own writes read back: offsets persisted up to the end
        async with worker(app_id, tmp_path / "b") as b:  # another worker writes while "a" is down
            for i in range(50):
                b.near.check(f"b-{i}", i % PARTITIONS, sig(rng)[1], T0 + 400 + i)
            await b.runtime.sync()
            assert b.applied(NEAR_STORE) >= 300  # a new worker replays the whole changelog
        async with worker(app_id, tmp_path / "a") as again:
            assert again.applied(NEAR_STORE) == 50  # the tail only
            assert again.near_store.live_records == 350
            assert again.near_store.get(article_ref("a-7")) is not None
            assert again.near_store.get(article_ref("b-49")) is not None
            assert again.runtime.metrics.recovery_seconds.labels(store=NEAR_STORE)._value.get() > 0  # noqa: SLF001

    asyncio.run(go())


def test_expiry_reaches_the_changelog_and_a_fresh_reader_holds_only_live_keys(kafka: str, tmp_path: Path) -> None:
    async def go() -> None:
        rng = np.random.default_rng(3)
        app_id = app()
        old = [f"old-{i}" for i in range(120)]
        new = [f"new-{i}" for i in range(40)]
        async with worker(app_id, tmp_path / "a", horizon_hours=1) as a, worker(app_id, tmp_path / "b", horizon_hours=1) as b:
            a.runtime.assigned(tps(RAW, [0, 1]))  # each owns half of the partitions
            b.runtime.assigned(tps(RAW, [2, 3]))
            for i, aid in enumerate(old):
                (a if i % PARTITIONS < 2 else b).near.check(aid, i % PARTITIONS, sig(rng)[1], T0 + i)
            for i, aid in enumerate(new):  # two hours later: the old ones are past the horizon
                (a if i % PARTITIONS < 2 else b).near.check(aid, i % PARTITIONS, sig(rng)[1], T0 + 2 * HOUR + i)
            await asyncio.gather(a.runtime.sync(), b.runtime.sync())
            topic = a.near_store.topic
            for _ in range(100):
                await asyncio.sleep(0.3)
                records = await read_changelog(topic)
                if sum(1 for r in records if r[2] is None) >= len(old):
                    break
            await a.runtime.ready(tps(RAW))
            await b.runtime.ready(tps(RAW))
            for w in (a, b):  # the tombstones read back settle every worker's owed notes
                for _ in range(50):
                    if await w.near_store.owed_tombstones() == 0:
                        break
                    await asyncio.sleep(0.2)
                assert await w.near_store.owed_tombstones() == 0
                assert w.near_store.live_records == len(new)

        tombstones = Counter(key for _, key, value, _ in records if value is None)
        assert set(tombstones) == {article_ref(aid) for aid in old}
        assert set(tombstones.values()) == {1}  # each sent once, by the owner of its partition
        for partition, key, value, headers in records:
            if value is None:
                assert L.read_u32(headers[L.TIME_HEADER]) < T0 + 2 * HOUR - HOUR
        assert all(r[1] not in tombstones for r in records if r[2] is not None and r[1] in {article_ref(x) for x in new})

        async with worker(app_id, tmp_path / "fresh", horizon_hours=1) as fresh:
            store = fresh.near_store
            assert store.live_records == len(new)
            assert all(store.get(article_ref(aid)) is not None for aid in new)
            assert all(store.get(article_ref(aid)) is None for aid in old)
            assert await store.owed_tombstones() == 0
            assert store.oldest_bucket() >= store.buckets.floor(store.watermark)

    asyncio.run(go())


def test_a_replay_gives_the_first_answers_whatever_the_lag(kafka: str, tmp_path: Path) -> None:
    """First run: a copy is decided before the original's record reached its worker (lag), so it is
    not linked. A replay on a fresh worker that sees everything must still give the first answers."""

    async def go() -> None:
        app_id = app()
        original, copy = WIRE[2], syndicated(WIRE[2])
        h = "cd" * 32
        async with worker(app_id, tmp_path / "a") as a, worker(app_id, tmp_path / "b") as b:
            a.runtime.assigned(tps(RAW, [0]) + tps(CLEAN, [0]))
            b.runtime.assigned(tps(RAW, [1]) + tps(CLEAN, [1]))
            # "a" decides the original but has not synced yet; "b" decides the copy meanwhile
            first = {"orig": a.near.check("orig", 0, signature(original), T0)}
            first["copy"] = b.near.check("copy", 1, signature(copy), T0 + 5)
            exact_first = {"x1": a.exact.decide([ExactItem("x1", 0, h, T0)])[0]}
            a.exact.remember(ExactItem("x1", 0, h, T0), exact_first["x1"])
            exact_first["x2"] = b.exact.decide([ExactItem("x2", 1, h, T0 + 5)])[0]
            b.exact.remember(ExactItem("x2", 1, h, T0 + 5), exact_first["x2"])
            await asyncio.gather(a.runtime.sync(), b.runtime.sync())
            assert first == {"orig": None, "copy": None} and exact_first == {"x1": None, "x2": None}
            # with everything visible, a new article with the same content is linked
            await b.runtime.ready(tps(RAW, [0]) + tps(CLEAN, [0]))
            assert b.near.check("copy-later", 1, signature(copy), T0 + 9) == "orig"

        async with worker(app_id, tmp_path / "replay") as r:
            r.runtime.assigned(tps(RAW) + tps(CLEAN))
            await r.runtime.ready(tps(RAW) + tps(CLEAN))
            # replay in another order: answers are the first ones, not a recomputation
            assert r.near.check("copy", 1, signature(copy), T0 + 5) is None
            assert r.near.check("orig", 0, signature(original), T0) is None
            assert r.near.check("copy-later", 1, signature(copy), T0 + 9) == "orig"
            assert r.exact.decide([ExactItem("x2", 1, h, T0 + 5), ExactItem("x1", 0, h, T0)]) == [None, None]
            assert r.exact.decide([ExactItem("x3", 2, h, T0 + 6)]) in (["x1"], ["x2"])

    asyncio.run(go())


def test_ready_makes_the_previous_owners_answers_visible(kafka: str, tmp_path: Path) -> None:
    """A partition moves to a worker that has just started: before deciding it catches up on that
    partition's changelog, so it repeats the previous owner's answer instead of recomputing it."""

    async def go() -> None:
        rng = np.random.default_rng(5)
        app_id = app()
        values, s = sig(rng)
        async with worker(app_id, tmp_path / "a") as a:
            a.runtime.assigned(tps(RAW))
            for i in range(2000):  # enough changelog for a new reader to need a moment
                a.near.check(f"filler-{i}", i % PARTITIONS, sig(rng)[1], T0 + i)
            assert a.near.check("lonely", 2, near_copy(values, rng), T0 + 3000) is None
            await a.runtime.sync()
            b = Worker(app_id, tmp_path / "b")
            await b.runtime.start()  # not waiting for recovery
            try:
                a.near.check("orig-late", 3, s, T0 + 3001)  # the article "lonely" resembles, written after
                await a.runtime.sync()
                b.runtime.assigned(tps(RAW, [2]))
                await b.runtime.ready(tps(RAW, [2]))
                assert b.near_store.offsets.get(2, 0) > 0
                assert b.near.check("lonely", 2, near_copy(values, rng), T0 + 3000) is None
            finally:
                await b.runtime.stop()

    asyncio.run(go())


def test_a_recreated_changelog_rebuilds_the_local_store(kafka: str, tmp_path: Path) -> None:
    async def go() -> None:
        rng = np.random.default_rng(6)
        app_id = app()
        async with worker(app_id, tmp_path / "a") as a:
            for i in range(20):
                a.near.check(f"k-{i}", i % PARTITIONS, sig(rng)[1], T0 + i)
            await a.runtime.sync()
            await a.runtime.ready(tps(RAW))
        topic = changelog_topic(app_id, NEAR_STORE)
        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap())
        await admin.start()
        try:
            await admin.delete_topics([topic])
            for _ in range(60):
                if topic not in await admin.list_topics():
                    break
                await asyncio.sleep(0.5)
        finally:
            await admin.close()
        async with worker(app_id, tmp_path / "a") as again:
            assert again.runtime.metrics.wipes.labels(store=NEAR_STORE)._value.get() == 1  # noqa: SLF001
            assert again.near_store.live_records == 0
            assert again.near_store.get(article_ref("k-3")) is None

    asyncio.run(go())
