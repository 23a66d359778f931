"""``newsevents process``: the stream's pipeline offline, same records as on the topics."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from streams.schemas import errors_in

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def run_cli(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "streams.cli", *args], input=stdin, capture_output=True, cwd=ROOT, timeout=300)


@pytest.fixture(scope="module")
def all_records() -> tuple[list[dict], str]:
    lines = [
        orjson.dumps({"id": "seed", "text": (FIXTURES / "seed-article.txt").read_text("utf-8"), "published_at": "2024-03-27T10:00:00Z"}),
        b"this line is not JSON",
        orjson.dumps({"id": "typed", "text": 42}),
        orjson.dumps({"id": "empty", "text": "  "}),
        orjson.dumps({"id": "fr", "text": "Le président français a rencontré hier à Paris le chancelier allemand pour parler de la guerre en Ukraine et de l'Europe."}),
    ]
    proc = run_cli("process", "--emit", "all", stdin=b"\n".join(lines) + b"\n")
    assert proc.returncode == 0, proc.stderr.decode()
    return [json.loads(line) for line in proc.stdout.decode().splitlines()], proc.stderr.decode()


def test_every_input_ends_as_output_or_dead_letter(all_records) -> None:
    records, stderr = all_records
    by_type: dict[str, list[dict]] = {}
    for rec in records:
        by_type.setdefault(rec.pop("record_type"), []).append(rec)
    assert {r["article_id"] for r in by_type["clean_article"]} == {"seed", "fr"}
    assert {r["article_id"] for r in by_type["enriched_article"]} == {"seed", "fr"}
    dead = {r["source"]["location"]: r["reason"] for r in by_type["dead_letter"]}
    assert dead == {"stdin:2": "invalid_json", "stdin:3": "invalid_envelope", "stdin:4": "empty_input"}
    assert "dead_letter=3" in stderr
    fr = next(r for r in by_type["enriched_article"] if r["article_id"] == "fr")
    assert fr["skipped_reason"] == "unsupported_language" and fr["entities"] == []
    assert any(e["article_id"] == "seed" for e in by_type["event"])
    assert all(e["article_id"] == "seed" for e in by_type["event"])
    types = {"clean_article": "clean_article", "enriched_article": "enriched_article", "event": "event", "dead_letter": "dead_letter",
             "story": "story", "merged_event": "merged_event"}
    assert {aid for story in by_type["story"] for aid in story["article_ids"]} == {"seed", "fr"}  # every clean input in a story
    for rtype, recs in by_type.items():
        for rec in recs:
            if rtype in ("story", "merged_event"):  # their record_type is part of the record
                rec = {"record_type": rtype, **rec}
            assert not errors_in(types[rtype], rec), (rtype, errors_in(types[rtype], rec)[:3])


def test_emit_events_prints_only_events_and_is_deterministic(tmp_path: Path) -> None:
    src = tmp_path / "seed.txt"
    src.write_text((FIXTURES / "seed-article.txt").read_text("utf-8"))
    a, b = run_cli("process", str(src)), run_cli("process", str(src), "--emit", "events")
    assert a.returncode == b.returncode == 0
    assert a.stdout == b.stdout and a.stdout
    events = [json.loads(x) for x in a.stdout.decode().splitlines()]
    assert all("event_id" in e and e["article_id"] == "seed" for e in events)
    assert len({e["event_id"] for e in events}) == len(events)


def test_directories_and_html_gz_inputs(tmp_path: Path) -> None:
    import gzip

    (tmp_path / "a.html.gz").write_bytes(gzip.compress(b"<html><head><title>Talks</title></head><body><article><p>" + b"The foreign ministers of France and Germany met in Berlin on Tuesday to discuss trade. " * 8 + b"</p></article></body></html>"))
    proc = run_cli("process", str(tmp_path), "--emit", "clean")
    assert proc.returncode == 0, proc.stderr.decode()
    (rec,) = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert rec["article_id"] == "a" and rec["input_format"] == "html" and "Berlin" in rec["body"]
