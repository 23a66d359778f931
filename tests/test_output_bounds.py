"""Clean records are bounded by design: a long body is truncated with a flag and its full length, other
over-long fields are capped and named, and the record stays valid under its schema."""

from __future__ import annotations

import random

import orjson

from streams.cores import bound_clean_record, clean_one
from streams.records import CLEAN_SCHEMA_VERSION
from streams.schemas import errors_in


def record(body: str, **extra: object) -> dict:
    base = {"schema_version": CLEAN_SCHEMA_VERSION, "article_id": "a1", "url": None, "source": None, "title": "T", "author": None, "body": body,
            "captions": [], "credited_sources": [], "language": "en", "language_confidence": 0.9, "published_at": None,
            "word_count": len(body.split()), "content_hash": "0" * 64, "near_duplicate_of": None, "repairs": [],
            "input_format": "text", "cleaner_version": "x"}
    base.update(extra)
    return base


def paragraphs(n: int, seed: int = 1) -> str:
    r = random.Random(seed)
    words = "harbour council river bridge market school station garden budget union".split()
    return "\n\n".join(" ".join(f"{r.choice(words)}{i}" for i in range(60)) for _ in range(n))


def test_a_record_within_bounds_is_unchanged() -> None:
    rec = record("A short body of a few words.")
    assert orjson.loads(bound_clean_record(dict(rec))) == rec


def test_a_long_body_is_truncated_at_a_paragraph_with_its_full_length() -> None:
    body = paragraphs(3000)
    out = orjson.loads(bound_clean_record(record(body), max_record_bytes=10_000_000, max_body_chars=50_000))
    assert out["body_truncated"] is True and out["body_full_chars"] == len(body)
    assert len(out["body"]) <= 50_000 and body.startswith(out["body"]) and body[len(out["body"]):].startswith("\n\n")
    assert out["word_count"] == len(body.split())  # of the whole article
    assert not errors_in("clean_article", out)


def test_the_encoded_record_fits_the_byte_bound_even_with_escaped_text() -> None:
    body = "\x01\x02 control characters escape to six bytes each " * 20_000
    encoded = bound_clean_record(record(body), max_record_bytes=200_000, max_body_chars=10_000_000)
    assert len(encoded) <= 200_000
    out = orjson.loads(encoded)
    assert out["body_truncated"] is True and out["body_full_chars"] == len(body) and not errors_in("clean_article", out)


def test_other_fields_are_capped_and_named() -> None:
    rec = record("Body.", title="x" * 10_000, captions=["c" * 5000] * 80,
                 repairs=[{"kind": "k", "before": "b" * 1000, "after": "a"}] * 300)
    out = orjson.loads(bound_clean_record(rec))
    assert len(out["title"]) == 2000 and len(out["captions"]) == 50 and max(map(len, out["captions"])) == 2000
    assert len(out["repairs"]) == 200 and len(out["repairs"][0]["before"]) == 300
    assert out["fields_truncated"] == ["title", "captions", "repairs"] and "body_truncated" not in out
    assert not errors_in("clean_article", out)


def prose(paragraph_count: int, seed: int = 3) -> str:
    r = random.Random(seed)
    towns = ["Kestrel Bay", "Northbridge", "Alder Vale", "Port Linden", "Cole Harbour"]
    acts = ["approved a budget for", "postponed a vote on", "opened a debate about", "criticised the plan for"]
    things = ["the ferry terminal", "night buses", "the river crossing", "school repairs", "the water works"]
    return "\n\n".join(" ".join(f"The council of {r.choice(towns)} {r.choice(acts)} {r.choice(things)} on day {i}-{j}, officials said."
                                  for j in range(5)) for i in range(paragraph_count))


def test_the_clean_stage_applies_the_bound() -> None:
    text = prose(1500)
    o = clean_one(orjson.dumps({"id": "long", "text": text}), max_record_bytes=120_000)
    assert o.ok and len(o.records[0][2]) <= 120_000
    out = orjson.loads(o.records[0][2])
    assert out["body_truncated"] is True and out["body_full_chars"] > 120_000
