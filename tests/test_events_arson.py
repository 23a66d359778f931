"""Setting fire to something burns it: property destroyed (1712), as PETRARCH2's BURN patterns code houses burned.

Sentences are the team's own. PETRARCH2 holds "set" in its ARRANGE block with no default and no pattern for fire, so
"set fire to a school" coded nothing at all (only "set X on fire" has a pattern, 180); the team's pattern
(``event_patterns.tsv``) reads it as BURN's own patterns read "burned houses", and the owner of what an act of force is
done "to" is the target (``frames._aimed_at_owners``), as for what it is aimed "at" or "on". Other senses of "set"
(a date, a deadline) stay uncoded.
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


def test_fire_set_to_a_building_or_vehicles_destroys_property() -> None:
    for text, source in {
        "Militants set fire to a girls' school overnight.": "Militants",
        "Troops set fire to grain stores outside the besieged town.": "Troops",
    }.items():
        top = top_typed_event(text_events(text))
        assert (top["cameo_code"], top["source"]["text"]) == ("1712", source), text


def test_the_burned_things_owner_is_the_target() -> None:
    top = top_typed_event(text_events("Militiamen set fire to the homes of three reporters."))
    assert (top["cameo_code"], top["source"]["text"], top["target"]["text"]) == ("1712", "Militiamen", "reporters")


def test_other_senses_of_set_code_nothing() -> None:
    for text in ("The electoral board set a date for the runoff.", "The council set a deadline for the repairs."):
        assert not any(e["cameo_code"] == "1712" for e in text_events(text)), text
