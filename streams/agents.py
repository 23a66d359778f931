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



class Abandoned(Exception):
    """The batch was abandoned (partitions revoked or the worker stopping)."""


def is_infrastructure(exc: BaseException) -> bool:
    """A fault of the cluster, the machine or the framework (retried), rather than of our own code."""
    if isinstance(exc, (KafkaError, OSError, asyncio.TimeoutError, TimeoutError)):
        return True
    module = type(exc).__module__ or ""
    return module.split(".")[0] in ("aiokafka", "faust", "mode", "kafka")


class StageAgent:
    """One stage: consume its input topic, run its pool, publish to its outputs or the DLQ."""

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
        self._stop_cause: str | None = None

    async def run(self, stream: Any) -> None:
        async for events in stream.take_events(self.settings.batch_size, within=self.settings.batch_window_s):
            await self.handle(events)

    def abandon(self) -> None:
        """Stop the batch in flight now (its partitions were revoked); nothing of it counts as done."""
        self._abandon.set()

    async def handle(self, events: Sequence[Any]) -> None:
        self._abandon = asyncio.Event()
        generation = self.guard.generation
        admitted = self.guard.admit(events)
        done = 0
        self._stop_cause = None
        if admitted:
            done = await self._process_guarded(admitted)
        back = self.guard.settle(admitted, done, generation)
        if back:
            cause = "abandoned" if self._abandon.is_set() else (self._stop_cause or "infrastructure")
            self.metrics.given_back.labels(stage=self.stage, cause=cause).inc(back)
        await self.guard.apply_seeks()
        await self._back_off()

    async def _process_guarded(self, admitted: list[Any]) -> int:
        m = self.metrics
        m.in_flight.inc(len(admitted))
        try:
            return await self._process(admitted)
        except Abandoned:
            return 0
        except FATAL as exc:
            self._fatal(exc)
            return 0
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001 - given back and retried: never dead-lettered
            self._stop_cause = "infrastructure"
            self._infrastructure("batch_error", f"{type(exc).__name__}: {exc}")
            log.warning("%s: batch of %d failed outside the child (%r); giving it back and backing off",
                        self.stage, len(admitted), exc, exc_info=not is_infrastructure(exc))
            return 0
        finally:
            m.in_flight.dec(len(admitted))

    async def _process(self, admitted: list[Any]) -> int:
        """Number of ``admitted`` (a prefix) whose outputs or dead letters are acknowledged."""
        outcomes: list[Outcome | None] = [self._precheck(ev) for ev in admitted]
        todo = [i for i, o in enumerate(outcomes) if o is None]
        if todo:
            await self._unless_abandoned(self.duplicates.ready([admitted[i] for i in todo]))
            values = self.duplicates.inputs([admitted[i] for i in todo])
            started = time.perf_counter()
            run = await self.pool.run(values, self._abandon)
            self.metrics.batch_seconds.labels(stage=self.stage).observe(time.perf_counter() - started)
            for i, out in zip(todo, run.outcomes):
                outcomes[i] = out
            self._stop_cause = run.stopped
            if run.stopped == "infrastructure":
                self._infrastructure(None, run.detail)
            else:
                self._failures = 0
                self.health.recovered(self.stage)
        n = next((i for i, o in enumerate(outcomes) if o is None), len(outcomes))
        if self._abandon.is_set():
            raise Abandoned
        events, results = admitted[:n], [o for o in outcomes[:n] if o is not None]
        decided = self.duplicates.decide(events, results)
        await self._unless_abandoned(self.duplicates.sync())
        groups = [self.router.records(ev, o) for ev, o in zip(events, decided)]
        self.duplicates.annotate(groups)
        rejected = await self._publish(groups)
        if any(rejected):
            await self._dead_letter_rejected(events, decided, rejected)
        self.router.observe_end_to_end(groups, time.time())
        for ev in events:
            self.metrics.consumed.labels(topic=ev.message.topic).inc()
            self.metrics.bytes_in.labels(topic=ev.message.topic).inc(len(ev.message.value or b""))
        return n

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
