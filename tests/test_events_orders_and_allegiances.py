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
  (``builder._ordered``);
- whose role in an act is told did it (``builder._share_in``); a concession is made to those who pressed for it
  (``builder._makers_in_phrases``); what is rejected or criticised stands for whoever made it (the same);
  what a tally of votes carried is no game's result (``builder._won_in_contest``); an act on someone ranks above what
  the pair it names did next (``builder._pair_subject``);
- "for comments" with words of their own is no reporter's request (``frames._bare_request``); the visitor a
  participle describes is the one met with, and aid "worth" a sum goes where the sum's phrase says
  (``frames.noun_of_gerund``, ``frames._worth``); a strike against a measure is aimed at who announced it;
- a titled name the tagger cut is a person (``participants._titled_name``); a crowd counted in words is the crowd; a
  court is named with the place it sits in (``participants._seat_of``); victims of a flood are people
  (``participants._people_of``);
- an act told in a claim under inquiry is not reported as done (``modality._in_unconfirmed_claim``); suspending the
  activities of an organisation reduces relations with it (``event_patterns.tsv``); an ending told for the future
  is the intent to yield (``frames._intents`` over ``frames._ending``); information handed to a party is shared
  with it (``event_verbs.tsv``, "hand"); directing or commanding a party to act is an order made of it,
  directing a programme no act (``frames._orders_given``).
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
    assert (found[0], found[2], found[3]) == ("RETREAT", "judge", "two activists")


def test_a_meeting_meanwhile_is_the_setting_of_a_walkout() -> None:
    events = text_events("Dockworkers walked off the job as the transport minister met union leaders in the capital.")
    assert [e["plover_type"] for e in events if e["plover_type"]] == ["PROTEST"]


def test_an_act_a_bare_order_carried_is_done_by_the_one_who_ordered_it() -> None:
    found = top_event_fields("A court ordered the seizure of the senator's ranch.")
    assert (found[0], found[1], found[2]) == ("COERCE", "171", "court")


def test_an_ordered_attack_stays_the_threat_of_one() -> None:
    assert top_event_fields("The general ordered an attack on the rebel camp.")[0] == "THREATEN"


# ---- who did it, and to whom: roles, pressure, claims, sums and pairs -------------------------------------------

def test_whose_role_in_an_act_is_told_did_it() -> None:
    events = text_events("Senator Lina Ortiz faces a lawsuit over her alleged role in the kidnapping of an activist.")
    kidnapping = [e for e in events if e["plover_type"] == "ASSAULT"]
    # (named as the sentence names her before the pronoun, title and all: participants._mention_before)
    assert kidnapping and kidnapping[0]["source"]["text"] == "Senator Lina Ortiz"


def test_comments_with_words_of_their_own_are_no_reporters_request() -> None:
    found = top_event_fields("The envoy apologised to Uganda for comments his deputy had made on radio.")
    assert (found[1], found[3]) == ("055", "Uganda")


def test_a_reporters_request_for_comment_is_still_no_act() -> None:
    assert not text_events("The ministry could not be reached for comment on Tuesday.")


def test_what_a_tally_of_votes_carried_is_no_game_result() -> None:
    found = top_event_fields("The Dayton school board voted 5-2 on Monday night to suspend Principal Ann Fowler "
                             "without pay pending an inquiry.")
    assert found[0] == "COERCE" and "Ann Fowler" in (found[3] or "")


def test_a_game_won_by_a_score_stays_no_event() -> None:
    assert not [e for e in text_events("The visitors beat the hosts 2-0 to go top of the league.") if e["plover_type"]]


def test_an_act_on_someone_ranks_above_what_the_pair_did_next() -> None:
    found = top_event_fields("Egypt's president received the Jordanian king in Cairo, and both leaders condemned the attacks.")
    assert (found[0], found[3]) == ("CONSULT", "Jordanian king")


def test_the_one_met_with_is_the_visitor_a_participle_describes() -> None:
    found = top_event_fields("The Thai prime minister met with visiting Lao President Thongsing Phan in Bangkok.")
    assert (found[1], found[3]) == ("040", "Lao President Thongsing Phan")


def test_a_titled_name_the_tagger_cut_is_a_person() -> None:
    found = top_event_fields("Chinese Vice Premier Han Mingyu met with visiting Kenyan President Samuel Kiprono in Beijing.")
    assert found[2] == "Chinese Vice Premier Han Mingyu"


def test_a_crowd_counted_in_words_is_the_crowd() -> None:
    assert top_event_fields("Hundreds of nurses marched through the capital on Monday.")[2] == "nurses"


def test_a_phrase_that_collects_the_actor_keeps_its_words() -> None:
    assert top_event_fields("A gang of men attacked the bus.")[2] == "gang of men"


def test_a_court_is_named_with_the_place_it_sits_in() -> None:
    assert top_event_fields("A court in Minsk jailed the blogger for six years.")[2] == "court in Minsk"


def test_the_police_of_a_place_are_named_without_it() -> None:
    assert top_event_fields("Police in Lahore arrested five men.")[2] == "Police"


def test_a_strike_against_a_measure_is_aimed_at_who_announced_it() -> None:
    found = top_event_fields("Bus drivers went on strike against the fare cap set by the Transport Authority.")
    assert (found[0], found[3]) == ("PROTEST", "Transport Authority")


def test_aid_worth_a_sum_goes_to_whom_the_sum_goes() -> None:
    assert top_event_fields("Japan provided emergency aid worth 3 million dollars to Malawi.")[3] == "Malawi"


def test_victims_of_a_flood_are_people_not_the_flood() -> None:
    assert top_event_fields("The EU sent aid to flood victims.")[3] == "flood victims"


def test_a_disaster_named_as_doer_stays_no_one() -> None:
    assert not [e for e in text_events("Storm Doris flattened 200 homes along the coast.") if e["plover_type"]]


def test_a_concession_is_made_to_those_who_pressed_for_it() -> None:
    found = top_event_fields("Bowing to months of pressure from farmers and traders, the agriculture minister "
                             "resigned on Friday.")
    assert (found[0], found[3]) == ("CONCEDE", "farmers")


def test_a_resignation_pressed_by_no_one_named_has_no_target() -> None:
    assert top_event_fields("The minister resigned on Friday.")[3] is None


def test_a_rejected_report_stands_for_whoever_wrote_it() -> None:
    found = top_event_fields("Venezuela dismissed as false a report by Human Rights Watch.")
    assert (found[2], found[3]) == ("Venezuela", "Human Rights Watch")


# ---- claims, suspensions, endings told for the future, things handed -------------------------------------------

def test_an_act_in_a_claim_under_inquiry_is_not_reported_as_done() -> None:
    events = text_events("Human rights monitors are looking into allegations that militiamen shot four farmers near a checkpoint.")
    assert any(e["plover_type"] == "ACCUSE" for e in events)  # the inquiry is the act
    assert not [e for e in events if e["plover_type"] == "ASSAULT" and not e["hypothetical"]]


def test_an_act_in_a_confirmed_claim_is_done() -> None:
    events = text_events("Police confirmed reports that gunmen attacked a bus.")
    assert any(e["plover_type"] == "ASSAULT" and not e["hypothetical"] for e in events)


def test_suspending_an_organisations_activities_reduces_relations_with_it() -> None:
    found = top_event_fields("Mali's rulers suspended the activities of a French charity for three months.")
    assert (found[0], found[1], found[2]) == ("SANCTION", "160", "Mali's rulers")


def test_an_ending_told_for_the_future_is_the_intent_to_yield() -> None:
    assert top_event_fields("The union will suspend its protests for two weeks.")[1] == "0352"


def test_an_ending_done_stays_the_yielding_act() -> None:
    assert top_event_fields("The rebels lifted the siege of the town.")[:2] == ("RETREAT", "0872")


def test_information_handed_to_a_party_is_shared_with_it() -> None:
    found = top_event_fields("Kenyan police handed Ugandan police a list of suspects.")
    assert (found[1], found[3]) == ("064", "Ugandan police")


def test_directing_a_party_to_act_is_an_order_made_of_it() -> None:
    found = top_event_fields("The president directed the army to withdraw from the border town.")
    assert found[:4] == ("REQUEST", "100", "president", "army")  # the withdrawal is asked for, not done


def test_directing_a_programme_is_no_act() -> None:
    # running something is a standing role, no cooperation with anyone (the block's default 060 is withheld)
    assert not [e for e in text_events("The ministry directs the national health programme.") if e["plover_type"]]
