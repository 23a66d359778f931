"""One spawned child process that runs a stage function group by group of messages, under budgets the parent enforces.

Why a process and not a thread: cleaning and parsing hold the GIL, and a worker
whose event loop is busy for seconds misses heartbeats (rebalance storms), delays
commits and stops answering ``/metrics``.

Why the parent enforces the budgets: a message's budget is CPU time, and a
signal cannot interrupt a regular expression running in C, so the child cannot
police itself. The child writes, in shared memory, which message it is on and
its own CPU time when it started it; the parent reads the child's CPU time from
``/proc/<pid>/stat`` a few times a second and kills the child when the message
has used more than its budget. CPU time, not wall time: a child starved of CPU
by its neighbours is slow, not guilty. Three other ways a message can go wrong
are watched too: the child dies (crash, OOM kill), the stage function raises
(``MemoryError`` under the address-space limit), or the child makes no CPU
progress at all for ``stall_s`` (a hang, a stopped process). A message that runs
longer than ``wall_s`` of wall time while still using CPU under its budget is
*starved*: a fault of the machine, reported as such.

Messages run in groups (``group``, one stage call each): the parser batches a
group's texts, which costs about a seventh less CPU an article than one call
per message (measured with the stage's own core on the bench corpus), and the
child gives its freed memory back once a group, not once a message. A group is
held to the budgets of one message; when it fails or overruns them, the parent
cannot tell which of its messages was at fault, so it runs them again one at a
time (``group=1``), each under its own budgets, and proves guilt message by
message as before. Results stream back one group at a time, so when a child is
killed the groups it completed are kept, and the parent knows which group (or
message) it was on.
Loading the models happens when the child starts (``ready``), outside every
message budget.

Secrets stay in the parent: the child parses untrusted HTML and needs no Kafka
connection, so it is spawned with an environment from which the Kafka
credentials and anything named like a secret are removed (``child_env.child_environment``),
and with ``NEWSEVENTS_CHILD_PROCESS=1``, which makes ``streams.config.Settings``
skip the ``.env`` file there.

Why one module of ~450 lines: the child's side (mark progress, run, report) and the
parent's watch (read that progress and the child's CPU time, kill, restart) are
two halves of one protocol over shared memory and a pipe; they change together.
The process hygiene they share is in ``child_env.py``.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import multiprocessing
import os
import resource
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from .child_env import child_environment, cpu_seconds, die_with_parent, limit_blas_threads, release_free_memory
from .outcome import Outcome

log = logging.getLogger(__name__)

# Shared progress record: [sequence, message index (-1 = idle), child CPU seconds when that message started].
_SEQ, _INDEX, _CPU = 0, 1, 2
POLL_S = 0.1
GC_YOUNG_THRESHOLD = 10_000  # allocations between collections of the youngest generation (Python: 700); see freeze_heap



# ---------------------------------------------------------------------------- the child's side
def freeze_heap() -> None:
    """Moves what the child has loaded (models, dictionaries, tables: ~300k objects that live as long as it does) out
    of the garbage collector's reach. A full collection would otherwise walk all of them every time the stage's own
    short-lived objects trigger one: about 1 ms of CPU an article, a few per cent of the stage. Nothing loaded is
    ever garbage, so nothing is kept that would have been freed (``gc.freeze``, Python's documented use for it).

    And it lets the stage's objects pile up longer before the youngest generation is collected
    (``GC_YOUNG_THRESHOLD`` allocations instead of Python's 700): an article makes tens of thousands of short-lived
    objects, almost all freed by reference counting (the parsed docs hold no cycles, ``doc_index.release``), so
    a collection every 700 found little and cost ~0.3 ms an article; every 10,000 it costs ~0.1 ms. What a
    collection can still find waits at most that many allocations (a few MB at worst)."""
    gc.collect()
    gc.freeze()
    _, middle, oldest = gc.get_threshold()
    gc.set_threshold(GC_YOUNG_THRESHOLD, middle, oldest)


def _warm(warm: tuple[str, ...], memory_limit_mb: int) -> None:
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
        release_free_memory()
    if "clean" in warm:
        from .cleaning.dedup import signature
        from .cleaning.language import detect_language

        signature("warm up the hashing")
        detect_language("Load the language model now, not on the first article of the stream.")
    if "extract" in warm:
        from .extraction.nlp import load_nlp
        from .extraction.truecase import warm as warm_truecase

        load_nlp()
        warm_truecase()
    _warm_up_stages(warm)
    release_free_memory()
    freeze_heap()


# A short report of the team's own, run once through the child's stages before the heap is frozen: the tables the
# stages load on first use (the event coder's patterns and classifier, the geocoder's cities, the tone lexicon) load
# here, not on the first article of the stream, and are frozen with the models. Loaded after the freeze, they stayed
# in the collector's reach for the child's life (~70k more objects for every young collection to age through) and
# the first article paid ~1 s of loading.
WARM_UP_TITLE = "Envoys meet in Paris"
WARM_UP_TEXT = ("The foreign minister met the visiting envoy in Paris on Monday and pledged food aid to the region, "
                "officials said. Police arrested two protesters outside the ministry.")


def _warm_up_stages(warm: tuple[str, ...]) -> None:
    if "clean" in warm:
        from .cleaning import clean
        from .records import RawArticle

        clean(RawArticle(id="warm-up", text=WARM_UP_TEXT, title=WARM_UP_TITLE, language="en"))
    if "extract" in warm:
        from .extraction.extractor import extract
        from .ids import content_hash
        from .records import CleanArticle

        extract(CleanArticle(article_id="warm-up", body=WARM_UP_TEXT, content_hash=content_hash(WARM_UP_TEXT), cleaner_version="warm-up",
                             input_format="text", title=WARM_UP_TITLE, language="en", published_at="2024-01-15T08:00:00Z"))


def _mark(progress: Any, index: int, cpu: float) -> None:
    progress[_SEQ] += 1  # odd: being written
    progress[_INDEX] = index
    progress[_CPU] = cpu
    progress[_SEQ] += 1


def _run_values(conn: Any, progress: Any, stop: Any, fn: Callable[[list], list[Outcome]], values: list, group: int) -> None:
    for i in range(0, len(values), group):
        if i and stop.value:  # the first group of a run always runs: every run makes progress
            _mark(progress, -1, 0.0)
            conn.send(("stopped", i))
            return
        cpu0 = time.process_time()
        _mark(progress, i, cpu0)
        try:
            outs = fn(values[i : i + group])
        except BaseException as exc:  # noqa: BLE001 - MemoryError, RecursionError: the stages catch the rest
            _mark(progress, -1, 0.0)
            conn.send(("raised", i, f"{type(exc).__name__}: {str(exc)[:300]}"))
            return
        cpu = time.process_time() - cpu0
        release_free_memory()
        _mark(progress, -1, 0.0)
        conn.send(("results", i, outs, cpu))
    conn.send(("done", len(values)))


def child_main(conn: Any, progress: Any, stop: Any, warm: tuple[str, ...], memory_limit_mb: int) -> None:
    """Entry point of the child process."""
    die_with_parent()
    started = time.perf_counter()
    try:
        _warm(warm, memory_limit_mb)
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which backs off and retries
        conn.send(("start_failed", f"{type(exc).__name__}: {str(exc)[:500]}"))
        return
    conn.send(("ready", os.getpid(), time.perf_counter() - started))
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg[0] == "run":
            _run_values(conn, progress, stop, msg[1], msg[2], msg[3])
        elif msg[0] == "call":
            try:
                conn.send(("value", msg[1](*msg[2])))
            except Exception as exc:  # noqa: BLE001
                conn.send(("error", f"{type(exc).__name__}: {exc}"))
        elif msg[0] == "exit":
            return


# ---------------------------------------------------------------------------- the parent's side
@dataclass(slots=True)
class Budgets:
    """Per-message limits the parent enforces (see the module doc); a group of messages is held to the same."""

    cpu_s: float = 10.0     # CPU time of one message (or group)
    stall_s: float = 30.0   # no CPU progress at all for this long: the child hangs
    wall_s: float = 60.0    # wall time of one message (or group) still using CPU under budget: starved


@dataclass(slots=True)
class Failure:
    index: int    # position in the run's values of the message (or the group's first message) the child was on
    kind: str     # over_budget | stalled | died | raised | starved
    detail: str
    count: int = 1  # messages of the group it was on: more than one, and the fault is not yet any one message's


@dataclass(slots=True)
class ChildRun:
    """What one ``ChildProcess.run`` came to: outcomes for a prefix of the values, and why it ended early."""

    outcomes: list[Outcome] = field(default_factory=list)
    failure: Failure | None = None
    stopped: bool = False     # stopped between messages when asked (time budget)
    abandoned: bool = False   # the caller gave up waiting (revoked partitions, shutdown)


class ChildUnavailable(Exception):
    """The child process could not be started (or gave up during start): a fault of the machine."""


class ChildProcess:
    """One spawned child process that runs one stage function call at a time (``lock``)."""

    def __init__(self, name: str, *, warm: tuple[str, ...] = (), memory_limit_mb: int = 0, start_timeout_s: float = 300.0) -> None:
        self.name = name
        self.warm = warm
        self.memory_limit_mb = memory_limit_mb
        self.start_timeout_s = start_timeout_s
        self.warm_seconds: float | None = None
        self.starts = 0
        self._ctx = multiprocessing.get_context("spawn")  # not fork: the parent runs threads and an event loop
        self._proc: Any = None
        self._conn: Any = None
        self._ready = False
        self._progress: Any = None
        self._stop: Any = None
        self._inbox: asyncio.Queue | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._lock: asyncio.Lock | None = None
        self._busy: asyncio.Task | None = None  # a run the caller abandoned, still being watched

    # -- lifecycle -------------------------------------------------------------------------------
    @property
    def lock(self) -> asyncio.Lock:
        if self._lock is None:
            self._lock = asyncio.Lock()
        return self._lock

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def pids(self) -> list[int]:
        return [self._proc.pid] if self.alive() else []

    def alive(self) -> bool:
        return self._proc is not None and self._proc.is_alive()

    def _spawn(self) -> None:
        self.kill()
        limit_blas_threads()  # inherited by the child when it is spawned
        parent, child = self._ctx.Pipe(duplex=True)
        self._progress = self._ctx.RawArray("d", 3)
        self._progress[_INDEX] = -1
        self._stop = self._ctx.RawValue("i", 0)
        self._proc = self._ctx.Process(
            target=child_main, args=(child, self._progress, self._stop, self.warm, self.memory_limit_mb),
            name=f"newsevents-{self.name}", daemon=True,
        )
        with child_environment():
            self._proc.start()
        child.close()
        self._conn, self._ready, self.starts = parent, False, self.starts + 1

    def start(self) -> None:
        """Start the child and load its models, blocking (call before the worker joins the group,
        so a slow model load never delays a heartbeat)."""
        started = time.perf_counter()
        self._spawn()
        if not self._conn.poll(self.start_timeout_s):
            self.kill()
            raise ChildUnavailable(f"{self.name} child not ready in {self.start_timeout_s:g} s")
        self._on_ready(self._conn.recv(), started)

    def _on_ready(self, msg: Any, started: float) -> None:
        if msg[0] != "ready":
            self.kill()
            raise ChildUnavailable(f"{self.name} child failed to start: {msg[1] if len(msg) > 1 else msg}")
        self._ready = True
        self.warm_seconds = time.perf_counter() - started
        log.info("%s child process %s ready in %.1f s (models %.1f s)", self.name, msg[1], self.warm_seconds, msg[2])

    async def ensure_started(self) -> None:
        """A running child with its models loaded (start one if needed); ``ChildUnavailable`` if it cannot be."""
        if self._busy is not None:
            await asyncio.shield(self._busy)
        if self._ready and self.alive():
            if self._inbox is None or self._loop is not asyncio.get_running_loop():
                self._attach()  # started blocking, before the event loop ran
            return
        started = time.perf_counter()
        self._spawn()  # in the loop's thread: PDEATHSIG is tied to the thread that forks
        inbox = self._attach()
        try:
            msg = await asyncio.wait_for(inbox.get(), timeout=self.start_timeout_s)
        except asyncio.TimeoutError:
            self.kill()
            raise ChildUnavailable(f"{self.name} child not ready in {self.start_timeout_s:g} s") from None
        if msg[0] == "eof":
            code = self._exitcode()
            self.kill()
            raise ChildUnavailable(f"{self.name} child exited during start (exit code {code})")
        self._on_ready(msg, started)

    def _attach(self) -> asyncio.Queue:
        """Deliver the child's messages to an asyncio queue from the event loop's reader callback."""
        loop = asyncio.get_running_loop()
        inbox: asyncio.Queue = asyncio.Queue()
        conn = self._conn

        def readable() -> None:
            try:
                while conn.poll():
                    inbox.put_nowait(conn.recv())
            except Exception:  # noqa: BLE001 - EOF, or a message cut short by the child's death
                try:
                    loop.remove_reader(conn.fileno())
                except (ValueError, OSError):
                    pass
                inbox.put_nowait(("eof",))

        loop.add_reader(conn.fileno(), readable)
        self._inbox, self._loop = inbox, loop
        return inbox

    def _exitcode(self) -> int | None:
        if self._proc is None:
            return None
        self._proc.join(0.5)
        return self._proc.exitcode

    def kill(self) -> None:
        """SIGKILL the child (a running call cannot be cancelled any other way)."""
        proc, conn = self._proc, self._conn
        self._proc = self._conn = None
        self._ready = False
        if conn is not None:
            if self._loop is not None and not self._loop.is_closed():
                try:
                    self._loop.remove_reader(conn.fileno())
                except (ValueError, OSError, RuntimeError):
                    pass
            try:
                conn.close()
            except OSError:
                pass
        self._inbox = None
        if proc is not None:
            try:
                proc.kill()
                proc.join(2)
            except Exception:  # noqa: BLE001
                pass

    def close(self) -> None:
        self.kill()

    def call_sync(self, fn: Callable[..., object], *args: object) -> object:
        """Run a small picklable function in the child, blocking (before the event loop runs: model metadata)."""
        if not (self._ready and self.alive()):
            self.start()
        self._conn.send(("call", fn, args))
        if not self._conn.poll(self.start_timeout_s):
            raise ChildUnavailable(f"{self.name} child did not answer")
        msg = self._conn.recv()
        if msg[0] != "value":
            raise RuntimeError(f"{self.name} child: {msg[1]}")
        return msg[1]

    # -- one run ---------------------------------------------------------------------------------
    def _progress_now(self) -> tuple[int, float] | None:
        p = self._progress
        for _ in range(8):
            s1 = p[_SEQ]
            index, cpu = p[_INDEX], p[_CPU]
            if s1 == p[_SEQ] and int(s1) % 2 == 0:
                return int(index), cpu
        return None

    async def run(self, fn: Callable[[list], list[Outcome]], values: list, budgets: Budgets, *, group: int = 1,
                  stop_after_s: float | None = None, abandon: asyncio.Event | None = None) -> ChildRun:
        """``fn(values[i : i + group])`` for each group of the values in order, in the child, each group under
        ``budgets``; the caller holds ``lock`` and has called ``ensure_started``.

        ``stop_after_s``: after this much wall time, start no further message (the rest is left for
        the caller). ``abandon``: once set, return at once with what is done; the child is told to
        stop after its current message and is still watched (and killed if it overruns) until then.
        """
        assert self._ready and self._inbox is not None, "ensure_started() first"
        self._stop.value = 0
        result = ChildRun()
        watch = asyncio.ensure_future(self._send_and_watch(fn, values, max(group, 1), result, budgets, stop_after_s))
        try:
            if abandon is None:
                await asyncio.shield(watch)
            else:
                gave_up = asyncio.ensure_future(abandon.wait())
                try:
                    await asyncio.wait([watch, gave_up], return_when=asyncio.FIRST_COMPLETED)
                finally:
                    gave_up.cancel()
                if not watch.done():
                    self._abandon(watch)
                    return ChildRun(outcomes=list(result.outcomes), abandoned=True)
        except asyncio.CancelledError:
            if not watch.done():
                self._abandon(watch)
            raise
        return watch.result()

    def _abandon(self, watch: asyncio.Future) -> None:
        self._stop.value = 1
        self._busy = watch  # type: ignore[assignment]
        watch.add_done_callback(lambda _f: setattr(self, "_busy", None) if self._busy is watch else None)

    async def _send_and_watch(self, fn: Callable[[list], list[Outcome]], values: list, group: int, result: ChildRun,
                              budgets: Budgets, stop_after_s: float | None) -> ChildRun:
        conn = self._conn
        await asyncio.to_thread(conn.send, ("run", fn, values, group))
        await self._watch(result, budgets, stop_after_s)
        if result.failure is not None:
            # groups start at multiples of ``group``: the one failed is the one its first message begins
            result.failure.count = max(1, min(group, len(values) - result.failure.index))
        return result

    async def _watch(self, result: ChildRun, budgets: Budgets, stop_after_s: float | None) -> ChildRun:
        loop = asyncio.get_running_loop()
        inbox, pid = self._inbox, self.pid
        assert inbox is not None and pid is not None
        started = loop.time()
        index, index_since = -2, started
        last_cpu, last_cpu_at = -1.0, started
        stop_sent = False
        while True:
            try:
                msg = await asyncio.wait_for(inbox.get(), timeout=POLL_S)
            except asyncio.TimeoutError:
                msg = None
            now = loop.time()
            if msg is not None:
                kind = msg[0]
                if kind == "results":
                    outs: list[Outcome] = msg[2]
                    for out in outs:
                        out.stats["cpu_s"] = msg[3] / len(outs)  # a group's CPU, shared evenly
                    result.outcomes.extend(outs)
                elif kind == "done":
                    return result
                elif kind == "stopped":
                    result.stopped = True
                    return result
                elif kind == "raised":
                    self.kill()
                    result.failure = Failure(msg[1], "raised", msg[2])
                    return result
                elif kind == "eof":
                    code = self._exitcode()
                    self.kill()
                    how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit code {code}"
                    result.failure = Failure(len(result.outcomes), "died", f"the child process died ({how})")
                    return result
            if not stop_sent and stop_after_s is not None and now - started >= stop_after_s:
                self._stop.value, stop_sent = 1, True
            progress = self._progress_now()
            cpu_now = cpu_seconds(pid)
            if progress is None or cpu_now is None:
                continue
            i, cpu_at_start = progress
            if i != index:
                index, index_since = i, now
                last_cpu, last_cpu_at = cpu_now, now
            if cpu_now > last_cpu:
                last_cpu, last_cpu_at = cpu_now, now
            if i < 0:
                # Between two messages (or before the first): a child that is not frozen moves on at once,
                # so no CPU for the stall time here is a stopped or hung child, charged to the next message
                # (which the caller then runs alone in a fresh child: it passes, and is innocent).
                if now - last_cpu_at > budgets.stall_s:
                    self.kill()
                    result.failure = Failure(len(result.outcomes), "stalled", f"no CPU progress for {now - last_cpu_at:.0f} s between messages")
                    return result
                continue
            used = cpu_now - cpu_at_start
            failure = None
            if used > budgets.cpu_s:
                failure = Failure(i, "over_budget", f"used {used:.1f} s of CPU, budget {budgets.cpu_s:g} s")
            elif now - last_cpu_at > budgets.stall_s:
                failure = Failure(i, "stalled", f"no CPU progress for {now - last_cpu_at:.0f} s")
            elif now - index_since > budgets.wall_s:
                failure = Failure(i, "starved", f"{now - index_since:.0f} s of wall time for {used:.1f} s of CPU")
            if failure is not None:
                self.kill()
                result.failure = failure
                return result
