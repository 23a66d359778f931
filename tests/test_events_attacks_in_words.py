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
