"""Inquiries ordered and demanded (``tools/build_event_tables.py``, ``align_inquiries``).

PETRARCH2 codes an inquiry ordered or demanded 1014, which the CAMEO codebook labels a demand for intelligence
cooperation. Sentences are the team's own.
"""

from __future__ import annotations

from conftest import text_events
from streams.data import records


def _typed(text: str) -> list[dict]:
    return [e for e in text_events(text, "t-inquiry") if e["plover_type"]]


def test_no_pattern_codes_an_inquiry_as_intelligence_cooperation() -> None:
    rows = [r for r in records("cameo_patterns.tsv") if "1014" in (r["code"], r["reverse"])]
    assert not [r for r in rows if "INVESTIGATION" in r["object"] + r["preps"] or r["object"] in ("inquiry", "investigate")]


def test_an_inquiry_ordered_is_opened_by_who_orders_it() -> None:
    """Before: "ordered an inquiry" was a demand for intelligence cooperation (1014, REQUEST)."""
    events = _typed("The provincial police chief ordered a probe into a detainee's death.")
    assert events and (events[0]["cameo_code"], events[0]["source"]["text"]) == ("090", "provincial police chief")


def test_an_inquiry_demanded_is_a_demand_for_one() -> None:
    events = _typed("Rights groups demanded an investigation into the killings at the border.")
    assert events and (events[0]["cameo_code"], events[0]["plover_type"]) == ("101", "REQUEST")
