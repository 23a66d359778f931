"""The record models guard the producers: a record that drifts from its model fails where it is encoded."""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from streams.deadletter import build_dead_letter
from streams.models import InvalidRecord, encode, errors_of
from streams.stories import encode as encode_story_record

ROOT = Path(__file__).resolve().parent.parent

EVENT = {
    "schema_version": "1.1", "event_id": "e-0123456789", "article_id": "a1", "plover_type": "PROTEST",
    "plover_mode": None, "cameo_code": "141", "quad_class": "verbal_conflict",
    "source": {"text": "dockers", "canonical": None, "entity": None, "country": "PRT", "sector": "LAB"},
    "target": None, "action": {"text": "marched", "lemma": "march"}, "negated": False, "hypothetical": False,
    "attribution": None, "date": {"text": "Monday", "resolved": "2031-05-12"}, "location": None,
    "quantities": [{"kind": "people", "value": 300}], "sentence": {"index": 0, "text": "Dockers marched.", "start": 0, "end": 16},
    "confidence": 0.7, "extractor_version": "t",
}

STORY = {
    "schema_version": "1.0", "record_type": "story", "story_id": "s-" + "1" * 20,
    "first_seen": "2031-05-12T08:00:00Z", "last_seen": "2031-05-12T09:00:00Z", "num_articles": 2, "num_sources": 2,
    "title": None, "entities": [], "plover_types": [{"type": "PROTEST", "articles": 2}], "places": [], "tone": -0.2,
    "article_ids": ["a1", "a2"], "article_ids_truncated": False, "closed": False, "merged_into": None,
}


def test_a_valid_record_is_serialised_as_built() -> None:
    assert encode("event", EVENT) == orjson.dumps(EVENT)  # key order and values untouched
    assert encode_story_record(STORY) == orjson.dumps(STORY, option=orjson.OPT_SORT_KEYS)


@pytest.mark.parametrize("change, field", [
    (lambda r: r.pop("cameo_code"), "cameo_code"),
    (lambda r: r.update(confidence="0.7"), "confidence"),            # strict: no string-to-number coercion
    (lambda r: r.update(negated=0), "negated"),                      # nor int-to-bool
    (lambda r: r["source"].update(country="pt"), "source/country"),
    (lambda r: r["quantities"][0].pop("value"), "quantities/0/value"),
    (lambda r: r.update(geo={"name": "x", "country": None, "adm1": None, "lat": None, "lon": None,
                             "geonames_id": None, "geo_type": "city", "extra": 1}), "geo/extra"),
])
def test_a_drifted_event_fails_at_the_encode_point(change, field) -> None:
    record = copy.deepcopy(EVENT)
    change(record)
    with pytest.raises(InvalidRecord, match="event record does not match"):
        encode("event", record)
    assert any(e.startswith(field) for e in errors_of("event", record)), errors_of("event", record)


def test_optional_keys_may_be_missing_but_not_null() -> None:
    record = {k: v for k, v in EVENT.items()}
    record["quantities"] = [{"kind": "people", "value": 300, "text": "300"}]
    assert not errors_of("event", record)
    record["quantities"][0]["text"] = None  # optional, never null
    assert errors_of("event", record)


def test_story_records_are_checked_by_their_record_type() -> None:
    story = dict(STORY, article_ids=["a1", "a1"])
    with pytest.raises(InvalidRecord, match="items must be unique"):
        encode_story_record(story)
    with pytest.raises(InvalidRecord):
        encode_story_record(dict(STORY, num_articles=0))


def test_dead_letters_are_built_to_the_model() -> None:
    kwargs = dict(stage="clean", message="m", payload=b"x", article_id=None, topic="t", partition=0, offset=5,
                  timestamp=1_700_000_000, worker_id="w")
    record = build_dead_letter(reason="no_content", **kwargs)
    assert not errors_of("dead_letter", record)
    with pytest.raises(InvalidRecord):
        build_dead_letter(reason="a_reason_nobody_documented", **kwargs)


def test_consume_validate_needs_a_record_type_for_a_foreign_topic() -> None:
    proc = subprocess.run([sys.executable, "-m", "streams.cli", "consume", "somebody.else", "--validate"],
                          capture_output=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 2 and b"--record-type" in proc.stderr


def test_every_pipeline_topic_names_a_model() -> None:
    from streams.cli_topics import topic_record_types
    from streams.config import Settings
    from streams.models import RECORD_MODELS

    mapping = topic_record_types(Settings(topic_prefix="staging."))
    assert set(mapping.values()) == set(RECORD_MODELS)
    assert mapping["staging.events"] == "event" and mapping["staging.articles.dlq"] == "dead_letter"
