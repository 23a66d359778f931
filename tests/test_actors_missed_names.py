"""Actors the tagger or the agents dictionary misses, on sentences of the team's own:

- a sentence's first word is capitalised whatever it is, so a common word before a country's name ("Neighbouring
  Chile", "Landlocked Nepal") runs into the name for the tagger, which then marks nothing; the name starts after it
  (``entities._place_mentions``), and the country is the actor;
- the dictionary lists its collective bodies under one head noun ("aid groups", "human rights groups" ~NGO), where
  English writes another for the same body ("aid agencies", "human rights organisations"): the head is read as the
  dictionary's (``actors_agent_heads.tsv``), only inside a phrase of the dictionary's words ("travel agencies" or
  "the agencies" alone name no actor);
- a part of a named organisation acts for it (event_agents.tsv, sector OWN): "the armed wing of X", "the Sindh chapter
  of the X Association" are X's, the place before the noun saying only where the part is
  (``participants._owner_at(group=True)``); with no organisation as owner it is no one ("the west wing"); a tribal
  council ("a jirga of elders") is an actor.
"""

from __future__ import annotations

import pytest
from conftest import text_events, top_typed_event


def _top(text: str) -> tuple[str, str, str | None]:
    top = top_typed_event(text_events(text))
    return top["plover_type"], top["source"]["text"], (top["target"] or {}).get("text")


@pytest.mark.parametrize("text, country", [
    ("Neighbouring Chile offered rescue teams to Bolivia after the landslide.", "CHL"),
    ("Landlocked Nepal asked India to reopen the border crossings.", "NPL"),
    ("Oil-rich Kuwait pledged fresh loans to Jordan on Sunday.", "KWT"),
])
def test_a_common_word_opening_the_sentence_is_no_part_of_the_name(text: str, country: str) -> None:
    top = top_typed_event(text_events(text))
    assert top["source"]["country"] == country, top["source"]


def test_a_name_that_starts_with_a_common_word_stays_whole() -> None:
    # "New Zealand", "North Korea": the whole run is the name, nothing is cut
    assert _top("North Korea fired two missiles toward Japan on Friday.")[1:] == ("North Korea", "Japan")
    assert _top("New Zealand sent engineers to help Fiji rebuild.")[1] == "New Zealand"


@pytest.mark.parametrize("text, source, listed", [
    ("Aid agencies urged the army to let convoys reach the besieged town.", "Aid agencies", "Aid groups"),
    ("Human rights organisations accused the police of beating detainees.", "Human rights organisations",
     "Human rights groups"),
    ("Several relief agencies and aid organizations asked donors for more money.", "aid organizations", "aid groups"),
])
def test_a_collective_head_is_read_as_the_dictionarys(text: str, source: str, listed: str) -> None:
    top = top_typed_event(text_events(text))
    assert source in top["source"]["text"], top["source"]
    # the same actor as the dictionary's own phrase in the same sentence
    same = top_typed_event(text_events(text.replace(source, listed)))
    assert (top["source"]["country"], top["source"]["sector"]) == (same["source"]["country"], same["source"]["sector"])
    assert top["source"]["sector"] is not None


@pytest.mark.parametrize("text", [
    "Travel agencies urged the ministry to cut visa fees.",
    "The agencies urged the ministry to cut visa fees.",
])
def test_a_collective_head_alone_or_outside_the_dictionary_names_no_one(text: str) -> None:
    top = top_typed_event(text_events(text))
    assert top["source"]["text"] == "" and top["source"]["sector"] is None, top["source"]


@pytest.mark.parametrize("text, source", [
    ("The armed wing of Hamas fired rockets at Ashkelon on Sunday.", "armed wing of Hamas"),
    ("The Karachi chapter of the Pakistan Nurses Federation gave the health department an ultimatum.",
     "Karachi chapter of the Pakistan Nurses Federation"),
    ("A jirga of Afridi elders held talks with militant commanders in Khyber.", "jirga of Afridi elders"),
])
def test_a_part_or_a_council_of_a_group_acts_for_it(text: str, source: str) -> None:
    assert _top(text)[1] == source


def test_a_wing_of_no_organisation_is_no_one() -> None:
    assert not [e for e in text_events("The west wing of the old palace collapsed in the night.") if e["plover_type"]]

