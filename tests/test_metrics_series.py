"""Labelled counter series exist before their first increment.

Prometheus' ``rate()`` needs two samples of a series; a series born at its first
increment hides that increment. A worker that codes one ASSAULT event in its
whole life would then show no ASSAULT rate at all.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, generate_latest

from streams.extraction.events.tables import code_info, plover_types
from streams.metrics import Metrics

TOPICS = {"raw": "t.raw", "clean": "t.clean", "enriched": "t.enriched", "events": "t.events", "dlq": "t.dlq"}


def _text(m: Metrics, registry: CollectorRegistry) -> str:
    return generate_latest(registry).decode()


def test_every_plover_type_has_a_zero_series_before_any_event() -> None:
    registry = CollectorRegistry()
    m = Metrics(registry)
    m.prepare(TOPICS)
    text = _text(m, registry)
    for ptype in plover_types():
        assert f'newsevents_events_extracted_total{{plover_type="{ptype}"}} 0.0' in text, ptype


def test_the_prepared_types_cover_every_type_the_coder_can_emit() -> None:
    """Each CAMEO root maps to a prepared label, so no event type is born late."""
    prepared = set(plover_types())
    for root in range(1, 21):
        info = code_info(f"{root:02d}")
        label = info.plover_type or f"CAMEO{root:02d}"
        assert label in prepared, (root, label)


def test_an_event_increments_its_prepared_series() -> None:
    registry = CollectorRegistry()
    m = Metrics(registry)
    m.prepare(TOPICS)
    m.record_stats({"stage": "extract", "event_types": ["ASSAULT", "ASSAULT", "CAMEO01"]})
    text = _text(m, registry)
    assert 'newsevents_events_extracted_total{plover_type="ASSAULT"} 2.0' in text
    assert 'newsevents_events_extracted_total{plover_type="CAMEO01"} 1.0' in text
    assert 'newsevents_events_extracted_total{plover_type="PROTEST"} 0.0' in text


def test_every_step_latency_series_exists_before_the_first_message() -> None:
    """A worker that drains its input between two scrapes still shows its step latencies (the dashboard's p99s)."""
    import orjson

    from streams.cores import clean_one, extract_one
    from streams.metrics import STEP_LABELS

    registry = CollectorRegistry()
    m = Metrics(registry)
    m.prepare(TOPICS)
    before = _text(m, registry)
    for label in STEP_LABELS:
        assert f'newsevents_stage_duration_seconds_count{{stage="{label}"}} 0.0' in before, label
    # ...and they are the labels the stages' own stats write, nothing born later.
    raw = orjson.dumps({"id": "m-1", "text": "The council met on Monday and agreed a new budget for the city's buses."})
    clean = clean_one(raw)
    assert clean.ok, clean.message
    extracted = extract_one(clean.records[0][2])
    assert extracted.ok, extracted.message
    m.record_stats(clean.stats)
    m.record_stats(extracted.stats)
    after = _text(m, registry)
    written = {line.split('"')[1] for line in after.splitlines() if line.startswith("newsevents_stage_duration_seconds_count{")}
    assert written == set(STEP_LABELS)
    assert all(f'newsevents_stage_duration_seconds_count{{stage="{s}"}} 1.0' in after for s in ("decode", "clean", "extract"))


def test_withheld_events_are_counted() -> None:
    registry = CollectorRegistry()
    m = Metrics(registry)
    m.prepare(TOPICS)
    assert "newsevents_events_withheld_total 0.0" in _text(m, registry)
    m.record_stats({"stage": "extract", "event_types": ["ASSAULT"], "events_withheld": 3})
    m.record_stats({"stage": "extract", "event_types": [], "events_withheld": 2})
    assert "newsevents_events_withheld_total 5.0" in _text(m, registry)
