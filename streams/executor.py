"""Runs the stages' CPU work in a child process, with a time budget and crash isolation.

Why a process and not a thread: cleaning and parsing hold the GIL, and a worker
whose event loop is busy for seconds misses heartbeats (rebalance storms), delays
commits and stops answering ``/metrics``.

Why one child for both stages (by default): a worker then uses one core for NLP
plus a little for its event loop, so N workers use N cores and throughput scales
with worker processes in the consumer group, which is how the service is meant to
grow; it also keeps one copy of the models per worker. The two agents take turns
on the child (a lock): while one agent publishes its batch's results the other's
batch runs, so the child stays busy. ``NEWSEVENTS_CHILD_PER_STAGE=true`` gives
each stage its own child instead (a single worker then pipelines the stages on
two cores, at the cost of memory).

Why the retry-one-by-one: a batch that overruns its budget or kills its child
(segfault, OOM kill, MemoryError under the address-space limit) does not say
which message was guilty. The child is replaced and the batch re-run one message
at a time, each with its own budget, so only the poison message is
dead-lettered (``timeout`` / ``worker_crashed``) and the others go through.
Because a child runs one batch at a time, replacing it never hurts another batch.
"""

from __future__ import annotations

import asyncio
import ctypes
import logging
import multiprocessing
import os
import resource
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from typing import Callable

from . import errors
from .pipeline import Outcome

log = logging.getLogger(__name__)

BatchFn = Callable[[list], list[Outcome]]

# One BLAS thread per child: a worker is one core of NLP (scale with worker processes),
# and two workers' BLAS thread pools on two cores would only fight.
CHILD_THREAD_ENV = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def limit_blas_threads() -> None:
    """One BLAS thread for processes started from now on (and this one, if numpy is not
    imported yet); the operator's own values win if set."""
    for key, value in CHILD_THREAD_ENV.items():
        os.environ.setdefault(key, value)


def _child_init(warm: tuple[str, ...], memory_limit_mb: int) -> None:
    if memory_limit_mb > 0:
        limit = memory_limit_mb * 1024 * 1024
        try:
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        except (ValueError, OSError):  # pragma: no cover - platform dependent
            pass
    # The gazetteer first: building it parses ~17 MB of GeoNames JSON and drops it,
    # and what loads next (the language and spaCy models) reuses the freed heap
    # instead of growing it (~30 MB less resident than the other way round).
    if "extract" in warm:
        from .extraction.gazetteer import warm as warm_gazetteer

        warm_gazetteer()
        _release_free_memory()
    if "clean" in warm:
        from .cleaning.dedup import signature
        from .cleaning.language import detect_language

        signature("warm up the hashing")
        detect_language("Load the language model now, not on the first article of the stream.")
    if "extract" in warm:
        from .extraction.nlp import load_nlp

        load_nlp()
    _release_free_memory()


try:  # glibc's malloc_trim; absent elsewhere (musl, macOS), where trimming is skipped
    _MALLOC_TRIM: Callable[[int], int] | None = ctypes.CDLL("libc.so.6").malloc_trim
except (OSError, AttributeError):  # pragma: no cover - platform dependent
    _MALLOC_TRIM = None


def _release_free_memory() -> None:
    """Give the heap's free pages back to the OS.

    A batch of long articles briefly needs ~100 MB of model activations; glibc
    keeps those pages mapped after they are freed, and the next batch's objects
    land among them, so without this the child's resident size ratchets up to its
    worst batch and stays there. Costs well under a millisecond a batch.
    """
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)


def _run_and_trim(fn: Callable[[object], object], arg: object) -> object:
    """What the child runs for each call: the stage function, then ``_release_free_memory``."""
    try:
        return fn(arg)
    finally:
        _release_free_memory()


class ChildProcess:
    """One spawned child process that runs one call at a time."""

    def __init__(self, name: str, *, warm: tuple[str, ...] = (), memory_limit_mb: int = 0) -> None:
        self.name = name
        self.warm = warm
        self.memory_limit_mb = memory_limit_mb
        self._pool: ProcessPoolExecutor | None = None
        self._lock: asyncio.Lock | None = None
        self.warm_seconds: float | None = None

    def _new_pool(self) -> ProcessPoolExecutor:
        # spawn, not fork: the parent runs aiokafka's threads and an event loop.
        ctx = multiprocessing.get_context("spawn")
        limit_blas_threads()  # inherited by the child when it is spawned
        return ProcessPoolExecutor(max_workers=1, mp_context=ctx, initializer=_child_init, initargs=(self.warm, self.memory_limit_mb))

    @property
    def lock(self) -> asyncio.Lock:
        if self._lock is None:
            self._lock = asyncio.Lock()
        return self._lock

    def start(self) -> None:
        """Start the child and load its models (blocking: call before the worker joins the group,
        so a slow model load never delays a heartbeat or triggers a rebalance)."""
        started = time.perf_counter()
        self._pool = self._new_pool()
        self._pool.submit(os.getpid).result()
        self.warm_seconds = time.perf_counter() - started
        log.info("%s child process ready in %.1f s", self.name, self.warm_seconds)

    def call_sync(self, fn: Callable[..., object], *args: object) -> object:
        """Run a small picklable function in the child (e.g. to ask for its model's metadata)."""
        if self._pool is None:
            self._pool = self._new_pool()
        return self._pool.submit(fn, *args).result()

    async def call(self, fn: Callable[..., object], arg: object, budget: float) -> object:
        """``fn(arg)`` in the child within ``budget`` seconds; the caller holds ``lock``."""
        if self._pool is None:
            self._pool = self._new_pool()
        fut = asyncio.get_running_loop().run_in_executor(self._pool, _run_and_trim, fn, arg)
        return await asyncio.wait_for(fut, timeout=budget)

    def replace(self) -> None:
        if self._pool is not None:
            self._kill(self._pool)
        self._pool = self._new_pool()

    def close(self) -> None:
        if self._pool is not None:
            self._kill(self._pool)
            self._pool = None

    def pids(self) -> list[int]:
        return [p.pid for p in getattr(self._pool, "_processes", {}).values()] if self._pool else []

    @staticmethod
    def _kill(pool: ProcessPoolExecutor) -> None:
        # ProcessPoolExecutor cannot cancel a running call; killing the child is the only way.
        for proc in list(getattr(pool, "_processes", {}).values()):
            try:
                proc.kill()
            except Exception:  # noqa: BLE001
                pass
        pool.shutdown(wait=False, cancel_futures=True)


class StagePool:
    """A stage's batch function ``fn`` run on a ``ChildProcess`` (its own or shared)."""

    def __init__(
        self,
        name: str,
        fn: BatchFn,
        *,
        timeout_s: float,
        child: ChildProcess | None = None,
        memory_limit_mb: int = 0,
        warm: tuple[str, ...] = (),
    ) -> None:
        self.name = name
        self.fn = fn
        self.timeout_s = timeout_s
        self.child = child or ChildProcess(name, warm=warm, memory_limit_mb=memory_limit_mb)
        self.restarts = 0

    def close(self) -> None:
        self.child.close()

    async def _call(self, values: list, budget: float) -> list[Outcome]:
        return await self.child.call(self.fn, values, budget)  # type: ignore[return-value]

    def _replace_child(self) -> None:
        self.child.replace()
        self.restarts += 1

    async def run(self, values: list) -> list[Outcome]:
        """One ``Outcome`` per value, in order; never raises for what a value contains."""
        if not values:
            return []
        async with self.child.lock:
            return await self._run_locked(values)

    async def _run_locked(self, values: list) -> list[Outcome]:
        try:
            return await self._call(values, self.timeout_s * len(values))
        except (asyncio.TimeoutError, BrokenProcessPool) as exc:
            log.warning("%s batch of %d failed (%s): retrying one by one", self.name, len(values), type(exc).__name__)
            self._replace_child()
        except Exception as exc:  # noqa: BLE001 - the batch function itself raised (e.g. MemoryError)
            log.warning("%s batch of %d raised %r: retrying one by one", self.name, len(values), exc)
        results: list[Outcome] = []
        for value in values:
            try:
                results.extend(await self._call([value], self.timeout_s))
            except asyncio.TimeoutError:
                self._replace_child()
                results.append(
                    Outcome(reason=errors.TIMEOUT, message=f"{self.name} took longer than {self.timeout_s:g} s", stats={"stage": self.name})
                )
            except BrokenProcessPool:
                self._replace_child()
                results.append(
                    Outcome(
                        reason=errors.WORKER_CRASHED,
                        message=f"{self.name} child process died on this input (killed, out of memory or crashed)",
                        stats={"stage": self.name},
                    )
                )
            except Exception as exc:  # noqa: BLE001
                results.append(
                    Outcome(reason=errors.INTERNAL_ERROR, message=f"{self.name}: {type(exc).__name__}: {str(exc)[:300]}", stats={"stage": self.name})
                )
        return results


def bind(fn: Callable[..., list[Outcome]], **kwargs: object) -> BatchFn:
    """A picklable batch function with settings bound (``functools.partial`` pickles by reference)."""
    return partial(fn, **kwargs)
