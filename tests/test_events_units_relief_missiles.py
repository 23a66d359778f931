"""Working groups of a body, local officials, relief sent abroad in a disaster and missiles fired into the sea, on
sentences of the team's own:

- a crew, a patrol, a squad, a detachment, a team or divers act for the body a modifier names ("a police patrol",
  "navy divers"), also through the modifier of a modifier that names their craft ("an army helicopter crew");
  alone they name no one (event_agents.tsv, ``participants._extra_agent``);
- the treasurer, comptroller and superintendent of a city, a county or a school district are officials
  (event_agents.tsv), so what they do and what is done to them is coded;
- relief one state or its body sends to another country in a disaster is an act between them (CAMEO 07), the
  disaster only its occasion; relief a state gives its own victims stays the disaster's story, no event
  (``builder._of_disaster`` / ``_across_border``);
- a missile fired or launched into open water, or test-fired, strikes no party: a show of force (PLOVER MOBILIZE,
  CAMEO 150) with no target (event_open_waters.tsv, ``frames._fired_into_open_water``); a weapon fired at a ship,
  or rockets fired into a country, stay attacks;
- arms sent or handed "to" a body the coder's own agents table names alone ("the peacekeepers") are given to it, not
  deployed to a place (``frames._a_party``).
"""

from __future__ import annotations

import pytest
from conftest import text_events, top_event_fields


@pytest.mark.parametrize(("text", "source", "plover"), [
    ("A border police patrol detained nine smugglers near the river crossing late on Friday.", "border police patrol", "COERCE"),
    ("Navy divers rescued eleven fishermen from a capsized trawler off the northern cape.", "Navy divers", "AID"),
    ("An army helicopter crew airlifted forty villagers out of the besieged hamlet.", "army helicopter crew", "AID"),
])
def test_a_working_group_acts_for_the_body_its_modifier_names(text: str, source: str, plover: str) -> None:
    found = top_event_fields(text)
    assert (found[0], found[2]) == (plover, source)


def test_a_crew_alone_names_no_one() -> None:
    assert text_events("A camera crew filmed the opening of the new bridge across the estuary.") == []


@pytest.mark.parametrize(("text", "source", "target"), [
    ("The county comptroller accused the sheriff of hiding overtime payments from auditors.", "county comptroller", "sheriff"),
    ("Prosecutors charged the former township treasurer with embezzling pension contributions.", "Prosecutors",
     "former township treasurer"),
])
def test_local_officials_are_actors(text: str, source: str, target: str) -> None:
    found = top_event_fields(text)
    assert found[2:] == (source, target)


def test_relief_sent_abroad_in_a_disaster_is_aid_between_states() -> None:
    found = top_event_fields("The Emirates Red Crescent flew a cargo plane carrying tents and blankets to Nepal on "
                             "Sunday to assist villagers left homeless by the landslides.")
    assert (found[0], found[2], found[3]) == ("AID", "Emirates Red Crescent", "Nepal")


def test_relief_for_a_states_own_flood_victims_stays_no_event() -> None:
    assert top_event_fields("The Kenyan government sent food aid to hamlets along the Tana River.")[0] == "AID"
    assert not [e for e in text_events("The Kenyan government sent food aid to hamlets isolated by the floods along the Tana River.")
                if e["plover_type"] == "AID"]


@pytest.mark.parametrize("text", [
    "North Korea fired three short-range missiles into the sea east of the peninsula on Tuesday.",
    "Iran launched a cruise missile into the Gulf of Aden during a naval drill on Friday.",
    "Pyongyang test-fired a submarine-launched missile late on Wednesday.",
])
def test_a_missile_fired_into_open_water_is_a_show_of_force(text: str) -> None:
    found = top_event_fields(text)
    assert (found[0], found[1], found[3]) == ("MOBILIZE", "150", None)


@pytest.mark.parametrize("text", [
    "Houthi fighters fired a missile at a cargo ship sailing in the Red Sea.",
    "Militants launched a salvo of rockets into northern Israel late on Monday.",
])
def test_a_weapon_fired_at_a_party_stays_an_attack(text: str) -> None:
    assert top_event_fields(text)[0] == "ASSAULT"


def test_arms_handed_to_a_body_of_the_coders_table_are_no_deployment() -> None:
    from streams.extraction.events import annotate
    from streams.extraction.nlp import load_nlp

    nlp = load_nlp()
    doc = annotate(nlp, nlp("The transitional government handed over 300 rifles to the peacekeepers in Bangui."))
    codes = {c.code for c in doc._.event_candidates}
    assert "154" not in codes and "072" in codes  # given to them (military aid), not deployed to a place
