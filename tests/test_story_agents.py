"""The story and merge stages' per-record logic without Faust: decode, state, send, metrics.

The broker path is tests/test_stories_kafka.py; here a dict stands in for the table and a
list records what would be sent, to pin the order and the counts exactly.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import orjson

from streams.metrics import Metrics
from streams.stories import EventClusters, StoryAggregator, encode
from streams.story_agents import MergeStage, StoryStage, TableStore

ROOT = Path(__file__).resolve().parent.parent
STREAM = json.loads((ROOT / "tests" / "fixtures" / "stories" / "stream.json").read_text("utf-8"))


class BytesTable(dict):
    name = "story-state"


class Sent:
    def __init__(self) -> None:
        self.outputs: list = []

    async def send(self, out) -> None:
        self.outputs.append(out)


def _input(row: dict, input_ts=None) -> dict:
    return {"record_type": "story_input", "schema_version": "1.0", "article_id": row["id"], "outlet": row["outlet"],
            "title": row["title"], "url": None, "language": "en", "published_at": None, "input_ts": input_ts,
            "terms": {w: 1.0 for w in (row["title"] + " " + row["body"]).lower().split()[:40]},
            "entities": [], "places": [], "plover_types": [], "tone": 0.0}


def _event(value: dict, partition: int = 0, ingest: float = 1_900_000_000.0) -> SimpleNamespace:
    headers = [("newsevents-ingest-ts", str(ingest).encode())]
    return SimpleNamespace(value=orjson.dumps(value), headers=headers,
                           message=SimpleNamespace(topic="stories.input", partition=partition, offset=0))


def _stage(metrics: Metrics, sent: Sent, table: BytesTable) -> StoryStage:
    async def flush() -> None:
        return None
    return StoryStage(name="story", output_topic="stories", table=table, make=lambda st: StoryAggregator(store=st),
                      publisher=sent, flush=flush, metrics=metrics)


def _value(metrics: Metrics, name: str, **labels: str) -> float:
    return metrics.registry.get_sample_value(name, labels) or 0.0


def test_story_stage_sends_in_order_counts_outcomes_and_redelivery_is_identical() -> None:
    import asyncio

    metrics, sent, table = Metrics(), Sent(), BytesTable()
    stage = _stage(metrics, sent, table)
    rows = STREAM["strike"]

    async def feed() -> None:
        for row in rows:
            await stage.handle(_event(_input(row)))
    asyncio.run(feed())
    last = orjson.loads(sent.outputs[-1].value)
    assert last["num_articles"] == 5 and last["num_sources"] == 5
    assert sent.outputs[-1].key == last["story_id"] and sent.outputs[-1].value == encode(last)
    assert _value(metrics, "newsevents_story_inputs_total", outcome="opened") == 1
    assert _value(metrics, "newsevents_story_inputs_total", outcome="joined") == 4
    assert all(isinstance(k, bytes) and k.startswith(b"0/") for k in table)  # partition 0's namespace, raw keys

    # A restarted worker: a new stage over the same table, the same five again.
    sent2 = Sent()
    again = _stage(metrics, sent2, table)
    asyncio.run(_feed(again, rows))
    assert [o.value for o in sent2.outputs][-1] == sent.outputs[-1].value
    assert _value(metrics, "newsevents_story_inputs_total", outcome="redelivered") == 5
    again.refresh_gauges()
    assert _value(metrics, "newsevents_stories_open") == 1
    assert _value(metrics, "newsevents_story_largest_articles", rank="1") == 5
    assert _value(metrics, "newsevents_story_largest_articles", rank="2") == 0


async def _feed(stage: StoryStage, rows: list[dict]) -> None:
    for row in rows:
        await stage.handle(_event(_input(row)))


def test_input_time_comes_from_the_ingest_header_when_the_child_left_it_empty() -> None:
    stage = _stage(Metrics(), Sent(), BytesTable())
    item = stage.decode(_event(_input(STREAM["strike"][0]), ingest=1_912_345_678.5))
    assert item["input_ts"] == 1_912_345_678.5
    kept = stage.decode(_event(_input(STREAM["strike"][0], input_ts="2031-03-03T07:10:00Z")))
    assert kept["input_ts"] == "2031-03-03T07:10:00Z"


def test_an_undecodable_internal_record_is_skipped_not_fatal() -> None:
    import asyncio

    sent = Sent()
    stage = _stage(Metrics(), sent, BytesTable())
    bad = SimpleNamespace(value=b"not json", headers=[], message=SimpleNamespace(topic="stories.input", partition=0, offset=7))
    assert asyncio.run(stage.handle(bad)) == [] and sent.outputs == []


def test_partitions_keep_apart_and_revocation_drops_only_the_cache() -> None:
    import asyncio

    metrics, table = Metrics(), BytesTable()
    stage = _stage(metrics, Sent(), table)

    async def feed() -> None:
        await stage.handle(_event(_input(STREAM["strike"][0]), partition=0))
        await stage.handle(_event(_input(STREAM["other"][0]), partition=1))
    asyncio.run(feed())
    assert set(stage.aggregators) == {0, 1}
    stage.revoked({1})
    assert set(stage.aggregators) == {0}
    assert any(k.startswith(b"1/") for k in table)  # the state stays for the next owner
    rebuilt = stage.aggregator(1)
    assert len(rebuilt) == 1


def test_merge_stage_counts_by_type_without_ids_as_labels() -> None:
    import asyncio

    metrics, sent = Metrics(), Sent()

    async def flush() -> None:
        return None
    stage = MergeStage(name="merged_event", output_topic="events.merged", table=BytesTable(), make=lambda st: EventClusters(store=st),
                       publisher=sent, flush=flush, metrics=metrics)
    actor = {"text": "Police", "canonical": None, "country": "PRT", "sector": "police"}
    for k in range(3):
        event = {"event_id": f"event-{k:03d}", "article_id": f"a{k}", "plover_type": "COERCE", "cameo_code": "173", "source": actor,
                 "target": None, "negated": False, "hypothetical": False, "confidence": 0.5, "location": None,
                 "date": {"resolved": "2031-05-12"}, "sentence": {"text": "x", "index": 0}}
        mention = {"record_type": "event_mention", "schema_version": "1.0", "event": event, "outlet": f"o{k}",
                   "published_at": "2031-05-12T10:00:00Z", "input_ts": None}
        asyncio.run(stage.handle(_event(mention)))
    last = orjson.loads(sent.outputs[-1].value)
    assert last["num_sources"] == 3 and last["num_mentions"] == 3
    assert _value(metrics, "newsevents_merged_mentions_total", outcome="new", plover_type="COERCE") == 1
    assert _value(metrics, "newsevents_merged_mentions_total", outcome="merged", plover_type="COERCE") == 2
    assert b"cluster_id=" not in metrics.exposition()


def test_table_store_maps_str_keys_to_raw_bytes() -> None:
    table = BytesTable()
    store = TableStore(table)
    store["0/w"] = b"1"
    assert table == {b"0/w": b"1"} and list(store) == ["0/w"] and store["0/w"] == b"1" and len(store) == 1
    del store["0/w"]
    assert not table


def test_a_producer_that_cannot_send_any_more_stops_the_worker(monkeypatch) -> None:
    # a story agent that died on this error would leave its input unread while the worker looked alive
    import asyncio

    import pytest
    from aiokafka import errors as kerr

    import streams.story_agents as sa
    from streams.publishing import ProducerStateLost

    class Broken(Sent):
        async def send(self, out) -> None:
            raise ProducerStateLost(repr(kerr.OutOfOrderSequenceNumber()))

    stopped: list[BaseException] = []
    monkeypatch.setattr(sa, "stop_worker", stopped.append)
    stage = _stage(Metrics(), Broken(), BytesTable())
    with pytest.raises(ProducerStateLost):
        asyncio.run(stage.handle(_event(_input(STREAM["strike"][0]))))
    assert len(stopped) == 1 and isinstance(stopped[0], ProducerStateLost)
