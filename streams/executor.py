"""A stage's CPU work on a child process: budgets per message, and poison proven before it is dead-lettered.

``StagePool.run(values)`` returns outcomes for a prefix of the values, in order,
and says why it stopped early when it did:

* ``time_budget``: the batch has run ``batch_s`` of wall time; no further message
  is started (the one running finishes under its own budget). The agent gives the
  rest back to Kafka (they are fetched again), so a batch never holds the stream
  for long whatever its messages cost.
* ``abandoned``: the caller set ``abandon`` (its partitions were revoked, or the
  worker is stopping).
* ``infrastructure``: the child cannot be started, or a message was starved of
  CPU (its wall-time limit is doubled on each retry in a row, up to 8x, so a
  long message on a busy machine gets through), or a known-good control message
  fails too. A fault of the machine: the agent gives the rest back and backs
  off. Nothing is dead-lettered for it.

The child runs the messages in groups of ``group`` (one stage call each, so the
parser batches them), each group held to one message's budgets. A group that
fails (over that budget, killed its child, made it raise, hung it) is run again
one message at a time in a fresh child: no message is blamed for its group.
Its messages stay suspects (a bounded set, by value) until each has run alone,
also when the batch's time budget sends them back to Kafka first, so a poison
message never fails its next batch's group again.

A message is dead-lettered (``timeout`` / ``worker_crashed``) only when proven
guilty alone: it failed in its batch (over its CPU budget, killed its child,
made it raise, hung it), then failed again twice, alone, each time in a fresh
child, while a known-good control message passed in a fresh child. A child that
was OOM-killed because of memory pressure elsewhere, or stopped by an operator,
fails the first time only: the message then goes through.

Why one child for both stages (by default): a worker then uses one core for NLP
plus a little for its event loop, so N workers use N cores and throughput scales
with worker processes in the consumer group, and it keeps one copy of the models
per worker. The two agents take turns on the child (its lock), each for at most
one batch budget plus one message budget (see ``docs/operations.md``, "Time
budgets"). ``NEWSEVENTS_CHILD_PER_STAGE=true`` gives each stage its own child.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from functools import partial
from typing import Callable

from . import errors
from .child import Budgets, ChildProcess, ChildRun, ChildUnavailable, Failure
from .child_env import limit_blas_threads, release_free_memory
from .outcome import Outcome

__all__ = ["Budgets", "ChildProcess", "StagePool", "StageRun", "bind", "limit_blas_threads", "release_free_memory"]

log = logging.getLogger(__name__)

BatchFn = Callable[[list], list[Outcome]]
Listener = Callable[[str, str, str], None]  # (event, stage, label)

# Failures a message can be guilty of, and the dead-letter reason when it is.
GUILT_REASON = {"over_budget": errors.TIMEOUT, "stalled": errors.TIMEOUT, "died": errors.WORKER_CRASHED, "raised": errors.WORKER_CRASHED}


@dataclass(slots=True)
class StageRun:
    """Outcomes for ``values[:len(outcomes)]``; the rest were not run, for ``stopped`` (see module doc)."""

    outcomes: list[Outcome] = field(default_factory=list)
    stopped: str | None = None  # None | "time_budget" | "abandoned" | "infrastructure"
    detail: str = ""


class StagePool:
    """A stage's batch function ``fn`` run on a ``ChildProcess`` (its own or shared)."""

    def __init__(self, name: str, fn: BatchFn, *, budgets: Budgets | None = None, batch_s: float = 5.0, group: int = 1,
                 child: ChildProcess | None = None, control: object = None, listener: Listener | None = None,
                 memory_limit_mb: int = 0, warm: tuple[str, ...] = ()) -> None:
        self.name = name
        self.fn = fn
        self.budgets = budgets or Budgets()
        self.batch_s = batch_s
        self.group = max(1, group)
        self._suspects: dict[int, int] = {}  # values of failed groups not yet run alone, with their count (bounded)
        self.child = child or ChildProcess(name, warm=warm, memory_limit_mb=memory_limit_mb)
        self.control = control
        self.listener = listener
        self._starved = 0  # consecutive starved messages: each retry gets twice the wall time (up to 8x)

    def close(self) -> None:
        self.child.close()

    def _event(self, event: str, label: str) -> None:
        if self.listener is not None:
            self.listener(event, self.name, label)

    async def run(self, values: list, abandon: asyncio.Event | None = None) -> StageRun:
        """Outcomes for a prefix of ``values`` (all of them unless stopped); never raises for what a value contains."""
        if not values:
            return StageRun()
        async with self.child.lock:
            return await self._run_locked(values, abandon)

    async def _run_locked(self, values: list, abandon: asyncio.Event | None) -> StageRun:
        loop = asyncio.get_running_loop()
        started = loop.time()
        out: list[Outcome] = []
        while len(out) < len(values):
            if abandon is not None and abandon.is_set():
                return StageRun(out, "abandoned")
            left = self.batch_s - (loop.time() - started)
            if out and left <= 0:
                return StageRun(out, "time_budget")
            try:
                await self._ensure_child()
            except ChildUnavailable as exc:
                return StageRun(out, "infrastructure", str(exc))
            todo, group = self._next(values[len(out):])
            run = await self.child.run(self.fn, todo, self._budgets(), group=group, stop_after_s=max(left, 0.0), abandon=abandon)
            if group == 1:
                for v in todo[: len(run.outcomes) + (run.failure is not None)]:
                    self._cleared(v)
            out.extend(run.outcomes)
            if run.outcomes:
                self._starved = 0
            if run.abandoned:
                return StageRun(out, "abandoned")
            if run.failure is not None:
                self._event("child_restart", run.failure.kind)
                if run.failure.kind == "starved":
                    self._starved += 1
                    self._event("infrastructure", "starved")
                    return StageRun(out, "infrastructure", f"{self.name}: message starved of CPU ({run.failure.detail})")
                if run.failure.count > 1:
                    log.warning("%s: a group of %d messages failed (%s: %s); running them one at a time",
                                self.name, run.failure.count, run.failure.kind, run.failure.detail)
                    self._suspect(values[len(out) : len(out) + run.failure.count])
                    continue
                log.warning("%s: message %d of a batch of %d failed (%s: %s); proving it alone",
                            self.name, len(out), len(values), run.failure.kind, run.failure.detail)
                verdict = await self._prove(values[len(out)], run.failure, abandon)
                if isinstance(verdict, StageRun):
                    verdict.outcomes = out + verdict.outcomes
                    return verdict
                out.append(verdict)
            elif run.stopped:
                return StageRun(out, "time_budget")
        return StageRun(out)

    def _next(self, rest: list) -> tuple[list, int]:
        """What to run next, and in groups of how many: a suspect alone, else the values up to the next suspect."""
        if self.group == 1:
            return rest, 1
        if _key(rest[0]) in self._suspects:
            return rest[:1], 1
        end = next((i for i, v in enumerate(rest) if _key(v) in self._suspects), len(rest))
        return rest[:end], self.group

    def _suspect(self, values: list) -> None:
        for v in values:
            k = _key(v)
            self._suspects[k] = self._suspects.get(k, 0) + 1
        while len(self._suspects) > _MAX_SUSPECTS:
            del self._suspects[next(iter(self._suspects))]

    def _cleared(self, value: object) -> None:
        """``value`` ran alone: one suspect of that value less."""
        k = _key(value)
        left = self._suspects.get(k, 0) - 1
        if left > 0:
            self._suspects[k] = left
        else:
            self._suspects.pop(k, None)

    def _budgets(self) -> Budgets:
        """The budgets, with the wall-time limit doubled for each starved retry in a row (the machine is slow, not the message)."""
        if not self._starved:
            return self.budgets
        b = self.budgets
        return Budgets(cpu_s=b.cpu_s, stall_s=b.stall_s, wall_s=b.wall_s * 2 ** min(self._starved, 3))

    async def _ensure_child(self) -> None:
        try:
            await self.child.ensure_started()
        except ChildUnavailable:
            self._event("infrastructure", "child_start")
            raise

    async def _alone(self, value: object, abandon: asyncio.Event | None) -> ChildRun | StageRun:
        """``value`` alone in a fresh child."""
        self.child.kill()
        try:
            await self._ensure_child()
        except ChildUnavailable as exc:
            return StageRun([], "infrastructure", str(exc))
        run = await self.child.run(self.fn, [value], self._budgets(), abandon=abandon)
        if run.abandoned:
            return StageRun([], "abandoned")
        if run.failure is not None:
            self._event("child_restart", run.failure.kind)
        return run

    async def _prove(self, value: object, first: Failure, abandon: asyncio.Event | None) -> Outcome | StageRun:
        """The message's outcome if it passes alone; a dead-letter outcome if proven guilty; else why not."""
        failures = [first]
        for trial in (1, 2):
            run = await self._alone(value, abandon)
            if isinstance(run, StageRun):
                return run
            if run.outcomes:
                self._event("verdict", "innocent")
                log.warning("%s: the message passed alone (trial %d): not guilty of the %s", self.name, trial, first.kind)
                return run.outcomes[0]
            assert run.failure is not None
            if run.failure.kind == "starved":
                self._starved += 1
                self._event("infrastructure", "starved")
                return StageRun([], "infrastructure", f"{self.name}: message starved of CPU on trial ({run.failure.detail})")
            failures.append(run.failure)
        control = await self._alone(self.control, abandon)
        if isinstance(control, StageRun):
            return control
        if not (control.outcomes and control.outcomes[0].ok):
            self._event("verdict", "inconclusive")
            self._event("infrastructure", "control_failed")
            why = control.failure.detail if control.failure else (control.outcomes[0].reason if control.outcomes else "?")
            return StageRun([], "infrastructure", f"{self.name}: the control message failed too ({why}): the child, not the message")
        self._event("verdict", "guilty")
        last = failures[-1]
        what = "; ".join(f"{f.kind}: {f.detail}" for f in failures)
        log.error("%s: message proven guilty (failed 3 times, twice alone in fresh children; control passed): %s", self.name, what)
        return Outcome(reason=GUILT_REASON.get(last.kind, errors.WORKER_CRASHED),
                       message=f"{self.name}: failed in its batch and twice alone in fresh child processes while a control message passed ({what})",
                       stats={"stage": self.name})


_MAX_SUSPECTS = 1024  # values of failed groups remembered (a handful at a time in practice)


def _key(value: object) -> int:
    """A value's identity across fetches of the same message (bytes, or a tuple of them)."""
    try:
        return hash(value)
    except TypeError:
        return id(value)


def bind(fn: Callable[..., list[Outcome]], **kwargs: object) -> BatchFn:
    """A picklable batch function with settings bound (``functools.partial`` pickles by reference)."""
    return partial(fn, **kwargs)
