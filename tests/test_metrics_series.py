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
