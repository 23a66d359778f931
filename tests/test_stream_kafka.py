"""End to end on the real broker: a worker subprocess, articles in, every record checked."""

from __future__ import annotations

import random
from collections import defaultdict
from pathlib import Path

import orjson
import pytest

from conftest import sample_envelopes
from kafka_harness import Deployment, produce, read_topic, run
from streams.schemas import errors_in

pytestmark = [pytest.mark.kafka, pytest.mark.timeout(900)]

RECORD_TYPE = {"clean": "clean_article", "enriched": "enriched_article", "events": "event", "dlq": "dead_letter"}


@pytest.fixture(scope="module")
def deployment(kafka: str, tmp_path_factory: pytest.TempPathFactory):
    with Deployment("stream", partitions=4).running(tmp_path_factory.mktemp("stream-logs")) as dep:
        yield dep


def _ids(records: list) -> set[str]:
    return {r[1]["article_id"] for r in records if isinstance(r[1], dict) and r[1].get("article_id")}


def test_articles_flow_to_every_topic_and_validate(deployment: Deployment, seed_text: str) -> None:
    inputs = [("seed", orjson.dumps({"id": "seed", "text": seed_text, "published_at": "2024-03-27T10:00:00Z"}))]
    inputs += sample_envelopes(n_html=30, n_text=25)
    assert len(inputs) >= 51
    run(produce(deployment.topic("raw"), [(aid.encode(), value) for aid, value in inputs]))
    want = {aid for aid, _ in inputs}

    def done(kind: str):
        return lambda recs: want <= _ids(recs) | dead_ids

    dlq = run(read_topic(deployment.topic("dlq"), idle=3, timeout=10))
    dead_ids = _ids(dlq)
    clean = run(read_topic(deployment.topic("clean"), until=done("clean"), timeout=300))
    enriched = run(read_topic(deployment.topic("enriched"), until=lambda r: _ids(clean) <= _ids(r), timeout=480))
    dlq = run(read_topic(deployment.topic("dlq"), idle=3, timeout=20))
    events = run(read_topic(deployment.topic("events"), idle=5, timeout=60))
    worker = deployment.workers[0]
    assert worker.alive(), worker.tail()

    clean_ids, enriched_ids, dead_ids = _ids(clean), _ids(enriched), _ids(dlq)
    # The seed and every real article must come through cleaning and extraction, not the DLQ.
    assert "seed" in clean_ids and "seed" in enriched_ids
    missing = want - clean_ids - dead_ids
    assert not missing, f"lost inputs: {sorted(missing)[:10]}"
    assert len(clean_ids) >= len(want) - 3, f"too many dead letters: {[(r[1]['article_id'], r[1]['reason'], r[1]['message']) for r in dlq]}"
    assert clean_ids <= enriched_ids | dead_ids, sorted(clean_ids - enriched_ids - dead_ids)[:10]
    assert events, "no events produced"
    assert "seed" in _ids(events)

    for kind, records in (("clean", clean), ("enriched", enriched), ("events", events), ("dlq", dlq)):
        for key, value, _headers, _p, _o in records:
            assert isinstance(value, dict), f"{kind}: undecodable record {value!r:.200}"
            problems = errors_in(RECORD_TYPE[kind], value)
            assert not problems, f"{kind} record {key}: {problems[:5]}"
            if kind != "dlq":
                assert key == value["article_id"], "records are keyed by article id"

    # Events point into their enriched record's entities.
    entities = {r[1]["article_id"]: {e["id"] for e in r[1]["entities"]} for r in enriched}
    for _k, ev, *_ in events:
        for role in ("source", "target"):
            ref = (ev.get(role) or {}).get("entity")
            if ref is not None:
                assert ref in entities[ev["article_id"]], (ev["article_id"], role, ref)

    text = worker.metrics_text()
    assert f'newsevents_messages_consumed_total{{topic="{deployment.topic("raw")}"}}' in text
    assert "newsevents_worker_up 1.0" in text


POISON = {
    "p-invalid-json": (b'{"id": "p-invalid-json", "text": "unterminated', "invalid_json"),
    "p-wrong-type": (orjson.dumps({"id": "p-wrong-type", "text": 12345}), "invalid_envelope"),
    "p-no-content": (orjson.dumps({"id": "p-no-content", "url": "https://example.org/no-body"}), "invalid_envelope"),
    "p-empty-body": (orjson.dumps({"id": "p-empty-body", "text": "   \n\t  "}), "empty_input"),
    "p-bad-utf8": (b'{"id": "p-bad-utf8", "text": "caf\xe9 \xff\xfe"}', "invalid_encoding"),
    "p-20mb": (orjson.dumps({"id": "p-20mb", "text": "word " * (4 * 1024 * 1024)}), "too_large"),
    "p-binary": (random.Random(3).randbytes(5000), None),
    "p-empty-message": (b"", "empty_input"),
}


def test_poison_messages_are_dead_lettered_and_the_stream_moves_on(deployment: Deployment) -> None:
    messages = [(k.encode(), v) for k, (v, _) in POISON.items()]
    messages.append((b"after-poison", orjson.dumps({"id": "after-poison", "text": "Brazil and the United States signed a trade agreement in Brasilia on Monday, officials said."})))
    run(produce(deployment.topic("raw"), messages))

    dlq = run(read_topic(deployment.topic("dlq"), until=lambda r: sum(1 for x in r if _matches_poison(x)) >= len(POISON), timeout=240))
    enriched = run(read_topic(deployment.topic("enriched"), until=lambda r: "after-poison" in _ids(r), timeout=240))
    assert "after-poison" in _ids(enriched), "the good message after the poison ones was not processed"
    assert deployment.workers[0].alive()

    by_sha = {}
    for _key, value, *_ in dlq:
        by_sha[value["payload"]["sha256"]] = value
    import hashlib

    for name, (payload, reason) in POISON.items():
        rec = by_sha.get(hashlib.sha256(payload).hexdigest())
        assert rec is not None, f"{name} not dead-lettered"
        assert not errors_in("dead_letter", rec)
        if reason is not None:
            assert rec["reason"] == reason, (name, rec["reason"], rec["message"])
        else:
            assert rec["reason"] in ("unsupported_content", "invalid_encoding"), (name, rec["reason"])
        assert rec["source"]["topic"] == deployment.topic("raw")
        assert rec["source"]["partition"] is not None and rec["source"]["offset"] is not None
        assert rec["payload"]["size"] == len(payload)
        assert len(rec["payload"]["data"]) <= 2 * 64 * 1024
    big = by_sha[hashlib.sha256(POISON["p-20mb"][0]).hexdigest()]
    assert big["payload"]["truncated"] is True


def _matches_poison(rec) -> bool:
    import hashlib

    shas = {hashlib.sha256(v).hexdigest() for v, _ in POISON.values()}
    return isinstance(rec[1], dict) and rec[1].get("payload", {}).get("sha256") in shas


@pytest.mark.slow
def test_kill_9_mid_batch_loses_nothing(kafka: str, tmp_path: Path) -> None:
    dep = Deployment("restart", partitions=2, extra_env={"NEWSEVENTS_BATCH_SIZE": "4"})
    inputs = [(f"r-{aid}", value) for aid, value in sample_envelopes(n_html=20, n_text=25)]
    inputs = [(aid, orjson.dumps({**orjson.loads(v), "id": aid})) for aid, v in inputs]
    want = {aid for aid, _ in inputs}
    dep.create_topics()
    run(produce(dep.topic("raw"), [(aid.encode(), v) for aid, v in inputs]))
    try:
        w = dep.start_worker(tmp_path)
        w.wait_ready()
        # Kill while the extract stage is in the middle of the input.
        enriched = run(read_topic(dep.topic("enriched"), until=lambda r: len(_ids(r)) >= 8, timeout=240))
        w.kill9()
        done_at_kill = len(_ids(enriched))
        assert 8 <= done_at_kill < len(want), "the kill must land in the middle of the input"
        w2 = dep.start_worker(tmp_path)
        w2.wait_ready()
        dlq = run(read_topic(dep.topic("dlq"), idle=3, timeout=10))
        enriched = run(read_topic(dep.topic("enriched"), until=lambda r: want <= _ids(r) | _ids(dlq), timeout=600))
        dlq = run(read_topic(dep.topic("dlq"), idle=3, timeout=20))
        clean = run(read_topic(dep.topic("clean"), idle=3, timeout=60))
        events = run(read_topic(dep.topic("events"), idle=5, timeout=60))
    finally:
        dep.stop_all()
    lost = want - _ids(enriched) - _ids(dlq)
    assert not lost, f"lost after kill -9: {sorted(lost)}"
    # Duplicates are allowed (at-least-once) but only as identical records under identical ids.
    for name, records, id_field in (("clean", clean, "article_id"), ("enriched", enriched, "article_id"), ("events", events, "event_id")):
        seen: dict[str, bytes] = {}
        for _k, value, *_ in records:
            body = orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
            prev = seen.setdefault(value[id_field], body)
            assert prev == body, f"{name}: two different records under id {value[id_field]}"
    per_article = defaultdict(set)
    for _k, ev, *_ in events:
        per_article[ev["article_id"]].add(ev["event_id"])
    assert per_article, "no events after restart"


WIRE = (
    "GENEVA (Reuters) - The United Nations Security Council on Tuesday called for an immediate ceasefire in the region, "
    "after three days of fighting between government forces and rebels left at least 40 people dead, officials said. "
    "The council's statement urged both sides to return to talks mediated by the African Union and to allow aid convoys "
    "to reach the besieged city. Diplomats said the text was agreed after hours of negotiations between Western members "
    "and China and Russia, which had objected to an earlier draft that named the rebel commanders. The government said it "
    "would study the statement, while a rebel spokesman said the group would respect a truce if the army withdrew its tanks."
)


def test_duplicates_across_the_stream(deployment: Deployment) -> None:
    """Edited wire copies get near_duplicate_of; identical text under a new id is not extracted again."""
    first = {"id": "wire-1", "text": WIRE}
    run(produce(deployment.topic("raw"), [(b"wire-1", orjson.dumps(first))]))
    run(read_topic(deployment.topic("enriched"), until=lambda r: "wire-1" in _ids(r), timeout=120))
    edited = WIRE.replace("at least 40 people dead", "at least 42 people dead").replace("on Tuesday", "late on Tuesday") + " The fighting resumed at dawn."
    run(produce(deployment.topic("raw"), [(b"wire-2", orjson.dumps({"id": "wire-2", "text": edited})), (b"wire-3", orjson.dumps({"id": "wire-3", "text": WIRE}))]))
    enriched = run(read_topic(deployment.topic("enriched"), until=lambda r: {"wire-2", "wire-3"} <= _ids(r), timeout=120))
    clean = run(read_topic(deployment.topic("clean"), until=lambda r: {"wire-1", "wire-2", "wire-3"} <= _ids(r), timeout=30))
    by_id = {v["article_id"]: v for _k, v, *_ in clean}
    assert by_id["wire-1"]["near_duplicate_of"] is None
    assert by_id["wire-2"]["near_duplicate_of"] == "wire-1"
    assert by_id["wire-3"]["near_duplicate_of"] == "wire-1"
    rec = {v["article_id"]: v for _k, v, *_ in enriched}
    assert rec["wire-3"]["skipped_reason"] == "exact_duplicate" and rec["wire-3"]["duplicate_of"] == "wire-1"
    assert rec["wire-2"]["skipped_reason"] is None and rec["wire-2"]["entities"], "an edited copy is still extracted"
    for r in (rec["wire-2"], rec["wire-3"]):
        assert not errors_in("enriched_article", r)
    text = deployment.workers[0].metrics_text()
    assert 'newsevents_duplicates_total{kind="near"} 2.0' in text
    assert 'newsevents_duplicates_total{kind="exact_skipped"} 1.0' in text
