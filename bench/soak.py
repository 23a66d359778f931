"""Long run: does throughput hold and memory stay flat? (``make soak``, ~20 minutes)

    .venv/bin/python bench/soak.py [--minutes 20]

One worker is kept saturated (the input topic always holds a backlog) with the
benchmark corpus, every round under new article ids (as in production, the
duplicate tables grow with every article); every minute the script records
articles completed (enriched records) and the worker's resident memory (main +
stage children: current RSS, and the peak so far). Pass: see :func:`verdict`.
Writes bench/results/soak.json; ``--evaluate`` recomputes the verdict of a saved
run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import corpus  # noqa: E402
from kafka_harness import Deployment, bootstrap  # noqa: E402
from throughput import renamed, rss_of_tree  # noqa: E402


async def soak(dep: Deployment, pid: int, minutes: float, items: list[tuple[str, bytes]]) -> list[dict]:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap(), acks="all", linger_ms=5, max_request_size=32 * 1024 * 1024)
    consumer = AIOKafkaConsumer(dep.topic("enriched"), bootstrap_servers=bootstrap(), group_id=None, auto_offset_reset="earliest")
    await producer.start()
    await consumer.start()
    sent = done = 0
    rounds = 0
    samples: list[dict] = []
    start = time.time()
    next_sample = start + 60
    last_done = 0
    try:
        while time.time() - start < minutes * 60:
            if sent - done < 200:  # keep a backlog so the worker never idles
                for aid, value in renamed(items[:300], f"@{rounds}"):
                    await producer.send(dep.topic("raw"), value, key=aid.encode())
                    sent += 1
                rounds += 1
                items = items[300:] + items[:300]
            batch = await consumer.getmany(timeout_ms=500)
            done += sum(len(v) for v in batch.values())
            if time.time() >= next_sample:
                rss = sum(rss_of_tree(pid, "VmRSS").values())
                peak = sum(rss_of_tree(pid).values())
                samples.append({"minute": len(samples) + 1, "articles_per_s": (done - last_done) / 60.0, "rss_mb": rss, "peak_rss_mb": peak})
                print(f"minute {len(samples)}: {samples[-1]['articles_per_s']:.2f} articles/s, RSS {rss:.0f} MB (peak {peak:.0f} MB)", file=sys.stderr)
                last_done = done
                next_sample += 60
    finally:
        await producer.stop()
        await consumer.stop()
    return samples


def verdict(samples: list[dict], minutes: float, date: str) -> dict:
    """Pass/fail from the per-minute samples.

    Throughput must not degrade: no minute below 90% of the first minute's
    articles/s. A minute above it is not degradation; the spread upwards comes
    from the article mix (the corpus cycles long HTML pages and short texts, so
    a minute of short ones completes more articles) and is reported, not failed.
    Memory must stay flat: the last minute's RSS within 10% (or 50 MB) of the
    second minute's (the first includes start-up).
    """
    rates = [s["articles_per_s"] for s in samples]
    first = rates[0] if rates else 0.0
    rss_base = samples[1]["rss_mb"] if len(samples) > 1 else (samples[0]["rss_mb"] if samples else 0.0)
    rss_last = samples[-1]["rss_mb"] if samples else 0.0
    return {
        "minutes": minutes,
        "date": date,
        "samples": samples,
        "first_minute_articles_per_s": first,
        "worst_minute_articles_per_s": min(rates, default=0.0),
        "best_minute_articles_per_s": max(rates, default=0.0),
        "worst_minute_over_first": min(rates, default=0.0) / first if first else 0.0,
        "best_minute_over_first": max(rates, default=0.0) / first if first else 0.0,
        "rss_second_minute_mb": rss_base,
        "rss_last_minute_mb": rss_last,
        "peak_rss_mb": max((s.get("peak_rss_mb", 0.0) for s in samples), default=0.0),
        "throughput_no_minute_below_90pct_of_first": bool(rates) and all(r >= 0.9 * first for r in rates),
        "rss_flat": bool(samples) and rss_last <= max(rss_base * 1.10, rss_base + 50),
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=float, default=20)
    ap.add_argument("--evaluate", type=Path, help="recompute the verdict of an earlier run's soak.json (its samples) instead of running")
    args = ap.parse_args()
    out = ROOT / "bench" / "results" / "soak.json"
    if args.evaluate:
        earlier = json.loads(args.evaluate.read_text())
        result = verdict(earlier["samples"], earlier["minutes"], earlier.get("date", ""))
    else:
        logs = ROOT / ".newsevents-data" / "bench-logs"
        logs.mkdir(parents=True, exist_ok=True)
        dep = Deployment("soak", partitions=4, extra_env={"NEWSEVENTS_SKIP_EXACT_DUPLICATES": "false", "NEWSEVENTS_LOG_LEVEL": "WARNING"})
        dep.create_topics()
        try:
            w = dep.start_worker(logs)
            w.wait_ready()
            samples = asyncio.run(soak(dep, w.proc.pid, args.minutes, corpus(1000)))
        finally:
            dep.stop_all()
        result = verdict(samples, args.minutes, time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    print(json.dumps({k: v for k, v in result.items() if k != "samples"}))
    return 0 if result["throughput_no_minute_below_90pct_of_first"] and result["rss_flat"] else 1


if __name__ == "__main__":
    sys.exit(main())
