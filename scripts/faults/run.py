"""One scenario run: a deployment (topic prefix + consumer group), its worker processes, its inputs, the
tracker of its outputs, the lag timeline, and the accounting at the end."""

from __future__ import annotations

import asyncio
import atexit
import math
import os
import re
import signal
import time
import urllib.request
from pathlib import Path
from typing import Any, Awaitable, Callable

import orjson

from kafka_harness import Deployment, WorkerProcess

from .accounting import ItemOutcome, Result, compare, conflicts, duplicates, outcomes
from .corpus import Item
from .kafka_io import LagProbe, Producer, Tracker, say

ROOT = Path(__file__).resolve().parents[2]

STUCK_AFTER_S = 60.0   # a partition whose lag has not drained this long after the faults end is stuck
SESSION_TIMEOUT_S = 60.0  # Faust's default: how long a dead member keeps its partitions

# Settings of every run (baseline included): the outputs depend on them, so they are the same everywhere.
SUITE_ENV = {
    "NEWSEVENTS_MESSAGE_TIMEOUT_S": "10",
    "NEWSEVENTS_CHILD_MEMORY_LIMIT_MB": "2048",
    "NEWSEVENTS_SEND_RETRY_MAX_S": "5",
    "NEWSEVENTS_MAX_RECORD_BYTES": str(768 * 1024),
    "NEWSEVENTS_COMMIT_INTERVAL_S": "0.5",
}

_DEPLOYMENTS: list[Deployment] = []


def _kill_leftover_workers() -> None:
    for dep in _DEPLOYMENTS:
        for w in dep.workers:
            try:
                if w.proc is not None and w.proc.poll() is None:
                    os.killpg(w.proc.pid, signal.SIGCONT)
                w.kill9()
            except Exception:  # noqa: BLE001
                pass


atexit.register(_kill_leftover_workers)


def histogram_bound(metrics_text: str, name: str) -> float:
    """Smallest bucket bound holding every observation of histogram ``name`` (any labels): an upper bound of the largest."""
    pattern = re.compile(r"^%s_bucket\{(.*)\} ([0-9.e+]+)$" % re.escape(name))
    series: dict[str, list[tuple[float, float]]] = {}
    for line in metrics_text.splitlines():
        m = pattern.match(line)
        if not m:
            continue
        labels = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
        le = labels.pop("le")
        key = ",".join(f"{k}={v}" for k, v in sorted(labels.items()))
        series.setdefault(key, []).append((math.inf if le == "+Inf" else float(le), float(m.group(2))))
    worst = 0.0
    for rows in series.values():
        rows.sort()
        total = rows[-1][1]
        if total > 0:
            worst = max(worst, next(le for le, count in rows if count >= total))
    return worst


def child_pids(pid: int) -> list[int]:
    """Direct children of a process (the NLP child and multiprocessing's resource tracker)."""
    out = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out += [int(x) for x in (task / "children").read_text().split()]
        except OSError:
            pass
    return out


def nlp_child(pid: int) -> int | None:
    for c in child_pids(pid):
        try:
            cmd = Path(f"/proc/{c}/cmdline").read_bytes()
        except OSError:
            continue
        if b"spawn_main" in cmd and b"resource_tracker" not in cmd:
            return c
    return None


def peak_rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def ready(w: WorkerProcess) -> bool:
    try:
        with urllib.request.urlopen(w.url("/health"), timeout=2) as resp:
            return resp.status == 200
    except OSError:
        return False


class Run:
    """A deployment, its workers, its inputs and its tracker, for one scenario (or the baseline)."""

    def __init__(self, name: str, bootstrap: str, items: list[Item], *, log_dir: Path, expected: str = "",
                 baseline: dict[str, ItemOutcome] | None = None, expected_dead: Callable[[Item], set[str]] | None = None,
                 partitions: int = 4, replication: int = 1, env: dict[str, str] | None = None, timeout_s: float = 1200,
                 before_start: Callable[["Run"], Awaitable[None]] | None = None) -> None:
        self.name, self.bootstrap, self.items = name, bootstrap, items
        self.log_dir = log_dir / name
        self.log_dir.mkdir(parents=True, exist_ok=True)
        self.replication = replication
        base_env = {"NEWSEVENTS_TOPIC_REPLICATION_FACTOR": str(replication),
                    "NEWSEVENTS_LOG_LEVEL": os.environ.get("FAULTS_WORKER_LOG_LEVEL", "WARNING"), **SUITE_ENV}
        base_env.update(env or {})
        self.dep = Deployment(name.replace("_", "-"), partitions=partitions, extra_env=base_env)
        _DEPLOYMENTS.append(self.dep)
        self.baseline = baseline
        self.expected_dead = expected_dead or (lambda it: set())
        self.before_start = before_start
        self.started = time.monotonic()
        self.deadline = self.started + timeout_s
        self.result = Result(name, expected=expected, inputs=len(items))
        self.planned: dict[int, int | None] = {}     # id(worker) -> exit code it is expected to end with (None: any)
        self._gone: set[int] = set()                  # workers whose exit has been accounted for
        self.metric_bounds: dict[int, float] = {}
        self.faults_end = 0.0
        self.feed_end: float | None = None
        self.lag_timeline: list[tuple[float, dict[str, int]]] = []
        self._last_lag = 0.0
        self.producer: Producer | None = None
        self.tracker: Tracker | None = None
        self.lag_probe: LagProbe | None = None
        self.outcomes: dict[str, ItemOutcome] = {}

    async def __aenter__(self) -> "Run":
        from streams.chain import input_topics
        from streams.config import Settings
        from streams.kafka_client import ensure_topics

        os.environ["KAFKA_BOOTSTRAP_SERVERS"] = self.bootstrap   # the harness reads it
        settings = Settings(KAFKA_BOOTSTRAP_SERVERS=self.bootstrap, topic_prefix=self.dep.prefix, topic_partitions=self.dep.partitions,
                            topic_replication_factor=self.replication, max_record_bytes=int(SUITE_ENV["NEWSEVENTS_MAX_RECORD_BYTES"]))
        await ensure_topics(settings)
        if self.before_start is not None:
            await self.before_start(self)
        self.producer = await Producer(self.bootstrap, self.dep.topic("raw")).__aenter__()
        self.tracker = Tracker(self.bootstrap, self.dep, settings.story_topics)
        await self.tracker.start()
        self.lag_probe = LagProbe(self.bootstrap, self.dep, input_topics(settings))
        return self

    async def __aexit__(self, *exc: object) -> None:
        for w in self.dep.workers:
            if w.proc is not None and w.proc.poll() is None:
                try:
                    os.killpg(w.proc.pid, signal.SIGCONT)
                except ProcessLookupError:
                    pass
        await asyncio.to_thread(self.dep.stop_all)
        closers = [self.tracker.stop() if self.tracker else None, self.producer.__aexit__() if self.producer else None,
                   self.lag_probe.close() if self.lag_probe else None]
        for closer in closers:
            if closer is not None:
                try:
                    await asyncio.wait_for(closer, 30)
                except Exception as e:  # noqa: BLE001
                    say(f"{self.name}: close: {e!r}")

    # -- workers -------------------------------------------------------------------------------------
    async def start_worker(self, wait: bool = True, env: dict[str, str] | None = None) -> WorkerProcess:
        if env:
            self.dep.extra_env.update(env)
        w = self.dep.start_worker(self.log_dir)
        if wait:
            await self.wait_ready(w)
        return w

    async def wait_ready(self, w: WorkerProcess, timeout: float = 300) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if await asyncio.to_thread(ready, w):
                return
            if not w.alive():
                raise RuntimeError(f"worker exited while starting: {w.tail(1500)}")
            await self.tick(1.0)
        raise TimeoutError(f"worker not ready in {timeout} s: {w.tail(1500)}")

    def alive_workers(self) -> list[WorkerProcess]:
        return [w for w in self.dep.workers if w.alive()]

    def ready_workers(self) -> list[WorkerProcess]:
        return [w for w in self.alive_workers() if ready(w)]

    async def kill9(self, w: WorkerProcess) -> None:
        self.planned[id(w)] = None
        self._scrape(w)
        await asyncio.to_thread(w.kill9)
        self.result.restarts += 1

    async def stop_worker(self, w: WorkerProcess) -> None:
        self.planned[id(w)] = None
        self._scrape(w)
        await asyncio.to_thread(w.stop)
        self.result.restarts += 1

    def expect_exit(self, w: WorkerProcess, code: int) -> None:
        self.planned[id(w)] = code

    def signal_group(self, w: WorkerProcess, sig: int) -> None:
        assert w.proc is not None
        os.killpg(w.proc.pid, sig)

    def _scrape(self, w: WorkerProcess) -> None:
        if not w.alive():
            return
        try:
            self.metric_bounds[id(w)] = max(self.metric_bounds.get(id(w), 0.0),
                                            histogram_bound(w.metrics_text(), "newsevents_message_cpu_seconds"))
        except Exception:  # noqa: BLE001 - starting, stopped, or being killed
            pass

    async def check_workers(self) -> None:
        """Scrape live workers; restart (and count) any worker that died on its own."""
        for w in list(self.dep.workers):
            if w.alive() or id(w) in self._gone:
                continue
            self._gone.add(id(w))
            if id(w) in self.planned:
                want = self.planned.pop(id(w))
                code = w.proc.returncode if w.proc else None
                if want is not None and code != want:
                    self.result.unplanned_exits += 1
                    self.result.notes.append(f"worker {w.log_path.name} exited with {code}, expected {want}: {w.tail(600)!r}")
                elif want is not None:
                    self.result.restarts += 1  # stopped itself, as the scenario intends
                continue
            self.result.unplanned_exits += 1
            self.result.notes.append(f"worker {w.log_path.name} exited by itself (rc={w.proc.returncode if w.proc else None}): {w.tail(600)!r}")
            if self.result.unplanned_exits > 5:
                raise RuntimeError(f"workers keep exiting by themselves; last: {w.tail(1500)}")
            say(f"{self.name}: UNPLANNED worker exit {w.log_path}; restarting it")
            await self.start_worker(wait=False)

    # -- progress --------------------------------------------------------------------------------------
    def fault_ended(self, extra_s: float = 0.0) -> None:
        """The injected fault is over (``extra_s`` later: e.g. the session of a dead member expires)."""
        self.faults_end = max(self.faults_end, time.monotonic() + extra_s)

    def accounted(self) -> tuple[int, int]:
        assert self.tracker is not None and self.producer is not None
        o = self.tracker.out
        dead_pos = {(d["partition"], d["offset"]) for d in o.dead if d["topic"] == self.dep.topic("raw")}
        dead_ids = {d["article_id"] for d in o.dead if d["article_id"]}
        pos_of = {i: pos for pos, i in self.producer.positions.items()}
        done = 0
        for i, it in enumerate(self.items):
            if (it.expected_id and (it.expected_id in o.enriched or it.expected_id in dead_ids)) or pos_of.get(i) in dead_pos:
                done += 1
        return done, len(self.items)

    async def tick(self, seconds: float = 2.0) -> tuple[int, int]:
        assert self.tracker is not None
        await self.tracker.poll(seconds)
        await self.check_workers()
        now = time.monotonic()
        if now - self._last_lag >= 2.0 and self.lag_probe is not None:
            self._last_lag = now
            try:
                lag = await asyncio.wait_for(self.lag_probe.lag(), 15)
                self.lag_timeline.append((now, lag))
                with open(self.log_dir / "lag.jsonl", "ab") as f:
                    f.write(orjson.dumps({"t": round(now - self.started, 1), "lag": lag}) + b"\n")
            except Exception:  # noqa: BLE001 - broker faults
                pass
        if self.producer is not None and self.producer.done.is_set() and self.feed_end is None:
            self.feed_end = now
        return self.accounted()

    async def wait_progress(self, fraction: float) -> None:
        while time.monotonic() < self.deadline:
            done, total = await self.tick(1.0)
            if done >= fraction * total:
                return

    async def sleep(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            await self.tick(min(1.0, max(0.1, end - time.monotonic())))

    def stuck_partitions(self) -> dict[str, float | None]:
        """Partitions whose lag did not drain within STUCK_AFTER_S of the end of the faults (and the feed)."""
        start = max(self.faults_end, self.feed_end or 0.0)
        drained: dict[str, float | None] = {}
        for t, lag in self.lag_timeline:
            for key, value in lag.items():
                drained.setdefault(key, None)
                if t >= start and value == 0 and drained[key] is None:
                    drained[key] = t - start
        return {k: v for k, v in drained.items() if v is None or v > STUCK_AFTER_S}

    async def finish(self) -> Result:
        """Wait for every input (or the deadline) and for the lag to drain, then fill in the result."""
        assert self.tracker is not None and self.producer is not None
        last_report = 0.0
        while time.monotonic() < self.deadline:
            done, total = await self.tick(2.0)
            now = time.monotonic()
            if now - last_report > 20:
                lag = self.lag_timeline[-1][1] if self.lag_timeline else {}
                say(f"{self.name}: {done}/{total} accounted for, lag {sum(lag.values())}, workers alive: {len(self.alive_workers())}")
                last_report = now
            if self.feed_end is None:
                continue
            start = max(self.faults_end, self.feed_end)
            drained = bool(self.lag_timeline) and self.lag_timeline[-1][0] >= start and not any(self.lag_timeline[-1][1].values())
            if done >= total and (drained or now > start + STUCK_AFTER_S + 5):
                break
        await self.tracker.poll(4.0)   # late duplicates
        for w in self.alive_workers():
            self._scrape(w)
        return self.account()

    def account(self) -> Result:
        assert self.tracker is not None and self.producer is not None
        r, out = self.result, self.tracker.out
        self.outcomes, unmatched = outcomes(self.items, self.producer.positions, out, self.dep.topic("raw"))
        story_lost = out.story_lost()
        cmp = compare(self.items, self.outcomes, self.baseline, self.expected_dead, story_lost=story_lost)
        r.outputs = sum(1 for o in self.outcomes.values() if o.enriched)
        r.dlq = sum(1 for o in self.outcomes.values() if o.dead)
        r.lost = len(cmp.lost)
        r.unexpected_dead_letters = len(cmp.unexpected)
        r.event_diffs = len(cmp.event_diffs)
        conf = conflicts(out)
        r.conflicts = sum(len(v) for v in conf.values())
        r.duplicates = duplicates(out)
        stuck = self.stuck_partitions()
        r.stuck = len(stuck)
        reasons: dict[str, int] = {}
        for o in self.outcomes.values():
            for reason in o.dead:
                reasons[reason] = reasons.get(reason, 0) + 1
        r.dlq_reasons = dict(sorted(reasons.items()))
        r.max_message_cpu_s = max([*self.metric_bounds.values(), 0.0])
        r.max_e2e_s = self._max_e2e()
        r.wall_s = time.monotonic() - self.started
        r.samples = {"lost": cmp.lost[:10], "unexpected": [f"{k}:{why}" for k, why in cmp.unexpected[:10]],
                     "event_diffs": cmp.event_diffs[:10], "conflicts": [f"{k}:{i}" for k, ids in conf.items() for i in ids[:5]],
                     "stuck": [f"{k}: drained after {v:.0f} s" if v is not None else f"{k}: never drained" for k, v in stuck.items()],
                     "story_lost": sorted(story_lost)[:10]}
        r.extra.update(records=dict(out.records), unmatched_dead_letters=unmatched, workers_started=len(self.dep.workers),
                       missing_clean=len(cmp.missing_clean), truncated=len(out.truncated), story_inputs=len(out.story_inputs),
                       story_mentions=len(out.mentions), story_lost=len(story_lost))
        say(f"{self.name}: done: out={r.outputs} dlq={r.dlq} lost={r.lost} stuck={r.stuck} unexpected={r.unexpected_dead_letters} "
            f"conflicts={r.conflicts} event_diffs={r.event_diffs} ({r.wall_s:.0f} s)")
        return r

    def _max_e2e(self) -> float:
        assert self.tracker is not None and self.producer is not None
        out = self.tracker.out
        first_dead: dict[Any, float] = {}
        for d in out.dead:
            first_dead.setdefault((d["partition"], d["offset"]) if d["topic"] == self.dep.topic("raw") else d["article_id"], d["ts"])
        pos_of = {i: pos for pos, i in self.producer.positions.items()}
        worst = 0.0
        for i, it in enumerate(self.items):
            sent = self.producer.sent_at.get(i)
            got = out.first_out.get(it.expected_id) if it.expected_id else None
            got = got or first_dead.get(pos_of.get(i)) or (first_dead.get(it.expected_id) if it.expected_id else None)
            if sent is not None and got is not None:
                worst = max(worst, got - sent)
        return worst
