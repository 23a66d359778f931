"""Freeing or helping people caught by a mishap is a rescue, not a release or an act of aid between parties
(``event_predicaments.tsv``, ``frames._in_predicament``).

Sentences are the team's own. A disaster report that tells of rescuers freeing the trapped was coded as a release
of captives (0841 RETREAT), which made the report a political event.
"""

from __future__ import annotations

from conftest import text_events

# (sentence, whether a typed event is coded): the trapped, stranded and buried are rescued; captives are released
CASES = {
    "Firefighters freed four people trapped in a burning building.": False,
    "Soldiers rescued 40 villagers stranded by the floods.": False,
    "Mountain rescuers freed three climbers buried by an avalanche.": False,
    "The rebels released two hostages held since March.": True,
}


def test_a_rescue_is_no_typed_event_and_a_release_of_captives_is_one() -> None:
    assert {text: any(e["plover_type"] for e in text_events(text)) for text in CASES} == CASES
