"""Adjectives spelt as agent nouns (issue 14).

Sentences are the team's own.
- English names the doers of an act with a modifier spelt as the agent noun ("terrorist attacks", "military
  strikes", "militant raids"); the tagger reads it as an adjective, but it names the doer as the noun modifier
  does ("rebel attacks");
- the same modifier on a thing names its owner, who undergoes what is done to it ("shelled rebel positions",
  "bombed militant hideouts"), as "army posts" does;
- it is no actor of its own where its head is an agent ("the military court" is the court; "militant groups" are
  groups of militants' sector), nor where another modifier names the doer ("Israeli military strikes").
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


def _events(text: str) -> list[dict]:
    return [e for e in text_events(text, "t-agent-adj") if e["plover_type"]]


def test_an_agent_adjective_names_the_doer_of_an_act() -> None:
    for text, sector in (("Terrorist attacks on the capital killed nine people on Friday.", "REB"),
                         ("Military strikes on a training camp killed six recruits.", "MIL"),
                         ("Paramilitary raids on two hamlets drove hundreds from their homes.", "PRM")):
        top = top_typed_event(_events(text))
        assert top is not None, text
        assert top["plover_type"] == "ASSAULT", text
        assert top["source"]["sector"] == sector, text


def test_an_agent_adjective_on_a_thing_names_its_owner() -> None:
    for text, word, sector in (("Army helicopters bombed militant hideouts in the hills.", "militant", "UAF"),
                               ("Police raided terrorist safe houses in the port city.", "terrorist", "REB")):
        top = top_typed_event(_events(text))
        assert top["plover_type"] == "ASSAULT", text
        assert top["target"]["sector"] == sector, text
        assert top["target"]["text"] == word, text


def test_a_head_that_is_an_agent_keeps_its_own_reading() -> None:
    top = top_typed_event(_events("The military court sentenced a retired colonel to ten years."))
    assert top["source"]["text"] == "military court"
    assert top["source"]["sector"] == "JUD"
    top = top_typed_event(_events("Militant groups attacked a checkpoint in the valley."))
    assert top["source"]["text"] == "Militant groups"
    assert top["source"]["sector"] == "UAF"


def test_a_named_modifier_beside_it_is_the_doer() -> None:
    evs = _events("Israeli military strikes on the camp wounded dozens.")
    assert evs
    assert {e["source"]["country"] for e in evs if e["plover_type"] == "ASSAULT"} == {"ISR"}
    assert all(e["source"]["text"] != "military" for e in evs)


def test_factions_are_actors_of_their_modifiers_sector() -> None:
    # event_agents.tsv: "faction(s)" as the dictionaries' ruling / opposition / guerilla faction, of the sector its
    # modifier names, alone of none in particular
    top = top_typed_event(_events("Rebel factions seized the main airport on Sunday."))
    assert top["source"]["text"] == "Rebel factions"
    assert top["source"]["sector"] == "REB"
    top = top_typed_event(_events("The warring factions signed a ceasefire in Geneva."))
    assert top["source"]["text"] == "warring factions"


def test_kin_of_listed_agent_nouns_are_actors() -> None:
    top = top_typed_event(_events("Marchers blocked the ring road for an hour."))
    assert (top["source"]["text"], top["source"]["sector"]) == ("Marchers", "CVL")
    top = top_typed_event(_events("Local warlords seized the river port."))
    assert top["source"]["sector"] == "UAF"
