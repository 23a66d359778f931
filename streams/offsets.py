"""Offset-continuity guard: never commit past an input message that was not processed.

Our input topics (raw, clean) are written by plain producers: their offsets have
no holes. Faust, however, can deliver a partition with a hole after a rebalance
or a restart (prefetched records after a seek; faust-streaming #216/#221), and
its consumer then treats the hole as a "gap" (meant for compacted topics) and
commits past it; with no committed offset yet it does not check the head of the
partition at all. Either way the skipped articles would be lost. Found by the
fault suite (worker kill -9 + restart).

The guard, per assigned input partition:
- knows the next offset it expects (from the group's committed offset, else the
  partition's first offset) and tells Faust's consumer that baseline, so a head
  gap blocks the commit instead of skipping it;
- turns Faust's gap bookkeeping off for these topics (a hole is never
  "committable");
- when a batch arrives with an offset beyond the expected one, lets the batch be
  processed as usual and then seeks the partition back to the first missing
  offset, so the hole is fetched and processed (re-delivered neighbours give the
  same deterministic ids).
If the seek cannot repair the hole, the partition's commit stays behind it: lag
grows and alerts, and a restart resumes from before the hole. Nothing is lost.
"""

from __future__ import annotations

import logging
from typing import Any, Iterable

log = logging.getLogger(__name__)


class OffsetGuard:
    def __init__(self, app: Any, offsets: Any, metrics: Any, topics: Iterable[str]) -> None:
        self.app = app
        self.offsets = offsets
        self.metrics = metrics
        self.topics = set(topics)
        self.expected: dict[Any, int] = {}
        self._patched = False

    def _patch_consumer(self) -> None:
        if self._patched:
            return
        consumer = self.app.consumer
        original = consumer._add_gap  # noqa: SLF001
        topics = self.topics

        async def add_gap(tp: Any, offset_from: int, offset_to: int) -> None:
            if tp.topic in topics:
                log.warning("offsets %d..%d of %s:%d skipped by the consumer; not committable, will be refetched",
                            offset_from, offset_to - 1, tp.topic, tp.partition)
                return
            await original(tp, offset_from, offset_to)

        consumer._add_gap = add_gap  # noqa: SLF001 - instance override of Faust's gap bookkeeping
        self._patched = True

    async def on_assigned(self, assigned: Iterable[Any]) -> None:
        self._patch_consumer()
        tps = [tp for tp in assigned if tp.topic in self.topics]
        if not tps:
            return
        consumer = self.app.consumer
        try:
            committed = await self.offsets.committed(tps)
            earliest = await consumer.earliest_offsets(*tps)
        except Exception as exc:  # noqa: BLE001 - without a baseline the hole check starts at the first delivery
            log.warning("offset guard: could not read offsets (%r)", exc)
            return
        for tp in tps:
            start = committed.get(tp)
            if start is None:
                start = int(earliest.get(tp) or 0)
            self.expected[tp] = start
            # Faust's notion of "committed" is the last processed offset; None/0 disable its head-gap check.
            if not consumer._committed_offset.get(tp):  # noqa: SLF001
                consumer._committed_offset[tp] = start - 1  # noqa: SLF001

    def on_revoked(self, revoked: Iterable[Any]) -> None:
        for tp in revoked:
            self.expected.pop(tp, None)

    def holes(self, events: Iterable[Any]) -> dict[Any, int]:
        """Partitions whose batch skipped offsets -> first missing offset; updates expectations."""
        found: dict[Any, int] = {}
        for ev in events:
            msg = ev.message
            tp, offset = msg.tp, msg.offset
            exp = self.expected.get(tp)
            if exp is not None and offset > exp and tp not in found:
                found[tp] = exp
            if tp not in found and (exp is None or offset >= exp):
                self.expected[tp] = offset + 1
        return found

    async def repair(self, holes: dict[Any, int]) -> None:
        for tp, offset in holes.items():
            log.warning("offset guard: %s:%d skipped from offset %d; seeking back to process it", tp.topic, tp.partition, offset)
            self.metrics.offset_holes.labels(topic=tp.topic).inc()
            self.expected[tp] = offset
            try:
                await self.app.consumer.seek(tp, offset)
            except Exception as exc:  # noqa: BLE001 - the commit stays behind the hole; a restart resumes there
                log.error("offset guard: seek failed (%r); %s:%d will not commit past %d", exc, tp.topic, tp.partition, offset)
