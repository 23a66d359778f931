"""Nothing valid is dead-lettered, on the real broker: a live worker turns the short and odd inputs
and the repository's samples into clean + enriched records (events for English news), all valid.

Needs no ../shared: the inputs are the team's own (``odd_inputs.py``, ``samples/``).
"""

from __future__ import annotations

import re

import pytest

from conftest import team_envelopes
from kafka_harness import Deployment, produce, read_topic, run
from odd_inputs import NOT_ARTICLES, ODD
from streams.envelope import decode
from streams.schemas import errors_in

pytestmark = [pytest.mark.kafka, pytest.mark.timeout(600)]

RECORD_TYPE = {"clean": "clean_article", "enriched": "enriched_article", "events": "event", "dlq": "dead_letter"}
_WORD = re.compile(r"\w+")


def _ids(records: list) -> set[str]:
    return {r[1]["article_id"] for r in records if isinstance(r[1], dict) and r[1].get("article_id")}


@pytest.fixture(scope="module")
def topics(kafka: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list]:
    dep = Deployment("inputs", partitions=2)
    dep.create_topics()
    odd = [(decode(o.value).id, o.value) for o in ODD]
    samples = team_envelopes()
    others = [(decode(v).id, v) for v in NOT_ARTICLES.values()]
    messages = odd + samples + others
    want = {aid for aid, _ in messages}
    assert len(want) == len(messages), "ids must be distinct"
    run(produce(dep.topic("raw"), [(aid.encode(), value) for aid, value in messages]))
    try:
        worker = dep.start_worker(tmp_path_factory.mktemp("inputs-logs"))
        worker.wait_ready()
        enriched = run(read_topic(dep.topic("enriched"), until=lambda r: {a for a, _ in odd + samples} <= _ids(r), timeout=400))
        out = {
            "enriched": enriched,
            "clean": run(read_topic(dep.topic("clean"), idle=3, timeout=60)),
            "events": run(read_topic(dep.topic("events"), idle=5, timeout=60)),
            "dlq": run(read_topic(dep.topic("dlq"), idle=3, timeout=30)),
        }
        assert worker.alive(), worker.tail()
    finally:
        dep.stop_all()
    out["_odd"] = odd
    out["_samples"] = samples
    out["_others"] = others
    return out


def test_every_short_and_odd_input_comes_out_clean_and_enriched(topics: dict) -> None:
    odd_ids = {aid for aid, _ in topics["_odd"]}
    dead = {r[1].get("article_id"): (r[1]["reason"], r[1]["message"]) for r in topics["dlq"]}
    assert not odd_ids & set(dead), {a: dead[a] for a in odd_ids & set(dead)}
    assert odd_ids <= _ids(topics["clean"]), sorted(odd_ids - _ids(topics["clean"]))
    assert odd_ids <= _ids(topics["enriched"]), sorted(odd_ids - _ids(topics["enriched"]))
    clean = {r[1]["article_id"]: r[1] for r in topics["clean"]}
    enriched = {r[1]["article_id"]: r[1] for r in topics["enriched"]}
    for (aid, _), odd in zip(topics["_odd"], ODD):
        body = clean[aid]["body"]
        assert all(w in body for w in odd.words), (aid, odd.words, body)
        if odd.whole is not None:
            assert _WORD.findall(body) == _WORD.findall(odd.whole), (aid, body)
        if odd.english:
            assert enriched[aid]["skipped_reason"] is None, (aid, enriched[aid]["skipped_reason"], clean[aid]["language"])
        if odd.published_at is not None:
            assert clean[aid]["published_at"] == odd.published_at


def test_the_samples_all_come_through_and_the_english_ones_give_events(topics: dict) -> None:
    sample_ids = {aid for aid, _ in topics["_samples"]}
    assert sample_ids <= _ids(topics["clean"]) and sample_ids <= _ids(topics["enriched"])
    enriched = {r[1]["article_id"]: r[1] for r in topics["enriched"]}
    english = {aid for aid in sample_ids if enriched[aid]["language"] == "en"}
    with_events = _ids(topics["events"]) & sample_ids
    assert len(english) >= 15, sorted(english)
    assert len(with_events) >= 0.6 * len(english), sorted(english - with_events)
    skipped = {aid: enriched[aid]["skipped_reason"] for aid in sample_ids - english}
    assert set(skipped.values()) <= {"unsupported_language"}, skipped


def test_pages_without_an_article_end_as_a_record_or_a_dead_letter(topics: dict) -> None:
    """Every input is accounted for; with the cleaner's detector, these are not_an_article dead letters."""
    from streams.cleaning.html import Page

    ids = {aid for aid, _ in topics["_others"]}
    dead = {r[1]["payload"]["sha256"]: r[1]["reason"] for r in topics["dlq"]}
    import hashlib

    for aid, value in topics["_others"]:
        reason = dead.get(hashlib.sha256(value).hexdigest())
        assert reason is not None or aid in _ids(topics["clean"]), f"{aid} lost"
        if hasattr(Page, "not_article"):
            assert reason == "not_an_article", (aid, reason)
    assert ids


def test_every_record_validates_against_its_schema(topics: dict) -> None:
    for kind in ("clean", "enriched", "events", "dlq"):
        assert topics[kind] or kind == "dlq", f"nothing on {kind}"
        for key, value, *_ in topics[kind]:
            assert isinstance(value, dict), (kind, value)
            problems = errors_in(RECORD_TYPE[kind], value)
            assert not problems, (kind, key, problems[:5])
            if kind != "dlq":
                assert key == value["article_id"]


def test_short_english_inputs_reach_events(topics: dict, capsys) -> None:
    english = {aid for (aid, _), odd in zip(topics["_odd"], ODD) if odd.english}
    with_events = _ids(topics["events"]) & english
    with capsys.disabled():
        print(f"\nlive worker: {len(with_events)} of {len(english)} English odd inputs gave events")
    assert len(with_events) >= len(english) // 3, sorted(english - with_events)
