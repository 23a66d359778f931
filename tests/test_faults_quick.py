"""The quick part of the fault suite (``scripts/faults.sh`` runs the full one).

On the test broker: a worker killed with SIGKILL mid-stream and restarted,
a few hundred hostile messages of every kind mixed into good traffic, and a
worker added and removed during a run. Every input must be accounted for: on
``articles.enriched`` or on ``articles.dlq`` with a reason; nothing lost, no
conflicting duplicates, no worker exiting by itself, no partition left behind.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from faults import corpus, suite  # noqa: E402

pytestmark = [pytest.mark.kafka, pytest.mark.timeout(420)]


def _check(result: suite.Result) -> None:
    print("\n" + suite.table([result]))
    for note in result.notes:
        print("  " + note)
    assert result.inputs > 0
    assert result.lost == 0, f"lost {result.lost} inputs, e.g. {result.lost_sample}; notes: {result.notes}"
    assert result.outputs + result.dlq == result.inputs
    # Conflicting duplicates (same id, other content after a redelivery) are a known finding,
    # asserted in test_faults_crash_loss.py; here they are only reported.
    if result.conflicts:
        print(f"  note: {result.conflicts} ids with differing duplicates")
    assert result.unplanned_exits == 0, result.notes
    assert result.stuck_partitions == 0, result.notes


def test_kill_9_and_restart_loses_nothing(kafka: str, tmp_path: Path) -> None:
    result = asyncio.run(suite.worker_crashes(kafka, tmp_path, articles=240, workers=1, kills=1, rate=60.0, timeout_s=300))
    _check(result)
    assert result.restarts == 1
    # A crash never turns a good article into a dead letter (some short texts are legitimately no_content).
    assert not {"worker_crashed", "timeout", "internal_error"} & {r.split(":")[-1] for r in result.dlq_reasons}, result.dlq_reasons


def test_hostile_input_every_message_gets_a_result(kafka: str, tmp_path: Path) -> None:
    result = asyncio.run(suite.hostile_input(kafka, tmp_path, hostile=300, good=40, caps=corpus.CAPS_QUICK, timeout_s=300))
    _check(result)
    kinds = result.extra["by_kind"]
    assert set(corpus.KINDS) <= set(kinds), f"missing kinds: {set(corpus.KINDS) - set(kinds)}"
    # Good articles keep flowing: all accounted for, and enriched unless the cleaner found no article in them
    # (a few short real-news texts are dead-lettered no_content, hostile traffic or not).
    assert result.extra["good_enriched"] >= 0.9 * result.extra["good_in"], result.extra
    assert set(kinds["good"]) <= {"out", "dlq"}
    assert result.restarts == 0 and result.unplanned_exits == 0
    # Bounded time: no message ran longer in a stage than the per-message budget (10 s in the suite).
    assert result.max_message_s <= 10.0, result.max_message_s
    for kind in ("random_bytes", "invalid_json", "truncated_json", "wrong_types", "no_content", "huge_body"):
        assert kinds[kind].get("dlq", 0) == sum(kinds[kind].values()), f"{kind} must be dead-lettered: {kinds[kind]}"


def test_add_and_remove_a_worker_mid_run(kafka: str, tmp_path: Path) -> None:
    result = asyncio.run(suite.add_remove_worker(kafka, tmp_path, articles=240, rate=30.0, timeout_s=300))
    _check(result)
    assert result.extra["workers_started"] == 3
