"""Promises, diplomatic complaints and deaths nobody caused, on sentences of the team's own:

- agreeing to do something is the intent to do it (CAMEO's 03x, PLOVER AGREE: the codebook's 036 is "agree to
  meet"), not the AGREE block's default act of diplomatic cooperation (050, SUPPORT): with an infinitive that codes
  an act, the intent of that act ("agreed to hold talks": 036; "agreed to allow inspectors": 0355), with one that
  codes none, the intent of the default act (032); "agreed on a timetable", with no infinitive, keeps the default
  (``builder._promised_default``); deciding to do something is the same intent ("decided to resume talks": 036, the
  one record of the act, not a hypothetical meeting beside a bare intent to cooperate; ``modality.PROMISE_HEADS``);
  a yielding act told for the future ("will pull back", "will hand over") is the intent to yield, as CAMEO's coders
  code it (035x, AGREE; ``modality.FUTURE_INTENT_ROOTS``), and done it stays a retreat;
- a protest made by a state, its ministries, officials, forces, courts or an international body is a diplomatic
  complaint, which the PLOVER manual codes ACCUSE, not PROTEST ("PROTEST presumes significant physical/material
  activity"): CAMEO 114 (event_crowd_acts.tsv; a state named by its name acts as its government); civilians,
  students and workers who protest still demonstrate;
- summoning an ambassador, an envoy or a diplomat is such a complaint too (the PLOVER manual: "just coded ACCUSE,
  not CONSULT"; event_patterns.tsv); a judge summoning a witness is no complaint;
- a death by the air or the weather (hypothermia, suffocation, carbon monoxide poisoning) is nobody's act
  (event_accidents.tsv); a poisoning with no such cause named may be a murder and stays coded;
- a curfew or a state of emergency declared against a disaster or an epidemic ("as wildfires spread", "after the
  earthquake", "over the cholera epidemic") is no repression, as the PLOVER manual says (``builder._befell_in_mishap``
  with ``measure``); one declared over unrest stays COERCE.
"""

from __future__ import annotations

import pytest
from conftest import text_events, top_event_fields


@pytest.mark.parametrize("text, code, source, target", [
    ("Laos and Vietnam agreed on Monday to reopen three border posts.", "032", "Laos", "Vietnam"),
    ("The insurgents agreed to hold fresh talks with Kabul in March.", "036", "insurgents", "Kabul"),
    ("Iran agreed to allow inspectors into the enrichment plant.", "0355", "Iran", "inspectors"),
])
def test_agreeing_to_do_something_is_the_intent_to_do_it(text: str, code: str, source: str, target: str) -> None:
    events = text_events(text)
    assert top_event_fields(text) == ("AGREE", code, source, target)
    assert not [e for e in events if e["plover_type"] == "SUPPORT"]


def test_deciding_to_do_something_is_the_intent_to_do_it() -> None:
    events = [e for e in text_events("Ghana and Togo decided on Thursday to resume negotiations over their maritime boundary.")
              if e["plover_type"]]
    assert {(e["cameo_code"], e["source"]["text"], e["hypothetical"]) for e in events} == {
        ("036", "Ghana", False), ("036", "Togo", False)}


@pytest.mark.parametrize(("text", "code"), [
    ("Under the accord, the militia will pull back from the dam within a fortnight.", "0356"),
    ("The separatists will hand over their rifles to the monitors before March.", "0356"),
])
def test_a_yielding_act_told_for_the_future_is_an_intent(text: str, code: str) -> None:
    assert top_event_fields(text)[:2] == ("AGREE", code)


def test_a_yielding_act_done_stays_a_retreat() -> None:
    assert top_event_fields("The militia pulled back from the dam on Sunday.")[0] == "RETREAT"


def test_agreeing_to_an_act_no_party_receives_keeps_the_promiser() -> None:
    # the infinitive's act is coded (allowing monitors) though no party is named as its target
    plover, code, source, _ = top_event_fields("The generals agreed to allow foreign monitors to watch the vote.")
    assert (plover, code, source) == ("AGREE", "0355", "generals")


def test_agreeing_on_a_thing_keeps_the_default_act() -> None:
    assert top_event_fields("The two parties agreed on a new timetable for the handover.")[:2] == ("SUPPORT", "050")


@pytest.mark.parametrize("text, source, target", [
    ("Peru protested to Ecuador over the detention of its fishermen.", "Peru", "Ecuador"),
    ("The foreign ministry protested to Moscow about the overflights.", "foreign ministry", "Moscow"),
])
def test_a_states_protest_is_a_diplomatic_complaint(text: str, source: str, target: str) -> None:
    events = text_events(text)
    assert top_event_fields(text) == ("ACCUSE", "114", source, target)
    assert not [e for e in events if e["plover_type"] == "PROTEST"]


def test_civilians_who_protest_still_demonstrate() -> None:
    assert top_event_fields("Hundreds of students protested outside the parliament on Friday.")[0] == "PROTEST"


@pytest.mark.parametrize("text, source, target", [
    ("Warsaw summoned the Belgian ambassador over a cartoon.", "Warsaw", "Belgian ambassador"),
    ("Seoul summoned a Japanese diplomat on Tuesday.", "Seoul", "Japanese diplomat"),
])
def test_summoning_an_envoy_is_a_complaint(text: str, source: str, target: str) -> None:
    events = text_events(text)
    assert top_event_fields(text)[0] == "ACCUSE" and top_event_fields(text)[2:] == (source, target)
    assert not [e for e in events if e["plover_type"] == "CONSULT"]


def test_a_summoned_envoy_is_the_complaints_target_whatever_it_is_over() -> None:
    # (the pattern places the target on its object: what the summons is "over" is the matter, not the party)
    assert top_event_fields("Egypt summons Turkish envoy over detained fishermen.") == ("ACCUSE", "114", "Egypt", "Turkish envoy")
    assert top_event_fields("Seoul summoned the Japanese ambassador over detained fishermen.")[3] == "Japanese ambassador"


def test_a_judge_summoning_a_witness_is_no_complaint() -> None:
    assert top_event_fields("The judge summoned the former minister to testify next week.")[0] != "ACCUSE"


@pytest.mark.parametrize("text", [
    "A family of five in the Siberian city of Omsk died from carbon monoxide poisoning.",
    "Two herders died of hypothermia in the Mongolian province of Khovd.",
    "Three shepherds died of suffocation in a collapsed hut in the Afghan province of Ghor.",
])
def test_a_death_by_the_air_or_the_weather_is_nobodys_act(text: str) -> None:
    assert not [e for e in text_events(text) if e["plover_type"]]


def test_a_poisoning_with_no_such_cause_stays_coded() -> None:
    # (a sentence the classifier reads as an assault by a clear margin: the control is for the accident table, not the veto)
    assert top_event_fields("The exiled dissident died of poisoning in a London hotel.")[0] == "ASSAULT"


@pytest.mark.parametrize("text", [
    "The Greek government declared a state of emergency on the island as wildfires spread toward the capital.",
    "The governor imposed a dusk-to-dawn curfew after the earthquake levelled the old town.",
    "Malawi's president declared a state of emergency over the cholera epidemic.",
])
def test_a_measure_against_a_disaster_is_no_repression(text: str) -> None:
    assert not [e for e in text_events(text) if e["plover_type"]]


@pytest.mark.parametrize("text", [
    "The junta declared a state of emergency after protesters stormed the parliament building.",
    "The army imposed a curfew in the city after clashes between rival gangs.",
])
def test_a_measure_against_unrest_stays_coercion(text: str) -> None:
    assert "COERCE" in {e["plover_type"] for e in text_events(text)}

