"""The fault suite's accounting of the story stage (no broker): an input whose story input or event mention the story
stage never aggregated is lost, like an input with no output at all (``scripts/faults/accounting.py``)."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from faults.accounting import ItemOutcome, compare  # noqa: E402
from faults.corpus import Item  # noqa: E402
from faults.kafka_io import Tracker  # noqa: E402
from kafka_harness import Deployment  # noqa: E402

from streams.config import Settings  # noqa: E402


def record(value: dict) -> SimpleNamespace:
    return SimpleNamespace(value=orjson.dumps(value), timestamp=1_900_000_000_000)


def test_an_input_the_story_stage_left_behind_is_lost() -> None:
    dep = Deployment("acc")
    story = Settings(_env_file=None, topic_prefix=dep.prefix).story_topics
    tracker = Tracker("127.0.0.1:1", dep, story)
    add = tracker._add  # noqa: SLF001 - what tailing the topics hands it
    for aid in ("a1", "a2", "a3"):
        add("stories_input", record({"record_type": "story_input", "article_id": aid}))
    add("stories", record({"story_id": "s-1", "article_ids": ["a1"]}))
    add("stories", record({"story_id": "s-1", "article_ids": ["a1", "a3"]}))
    for eid, aid, negated in (("e1", "a1", False), ("e2", "a3", False), ("e3", "a1", True)):
        add("events_mentions", record({"record_type": "event_mention", "event": {"event_id": eid, "article_id": aid, "negated": negated}}))
    add("events_merged", record({"cluster_id": "c-1", "event_ids": ["e1"]}))
    out = tracker.out
    # a2's story input is in no story; a3's event e2 in no merged event; e3 (negated) is skipped by the merge stage.
    assert out.story_lost() == {"a2", "a3"}
    assert out.records == {"clean": 0, "enriched": 0, "events": 0, "dlq": 0}  # not counted as the pipeline's outputs

    items = [Item(key=f"k{i}", kind="good", value=b"{}", expected_id=aid) for i, aid in enumerate(("a1", "a2", "a3"))]
    done = ItemOutcome(clean=True, enriched=True, events=frozenset(), dead=frozenset())
    cmp = compare(items, {it.key: done for it in items}, None, story_lost=out.story_lost())
    assert cmp.lost == ["k1", "k2"]
    assert compare(items, {it.key: done for it in items}, None).lost == []
