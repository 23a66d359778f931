"""Workers' federations, British spellings of agent phrases, and protests over a party's matter (issue 14).

- The agents dictionary lists "labor union" but not a federation or a confederation of workers, and mixes British and
  American spellings; a federation is read as the dictionary's union (``actors_agent_heads.tsv``) and every agent
  phrase is also looked up in the other spelling (``actors_spellings.tsv``), so a "labour federation" is an actor.
- A protest "over" a matter is aimed at the one the matter's possessive names ("went on strike over the ministry's
  decision"), on a verb and on a protest noun alike; a modifier of the matter names no one ("over cell conditions").

Sentences written for this file.
"""

from __future__ import annotations

import pytest
from conftest import text_events

from streams.extraction.actor_dictionary import agent_actor
from streams.extraction.nlp import load_nlp


def _pairs(text: str, plover: str) -> set[tuple[str, str | None]]:
    return {(e["source"]["text"], (e["target"] or {}).get("text")) for e in text_events(text) if e["plover_type"] == plover}


@pytest.mark.parametrize("phrase, sector", [("labour federation", "LAB"), ("labor confederation", "LAB"),
                                            ("labour union", "LAB"), ("defence ministry", "GOV")])
def test_federations_and_british_spellings_are_agents(phrase: str, sector: str) -> None:
    doc = load_nlp()(f"The {phrase} said nothing.")
    found = agent_actor(doc[1:3], None)
    assert found is not None and sector in found.sector


def test_a_federation_of_no_listed_body_is_no_agent() -> None:
    # control: the dictionary has no "football union", so a football federation is no actor by the agents list
    doc = load_nlp()("The football federation said nothing.")
    assert agent_actor(doc[1:3], None) is None


def test_a_labour_federation_strike_has_its_doer() -> None:
    assert _pairs("The national labour federation staged a general strike on Monday.", "PROTEST") == {
        ("national labour federation", None)}


def test_a_protest_over_a_partys_matter_is_aimed_at_it() -> None:
    assert _pairs("Nurses went on strike over the health ministry's decision to cut overtime pay.", "PROTEST") == {
        ("Nurses", "health ministry")}
    assert _pairs("Nurses protested over the health ministry's decision.", "PROTEST") == {("Nurses", "health ministry")}


def test_a_protest_over_a_kind_of_matter_has_no_target() -> None:
    # control: "cell" only says what conditions they are
    assert _pairs("A jailed blogger started a hunger strike over cell conditions.", "PROTEST") == {("jailed blogger", None)}


def test_the_spellings_table_is_part_of_the_coders_version() -> None:
    from streams.extraction.events.knowledge import DATA_FILES

    assert "actors_spellings.tsv" in DATA_FILES
