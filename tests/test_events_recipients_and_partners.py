"""Who an act is aimed at when the parse puts that actor somewhere other than the direct object.

Sentences are the team's own, written to show each phenomenon (issue 14):
- a prepositional recipient that the parser labels as the verb's dative ("granted asylum to X");
- a demand or an appeal whose "that" clause names who is to act ("demanded that X withdraw");
- the doer of a nominal act whose "by" phrase the parser hung on the victim ("the murder of X by Y");
- an agent noun that the dictionaries list only in the plural, written in the singular ("a village elder");
- the owner of what a force is aimed at ("fired on army posts"), but not of a recipient ("to the islands");
- an object followed by a participle, which the parser read as that participle's subject;
- a mutual act stated with an object keeps its subject as the first source;
- a telephone conversation with someone is a consultation by telephone (CAMEO 041);
- a call on someone that asks nothing of them is a visit (event_visits.tsv), with an infinitive an appeal;
- an offer, a petition or a plea is a proposal (event_synsets.tsv): dismissing one rejects its owner;
- a threat is aimed at what the threatened act would hit ("warned that it would ban X");
- the partner of talks that a verb pattern consumed ("arrived for talks with X");
- an agent noun written in the plural that the coder's table lists in the singular ("firms").
"""

from __future__ import annotations

import pytest

from conftest import text_events, top_typed_event


def _events(text: str) -> list[dict]:
    return text_events(text, "t-recipients")


def _top(events: list[dict]) -> dict:
    return top_typed_event(events)


def _text(actor: dict | None) -> str | None:
    return (actor or {}).get("text")


def test_a_prepositional_recipient_labelled_dative_is_the_target() -> None:
    top = _top(_events("Brazil granted political asylum to a former Bolivian minister."))
    assert top["plover_type"] == "AID"
    assert _text(top["source"]) == "Brazil"
    assert _text(top["target"]) == "former Bolivian minister"


def test_who_a_demand_asks_to_act_is_its_target() -> None:
    top = _top(_events("Rwanda demanded on Monday that Burundi withdraw its soldiers from the border."))
    assert top["plover_type"] == "REQUEST"
    assert (_text(top["source"]), _text(top["target"])) == ("Rwanda", "Burundi")


def test_a_demand_that_something_be_done_names_no_target_from_the_passive_subject() -> None:
    events = [e for e in _events("The Volta Farmers Association demanded that fertiliser prices be cut.")
              if e["plover_type"] == "REQUEST"]
    assert events, "the demand is coded"
    assert all(_text(e["target"]) is None for e in events)


def test_the_doer_of_a_nominal_killing_is_its_by_phrase_even_when_hung_on_the_victim() -> None:
    top = _top(_events("The murder of a village elder by masked gunmen sparked outrage."))
    assert top["plover_type"] == "ASSAULT"
    assert _text(top["source"]) == "masked gunmen"


def test_a_singular_agent_noun_listed_only_in_the_plural_is_an_actor() -> None:
    top = _top(_events("Gunmen killed a village elder."))
    assert top["plover_type"] == "ASSAULT"
    assert _text(top["target"]) == "village elder"
    assert top["target"]["sector"] == "CVL"


def test_the_owner_of_what_fire_is_aimed_at_is_the_target() -> None:
    top = _top(_events("Rebels launched rockets at government positions."))
    assert top["plover_type"] == "ASSAULT"
    assert _text(top["target"]) == "government"
    top = _top(_events("Indian troops opened fire on Pakistani posts along the border."))
    assert top["target"]["country"] == "PAK"


def test_a_recipient_lends_no_owner_to_the_target() -> None:
    # the islands' capitalised modifier is no actor the demand was rejected for: the target is the demand's owner,
    # in its own words (participants._extra_agent: an act noun is no actor, its owner is)
    top = _top(_events("Greece Rejects Turkish Demand To Demilitarise Islands"))
    assert top["plover_type"] == "REJECT"
    assert _text(top["target"]).lower() == "turkish"


def test_an_object_the_parser_took_for_a_participle_subject_is_the_target() -> None:
    top = _top(_events("Jewish settlers attacked Palestinian shepherds grazing sheep near the village."))
    assert top["plover_type"] == "ASSAULT"
    assert (_text(top["source"]), _text(top["target"])) == ("Jewish settlers", "Palestinian shepherds")


def test_a_mutual_act_with_an_object_keeps_the_subject_as_the_first_source() -> None:
    top = _top(_events("Egypt's prime minister visited Nairobi last week for talks with the Kenyan leadership."))
    assert top["plover_type"] == "CONSULT"
    assert _text(top["source"]) == "Egypt's prime minister"


def test_a_telephone_conversation_is_a_consultation_by_telephone() -> None:
    top = _top(_events("Ghana's trade minister had a long telephone conversation on Friday with the Ugandan envoy."))
    assert top["cameo_code"] == "041"
    assert _text(top["source"]) == "Ghana's trade minister"
    assert _text(top["target"]) == "Ugandan envoy"


def test_a_call_on_someone_that_asks_nothing_is_a_visit() -> None:
    top = _top(_events("The visiting Nepali army chief called on the Prime Minister at his office on Monday."))
    assert top["cameo_code"] == "042"
    assert _text(top["target"]) == "Prime Minister"


def test_a_call_on_someone_to_act_stays_an_appeal() -> None:
    codes = {e["cameo_code"][:2] for e in _events("The bishops called upon the rebels to lay down their arms.")}
    assert "02" in codes and "04" not in codes


def test_dismissing_an_offer_or_a_petition_is_a_rejection_of_its_owner() -> None:
    top = _top(_events("Ghana dismissed Togo's offer of talks."))
    assert (top["plover_type"], _text(top["target"])) == ("REJECT", "Togo")
    top = _top(_events("The Supreme Court dismissed a petition filed by the former minister."))
    assert (top["plover_type"], _text(top["target"])) == ("REJECT", "former minister")


def test_a_threat_is_aimed_at_what_the_threatened_act_would_hit() -> None:
    top = _top(_events("The minister warned that the cabinet might outlaw the People's Front."))
    assert (top["plover_type"], _text(top["target"])) == ("THREATEN", "People's Front")
    top = _top(_events("Armenia warned that it would take all necessary measures against Azerbaijan."))
    assert (top["plover_type"], _text(top["target"])) == ("THREATEN", "Azerbaijan")


def test_a_threat_of_something_that_hits_no_one_has_no_target() -> None:
    events = [e for e in _events("The minister warned that the cabinet would impose a curfew.") if e["plover_type"] == "THREATEN"]
    assert events and all(e["target"] is None for e in events)
    # a danger foretold ("prices would rise") is no threat at all (frames._threatens_in_clause)
    assert not [e for e in _events("The minister warned that prices would rise.") if e["plover_type"] == "THREATEN"]


def test_the_partner_of_talks_a_pattern_consumed_is_the_target() -> None:
    top = _top(_events("A Hamas delegation arrived in Cairo on Monday for talks with Egyptian intelligence officials."))
    assert top["plover_type"] == "CONSULT"
    assert _text(top["target"]) == "Egyptian intelligence officials"


def test_a_plural_of_an_agent_noun_listed_in_the_singular_is_an_actor() -> None:
    top = _top(_events("The CBI opened an inquiry into two private firms."))
    assert _text(top["target"]) == "private firms"
    assert top["target"]["sector"] == "BUS"


def test_the_owner_of_what_a_consumed_noun_is_for_is_the_target() -> None:
    # VOICE * SUPPORT consumes "support"; what it is for is a thing, whose owner is the one supported
    top = top_typed_event(text_events("Hanoi voiced support for Manila's maritime proposal.", "t-recipients"))
    assert top["plover_type"] == "SUPPORT"
    assert top["target"]["country"] == "PHL"


@pytest.mark.parametrize("text,target", [
    ("The European Union condemned Georgia's newly adopted media law on Tuesday.", "Georgia"),
    ("The United States welcomed Iran's release of two American citizens.", "Iran"),
])
def test_an_owned_act_or_measure_stands_for_its_owner_in_the_owners_words(text, target) -> None:
    """participants._extra_agent: an act noun whose owner is named ("Iran's release of X") stands for the owner; the
    record shows the owner's own words, not the act's phrase, which names no actor."""
    top = _top(_events(text))
    assert _text(top["target"]) == target
