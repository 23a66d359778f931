"""Writes changelog records, in order, and says when they are acknowledged.

One idempotent producer (acks=all, ``enable_idempotence``) per worker for every
store. Writes are queued synchronously (the policy decides inside synchronous
code) and sent in queue order, so within a changelog partition a record and a
later tombstone of the same key reach the broker in the order they were made.

``sync()`` returns once every *data* record queued before the call is
acknowledged, and raises if one was not: the stage must not publish a record
whose deciding state is not durable (a replay on another worker would not see
it). Tombstones are best effort: a failed one stays owed and is sent again.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Write:
    topic: str
    partition: int
    key: bytes
    value: bytes | None
    headers: list[tuple[str, bytes]] | None = None
    done: Callable[[bool], None] | None = None  # called with True once acknowledged, False if it failed


class ChangelogWriter:
    def __init__(self, producer: Any = None) -> None:
        self.producer = producer  # an AIOKafkaProducer (acks=all, idempotent), set and started by the runtime
        self._queue: list[Write] = []
        self._lock = asyncio.Lock()
        self._data_futures: set[asyncio.Future[Any]] = set()
        self._failed: BaseException | None = None

    def write(self, w: Write) -> None:
        self._queue.append(w)

    def queued(self) -> list[Write]:
        """Writes not yet handed to the producer, in order."""
        return list(self._queue)

    async def send_queued(self) -> None:
        """Hand every queued write to the producer, in order (acks arrive later)."""
        if self.producer is None:
            raise RuntimeError("changelog writer has no producer (state runtime not started)")
        async with self._lock:
            while self._queue:
                batch, self._queue = self._queue, []
                for i, w in enumerate(batch):
                    try:
                        fut = await self.producer.send(w.topic, value=w.value, key=w.key, partition=w.partition, headers=w.headers)
                    except BaseException:
                        self._queue[:0] = batch[i:]  # keep the order for the next attempt
                        raise
                    fut.add_done_callback(lambda f, w=w: self._done(f, w))
                    if w.value is not None:
                        self._data_futures.add(fut)

    def _done(self, fut: asyncio.Future[Any], w: Write) -> None:
        self._data_futures.discard(fut)
        if fut.cancelled():
            return
        exc = fut.exception()
        if exc is not None:
            if w.value is not None:
                self._failed = exc
            log.warning("changelog write to %s[%d] failed: %r", w.topic, w.partition, exc)
        if w.done is not None:
            w.done(exc is None)

    async def sync(self) -> None:
        """Wait until every data record queued so far is acknowledged; raise the first failure."""
        await self.send_queued()
        pending = list(self._data_futures)
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)
        failed, self._failed = self._failed, None
        if failed is not None:
            raise failed
