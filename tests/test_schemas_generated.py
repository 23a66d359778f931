"""``schemas/*.json`` are generated from the record models, and accept what the hand-written ones accepted.

The baseline is ``tests/fixtures/schemas_previous/``: the hand-written schemas
as they were on main before the models (``git show main:schemas/X.json``).
The corpus is what the real core makes of the repository's fixtures (clean,
enriched, event, dead-letter, story-input, event-mention, story and
merged-event records), the envelopes it read, hand-made edge records, and
variants derived from all of them: optional keys dropped, nullable values
nulled, and single-field mutations (wrong types, empty strings, extra keys,
out-of-range numbers). Wherever the old schema accepts a record, the new one
must; and the new schema and the model must agree on every one of them.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator

import orjson
import pytest
from jsonschema import Draft202012Validator, FormatChecker

from streams.models import errors_of
from streams.schemas import RECORD_SCHEMAS

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
PREVIOUS = FIXTURES / "schemas_previous"
CURRENT = ROOT / "schemas"
MUTANTS = (None, "", "x", "s-" + "0" * 20, 0, -1, 2, 1.5, -20.5, True, [], {}, ["x"], {"x": 1})


def _validator(path: Path) -> Draft202012Validator:
    schema = json.loads(path.read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


OLD = {rtype: _validator(PREVIOUS / name) for rtype, name in RECORD_SCHEMAS.items()}
NEW = {rtype: _validator(CURRENT / name) for rtype, name in RECORD_SCHEMAS.items()}


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "streams.cli", *args], capture_output=True, cwd=ROOT, timeout=120,
                          env={**os.environ, **(env or {})})


def test_committed_schemas_match_the_models() -> None:
    proc = run_cli("schemas", "--check")
    assert proc.returncode == 0, proc.stderr.decode()


def test_check_reports_a_drifted_file(tmp_path: Path) -> None:
    shutil.copytree(CURRENT, tmp_path / "schemas")
    edited = tmp_path / "schemas" / "event.schema.json"
    edited.write_text(edited.read_text("utf-8").replace('"minLength": 8', '"minLength": 9', 1), "utf-8")
    proc = run_cli("schemas", "--check", env={"NEWSEVENTS_SCHEMA_DIR": str(tmp_path / "schemas")})
    err = proc.stderr.decode()
    assert proc.returncode == 1
    assert "event.schema.json" in err and "clean-article.schema.json" not in err
    assert '"minLength": 9' in err and '"minLength": 8' in err
    written = run_cli("schemas", env={"NEWSEVENTS_SCHEMA_DIR": str(tmp_path / "schemas")})
    assert written.returncode == 0 and edited.read_text("utf-8") == (CURRENT / "event.schema.json").read_text("utf-8")


# --------------------------------------------------------------------------- the corpus
def _inputs() -> list[Any]:
    from streams.inputs import iter_inputs

    paths = [FIXTURES / "stories" / "cli-stream.jsonl", FIXTURES / "seed-article.txt",
             *sorted((FIXTURES / "cleaning" / "pages" / "html").glob("*.html"))[:8]]
    items = list(iter_inputs([str(p) for p in paths]))
    odd = [b"not json at all", orjson.dumps({"id": "typed", "text": 42}), orjson.dumps({"id": "blank", "text": "   "}),
           orjson.dumps({"id": "title-only", "title": "Harbour strike enters its third week in a coastal town",
                         "published_at": "not a date", "language": "en-GB"})]
    return items, odd


@pytest.fixture(scope="module")
def corpus() -> dict[str, list[dict[str, Any]]]:
    from streams.deadletter import build_dead_letter
    from streams.errors import DECODE_REASONS
    from streams.cores import clean_one, extract_messages, extract_one
    from streams.stories import OfflineRun

    out: dict[str, list[dict[str, Any]]] = {rtype: [] for rtype in RECORD_SCHEMAS}
    run = OfflineRun()
    items, odd = _inputs()
    values = [(item.value, item.envelope_only, item.location) for item in items]
    values += [(v, True, f"odd:{i}") for i, v in enumerate(odd)]
    first_clean = None
    for value, envelope_only, location in values:
        outcome = clean_one(value, envelope_only=envelope_only, max_body_chars=1200)
        stage = "decode" if outcome.reason in DECODE_REASONS else "clean"
        if outcome.ok and envelope_only:  # an envelope the worker accepted
            out["raw_article"].append(orjson.loads(value))
        if outcome.ok:
            clean_bytes = outcome.records[0][2]
            first_clean = first_clean or clean_bytes
            out["clean_article"].append(orjson.loads(clean_bytes))
            outcome = extract_one(clean_bytes, stories=True)
            stage, value = "extract", clean_bytes
        if not outcome.ok:
            out["dead_letter"].append(build_dead_letter(
                stage=stage, reason=outcome.reason, message=outcome.message or "", payload=value,
                article_id=outcome.article_id, topic="articles.raw" if stage == "decode" else None, partition=0,
                offset=len(out["dead_letter"]), timestamp=1_700_000_000.25, location=location, worker_id="w1"))
            continue
        item, mentions = None, []
        for kind, _key, blob in outcome.records:
            record = orjson.loads(blob)
            rtype = {"enriched": "enriched_article"}.get(kind, kind)
            out[rtype].append(record)
            if kind == "story_input":
                item = record
            elif kind == "event_mention":
                mentions.append(record)
        if item is not None:
            out["story"].extend(run.stories.apply(item))
        out["merged_event"].extend(run.clusters.apply_many(mentions))
    duplicate = extract_messages([(first_clean, "the-first-copy")])[0]
    out["enriched_article"].append(orjson.loads(duplicate.records[0][2]))
    return out


def _edge_records(corpus: dict[str, list[dict[str, Any]]]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Hand-made records at the edges of what the producers make."""
    story = copy.deepcopy(corpus["story"][0])
    story.update(closed=True, merged_into="s-" + "a" * 20, tone=None, title=None)
    yield "story", story
    event = copy.deepcopy(corpus["event"][0])
    event.update(target=None, attribution=None, date=None, location=None, plover_type=None, goldstein=-10, tone=1,
                 geo={"name": "Portville", "country": "PRT", "adm1": "PT.11", "lat": 38.7, "lon": -9.1,
                      "geonames_id": 1, "geo_type": "city"})
    yield "event", event
    merged = copy.deepcopy(corpus["merged_event"][0])
    merged.update(source=None, target=None, country=None, plover_type=None, closed=True)
    yield "merged_event", merged


def _reduced(node: Any, schema: dict[str, Any], how: str) -> Any:
    """``node`` with every optional key dropped (``minimal``) or every nullable value nulled (``nulled``), at any depth."""
    if isinstance(node, list) and "items" in schema:
        return [_reduced(v, schema["items"], how) for v in node]
    if not isinstance(node, dict) or "properties" not in schema:
        return node
    required = set(schema.get("required", ()))
    result = {}
    for key, value in node.items():
        sub = schema["properties"].get(key, {})
        types = sub.get("type", ())
        if how == "minimal" and key not in required:
            continue
        if how == "nulled" and isinstance(types, list) and "null" in types:
            result[key] = None
        else:
            result[key] = _reduced(value, sub, how)
    return result


def _paths(node: Any, prefix: tuple = ()) -> Iterator[tuple]:
    if isinstance(node, dict):
        yield prefix
        for key, value in node.items():
            yield prefix + (key,)
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list) and node:
        yield prefix + (0,)
        yield from _paths(node[0], prefix + (0,))


def _mutants(record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for path in _paths(record):
        if not path:
            extra = copy.deepcopy(record)
            extra["zz_extra"] = 1
            yield extra
            continue
        for value in MUTANTS + ("delete", "extra"):
            variant = copy.deepcopy(record)
            parent = variant
            for step in path[:-1]:
                parent = parent[step]
            if value == "delete":
                if isinstance(parent, dict):
                    del parent[path[-1]]
            elif value == "extra":
                if not isinstance(parent[path[-1]], dict):
                    continue
                parent[path[-1]]["zz_extra"] = 1
            else:
                parent[path[-1]] = value
            yield variant


def _variants(corpus: dict[str, list[dict[str, Any]]]) -> Iterator[tuple[str, dict[str, Any]]]:
    for rtype, records in corpus.items():
        schema = json.loads((PREVIOUS / RECORD_SCHEMAS[rtype]).read_text("utf-8"))
        for record in records:
            yield rtype, record
            yield rtype, _reduced(record, schema, "minimal")
            yield rtype, _reduced(record, schema, "nulled")
        if records:  # single-field mutations of the largest record of each type
            yield from ((rtype, m) for m in _mutants(max(records, key=lambda r: len(orjson.dumps(r)))))
    yield from _edge_records(corpus)


def test_the_corpus_covers_every_record_type(corpus) -> None:
    assert {rtype for rtype, records in corpus.items() if records} == set(RECORD_SCHEMAS)
    for rtype, records in corpus.items():
        for record in records:
            assert OLD[rtype].is_valid(record), (rtype, next(OLD[rtype].iter_errors(record)).message)
    assert any(r.get("skipped_reason") == "exact_duplicate" for r in corpus["enriched_article"])
    assert any(r.get("body_truncated") for r in corpus["clean_article"])
    assert {r["stage"] for r in corpus["dead_letter"]} >= {"decode", "clean"}


def test_new_schemas_accept_everything_the_previous_ones_accepted(corpus) -> None:
    checked = {rtype: [0, 0] for rtype in RECORD_SCHEMAS}
    refused = []
    for rtype, record in _variants(corpus):
        if OLD[rtype].is_valid(record):
            checked[rtype][0] += 1
            if not NEW[rtype].is_valid(record):
                refused.append((rtype, next(NEW[rtype].iter_errors(record)).message, record))
        else:
            checked[rtype][1] += 1
    assert not refused, refused[:3]
    # The mutations must reach both sides of the contract, or the comparison proves little.
    assert all(accepted > 3 and rejected > 3 for accepted, rejected in checked.values()), checked


def test_new_schemas_refuse_what_the_previous_ones_refused(corpus) -> None:
    """Not required for compatibility, but a schema that accepts more than before lost a check consumers relied on."""
    loosened = [(rtype, record) for rtype, record in _variants(corpus)
                if NEW[rtype].is_valid(record) and not OLD[rtype].is_valid(record)]
    assert not loosened, loosened[:3]


def test_models_and_generated_schemas_agree(corpus) -> None:
    """Model-valid <=> schema-valid on every variant; the one documented gap is the date-time format,
    which only the schema checks (producers format times with the standard library)."""
    disagree = []
    for rtype, record in _variants(corpus):
        by_model = not errors_of(rtype, record)
        by_schema = NEW[rtype].is_valid(record)
        if by_model != by_schema:
            errors = [e for e in NEW[rtype].iter_errors(record) if e.validator != "format"]
            if by_model and not errors:
                continue
            disagree.append((rtype, by_model, errors_of(rtype, record)[:2], [e.message for e in errors][:2], record))
    assert not disagree, disagree[:3]
