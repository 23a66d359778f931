"""The stage agent: a thin loop that takes a batch, has it processed, publishes what comes back, and only
then lets the offset guard count it as done.

Per batch (``take_events``):

1. **admit** - the offset guard (``offsets.py``) lets through, per partition, exactly
   the next offsets it expects: nothing twice, nothing past a hole.
2. **run** - the stage's pool (``executor.py``) returns outcomes for a prefix of the
   batch: all of it, or less when the batch budget ran out, the batch was abandoned
   (partitions revoked, shutdown) or the machine failed (an NLP child that cannot
   start, a control message that fails). Inputs over the size limit, including
   records a compressed batch would inflate past it, never go to the child.
3. **decide** duplicates (``duplicate_policy.py``): before the run, the state of
   the batch's input partitions is caught up (``ready``) and exact duplicates are
   decided; after it, near duplicates; every answer is remembered in the state
   layer and acknowledged by its changelog (``sync``) before anything it decided
   is sent, so a replay repeats it.
4. **publish** - each input's records in order, or its dead letter (``routing.py``,
   ``publishing.py``). A record the cluster will never accept turns the input
   into an ``output_rejected`` dead letter; a broker fault is retried until it
   passes; a dead-letter topic that refuses dead letters stops the worker.
5. **settle** - the published prefix is done (the guard lets Faust commit it); the
   rest is given back: the partition is sought back and it is fetched again.

Steps 4-5 of a batch overlap steps 1-2 of the next one (``StageAgent``), so the child
is not idle while acknowledgements come back; the order of decisions, sends and
settlements stays that of the batches.

An exception outside the child (a state write, a metadata timeout, or a bug of
ours) gives the batch back and backs off, with a metric, ``/health`` and an
alert: it is never turned into dead letters. A bug that fails every time stalls
the stream loudly rather than dropping articles quietly.

Agent concurrency stays 1: with more, Faust can commit past an in-flight message
(faust-streaming #606). Parallelism comes from more worker processes.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field
from typing import Any, Sequence

from aiokafka.errors import KafkaError

from . import errors
from .chain import oversized
from .config import Settings
from .duplicate_policy import DuplicatePolicy
from .executor import StagePool
from .health import Health
from .offsets import OffsetGuard
from .outcome import Outcome
from .exits import FATAL, stop_worker
from .publishing import DeadLetterQueueUnwritable, Output, OutputRejected, Publisher
from .routing import Router

log = logging.getLogger(__name__)



_CAUSES = ("time_budget", "abandoned", "infrastructure")  # the labels of messages_given_back{cause}


class Abandoned(Exception):
    """The batch was abandoned (partitions revoked or the worker stopping)."""


def is_infrastructure(exc: BaseException) -> bool:
    """A fault of the cluster, the machine or the framework (retried), rather than of our own code."""
    if isinstance(exc, (KafkaError, OSError, asyncio.TimeoutError, TimeoutError)):
        return True
    module = type(exc).__module__ or ""
    return module.split(".")[0] in ("aiokafka", "faust", "mode", "kafka")


@dataclass(slots=True)
class _Batch:
    """One admitted batch on its way through the agent."""

    admitted: list[Any]
    generation: int
    outcomes: list[Outcome | None] = field(default_factory=list)
    stopped: str | None = None  # why the batch stopped early: StagePool.run's reason, or the fault that stopped it
    failed: bool = False        # a fault outside the child (or abandonment) stopped it: nothing of it is sent
    done: int = 0               # a prefix of ``admitted`` whose outputs or dead letters are acknowledged

    @property
    def computed(self) -> int:
        """The prefix of ``admitted`` that has an outcome."""
        return next((i for i, o in enumerate(self.outcomes) if o is None), len(self.outcomes))


class StageAgent:
    """One stage: consume its input topic, run its pool, publish to its outputs or the DLQ.

    Batches overlap by one step: while batch k's records are being sent and acknowledged, batch
    k+1 already runs on the child (``run``). Everything that orders or decides stays sequential:
    batch k's duplicate answers are made and acknowledged before batch k+1's are asked for, batch
    k+1 is sent only after batch k is settled, and if batch k gives anything back, batch k+1
    (admitted after it) is given back whole, so outputs keep input order and the guard never
    counts a batch as done past a hole. Why: sending waits for acknowledgements, and without
    the overlap the child sits idle for that long on every batch.
    """

    def __init__(self, *, stage: str, settings: Settings, metrics: Any, pool: StagePool, router: Router,
                 publisher: Publisher, guard: OffsetGuard, duplicates: DuplicatePolicy, health: Health) -> None:
        self.stage = stage
        self.settings = settings
        self.metrics = metrics
        self.pool = pool
        self.router = router
        self.publisher = publisher
        self.guard = guard
        self.duplicates = duplicates
        self.health = health
        self._abandon = asyncio.Event()
        self._failures = 0            # consecutive batches stopped by an infrastructure fault

    async def run(self, stream: Any) -> None:
        tail: asyncio.Future | None = None  # the previous batch, still sending
        try:
            async for events in stream.take_events(self.settings.batch_size, within=self.settings.batch_window_s):
                tail = await self._step(events, tail)
            if tail is not None:
                await tail
        finally:
            if tail is not None and not tail.done():  # the worker is stopping: nothing of it counts as done
                self._abandon.set()
                tail.cancel()
                await asyncio.gather(tail, return_exceptions=True)

    def abandon(self) -> None:
        """Stop the batches in flight now (their partitions were revoked); nothing of them counts as done."""
        self._abandon.set()

    async def handle(self, events: Sequence[Any]) -> None:
        """One batch, start to finish (``run`` overlaps consecutive batches)."""
        tail = await self._step(events, None)
        if tail is not None:
            await tail

    async def _step(self, events: Sequence[Any], tail: asyncio.Future | None) -> asyncio.Future | None:
        """Admit and run ``events`` while ``tail`` (the previous batch) is sent; then settle or send them.

        Returns the batch's sending task when it is sent in the background, else None (settled here)."""
        if tail is None:
            self._abandon = asyncio.Event()
        batch = _Batch(self.guard.admit(events), self.guard.generation)
        if batch.admitted:
            self.metrics.in_flight.inc(len(batch.admitted))
            await self._guarded(batch, self._compute(batch))
        if tail is not None and not await tail:
            # The previous batch gave something back: this one, admitted after it, goes back whole.
            batch.failed = True
            batch.stopped = "abandoned" if self._abandon.is_set() else "infrastructure"
            return await self._finished(batch)
        if not batch.admitted or batch.failed or batch.stopped or self._abandon.is_set():
            if batch.admitted and not batch.failed:
                await self._guarded(batch, self._deliver(batch))
            return await self._finished(batch)
        groups = await self._guarded(batch, self._prepare(batch))
        if groups is None:
            return await self._finished(batch)
        return asyncio.ensure_future(self._send_then_finish(batch, groups))

    async def _send_then_finish(self, batch: _Batch, groups: list[list[Output]]) -> bool:
        """Send a prepared batch in the background and settle it; True when all of it is done."""
        await self._guarded(batch, self._send(batch, groups))
        await self._finished(batch)
        return batch.done == len(batch.admitted)

    async def _finished(self, batch: _Batch) -> None:
        """Settle the batch with the guard (its done prefix counts, the rest is given back), then seek and back off."""
        back = self.guard.settle(batch.admitted, batch.done, batch.generation)
        if batch.admitted:
            self.metrics.in_flight.dec(len(batch.admitted))
        if back:
            cause = "abandoned" if self._abandon.is_set() else (batch.stopped if batch.stopped in _CAUSES else "infrastructure")
            self.metrics.given_back.labels(stage=self.stage, cause=cause).inc(back)
        await self.guard.apply_seeks()
        await self._back_off()

    async def _guarded(self, batch: _Batch, coro: Any) -> Any:
        """``coro``'s result; on a fault outside the child, None, with ``batch.stopped`` saying why (never dead letters)."""
        try:
            return await coro
        except Abandoned:
            batch.failed, batch.stopped = True, "abandoned"
        except FATAL as exc:
            batch.failed, batch.stopped = True, "infrastructure"
            self._fatal(exc)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001 - given back and retried: never dead-lettered
            batch.failed, batch.stopped = True, "infrastructure"
            self._infrastructure("batch_error", f"{type(exc).__name__}: {exc}")
            log.warning("%s: batch of %d failed outside the child (%r); giving it back and backing off",
                        self.stage, len(batch.admitted), exc, exc_info=not is_infrastructure(exc))
        return None

    async def _compute(self, batch: _Batch) -> None:
        """The batch's outcomes: from the checks before the child, then the child for a prefix of the rest."""
        admitted = batch.admitted
        outcomes: list[Outcome | None] = [self._precheck(ev) for ev in admitted]
        batch.outcomes = outcomes
        todo = [i for i, o in enumerate(outcomes) if o is None]
        if not todo:
            return
        await self._unless_abandoned(self.duplicates.ready([admitted[i] for i in todo]))
        values = self.duplicates.inputs([admitted[i] for i in todo])
        started = time.perf_counter()
        run = await self.pool.run(values, self._abandon)
        self.metrics.batch_seconds.labels(stage=self.stage).observe(time.perf_counter() - started)
        for i, out in zip(todo, run.outcomes):
            outcomes[i] = out
        batch.stopped = run.stopped
        if run.stopped == "infrastructure":
            self._infrastructure(None, run.detail)
        else:
            self._failures = 0
            self.health.recovered(self.stage)

    async def _deliver(self, batch: _Batch) -> None:
        """Decide and send the computed prefix, waiting for it (a batch that stopped early)."""
        groups = await self._prepare(batch)
        await self._send(batch, groups)

    async def _prepare(self, batch: _Batch) -> list[list[Output]]:
        """The computed prefix's duplicate answers (made, remembered and acknowledged before the next batch asks) and
        its records."""
        if self._abandon.is_set():
            raise Abandoned
        n = batch.computed
        events, results = batch.admitted[:n], [o for o in batch.outcomes[:n] if o is not None]
        decided = self.duplicates.decide(events, results)
        await self._unless_abandoned(self.duplicates.sync())
        groups = [self.router.records(ev, o) for ev, o in zip(events, decided)]
        self.duplicates.annotate(groups)
        batch.outcomes[:n] = decided
        return groups

    async def _send(self, batch: _Batch, groups: list[list[Output]]) -> None:
        """Send the prepared prefix; the inputs a topic refused become dead letters. Sets ``batch.done``."""
        n = len(groups)
        events, decided = batch.admitted[:n], batch.outcomes[:n]
        rejected = await self._publish(groups)
        if any(rejected):
            await self._dead_letter_rejected(events, decided, rejected)  # type: ignore[arg-type]
        self.router.observe_end_to_end(groups, time.time())
        for ev in events:
            self.metrics.consumed.labels(topic=ev.message.topic).inc()
            self.metrics.bytes_in.labels(topic=ev.message.topic).inc(len(ev.message.value or b""))
        batch.done = n

    def _precheck(self, ev: Any) -> Outcome | None:
        """Inputs the child must never see: over the size limit, or inflated past it from a compressed batch."""
        outcome = oversized(self.stage, ev.message, self.settings.max_input_bytes)
        if outcome is not None and outcome.payload_incomplete:
            self.metrics.oversized_records.labels(topic=ev.message.topic).inc()
        return outcome

    async def _unless_abandoned(self, coro: Any) -> Any:
        """Await ``coro`` unless the batch is abandoned first (then ``Abandoned``)."""
        task = asyncio.ensure_future(coro)
        stop = asyncio.ensure_future(self._abandon.wait())
        try:
            await asyncio.wait([task, stop], return_when=asyncio.FIRST_COMPLETED)
        except asyncio.CancelledError:
            task.cancel()
            raise
        finally:
            stop.cancel()
        if not task.done():
            task.cancel()
            raise Abandoned
        return task.result()

    async def _publish(self, groups: list[list[Output]]) -> list[OutputRejected | None]:
        return await self._unless_abandoned(self.publisher.publish(groups))

    async def _dead_letter_rejected(self, events: list[Any], outcomes: list[Outcome], rejected: list[OutputRejected | None]) -> None:
        """Inputs with a record the cluster refused: their dead letters (``output_rejected``), at stage ``produce``."""
        groups = []
        for ev, out, rej in zip(events, outcomes, rejected):
            if rej is None:
                continue
            log.warning("%s: %s", self.stage, rej)
            failure = Outcome(article_id=out.article_id, reason=errors.OUTPUT_REJECTED, message=str(rej), stats={"stage": self.stage})
            groups.append([self.router.dead_letter(ev, failure, stage="produce")])
        still = await self._publish(groups)
        if any(still):  # the DLQ refused a dead letter: the publisher raises for that; belt and braces
            raise DeadLetterQueueUnwritable(str(next(r for r in still if r)))

    def _infrastructure(self, kind: str | None, detail: str) -> None:
        self._failures += 1
        if kind is not None:
            self.metrics.infrastructure_faults.labels(stage=self.stage, kind=kind).inc()
        self.health.fault(self.stage, detail[:300])

    async def _back_off(self) -> None:
        if not self._failures:
            return
        delay = min(self.settings.infra_retry_max_s, 0.5 * 2 ** min(self._failures, 10))
        log.warning("%s: infrastructure fault #%d in a row; next batch in %.1f s", self.stage, self._failures, delay)
        try:
            await asyncio.wait_for(self._abandon.wait(), delay)
        except asyncio.TimeoutError:
            pass

    def _fatal(self, exc: BaseException) -> None:
        stop_worker(exc)  # a seam for tests
