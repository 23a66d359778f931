"""Regression for the losses the fault suite found (docs/faults.md, "Findings", 1 and 2): both workers
killed with SIGKILL early in a run, while the extract stage has committed nothing yet on some
partitions, and restarted. Every article must be accounted for as in the fault-free baseline, no
partition may stay behind, and a redelivered article must give the same records under the same ids.

Slow (several minutes: a killed member's partitions wait for its 60 s session timeout); deselect with
``-m "not slow"``.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from faults import suite  # noqa: E402
from faults.__main__ import _baseline  # noqa: E402
from faults.corpus import good_articles  # noqa: E402
from faults.run import SESSION_TIMEOUT_S, Run  # noqa: E402

pytestmark = [pytest.mark.kafka, pytest.mark.slow, pytest.mark.timeout(1200)]


def test_both_workers_killed_early_and_restarted_lose_nothing(kafka: str, tmp_path: Path) -> None:
    items = good_articles(240, prefix="early", seed=11)
    baseline, outcomes, rate = asyncio.run(_baseline(kafka, items, tmp_path, 600))

    async def scenario():
        run = Run("early_kills", kafka, items, log_dir=tmp_path, baseline=outcomes, timeout_s=900)
        async with run:
            for _ in range(2):
                await run.start_worker(wait=False)
            for w in list(run.dep.workers):
                await run.wait_ready(w)
            feed = asyncio.ensure_future(run.producer.send_paced(items, rate * 2))
            for delay in (3.0, 4.0):  # both, early, a few seconds apart
                await run.sleep(delay)
                await run.kill9(run.alive_workers()[0])
                await run.start_worker(wait=False)
            run.fault_ended(SESSION_TIMEOUT_S + 30)
            while not feed.done():
                await run.tick(1.0)
            return await run.finish()

    r = asyncio.run(scenario())
    print("\n" + suite.table([baseline, r]))
    assert r.lost == 0, f"lost {r.lost}, e.g. {r.samples['lost']}; {r.notes}"
    assert r.stuck == 0, r.samples["stuck"]
    assert r.conflicts == 0, r.samples["conflicts"]
    assert r.unexpected_dead_letters == 0, r.samples["unexpected"]
