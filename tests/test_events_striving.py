"""A verb of fighting with an infinitive of purpose and no opponent is an effort, not a fight (``frames._striving``).

Sentences are the team's own. PETRARCH2 codes "fight", "battle" and their block by default as the use of force
(190); news uses them as often for striving ("fought to save", "battled to reach"). Armed doers (troops, militias,
gangs, states and groups by name) or a named opponent keep the fight.
"""

from __future__ import annotations

from conftest import codes_by_text, text_events

EFFORTS = (
    "Nurses fought to keep the patients warm after the power cut.",
    "Farmers battled to save their crops from the frost.",
    "The opposition fought to block the bill in parliament.",
)


def test_striving_is_no_act_of_force() -> None:
    assert codes_by_text(EFFORTS, lambda e: e["plover_type"] == "ASSAULT") == {text: [] for text in EFFORTS}


def test_armed_doers_or_a_named_opponent_keep_the_fight() -> None:
    for text, source in (("Militiamen fought to hold the bridge.", "Militiamen"),
                         ("Two rival gangs fought to control the market.", "rival gangs"),
                         ("Villagers fought with soldiers to stop the eviction.", "Villagers")):
        assert ("ASSAULT", source) in [(e["plover_type"], e["source"]["text"]) for e in text_events(text)], text
