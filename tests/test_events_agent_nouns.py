"""Agent nouns the coder's supplement adds (``event_agents.tsv``): crews of armed forces, people of tribes and clans.

Sentences are the team's own.
"""

from __future__ import annotations

from conftest import text_events

def _events(text: str) -> list[dict]:
    return text_events(text, "t-agents")


def test_pilots_of_a_state_are_its_forces():
    events = _events("Russian pilots bombed a rebel base near the river on Sunday.")
    assert events and events[0]["plover_type"] == "ASSAULT"
    assert events[0]["source"]["sector"] == "MIL" and events[0]["source"]["country"] == "RUS"


def test_tribesmen_are_civilians_who_can_act():
    events = _events("Tribesmen attacked an oil pipeline in the south on Friday.")
    assert events and events[0]["source"]["text"] == "Tribesmen" and events[0]["source"]["sector"] == "CVL"
