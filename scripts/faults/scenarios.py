"""The fault scenarios. Each states its expected outcome, feeds a known set of inputs, injects its fault,
says when the fault has ended (for the stuck check), and is compared input by input with the baseline."""

from __future__ import annotations

import asyncio
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Awaitable, Callable

from aiokafka import AIOKafkaConsumer, TopicPartition

from .accounting import ItemOutcome, Result
from .corpus import CAPS_FULL, CAPS_QUICK, Item, good_articles, hostile_messages, long_articles, mix, slow_articles
from .kafka_io import say, set_topic_max_bytes
from .run import SESSION_TIMEOUT_S, Run, nlp_child, peak_rss_mb

EXPENSIVE = {"boilerplate_quadratic", "tiny_sentences", "huge_attribute", "huge_body", "compression_bomb", "clock_prepositions",
             "backtracking", "deep_html"}


@dataclass
class Ctx:
    """What a scenario runs with."""

    single: Any                 # brokers.Cluster, one node
    three: Any                  # brokers.Cluster, three nodes (RF 3, min.insync.replicas 2), or None
    log_dir: Path
    baseline: dict[str, ItemOutcome] | None
    rate: float                 # articles/s one worker sustains comfortably (from the baseline)
    timeout_s: float
    quick: bool
    light: bool = False         # the test suite's subset: one fault of each kind instead of several


# ---------------------------------------------------------------------- inputs (shared by baseline and scenarios)
@lru_cache(maxsize=2)
def good(quick: bool) -> list[Item]:
    return good_articles(400 if quick else 5000, prefix="g", seed=1)


@lru_cache(maxsize=2)
def hostile(quick: bool) -> list[Item]:
    items = hostile_messages(600 if quick else 10000, caps=CAPS_QUICK if quick else CAPS_FULL, seed=7)
    # Expensive kinds in the first half of the feed, so the stream is not still chewing on them when the feed ends.
    costly = [it for it in items if it.kind in EXPENSIVE]
    cheap = [it for it in items if it.kind not in EXPENSIVE]
    half = len(cheap) // 2
    return cheap[:half // 2] + costly + cheap[half // 2:]


def items_for(name: str, quick: bool, scale: float = 1.0) -> list[Item]:
    """The inputs of a scenario (``scale`` < 1 takes that share of each part, for the test suite's quick subset)."""
    def g(full: tuple[int, int], small: tuple[int, int]) -> list[Item]:
        a, b = small if quick else full
        return cut(good(quick)[a:b])

    def cut(items: list[Item]) -> list[Item]:
        return items[: max(1, int(len(items) * scale))]

    if name == "1_worker_crashes":
        return g((0, 5000), (0, 300))
    if name == "2_broker_restart":
        return g((0, 600), (0, 120))
    if name == "3_broker_loss":
        return g((600, 1200), (120, 240))
    if name == "4_hostile_input":
        bad = hostile(quick)
        if scale < 1:  # every kind but the one whose proof costs minutes: the cheap ones cut, the capped ones all
            keep = lambda it: it.kind in EXPENSIVE or it.kind in ("compressed_article", "other_language")  # noqa: E731
            bad = [it for it in bad if keep(it) and it.kind != "boilerplate_quadratic"] + cut([it for it in bad if not keep(it)])
        return mix(g((4600, 5000), (360, 400)), bad)
    if name == "5_add_remove_worker":
        return g((1200, 1800), (120, 240))
    if name == "6_oversized_output":
        return mix(long_articles(2 if quick else 8), g((1800, 1900), (240, 280)))
    if name == "7_dlq_not_writable":
        cheap = [it for it in hostile(quick) if it.kind in ("invalid_json", "wrong_types", "no_content", "truncated_json")]
        return mix(g((1900, 2100), (240, 300)), cut(cheap[: 60 if quick else 200]))
    if name == "8_zombie_worker":
        return g((2100, 2700), (240, 360))
    if name == "9_leader_killed_under_load":
        return g((2700, 3300), (0, 120))
    if name == "10_child_oom_killed":
        return g((3300, 3900), (240, 360))
    if name == "11_slow_messages_rebalance":
        return mix(g((3900, 4100), (300, 360)), cut(slow_articles(12 if quick else 40)))
    if name == "12_cpu_starvation":
        return g((4100, 4600), (300, 400))
    raise KeyError(name)


# ---------------------------------------------------------------------- helpers
def _run(ctx: Ctx, name: str, items: list[Item], expected: str, bootstrap: str | None = None, **kw: Any) -> Run:
    return Run(name, bootstrap or ctx.single.bootstrap, items, log_dir=ctx.log_dir, expected=expected, baseline=ctx.baseline,
               timeout_s=ctx.timeout_s, **kw)


async def _start(run: Run, n: int) -> None:
    for _ in range(n):
        await run.start_worker(wait=False)
    for w in list(run.dep.workers):
        await run.wait_ready(w)


def _feed(run: Run, items: list[Item], rate: float) -> asyncio.Task:
    assert run.producer is not None
    return asyncio.ensure_future(run.producer.send_paced(items, rate))


async def _until_fed(run: Run, feed: asyncio.Task) -> None:
    while not feed.done():
        await run.tick(1.0)
    feed.result()


# ---------------------------------------------------------------------- 1..5: today's scenarios
async def worker_crashes(ctx: Ctx, items: list[Item], kills: int = 5, workers: int = 2) -> Result:
    """``workers`` workers; ``kills`` times, spread over the stream, kill -9 (the whole process group, NLP
    child included) of a random running worker, restarted at once."""
    r = random.Random(11)
    run = _run(ctx, "1_worker_crashes", items, "every input enriched or dead-lettered as in the baseline; redelivered "
               "articles give the same records under the same ids; lag drains once the killed members' sessions expire")
    async with run:
        await _start(run, workers)
        feed = _feed(run, items, ctx.rate * workers)
        # The light run (make test) kills both workers a few seconds into the stream: the schedule that once
        # skipped a range of clean offsets (docs/faults.md, "Findings").
        n = 2 if ctx.quick else kills
        feed_s = len(items) / (ctx.rate * workers)
        # Spread over the stream: the k-th kill near (k+1)/(n+1) of the feed, give or take 10 %.
        gaps = [3.0, 4.0] if ctx.light else [feed_s / (n + 1) * r.uniform(0.9, 1.1) for _ in range(n)]
        for k, gap in enumerate(gaps):
            await run.sleep(gap)
            while not ctx.light and not run.ready_workers() and time.monotonic() < run.deadline:
                await run.tick(1.0)
            candidates = (run.ready_workers() or run.alive_workers()) if not ctx.light else run.dep.workers[k:k + 1]
            victim = r.choice(candidates)
            done, total = run.accounted()
            say(f"{run.name}: kill -9 #{k + 1} {victim.log_path.name} at {done}/{total}")
            run.result.notes.append(f"kill #{k + 1} at {done}/{total} accounted")
            await run.kill9(victim)
            await run.start_worker(wait=False)
            run.fault_ended(SESSION_TIMEOUT_S + 30)  # its partitions wait for its session; the replacement loads its models
        await _until_fed(run, feed)
        return await run.finish()


async def broker_restart(ctx: Ctx, items: list[Item], down_s: float = 10.0) -> Result:
    """One worker; the single broker (persistent log dir) stopped (SIGTERM) at 30 % and started again ``down_s`` later."""
    run = _run(ctx, "2_broker_restart", items, "sends pause while the broker is down (/health turns unhealthy if it lasts), "
               "then everything flows; nothing lost, no dead letters beyond the baseline")
    async with run:
        await _start(run, 1)
        feed = _feed(run, items, ctx.rate)
        await run.wait_progress(0.3)
        done, total = run.accounted()
        say(f"{run.name}: stopping the broker at {done}/{total}")
        run.result.notes.append(f"broker stopped at {done}/{total}, down {down_s:g} s")
        node = ctx.single.nodes[0]
        await asyncio.to_thread(node.stop, 30)
        await asyncio.sleep(down_s)
        await asyncio.to_thread(node.start)
        await asyncio.to_thread(node.wait_ready, 120)
        run.fault_ended()
        say(f"{run.name}: broker back")
        await _until_fed(run, feed)
        return await run.finish()


async def broker_loss(ctx: Ctx, items: list[Item], down_s: float = 20.0) -> Result:
    """3 brokers, RF 3, min.insync.replicas 2: kill -9 the broker leading most raw partitions at 30 %, back 20 s later."""
    run = _run(ctx, "3_broker_loss", items, "leaders move to the surviving brokers and the stream continues; nothing lost",
               bootstrap=ctx.three.bootstrap, replication=3)
    async with run:
        await _start(run, 2)
        feed = _feed(run, items, ctx.rate * 2)
        await run.wait_progress(0.3)
        victim = await _leader_of_most(ctx.three, [run.dep.topic("raw")])
        done, total = run.accounted()
        say(f"{run.name}: kill -9 broker {victim.node_id} at {done}/{total}")
        run.result.notes.append(f"broker {victim.node_id} killed at {done}/{total}, down {down_s:g} s")
        await asyncio.to_thread(victim.kill9)
        await run.sleep(down_s)
        await asyncio.to_thread(victim.start)
        await asyncio.to_thread(victim.wait_ready, 120)
        run.fault_ended()
        await _until_fed(run, feed)
        return await run.finish()


async def hostile_input(ctx: Ctx, items: list[Item]) -> Result:
    """Every kind of hostile message (regex and compression bombs included) mixed into good traffic; one worker."""
    run = _run(ctx, "4_hostile_input", items, "every hostile message dead-lettered with its reason (as in the baseline), the "
               "worker never exits, every good article enriched; the compression bomb dead-lettered too_large with the "
               "worker's peak RSS far under 1 GB")
    async with run:
        w = await run.start_worker()
        # Spread over minutes: the costly kinds (a guilt proof costs three child starts) sit in the first
        # part of the feed and are done before it ends, so the lag can drain once the feed is over.
        slow = any(it.kind == "boilerplate_quadratic" for it in items)
        feed = _feed(run, items, len(items) / min(600.0, max(120.0 if slow else 60.0, len(items) / 2.5)))
        await _until_fed(run, feed)
        result = await run.finish()
        if run.tracker is not None:
            bombs = [d for d in run.tracker.out.dead if d["reason"] == "too_large" and "inflat" in d["message"]]
            result.extra["bombs_dead_lettered"] = len(bombs)
        if w.alive() and w.proc is not None:
            result.extra["bomb_rss_mb"] = round(peak_rss_mb(w.proc.pid) or 0.0, 1)
            child = nlp_child(w.proc.pid)
            result.extra["child_peak_rss_mb"] = round(peak_rss_mb(child) or 0.0, 1) if child else None
        kinds: dict[str, dict[str, int]] = {}
        for it in items:
            o = run.outcomes[it.key]
            outcome = "out" if o.enriched else ("dlq" if o.dead else "lost")
            kinds.setdefault(it.kind, {}).setdefault(outcome, 0)
            kinds[it.kind][outcome] += 1
        result.extra["by_kind"] = kinds
        return result


async def add_remove_worker(ctx: Ctx, items: list[Item]) -> Result:
    """One worker; a second added at 20 %, a third at 40 %, the first removed (SIGTERM) at 60 %."""
    run = _run(ctx, "5_add_remove_worker", items, "batches in flight at each rebalance are abandoned and fetched again by the "
               "new owner; nothing lost, no conflicting records")
    async with run:
        first = await run.start_worker()
        feed = _feed(run, items, ctx.rate)
        for frac, action in ((0.2, "add"), (0.4, "add"), (0.6, "remove")):
            await run.wait_progress(frac)
            done, total = run.accounted()
            run.result.notes.append(f"worker {'added' if action == 'add' else 'removed (SIGTERM)'} at {done}/{total}")
            if action == "add":
                await run.start_worker(wait=False)
            else:
                await run.stop_worker(first)
            run.fault_ended(30)
        await _until_fed(run, feed)
        return await run.finish()


# ---------------------------------------------------------------------- 6..12: new in suite v2
async def oversized_output(ctx: Ctx, items: list[Item]) -> Result:
    """Articles of 1.3 MB among normal ones; the clean topic made by an operator with a 1 MiB limit."""

    async def small_clean_topic(run: Run) -> None:
        await set_topic_max_bytes(run.bootstrap, run.dep.topic("clean"), 1024 * 1024)

    run = _run(ctx, "6_oversized_output", items, "each 1.3 MB article comes out with its clean body truncated to the worker's "
               "768 KiB record bound (body_truncated, its full length kept); nothing dead-lettered; the articles behind them flow",
               before_start=small_clean_topic)
    async with run:
        await _start(run, 1)
        feed = _feed(run, items, ctx.rate)
        await _until_fed(run, feed)
        run.fault_ended()
        result = await run.finish()
        longs = [it for it in items if it.kind == "long"]
        result.extra["long_truncated"] = sum(1 for it in longs if run.outcomes[it.key].truncated)
        if result.extra["long_truncated"] != len(longs):
            result.notes.append(f"only {result.extra['long_truncated']}/{len(longs)} long articles came out truncated")
            result.lost = max(result.lost, 1)
        return result


async def dlq_not_writable(ctx: Ctx, items: list[Item]) -> Result:
    """The dead-letter topic's limit dropped to 200 bytes mid-run (an operator's mistake), restored after the worker stops."""
    from streams.config import Settings
    from streams.kafka_client import dead_letter_limit

    run = _run(ctx, "7_dlq_not_writable", items, "the worker exits with code 78 and says the DLQ refuses dead letters, "
               "committing nothing of that batch; after the DLQ is restored and the worker restarted every input is accounted for")
    async with run:
        w = await run.start_worker()
        feed = _feed(run, items, ctx.rate)
        await run.wait_progress(0.3)
        await set_topic_max_bytes(run.bootstrap, run.dep.topic("dlq"), 200)
        run.expect_exit(w, 78)
        done, total = run.accounted()
        run.result.notes.append(f"DLQ limit set to 200 bytes at {done}/{total}")
        end = time.monotonic() + 120
        while w.alive() and time.monotonic() < end:
            await run.tick(1.0)
        code = w.proc.returncode if w.proc else None
        said = "refuses dead letters" in w.tail(50_000)
        run.result.extra["exit_code"] = code
        run.result.notes.append(f"worker exited with {code}; log names the DLQ: {said}")
        if code != 78 or not said:
            run.result.unplanned_exits += 1
        await set_topic_max_bytes(run.bootstrap, run.dep.topic("dlq"), dead_letter_limit(Settings()))
        await run.start_worker()
        run.fault_ended(SESSION_TIMEOUT_S + 10)  # the stopped worker left no LeaveGroup: its session expires first
        await _until_fed(run, feed)
        return await run.finish()


async def zombie_worker(ctx: Ctx, items: list[Item], frozen_s: float = 75.0) -> Result:
    """Two workers; one frozen with SIGSTOP (whole process group) past the 60 s session timeout, then resumed."""
    run = _run(ctx, "8_zombie_worker", items, "the frozen member is expelled and its partitions move; when it resumes, its "
               "late commits are refused and its late sends repeat identical records; nothing lost, no conflicts")
    async with run:
        await _start(run, 2)
        feed = _feed(run, items, ctx.rate * 2)
        await run.wait_progress(0.3)
        victim = run.dep.workers[0]
        done, total = run.accounted()
        run.result.notes.append(f"worker frozen (SIGSTOP) at {done}/{total} for {frozen_s:g} s")
        run.signal_group(victim, signal.SIGSTOP)
        await run.sleep(frozen_s)
        run.signal_group(victim, signal.SIGCONT)
        run.fault_ended(30)
        await _until_fed(run, feed)
        return await run.finish()


async def leader_killed_under_load(ctx: Ctx, items: list[Item]) -> Result:
    """3 brokers, RF 3, min.insync.replicas 2; at 40 % of a fast stream, kill -9 the broker leading most output
    partitions (sends in flight), restart it 10 s later."""
    run = _run(ctx, "9_leader_killed_under_load", items, "sends in flight fail or time out and are retried in order; "
               "leaders move; nothing lost, no conflicting records, no dead letters", bootstrap=ctx.three.bootstrap, replication=3)
    async with run:
        await _start(run, 2)
        feed = _feed(run, items, ctx.rate * 2)
        await run.wait_progress(0.4)
        victim = await _leader_of_most(ctx.three, [run.dep.topic(k) for k in ("clean", "enriched", "events")])
        done, total = run.accounted()
        run.result.notes.append(f"broker {victim.node_id} (leader of most output partitions) killed at {done}/{total}")
        await asyncio.to_thread(victim.kill9)
        await run.sleep(10)
        await asyncio.to_thread(victim.start)
        await asyncio.to_thread(victim.wait_ready, 120)
        run.fault_ended()
        await _until_fed(run, feed)
        return await run.finish()


async def child_oom_killed(ctx: Ctx, items: list[Item], kills: int = 4) -> Result:
    """One worker; its NLP child alone killed with SIGKILL (as the OOM killer does) ``kills`` times."""
    run = _run(ctx, "10_child_oom_killed", items, "the message in flight is retried alone in a fresh child and passes "
               "(innocent); no dead letter, nothing lost; the worker itself never exits")
    async with run:
        w = await run.start_worker()
        feed = _feed(run, items, ctx.rate)
        r = random.Random(5)
        for k in range(1 if ctx.light else 2 if ctx.quick else kills):
            await run.sleep(r.uniform(8, 20))
            pid = nlp_child(w.proc.pid) if w.proc else None
            if pid is None:
                continue
            done, total = run.accounted()
            run.result.notes.append(f"NLP child {pid} killed at {done}/{total}")
            os.kill(pid, signal.SIGKILL)
            run.fault_ended(45)  # a fresh child loads its models
        await _until_fed(run, feed)
        result = await run.finish()
        try:
            text = w.metrics_text()
            result.extra["innocent_verdicts"] = sum(float(line.split()[-1]) for line in text.splitlines()
                                                    if line.startswith("newsevents_suspect_verdicts_total") and 'verdict="innocent"' in line)
        except Exception:  # noqa: BLE001
            pass
        return result


async def slow_messages_rebalance(ctx: Ctx, items: list[Item]) -> Result:
    """Articles taking ~2.5 s of CPU each under a 4.5 s budget; a worker added and removed while they run."""
    run = _run(ctx, "11_slow_messages_rebalance", items, "batches cut by the batch budget and abandoned at each rebalance "
               "are fetched again; no message near its budget is timed out; nothing lost",
               env={"NEWSEVENTS_MESSAGE_TIMEOUT_S": "4.5"})
    async with run:
        first = await run.start_worker()
        feed = _feed(run, items, max(0.5, ctx.rate / 4))
        await run.wait_progress(0.25)
        second = await run.start_worker(wait=False)
        run.result.notes.append("second worker added at 25 %")
        await run.wait_ready(second)
        await run.wait_progress(0.6)
        await run.stop_worker(second)
        run.result.notes.append("second worker removed (SIGTERM) at 60 %")
        run.fault_ended(30)
        await _until_fed(run, feed)
        result = await run.finish()
        if first.alive():
            text = first.metrics_text()
            result.extra["given_back"] = {line.split("{")[1].split("}")[0]: float(line.split()[-1]) for line in text.splitlines()
                                          if line.startswith("newsevents_messages_given_back_total{") and not line.endswith(" 0.0")}
        return result


async def cpu_starvation(ctx: Ctx, items: list[Item], hogs: int = 3, hog_s: float = 45.0) -> Result:
    """One worker; ``hogs`` busy-loop processes compete for the two cores for ``hog_s`` seconds."""
    run = _run(ctx, "12_cpu_starvation", items, "messages slow down but are never timed out or dead-lettered for it (their "
               "budget is CPU time); nothing lost")
    async with run:
        await _start(run, 1)
        feed = _feed(run, items, ctx.rate)
        await run.wait_progress(0.3)
        code = f"import time\nend=time.time()+{hog_s}\nwhile time.time()<end: pass\n"
        procs = [subprocess.Popen([sys.executable, "-c", code]) for _ in range(hogs)]
        run.result.notes.append(f"{hogs} CPU hogs for {hog_s:g} s from {run.accounted()[0]}/{len(items)}")
        try:
            await run.sleep(hog_s)
        finally:
            for p in procs:
                p.kill()
                p.wait(10)
        run.fault_ended()
        await _until_fed(run, feed)
        return await run.finish()


async def _leader_of_most(cluster: Any, topics: list[str]) -> Any:
    c = AIOKafkaConsumer(bootstrap_servers=cluster.bootstrap, group_id=None)
    await c.start()
    try:
        md = await c._client.fetch_all_metadata()  # noqa: SLF001
        counts: dict[int, int] = {}
        for topic in topics:
            for p in md.partitions_for_topic(topic) or ():
                leader = md.leader_for_partition(TopicPartition(topic, p))
                counts[leader] = counts.get(leader, 0) + 1
    finally:
        await c.stop()
    best = max(counts, key=counts.get) if counts else 1
    return next(n for n in cluster.nodes if n.node_id == best)


Scenario = Callable[[Ctx, list[Item]], Awaitable[Result]]
SCENARIOS: dict[str, tuple[Scenario, str]] = {   # name -> (function, cluster)
    "1_worker_crashes": (worker_crashes, "single"),
    "2_broker_restart": (broker_restart, "single"),
    "3_broker_loss": (broker_loss, "three"),
    "4_hostile_input": (hostile_input, "single"),
    "5_add_remove_worker": (add_remove_worker, "single"),
    "6_oversized_output": (oversized_output, "single"),
    "7_dlq_not_writable": (dlq_not_writable, "single"),
    "8_zombie_worker": (zombie_worker, "single"),
    "9_leader_killed_under_load": (leader_killed_under_load, "three"),
    "10_child_oom_killed": (child_oom_killed, "single"),
    "11_slow_messages_rebalance": (slow_messages_rebalance, "single"),
    "12_cpu_starvation": (cpu_starvation, "single"),
}
