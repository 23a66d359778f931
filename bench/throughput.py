"""Where the time goes: the core alone, then the stream on a real local broker.

    .venv/bin/python bench/throughput.py [--size 1000] [--latency-seconds 60]

Measured in one run, on the same corpus (bench/corpus.py):
1. core, one process, no Kafka: clean, enrich (entities + 5W1H) and coded events
   per article (extraction in the stage's batches, as the worker runs it), in
   rounds interleaved with our own parse of the same texts and bare spaCy
   ``nlp.pipe`` (full model as spaCy ships it, same BLAS and batch policy) on the
   clean texts, all timed from outside the stage (bench/extract_cost.py); bare
   ``trafilatura.extract`` on the HTML pages as the cleaner's reference;
2. stream: the corpus produced to articles.raw, 1 worker then 2 workers, articles/s
   from the first input to the last enriched record (record timestamps), then the
   end-to-end latency at a steady input rate of half the 1-worker maximum;
3. peak RSS of each worker process (main + its stage children);
4. the ratios, printed last as one JSON line.
Results go to bench/results/throughput.{json,md,png}. Needs a broker: `make bench`
starts one (or set KAFKA_BOOTSTRAP_SERVERS).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable

import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import CorpusNotFound, CorpusUnavailable, corpus, describe  # noqa: E402
from kafka_harness import Deployment, bootstrap, produce, read_topic  # noqa: E402

from streams.executor import limit_blas_threads  # noqa: E402

RESULTS = ROOT / "bench" / "results"


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    k = max(0, min(len(s) - 1, round(q / 100 * (len(s) - 1))))
    return s[k]


# ----------------------------------------------------------------------------- core
def bench_core(items: list[tuple[str, bytes]]) -> dict:
    """Clean + extract against our own parse and bare spaCy, measured from the outside (bench/extract_cost.py),
    then the cleaner's HTML path against bare trafilatura on the HTML pages."""
    import trafilatura
    from extract_cost import measure

    from streams.cleaning import clean
    from streams.config import Settings
    from streams.envelope import decode

    raws = [decode(v) for _, v in items]
    # The extract stage as the worker runs it (batches of the configured size), in interleaved rounds.
    core = measure(raws, Settings().batch_size)

    html_raws = [r for r in raws if r.html]
    t0 = time.perf_counter()
    for raw in html_raws:
        trafilatura.extract(raw.html)
    t_traf = time.perf_counter() - t0
    t0 = time.perf_counter()
    for raw in html_raws:
        try:
            clean(raw)
        except Exception:  # noqa: BLE001
            pass
    t_clean_html = time.perf_counter() - t0
    return {
        **core,
        "enrich_ms_per_article": core["extract_ms_per_article"] - core["events_ms_per_article"],
        "events_over_enrich": core["events_s"] / (core["extract_s"] - core["events_s"]),
        "trafilatura_pages": len(html_raws),
        "trafilatura_s": t_traf,
        "clean_html_s": t_clean_html,
        "extract_batch_size": core["batch_size"],
    }


# ----------------------------------------------------------------------------- stream
def per_process(pid: int, measure: Callable[[Any], float | None]) -> dict:
    """``measure(process)`` of a process and each of its children (psutil processes), by "pid:command"; a process
    that is gone, or that ``measure`` answers None for, is left out."""
    import psutil

    out = {}
    try:
        proc = psutil.Process(pid)
        for p in [proc, *proc.children(recursive=True)]:
            try:
                value = measure(p)
                if value is not None:
                    out[f"{p.pid}:{' '.join(p.cmdline()[-2:])[:60]}"] = value
            except (OSError, psutil.Error):
                pass
    except psutil.Error:
        pass
    return out


def rss_of_tree(pid: int, field: str = "VmHWM") -> dict:
    """Peak RSS (``VmHWM``, MB) of a process and its children, or the current one with ``field="VmRSS"``."""
    def rss(p: Any) -> float | None:
        with open(f"/proc/{p.pid}/status") as f:
            for line in f:
                if line.startswith(f"{field}:"):
                    return int(line.split()[1]) / 1024
        return None

    return per_process(pid, rss)


async def _timed_produce_and_collect(dep: Deployment, items: list[tuple[str, bytes]], rate: float | None, stories: bool = False) -> dict:
    """Produce (all at once, or at ``rate``/s) and time each article from send to its enriched record.

    With ``stories``, an article is done when it also appears in a record of the ``stories``
    topic (the whole stream: clean, extract, story aggregation).
    """
    from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

    topics = [dep.topic("enriched"), dep.topic("dlq")] + ([dep.prefix + "stories"] if stories else [])
    consumer = AIOKafkaConsumer(*topics, bootstrap_servers=bootstrap(), group_id=None, auto_offset_reset="latest", enable_auto_commit=False,
                                max_partition_fetch_bytes=32 * 1024 * 1024, fetch_max_bytes=64 * 1024 * 1024)
    await consumer.start()
    # make sure the consumer is positioned before anything is produced
    while not consumer.assignment():
        await asyncio.sleep(0.1)
    for tp in consumer.assignment():
        await consumer.position(tp)
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap(), acks="all", linger_ms=2, max_request_size=32 * 1024 * 1024)
    await producer.start()
    sent_at: dict[str, float] = {}
    done_at: dict[str, float] = {}
    enriched_at: dict[str, float] = {}
    in_story: set[str] = set()
    stories_topic = dep.prefix + "stories"

    def finish(aid: str, now: float) -> None:
        if aid in sent_at and aid not in done_at and aid in enriched_at and (not stories or aid in in_story):
            done_at[aid] = now

    async def collect() -> None:
        while len(done_at) < len(items):
            batch = await consumer.getmany(timeout_ms=200)
            now = time.time()
            for tp, msgs in batch.items():
                for m in msgs:
                    try:
                        record = orjson.loads(m.value)
                    except Exception:  # noqa: BLE001
                        continue
                    if tp.topic == stories_topic:
                        for aid in record.get("article_ids") or []:
                            in_story.add(aid)
                            finish(aid, now)
                        continue
                    aid = record.get("article_id")
                    if aid in sent_at:
                        enriched_at.setdefault(aid, now)
                        if record.get("dead_letter_id"):
                            in_story.add(aid)  # a dead letter joins no story
                        finish(aid, now)

    collector = asyncio.ensure_future(collect())
    t_start = time.time()
    for i, (aid, value) in enumerate(items):
        if rate:
            target = t_start + i / rate
            delay = target - time.time()
            if delay > 0:
                await asyncio.sleep(delay)
        sent_at[aid] = time.time()
        await producer.send(dep.topic("raw"), value, key=aid.encode())
    await producer.flush()
    try:
        await asyncio.wait_for(collector, timeout=900)
    except asyncio.TimeoutError:
        collector.cancel()
    await producer.stop()
    await consumer.stop()
    lat = [done_at[a] - sent_at[a] for a in done_at]
    first, last = min(sent_at.values()), max(done_at.values()) if done_at else time.time()
    return {
        "articles": len(items),
        "completed": len(done_at),
        "wall_s": last - first,
        "articles_per_s": len(done_at) / (last - first) if done_at else 0.0,
        "latency_p50_s": percentile(lat, 50),
        "latency_p95_s": percentile(lat, 95),
        "latency_p99_s": percentile(lat, 99),
        "latency_max_s": max(lat) if lat else float("nan"),
    }


def bench_stream(items: list[tuple[str, bytes]], workers: int, logs: Path, rate: float | None = None, stories: bool = True) -> dict:
    env = {"NEWSEVENTS_SKIP_EXACT_DUPLICATES": "false", "NEWSEVENTS_LOG_LEVEL": "WARNING", "NEWSEVENTS_STORIES_ENABLED": str(stories).lower()}
    dep = Deployment(f"bench{workers}w{'s' if stories else ''}", partitions=4, extra_env=env)
    dep.create_topics()
    try:
        procs = [dep.start_worker(logs) for _ in range(workers)]
        for w in procs:
            w.wait_ready()
        time.sleep(4 if workers > 1 else 1)  # let the group settle after the last join
        cpu_before = [cpu_of_tree(w.proc.pid) for w in procs]
        t0 = time.time()
        result = asyncio.run(_timed_produce_and_collect(dep, items, rate, stories))
        run_s = time.time() - t0
        result["cpu"] = {f"worker{i}": cpu_share(b, cpu_of_tree(w.proc.pid), run_s) for i, (w, b) in enumerate(zip(procs, cpu_before))}
        result["rss_mb"] = {f"worker{i}": rss_of_tree(w.proc.pid) for i, w in enumerate(procs)}
        result["worker_rss_total_mb"] = max(sum(v.values()) for v in result["rss_mb"].values())
    finally:
        dep.stop_all()
    return result


def renamed(items: list[tuple[str, bytes]], suffix: str, unique: bool = False) -> list[tuple[str, bytes]]:
    """The same articles under new ids (a fresh run must not meet ids it has seen)."""
    out = []
    for n, (aid, value) in enumerate(items):
        new = f"{aid}{suffix}{n if unique else ''}"
        out.append((new, orjson.dumps({**orjson.loads(value), "id": new})))
    return out


# ----------------------------------------------------------------------------- report
def cpu_of_tree(pid: int) -> dict:
    """CPU seconds (user + system) so far of a process and each of its children, by "pid:command"."""
    def cpu(p: Any) -> float:
        t = p.cpu_times()
        return t.user + t.system

    return per_process(pid, cpu)


def cpu_share(before: dict, after: dict, wall_s: float) -> dict:
    """Where a worker's CPU went during a run: seconds per process and the busiest process's share of the wall time
    (a stage child near 1.0 means the stream is bound by the child's work, not by waiting)."""
    spent = {k: round(after[k] - before.get(k, 0.0), 2) for k in after}
    busiest = max(spent.values(), default=0.0)
    return {"cpu_s": spent, "busiest_share_of_wall": round(busiest / wall_s, 3) if wall_s else None}


def write_reports(results: dict) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "throughput.json").write_text(json.dumps(results, indent=2))
    c, s1, s2, lat = results["core"], results["stream_1w"], results["stream_2w"], results["latency_half_load"]
    r = results["ratios"]
    md = [
        f"# Throughput ({results['machine']})",
        "",
        f"Corpus: {c['articles']} distinct articles (bench/corpus.py: {results.get('corpus', '../shared')}). Date: {results['date']}.",
        "",
        "| what | articles/s | ms/article |",
        "|---|---|---|",
        f"| core clean (1 process) | {1000 / c['clean_ms_per_article']:.1f} | {c['clean_ms_per_article']:.1f} |",
        f"| core extract (enrich + events) | {1000 / c['extract_ms_per_article']:.1f} | {c['extract_ms_per_article']:.1f} |",
        f"| core whole pipeline | {c['core_articles_per_s']:.2f} | {1000 / c['core_articles_per_s']:.1f} |",
        f"| bare trafilatura.extract (HTML pages) | {c['trafilatura_pages'] / c['trafilatura_s']:.1f} | {1000 * c['trafilatura_s'] / c['trafilatura_pages']:.1f} |",
        f"| bare spaCy nlp.pipe, full model as shipped, on the same titles and bodies (same BLAS, same batch policy) | {c['spacy_full_articles_per_s']:.2f} | {1000 / c['spacy_full_articles_per_s']:.1f} |",
        f"| our own parse of the stage's texts (timed apart, same run) | | {1000 * c['extract_spacy_s'] / c['clean_articles']:.1f} |",
        f"| stream, 1 worker | {s1['articles_per_s']:.2f} | |",
        f"| stream, 2 workers | {s2['articles_per_s']:.2f} | |",
        "",
        f"End-to-end latency at {lat['rate']:.2f} articles/s (half the 1-worker maximum), 1 worker: "
        f"p50 {lat['latency_p50_s']:.2f} s, p95 {lat['latency_p95_s']:.2f} s, p99 {lat['latency_p99_s']:.2f} s.",
        "",
        f"Peak RSS of one worker (main process + stage children): {s1['worker_rss_total_mb']:.0f} MB; per process: "
        + ", ".join(f"{k.split(':', 1)[1] or k}: {v:.0f} MB" for k, v in next(iter(s1["rss_mb"].values())).items()),
        "",
        "CPU of the 1-worker run (from producing the first article to the last one done): "
        + ", ".join(f"{k.split(':', 1)[1] or k}: {v:.1f} s" for k, v in s1["cpu"]["worker0"]["cpu_s"].items())
        + f"; the busiest process was busy {s1['cpu']['worker0']['busiest_share_of_wall']:.0%} of the run.",
        "",
        "| ratio | value | bar |",
        "|---|---|---|",
        f"| stream_1w_over_core | {r['stream_1w_over_core']:.2f} | >= 0.90 |",
        f"| stream_2w_over_1w | {r['stream_2w_over_1w']:.2f} | >= 1.7 |",
        f"| extract_over_spacy | {r['extract_over_spacy']:.2f} | <= 1.0 |",
        f"| extract_over_own_parse (the stage over the model's stock components alone) | {r['extract_over_own_parse']:.2f} | <= 1.15 |",
        f"| extract_over_fast_parse (the stage over its own parse, attribute table and all; information) | {r['extract_over_fast_parse']:.2f} | |",
        f"| core_over_spacy (clean + extract articles/s over bare spaCy's) | {r['core_over_spacy']:.2f} | >= 0.90 |",
        f"| clean_over_trafilatura | {r['clean_over_trafilatura']:.2f} | (time ratio; speed >= 0.8x means <= 1.25) |",
        f"| stories_cost_ratio (stories off / on, articles/s, 1 worker, median of 2 interleaved runs each) | {r['stories_cost_ratio']:.2f} | <= 1.10 |",
        "",
        f"Stories on vs off ({results['stories']['articles']} distinct articles a run; on = done when the article is in a "
        f"story record): off {', '.join(f'{v:.2f}' for v in results['stories']['off_articles_per_s'])}, "
        f"on {', '.join(f'{v:.2f}' for v in results['stories']['on_articles_per_s'])} articles/s.",
    ]
    (RESULTS / "throughput.md").write_text("\n".join(md) + "\n")
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        fig, (a1, a2) = plt.subplots(1, 2, figsize=(10, 4))
        names = ["core", "stream 1w", "stream 2w", "spaCy full"]
        vals = [c["core_articles_per_s"], s1["articles_per_s"], s2["articles_per_s"], c["spacy_full_articles_per_s"]]
        a1.bar(names, vals, color=["#777", "#3b7", "#2a6", "#c84"])
        a1.set_ylabel("articles/s")
        a1.set_title("Throughput")
        a2.bar(["p50", "p95", "p99"], [lat["latency_p50_s"], lat["latency_p95_s"], lat["latency_p99_s"]], color="#37b")
        a2.axhline(2.0, color="red", linestyle="--", label="bar 2 s")
        a2.set_ylabel("seconds")
        a2.set_title(f"End-to-end latency at {lat['rate']:.1f}/s")
        a2.legend()
        fig.tight_layout()
        fig.savefig(RESULTS / "throughput.png", dpi=100)
    except ImportError:
        print("matplotlib not installed: no chart", file=sys.stderr)


def main() -> int:
    # The core runs in this one process, as a worker's NLP child does: one BLAS thread
    # (numpy is not imported yet; bench_core imports spaCy).
    limit_blas_threads()
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", type=int, default=1000, help="distinct articles to measure on (never repeated)")
    ap.add_argument("--corpus", default=None, help="a directory of articles or a JSON-lines file of envelopes (default: $CORPUS, else ../shared)")
    ap.add_argument("--latency-seconds", type=float, default=60.0)
    ap.add_argument("--stories-size", type=int, default=200, help="articles per stories on/off run (4 runs, interleaved)")
    args = ap.parse_args()
    try:
        source = describe(args.corpus)
        items = corpus(args.size, args.corpus)
    except CorpusUnavailable as exc:
        print(f"make bench: nothing measured: {exc}", file=sys.stderr)
        return 2 if isinstance(exc, CorpusNotFound) else 0
    logs = ROOT / ".newsevents-data" / "bench-logs"
    logs.mkdir(parents=True, exist_ok=True)
    started = time.time()
    print(f"corpus: {len(items)} distinct articles from {source}; broker {bootstrap()}", file=sys.stderr)

    core = bench_core(items)
    print(f"core: {core['core_articles_per_s']:.2f} articles/s (clean {core['clean_ms_per_article']:.1f} ms, extract {core['extract_ms_per_article']:.1f} ms)", file=sys.stderr)
    s1 = bench_stream(items, 1, logs)
    print(f"stream 1 worker: {s1['articles_per_s']:.2f} articles/s ({s1['completed']}/{s1['articles']})", file=sys.stderr)
    s2 = bench_stream(renamed(items, "#2"), 2, logs)
    print(f"stream 2 workers: {s2['articles_per_s']:.2f} articles/s ({s2['completed']}/{s2['articles']})", file=sys.stderr)
    rate = s1["articles_per_s"] / 2
    n_lat = min(len(items), max(20, int(rate * args.latency_seconds)))  # each article once in this worker too
    lat = bench_stream(renamed(items[:n_lat], "#lat"), 1, logs, rate=rate)
    lat["rate"] = rate
    print(f"latency at {rate:.2f}/s: p50 {lat['latency_p50_s']:.2f} p95 {lat['latency_p95_s']:.2f} p99 {lat['latency_p99_s']:.2f} s", file=sys.stderr)

    # Stories on vs off: the whole stream (done = enriched and in a story record) against the stream
    # without the story stage, same worker count, distinct ids, interleaved off/on/off/on in this run.
    n_st = min(len(items), args.stories_size)
    runs: dict[bool, list[float]] = {False: [], True: []}
    for k, on in enumerate((False, True, False, True)):
        r = bench_stream(renamed(items[:n_st], f"#st{k}"), 1, logs, stories=on)
        runs[on].append(r["articles_per_s"])
        print(f"stories {'on' if on else 'off'} (run {k + 1} of 4): {r['articles_per_s']:.2f} articles/s ({r['completed']}/{r['articles']})", file=sys.stderr)
    stories_off, stories_on = statistics.median(runs[False]), statistics.median(runs[True])

    ratios = {
        "stream_1w_over_core": s1["articles_per_s"] / core["core_articles_per_s"],
        "stream_2w_over_1w": s2["articles_per_s"] / s1["articles_per_s"] if s1["articles_per_s"] else 0.0,
        "extract_over_spacy": core["extract_s"] / core["spacy_full_s"],
        "extract_over_own_parse": core["extract_s"] / core["extract_spacy_s"],
        "extract_over_fast_parse": core["extract_over_fast_parse"],
        "core_over_spacy": core["core_articles_per_s"] / core["spacy_full_articles_per_s"],
        "clean_over_trafilatura": (core["clean_html_s"] / core["trafilatura_s"]),
        "latency_p99_s_half_load": lat["latency_p99_s"],
        "worker_rss_mb": max(s1["worker_rss_total_mb"], s2["worker_rss_total_mb"]),
        "stories_cost_ratio": stories_off / stories_on if stories_on else float("inf"),
    }
    results = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "wall_s": time.time() - started,
        "corpus": source,
        "core": core,
        "stream_1w": s1,
        "stream_2w": s2,
        "latency_half_load": lat,
        "stories": {"articles": n_st, "off_articles_per_s": runs[False], "on_articles_per_s": runs[True],
                    "off_median": stories_off, "on_median": stories_on},
        "ratios": ratios,
    }
    write_reports(results)
    print((RESULTS / "throughput.md").read_text())
    print(json.dumps({k: round(v, 3) for k, v in ratios.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
