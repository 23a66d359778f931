"""Applies every partition of every store's changelog to the local stores, from the persisted offsets.

Every worker runs one reader over all partitions (as a Faust ``GlobalTable``
would), with its own consumer outside the consumer group: no group, no
rebalances, no recovery loop. It starts each partition at the offset persisted
in the local store (its tail), or at the beginning for a new store.

Catch-up: ``wait(targets)`` returns once each partition is applied up to a
target offset (an end offset read by the caller), which is how a stage waits,
on assignment of an input partition, for the same-numbered changelog partition
before it decides anything about that partition's articles.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

from aiokafka import TopicPartition

from .store import Store

log = logging.getLogger(__name__)

_MAX_RECORDS = 500  # per poll: one poll's apply stays a few tens of ms on the event loop


class ChangelogReader:
    def __init__(self, consumer: Any, stores: list[Store]) -> None:
        self.consumer = consumer  # an AIOKafkaConsumer without group, started by the runtime
        self.stores = {s.topic: s for s in stores}
        self.positions: dict[TopicPartition, int] = {}
        self._progress = asyncio.Condition()
        self._task: asyncio.Task[None] | None = None
        self.error: BaseException | None = None

    def partitions(self) -> list[TopicPartition]:
        return [TopicPartition(s.topic, p) for s in self.stores.values() for p in range(s.partitions)]

    async def end_offsets(self, tps: list[TopicPartition]) -> dict[TopicPartition, int]:
        return await self.consumer.end_offsets(tps)

    async def start(self) -> None:
        """Assign every partition and seek to the persisted offsets (a store whose offsets are
        past the changelog's end, e.g. a topic deleted and recreated, is rebuilt from the start)."""
        tps = self.partitions()
        self.consumer.assign(tps)
        ends = await self.end_offsets(tps)
        for store in self.stores.values():
            if any(store.offsets.get(p, 0) > ends[TopicPartition(store.topic, p)] for p in range(store.partitions)):
                store.wipe("persisted offsets are past the changelog's end offsets")
        for tp in tps:
            offset = self.stores[tp.topic].offsets.get(tp.partition)
            if offset is None:
                await self.consumer.seek_to_beginning(tp)
                self.positions[tp] = 0
            else:
                self.consumer.seek(tp, offset)
                self.positions[tp] = offset
        self._task = asyncio.create_task(self._run(), name="state-changelog-reader")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except (asyncio.CancelledError, Exception):  # noqa: BLE001
                pass
            self._task = None

    async def _run(self) -> None:
        try:
            while True:
                batches = await self.consumer.getmany(timeout_ms=500, max_records=_MAX_RECORDS)
                for tp, records in batches.items():
                    if records:
                        store = self.stores[tp.topic]
                        store.apply(tp.partition, records, records[-1].offset + 1)
                        self.positions[tp] = records[-1].offset + 1
                async with self._progress:
                    self._progress.notify_all()
                await asyncio.sleep(0)
        except asyncio.CancelledError:
            raise
        except BaseException as exc:
            self.error = exc
            log.exception("state changelog reader stopped")
            async with self._progress:
                self._progress.notify_all()
            raise

    async def _position(self, tp: TopicPartition) -> int:
        """Applied position; also past offsets the broker no longer holds (compacted away at the end)."""
        pos = self.positions.get(tp, 0)
        try:
            fetched = await self.consumer.position(tp)
        except Exception:  # noqa: BLE001 - the applied position is enough
            return pos
        return max(pos, fetched) if fetched is not None else pos

    async def wait(self, targets: dict[TopicPartition, int], timeout_s: float | None = None, what: str = "") -> None:
        """Return once every partition is applied up to its target offset."""
        deadline = None if timeout_s is None else time.monotonic() + timeout_s
        last_log = time.monotonic()
        while True:
            if self.error is not None:
                raise RuntimeError(f"state changelog reader failed: {self.error!r}") from self.error
            behind = {tp: t for tp, t in targets.items() if self.positions.get(tp, 0) < t}
            for tp in list(behind):
                if await self._position(tp) >= behind[tp]:
                    del behind[tp]
            if not behind:
                return
            now = time.monotonic()
            if deadline is not None and now >= deadline:
                raise TimeoutError(f"state not caught up{what}: {_describe(behind, self.positions)}")
            if now - last_log > 10:
                log.info("waiting for state changelog%s: %s", what, _describe(behind, self.positions))
                last_log = now
            async with self._progress:
                try:
                    await asyncio.wait_for(self._progress.wait(), timeout=1.0)
                except asyncio.TimeoutError:
                    pass


def _describe(behind: dict[TopicPartition, int], positions: dict[TopicPartition, int]) -> str:
    items = sorted(behind.items())[:6]
    return ", ".join(f"{tp.topic}[{tp.partition}] at {positions.get(tp, 0)} of {t}" for tp, t in items) + (" ..." if len(behind) > 6 else "")
