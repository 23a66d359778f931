"""The quick part of the fault suite (``scripts/faults.sh`` runs all twelve scenarios at full size).

On the test broker: a fault-free baseline over the inputs of two scenarios, then
both workers killed with SIGKILL a few seconds into a stream and restarted (the
schedule that once skipped a range of clean offsets: docs/faults.md, "Findings"),
and hostile messages of every kind (compression bombs included; the 416 KB
regex bomb, whose proof costs minutes, only in ``make faults``) mixed into good
traffic; each compared input by input with the baseline: nothing lost, no dead
letter the baseline did not have, no conflicting records, no partition left
behind, no worker exiting by itself.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from faults import corpus, suite  # noqa: E402

pytestmark = [pytest.mark.kafka, pytest.mark.timeout(1200)]

NAMES = ["1_worker_crashes", "4_hostile_input"]


@pytest.fixture(scope="module")
def runs(kafka: str, tmp_path_factory: pytest.TempPathFactory):
    baseline, results = suite.run_on(kafka, tmp_path_factory.mktemp("faults"), NAMES, scale=0.3)
    print("\n" + suite.table([baseline, *results]))
    for r in (baseline, *results):
        for note in r.notes:
            print(f"  {r.scenario}: {note}")
    return baseline, {r.scenario: r for r in results}


def _check(r) -> None:
    assert r.inputs > 0
    assert r.lost == 0, f"lost {r.lost}: {r.samples['lost']}; {r.notes}"
    assert r.unexpected_dead_letters == 0, r.samples["unexpected"]
    assert r.conflicts == 0, r.samples["conflicts"]
    assert r.stuck == 0, r.samples["stuck"]
    assert r.unplanned_exits == 0, r.notes
    assert r.event_diffs == 0, r.samples["event_diffs"]


def test_baseline_dead_letters_hostile_inputs_only(runs) -> None:
    baseline, _ = runs
    assert baseline.lost == 0 and baseline.unexpected_dead_letters == 0, baseline.notes
    assert baseline.dlq > 0 and baseline.outputs > 0


def test_both_workers_killed_early_and_restarted_lose_nothing(runs) -> None:
    r = runs[1]["1_worker_crashes"]
    _check(r)
    assert r.restarts == 2


def test_hostile_input_every_message_gets_a_result(runs) -> None:
    r = runs[1]["4_hostile_input"]
    _check(r)
    kinds = r.extra["by_kind"]
    assert set(corpus.KINDS) - {"boilerplate_quadratic"} <= set(kinds), f"missing kinds: {set(corpus.KINDS) - set(kinds)}"
    assert kinds["good"] == {"out": sum(kinds["good"].values())}, kinds["good"]
    for kind in ("random_bytes", "invalid_json", "truncated_json", "wrong_types", "no_content", "huge_body", "compression_bomb"):
        assert kinds[kind].get("dlq", 0) == sum(kinds[kind].values()), f"{kind} must be dead-lettered: {kinds[kind]}"
    assert r.extra["bombs_dead_lettered"] >= 1
    assert r.extra["bomb_rss_mb"] < 1024, r.extra
    assert kinds["compressed_article"] == {"out": sum(kinds["compressed_article"].values())}
