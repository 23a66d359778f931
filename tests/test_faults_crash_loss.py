"""Reproduction of a loss found by the fault suite (scenario 1): see docs/faults.md, "Findings".

Two workers; 300 short articles as a 40/s stream; both workers are killed with
SIGKILL within a few seconds of each other early in the run (the first while
the extract stage has not yet committed anything on some partitions) and
restarted. Every article must end up enriched or dead-lettered, and a
redelivered article must produce the same records under the same ids.

Observed on faults 0.1 / faust-streaming 0.15.3 (2 of 5 runs of this exact
schedule): a contiguous range of ``articles.clean`` offsets on one partition is
never processed (e.g. clean:3 offsets 8-28, while 0-7 and 29-91 were), and
either the group's committed offset stays at the start of the hole (stuck
partition, lag never drains) or, when the partition had no committed offset,
it moves past the hole (the articles are silently lost for good). Separately,
after redelivery some enriched records and events differ from the first copy
under the same deterministic id (entity country/sector resolution).

Slow (2-4 minutes: a killed member's partitions wait for its 60 s session
timeout); deselect with ``-m "not slow"``.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from faults import suite  # noqa: E402

pytestmark = [pytest.mark.kafka, pytest.mark.slow, pytest.mark.timeout(600)]


def test_both_workers_killed_early_and_restarted_lose_nothing(kafka: str, tmp_path: Path) -> None:
    result = asyncio.run(suite.worker_crashes(
        kafka, tmp_path, articles=300, workers=2, kills=2, rate=40.0, seed=11,
        gap_s=(2.0, 9.0), only_ready=False, timeout_s=300,
    ))
    print("\n" + suite.table([result]))
    for note in result.notes:
        print("  " + note)
    assert result.lost == 0, f"lost {result.lost} articles, e.g. {result.lost_sample}; {result.notes}"
    assert result.stuck_partitions == 0, result.notes
    assert result.conflicts == 0, "a redelivered article produced different records under the same ids"
