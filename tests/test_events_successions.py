"""A successor taking over an office codes no seizure (``event_successions.tsv``, ``frames._succession``).

Sentences are the team's own. PETRARCH2 codes "take over" as taking control (171); news writes it as often of a
change of office-holder, which is no act of one party on another: before, the successor seized, or threatened to
seize, the predecessor.
"""

from __future__ import annotations

import pytest

from conftest import text_events


@pytest.mark.parametrize("text", [
    "The deputy governor will take over from the governor next month.",
    "The former banker took over as finance minister on Monday.",
    "Ms Lee will take over the role from Mr Park in June.",
    "She is expected to take over from him as chief executive of the state oil company.",
])
def test_taking_over_an_office_is_no_event(text) -> None:
    assert [e["cameo_code"] for e in text_events(text) if e["cameo_code"].startswith(("17", "13"))] == []


@pytest.mark.parametrize("text,source", [
    ("Rebels took over the town hall from government forces.", "Rebels"),
    ("The army took over the state broadcaster on Tuesday.", "army"),
])
def test_taking_over_a_place_or_control_is_still_a_seizure(text, source) -> None:
    codes = [(e["cameo_code"], e["source"]["text"]) for e in text_events(text)]
    assert ("171", source) in codes, codes


def test_taking_over_with_no_office_named_stays_a_seizure_candidate() -> None:
    """No office named and no one succeeded: the dictionary's seizure stands (whether the sentence is news enough to
    publish is the type classifier's veto, judged apart)."""
    from streams.extraction.events.components import annotate
    from streams.extraction.nlp import load_nlp

    nlp = load_nlp()
    doc = annotate(nlp, nlp("Soldiers took over on Monday."))
    assert ("took", "171") in [(doc[c.trigger].text, c.code) for c in doc._.event_candidates]
