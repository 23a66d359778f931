"""Disapproval voiced is an accusation whatever verb voices it (issue 14, rows of ``event_nouns.tsv``). Sentences
are the team's own.

PETRARCH2 codes a noun of disapproval (dissatisfaction, displeasure, outrage, anger ...) as CAMEO 110/111 after one
verb of expression and not after another ("express" has "dissatisfaction", "voice" has not). As event nouns they code
after any verb, aimed at what a preposition names; a thing aimed at stands for its possessor ("with X's decision").
A mood with nothing it is aimed at is no act.
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


def _typed(text: str) -> list[dict]:
    return [e for e in text_events(text, "t-disapproval") if e["plover_type"]]


def test_dissatisfaction_voiced_at_a_possessor_accuses_the_possessor() -> None:
    top = top_typed_event(_typed("Hanoi voiced deep dissatisfaction with the Chinese coast guard's conduct near the reef."))
    assert (top["plover_type"], top["source"]["text"]) == ("ACCUSE", "Hanoi")
    assert top["target"]["text"] == "Chinese coast guard"


def test_displeasure_registered_with_an_envoy() -> None:
    top = top_typed_event(_typed("The foreign ministry registered its displeasure with the Belgian ambassador."))
    assert top["plover_type"] == "ACCUSE"
    assert top["target"]["text"] == "Belgian ambassador"


def test_a_mood_aimed_at_nothing_is_no_act() -> None:
    assert _typed("Anger spread across the capital as bread prices doubled.") == []
