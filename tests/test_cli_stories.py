"""``newsevents process --emit stories|merged|all``: the story core behind the offline CLI.

Input: tests/fixtures/stories/cli-stream.jsonl (team-written; see its README): five
outlets' differently worded reports of one invented happening, then a different
happening a week later. Real cleaning and extraction run, as in the stream.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from streams.schemas import errors_in

ROOT = Path(__file__).resolve().parent.parent
STREAM = ROOT / "tests" / "fixtures" / "stories" / "cli-stream.jsonl"
FIVE = [f"depot-{i}" for i in range(1, 6)]


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "streams.cli", *args], capture_output=True, cwd=ROOT, timeout=300)


def records_of(proc: subprocess.CompletedProcess) -> list[dict]:
    assert proc.returncode == 0, proc.stderr.decode()
    return [json.loads(line) for line in proc.stdout.decode().splitlines()]


@pytest.fixture(scope="module")
def emitted() -> dict[str, list[dict]]:
    return {emit: records_of(run_cli("process", "--emit", emit, str(STREAM))) for emit in ("stories", "merged", "all")}


def test_five_outlets_are_one_story_and_the_later_happening_its_own(emitted) -> None:
    stories = emitted["stories"]
    assert {r["record_type"] for r in stories} == {"story"}
    by_members = {tuple(r["article_ids"]): r for r in stories if not r["merged_into"]}
    assert set(by_members) == {tuple(FIVE), ("azores-fine",)}
    five = by_members[tuple(FIVE)]
    assert five["num_articles"] == 5 and five["num_sources"] == 5
    assert five["closed"] is True  # a week of event time later, past the 72 h horizon
    assert by_members[("azores-fine",)]["num_sources"] == 1 and by_members[("azores-fine",)]["closed"] is False
    for r in stories:
        assert not errors_in("story", r), errors_in("story", r)[:3]


def test_one_merged_event_with_five_sources(emitted) -> None:
    merged = emitted["merged"]
    assert {r["record_type"] for r in merged} == {"merged_event"}
    five = [r for r in merged if r["num_sources"] == 5]
    assert len(five) == 1, [(r["plover_type"], r["num_sources"]) for r in merged]
    cluster = five[0]
    assert cluster["num_articles"] == 5 and cluster["num_mentions"] == 5
    assert {cluster["representative"]["article_id"]} <= set(FIVE)
    assert all(r["num_sources"] == 1 for r in merged if r is not cluster)
    for r in merged:
        assert not errors_in("merged_event", r), errors_in("merged_event", r)[:3]


def test_emit_all_ends_with_stories_covering_every_clean_input(emitted) -> None:
    records = emitted["all"]
    types = [r["record_type"] for r in records]
    first_story = types.index("story")
    assert set(types[first_story:]) == {"story"}  # the final story records come last
    assert "merged_event" in types[:first_story]
    clean = {r["article_id"] for r in records if r["record_type"] == "clean_article"}
    stories = {r["story_id"]: r for r in records if r["record_type"] == "story"}
    covered: dict[str, str] = {}
    for r in stories.values():
        home = r["story_id"]
        while stories[home]["merged_into"]:
            home = stories[home]["merged_into"]
        for aid in r["article_ids"]:
            covered.setdefault(aid, home)
    assert set(covered) == clean == set(FIVE) | {"azores-fine"}
    for r in records:
        rtype = r["record_type"]
        body = r if rtype in ("story", "merged_event") else {k: v for k, v in r.items() if k != "record_type"}
        assert not errors_in(rtype, body), (rtype, errors_in(rtype, body)[:3])
    # The offline run prints what --emit stories prints: the same final records, byte for byte.
    assert [json.dumps(r, sort_keys=True) for r in records[first_story:]] == [json.dumps(r, sort_keys=True) for r in emitted["stories"]]


def test_story_records_are_deterministic_across_runs(emitted) -> None:
    again = records_of(run_cli("process", "--emit", "stories", str(STREAM)))
    assert again == emitted["stories"]


def test_consume_pretty_shows_stories_and_merged_events(emitted) -> None:
    from streams.cli_topics import _pretty_row

    rows = [_pretty_row(r) for r in emitted["stories"] + emitted["merged"]]
    assert any(r.startswith("STORY") and " 5 articles" in r and " 5 sources closed" in r for r in rows), rows
    assert any(r.startswith("MERGED") and " 5 mentions" in r for r in rows), rows


def test_out_holds_every_update_of_the_story_topics_and_their_last_records_are_the_printed_ones(tmp_path: Path, emitted) -> None:
    """``--out`` writes what the story and merge agents would send, update by update: a compacted topic's view
    of that (the last record of each key) is what ``--emit stories`` / ``--emit merged`` print."""
    records_of(run_cli("process", "--emit", "events", "--out", str(tmp_path), str(STREAM)))
    for topic, emit, key in (("stories", "stories", "story_id"), ("events.merged", "merged", "cluster_id")):
        rows = [json.loads(line) for line in (tmp_path / f"{topic}.jsonl").read_text("utf-8").splitlines()]
        assert all(row["key"] == row["value"][key] for row in rows)
        last = {row["key"]: row["value"] for row in rows}
        assert len(rows) > len(last)  # updates, not only the final records
        assert sorted(last.values(), key=lambda r: r[key]) == sorted(emitted[emit], key=lambda r: r[key])
