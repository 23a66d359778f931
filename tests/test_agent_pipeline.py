"""The stage agent overlaps batches by one step: batch k+1 runs on the child while batch k is being sent,
yet outputs keep input order, nothing is counted done before it is acknowledged, and a batch that gives
something back takes the batch admitted after it back with it.

The agent runs here with its real offset guard (on Faust's real consumer bookkeeping), its real router
and duplicate policy; only the child (a pool that answers at once) and the producer (a publisher that
records what it was given and when) are stand-ins, so what is checked is the agent's own ordering.
"""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

from test_offsets import TOPIC, TP0, FakeOffsets, ev, make_app

from streams.agents import StageAgent
from streams.duplicate_policy import DuplicatePolicy
from streams.executor import StageRun
from streams.health import Health
from streams.metrics import Metrics
from streams.offsets import OffsetGuard
from streams.outcome import Outcome
from streams.publishing import Stall
from streams.routing import Router

BATCH = 4


class Log(list):
    def at(self, entry: tuple[str, int]) -> int:
        return self.index(entry)


class FakePool:
    """Answers every value at once with one clean record keyed by its offset."""

    def __init__(self, log: Log) -> None:
        self.log = log

    async def run(self, values: list, abandon: asyncio.Event | None = None) -> StageRun:
        first = int(values[0].decode())
        self.log.append(("run", first))
        await asyncio.sleep(0)
        return StageRun([Outcome(article_id=v.decode(), records=[("clean", v.decode(), v)]) for v in values])


class FakePublisher:
    """Takes a while to have a batch acknowledged; fails the batches whose first key is in ``fail``."""

    def __init__(self, log: Log, fail: set[int] = frozenset()) -> None:  # type: ignore[assignment]
        self.log, self.fail, self.sent = log, set(fail), []
        self.stall = Stall()

    async def publish(self, groups: list[list[Any]]) -> list[None]:
        first = int(groups[0][0].key)
        self.log.append(("publish", first))
        await asyncio.sleep(0.05)  # the acknowledgements' round trips
        if first in self.fail:
            self.fail.discard(first)
            raise ConnectionError("the broker went away")
        self.sent += [out.key for group in groups for out in group]
        self.log.append(("acked", first))
        return [None] * len(groups)


class Stream:
    def __init__(self, batches: list[list[Any]]) -> None:
        self.batches = batches

    async def take_events(self, n: int, within: float) -> Any:  # noqa: ARG002
        for batch in self.batches:
            yield batch


def events(offsets: range) -> list[Any]:
    out = []
    for o in offsets:
        e = ev(o)
        e.message.value = str(o).encode()
        out.append(e)
    return out


def agent(log: Log, publisher: FakePublisher) -> tuple[StageAgent, OffsetGuard, Metrics]:
    app, _seeks = make_app()
    metrics = Metrics()
    guard = OffsetGuard(app, FakeOffsets({TP0: 0}), metrics, [TOPIC])
    router = Router(stage="clean", outputs={"clean": "t.clean"}, dlq="t.dlq", metrics=metrics, worker_id="w", dlq_payload_max_bytes=1000)
    settings = SimpleNamespace(batch_size=BATCH, batch_window_s=0.01, infra_retry_max_s=0.01, max_input_bytes=10**6)
    a = StageAgent(stage="clean", settings=settings, metrics=metrics, pool=FakePool(log), router=router,  # type: ignore[arg-type]
                   publisher=publisher, guard=guard, duplicates=DuplicatePolicy(metrics),  # type: ignore[arg-type]
                   health=Health(metrics, publisher.stall, 60.0))
    return a, guard, metrics


def given_back(metrics: Metrics, cause: str) -> float:
    return metrics.given_back.labels(stage="clean", cause=cause)._value.get()  # noqa: SLF001


def test_the_next_batch_runs_while_this_one_is_sent_and_order_holds() -> None:
    log = Log()
    publisher = FakePublisher(log)
    a, guard, _metrics = agent(log, publisher)

    async def go() -> None:
        await guard.on_assigned({TP0})
        await a.run(Stream([events(range(k, k + BATCH)) for k in range(0, 12, BATCH)]))

    asyncio.run(go())
    # Batch 4..7 was on the child before batch 0..3 was acknowledged, and was sent only after it.
    assert log.at(("run", 4)) < log.at(("acked", 0)) < log.at(("publish", 4))
    assert log.at(("run", 8)) < log.at(("acked", 4)) < log.at(("publish", 8))
    assert publisher.sent == [str(o) for o in range(12)]
    assert guard.done_offsets()[TP0] == 12


def test_a_batch_that_fails_to_send_takes_the_overlapping_batch_back_with_it() -> None:
    log = Log()
    publisher = FakePublisher(log, fail={0})
    a, guard, metrics = agent(log, publisher)

    async def go() -> None:
        await guard.on_assigned({TP0})
        await a.run(Stream([events(range(0, 4)), events(range(4, 8))]))

    asyncio.run(go())
    assert ("run", 4) in log            # batch 4..7 ran meanwhile ...
    assert ("publish", 4) not in log    # ... but is never sent ahead of the batch given back,
    assert publisher.sent == []
    assert guard.done_offsets()[TP0] == 0  # nothing counts as done,
    assert given_back(metrics, "infrastructure") == 8
    # and both batches are fetched again from the first given back, in order.
    assert [e.message.offset for e in guard.admit(events(range(0, 8)))] == list(range(8))


def test_a_batch_that_stops_early_is_settled_before_the_next_is_admitted() -> None:
    """A prefix (the batch budget ran out) is sent and settled at once: the rest is given back before the next batch."""
    log = Log()
    publisher = FakePublisher(log)
    a, guard, metrics = agent(log, publisher)

    async def budget(values: list, abandon: asyncio.Event | None = None) -> StageRun:
        log.append(("run", int(values[0].decode())))
        return StageRun([Outcome(article_id=v.decode(), records=[("clean", v.decode(), v)]) for v in values[:2]], "time_budget")

    a.pool.run = budget  # type: ignore[method-assign]

    async def go() -> None:
        await guard.on_assigned({TP0})
        await a.handle(events(range(0, 4)))

    asyncio.run(go())
    assert publisher.sent == ["0", "1"]
    assert guard.done_offsets()[TP0] == 2
    assert given_back(metrics, "time_budget") == 2
