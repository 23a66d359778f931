"""What a verb of giving gives: a pattern's object is the thing given, not the party it is given to
(``frames.VerbFrame.given``); supplies flown somewhere are aid (``event_patterns.tsv`` t61); power handed over is yielded (t62);
financing approved is aid (``event_pattern_nouns.tsv``).

Sentences are the team's own, written to show each phenomenon.
"""

from __future__ import annotations

from conftest import top_event_fields


def test_an_ultimatum_given_to_an_army_is_a_threat_to_it() -> None:
    # GIVE's "&MILITARY" pattern (150) is troops given; the army here is who receives the ultimatum
    assert top_event_fields("The militia gave the army an ultimatum to quit the district by Friday.")[:4] == (
        "THREATEN", "139", "militia", "army")


def test_a_thing_given_to_a_party_keeps_its_pattern() -> None:
    # control: with no indirect object, the pattern reads the object as before
    assert top_event_fields("The EU gave Ukraine military aid worth 5 billion euros.")[:2] == ("AID", "070")


def test_supplies_flown_to_a_place_are_aid() -> None:
    fields = top_event_fields("Emergency supplies were flown to the flood zone by the Egyptian air force.")
    assert fields[:3] == ("AID", "073", "Egyptian air force")
    # control: a minister who flies somewhere travels
    assert top_event_fields("The foreign minister flew to Beijing on Sunday.")[1] == "036"


def test_power_handed_over_is_yielded() -> None:
    # an army that hands over power yields it; it does not surrender as troops do (YIELD's &MILITARY pattern)
    assert top_event_fields("The army handed over power to an interim civilian council.")[:2] == ("CONCEDE", "080")
    # control: weapons handed over are still a surrender of arms
    assert top_event_fields("The militia handed over its rifles to the army.")[0] == "RETREAT"


def test_financing_approved_for_a_state_is_aid() -> None:
    # event_pattern_nouns.tsv: "financing" fits the patterns' "aid", as "funding" does; ALLOW's bare default is a
    # concession (080)
    assert top_event_fields("The Islamic Development Bank has approved $900 million in financing for Sri Lanka.")[:2] == ("AID", "070")
    # control: funding, which the table already listed
    assert top_event_fields("The Islamic Development Bank has approved $900 million in funding for Sri Lanka.")[:2] == ("AID", "070")
