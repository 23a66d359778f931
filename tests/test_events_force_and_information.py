"""Force used, teams sent and information shared, on sentences of the team's own:

- using excessive, lethal or disproportionate force, or force against a party, is violent repression (175), as the
  dictionary's own weapons and water cannon used are (``event_patterns.tsv`` t15, t16); the occasion it was used in
  is no act of its doer ("during the protests"); a bare "force" that names troops stays no repression;
- a team is what its "of" phrase holds, for the patterns ("a team of doctors" is sent as doctors are: humanitarian
  aid, 073, as the dictionary's "medical team"; ``slots.contained``, t17), and what it holds is the act's words, no
  party (``frames._verb_slots``); a team alone stays an envoy's team;
- sharing information or intelligence is 064 by a pattern of its own, as the dictionary's "evidence" shared (t18):
  an agreement to share it is the intent of that act (0314, cooperation on intelligence), and what is shared, or
  agreed to be shared, is no party, though the agents dictionary reads "intelligence" as an agency.
- the infinitive of a passive verb is its subject's act, no object of the verb for a pattern to name ("X is expected
  to visit Y" is X's visit; ``frames._fit``);
- legislators or parties who walk out protest (140), where workers who do strike (``event_crowd_acts.tsv``);
- whom a complaint or a protest is "against" is its target, whatever phrase the parser hung the "against" on
  (``frames._verb_slots``), before the body it was lodged with.
- territory taken "from" a party is taken from it: the party is the target before the place (``frames._verb_slots``,
  ``frames._a_place``); people taken are the target themselves, whatever their origin.
- goods shipped to a party are trade with it (061), as the dictionary's exports are (``event_patterns.tsv`` t19);
  weapons, aid and food shipped stay aid (t20-t22); a shipment with no receiver stays no act;
- a service is the thing its compound names, provided: "internet services" suspended are the internet cut off, as
  the dictionary's closing of a broadcaster is (1721, ``slots.contained``); a service of no such thing stays no act.
Each rule has a sentence that failed before it and a control that must keep passing."""

from __future__ import annotations

from conftest import text_events, top_event_fields


def test_using_excessive_force_is_repression() -> None:
    found = top_event_fields("An inquiry found that riot police used excessive force at the rally.")
    assert found[:3] == ("ASSAULT", "175", "riot police")
    assert not any(e["plover_type"] == "PROTEST" and e["source"]["text"] == "riot police"
                   for e in text_events("An inquiry found that riot police used excessive force at the rally."))


def test_using_force_against_a_party_is_repression_against_it() -> None:
    assert top_event_fields("The army used force against the striking dockers.") == (
        "ASSAULT", "175", "army", "striking dockers")


def test_forces_a_state_uses_to_strike_are_no_repression() -> None:
    assert top_event_fields("Russia used its air force to strike Kyiv.")[:2] == ("ASSAULT", "190")


def test_a_team_of_doctors_sent_is_aid() -> None:
    found = top_event_fields("Cuba sent a team of doctors to Italy.")
    assert found == ("AID", "073", "Cuba", "Italy")
    assert top_event_fields("The WHO sent a team of doctors to the flooded districts.")[3] is None


def test_a_team_alone_stays_an_envoys_team() -> None:
    assert top_event_fields("The army sent a team to negotiate with the rebels.")[:2] == ("AGREE", "036")


def test_sharing_intelligence_is_sharing_information() -> None:
    assert top_event_fields("Jordan shared intelligence with the United States on the plot.") == (
        "COOPERATE", "064", "Jordan", "United States")


def test_intelligence_agreed_to_be_shared_is_no_party() -> None:
    events = text_events("India and Bangladesh agreed to share intelligence on militant groups.")
    assert events and not any((e["target"] or {}).get("text") == "intelligence" for e in events)
    assert ("0314", "India", "Bangladesh") in {(e["cameo_code"], e["source"]["text"], (e["target"] or {}).get("text")) for e in events}


def test_the_infinitive_of_a_passive_is_no_object_of_the_verb() -> None:
    # "X is expected to visit Y" is X's visit, told as likely: no visit expected of nobody with X as its target
    events = text_events("The Kenyan president is expected to visit Accra next week.")
    assert not any(e["source"]["text"] == "" and (e["target"] or {}).get("text") == "Kenyan president" for e in events)
    assert top_event_fields("The Kenyan president is expected to visit Accra next week.")[2:] == ("Kenyan president", "Accra")


def test_a_visit_expected_by_a_party_stays_its_own() -> None:
    assert top_event_fields("China expects a visit from the Japanese premier.")[:3] == ("AGREE", "036", "China")


def test_legislators_who_walk_out_protest() -> None:
    assert top_event_fields("Several opposition senators walked out during the budget debate.")[:3] == (
        "PROTEST", "140", "Several opposition senators")
    # (nurses who walk out strike, as before)
    assert top_event_fields("Nurses walked out over unpaid wages.")[:2] == ("PROTEST", "143")


def test_a_complaint_is_against_whom_its_against_phrase_names() -> None:
    assert top_event_fields("Lebanon registered a complaint with the Security Council against Israel.") == (
        "ACCUSE", "114", "Lebanon", "Israel")


def test_a_complaint_with_no_against_phrase_goes_to_its_addressee() -> None:
    assert top_event_fields("Seoul lodged an official complaint with Tokyo over the textbook.")[2:] == ("Seoul", "Tokyo")


def test_territory_taken_from_a_party_is_taken_from_it() -> None:
    assert top_event_fields("Government troops recaptured the town from jihadist fighters on Sunday.") == (
        "COERCE", "192", "Government troops", "jihadist fighters")


def test_people_taken_from_a_place_stay_the_target() -> None:
    # (the origin of people held is no party they were taken from)
    assert top_event_fields("Coast guards detained 14 fishermen from Jaffna.")[3] != "Jaffna"


def test_internet_services_suspended_are_the_internet_cut_off() -> None:
    found = top_event_fields("The governor halted internet services in two towns after the riots.")
    assert found[:3] == ("COERCE", "1721", "governor")


def test_a_service_of_no_medium_stays_no_restriction() -> None:
    # (control: "bus services" hold buses, which no pattern of closing names)
    assert not any(e["cameo_code"] == "1721" for e in text_events("The city suspended bus services on Sunday because of the snow."))


def test_goods_shipped_to_a_state_are_trade() -> None:
    found = top_event_fields("Ghana shipped 20,000 tonnes of cocoa beans to China last month.")
    assert found[:3] == ("COOPERATE", "061", "Ghana")


def test_weapons_and_food_shipped_stay_aid() -> None:
    # (controls: what was aid before the trade pattern stays aid, by the patterns written beside it)
    assert top_event_fields("Iran shipped drones and artillery shells to Russia last year.")[:2] == ("AID", "072")
    assert top_event_fields("Egypt shipped 500 tonnes of food to Sudan on Friday.")[0] == "AID"


def test_a_shipment_with_no_receiver_stays_no_act() -> None:
    # (control: the pattern needs the party the goods go to)
    assert not any(e["plover_type"] for e in text_events("The mining company shipped its first cargo of copper last week."))


def test_a_count_added_is_growth_not_cooperation() -> None:
    """Before: GRANT's "add" (060) coded a business that "added 3 million subscribers" as cooperating with them; it
    now codes nothing with a count taken in (event_verbs.tsv, uncounted)."""
    assert not [e for e in text_events("The carrier said it had added 3 million customers in the quarter.", "t-add") if e["plover_type"]]
    assert not [e for e in text_events("The hospital added 60 beds to its wards.", "t-add") if e["plover_type"]]
