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
