"""Fault suite v2: ``scripts/faults.sh [options]`` (= ``PYTHONPATH=scripts .venv/bin/python -m faults``).

Starts its own brokers on free 127.0.0.1 ports in a temporary run directory (a
single node; a 3-node KRaft cluster, RF 3, min.insync.replicas=2, for the
scenarios that need it), runs a fault-free **baseline** over every input the
selected scenarios use, then the scenarios, each compared input by input with
the baseline; prints one results table, writes it as JSON (and, with
``--update-docs``, into docs/faults.md), and prints as its last line the JSON
totals over all scenarios. Stops every process it started, also on failure or
Ctrl-C. Exit status 0 only when every scenario is ok.

    scripts/faults.sh                          all 12 scenarios (about an hour on 2 shared cores)
    scripts/faults.sh --only 7_dlq_not_writable --quick   one scenario, small sizes (its own small baseline first)
    scripts/faults.sh --list                   the scenarios and what each expects
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import platform
import re
import shutil
import signal
import sys
import tempfile
import time
import traceback
from pathlib import Path

from .accounting import ItemOutcome, Result, markdown_table, table
from .brokers import Cluster
from .corpus import Item
from .kafka_io import say
from .run import ROOT, Run
from .scenarios import SCENARIOS, Ctx, items_for

DOC = ROOT / "docs" / "faults.md"
BEGIN, END = "<!-- faults-results:begin -->", "<!-- faults-results:end -->"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="scripts/faults.sh", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", default="", help="comma-separated scenario names (or numbers) to run; default all")
    ap.add_argument("--quick", action="store_true", help="small sizes (a smoke run)")
    ap.add_argument("--list", action="store_true", help="list the scenarios and exit")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "faults.json"), help="results JSON")
    ap.add_argument("--update-docs", action="store_true", help="write the results table into docs/faults.md")
    ap.add_argument("--keep", action="store_true", help="keep the run directory (broker data, worker logs, lag.jsonl)")
    ap.add_argument("--timeout", type=float, default=2400, help="per-scenario deadline in seconds")
    args = ap.parse_args(argv)
    if args.list:
        for name in SCENARIOS:
            fn = SCENARIOS[name][0]
            print(f"{name:30} {(fn.__doc__ or '').strip().splitlines()[0]}")
        return 0
    wanted = _select(args.only)
    signal.signal(signal.SIGTERM, _terminate)
    logging.getLogger("aiokafka").setLevel(logging.CRITICAL)  # the suite's clients reconnect through faults on purpose
    run_dir = Path(tempfile.mkdtemp(prefix="newsevents-faults-"))
    say(f"run directory {run_dir}; scenarios: {', '.join(wanted)}")
    started = time.monotonic()
    results: list[Result] = []
    baseline_result: Result | None = None
    clusters: list[Cluster] = []
    try:
        single = Cluster.single(run_dir / "single").start()
        clusters.append(single)
        say(f"single broker on {single.bootstrap}")
        items = _union([items_for(name, args.quick) for name in wanted])
        baseline_result, base, rate = asyncio.run(_baseline(single.bootstrap, items, run_dir / "logs", args.timeout))
        ctx = Ctx(single=single, three=None, log_dir=run_dir / "logs", baseline=base, rate=rate, timeout_s=args.timeout, quick=args.quick)
        say(f"baseline: {len(items)} inputs; paced scenarios feed {rate:.1f} articles/s per worker")
        for name in [n for n in wanted if SCENARIOS[n][1] == "single"]:
            results.append(_run_one(name, ctx, args.quick))
        three_needed = [n for n in wanted if SCENARIOS[n][1] == "three"]
        if three_needed:
            single.stop()
            say("starting a 3-broker cluster (RF 3, min.insync.replicas=2)")
            ctx.three = Cluster.three(run_dir / "three").start()
            clusters.append(ctx.three)
            for name in three_needed:
                results.append(_run_one(name, ctx, args.quick))
    except KeyboardInterrupt:
        say("interrupted")
    finally:
        for c in clusters:
            c.stop()
    results.sort(key=lambda r: int(r.scenario.split("_")[0]))
    total = time.monotonic() - started
    rows = ([baseline_result] if baseline_result else []) + results
    print()
    print(table(rows))
    print(f"\ntotal {total:.0f} s; every scenario ok: {'yes' if results and all(r.ok for r in results) else 'NO'}")
    for r in rows:
        print(f"  {r.scenario}: expected: {r.expected}" if r.expected else f"  {r.scenario}:")
        for note in r.notes:
            print(f"    - {note}")
        for what, sample in r.samples.items():
            if sample:
                print(f"    {what}: {sample}")
    totals = _totals(results)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({
        "generated_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "mode": "quick" if args.quick else "full",
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
                    "loadavg_at_end": os.getloadavg()},
        "total_wall_s": round(total, 1),
        "all_ok": bool(results) and all(r.ok for r in results) and len(results) == len(wanted),
        "baseline": baseline_result.to_dict() if baseline_result else None,
        "results": [r.to_dict() for r in results],
        "markdown": markdown_table(rows),
        "totals": totals,
    }, indent=2, default=str) + "\n")
    say(f"results written to {out}")
    if args.update_docs:
        _update_docs(rows, totals, args, total)
    if args.keep:
        say(f"kept {run_dir}")
    else:
        shutil.rmtree(run_dir, ignore_errors=True)
    print(json.dumps(totals))
    return 0 if results and len(results) == len(wanted) and all(r.ok for r in results) else 1


def _select(only: str) -> list[str]:
    if not only:
        return list(SCENARIOS)
    out = []
    for part in (p.strip() for p in only.split(",") if p.strip()):
        match = [n for n in SCENARIOS if n == part or n.split("_")[0] == part or n.split("_", 1)[1] == part]
        if not match:
            raise SystemExit(f"unknown scenario {part!r}; see --list")
        out += match
    return out


def _union(lists: list[list[Item]]) -> list[Item]:
    seen: dict[str, Item] = {}
    for items in lists:
        for it in items:
            prev = seen.setdefault(it.key, it)
            assert prev.value == it.value, f"input {it.key} differs between scenarios"
    return list(seen.values())


async def _baseline(bootstrap: str, items: list[Item], log_dir: Path, timeout: float) -> tuple[Result, dict[str, ItemOutcome], float]:
    """Every input once, no fault, two workers; per-input outcomes, and the pace a worker sustains."""
    say(f"baseline: {len(items)} inputs, no faults")
    run = Run("0_baseline", bootstrap, items, log_dir=log_dir, timeout_s=timeout,
              expected="no faults: only hostile inputs dead-lettered; sets the expectation for every scenario")
    async with run:
        for _ in range(2):
            await run.start_worker(wait=False)
        for w in run.dep.workers:
            await run.wait_ready(w)
        assert run.producer is not None
        t0 = time.monotonic()
        feed = asyncio.ensure_future(run.producer.send_all(items))
        result = await run.finish()
        await feed
    good_kinds = {"good", "long", "slow", "compressed_article"}
    bad = [it.key for it in items if it.kind in good_kinds and run.outcomes[it.key].dead]
    if bad:
        result.notes.append(f"{len(bad)} inputs that are not hostile were dead-lettered in the baseline, e.g. {bad[:5]}")
        result.unexpected_dead_letters = len(bad)
    result.stuck = 0  # a backlog run: the stuck check applies to scenarios (after their faults end)
    # Pace: good articles enriched per second per worker during the run; scenarios feed at half of it.
    assert run.tracker is not None
    goods = sorted(t for it in items if it.kind == "good" for t in [run.tracker.out.first_out.get(it.expected_id or "")] if t)
    per_worker = (len(goods) / max(1.0, goods[-1] - goods[0]) / 2) if len(goods) > 20 else 2.0
    rate = max(1.0, min(20.0, 0.5 * per_worker))
    result.extra["throughput_per_worker"] = round(per_worker, 2)
    result.extra["setup_s"] = round(t0 - run.started, 1)
    return result, run.outcomes, rate


def _run_one(name: str, ctx: Ctx, quick: bool) -> Result:
    fn, _cluster = SCENARIOS[name]
    items = items_for(name, quick)
    say(f"=== {name}: {len(items)} inputs")
    try:
        return asyncio.run(fn(ctx, items))
    except Exception as exc:  # noqa: BLE001 - a scenario that breaks is reported, the others still run
        traceback.print_exc()
        return Result(name, inputs=len(items), notes=[f"scenario failed: {exc!r}"], lost=-1)


def _totals(results: list[Result]) -> dict[str, float | int | None]:
    rss = [r.extra["bomb_rss_mb"] for r in results if r.extra.get("bomb_rss_mb") is not None]
    return {
        "scenarios": len(results),
        "lost": sum(max(r.lost, 0) for r in results) + sum(1 for r in results if r.lost < 0),
        "stuck": sum(r.stuck for r in results),
        "unexpected_dead_letters": sum(r.unexpected_dead_letters for r in results),
        "conflicts": sum(r.conflicts for r in results),
        "bomb_rss_mb": max(rss) if rss else None,
    }


def _update_docs(rows: list[Result], totals: dict, args: argparse.Namespace, total_s: float) -> None:
    text = DOC.read_text("utf-8")
    if BEGIN not in text or END not in text:
        say(f"{DOC} has no results markers; not updated")
        return
    lines = [BEGIN, "",
             f"{'Quick' if args.quick else 'Full'} run, {time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}, {os.cpu_count()} shared cores "
             f"(load average at the end {os.getloadavg()[0]:.1f}), total {total_s:.0f} s (`bench/results/faults.json`):", "",
             markdown_table(rows), ""]
    for r in rows:
        for note in r.notes:
            lines.append(f"- {r.scenario}: {note}")
        for key in ("bomb_rss_mb", "child_peak_rss_mb", "bombs_dead_lettered", "long_truncated", "innocent_verdicts", "exit_code",
                    "throughput_per_worker"):
            if r.extra.get(key) is not None:
                lines.append(f"- {r.scenario}: {key} = {r.extra[key]}")
    lines += ["", "Last line of the run:", "", "```", json.dumps(totals), "```", "", END]
    text = re.sub(re.escape(BEGIN) + r".*?" + re.escape(END), "\n".join(lines), text, flags=re.S)
    DOC.write_text(text, "utf-8")
    say(f"results written into {DOC}")


def _terminate(signum: int, frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


if __name__ == "__main__":
    sys.exit(main())
