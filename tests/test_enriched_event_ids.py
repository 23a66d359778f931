"""The enriched record lists its article's event ids and the coder's version, so a consumer can
replace an article's event set after a replay or a coder upgrade (issue 16, "replays are replaceable")."""

from __future__ import annotations

import orjson

from streams.extraction.events import extractor_version
from streams.ids import content_hash
from streams.cores import extract_one
from streams.records import SCHEMA_VERSIONS
from streams.schemas import errors_in


def _clean_bytes(article_id: str, body: str, language: str | None = "en") -> bytes:
    return orjson.dumps({
        "schema_version": SCHEMA_VERSIONS["clean_article"], "article_id": article_id, "url": None, "source": "team",
        "title": None, "language": language, "published_at": "2026-03-02T08:00:00Z", "body": body,
        "content_hash": content_hash(body), "cleaner_version": "test", "input_format": "text",
    })


def _run(article_id: str, body: str, language: str | None = "en") -> tuple[dict, list[dict]]:
    outcome = extract_one(_clean_bytes(article_id, body, language))
    assert outcome.ok, outcome.message
    enriched = [orjson.loads(v) for kind, _, v in outcome.records if kind == "enriched"]
    events = [orjson.loads(v) for kind, _, v in outcome.records if kind == "event"]
    assert len(enriched) == 1
    return enriched[0], events


def test_enriched_lists_the_published_events_in_order() -> None:
    body = ("Riot police arrested forty demonstrators outside the parliament in Tirana on Monday. "
            "Hours later the interior minister met opposition leaders to discuss the arrests.")
    enriched, events = _run("ids-1", body)
    assert events, "the text reports an arrest: the coder must emit at least one event"
    assert enriched["event_ids"] == [e["event_id"] for e in events]
    assert enriched["coder_version"] == extractor_version() == events[0]["extractor_version"]
    assert errors_in("enriched_article", enriched) == []
    assert enriched["schema_version"] == SCHEMA_VERSIONS["enriched_article"] == "1.1"


def test_an_article_without_events_lists_none() -> None:
    enriched, events = _run("ids-2", "The autumn fair opens its gates at nine and closes at dusk, as every year.")
    assert events == [] and enriched["event_ids"] == []
    assert errors_in("enriched_article", enriched) == []


def test_a_skipped_language_lists_none_and_validates() -> None:
    enriched, events = _run("ids-3", "Die Polizei nahm am Montag vierzig Demonstranten vor dem Parlament fest.", language="de")
    assert enriched["skipped_reason"] == "unsupported_language"
    assert events == [] and enriched["event_ids"] == []
    assert errors_in("enriched_article", enriched) == []


def test_the_same_input_lists_the_same_ids() -> None:
    body = "Soldiers shelled a village near the border on Sunday, local officials said."
    first, _ = _run("ids-4", body)
    second, _ = _run("ids-4", body)
    assert first["event_ids"] and first["event_ids"] == second["event_ids"]
    other, _ = _run("ids-5", body)  # ids are per article: the same text under another id gets its own
    assert len(other["event_ids"]) == len(first["event_ids"]) and set(other["event_ids"]).isdisjoint(first["event_ids"])
