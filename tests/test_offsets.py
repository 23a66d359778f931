"""The offset guard: commits never pass an unprocessed input message (head holes included), it fails
closed without a baseline, and what the agent gives back is fetched again in order.

The commit decision is checked on Faust's real ``Consumer`` (its ack bookkeeping and ``_new_offset``),
so the first test shows the head hole Faust itself commits past, and the others that the guard does not.
"""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

import faust
import pytest
from faust.types import TP
from faust.types.tuples import Message

from streams.metrics import Metrics
from streams.offsets import OffsetGuard

TOPIC = "guard.articles.raw"
TP0 = TP(TOPIC, 0)


class FakeOffsets:
    """The group's committed offsets as the broker would report them (or an outage)."""

    def __init__(self, committed: dict[Any, int | None], fail: int = 0) -> None:
        self.committed_offsets, self.fail = committed, fail

    async def committed(self, tps: list[Any]) -> dict[Any, int | None]:
        if self.fail:
            self.fail -= 1
            raise ConnectionError("coordinator not available")
        return {tp: self.committed_offsets.get(tp) for tp in tps}


def make_app(log_start: int = 0) -> tuple[faust.App, list[tuple[Any, int]]]:
    app = faust.App(f"t-guard-{id(object())}", broker="kafka://127.0.0.1:1", store="memory://")
    app.finalize()
    app.topics._acking_topics.add(TOPIC)  # noqa: SLF001 - as if the agent had subscribed
    consumer = app.consumer
    seeks: list[tuple[Any, int]] = []

    async def seek_wait(partitions: dict[Any, int]) -> None:
        seeks.extend(partitions.items())

    async def earliest_offsets(*tps: Any) -> dict[Any, int]:
        return {tp: log_start for tp in tps}

    consumer.seek_wait = seek_wait  # type: ignore[method-assign]
    consumer.earliest_offsets = earliest_offsets  # type: ignore[method-assign]
    return app, seeks


def ev(offset: int, tp: Any = TP0) -> Any:
    return SimpleNamespace(message=Message(tp.topic, tp.partition, offset, 0.0, 0, None, b"k", b"v", None))


def ack_all(app: faust.App, events: list[Any]) -> None:
    """What ``take_events`` does after every batch, whatever the batch did."""
    for e in events:
        app.consumer.ack(e.message)


def commit_offset(app: faust.App, tp: Any = TP0) -> int | None:
    """The offset Faust's periodic commit would send for ``tp`` now (None: nothing)."""
    return app.consumer._filter_committable_offsets([tp]).get(tp)  # noqa: SLF001


def test_faust_alone_commits_past_a_one_message_head_hole() -> None:
    """The bug the guard exists for: committed offset 5 (= next to process), 6..9 delivered, 5 never."""
    app, _ = make_app()
    app.consumer._committed_offset[TP0] = 5  # noqa: SLF001 - as perform_seek leaves it
    ack_all(app, [ev(o) for o in (6, 7, 8, 9)])
    assert commit_offset(app) == 10  # offset 5 would be lost


def test_guard_refetches_a_head_hole_and_never_commits_past_it() -> None:
    app, seeks = make_app()
    guard = OffsetGuard(app, FakeOffsets({TP0: 5}), Metrics(), [TOPIC])

    async def go() -> None:
        await guard.on_assigned({TP0})
        await guard.apply_seeks()
        assert seeks == []  # the consumer starts at the committed offset by itself
        app.consumer._committed_offset[TP0] = 5  # noqa: SLF001
        # The head hole: the partition is delivered from 6.
        batch = [ev(o) for o in (6, 7, 8, 9)]
        assert guard.admit(batch) == []
        ack_all(app, batch)
        assert commit_offset(app) is None
        await guard.apply_seeks()
        assert seeks[-1] == (TP0, 5)
        # The refetch delivers 5..9, processed in order.
        batch = [ev(o) for o in range(5, 10)]
        admitted = guard.admit(batch)
        assert [e.message.offset for e in admitted] == [5, 6, 7, 8, 9]
        guard.settle(admitted, len(admitted), guard.generation)
        ack_all(app, batch)
        assert commit_offset(app) == 10

    asyncio.run(go())


def test_nothing_is_committed_past_what_was_given_back() -> None:
    """``take_events`` acks a whole batch; only the processed prefix counts."""
    app, seeks = make_app()
    guard = OffsetGuard(app, FakeOffsets({TP0: 0}), Metrics(), [TOPIC])

    async def go() -> None:
        await guard.on_assigned({TP0})
        batch = [ev(o) for o in range(0, 8)]
        admitted = guard.admit(batch)
        assert guard.settle(admitted, 3, guard.generation) == 5  # 0..2 done, 3..7 given back
        ack_all(app, batch)
        assert commit_offset(app) == 3
        await guard.apply_seeks()
        assert seeks[-1] == (TP0, 3)
        # Records prefetched before the seek arrive first: skipped, not processed twice or out of order.
        assert guard.admit([ev(8), ev(9)]) == []
        assert [e.message.offset for e in guard.admit([ev(o) for o in range(3, 10)])] == list(range(3, 10))

    asyncio.run(go())


def test_without_a_baseline_the_guard_fails_closed_then_recovers() -> None:
    app, seeks = make_app()
    guard = OffsetGuard(app, FakeOffsets({TP0: 40}, fail=2), Metrics(), [TOPIC], retry_s=0.05)

    async def go() -> None:
        await guard.on_assigned({TP0})  # broker failover: the committed offset cannot be read
        batch = [ev(o) for o in range(41, 45)]
        assert guard.admit(batch) == []
        ack_all(app, batch)
        assert commit_offset(app) is None
        for _ in range(100):
            await asyncio.sleep(0.05)
            if guard.state[TP0].baseline is not None:
                break
        assert guard.state[TP0].baseline == 40
        await guard.apply_seeks()
        assert seeks[-1] == (TP0, 40)  # what was skipped meanwhile is fetched again
        assert [e.message.offset for e in guard.admit([ev(40), ev(41)])] == [40, 41]

    asyncio.run(go())


def test_a_refetch_that_never_arrives_is_asked_for_again() -> None:
    import streams.offsets as offsets

    app, seeks = make_app()
    guard = OffsetGuard(app, FakeOffsets({TP0: 0}), Metrics(), [TOPIC])

    async def go() -> None:
        await guard.on_assigned({TP0})
        admitted = guard.admit([ev(0), ev(1), ev(2)])
        guard.settle(admitted, 1, guard.generation)
        await guard.apply_seeks()
        assert seeks == [(TP0, 1)]
        guard.watchdog()
        await guard.apply_seeks()
        assert seeks == [(TP0, 1)]  # not yet: the refetch may still be on its way
        guard.state[TP0].sought_at -= offsets.RESEEK_AFTER_S + 1
        guard.watchdog()
        await guard.apply_seeks()
        assert seeks == [(TP0, 1), (TP0, 1)]
        guard.admit([ev(1)])
        guard.watchdog()
        assert guard.state[TP0].seek_to is None  # delivered: nothing pending

    asyncio.run(go())


def test_a_group_without_committed_offsets_starts_at_the_log_start() -> None:
    app, _ = make_app(log_start=12)
    guard = OffsetGuard(app, FakeOffsets({}), Metrics(), [TOPIC])

    async def go() -> None:
        await guard.on_assigned({TP0})
        assert guard.state[TP0].baseline == 12
        app.consumer._committed_offset[TP0] = None  # noqa: SLF001 - Faust's "nothing committed": no head check
        batch = [ev(13), ev(14)]
        assert guard.admit(batch) == []
        ack_all(app, batch)
        assert commit_offset(app) is None

    asyncio.run(go())


def test_a_batch_from_before_a_rebalance_counts_for_nothing() -> None:
    app, _ = make_app()
    offsets = FakeOffsets({TP0: 0})
    guard = OffsetGuard(app, offsets, Metrics(), [TOPIC])

    async def go() -> None:
        await guard.on_assigned({TP0})
        admitted = guard.admit([ev(0), ev(1)])
        generation = guard.generation
        guard.on_revoked({TP0})
        offsets.committed_offsets[TP0] = 0
        await guard.on_assigned({TP0})
        guard.settle(admitted, 2, generation)  # finished after the partition moved: not ours to mark
        assert guard.state[TP0].done == 0

    asyncio.run(go())


def test_table_recovery_resetting_faust_s_bookkeeping_does_not_open_the_hole() -> None:
    """``perform_seek`` after table recovery rewrites ``_committed_offset`` (0 becomes None): the guard does not care."""
    app, _ = make_app()
    guard = OffsetGuard(app, FakeOffsets({TP0: 0}), Metrics(), [TOPIC])

    async def go() -> None:
        await guard.on_assigned({TP0})
        app.consumer._committed_offset.update({TP0: None})  # noqa: SLF001 - what perform_seek writes for offset 0
        batch = [ev(o) for o in (1, 2, 3)]
        assert guard.admit(batch) == []
        ack_all(app, batch)
        assert commit_offset(app) is None

    asyncio.run(go())


@pytest.mark.parametrize("other", ["guard.articles.raw-changelog"])
def test_other_topics_keep_faust_s_own_bookkeeping(other: str) -> None:
    app, _ = make_app()
    app.topics._acking_topics.add(other)  # noqa: SLF001
    guard = OffsetGuard(app, FakeOffsets({}), Metrics(), [TOPIC])
    guard.install()
    tp = TP(other, 0)
    ack_all(app, [ev(o, tp) for o in (0, 1, 2)])
    assert commit_offset(app, tp) == 3


# -- messages fetched and then lost at the tail of a partition (nothing after them shows a hole) -----------------------

TP1 = TP(TOPIC, 1)


def queued(app: faust.App, offsets: range, tp: Any = TP0) -> Any:
    """An agent's stream buffer (a channel queue, as Faust makes it) holding these fetched messages."""
    queue = app.FlowControlQueue(maxsize=32, clear_on_resume=True)
    for o in offsets:
        queue.put_nowait(ev(o, tp))
    return queue


def refetches(metrics: Metrics, cause: str) -> float:
    return metrics.offset_guard_refetches.labels(topic=TOPIC, cause=cause)._value.get()  # noqa: SLF001


def test_faust_discards_what_its_stream_buffers_hold_when_it_resumes_its_flow() -> None:
    """Upstream behaviour behind the CI failure: the end of a rebalance (``Recovery._resume_streams``) resumes the
    partitions, seeks them to the committed offsets and then ``flow_control.resume()``, which clears the buffers."""
    app, _ = make_app()

    async def go() -> None:
        queue = queued(app, range(20, 35))
        app.flow_control.resume()
        assert queue.empty()

    asyncio.run(go())


def test_what_faust_discards_at_the_end_of_a_rebalance_is_fetched_again() -> None:
    """The CI failure: raw:3 committed at 15, 20 messages to the end; after the rebalance the agent took 15..19, the
    rest sat in its buffer when Faust resumed its flow. Nothing after them showed a hole: lag 15 until the deadline."""
    app, seeks = make_app()
    metrics = Metrics()
    guard = OffsetGuard(app, FakeOffsets({TP0: 15}), metrics, [TOPIC])

    async def go() -> None:
        await guard.on_assigned({TP0})
        taken = guard.admit([ev(o) for o in range(15, 20)])
        queue = queued(app, range(20, 35))
        app.flow_control.resume()  # Faust's recovery, after its perform_seek
        assert queue.empty()
        guard.settle(taken, len(taken), guard.generation)
        await guard.apply_seeks()
        assert seeks == [(TP0, 20)]
        assert refetches(metrics, "discarded") == 1
        again = guard.admit([ev(o) for o in range(20, 35)])
        assert [e.message.offset for e in again] == list(range(20, 35))
        guard.settle(again, len(again), guard.generation)
        app.consumer._committed_offset[TP0] = 15  # noqa: SLF001
        assert commit_offset(app) == 35

    asyncio.run(go())


def test_a_refetch_owed_after_the_flow_resumed_survives_the_take_buffer() -> None:
    """What the stream took before the buffers were cleared (Faust's take buffer: 20..24) comes first and is the next
    expected offset; the refetch of what was cleared (25..34) must not be cancelled by it."""
    app, seeks = make_app()
    guard = OffsetGuard(app, FakeOffsets({TP0: 20}), Metrics(), [TOPIC])

    async def go() -> None:
        await guard.on_assigned({TP0})
        queued(app, range(25, 35))
        app.flow_control.resume()
        taken = guard.admit([ev(o) for o in range(20, 25)])
        guard.settle(taken, len(taken), guard.generation)
        await guard.apply_seeks()
        assert seeks == [(TP0, 25)]

    asyncio.run(go())


def test_partitions_assigned_while_the_flow_runs_are_fetched_from_their_baseline() -> None:
    app, seeks = make_app()
    guard = OffsetGuard(app, FakeOffsets({TP0: 7}), Metrics(), [TOPIC])

    async def go() -> None:
        app.flow_control.resume()  # already resumed: messages may have been skipped as not assigned
        assert guard.admit([ev(7), ev(8)]) == []
        await guard.on_assigned({TP0})
        await guard.apply_seeks()
        assert seeks == [(TP0, 7)]

    asyncio.run(go())


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def stalled_guard(stall_s: float = 30.0, unhealthy_s: float = 120.0) -> tuple[OffsetGuard, list[tuple[Any, int]], Metrics, Clock]:
    """TP0 and TP1 assigned, committed at 15; TP0's 15..19 processed, 20..34 fetched and lost."""
    app, seeks = make_app()
    metrics, clock = Metrics(), Clock()
    guard = OffsetGuard(app, FakeOffsets({TP0: 15, TP1: 15}), metrics, [TOPIC], stall_s=stall_s,
                        stall_unhealthy_s=unhealthy_s, clock=clock)

    async def go() -> None:
        await guard.on_assigned({TP0, TP1})
        taken = guard.admit([ev(o) for o in range(15, 20)])
        guard.settle(taken, len(taken), guard.generation)

    asyncio.run(go())
    return guard, seeks, metrics, clock


def test_a_stalled_partition_is_fetched_again_and_fails_health_if_that_does_not_help() -> None:
    from streams.health import Health

    guard, seeks, metrics, clock = stalled_guard()
    health = Health(metrics, SimpleNamespace(seconds=lambda: 0.0), 60.0, partitions=guard.problems)
    health.running = True
    ends = {TP0: 35, TP1: 15}

    async def go() -> None:
        guard.check_progress(ends)
        clock.now += 29
        guard.check_progress(ends)
        await guard.apply_seeks()
        assert seeks == [] and metrics.stalled_partitions._value.get() == 0  # noqa: SLF001
        clock.now += 2
        guard.check_progress(ends)
        await guard.apply_seeks()
        assert seeks == [(TP0, 20)]
        assert refetches(metrics, "stalled") == 1 and metrics.stalled_partitions._value.get() == 1  # noqa: SLF001
        assert health.check()[0]  # refetching first
        for _ in range(3):  # the refetch never arrives: asked for again every stall_s
            clock.now += 30
            guard.check_progress(ends)
            await guard.apply_seeks()
        assert seeks == [(TP0, 20)] * 4
        ok, reasons = health.check()
        assert not ok and reasons == [f"{TOPIC}:0: stalled at offset 20 for 121 s"]
        # It arrives: progress, healthy again.
        again = guard.admit([ev(20), ev(21)])
        guard.settle(again, 2, guard.generation)
        guard.check_progress(ends)
        assert health.check()[0] and metrics.stalled_partitions._value.get() == 0  # noqa: SLF001

    asyncio.run(go())


def test_no_stall_while_the_agent_is_busy_or_gets_other_partitions_or_when_caught_up() -> None:
    guard, seeks, metrics, clock = stalled_guard()
    ends = {TP0: 35, TP1: 40}

    async def go() -> None:
        guard.check_progress(ends)
        # A batch of TP1 that takes minutes (a state catch-up, a starved message): the agent is busy.
        batch = guard.admit([ev(o, TP1) for o in range(15, 31)])
        clock.now += 300
        guard.check_progress(ends)
        assert guard.problems() == []
        guard.settle(batch, len(batch), guard.generation)
        # A backlog of TP1 keeps the agent fed: TP0's prefetched records wait their turn, they are not lost.
        for start in range(31, 40, 3):
            clock.now += 25
            guard.check_progress(ends)
            done = guard.admit([ev(o, TP1) for o in range(start, start + 3)])
            guard.settle(done, len(done), guard.generation)
        await guard.apply_seeks()
        assert seeks == [] and refetches(metrics, "stalled") == 0
        # Caught up: nothing to wait for, and the watchdog stops repeating a seek that cannot deliver anything.
        guard.state[TP0].sought_at = clock.now
        clock.now += 100
        guard.check_progress({TP0: 20, TP1: 40})
        assert guard.state[TP0].sought_at == 0.0
        guard.watchdog()
        await guard.apply_seeks()
        assert seeks == []

    asyncio.run(go())


def test_a_partition_held_without_a_baseline_fails_health_after_the_stall_bound() -> None:
    app, _ = make_app()
    clock = Clock()
    guard = OffsetGuard(app, FakeOffsets({TP0: 3}, fail=10**6), Metrics(), [TOPIC], retry_s=3600, stall_unhealthy_s=120.0, clock=clock)

    async def go() -> None:
        await guard.on_assigned({TP0})
        clock.now += 100
        assert guard.problems() == []
        clock.now += 30
        assert guard.problems() == [f"{TOPIC}:0: committed offset unreadable for 130 s"]
        guard._retry.cancel()  # noqa: SLF001

    asyncio.run(go())
