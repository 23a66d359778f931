"""A verb the parser read into the phrase of a place after the subject (``events/headline_verbs.py``); people left dead
or hurt, and the participle that says the state a party is left or found in (``event_patterns.tsv``,
``slots.stated_participle``); a freeze imposed; food handed out in rations (``event_synsets.tsv``).

Sentences are the team's own, written to show each phenomenon.
"""

from __future__ import annotations

import pytest

from conftest import text_events, top_event_fields


def typed(text: str) -> list[dict]:
    return [e for e in text_events(text) if e["plover_type"]]


@pytest.fixture(scope="module")
def parsed():
    from streams.extraction.events.components import annotate
    from streams.extraction.nlp import load_nlp, parse

    def run(text: str):
        return annotate(load_nlp(), next(parse([text])))

    return run


def test_a_verb_read_into_a_place_phrase_heads_the_sentence_again(parsed) -> None:
    # the small model reads "Punjab" as an adjective and the verb as a modifier of the noun after it: one noun phrase
    doc = parsed("Doctors in Punjab boycotted hospitals for a second day.")
    verb = next(t for t in doc if t.text == "boycotted")
    assert doc._.headline_verbs == (verb.i,) and verb.dep_ == "ROOT" and verb.tag_ == "VBD"
    assert {(c.text, c.dep_) for c in verb.children} >= {("Doctors", "nsubj"), ("hospitals", "dobj")}
    assert top_event_fields("Doctors in Punjab boycotted hospitals for a second day.")[::2] == ("PROTEST", "Doctors")
    # and where the parser made the purpose infinitive the root, with the subject hung on it
    assert top_event_fields("Farmers in Punjab blocked railway tracks for a third day to press for higher crop prices.")[::2] == (
        "PROTEST", "Farmers")


def test_a_place_phrase_the_parser_read_right_is_left_alone(parsed) -> None:
    # control: the verb already heads the sentence; nothing is re-attached
    doc = parsed("Students in Dhaka blocked roads on Monday.")
    assert doc._.headline_verbs == ()
    assert top_event_fields("Students in Dhaka blocked roads on Monday.")[::2] == ("PROTEST", "Students")


def test_people_left_dead_or_hurt_were_harmed() -> None:
    assert top_event_fields("Gunmen left two guards dead.") == ("ASSAULT", "190", "Gunmen", "guards")
    assert top_event_fields("Militants left dozens injured near the checkpoint.") == ("ASSAULT", "180", "Militants", "dozens")
    # with no one named who did it, the harmed are still the target
    assert top_event_fields("The ambush left three policemen dead.")[::3] == ("ASSAULT", "policemen")
    # control: a party that leaves in a state harms no one
    assert "ASSAULT" not in {e["plover_type"] for e in typed("The ambassador left the talks early, visibly angry.")}


def test_a_participle_after_the_object_is_undergone() -> None:
    # "left dozens | injured", "found the man | wounded": the party is in that state, it did not do it
    for text, party in (("The fire left dozens injured.", "dozens"), ("Police found the man injured.", "man"),
                        ("Rescuers saw two climbers stranded.", "climbers")):
        assert all(e["source"]["text"] != party for e in text_events(text)), text
    # control: a participle with an object of its own is an act of its subject
    assert top_event_fields("Police said a soldier wounded two robbers.")[2:] == ("soldier", "robbers")


def test_a_freeze_imposed_on_a_party_is_a_sanction() -> None:
    assert top_event_fields("The EU imposed a freeze on the assets of three ministers.") == ("COERCE", "163", "EU", "ministers")
    # control: restrictions imposed keep their own code
    assert top_event_fields("The junta imposed restrictions on foreign journalists.")[1] == "1721"


def test_food_in_rations_or_parcels_is_food_aid() -> None:
    assert top_event_fields("The World Food Programme delivered food rations to displaced families.")[:2] == ("AID", "073")
    # control: a letter delivered is no aid
    assert not [e for e in typed("The envoy delivered a letter to the displaced families.") if e["plover_type"] == "AID"]


def test_a_month_named_like_a_verb_is_the_verb_in_a_title_case_headline() -> None:
    from streams.extraction.truecase import truecase

    assert truecase("Hundreds March in Yerevan Against Pension Cuts") == "Hundreds march in Yerevan against pension cuts"
    assert top_event_fields("Hundreds March in Yerevan Against Pension Cuts")[::2] == ("PROTEST", "Hundreds")
    # control: after a word that leads to a date, or before a day's number, it is the month
    assert truecase("Vote Delayed Until March Over Security Fears") == "Vote delayed until March over security fears"
    assert truecase("Summit Moved to March 3 After Storm Hits Capital") == "Summit moved to March 3 after storm hits capital"


def test_traders_who_shut_their_shops_strike() -> None:
    assert top_event_fields("Traders closed their shops across the bazaar against the new sales levy.")[:3] == (
        "PROTEST", "143", "Traders")
    # control: police who close shops impose a curfew, as the dictionary's pattern says
    assert top_event_fields("Police closed all shops in the old quarter.")[:2] == ("COERCE", "1723")


def test_a_hope_that_asks_no_one_is_said_not_appealed() -> None:
    assert not typed("The foreign minister said he hoped a settlement could be reached before winter.")
    # control: one who hopes another party will act asks it
    assert top_event_fields("The United States hopes Iran will come back to the negotiating table.")[::3] == ("REQUEST", "Iran")


def test_a_role_of_a_named_owner_is_linked_to_that_owner() -> None:
    events = typed("Israel accused a Hamas official of smuggling weapons.")
    target = next(e["target"] for e in events if e["plover_type"] == "ACCUSE")
    assert (target["text"], target["canonical"]) == ("Hamas official", "Hamas") and target["entity"] is not None
    # control: an agent noun of the dictionary is typed by its own words and links to no entity
    source = top_event_fields("Afghan police arrested two smugglers near the border.")[2]
    assert source == "Afghan police"
    assert all(e["source"]["entity"] is None for e in typed("Afghan police arrested two smugglers near the border."))


def test_power_transferred_to_another_party_is_yielded() -> None:
    assert top_event_fields("The junta transferred power to a newly elected president.")[:2] == ("CONCEDE", "080")
    # control: goods transferred are no concession
    assert "CONCEDE" not in {e["plover_type"] for e in typed("The junta transferred prisoners to a jail in the capital.")}


def test_measures_announced_threaten_only_those_they_are_against() -> None:
    assert not typed("The finance ministry announced new measures to ease the tax burden on small farms.")
    # control: measures announced against a party, or retaliatory ones, threaten
    assert top_event_fields("Beijing announced measures against the island's ruling party.")[::2] == ("THREATEN", "Beijing")
    assert top_event_fields("Moscow announced retaliatory measures after the expulsions.")[::2] == ("THREATEN", "Moscow")


def test_one_party_operation_is_no_cooperation() -> None:
    assert not [e for e in typed("Ugandan troops carried out an operation near the lake shore.") if e["plover_type"] == "COOPERATE"]
    # control: one called joint, or done by two parties, is
    assert top_event_fields("The navy carried out joint operations in the strait.")[:2] == ("COOPERATE", "062")
    assert [e for e in typed("Ugandan and Congolese troops carried out a joint operation near the lake shore.") if e["cameo_code"] == "062"]


def test_private_people_praising_or_gathering_with_no_party_named_is_no_event() -> None:
    assert not typed("The novelist thanked her readers for years of loyalty.")
    assert not typed("Hundreds of pilgrims gathered at the old monastery for the feast day.")
    # control: their accusations stay coded, and so does praise of a party named
    assert top_event_fields("Villagers blamed the district council for the flooding.")[0] == "ACCUSE"
    assert top_event_fields("The novelist thanked the Norwegian government for its support.")[::3] == ("SUPPORT", "Norwegian government")


def test_organising_a_thing_is_no_cooperation() -> None:
    assert not typed("Nurses at the clinic organised a raffle for a new ambulance.")
    # control: what is organised may itself be the act, coded by its noun or the block's pattern
    assert top_event_fields("Opposition parties organised a rally against the new tax.")[0] == "PROTEST"
    assert top_event_fields("The African Union organized a conference on Sudan.")[1] == "026"


def test_an_intent_whose_target_is_its_own_deeds_object_is_no_event() -> None:
    assert not typed("The health ministry plans to recruit 3,000 new nurses next year.")
    # an act coded as intended carries the intent: the bare one would aim at the troops sent
    assert [(e["cameo_code"], e["target"]["text"]) for e in typed("Norway plans to send troops to Latvia next spring.")] == [
        ("0332", "Latvia")]
    # control: an intent whose infinitive names an act, or that names a partner, stays
    assert top_event_fields("Japan wants to work with India on maritime security.")[::3] == ("AGREE", "India")


@pytest.mark.parametrize("text, party", [("Journalist killed in Kismayo.", "Journalist"),
                                         ("Two nurses abducted in northern Mali.", "nurses")])
def test_a_headline_ended_with_a_full_stop_keeps_its_passive(text: str, party: str) -> None:
    events = typed(text)
    assert events and all(e["source"]["text"] != party for e in events), events
    assert any((e["target"] or {}).get("text") == party for e in events), events


def test_a_past_tense_with_a_full_stop_stays_active() -> None:
    # control: the tagger's past tense of a verb done without an object keeps its doer
    assert top_event_fields("Gunmen attacked at dawn.")[2] == "Gunmen"


def test_placed_under_arrest_is_detained() -> None:
    assert top_event_fields("Soldiers placed the deposed governor under house arrest.") == ("COERCE", "173", "Soldiers", "deposed governor")
    assert top_event_fields("Former interior minister placed under house arrest")[::3] == ("COERCE", "Former interior minister")
    # control: placed on a list or in charge is no detention
    assert "COERCE" not in {e["plover_type"] for e in typed("The party placed the former minister in charge of its campaign.")}
