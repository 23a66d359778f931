"""Offset guard: the group's committed offset of an input partition never passes a message this worker
has not processed, and the agent processes each partition's messages in order, without holes.

Why Faust's own bookkeeping is not enough (each found by the fault suite or an audit):

* it commits what the stream *acknowledged*, and ``take_events`` acknowledges a
  batch whatever its body did (faust-streaming #527/#315), so a batch the worker
  gave up on would be committed unprocessed;
* it treats an offset hole as a "gap" (meant for compacted topics) and commits
  past it, and after a rebalance or restart it can deliver a partition with a hole
  (prefetched records after a seek, #216/#221); our input topics have no holes;
* its head-of-partition check compares against the *next* offset as if it were
  the last processed one (``min(acked) - committed > 1``), so a one-message hole at
  the head is committed past, and with no committed offset (``None`` or ``0``) it
  does not check the head at all;
* table recovery seeks every partition to its committed offset and resets that
  bookkeeping.

So, for the input topics (every stage's, ``chain.input_topics``: the chain's batch agents and the story and
merge agents, which take one message at a time through ``process_one``), the guard owns the decision. Per
assigned partition:

* ``baseline``: the group's committed offset when the partition was assigned
  (Kafka's next-offset convention: the first offset not yet processed), or the
  partition's log-start offset when the group has none. Read from the broker;
  while it cannot be read (broker failover, exactly when holes appear), the
  partition's messages are not processed and nothing of it is committed: the
  guard fails closed, retries, and seeks to the baseline once it has it;
* ``expected``: the next offset the agent may process. A message below it was
  admitted before (redelivered after a seek) and is skipped; a message beyond
  it means a hole: it is skipped, and the partition is sought back to
  ``expected`` so the hole is fetched (a head hole is a hole like any other);
* ``done``: every offset below it has its outputs acknowledged. This, and only
  this, is what Faust commits (``Consumer._new_offset`` is replaced for these
  topics), so an abandoned or given-back message is never committed past.

Messages given back by the agent (batch budget spent, partitions revoked,
infrastructure fault) reset ``expected`` to the first of them and seek there.

A hole is seen when a later offset arrives; a hole at the *tail* of a partition
(nothing after it yet) is not, so two more things make sure a message fetched
and then lost is fetched again:

* **Faust's flow control discards what was fetched.** At the end of every
  rebalance Faust resumes the stream partitions, seeks them to their committed
  offsets and only then resumes its flow, which clears the agents' stream
  buffers (``clear_on_resume``): what was fetched into them meanwhile is gone,
  though the consumer's position is past it (the CI failure of
  ``test_faults_quick``: the last 15 messages of a partition, lag 15 for good).
  So after every ``flow_control.resume()`` each partition is sought back to its
  ``expected`` offset (``on_flow_resumed``); what was not lost comes again and
  is skipped as redelivered.
* **A stalled partition is fetched again.** ``check_progress`` (every heartbeat,
  with the end offsets the lag gauge reads) finds an assigned partition with
  messages at or past ``expected`` whose ``expected`` has not moved, while its
  agent received nothing of that topic, for ``partition_stall_s``: it is sought
  back to ``expected`` (``offset_guard_refetches{cause="stalled"}``), again every
  ``partition_stall_s``; after ``partition_stall_unhealthy_s`` ``/health`` fails
  (``problems``) so that the worker is restarted rather than wedged silently. A
  caught-up partition also stops the watchdog repeating a seek that has nothing
  to deliver.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, Iterable, Mapping, Sequence

log = logging.getLogger(__name__)

RESEEK_AFTER_S = 10.0  # a requested seek that delivered nothing yet is repeated after this long


@dataclass(slots=True)
class PartitionState:
    baseline: int | None = None   # None: not known yet (fail closed)
    expected: int = 0
    done: int = 0
    seek_to: int | None = None    # a seek to make (by the agent after its batch, or the watchdog)
    sought_at: float = 0.0        # when the last seek was made (0: none pending)
    skipped_unknown: bool = False  # messages were skipped while the baseline was unknown
    reseeks: int = 0              # seeks that delivered nothing in time (log start moved past us?)
    refetch: bool = False         # Faust discarded fetched messages: seek to ``expected`` (an admission does not cancel it)
    assigned_at: float = 0.0      # when the partition was assigned (its baseline may still be unknown)
    progress_at: float = 0.0      # when ``expected`` last moved, or the partition was last seen caught up
    progress_mark: int = -1       # ``expected`` at ``progress_at``
    stall_seek_at: float = 0.0    # when the stall detector last sought it back (0: not stalled)


class OffsetGuard:
    def __init__(self, app: Any, offsets: Any, metrics: Any, topics: Iterable[str], *, retry_s: float = 2.0,
                 stall_s: float = 30.0, stall_unhealthy_s: float = 120.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.app = app
        self.offsets = offsets      # kafka_client.GroupOffsets: committed offsets from the broker
        self.metrics = metrics
        self.topics = set(topics)
        self.retry_s = retry_s
        self.stall_s = stall_s                      # Settings.partition_stall_s
        self.stall_unhealthy_s = stall_unhealthy_s  # Settings.partition_stall_unhealthy_s
        self.clock = clock
        self.state: dict[Any, PartitionState] = {}
        self.generation = 0         # bumped on every assignment change: a batch admitted before it is void
        self._activity: dict[str, float] = {}  # per input topic: when its agent last received or settled a batch
        self._open: dict[tuple[str, int], int] = {}  # (topic, generation): batches admitted and not settled yet
        self._patched = False
        self._retry: asyncio.Task | None = None

    # -- Faust integration -------------------------------------------------------------------------
    def install(self) -> None:
        """Take the commit decision for our topics away from Faust's ack bookkeeping."""
        if self._patched:
            return
        consumer = self.app.consumer
        original_new_offset = consumer._new_offset  # noqa: SLF001
        original_add_gap = consumer._add_gap  # noqa: SLF001
        original_pending = consumer._filter_tps_with_pending_acks  # noqa: SLF001
        topics = self.topics

        def new_offset(tp: Any) -> int | None:
            if tp.topic not in topics:
                return original_new_offset(tp)
            # Faust's acks of these partitions carry no information we use: drop them.
            consumer._acked[tp].clear()  # noqa: SLF001
            consumer._acked_index[tp].clear()  # noqa: SLF001
            return self.committable(tp)

        async def add_gap(tp: Any, offset_from: int, offset_to: int) -> None:
            if tp.topic in topics:
                return  # a hole is never committable; admit() refetches it
            await original_add_gap(tp, offset_from, offset_to)

        def pending(topics_arg: Any = None) -> Iterable[Any]:
            seen = set()
            for tp in original_pending(topics_arg):
                seen.add(tp)
                yield tp
            for tp in list(self.state):  # done offsets are committable even when Faust saw no new ack
                if tp not in seen and (topics_arg is None or tp in topics_arg or tp.topic in topics_arg):
                    yield tp

        consumer._new_offset = new_offset  # noqa: SLF001 - instance override, see the module doc
        consumer._add_gap = add_gap  # noqa: SLF001
        consumer._filter_tps_with_pending_acks = pending  # noqa: SLF001

        flow_control = self.app.flow_control
        original_resume = flow_control.resume

        def resume() -> None:
            original_resume()      # clears the stream buffers (clear_on_resume)
            self.on_flow_resumed()

        flow_control.resume = resume  # instance override: FlowControlEvent.resume, called by Faust's recovery
        self._patched = True

    def committable(self, tp: Any) -> int | None:
        """The offset Faust may commit for ``tp`` (next-offset convention), or None."""
        st = self.state.get(tp)
        if st is None or st.baseline is None:
            return None
        committed = self.app.consumer._committed_offset.get(tp)  # noqa: SLF001
        if st.done <= st.baseline or (committed is not None and st.done <= committed):
            return None  # nothing processed since the baseline (or already committed)
        return st.done

    async def on_assigned(self, assigned: Iterable[Any]) -> None:
        self.install()
        tps = [tp for tp in assigned if tp.topic in self.topics]
        self.generation += 1
        self._open.clear()  # batches of earlier generations were abandoned: they no longer make an agent busy
        # Normally Faust's flow is still suspended here (its recovery resumes it later); if it already runs, messages
        # of these partitions may have been delivered and skipped as not assigned: fetch them again from the baseline.
        flowing = self.app.flow_control.is_active()
        now = self.clock()
        for tp in tps:
            self.state[tp] = PartitionState(skipped_unknown=flowing, assigned_at=now, progress_at=now)
        if tps:
            await self._read_baselines(tps)

    def on_revoked(self, revoked: Iterable[Any]) -> None:
        self.generation += 1
        for tp in revoked:
            self.state.pop(tp, None)

    async def _read_baselines(self, tps: list[Any]) -> None:
        try:
            committed = await asyncio.wait_for(self.offsets.committed(tps), 15)
            earliest = await asyncio.wait_for(self.app.consumer.earliest_offsets(*tps), 15)
        except Exception as exc:  # noqa: BLE001 - fail closed: nothing of these partitions is processed or committed
            log.warning("offset guard: cannot read committed offsets of %d partitions (%r); holding them until it can",
                        len(tps), exc)
            self.metrics.offset_guard_waits.inc()
            if self._retry is None or self._retry.done():
                self._retry = asyncio.ensure_future(self._retry_baselines())
            return
        for tp in tps:
            st = self.state.get(tp)
            if st is None or st.baseline is not None:
                continue
            start = committed.get(tp)
            first = int(earliest.get(tp) or 0)
            base = first if start is None else max(int(start), first)
            st.baseline = st.expected = st.done = base
            if st.skipped_unknown:  # messages delivered while the baseline was unknown were skipped: fetch them again
                st.seek_to, st.sought_at = base, 0.0

    async def _retry_baselines(self) -> None:
        while True:
            await asyncio.sleep(self.retry_s)
            missing = [tp for tp, st in self.state.items() if st.baseline is None]
            if not missing:
                return
            await self._read_baselines(missing)

    # -- the agent's side ------------------------------------------------------------------------
    def admit(self, events: Sequence[Any]) -> list[Any]:
        """The events to process, in order: per partition exactly the next expected offsets.

        Skips (and counts) what was admitted before, what lies beyond a hole (asking for a seek back),
        and everything of a partition whose baseline is unknown or that is no longer assigned.
        """
        admitted = []
        now = self.clock()
        for ev in events:
            msg = ev.message
            tp, offset = msg.tp, msg.offset
            self._activity[tp.topic] = now
            st = self.state.get(tp)
            if st is None or st.baseline is None:
                if st is not None:
                    st.skipped_unknown = True
                self._skip(tp, "no_baseline" if st is not None else "not_assigned")
                continue
            if offset == st.expected:
                admitted.append(ev)
                st.expected += 1
                st.seek_to, st.sought_at = None, 0.0
            elif offset < st.expected:
                self._skip(tp, "redelivered")
            else:
                self._skip(tp, "hole")
                pending = st.seek_to is not None or (st.sought_at and now - st.sought_at < RESEEK_AFTER_S)
                if not pending:
                    st.reseeks += 1 if st.sought_at else 0
                    log.warning("offset guard: %s:%d delivered offset %d while %d is next; seeking back",
                                tp.topic, tp.partition, offset, st.expected)
                    self.metrics.offset_holes.labels(topic=tp.topic).inc()
                    st.seek_to = st.expected
        if admitted:
            key = (admitted[0].message.topic, self.generation)
            self._open[key] = self._open.get(key, 0) + 1
        return admitted

    async def process_one(self, event: Any, handle: Callable[[Any], Awaitable[Any]]) -> None:
        """For an agent that takes its input one message at a time (the story and merge stages): ``handle(event)``
        runs only for the next expected offset of its partition; the message is done once it returns, and given back
        (fetched again) if it raises. Then the seeks it asked for are made (a hole it revealed)."""
        admitted, generation = self.admit([event]), self.generation
        if admitted:
            done = 0
            try:
                await handle(event)
                done = 1
            finally:
                self.settle(admitted, done, generation)
        await self.apply_seeks()

    def _skip(self, tp: Any, why: str) -> None:
        self.metrics.offset_guard_skipped.labels(topic=tp.topic, cause=why).inc()

    def settle(self, admitted: Sequence[Any], n_done: int, generation: int) -> int:
        """``admitted[:n_done]`` have their outputs acknowledged; the rest are given back (fetched again).
        Returns how many were given back. A batch admitted before the last assignment change counts
        for nothing: its partitions' state was read afresh from the broker since."""
        if admitted:
            topic = admitted[0].message.topic
            self._activity[topic] = self.clock()
            left = self._open.get((topic, generation), 0) - 1
            if left > 0:
                self._open[(topic, generation)] = left
            else:
                self._open.pop((topic, generation), None)
        if generation != self.generation:
            return len(admitted) - n_done
        for ev in admitted[:n_done]:
            msg = ev.message
            st = self.state.get(msg.tp)
            if st is not None and st.baseline is not None and msg.offset == st.done:
                st.done += 1
        back: dict[Any, int] = {}
        for ev in admitted[n_done:]:
            msg = ev.message
            if msg.tp not in back or msg.offset < back[msg.tp]:
                back[msg.tp] = msg.offset
        for tp, offset in back.items():
            st = self.state.get(tp)
            if st is not None and st.baseline is not None:
                st.expected = min(st.expected, offset)
                st.seek_to = st.expected
        return len(admitted) - n_done

    def watchdog(self) -> None:
        """A seek that delivered nothing for ``RESEEK_AFTER_S`` is asked for again (the heartbeat timer calls this
        and ``apply_seeks``: a partition whose refetch never arrives must not wait for a message that never comes)."""
        now = self.clock()
        for st in self.state.values():
            if st.baseline is not None and st.seek_to is None and st.sought_at and now - st.sought_at > RESEEK_AFTER_S:
                st.reseeks += 1
                st.seek_to = st.expected

    async def apply_seeks(self) -> None:
        """Make the seeks ``admit``/``settle``/baselines/the watchdog asked for."""
        for tp, st in list(self.state.items()):
            if st.refetch and st.baseline is not None:
                # From where the agent has got to *now*: what it still holds (its take buffer) is redelivered and skipped.
                st.refetch = False
                if st.seek_to is None:
                    st.seek_to = st.expected
                log.info("offset guard: %s:%d fetched again from %d (Faust resumed its flow, clearing its stream buffers)",
                         tp.topic, tp.partition, st.seek_to)
                self.metrics.offset_guard_refetches.labels(topic=tp.topic, cause="discarded").inc()
            if st.seek_to is None:
                continue
            if st.reseeks >= 2:
                await self._check_log_start(tp, st)
            offset, st.seek_to = st.seek_to, None
            try:
                # seek_wait runs in the consumer's own thread (Faust's plain seek() calls aiokafka from this one).
                await self.app.consumer.seek_wait({tp: offset})
                st.sought_at = self.clock()
            except Exception as exc:  # noqa: BLE001 - revoked meanwhile, or the consumer is stopping
                log.info("offset guard: seek %s:%d -> %d failed (%r); the commit stays at %d",
                         tp.topic, tp.partition, offset, exc, st.done)

    async def _check_log_start(self, tp: Any, st: PartitionState) -> None:
        """A seek that keeps delivering later offsets: has retention deleted the ones we wait for?"""
        st.reseeks = 0
        try:
            first = int((await self.app.consumer.earliest_offsets(tp)).get(tp) or 0)
        except Exception:  # noqa: BLE001
            return
        if first > st.expected:
            log.error("offset guard: %s:%d offsets %d..%d were deleted by retention before this worker processed them",
                      tp.topic, tp.partition, st.expected, first - 1)
            self.metrics.offset_guard_skipped.labels(topic=tp.topic, cause="deleted_by_retention").inc(first - st.expected)
            st.expected = st.done = first
            st.seek_to = first

    def on_flow_resumed(self) -> None:
        """Faust resumed its flow and so cleared its stream buffers: messages fetched into them are gone, and the
        consumer's position is past them. Every partition is fetched again from ``expected`` (see the module doc)."""
        for st in self.state.values():
            if st.baseline is None:
                st.skipped_unknown = True  # sought to the baseline once it is known
            else:
                st.refetch = True

    def check_progress(self, ends: Mapping[Any, int | None]) -> None:
        """With the partitions' end offsets (read by the lag gauge): seek back a stalled partition, stop the watchdog
        on a caught-up one, and set the stalled-partitions gauge. Stalled: messages from ``expected`` on exist, yet
        ``expected`` has not moved and the agent, idle, received nothing of the partition's topic, for ``stall_s``."""
        now = self.clock()
        stalled = 0
        for tp, st in self.state.items():
            end = ends.get(tp)
            if st.baseline is None or end is None:
                continue
            if st.expected >= end or st.expected != st.progress_mark:
                st.progress_mark, st.progress_at, st.stall_seek_at = st.expected, now, 0.0
                if st.expected >= end:
                    st.sought_at, st.reseeks = 0.0, 0  # nothing to deliver: no seek to repeat
                continue
            quiet = self._quiet(tp, st, now)
            if quiet < self.stall_s:
                continue
            stalled += 1
            if st.seek_to is None and now - st.stall_seek_at >= self.stall_s:
                log.warning("offset guard: %s:%d has offsets %d..%d to process and nothing was delivered for %.0f s; "
                            "fetching again from %d", tp.topic, tp.partition, st.expected, end - 1, quiet, st.expected)
                self.metrics.offset_guard_refetches.labels(topic=tp.topic, cause="stalled").inc()
                st.seek_to, st.stall_seek_at = st.expected, now
        self.metrics.stalled_partitions.set(stalled)

    def problems(self) -> list[str]:
        """For ``/health``: partitions stalled (see ``check_progress``), or held without a baseline, for longer than
        ``stall_unhealthy_s``: refetching did not help, so the worker should be restarted."""
        now = self.clock()
        out = []
        for tp, st in sorted(self.state.items(), key=lambda item: (item[0].topic, item[0].partition)):
            if st.baseline is None:
                if now - st.assigned_at > self.stall_unhealthy_s:
                    out.append(f"{tp.topic}:{tp.partition}: committed offset unreadable for {now - st.assigned_at:.0f} s")
            elif st.stall_seek_at:
                quiet = self._quiet(tp, st, now)
                if quiet > self.stall_unhealthy_s:
                    out.append(f"{tp.topic}:{tp.partition}: stalled at offset {st.expected} for {quiet:.0f} s")
        return out

    def _quiet(self, tp: Any, st: PartitionState, now: float) -> float:
        """How long ``tp`` has made no progress while its agent, idle, received nothing of its topic (0 while the
        agent is busy with a batch, however long: a state catch-up, a slow message)."""
        if self._open.get((tp.topic, self.generation)):
            return 0.0
        return now - max(st.progress_at, self._activity.get(tp.topic, 0.0))

    def done_offsets(self) -> dict[Any, int]:
        """Per guarded partition, the offset below which everything is processed (for a final commit)."""
        return {tp: st.done for tp, st in self.state.items() if st.baseline is not None}
