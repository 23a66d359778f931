"""Who acts and what is done, on sentences of the team's own, for phenomena of how news tells an act:

- a future told with "be going to" is negated as "will not" is ("are not going to hand over their guns" refuses to
  yield; an attack someone is "not going to" launch is no attack made) (``modality.going_to``);
- armed men "loyal to" or "allied to" a named party act for that party (``participants._allegiance``);
- what a body's vote carried is the event, not the vote as an intent to cooperate (``builder._VOTING``);
- a state's or a body's ships, vessels and boats stand for it, as its aircraft do (``event_synsets.tsv`` &VESSEL), and
  a pronoun that takes up the object of the first of two coordinated acts means that object, not whoever reports
  them (``participants._earlier_object``);
- the "of" phrase of a resignation, a visit or a withdrawal names who resigns, visits or withdraws (``event_nouns.tsv``,
  column of);
- what others did meanwhile ("as ministers met") is the setting of the main clause's act (``builder._meanwhile_act``);
- an act a bare order carried out is done by the one who ordered it; an ordered attack stays the order's threat
  (``builder._ordered``).
Each rule has a sentence that failed before it and a control that must keep passing."""

from __future__ import annotations

from conftest import text_events, top_event_fields


def test_not_going_to_yield_is_a_refusal() -> None:
    found = top_event_fields("The militia commanders are not going to hand over their guns, a spokesman said.")
    assert found[0] == "REJECT"


def test_not_going_to_accept_an_offer_rejects_it() -> None:
    found = top_event_fields("The union is not going to accept the offer, its secretary told reporters.")
    assert (found[0], found[2]) == ("REJECT", "union")


def test_an_attack_someone_is_not_going_to_launch_is_negated() -> None:
    events = text_events("The army is not going to attack the northern city, a general said on Sunday.")
    assert events and all(e["negated"] for e in events if e["plover_type"] in ("ASSAULT", "THREATEN"))


def test_going_to_attack_is_no_negation() -> None:
    events = text_events("The rebels are going to attack the northern city, their commander said.")
    assert any(e["plover_type"] in ("ASSAULT", "THREATEN") and not e["negated"] for e in events)


def test_fighters_loyal_to_a_named_group_act_for_it() -> None:
    found = top_event_fields("Soldiers loyal to the Houthi movement shelled a market in the north on Tuesday.")
    assert (found[0], found[2]) == ("ASSAULT", "Houthi movement")


def test_troops_loyal_to_a_named_leader_act_for_him() -> None:
    found = top_event_fields("Troops loyal to President Kiir clashed with rebels in the north on Monday.")
    assert (found[0], found[2]) == ("ASSAULT", "President Kiir")


def test_armed_men_loyal_to_no_one_named_stay_themselves() -> None:
    found = top_event_fields("Gunmen loyal to a local warlord attacked a police post near the border.")
    assert found[0] == "ASSAULT" and found[2].startswith("Gunmen")


def test_what_a_vote_carried_is_the_event() -> None:
    found = top_event_fields("The regional council voted 40 to 12 to suspend the mayor.")
    assert (found[0], found[3]) == ("COERCE", "mayor")
    events = text_events("The regional council voted 40 to 12 to suspend the mayor.")
    assert not any(e["cameo_code"] == "030" for e in events)  # the vote is no intent to cooperate besides


def test_a_vote_for_a_plan_stays_coded_as_the_vote() -> None:
    assert top_event_fields("Lawmakers voted for the budget plan.")[1] == "030"


def test_a_states_vessels_stand_for_it() -> None:
    found = top_event_fields("Chinese coast guard vessels rammed a Vietnamese fishing boat near the islands.")
    assert found[0] == "ASSAULT" and "vessels" in found[2] and "Vietnamese" in (found[3] or "")
    events = text_events("Chinese coast guard vessels rammed a Vietnamese fishing boat near the islands.")
    top = max(events, key=lambda e: e["confidence"])
    assert (top["source"]["country"], top["target"]["country"]) == ("CHN", "VNM")


def test_a_boat_of_no_one_named_names_no_one() -> None:
    events = text_events("A small wooden boat overturned in heavy seas and four fishermen drowned.")
    assert not [e for e in events if e["plover_type"]]


def test_a_pronoun_taking_up_the_first_acts_object_means_that_object() -> None:
    events = text_events("The foreign ministry in Hanoi said two Chinese vessels had blocked a Vietnamese supply "
                         "boat and fired flares at it.")
    targets = {(e["target"] or {}).get("text") for e in events if e["plover_type"]}
    assert "foreign ministry" not in targets and "Vietnamese supply boat" in targets


def test_them_after_two_coordinated_acts_is_the_first_acts_object() -> None:
    events = text_events("Police said gunmen stopped two buses and set them on fire.")
    assert events and all((e["target"] or {}).get("text") != "Police" for e in events)


def test_the_of_phrase_of_a_resignation_names_who_resigns() -> None:
    found = top_event_fields("The resignation of Karel Novak, the transport minister, came after a train crash.")
    assert (found[0], found[2], found[3]) == ("CONCEDE", "Karel Novak", None)


def test_the_of_phrase_of_a_withdrawal_names_who_withdraws() -> None:
    found = top_event_fields("The withdrawal of Russian troops from the town began on Monday.")
    assert (found[0], found[2]) == ("RETREAT", "Russian troops")


def test_the_of_phrase_of_a_release_still_names_who_is_freed() -> None:
    found = top_event_fields("The judge ordered the release of the two activists.")
    assert (found[0], found[2], found[3]) == ("RETREAT", "judge", "activists")


def test_a_meeting_meanwhile_is_the_setting_of_a_walkout() -> None:
    events = text_events("Dockworkers walked off the job as the transport minister met union leaders in the capital.")
    assert [e["plover_type"] for e in events if e["plover_type"]] == ["PROTEST"]


def test_an_act_a_bare_order_carried_is_done_by_the_one_who_ordered_it() -> None:
    found = top_event_fields("A court ordered the seizure of the senator's ranch.")
    assert (found[0], found[1], found[2]) == ("COERCE", "171", "court")


def test_an_ordered_attack_stays_the_threat_of_one() -> None:
    assert top_event_fields("The general ordered an attack on the rebel camp.")[0] == "THREATEN"
