"""Who an act befell when the act is a noun the sentence puts them under, and the party a pattern names (issue 14).

Sentences are the team's own.
- a passive that puts people "under" or "into" an act noun ("placed under house arrest", "taken into custody")
  says the act befell them, as "killed in an attack" does (frames.victims_of);
- a noun a dictionary pattern names after a preposition ("POLICE * WITH DEMONSTRATOR") is the one acted upon when
  it is an actor, as a pattern's object noun already was ("arrested protesters");
- a capitalised word at the start of a sentence that the tagger takes for a person's name is no person when it is a
  word of an agent phrase with its head ("Riot police": the agents dictionary's "riot police");
- people the tagger marked as part of a count ("nine detainees overnight" read as one QUANTITY) are what is counted,
  and can be acted upon (slots.is_time).
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


def _top(text: str) -> dict:
    return top_typed_event(text_events(text, "t-held"))


def test_people_placed_under_an_act_undergo_it() -> None:
    top = _top("The former premier was placed under house arrest on Sunday.")
    assert top["cameo_code"] == "173"
    assert top["target"]["text"] == "former premier"
    top = _top("Four reporters were taken into custody at the airport.")
    assert top["plover_type"] == "COERCE"
    assert top["target"]["text"] == "reporters"


def test_the_party_a_pattern_names_after_a_preposition_is_the_target() -> None:
    top = _top("Riot police clashed with demonstrators near the stadium.")
    assert top["source"]["sector"] == "COP"
    assert top["target"]["text"] == "demonstrators"
    assert top["target"]["sector"] == "CVL"


def test_a_capitalised_word_of_an_agent_phrase_is_no_person() -> None:
    top = _top("Riot police fired rubber bullets at the marchers.")
    assert top["source"]["text"] == "Riot police"
    assert top["source"]["sector"] == "COP"
    assert top["source"]["entity"] is None


def test_people_inside_a_count_the_tagger_marked_are_participants() -> None:
    top = _top("The junta freed nine detainees overnight.")
    assert top["cameo_code"] == "0841"
    assert top["target"]["text"] == "detainees"


def test_what_came_under_an_act_lends_its_owner() -> None:
    top = _top("An army convoy came under attack near the mountain pass.")
    assert top["plover_type"] == "ASSAULT"
    assert top["target"]["sector"] == "MIL"
