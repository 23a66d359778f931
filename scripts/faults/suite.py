"""The fault scenarios and the accounting behind them.

Each scenario feeds a known set of inputs (``corpus.Item``) to ``articles.raw``
of its own deployment (topic prefix + consumer group), runs real worker
processes (``newsevents worker``), injects its fault, and then accounts for every
input:

* ``out``  - the article's enriched record is on ``articles.enriched`` (its clean
  record is on ``articles.clean``);
* ``dlq``  - a dead letter names the input's raw-topic partition/offset (decode
  and clean stage), or the article id (extract stage);
* ``lost`` - neither, when the scenario's deadline passes.

It also counts duplicates (records beyond the first under the same
deterministic id), conflicts (same id, different content: must be 0), worker
restarts (planned kills and unplanned exits), the longest per-message
processing time reported by the workers' own histograms (an upper bucket
bound; dead letters by ``timeout`` count as the full budget), the longest
time from produce to the first output, and the consumer group's lag at the end
(every partition must be committed to its end: no stuck partitions).
"""

from __future__ import annotations

import asyncio
import atexit
import hashlib
import logging
import math
import os
import random
import re
import sys
import time
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Awaitable, Callable

import orjson

ROOT = Path(__file__).resolve().parents[2]
for p in (ROOT, ROOT / "tests"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition  # noqa: E402
from aiokafka.admin import AIOKafkaAdminClient  # noqa: E402

from kafka_harness import Deployment, WorkerProcess  # noqa: E402

from .corpus import Item  # noqa: E402

log = logging.getLogger("faults")


def say(msg: str) -> None:
    print(f"[faults {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------- results
@dataclass
class Result:
    scenario: str
    inputs: int = 0
    outputs: int = 0              # inputs with an enriched record
    dlq: int = 0                  # inputs dead-lettered
    lost: int = 0
    duplicates: int = 0           # extra records under an id already seen (clean+enriched+events+dlq)
    conflicts: int = 0            # same id, different content (must be 0)
    restarts: int = 0             # worker processes restarted after a kill -9
    unplanned_exits: int = 0      # workers that exited without being told to (must be 0)
    max_message_s: float = 0.0    # upper bound of the slowest message's processing in a stage child
    max_e2e_s: float = 0.0        # produce -> first output, slowest input
    stuck_partitions: int = 0     # partitions whose committed offset never reached the end
    wall_s: float = 0.0
    dlq_reasons: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    lost_sample: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.lost == 0 and self.conflicts == 0 and self.unplanned_exits == 0 and self.stuck_partitions == 0 and self.inputs > 0

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["ok"] = self.ok
        return d


COLUMNS = [("scenario", 26), ("inputs", 7), ("outputs", 7), ("dlq", 6), ("lost", 5), ("dups", 5), ("conflicts", 9),
           ("restarts", 8), ("exits", 5), ("max_msg_s", 9), ("max_e2e_s", 9), ("stuck", 5), ("wall_s", 7), ("ok", 3)]


def table(results: list[Result]) -> str:
    head = " ".join(f"{name:>{w}}" if i else f"{name:<{w}}" for i, (name, w) in enumerate(COLUMNS))
    lines = [head, "-" * len(head)]
    for r in results:
        vals = [r.scenario, r.inputs, r.outputs, r.dlq, r.lost, r.duplicates, r.conflicts, r.restarts, r.unplanned_exits,
                f"{r.max_message_s:.2f}", f"{r.max_e2e_s:.1f}", r.stuck_partitions, f"{r.wall_s:.0f}", "yes" if r.ok else "NO"]
        lines.append(" ".join(f"{v:>{w}}" if i else f"{v:<{w}}" for i, ((_, w), v) in enumerate(zip(COLUMNS, vals))))
    return "\n".join(lines)


def markdown_table(results: list[Result]) -> str:
    names = [c for c, _ in COLUMNS]
    lines = ["| " + " | ".join(names) + " |", "|" + "---|" * len(names)]
    for r in results:
        vals = [r.scenario, r.inputs, r.outputs, r.dlq, r.lost, r.duplicates, r.conflicts, r.restarts, r.unplanned_exits,
                f"{r.max_message_s:.2f}", f"{r.max_e2e_s:.1f}", r.stuck_partitions, f"{r.wall_s:.0f}", "yes" if r.ok else "NO"]
        lines.append("| " + " | ".join(str(v) for v in vals) + " |")
    return "\n".join(lines)


# ---------------------------------------------------------------------- kafka I/O
MAX_BYTES = 32 * 1024 * 1024


async def create_topics(bootstrap: str, dep: Deployment, replication: int) -> None:
    from streams.config import Settings
    from streams.kafka_client import ensure_topics

    settings = Settings(KAFKA_BOOTSTRAP_SERVERS=bootstrap, topic_prefix=dep.prefix, topic_partitions=dep.partitions,
                        topic_replication_factor=replication)
    await ensure_topics(settings)


class Producer:
    """Produces items and remembers where each landed (partition, offset, timestamp)."""

    def __init__(self, bootstrap: str, topic: str) -> None:
        self.bootstrap, self.topic = bootstrap, topic
        self.positions: dict[tuple[int, int], int] = {}   # (partition, offset) -> item index
        self.sent_at: dict[int, float] = {}                # item index -> broker timestamp (s)
        self._p: AIOKafkaProducer | None = None

    async def __aenter__(self) -> "Producer":
        self._p = AIOKafkaProducer(bootstrap_servers=self.bootstrap, acks="all", max_request_size=MAX_BYTES, linger_ms=5,
                                   request_timeout_ms=120000, enable_idempotence=True)
        await self._p.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._p is not None
        await self._p.stop()

    async def send(self, items: list[Item], indexes: list[int]) -> None:
        assert self._p is not None
        futs = [await self._p.send(self.topic, items[i].value, key=items[i].key.encode()) for i in indexes]
        for i, md in zip(indexes, await asyncio.gather(*futs)):
            self.positions[(md.partition, md.offset)] = i
            self.sent_at[i] = (md.timestamp if md.timestamp and md.timestamp > 0 else time.time() * 1000) / 1000.0

    async def send_paced(self, items: list[Item], rate: float, chunk: int = 25) -> None:
        """All items at about ``rate`` per second (a live stream rather than a backlog)."""
        t0 = time.monotonic()
        for start in range(0, len(items), chunk):
            idx = list(range(start, min(len(items), start + chunk)))
            await self.send(items, idx)
            ahead = (start + len(idx)) / rate - (time.monotonic() - t0)
            if ahead > 0:
                await asyncio.sleep(ahead)


class Tracker:
    """Tails the output topics of a deployment and accounts for every input."""

    def __init__(self, bootstrap: str, dep: Deployment, items: list[Item], producer: Producer) -> None:
        self.bootstrap, self.dep, self.items, self.producer = bootstrap, dep, items, producer
        self.raw_topic = dep.topic("raw")
        self.by_kind: dict[str, dict[str, set[bytes]]] = {k: {} for k in ("clean", "enriched", "events", "dlq")}
        self.records: dict[str, int] = {k: 0 for k in self.by_kind}
        self.dlq_positions: dict[tuple[int, int], str] = {}
        self.dlq_ids: dict[str, str] = {}
        self.first_out: dict[str, float] = {}              # article id / "p:o" -> first output time (s)
        self.timeouts = 0
        self._c: AIOKafkaConsumer | None = None
        self._topic_kind = {dep.topic(k): k for k in ("clean", "enriched", "events", "dlq")}

    async def start(self) -> None:
        self._c = AIOKafkaConsumer(bootstrap_servers=self.bootstrap, enable_auto_commit=False, group_id=None,
                                   max_partition_fetch_bytes=MAX_BYTES, fetch_max_bytes=MAX_BYTES, request_timeout_ms=60000)
        await self._c.start()
        tps = [TopicPartition(t, p) for t in self._topic_kind for p in range(self.dep.partitions)]
        self._c.assign(tps)
        await self._c.seek_to_beginning(*tps)

    async def stop(self) -> None:
        if self._c is not None:
            await self._c.stop()

    async def poll(self, seconds: float) -> None:
        assert self._c is not None
        end = time.monotonic() + seconds
        while True:
            left = end - time.monotonic()
            if left <= 0:
                return
            try:
                batch = await self._c.getmany(timeout_ms=int(min(left, 1.0) * 1000), max_records=2000)
            except Exception as exc:  # noqa: BLE001 - broker faults: keep tailing
                say(f"tracker: {exc!r}")
                await asyncio.sleep(1)
                continue
            for tp, msgs in batch.items():
                kind = self._topic_kind[tp.topic]
                for m in msgs:
                    self._add(kind, m)

    def _add(self, kind: str, m: Any) -> None:
        self.records[kind] += 1
        try:
            v = orjson.loads(m.value)
        except orjson.JSONDecodeError:
            return
        ts = m.timestamp / 1000.0
        if kind == "dlq":
            rid = v["dead_letter_id"]
            body = {k: x for k, x in v.items() if k not in ("failed_at", "worker")}
            src = v.get("source") or {}
            if src.get("topic") == self.raw_topic:
                key = (src["partition"], src["offset"])
                self.dlq_positions.setdefault(key, v["reason"])
                self.first_out.setdefault(f"{key[0]}:{key[1]}", ts)
            if v.get("article_id") and v.get("stage") == "extract":
                self.dlq_ids.setdefault(v["article_id"], v["reason"])
                self.first_out.setdefault(v["article_id"], ts)
            if v["reason"] == "timeout" and rid not in self.by_kind[kind]:
                self.timeouts += 1
        elif kind == "events":
            rid, body = v["event_id"], v
        else:
            rid, body = v["article_id"], v
            if kind == "enriched":
                self.first_out.setdefault(rid, ts)
        digest = hashlib.sha256(orjson.dumps(body, option=orjson.OPT_SORT_KEYS)).digest()
        self.by_kind[kind].setdefault(rid, set()).add(digest)

    def account(self) -> tuple[dict[str, list[int]], dict[str, int]]:
        """Item indexes by outcome (out/dlq/lost), and dead-letter reasons of the inputs."""
        pos_of = {i: pos for pos, i in self.producer.positions.items()}
        enriched = self.by_kind["enriched"]
        res: dict[str, list[int]] = {"out": [], "dlq": [], "lost": []}
        reasons: dict[str, int] = {}
        for i, item in enumerate(self.items):
            pos = pos_of.get(i)
            if pos is not None and pos in self.dlq_positions:
                res["dlq"].append(i)
                reasons[self.dlq_positions[pos]] = reasons.get(self.dlq_positions[pos], 0) + 1
            elif item.expected_id and item.expected_id in enriched:
                res["out"].append(i)
            elif item.expected_id and item.expected_id in self.dlq_ids:
                res["dlq"].append(i)
                r = "extract:" + self.dlq_ids[item.expected_id]
                reasons[r] = reasons.get(r, 0) + 1
            else:
                res["lost"].append(i)
        return res, reasons

    def duplicates(self) -> tuple[int, int]:
        dups = sum(self.records[k] - len(self.by_kind[k]) for k in self.by_kind)
        conflicts = sum(1 for k in self.by_kind for bodies in self.by_kind[k].values() if len(bodies) > 1)
        return dups, conflicts

    def max_e2e(self) -> float:
        pos_of = {i: pos for pos, i in self.producer.positions.items()}
        worst = 0.0
        for i, item in enumerate(self.items):
            sent = self.producer.sent_at.get(i)
            pos = pos_of.get(i)
            out = self.first_out.get(f"{pos[0]}:{pos[1]}") if pos else None
            if out is None and item.expected_id:
                out = self.first_out.get(item.expected_id)
            if sent is not None and out is not None:
                worst = max(worst, out - sent)
        return worst


async def group_lag(bootstrap: str, dep: Deployment, committed_only: bool = False) -> dict[str, int]:
    """End offset minus committed offset of the deployment's group, per raw/clean partition
    (or the committed offsets themselves with ``committed_only``)."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=20000)
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False)
    await admin.start()
    await consumer.start()
    try:
        tps = [TopicPartition(dep.topic(k), p) for k in ("raw", "clean") for p in range(dep.partitions)]
        committed = await admin.list_consumer_group_offsets(dep.app_id, partitions=tps)
        ends = await consumer.end_offsets(tps)
        out = {}
        for tp in tps:
            meta = committed.get(tp)
            c = meta.offset if meta is not None and meta.offset >= 0 else 0
            key = f"{tp.topic.rsplit('.', 1)[-1]}:{tp.partition}"
            out[key] = c if committed_only else max(0, ends[tp] - c)
        return out
    finally:
        await consumer.stop()
        await admin.close()


# ---------------------------------------------------------------------- worker metrics
_BUCKET = re.compile(r'^newsevents_stage_duration_seconds_bucket\{le="([^"]+)",stage="(clean|extract)"\} ([0-9.e+]+)$|'
                     r'^newsevents_stage_duration_seconds_bucket\{stage="(clean|extract)",le="([^"]+)"\} ([0-9.e+]+)$')


def max_message_bound(metrics_text: str) -> float:
    """Smallest bucket bound that holds every clean/extract observation: an upper bound of the slowest message."""
    buckets: dict[str, list[tuple[float, float]]] = {}
    for line in metrics_text.splitlines():
        m = _BUCKET.match(line)
        if not m:
            continue
        le, stage, val = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
        buckets.setdefault(stage, []).append((math.inf if le == "+Inf" else float(le), float(val)))
    worst = 0.0
    for rows in buckets.values():
        rows.sort()
        total = rows[-1][1]
        if total <= 0:
            continue
        for le, count in rows:
            if count >= total:
                worst = max(worst, le)
                break
    return worst


# ---------------------------------------------------------------------- one run
_DEPLOYMENTS: list[Deployment] = []


def _kill_leftover_workers() -> None:
    for dep in _DEPLOYMENTS:
        for w in dep.workers:
            try:
                w.kill9()
            except Exception:  # noqa: BLE001
                pass


atexit.register(_kill_leftover_workers)


class Run:
    """A deployment, its workers, its inputs and its tracker, for one scenario."""

    def __init__(self, name: str, bootstrap: str, items: list[Item], *, log_dir: Path, partitions: int = 4,
                 replication: int = 1, env: dict[str, str] | None = None, timeout_s: float = 600) -> None:
        self.name, self.bootstrap, self.items = name, bootstrap, items
        self.log_dir = log_dir / name
        self.log_dir.mkdir(parents=True, exist_ok=True)
        self.replication = replication
        base_env = {
            "NEWSEVENTS_TOPIC_REPLICATION_FACTOR": str(replication),
            "NEWSEVENTS_MESSAGE_TIMEOUT_S": "10",
            "NEWSEVENTS_CHILD_MEMORY_LIMIT_MB": "2048",
            "NEWSEVENTS_SEND_RETRY_MAX_S": "5",
            "NEWSEVENTS_LOG_LEVEL": os.environ.get("FAULTS_WORKER_LOG_LEVEL", "WARNING"),
        }
        base_env.update(env or {})
        self.dep = Deployment(name.replace("_", "-"), partitions=partitions, extra_env=base_env)
        _DEPLOYMENTS.append(self.dep)
        self.deadline = time.monotonic() + timeout_s
        self.started = time.monotonic()
        self.result = Result(name, inputs=len(items))
        self.planned_stops: set[int] = set()
        self.metric_bounds: dict[int, float] = {}
        self.producer: Producer | None = None
        self.tracker: Tracker | None = None
        self.message_timeout = float(base_env["NEWSEVENTS_MESSAGE_TIMEOUT_S"])

    async def __aenter__(self) -> "Run":
        os.environ["KAFKA_BOOTSTRAP_SERVERS"] = self.bootstrap   # the harness reads it
        await create_topics(self.bootstrap, self.dep, self.replication)
        self.producer = await Producer(self.bootstrap, self.dep.topic("raw")).__aenter__()
        self.tracker = Tracker(self.bootstrap, self.dep, self.items, self.producer)
        await self.tracker.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await asyncio.to_thread(self.dep.stop_all)
        for closer in (self.tracker.stop() if self.tracker else None, self.producer.__aexit__() if self.producer else None):
            if closer is not None:
                try:
                    await asyncio.wait_for(closer, 30)
                except Exception as e:  # noqa: BLE001
                    say(f"{self.name}: close: {e!r}")

    # workers ----------------------------------------------------------------
    async def start_worker(self, wait: bool = True) -> WorkerProcess:
        w = self.dep.start_worker(self.log_dir)
        if wait:
            await asyncio.to_thread(w.wait_ready, 240)
        return w

    def alive_workers(self) -> list[WorkerProcess]:
        return [w for w in self.dep.workers if w.alive()]

    async def kill9(self, w: WorkerProcess) -> None:
        self.planned_stops.add(id(w))
        self._scrape(w)
        await asyncio.to_thread(w.kill9)

    async def stop_worker(self, w: WorkerProcess) -> None:
        self.planned_stops.add(id(w))
        self._scrape(w)
        await asyncio.to_thread(w.stop)

    def _scrape(self, w: WorkerProcess) -> None:
        if not w.alive():
            return
        try:
            self.metric_bounds[id(w)] = max(self.metric_bounds.get(id(w), 0.0), max_message_bound(w.metrics_text()))
        except Exception:  # noqa: BLE001 - starting, or being killed
            pass

    async def check_workers(self) -> None:
        """Scrape every live worker; restart (and count) any worker that died on its own."""
        for w in list(self.dep.workers):
            if w.alive():
                await asyncio.to_thread(self._scrape, w)
            elif id(w) not in self.planned_stops:
                self.planned_stops.add(id(w))
                self.result.unplanned_exits += 1
                self.result.notes.append(f"worker {w.log_path.name} exited by itself (rc={w.proc.returncode if w.proc else None}): {w.tail(600)!r}")
                if self.result.unplanned_exits > 5:
                    raise RuntimeError(f"workers keep exiting by themselves ({self.result.unplanned_exits}); last: {w.tail(1500)}")
                say(f"{self.name}: UNPLANNED worker exit {w.log_path}; restarting it")
                await asyncio.sleep(min(30.0, 2.0 * self.result.unplanned_exits))
                await self.start_worker(wait=False)

    # progress ----------------------------------------------------------------
    def progress(self) -> tuple[int, int]:
        assert self.tracker is not None
        res, _ = self.tracker.account()
        return len(res["out"]) + len(res["dlq"]), len(self.items)

    async def tick(self, seconds: float = 2.0) -> tuple[int, int]:
        assert self.tracker is not None
        await self.tracker.poll(seconds)
        await self.check_workers()
        await self._sample_offsets()
        return self.progress()

    async def _sample_offsets(self) -> None:
        """Committed offsets of the group over time (offsets.jsonl in the log dir), for post-mortems."""
        now = time.monotonic()
        if now - getattr(self, "_last_sample", 0.0) < 2.0:
            return
        self._last_sample = now
        try:
            lag = await asyncio.wait_for(group_lag(self.bootstrap, self.dep, committed_only=True), 10)
        except Exception:  # noqa: BLE001 - broker faults
            return
        with open(self.log_dir / "offsets.jsonl", "ab") as f:
            f.write(orjson.dumps({"t": time.strftime("%H:%M:%S"), "committed": lag}) + b"\n")

    async def wait_progress(self, fraction: float) -> None:
        """Until at least ``fraction`` of the inputs are accounted for (or the deadline)."""
        while time.monotonic() < self.deadline:
            done, total = await self.tick(1.0)
            if done >= fraction * total:
                return

    async def finish(self, settle: float = 4.0) -> Result:
        """Wait for every input (or the deadline), let commits land, then fill in the result."""
        assert self.tracker is not None
        last_report = last_lag_check = 0.0
        last_done, last_change = -1, time.monotonic()
        while time.monotonic() < self.deadline:
            done, total = await self.tick(2.0)
            now = time.monotonic()
            if time.monotonic() - last_report > 15:
                say(f"{self.name}: {done}/{total} accounted for, workers alive: {len(self.alive_workers())}")
                last_report = now
            if done >= total and len(self.producer.positions) >= total:  # type: ignore[union-attr]
                break
            if done != last_done:
                last_done, last_change = done, now
            elif now - last_change > 45 and now - last_lag_check > 10 and len(self.producer.positions) >= total:  # type: ignore[union-attr]
                # No progress for 45 s: if the group has committed everything, nothing more will come.
                last_lag_check = now
                try:
                    if all(v == 0 for v in (await group_lag(self.bootstrap, self.dep)).values()):
                        say(f"{self.name}: group committed to the end with {total - done} inputs unaccounted for: giving up waiting")
                        self.result.notes.append(f"group committed every partition to its end with {total - done} inputs never processed")
                        break
                except Exception:  # noqa: BLE001
                    pass
        await self.tracker.poll(settle)   # late duplicates
        lag: dict[str, int] = {}
        lag_deadline = time.monotonic() + 45
        while True:
            try:
                lag = await group_lag(self.bootstrap, self.dep)
            except Exception as exc:  # noqa: BLE001
                lag = {"error": -1}
                say(f"{self.name}: lag check failed: {exc!r}")
            if all(v == 0 for v in lag.values()) or time.monotonic() > lag_deadline:
                break
            await self.tick(2.0)
        await self.check_workers()
        for w in self.alive_workers():
            self._scrape(w)
        r = self.result
        res, reasons = self.tracker.account()
        r.outputs, r.dlq, r.lost = len(res["out"]), len(res["dlq"]), len(res["lost"])
        r.lost_sample = [f"{self.items[i].kind}:{self.items[i].key}" for i in res["lost"][:10]]
        r.dlq_reasons = dict(sorted(reasons.items()))
        r.duplicates, r.conflicts = self.tracker.duplicates()
        r.max_message_s = max([*self.metric_bounds.values(), 0.0])
        if self.tracker.timeouts:
            r.max_message_s = max(r.max_message_s, self.message_timeout)
            r.notes.append(f"{self.tracker.timeouts} dead letters by timeout (budget {self.message_timeout:g} s)")
        r.max_e2e_s = self.tracker.max_e2e()
        r.stuck_partitions = sum(1 for v in lag.values() if v != 0)
        if r.stuck_partitions:
            r.notes.append(f"lag at end: { {k: v for k, v in lag.items() if v} }")
        r.extra["records"] = dict(self.tracker.records)
        r.extra["conflicts_by_topic"] = {k: sum(1 for b in self.tracker.by_kind[k].values() if len(b) > 1) for k in self.tracker.by_kind}
        r.extra["conflict_ids"] = [i for k in ("clean", "enriched", "events") for i, b in self.tracker.by_kind[k].items() if len(b) > 1][:10]
        r.extra["workers_started"] = len(self.dep.workers)
        r.wall_s = time.monotonic() - self.started
        say(f"{self.name}: done: out={r.outputs} dlq={r.dlq} lost={r.lost} dups={r.duplicates} restarts={r.restarts} ({r.wall_s:.0f} s)")
        return r


# ---------------------------------------------------------------------- scenarios
async def worker_crashes(bootstrap: str, log_dir: Path, *, articles: int = 2000, workers: int = 2, kills: int = 5,
                         rate: float = 40.0, seed: int = 11, timeout_s: float = 600, gap_s: tuple[float, float] = (3.0, 15.0),
                         only_ready: bool = True) -> Result:
    """``workers`` workers; ``kills`` times kill -9 a random worker at a random moment and restart it.

    The moments are ``gap_s`` apart (uniform); with ``only_ready`` only a worker that is up is
    killed, else any live process (possibly one still loading its models).
    """
    from .corpus import good_articles

    r = random.Random(seed)
    items = good_articles(articles, prefix="crash", seed=seed)
    async with Run("1_worker_crashes", bootstrap, items, log_dir=log_dir, timeout_s=timeout_s) as run:
        for _ in range(workers):
            await run.start_worker(wait=False)
        for w in run.dep.workers:
            await asyncio.to_thread(w.wait_ready, 240)
        feeder = asyncio.create_task(run.producer.send_paced(items, rate))  # type: ignore[union-attr]
        for k in range(kills):
            # a random moment: 3-15 s after the previous kill, and only a worker that is up
            # and working (killing one still loading its models proves less)
            end = time.monotonic() + r.uniform(*gap_s)
            while time.monotonic() < end or (only_ready and not [w for w in run.alive_workers() if _ready(w)]):
                await run.tick(0.5)
                if time.monotonic() > run.deadline:
                    break
            done, total = run.progress()
            alive = [w for w in run.alive_workers() if _ready(w) or not only_ready]
            if not alive:
                continue
            victim = r.choice(alive)
            say(f"{run.name}: kill -9 #{k + 1} {victim.log_path.name} at {done}/{total}")
            run.result.notes.append(f"kill #{k + 1} at {done}/{total} accounted")
            await run.kill9(victim)
            run.result.restarts += 1
            await run.start_worker(wait=False)
        await feeder
        return await run.finish()


def _ready(w: WorkerProcess) -> bool:
    try:
        with urllib.request.urlopen(w.url("/health"), timeout=1) as resp:
            return resp.status == 200
    except OSError:
        return False


async def broker_restart(cluster: Any, log_dir: Path, *, articles: int = 1000, workers: int = 1, down_s: float = 5.0,
                         at: float = 0.3, timeout_s: float = 600) -> Result:
    """Stop the (single-node, persistent) broker in the middle of the run and start it again."""
    from .corpus import good_articles

    items = good_articles(articles, prefix="brestart", seed=21)
    async with Run("2_broker_restart", cluster.bootstrap, items, log_dir=log_dir, timeout_s=timeout_s) as run:
        await run.producer.send(items, list(range(len(items))))  # type: ignore[union-attr]
        for _ in range(workers):
            await run.start_worker()
        await run.wait_progress(at)
        done, total = run.progress()
        say(f"{run.name}: stopping the broker at {done}/{total}")
        run.result.notes.append(f"broker stopped at {done}/{total}, down {down_s:g} s")
        node = cluster.nodes[0]
        await asyncio.to_thread(node.stop, 30)
        await asyncio.sleep(down_s)
        await asyncio.to_thread(node.start)
        await asyncio.to_thread(node.wait_ready, 120)
        say(f"{run.name}: broker back")
        return await run.finish()


async def broker_loss(cluster: Any, log_dir: Path, *, articles: int = 1000, workers: int = 2, down_s: float = 20.0,
                      at: float = 0.3, timeout_s: float = 600) -> Result:
    """3 brokers, RF 3, min.insync.replicas 2: kill -9 the broker leading most raw partitions, bring it back later."""
    from .corpus import good_articles

    items = good_articles(articles, prefix="bloss", seed=31)
    async with Run("3_broker_loss", cluster.bootstrap, items, log_dir=log_dir, replication=3, timeout_s=timeout_s) as run:
        await run.producer.send(items, list(range(len(items))))  # type: ignore[union-attr]
        for _ in range(workers):
            await run.start_worker(wait=False)
        for w in run.dep.workers:
            await asyncio.to_thread(w.wait_ready, 240)
        await run.wait_progress(at)
        victim = await _busiest_leader(cluster, run)
        done, total = run.progress()
        say(f"{run.name}: kill -9 broker {victim.node_id} at {done}/{total}")
        run.result.notes.append(f"broker {victim.node_id} killed at {done}/{total}, down {down_s:g} s")
        await asyncio.to_thread(victim.kill9)
        end = time.monotonic() + down_s
        while time.monotonic() < end:
            await run.tick(1.0)
        done2, _ = run.progress()
        run.result.notes.append(f"progress while broker down: {done2 - done} inputs")
        await asyncio.to_thread(victim.start)
        await asyncio.to_thread(victim.wait_ready, 120)
        say(f"{run.name}: broker {victim.node_id} back")
        result = await run.finish()
        result.extra["isr"] = await _isr_sizes(cluster.bootstrap, run.dep)
        return result


async def _busiest_leader(cluster: Any, run: Run) -> Any:
    c = AIOKafkaConsumer(bootstrap_servers=cluster.bootstrap, group_id=None)
    await c.start()
    try:
        md = await c._client.fetch_all_metadata()  # noqa: SLF001
        counts: dict[int, int] = {}
        for p in md.partitions_for_topic(run.dep.topic("raw")) or ():
            leader = md.leader_for_partition(TopicPartition(run.dep.topic("raw"), p))
            counts[leader] = counts.get(leader, 0) + 1
    finally:
        await c.stop()
    best = max(counts, key=counts.get) if counts else 1
    return next(n for n in cluster.nodes if n.node_id == best)


async def _isr_sizes(bootstrap: str, dep: Deployment) -> dict[str, int]:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        out = {}
        for desc in await admin.describe_topics([dep.topic("raw"), dep.topic("enriched")]):
            for p in desc["partitions"]:
                out[f"{desc['topic']}:{p['partition']}"] = len(p["isr"])
        return out
    except Exception as exc:  # noqa: BLE001
        return {"error": str(exc)}  # type: ignore[dict-item]
    finally:
        await admin.close()


async def hostile_input(bootstrap: str, log_dir: Path, *, hostile: int = 10000, good: int = 500,
                        caps: dict[str, int] | None = None, timeout_s: float = 600) -> Result:
    """Every kind of hostile message mixed into good traffic; one worker must survive and keep the good ones flowing."""
    from .corpus import good_articles, hostile_messages, mix

    say(f"hostile: generating {hostile} hostile + {good} good messages")
    good_items = good_articles(good, prefix="good", seed=41)
    items = mix(good_items, hostile_messages(hostile, caps=caps))
    async with Run("4_hostile_input", bootstrap, items, log_dir=log_dir, timeout_s=timeout_s) as run:
        w = await run.start_worker()
        await run.producer.send_paced(items, rate=400.0, chunk=100)  # type: ignore[union-attr]
        result = await run.finish()
        if not w.alive():
            result.unplanned_exits = max(result.unplanned_exits, 1)
        # good traffic keeps flowing: every good article came out enriched
        good_idx = [i for i, it in enumerate(items) if it.kind == "good"]
        res, _ = run.tracker.account()  # type: ignore[union-attr]
        out = set(res["out"])
        result.extra["good_in"] = len(good_idx)
        result.extra["good_enriched"] = sum(1 for i in good_idx if i in out)
        kinds: dict[str, dict[str, int]] = {}
        outcome_of = {i: k for k, idx in res.items() for i in idx}
        for i, it in enumerate(items):
            kinds.setdefault(it.kind, {}).setdefault(outcome_of[i], 0)
            kinds[it.kind][outcome_of[i]] += 1
        result.extra["by_kind"] = kinds
        if result.extra["good_enriched"] != len(good_idx):
            pos_of = {i: pos for pos, i in run.producer.positions.items()}  # type: ignore[union-attr]
            why = sorted({run.tracker.dlq_positions.get(pos_of.get(i), "?") for i in good_idx if i not in out})  # type: ignore[union-attr]
            result.notes.append(f"{result.extra['good_enriched']}/{len(good_idx)} good articles enriched, the others dead-lettered: {why}")
        return result


async def add_remove_worker(bootstrap: str, log_dir: Path, *, articles: int = 1000, rate: float = 25.0,
                            timeout_s: float = 600) -> Result:
    """Start with one worker, add two while the stream runs, then gracefully remove the first."""
    from .corpus import good_articles

    items = good_articles(articles, prefix="rebal", seed=51)
    async with Run("5_add_remove_worker", bootstrap, items, log_dir=log_dir, timeout_s=timeout_s) as run:
        first = await run.start_worker()
        feeder = asyncio.create_task(run.producer.send_paced(items, rate))  # type: ignore[union-attr]
        steps = [(0.2, "add"), (0.4, "add"), (0.6, "remove")]
        for frac, action in steps:
            await run.wait_progress(frac)
            done, total = run.progress()
            if action == "add":
                say(f"{run.name}: adding a worker at {done}/{total}")
                run.result.notes.append(f"worker added at {done}/{total}")
                await run.start_worker(wait=False)
            else:
                say(f"{run.name}: removing {first.log_path.name} at {done}/{total}")
                run.result.notes.append(f"worker removed (SIGTERM) at {done}/{total}")
                await run.stop_worker(first)
        await feeder
        return await run.finish()
