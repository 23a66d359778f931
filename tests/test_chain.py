"""The chain's declaration and the in-process runner, without a broker (the stream side: test_chain_equality.py)."""

from __future__ import annotations

import orjson
import pytest

from streams.chain import CHAIN, CLEAN, EXTRACT, stages_until, topic_names
from streams.config import Settings
from streams.duplicates import mark_near_duplicate
from streams.inputs import InputItem
from streams.offline import OfflineChain
from streams.cores import clean_one


def settings(**kw: object) -> Settings:
    return Settings(_env_file=None, topic_prefix="t.", worker_id="w", **kw)


def test_each_stage_reads_what_the_one_before_writes_and_every_output_has_a_topic() -> None:
    names = topic_names(settings())
    for before, after in zip(CHAIN, CHAIN[1:]):
        assert after.input in before.outputs.values()
    for stage in CHAIN:
        assert set(stage.output_topics(names)) == set(stage.outputs), stage.name
    no_stories = topic_names(settings(stories_enabled=False))
    assert set(EXTRACT.output_topics(no_stories)) == {"enriched", "event"}
    assert stages_until({"clean"}) == (CLEAN,) and stages_until({"event"}) == CHAIN


def test_dead_letter_stages() -> None:
    assert CLEAN.dead_letter_stage("invalid_json") == "decode"
    assert CLEAN.dead_letter_stage("timeout") == "clean"
    assert EXTRACT.dead_letter_stage("invalid_json") == "extract"  # past the clean stage nothing is a raw decode


def test_marking_a_near_duplicate_splices_the_bytes_the_re_encoding_would_give() -> None:
    # A body that quotes the field's own JSON: escaped inside the string, so it is not the field.
    text = 'Reporters quoted the config line "near_duplicate_of":null in a story about software. ' * 6
    value = clean_one(orjson.dumps({"id": "q1", "text": text})).records[0][2]
    marked = mark_near_duplicate(value, 'w-"1"')
    record = orjson.loads(value)
    record["near_duplicate_of"] = 'w-"1"'
    assert marked == orjson.dumps(record)
    with pytest.raises(ValueError):
        mark_near_duplicate(b'{"article_id":"x"}', "y")


def test_offline_clean_stage_numbers_its_log_and_dead_letters_like_a_topic() -> None:
    items = [
        InputItem(orjson.dumps({"id": "a1", "text": "The harbour board met on Monday and voted to extend the quay. " * 20}), "in.jsonl:1", envelope_only=True),
        InputItem(b"no JSON on this line", "in.jsonl:2", envelope_only=True),
        InputItem(b'{"id": "a2", "text": "cut', "in.jsonl:3", envelope_only=True),
        InputItem(b"x" * 1025, "big.txt", oversized=True),
    ]
    with OfflineChain(settings(max_input_bytes=1024), stages_until({"clean"})) as chain:
        made = list(chain.run(items))
    assert [[o.kind for o in group] for group in made] == [["dlq"], ["dlq"], ["dlq"], ["dlq"]]  # a1 is over the limit too
    dead = [orjson.loads(group[0].value) for group in made]
    assert [d["source"]["offset"] for d in dead] == [0, 1, 2, 3]
    assert {d["source"]["topic"] for d in dead} == {"t.articles.raw"}
    assert [d["source"]["location"] for d in dead] == ["in.jsonl:1", "in.jsonl:2", "in.jsonl:3", "big.txt"]
    assert [d["reason"] for d in dead] == ["too_large", "invalid_json", "invalid_json", "too_large"]
    assert dead[3]["payload"]["truncated"] is True

    with OfflineChain(settings(), stages_until({"clean"})) as chain:
        made = list(chain.run(items[:3]))
    assert [[o.kind for o in group] for group in made] == [["clean"], ["dlq"], ["dlq"]]
    assert [orjson.loads(g[0].value).get("reason") for g in made[1:]] == ["invalid_json", "invalid_json"]
    assert dict(made[0][0].headers)["newsevents-content-hash"] == orjson.loads(made[0][0].value)["content_hash"].encode()
