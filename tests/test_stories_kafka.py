"""Live stories on the real broker: five outlets' reports of one happening through a worker.

The five differently worded reports (tests/fixtures/stories/cli-stream.jsonl, team-written)
go through clean -> extract -> stories.input / events.mentions -> the story and merge agents:
one story with five sources and one merged event with five sources, every record valid
against its schema. Then the worker is killed with SIGKILL, restarted (its state comes back
from the table's changelog), and the same five articles arrive again: the counts do not move
and the records re-emitted for the unchanged state are identical.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kafka_harness import Deployment, produce, read_topic, run
from streams.schemas import errors_in

pytestmark = [pytest.mark.kafka, pytest.mark.timeout(900)]

ROOT = Path(__file__).resolve().parent.parent
ROWS = [json.loads(line) for line in (ROOT / "tests" / "fixtures" / "stories" / "cli-stream.jsonl").read_text("utf-8").splitlines()]
FIVE = [r for r in ROWS if r["id"].startswith("depot-")]


def _envelopes() -> list[tuple[bytes, bytes]]:
    return [(r["id"].encode(), json.dumps(r).encode()) for r in FIVE]


def _last(records: list, key_field: str) -> dict[str, dict]:
    last: dict[str, dict] = {}
    for key, value, *_ in records:
        assert isinstance(value, dict) and value[key_field] == key
        last[key] = value
    return last


def _five_story(records: list) -> dict | None:
    return next((v for v in _last(records, "story_id").values() if v["num_sources"] == 5), None)


def _five_cluster(records: list) -> dict | None:
    return next((v for v in _last(records, "cluster_id").values() if v["num_sources"] == 5), None)


def _metric(text: str, series: str) -> float | None:
    for line in text.splitlines():
        if line.startswith(series + " "):
            return float(line.rsplit(" ", 1)[1])
    return None


def test_five_outlets_one_story_one_merged_event_and_redelivery_after_kill9(kafka: str, tmp_path: Path) -> None:
    dep = Deployment("stories", partitions=2)
    dep.create_topics()
    stories_topic, merged_topic = dep.prefix + "stories", dep.prefix + "events.merged"
    worker = dep.start_worker(tmp_path)
    try:
        worker.wait_ready()
        run(produce(dep.topic("raw"), _envelopes()))
        stories = run(read_topic(stories_topic, until=lambda r: _five_story(r) is not None, timeout=420))
        merged = run(read_topic(merged_topic, until=lambda r: _five_cluster(r) is not None, timeout=120))
        story, cluster = _five_story(stories), _five_cluster(merged)
        assert story is not None, (worker.tail(), [v for _k, v, *_ in stories])
        assert cluster is not None, [(v["plover_type"], v["num_sources"]) for _k, v, *_ in merged]
        assert story["num_articles"] == 5 and sorted(story["article_ids"]) == sorted(r["id"] for r in FIVE)
        assert cluster["num_mentions"] == 5 and cluster["num_articles"] == 5
        for _k, v, *_ in stories:
            assert not errors_in("story", v), errors_in("story", v)[:3]
        for _k, v, *_ in merged:
            assert not errors_in("merged_event", v), errors_in("merged_event", v)[:3]
        for topic, rtype in ((dep.prefix + "stories.input", "story_input"), (dep.prefix + "events.mentions", "event_mention")):
            internal = run(read_topic(topic, idle=3, timeout=30))
            assert internal and all(not errors_in(rtype, v) for _k, v, *_ in internal), rtype
        n_story_records = sum(1 for k, *_ in stories if k == story["story_id"])
        text = worker.metrics_text()
        assert _metric(text, 'newsevents_story_inputs_total{outcome="opened"}') == 1.0
        assert _metric(text, 'newsevents_story_inputs_total{outcome="joined"}') == 4.0
        assert _metric(text, 'newsevents_merged_mentions_total{outcome="merged",plover_type="COERCE"}') == 4.0
        assert "story_id=" not in text and "cluster_id=" not in text  # no id as a label

        worker.kill9()  # no clean shutdown: the restarted worker recovers the tables from their changelogs
        worker = dep.start_worker(tmp_path)
        worker.wait_ready()
        run(produce(dep.topic("raw"), _envelopes()))  # the same five articles again

        def reemitted(records: list) -> bool:  # the redelivered inputs reached the story agent
            return sum(1 for k, *_ in records if k == story["story_id"]) >= n_story_records + 1
        again = run(read_topic(stories_topic, until=reemitted, timeout=420))
        assert reemitted(again), worker.tail()
        merged_again = run(read_topic(merged_topic, idle=8, timeout=120))
        assert worker.alive(), worker.tail()
        assert _last(again, "story_id")[story["story_id"]] == story  # same counts, same record
        assert _last(merged_again, "cluster_id")[cluster["cluster_id"]] == cluster
        assert len(_last(again, "story_id")) == len(_last(stories, "story_id"))  # no second story for the same articles
        assert _metric(worker.metrics_text(), 'newsevents_story_inputs_total{outcome="redelivered"}') == 5.0
    finally:
        dep.stop_all()


def test_two_workers_still_make_one_story_and_one_merged_event(kafka: str, tmp_path: Path) -> None:
    """Whichever worker cleans and extracts an article, its story input and mentions meet in one aggregator."""
    dep = Deployment("stories2w", partitions=2)
    dep.create_topics()
    workers = [dep.start_worker(tmp_path), dep.start_worker(tmp_path)]
    try:
        for w in workers:
            w.wait_ready()
        run(produce(dep.topic("raw"), _envelopes()))
        stories = run(read_topic(dep.prefix + "stories", until=lambda r: _five_story(r) is not None, timeout=420))
        merged = run(read_topic(dep.prefix + "events.merged", until=lambda r: _five_cluster(r) is not None, timeout=120))
        assert _five_story(stories) is not None, [w.tail() for w in workers]
        assert _five_cluster(merged) is not None
        assert sum(1 for v in _last(stories, "story_id").values() if set(v["article_ids"]) & {r["id"] for r in FIVE}) == 1
        enriched = run(read_topic(dep.topic("enriched"), idle=3, timeout=30))
        assert {v["article_id"] for _k, v, *_ in enriched} == {r["id"] for r in FIVE}
    finally:
        dep.stop_all()
