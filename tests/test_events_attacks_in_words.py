"""A thing of words attacked is attacked in words (issue 14, ``event_verbal_settings.tsv`` rows "object").
Sentences are the team's own.

A verb of assault whose dictionary block codes attacks in words (PETRARCH2's BLAST and ATTACK blocks) and whose
object is a law, a plan, a decision or remarks criticises (CAMEO 111, PLOVER ACCUSE); the possessor of the object
is the target. A convoy or a building attacked is still an assault, and breaking a law or taking measures is no
criticism.
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


def _typed(text: str) -> list[dict]:
    return [e for e in text_events(text, "t-words") if e["plover_type"]]


def test_blasting_a_law_is_a_criticism() -> None:
    top = top_typed_event(_typed("The union blasted the new labour law."))
    assert (top["cameo_code"], top["plover_type"], top["source"]["text"]) == ("111", "ACCUSE", "union")


def test_the_owner_of_a_decision_attacked_in_words_is_the_target() -> None:
    top = top_typed_event(_typed("The opposition assailed the president's decision to sack the army chief."))
    assert top["plover_type"] == "ACCUSE"
    assert (top["source"]["text"], top["target"]["text"]) == ("opposition", "president")


def test_a_convoy_or_a_building_attacked_is_an_assault() -> None:
    assert top_typed_event(_typed("Rebels attacked the convoy near the border."))["plover_type"] == "ASSAULT"
    assert top_typed_event(_typed("Militants attacked the parliament building."))["plover_type"] == "ASSAULT"


def test_breaking_a_law_or_taking_measures_is_no_criticism() -> None:
    assert not [e for e in _typed("Local councils have broken the law by banning the march.") if e["cameo_code"] == "111"]
    assert not [e for e in _typed("The government has taken measures to cut power use.") if e["cameo_code"] == "111"]


def test_a_fight_among_office_holders_parties_or_firms_is_fought_in_words() -> None:
    """Before: the verb's default act of force held, so two politicians who clashed over a budget assaulted each other
    (builder._unarmed_fight). Every party bears no arms, and there is an opponent."""
    clash = top_typed_event(_typed("The two party leaders clashed over the budget."))
    assert (clash["cameo_code"], clash["plover_type"], clash["source"]["text"]) == ("111", "ACCUSE", "two party leaders")
    fight = top_typed_event(_typed("Republican lawmakers attacked the governor over the tax plan."))
    assert (fight["plover_type"], fight["source"]["text"], fight["target"]["text"]) == ("ACCUSE", "Republican lawmakers", "governor")


def test_a_fight_with_arms_bearers_states_or_no_opponent_stays_an_assault() -> None:
    assert top_typed_event(_typed("Government troops attacked the senator's convoy."))["plover_type"] == "ASSAULT"
    assert top_typed_event(_typed("Russia attacked Ukraine overnight."))["plover_type"] == "ASSAULT"
    assert top_typed_event(_typed("The minister was attacked outside his home."))["plover_type"] == "ASSAULT"
    police = [e for e in _typed("Police clashed with protesters outside the ministry.") if e["source"]["text"] == "Police"]
    assert police and police[0]["plover_type"] == "ASSAULT"
