"""Synset members named with their modifier, remand, burnt vehicles and subjects held to be something, on sentences of
the team's own:

- a multi-word member of a dictionary synset fits a pattern only with its modifier where its head is no member alone
  (``knowledge.Term.qualified``): "tear gas" and "chlorine gas" are weapons, "natural gas" is fuel, so supplying it is
  no military aid; "attack helicopters" are weapons; an air-defence system delivered is military aid (the team's
  &WEAPON members, event_synsets.tsv); bare "forces" stay armed forces (a team &MILITARY member), so one party's
  exercises stay a show of force;
- a suspect placed or put "on remand" is detained (event_patterns.tsv, ARRANGE);
- burning vehicles destroys property (1712, event_patterns.tsv, BURN), and a crowd that does it riots;
- depositors who storm a bank riot (event_agents.tsv: depositors are civilians);
- in "gunmen suspected to be kidnappers abducted a priest" the parser makes "suspected" the root and hangs the
  main verb on it as a clause with no subject: the clause's subject is the participle's
  (``slots.described_subject``), and the participle, which says what the gunmen are held to be, is no act.
"""

from __future__ import annotations

import pytest
from conftest import text_events, top_event_fields


def test_natural_gas_supplied_is_no_military_aid() -> None:
    events = text_events("Qatar started selling natural gas to Kuwait through a new pipeline.")
    assert not [e for e in events if e["cameo_code"].startswith(("062", "072"))]
    assert top_event_fields("Egypt supplied natural gas to Jordan last winter.")[3] == "Jordan"


@pytest.mark.parametrize("text", [
    "Security forces used tear gas against the marchers in the capital.",
    "Regime forces fired chlorine gas at insurgents holding the old quarter.",
])
def test_gases_named_as_weapons_stay_weapons(text: str) -> None:
    assert top_event_fields(text)[0] == "ASSAULT"


def test_an_air_defence_system_delivered_is_military_aid() -> None:
    assert top_event_fields("Germany delivered a second air defence system to Poland last week.")[:2] == ("AID", "072")


@pytest.mark.parametrize("text, source, target", [
    ("A district court on Tuesday placed the former mayor on a five-day remand.", "district court", "former mayor"),
    ("The magistrate put the two suspects on remand until Friday.", "magistrate", "two suspects"),  # "the two": which ones, kept
])
def test_placing_a_suspect_on_remand_detains_them(text: str, source: str, target: str) -> None:
    assert top_event_fields(text) == ("COERCE", "173", source, target)


def test_burning_vehicles_destroys_property_and_a_crowd_doing_it_riots() -> None:
    assert top_event_fields("Maoist rebels burned three trucks of a road contractor in Dantewada.")[:3] == (
        "ASSAULT", "1712", "Maoist rebels")
    assert top_event_fields("Rioters burned cars and buses in the city centre on Sunday.")[:2] == ("PROTEST", "145")
    assert not [e for e in text_events("The farmer burned the dry grass on his field.") if e["plover_type"]]


def test_depositors_who_storm_a_bank_riot() -> None:
    assert top_event_fields("Angry depositors stormed two banks in Tripoli to demand access to their savings.")[:3] == (
        "PROTEST", "145", "Angry depositors")


def test_the_subject_of_a_participle_of_holding_to_be_does_the_act() -> None:
    text = "Gunmen suspected to be kidnappers on Tuesday night abducted a priest from his parish house in Enugu."
    events = text_events(text)
    assert top_event_fields(text) == ("ASSAULT", "181", "Gunmen", "priest")
    assert not [e for e in events if e["plover_type"] == "ACCUSE"]


def test_suspecting_someone_of_a_crime_stays_an_accusation() -> None:
    assert top_event_fields("Police suspected the driver of smuggling fuel across the border.")[0] == "ACCUSE"


def test_bare_forces_stay_armed_forces() -> None:
    assert top_event_fields("Egyptian forces staged live-fire exercises near the border with Libya this week.")[::3] == (
        "MOBILIZE", "Libya")

