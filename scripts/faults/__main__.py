"""Fault suite runner: ``PYTHONPATH=scripts .venv/bin/python -m faults [options]`` (or ``scripts/faults.sh``).

Starts its own brokers on free 127.0.0.1 ports in a temporary run directory
(a single node for scenarios 1, 2, 4, 5; a 3-node KRaft cluster for 3), runs
the scenarios, prints one results table, writes it as JSON, and stops every
process it started, also on failure or Ctrl-C. Exit status 0 only when every
scenario lost nothing (and had no conflicting duplicates, no unplanned worker
exit, no stuck partition).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import platform
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

from .brokers import Cluster
from .suite import ROOT, Result, add_remove_worker, broker_loss, broker_restart, hostile_input, markdown_table, say, table, worker_crashes

FULL = {
    "1": dict(articles=2000, workers=2, kills=5, rate=40.0),
    "2": dict(articles=1000),
    "3": dict(articles=1000),
    "4": dict(hostile=10000, good=500),
    "5": dict(articles=1000, rate=25.0),
}
QUICK = {
    "1": dict(articles=300, workers=2, kills=2, rate=40.0),
    "2": dict(articles=200),
    "3": dict(articles=200),
    "4": dict(hostile=600, good=60),
    "5": dict(articles=250, rate=25.0),
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="scripts/faults.sh", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scenarios", default="1,2,3,4,5", help="comma-separated subset of 1..5 (default all)")
    ap.add_argument("--quick", action="store_true", help="small sizes (a smoke run of a few minutes)")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "faults.json"), help="results JSON (default bench/results/faults.json)")
    ap.add_argument("--keep", action="store_true", help="keep the run directory (broker data, worker logs)")
    ap.add_argument("--timeout", type=float, default=600, help="per-scenario deadline in seconds (default 600)")
    args = ap.parse_args(argv)
    signal.signal(signal.SIGTERM, _terminate)
    # The suite's own clients reconnect through broker faults on purpose; their complaints are noise here.
    logging.getLogger("aiokafka").setLevel(logging.CRITICAL)
    wanted = [s.strip() for s in args.scenarios.split(",") if s.strip()]
    sizes = QUICK if args.quick else FULL
    run_dir = Path(tempfile.mkdtemp(prefix="newsevents-faults-"))
    logs = run_dir / "logs"
    say(f"run directory {run_dir}")
    results: list[Result] = []
    started = time.monotonic()
    clusters: list[Cluster] = []
    try:
        single_needed = [s for s in ("1", "4", "5", "2") if s in wanted]
        if single_needed:
            say("starting a single-node broker")
            single = Cluster.single(run_dir / "single").start()
            clusters.append(single)
            say(f"broker ready on {single.bootstrap}")
            for s in single_needed:
                results.append(_run(s, single, logs, sizes[s], args.timeout))
            single.stop()
        if "3" in wanted:
            say("starting a 3-broker cluster (RF 3, min.insync.replicas=2)")
            three = Cluster.three(run_dir / "three").start()
            clusters.append(three)
            say(f"cluster ready on {three.bootstrap}")
            results.append(_run("3", three, logs, sizes["3"], args.timeout))
            three.stop()
    except KeyboardInterrupt:
        say("interrupted")
    finally:
        for c in clusters:
            c.stop()
    results.sort(key=lambda r: r.scenario)
    total = time.monotonic() - started
    print()
    print(table(results))
    print(f"\nlost=0 in every scenario: {'yes' if results and all(r.lost == 0 for r in results) else 'NO'}; total {total:.0f} s")
    for r in results:
        for note in r.notes:
            print(f"  {r.scenario}: {note}")
        if r.lost_sample:
            print(f"  {r.scenario}: lost e.g. {r.lost_sample}")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({
        "generated_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "mode": "quick" if args.quick else "full",
        "machine": {"cpus": __import__("os").cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "total_wall_s": round(total, 1),
        "all_ok": bool(results) and all(r.ok for r in results) and len(results) == len(wanted),
        "results": [r.to_dict() for r in results],
        "markdown": markdown_table(results),
    }, indent=2, default=str) + "\n")
    say(f"results written to {out}")
    if args.keep:
        say(f"kept {run_dir}")
    else:
        shutil.rmtree(run_dir, ignore_errors=True)
    return 0 if results and len(results) == len(wanted) and all(r.ok for r in results) else 1


def _terminate(signum: int, frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def _run(s: str, cluster: Cluster, logs: Path, size: dict, timeout: float) -> Result:
    say(f"=== scenario {s} {size}")
    fn = {
        "1": lambda: worker_crashes(cluster.bootstrap, logs, timeout_s=timeout, **size),
        "2": lambda: broker_restart(cluster, logs, timeout_s=timeout, **size),
        "3": lambda: broker_loss(cluster, logs, timeout_s=timeout, **size),
        "4": lambda: hostile_input(cluster.bootstrap, logs, timeout_s=timeout, **size),
        "5": lambda: add_remove_worker(cluster.bootstrap, logs, timeout_s=timeout, **size),
    }[s]
    try:
        return asyncio.run(fn())
    except Exception as exc:  # noqa: BLE001 - a scenario that breaks is reported, the others still run
        import traceback

        traceback.print_exc()
        name = {"1": "1_worker_crashes", "2": "2_broker_restart", "3": "3_broker_loss", "4": "4_hostile_input", "5": "5_add_remove_worker"}[s]
        return Result(name, notes=[f"scenario failed: {exc!r}"], lost=-1)


if __name__ == "__main__":
    sys.exit(main())
