"""The object that names the act over a pattern that names only the doer (``frames._object_read``); a subject set off
from its verb by an apposition (``slots.participle_subject``); "vote down" as the VOTE block codes it
(``tools/build_event_tables.py``, ``align_votes_down``); an act a party says it could do on a condition the other side
must meet (``modality.on_condition``).

Sentences are the team's own, written to show each phenomenon.
"""

from __future__ import annotations

from conftest import text_events, top_event_fields


def typed(text: str) -> list[dict]:
    return [e for e in text_events(text) if e["plover_type"]]


def test_an_act_named_by_the_object_is_the_act_not_the_doers_show_of_force() -> None:
    # PETRARCH2's "&MILITARY *" under "step up" (154) fits any armed subject; the object names an attack
    assert top_event_fields("Troops stepped up attacks on insurgent hideouts in the hills.")[:3] == ("ASSAULT", "190", "Troops")


def test_a_doer_pattern_stays_where_the_object_names_no_act() -> None:
    # control: troops stepping up their presence mobilise (154), the pattern of the doer
    assert top_event_fields("Troops stepped up their presence around the airport.")[:3] == ("MOBILIZE", "154", "Troops")


def test_a_subject_set_off_by_an_apposition_keeps_its_verb() -> None:
    # the small model hangs the verb after the second comma on the apposition's noun, as a clause of it
    text = "Dozens of farmers, many riding tractors, gathered outside the parliament to protest against the new tax."
    assert top_event_fields(text)[::2] == ("PROTEST", "farmers")


def test_an_apposition_the_parser_read_right_is_left_alone() -> None:
    # control: with no apposition the same verb already heads the sentence
    text = "Dozens of farmers gathered outside the parliament to protest against the new tax."
    assert top_event_fields(text)[::2] == ("PROTEST", "farmers")


def test_a_bill_voted_down_is_rejected_not_coerced() -> None:
    assert top_event_fields("The upper house voted down the pension bill on Thursday.")[:2] == ("REJECT", "120")
    # control: a vote for a measure is no rejection
    assert "REJECT" not in {e["plover_type"] for e in typed("The upper house voted for the pension bill on Thursday.")}


def test_an_act_a_party_could_do_on_a_condition_is_a_threat() -> None:
    assert top_event_fields("The ministry said it could shut the border crossing if the shelling did not stop.")[:3] == (
        "THREATEN", "131", "ministry")


def test_an_act_a_party_could_do_with_no_condition_is_no_threat() -> None:
    # control: a possibility set on no condition is not held over anyone
    assert "THREATEN" not in {e["plover_type"] for e in typed("The ministry said it could shut the border crossing next week.")}


def test_an_office_held_in_a_firm_is_a_firms_officer() -> None:
    # the agents dictionary has "president" and "chief executive" as offices of a state; the owner names a firm
    for text in ("The bank's president will step down next month.", "The company's president resigned on Friday."):
        assert typed(text) == [], text
    # a firm's officer meeting a state's is still a meeting, with the officer of the firm's sector
    fields = [(e["source"]["text"], e["source"]["sector"]) for e in typed("The company's president met the trade minister on Monday.")]
    assert ("company's president", "BUS") in fields


def test_an_office_of_a_state_keeps_its_sector() -> None:
    # control: a state's president who resigns yields (083), of the state's sector
    assert [(e["cameo_code"], e["source"]["sector"]) for e in typed("The country's president resigned on Friday.")] == [("083", "GOV")]


def test_a_private_persons_money_is_no_aid() -> None:
    assert typed("A court heard that the businessman had transferred millions of pounds to offshore accounts.") == []
    # control: a government's money sent to provinces is aid
    assert top_event_fields("The government transferred funds to the flood-hit provinces.")[:3] == ("AID", "070", "government")


def test_the_party_blame_is_laid_on_is_the_target() -> None:
    # the small model hangs "on X" on the object ("the unrest"), not on the verb: X is still the one blamed
    events = typed("The ministry blamed the unrest on foreign agents trying to weaken the state.")
    top = max(events, key=lambda e: e["confidence"])
    assert (top["plover_type"], top["source"]["text"], top["target"]["text"]) == ("ACCUSE", "ministry", "foreign agents")


def test_a_cause_that_names_no_one_is_no_target_of_blame() -> None:
    # control: blame laid on a thing accuses no party there ("a technical fault")
    assert all((e["target"] or {}).get("text") != "technical fault" for e in text_events("Officials blamed the outage on a technical fault."))


def test_a_deadline_given_to_do_something_is_an_ultimatum() -> None:
    # the dictionary codes a deadline given in hours or two weeks (139); any span given to act is one, aimed at the
    # party given it, and what it demands is not done by the one who gives it
    events = typed("The rebels gave the army ten days to withdraw its troops from the valley.")
    assert [(e["cameo_code"], e["source"]["text"], (e["target"] or {}).get("text")) for e in events] == [("139", "rebels", "army")]
    assert top_event_fields("The union gave the management a month to raise wages.")[:2] == ("THREATEN", "139")


def test_a_span_of_time_given_as_a_gift_is_no_ultimatum() -> None:
    # control: a week of food is a gift, with no act demanded
    assert "THREATEN" not in {e["plover_type"] for e in typed("The charity gave the displaced families a week of food.")}


def test_a_crowd_gathered_for_an_occasion_of_leisure_does_not_demonstrate() -> None:
    # a crowd's gathering is a demonstration (141) unless a pattern names its purpose; a festival or a match is one
    for text in ("Thousands gathered in the old town for the jazz festival.", "Huge crowds flocked to the stadium for the derby match."):
        assert typed(text) == [], text


def test_a_crowd_gathered_with_no_occasion_named_still_demonstrates() -> None:
    # control: the same crowd in the capital, with no occasion, rallies
    assert top_event_fields("Thousands gathered in the old town on Sunday.")[:2] == ("PROTEST", "141")


def test_a_cessation_of_hostilities_is_a_ceasefire() -> None:
    # PETRARCH2's &CEASEFIRE holds the truce words only; the mediators' name for one is the same act
    events = typed("The army and the rebel alliance agreed on Friday to a cessation of hostilities.")
    assert {e["cameo_code"] for e in events} == {"0356"}
    # control: the truce word itself
    assert {e["cameo_code"] for e in typed("The army and the rebel alliance agreed on Friday to a truce.")} == {"0356"}


def test_a_retirement_from_a_post_is_no_concession() -> None:
    # the dictionary's RETREAT default (080) read people leaving a career as yielding
    for text in ("Two veteran judges will retire next spring.", "The central bank governor retired in March after two terms."):
        assert typed(text) == [], text
    # control: a force that retires from its positions still withdraws (the block's &MILITARY pattern)
    assert top_event_fields("Government troops retired from their positions along the river.")[:2] == ("RETREAT", "0874")


def test_an_appeal_against_a_verdict_is_no_request() -> None:
    for text in ("The former mayor lost an appeal against his conviction.", "Lawyers for the actor appealed against the sentence."):
        assert typed(text) == [], text
    # control: an appeal made to a party for help is one
    assert top_event_fields("The governor appealed to the federal government for emergency funds.")[::2] == ("REQUEST", "governor")


def test_the_office_of_a_role_acts_as_the_role() -> None:
    # an "office" needs an owner; one person a role names ("the prosecutor's") is its owner
    events = typed("The district prosecutor's office charged three guards with assault.")
    assert [(e["source"]["text"], e["source"]["sector"], e["target"]["text"]) for e in events][:1] == [
        ("district prosecutor's office", "JUD", "guards")]


def test_an_office_with_no_owner_is_a_room() -> None:
    # control: the office alone names no one
    assert all(e["source"]["text"] != "office" for e in text_events("The office charged three guards with assault."))


def test_a_ban_a_court_struck_down_is_eased_by_the_court() -> None:
    events = typed("The constitutional court struck down the province's ban on street protests.")
    assert [(e["cameo_code"], e["source"]["text"]) for e in events][:1] == [("081", "constitutional court")]
    assert "172" not in {e["cameo_code"] for e in events}  # the ban is ended, not imposed
    # control: people struck down are no law annulled
    assert "081" not in {e["cameo_code"] for e in text_events("Gunmen struck down two guards outside the bank.")}


def test_an_act_called_or_led_by_a_party_is_that_partys() -> None:
    # "called by", "led by" name who holds the act, as "carried out by" and "organised by" do
    assert top_event_fields("The strike, called by the teachers' union, closed schools across the province.")[::2] == (
        "PROTEST", "teachers' union")


def test_an_act_a_party_only_names_is_not_its_deed() -> None:
    # control: "called X by Y" is Y's word for the act, not Y's act
    events = text_events("The bombing, called a cowardly crime by the president, killed four guards.")
    assert all(e["source"]["text"] != "president" for e in events if e["cameo_code"].startswith("18") or e["cameo_code"].startswith("19"))


def test_talks_mediated_by_a_party_are_its_mediation() -> None:
    for text in ("The negotiations, mediated by Norway, resumed after a month.", "The talks, mediated by Norway, resumed after a month."):
        assert ("CONSULT", "Norway") in {(e["plover_type"], e["source"]["text"]) for e in typed(text)}, text
        assert "080" not in {e["cameo_code"] for e in typed(text)}, text  # no concession


def test_standing_behind_a_party_endorses_it() -> None:
    assert top_event_fields("Japan stood firmly behind South Korea in the dispute.")[:3] == ("SUPPORT", "051", "Japan")


def test_protesters_cleared_by_police_are_dispersed() -> None:
    assert top_event_fields("Riot police cleared the protesters from the bridge.")[:3] == ("ASSAULT", "175", "Riot police")
    assert top_event_fields("Riot police cleared a protest camp near the palace.")[:2] == ("ASSAULT", "175")


def test_a_road_or_a_drug_cleared_is_no_concession() -> None:
    # control: "clear" in its common senses yields nothing to anyone (the dictionary's default read 080)
    for text in ("Workers cleared the road after the landslide.", "The regulator cleared the new drug for sale."):
        assert typed(text) == [], text
    # a person cleared of an allegation keeps the block's reading (080)
    assert top_event_fields("An inquiry cleared the mayor of wrongdoing.")[:2] == ("CONCEDE", "080")


def test_it_refers_to_no_office_holder() -> None:
    # "its" in a statement by an unnamed office-holder is not the office-holder's: a person is not "it"
    events = typed("The defence secretary said Japan stood firmly behind its partner.")
    assert [(e["source"]["text"], (e["target"] or {}).get("text")) for e in events] == [("Japan", None)]
    # control: an unnamed body is "it" ("the ministry said it would ...")
    assert top_event_fields("The ministry said it would expel the attache.")[2] == "ministry"


def test_a_thing_that_goes_somewhere_visits_no_one() -> None:
    # the subject is there and is no actor: money, a shipment or a road goes or comes, no meeting is had
    assert typed("The grant will go to local schools.") == []
    # control: a delegation that will go somewhere intends a visit (036)
    assert top_event_fields("The trade delegation will go to Nairobi next month.")[:3] == ("AGREE", "036", "trade delegation")


def test_a_protest_an_act_happened_during_is_not_the_actors() -> None:
    # "during the unrest" says when the state acted, not that it rioted
    for text in ("The government shut schools during the unrest.", "Authorities cut mobile phone services during the protests."):
        assert "PROTEST" not in {e["plover_type"] for e in typed(text)}, text
    # control: a protest taken part in is the participants'
    assert top_event_fields("Nurses took part in the protest outside the ministry.")[::2] == ("PROTEST", "Nurses")


def test_a_citizenship_or_a_licence_revoked_sanctions_its_holder() -> None:
    assert top_event_fields("The interior ministry revoked the citizenship of three exiled journalists.")[:4] == (
        "COERCE", "172", "interior ministry", "exiled journalists")
    # control: a ruling revoked is the dictionary's own reading (a quashed ruling, 111), no sanction on anyone
    assert "172" not in {e["cameo_code"] for e in text_events("The appeals court revoked the ruling of the lower court.")}
