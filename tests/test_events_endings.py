"""Ending an act (``event_endings.tsv``): a verb of ending whose object is an act noun codes the ending, not the act.

Sentences are the team's own, written to show the phenomenon.
"""

from __future__ import annotations

import pytest

from conftest import text_events
from streams.extraction.events.knowledge import DATA_FILES, knowledge
from streams.extraction.events.tables import code_info


def _events(text: str) -> list[dict]:
    return text_events(text, "t-endings")


def test_ending_codes_follow_the_act_by_longest_prefix():
    kb = knowledge()
    assert "event_endings.tsv" in DATA_FILES
    assert kb.ending_of("190") == "0871"  # ending an offensive: a truce
    assert kb.ending_of("191") == "0872"  # lifting a siege or blockade
    assert kb.ending_of("1723") == "0813"  # lifting a curfew
    assert kb.ending_of("143") == "082"  # ending a strike eases dissent
    assert kb.ending_of("046") == "164"  # suspending talks halts negotiations
    assert kb.ending_of("010") == ""  # a statement is not an act one ends


def test_halting_an_offensive_is_no_assault():
    """Before: the act noun took the agent of the ending verb and came out as the rebels' assault."""
    events = _events("The rebels halted their offensive against the capital on Friday.")
    types = {e["plover_type"] for e in events}
    assert "ASSAULT" not in types
    ended = [e for e in events if e["cameo_code"].startswith("087")]
    assert ended and ended[0]["source"]["text"].lower().endswith("rebels")


def test_lifting_a_siege_eases_the_blockade_of_its_place():
    events = _events("The army lifted the siege of Kandar on Monday.")
    assert [e["cameo_code"] for e in events] == ["0872"]
    assert events[0]["target"]["text"] == "Kandar"


def test_relaxing_a_curfew_eases_it():
    """LOOSEN's verbs end an act as CANCEL's do; before, the verb's default (yield, 080) was all it said."""
    events = _events("The junta relaxed the curfew in the capital on Monday.")
    assert [e["cameo_code"][:3] for e in events] == ["081"]


@pytest.mark.parametrize("text", [
    "The envoys moved the talks to Geneva.",  # a verb of the lift block that ends nothing
    "The rebels halted the ministers on the road.",  # the object is no act: nothing is ended
    "The talks ended on Friday.",  # no agent and no object: the act just stopped
])
def test_no_ending_without_an_act_ended_by_someone(text):
    assert not any(code_info(e["cameo_code"]).plover_type in ("RETREAT", "CONCEDE") for e in _events(text))


def test_a_relation_ended_is_coded_with_the_party_its_phrase_names():
    """``event_relations.tsv``: trade, ties or membership are no act, so ending them found no act noun and no
    pattern of the CANCEL block: the suspension coded nothing."""
    kb = knowledge()
    assert "event_relations.tsv" in DATA_FILES and kb.relations["trade"] == "163"
    trade = [e for e in _events("Ankara suspended all trade with Israel on Thursday.") if e["cameo_code"] == "163"]
    assert trade and (trade[0]["source"]["text"], trade[0]["target"]["text"]) == ("Ankara", "Israel")
    member = [e for e in _events("The African Union suspended Niger's membership after the coup.") if e["cameo_code"] == "160"]
    assert member and member[0]["target"]["text"] == "Niger"
    ties = [e for e in _events("Rabat halted its diplomatic ties with Berlin.") if e["cameo_code"] == "161"]
    assert ties and ties[0]["target"]["text"] == "Berlin"


def test_a_relation_that_goes_on_codes_nothing():
    assert not [e for e in _events("Trade with China rose sharply last year, the ministry said.") if e["plover_type"]]


def test_ending_ones_part_in_an_act_ends_that_act_for_the_party():
    """frames._taken_part_in: "suspended its participation in the dialogue" halts the negotiations for the party that
    suspends its part (164), with the other party of the talks as target; no meeting is coded."""
    for text, source, target in (
            ("The opposition alliance suspended its participation in the national dialogue with the ruling party.",
             "opposition alliance", "ruling party"),
            ("Ethiopia ended its involvement in the peace talks with the rebels on Monday.", "Ethiopia", "rebels")):
        events = _events(text)
        assert [(e["cameo_code"], e["source"]["text"], (e["target"] or {}).get("text")) for e in events] == [("164", source, target)], text


def test_an_act_frozen_is_halted():
    """Before: FREEZE was no block of ending, so freezing an act the block has no pattern for (talks, budget support)
    coded nothing; its own patterns (aid, relations) already read a halt."""
    talks = [e for e in _events("The government froze peace talks with the rebels after the ambush.") if e["plover_type"]]
    assert talks and (talks[0]["cameo_code"], talks[0]["source"]["text"], talks[0]["target"]["text"]) == (
        "164", "government", "rebels")
    support = [e for e in _events("Oslo froze its budget support to Lilongwe on Tuesday.") if e["plover_type"]]
    assert support and support[0]["cameo_code"].startswith("162") and support[0]["target"]["text"] == "Lilongwe"


@pytest.mark.parametrize("text", ["The frost froze the river overnight.", "The retailer froze hiring for the winter."])
def test_freezing_no_act_ends_nothing(text):
    assert not [e for e in _events(text) if e["plover_type"]]
