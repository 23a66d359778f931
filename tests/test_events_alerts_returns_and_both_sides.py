"""Alerts raised, things handed back, and acts of both sides (issue 14).

Sentences are the team's own.
- an alert raised is a show of readiness (CAMEO 15) whoever raises it: the dictionary's qualified pattern ("military
  alert", 152) keeps winning where it fits; a bare alert, or one the tagger reads as an adjective before "level" or
  "status", is coded 150 (``tools/build_event_tables.align_alerts``, ``slots._STATE_NOUNS``);
- things seized or held and handed back (vehicles, vessels, goods, assets) are RETURN's "property" (0842), with the one
  they go back to as the target (``event_pattern_nouns.tsv``);
- coordinated parties of a mutual act act on each other whatever else the sentence names: the town where they fought
  is no target, and a mutual accusation accuses each side;
- a pattern that names its doer picks it out of coordinated subjects; the subjects it does not name are the other
  party;
- what is sent, given or deployed is the act's theme: the one it goes to is the target, even where the forces sent are
  named by an agent noun of their own.
"""

from __future__ import annotations

import pytest
from conftest import text_events, top_typed_event


def _typed(text: str) -> list[dict]:
    return [e for e in text_events(text, "t-alerts") if e["plover_type"]]


@pytest.mark.parametrize("text, source", [
    ("The navy raised its alert after the drills across the strait.", "navy"),
    ("Border guards raised their alert level after the shooting.", "Border guards"),
    ("Manila raised the alert status of its coastal units.", "Manila"),
])
def test_an_alert_raised_is_a_show_of_readiness(text: str, source: str) -> None:
    top = top_typed_event(_typed(text))
    assert (top["cameo_code"], top["plover_type"], top["source"]["text"]) == ("150", "MOBILIZE", source)


def test_a_qualified_alert_keeps_the_dictionarys_code() -> None:
    top = top_typed_event(_typed("Seoul raised the military alert level on the peninsula."))
    assert top["cameo_code"] == "152"


@pytest.mark.parametrize("text, source, target", [
    ("Border officials returned the impounded lorries to Zambian traders on Tuesday.", "Border officials",
     "Zambian traders"),
    ("The coast guard returned three fishing vessels to Vietnam.", "coast guard", "Vietnam"),
])
def test_things_held_and_handed_back_are_property_returned(text: str, source: str, target: str) -> None:
    top = top_typed_event(_typed(text))
    assert (top["cameo_code"], top["source"]["text"], top["target"]["text"]) == ("0842", source, target)


def test_parties_trading_fire_act_on_each_other_not_on_the_town() -> None:
    pairs = {(e["source"]["text"], e["target"]["text"] if e["target"] else None) for e in
             _typed("The army and the militia exchanged fire in Kismayo on Friday.")}
    assert pairs == {("army", "militia"), ("militia", "army")}


def test_a_mutual_accusation_accuses_each_side() -> None:
    events = _typed("Georgia and Abkhazia traded accusations over the shooting.")
    assert {(e["plover_type"], e["source"]["text"], e["target"]["text"]) for e in events} == {
        ("ACCUSE", "Georgia", "Abkhazia"), ("ACCUSE", "Abkhazia", "Georgia")}


def test_a_pattern_naming_the_doer_makes_the_other_subject_its_target() -> None:
    events = _typed("Police and demonstrators clashed near the stadium.")
    protests = [e for e in events if e["plover_type"] == "PROTEST"]
    assert protests, events
    assert all(e["source"]["text"] != "Police" for e in protests)
    assert {(e["source"]["text"], e["target"]["text"] if e["target"] else None) for e in protests} == {("demonstrators", "Police")}



def test_forces_deployed_go_to_the_target_they_are_not_it() -> None:
    # (police sent to a state by name protect it: 074, PLOVER AID, frames._protection_sent; before, a show of force, 154)
    top = top_typed_event(_typed("Rwanda deployed 600 police officers to Mozambique last month."))
    assert (top["plover_type"], top["source"]["text"], top["target"]["text"]) == ("AID", "Rwanda", "Mozambique")


def test_a_sentence_closing_a_paragraph_is_given_without_the_break_after_it() -> None:
    text = "Rebels shelled the airport at dawn.\n\nThe army said it had repelled them."
    events = _typed(text)
    assert events
    for e in events:
        sent = e["sentence"]
        assert sent["text"] == sent["text"].strip()
        assert text[sent["start"] : sent["end"]] == sent["text"]
