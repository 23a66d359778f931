"""What bounded duplicate state costs a worker: memory past the horizon, changelog volume, restart time, disk.

    .venv/bin/python bench/state.py [--articles 120000] [--horizon-hours 0.5] [--tail 2000]

`make bench-state` (scripts/bench.sh state) runs it on a local broker of its own.
Not part of CI or `make bench`.

What it does, in one run:
1. builds ``--articles`` distinct synthetic articles with event times advancing
   as at 1M articles/day (86.4 ms apart; 120k articles = 2.9 h), each with a
   synthetic near-duplicate signature (random MinHash minima through the same
   ``cleaning.dedup.from_minhash`` the clean stage uses) and content hash; 8 %
   are near copies of a recent article (8-40 of 128 minima replaced, Jaccard
   ~0.7-0.94) and 4 % exact copies (same content hash). NLP is bypassed: the
   duplicate path is what is measured;
2. produces them to an input topic (record timestamp = event time) and runs a
   worker process over it: an aiokafka consumer-group member that, per batch,
   waits for its partitions' state (``runtime.ready``), decides near and exact
   duplicates through ``streams.duplicates`` over ``streams.state``, waits for
   the changelog acknowledgements (``runtime.sync``), then commits. The worker
   reports its RSS every 5k articles;
3. stops it (SIGTERM), adds ``--tail`` more articles, and starts it again on
   the same state directory: ``restart_s_at_100k`` is from process start
   (``Popen``) to the first batch processed with the whole changelog applied;
4. starts a worker on an empty directory (a new machine): ``fresh_recovery_s``;
5. loads the NLP models once as the worker does (``ChildProcess.start``) and
   reports that apart as ``model_load_s``.

The horizon is short here (``--horizon-hours``, default 0.5 h = 20,833 articles
at 1M/day) so that the run passes it several times; ``rss_mb_per_10k_articles``
is the least-squares slope of the worker's RSS over the checkpoints after 2x the
horizon's articles. ``state_gb_at_10m`` extrapolates the measured disk bytes per
live article (both stores) to what a worker holds after 10M articles at 1M/day
under the default 72 h horizon: 72 h plus at most one bucket (6 h) of articles,
3.25M. ``changelog_records_per_article`` counts every record the changelog
topics received (records and tombstones) per article fed; in steady state each
article costs one record and one tombstone per store.

Last line: the JSON summary. Results also go to bench/results/state.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streams.cleaning.dedup import NUM_PERM, from_minhash  # noqa: E402
from streams.ids import article_id_for  # noqa: E402

RESULTS = ROOT / "bench" / "results"
PER_DAY = 1_000_000
STEP_S = 86_400 / PER_DAY
DEFAULT_HORIZON_H = 72.0
DEFAULT_BUCKETS = 12
CHECKPOINT = 5_000


def bootstrap() -> str:
    return os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")


# ----------------------------------------------------------------------------- inputs
def articles(n: int, start: int, t0: float, rng: np.random.Generator, recent: list) -> tuple[list[tuple[bytes, bytes, int]], dict]:
    """``n`` synthetic input records (key, value, timestamp ms) from index ``start``; ``recent`` carries
    the last originals across calls so tails can copy them too."""
    out = []
    planted = {"near": 0, "exact": 0}
    for i in range(start, start + n):
        t = t0 + i * STEP_S
        roll = rng.random()
        if recent and roll < 0.08:
            values, _ = recent[int(rng.integers(max(0, len(recent) - 2000), len(recent)))]
            values = values.copy()
            k = int(rng.integers(8, 41))
            values[rng.choice(NUM_PERM, k, replace=False)] = rng.integers(0, 2**32, k, dtype=np.uint64).astype(np.uint32)
            digest = rng.bytes(32).hex()
            planted["near"] += 1
        elif recent and roll < 0.12:
            values, digest = recent[int(rng.integers(max(0, len(recent) - 2000), len(recent)))]
            planted["exact"] += 1
        else:
            values = rng.integers(0, 2**32, NUM_PERM, dtype=np.uint64).astype(np.uint32)
            digest = rng.bytes(32).hex()
            recent.append((values, digest))
            if len(recent) > 4000:
                del recent[:2000]
        aid = article_id_for(f"https://bench.example/{i}", None)  # ids as the pipeline derives them (26 chars)
        published = datetime.fromtimestamp(t, timezone.utc).isoformat().replace("+00:00", "Z")
        value = orjson.dumps({"id": aid, "published_at": published, "sig": from_minhash(values).hex(), "hash": digest})
        out.append((aid.encode(), value, int(t * 1000)))
    return out, planted


async def produce(topic: str, records: list[tuple[bytes, bytes, int]]) -> float:
    from aiokafka import AIOKafkaProducer

    started = time.perf_counter()
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap(), acks="all", linger_ms=20, max_batch_size=256 * 1024)
    await producer.start()
    try:
        futures = []
        for key, value, ts in records:
            futures.append(await producer.send(topic, value, key=key, timestamp_ms=ts))
            if len(futures) >= 5000:
                await asyncio.gather(*futures)
                futures = []
        await asyncio.gather(*futures)
    finally:
        await producer.stop()
    return time.perf_counter() - started


async def create_input(topic: str, partitions: int) -> None:
    from aiokafka.admin import AIOKafkaAdminClient, NewTopic

    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap())
    await admin.start()
    try:
        await admin.create_topics([NewTopic(topic, partitions, 1, topic_configs={"retention.ms": "-1"})])
    finally:
        await admin.close()


async def changelog_records(app_id: str) -> dict[str, int]:
    from aiokafka import AIOKafkaConsumer, TopicPartition

    from streams.duplicates import EXACT_STORE, NEAR_STORE
    from streams.state.changelog import changelog_topic

    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap(), group_id=None)
    await consumer.start()
    try:
        out = {}
        for store in (NEAR_STORE, EXACT_STORE):
            topic = changelog_topic(app_id, store)
            parts = consumer.partitions_for_topic(topic) or set()
            if not parts:
                await consumer._client.force_metadata_update()  # noqa: SLF001
                parts = consumer.partitions_for_topic(topic) or set()
            tps = [TopicPartition(topic, p) for p in sorted(parts)]
            ends = await consumer.end_offsets(tps)
            out[store] = int(sum(ends.values()))
        return out
    finally:
        await consumer.stop()


def model_load_seconds() -> float | None:
    """The worker's model load (its NLP child started and warmed), timed as the worker does it."""
    try:
        from streams.executor import ChildProcess

        child = ChildProcess("nlp", warm=("clean", "extract"))
        child.start()
        seconds = child.warm_seconds
        child.close()
        return round(seconds, 2) if seconds is not None else None
    except Exception as exc:  # noqa: BLE001 - reported, not fatal: the state numbers stand on their own
        print(f"model load not measured: {exc!r}", file=sys.stderr)
        return None


# ----------------------------------------------------------------------------- worker process
class WorkerRun:
    """A bench worker subprocess and the JSON lines it prints."""

    def __init__(self, args: argparse.Namespace, data_dir: Path, log_path: Path, *, recover_only: bool = False) -> None:
        cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", "--app-id", args.app_id, "--input", args.input,
               "--data-dir", str(data_dir), "--horizon-hours", str(args.horizon_hours), "--partitions", str(args.partitions)]
        if recover_only:
            cmd.append("--recover-only")
        self.log = open(log_path, "ab")
        self.started = time.time()
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=self.log, cwd=ROOT, env=dict(os.environ))
        self.lines: list[dict] = []

    def next_line(self, timeout: float = 900) -> dict:
        deadline = time.monotonic() + timeout
        assert self.proc.stdout is not None
        while time.monotonic() < deadline:
            raw = self.proc.stdout.readline()
            if not raw:
                raise RuntimeError(f"bench worker exited ({self.proc.poll()}); see its log")
            try:
                line = json.loads(raw)
            except json.JSONDecodeError:
                continue
            line["wall"] = time.time()
            self.lines.append(line)
            return line
        raise TimeoutError("bench worker went quiet")

    def until(self, pred, timeout: float = 1800) -> dict:
        while True:
            line = self.next_line(timeout)
            if pred(line):
                return line

    def stop(self) -> dict:
        self.proc.send_signal(signal.SIGTERM)
        last = self.until(lambda line: line.get("event") == "stopped", timeout=120)
        self.proc.wait(60)
        self.log.close()
        return last


def rss_mb() -> tuple[float, float]:
    cur = peak = 0.0
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                cur = int(line.split()[1]) / 1024
            elif line.startswith("VmHWM:"):
                peak = int(line.split()[1]) / 1024
    return cur, peak


async def worker_main(args: argparse.Namespace) -> None:
    from aiokafka import AIOKafkaConsumer, ConsumerRebalanceListener

    from streams.config import Settings
    from streams.duplicates import (
        EXACT_STORE,
        NEAR_STORE,
        ExactDuplicateState,
        ExactItem,
        NearDuplicateState,
        exact_index_keys,
        near_index_keys,
    )
    from streams.state import StateRuntime, StoreSpec
    from streams.state.localdb import disk_bytes

    def emit(**kw: object) -> None:
        print(json.dumps(kw), flush=True)

    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    settings = Settings(KAFKA_BOOTSTRAP_SERVERS=bootstrap(), app_id=args.app_id, topic_partitions=args.partitions,
                        data_dir=args.data_dir, dedup_horizon_hours=args.horizon_hours)
    state = settings
    runtime = StateRuntime(settings)
    near_store = runtime.add_store(StoreSpec(NEAR_STORE, args.input, state.horizon_s, near_index_keys))
    exact_store = runtime.add_store(StoreSpec(EXACT_STORE, args.input, state.horizon_s, exact_index_keys))
    near, exact = NearDuplicateState(near_store), ExactDuplicateState(exact_store)
    await runtime.start()
    await runtime.caught_up()
    emit(event="recovered", recovery_s=runtime.recovered_at - runtime.started_at,
         applied={s.name: runtime.metrics.applied.labels(store=s.name)._value.get() for s in runtime.stores},  # noqa: SLF001
         live={s.name: s.live_records for s in runtime.stores})
    if args.recover_only:
        await runtime.stop()
        return

    class Listener(ConsumerRebalanceListener):
        async def on_partitions_revoked(self, revoked):  # noqa: ANN001
            runtime.revoked(revoked)

        async def on_partitions_assigned(self, assigned):  # noqa: ANN001
            runtime.assigned(assigned)

    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap(), group_id=args.app_id, enable_auto_commit=False,
                                auto_offset_reset="earliest", max_partition_fetch_bytes=256 * 1024)
    consumer.subscribe([args.input], listener=Listener())
    await consumer.start()
    processed, found = 0, {"near": 0, "exact": 0}
    next_checkpoint = CHECKPOINT
    first = True
    try:
        while not stop.is_set():
            batches = await consumer.getmany(timeout_ms=300, max_records=256)
            if not batches:
                continue
            await runtime.ready(list(batches))
            n = 0
            for tp, records in batches.items():
                for m in records:
                    d = orjson.loads(m.value)
                    et = near_store.event_time(d["published_at"], m.timestamp / 1000)
                    if near.check(d["id"], tp.partition, bytes.fromhex(d["sig"]), et):
                        found["near"] += 1
                    item = ExactItem(d["id"], tp.partition, d["hash"], et)
                    [answer] = exact.decide([item])
                    exact.remember(item, answer)
                    if answer:
                        found["exact"] += 1
                    n += 1
            await runtime.sync()
            await consumer.commit()
            processed += n
            if first:
                first = False
                emit(event="consuming", processed=processed)
            if processed >= next_checkpoint:
                next_checkpoint += CHECKPOINT
                cur, peak = rss_mb()
                emit(event="checkpoint", processed=processed, rss_mb=cur, peak_rss_mb=peak,
                     live={s.name: s.live_records for s in runtime.stores}, watermark=near_store.watermark)
            emit(event="progress", processed=processed)
    finally:
        await consumer.commit()
        await consumer.stop()
        await runtime.upkeep()
        written = {s.name: runtime.metrics.written.labels(store=s.name)._value.get() for s in runtime.stores}  # noqa: SLF001
        tombstones = {s.name: runtime.metrics.tombstones.labels(store=s.name)._value.get() for s in runtime.stores}  # noqa: SLF001
        live = {s.name: s.live_records for s in runtime.stores}
        await runtime.stop()
        cur, peak = rss_mb()
        emit(event="stopped", processed=processed, found=found, live=live, written=written, tombstones=tombstones,
             disk_bytes={s.name: disk_bytes(s.path) for s in runtime.stores}, rss_mb=cur, peak_rss_mb=peak)


# ----------------------------------------------------------------------------- driver
def slope_per_10k(points: list[tuple[int, float]]) -> float:
    xs = np.array([p[0] for p in points], dtype=float)
    ys = np.array([p[1] for p in points], dtype=float)
    if len(xs) < 2:
        return float("nan")
    return float(np.polyfit(xs, ys, 1)[0] * 10_000)


def run(args: argparse.Namespace) -> dict:
    work = Path(tempfile.mkdtemp(prefix="bench-state-"))
    args.app_id = f"bench-state-{uuid.uuid4().hex[:8]}"
    args.input = f"{args.app_id}.input"
    rng = np.random.default_rng(20261129)
    t0 = time.time() - 86_400  # event times a day back: the broker keeps them, nothing clamps them
    recent: list = []
    records, planted = articles(args.articles, 0, t0, rng, recent)
    asyncio.run(create_input(args.input, args.partitions))
    produce_s = asyncio.run(produce(args.input, records))
    del records
    print(f"produced {args.articles} articles in {produce_s:.1f} s; planted {planted}", file=sys.stderr)

    state_dir = work / "worker"
    first = WorkerRun(args, state_dir, work / "worker-1.log")
    started = time.monotonic()
    first.until(lambda line: line.get("event") == "recovered", timeout=120)
    checkpoints = []
    line = first.until(lambda line: line.get("event") == "consuming")
    while True:
        line = first.next_line()
        if line.get("event") == "checkpoint":
            checkpoints.append(line)
            print(f"  {line['processed']:>7} articles  rss {line['rss_mb']:.1f} MB  live {line['live']}", file=sys.stderr)
        if line.get("processed", 0) >= args.articles:
            break
    feed_s = time.monotonic() - started
    end1 = first.stop()

    tail, planted_tail = articles(args.tail, args.articles, t0, rng, recent)
    asyncio.run(produce(args.input, tail))
    restart = WorkerRun(args, state_dir, work / "worker-2.log")
    recovered = restart.until(lambda line: line.get("event") == "recovered", timeout=300)
    consuming = restart.until(lambda line: line.get("event") == "consuming", timeout=300)
    restart_s = consuming["wall"] - restart.started
    restart.until(lambda line: line.get("processed", 0) >= args.tail, timeout=600)
    end2 = restart.stop()

    fresh = WorkerRun(args, work / "fresh", work / "worker-3.log", recover_only=True)
    fresh_recovered = fresh.until(lambda line: line.get("event") == "recovered", timeout=900)
    fresh_s = fresh_recovered["wall"] - fresh.started
    fresh.proc.wait(60)
    changelog = asyncio.run(changelog_records(args.app_id))
    model_s = model_load_seconds() if not args.skip_model else None

    total = args.articles + args.tail
    horizon_articles = args.horizon_hours * 3600 / STEP_S
    past = [(c["processed"], c["rss_mb"]) for c in checkpoints if c["processed"] >= 2 * horizon_articles]
    disk = end2["disk_bytes"]
    live = end2["live"]
    bytes_per_live = {store: disk[store] / max(1, live[store]) for store in disk}
    live_at_10m = PER_DAY * (DEFAULT_HORIZON_H + DEFAULT_HORIZON_H / DEFAULT_BUCKETS) / 24
    summary = {
        "articles": total,
        "horizon_hours": args.horizon_hours,
        "horizon_articles": round(horizon_articles),
        "feed_articles_per_s": round(args.articles / feed_s, 1),
        "rss_mb_at_horizon_x2": past[0][1] if past else None,
        "rss_mb_end": checkpoints[-1]["rss_mb"] if checkpoints else None,
        "peak_rss_mb": end1["peak_rss_mb"],
        "rss_mb_per_10k_articles": round(slope_per_10k(past), 3),
        "live_records_end": live,
        "disk_bytes_end": disk,
        "bytes_per_live_article": {k: round(v, 1) for k, v in bytes_per_live.items()},
        "changelog_records": changelog,
        "changelog_records_per_article": round(sum(changelog.values()) / total, 3),
        "restart_recovery_s": round(recovered["recovery_s"], 3),
        "restart_applied_records": recovered["applied"],
        "restart_s_at_100k": round(restart_s, 2),
        "fresh_recovery_s": round(fresh_s, 2),
        "fresh_applied_records": fresh_recovered["applied"],
        "fresh_live_records": fresh_recovered["live"],
        "model_load_s": model_s,
        "found": {"near": end1["found"]["near"] + end2["found"]["near"], "exact": end1["found"]["exact"] + end2["found"]["exact"]},
        "planted": {k: planted[k] + planted_tail[k] for k in planted},
        "state_gb_at_10m": round(sum(bytes_per_live.values()) * live_at_10m / 1e9, 3),
        "machine": f"{platform.machine()} {os.cpu_count()} cpu",
    }
    return summary


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=120_000)
    ap.add_argument("--tail", type=int, default=2_000)
    ap.add_argument("--horizon-hours", type=float, default=0.5)
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--skip-model", action="store_true", help="do not time the NLP model load")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--app-id", help=argparse.SUPPRESS)
    ap.add_argument("--input", help=argparse.SUPPRESS)
    ap.add_argument("--data-dir", help=argparse.SUPPRESS)
    ap.add_argument("--recover-only", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        import logging

        logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="%(asctime)s %(name)s %(levelname)s %(message)s")
        asyncio.run(worker_main(args))
        return 0
    if args.articles < 100_000:
        print("note: fewer than 100,000 articles; restart_s_at_100k then means at that size", file=sys.stderr)
    summary = run(args)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "state.json").write_text(json.dumps(summary, indent=2) + "\n")
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
