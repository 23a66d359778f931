"""Posts taken away or taken up are no acts between parties (issue 14).

Sentences are the team's own. "dismiss" (DESPATCH, 110 disapprove) and "fire" (EXPLOSIVE_DESTRUCTION, 190 force) are
restated in ``event_verbs.tsv`` with the object kind "thing": their default codes hold with no object or one that
names no people (rockets fired, fire opened on a crowd), not when the object is a person whose post is taken away (a
minister dismissed, a coach fired). "swear in" (a phrasal verb of SUCCEED, coding nothing alone, as "take office") is
no allegation, which the dictionary's bare "swear" (110) is.
"""

from __future__ import annotations

import pytest
from conftest import text_events, top_typed_event


def _typed(text: str) -> list[dict]:
    return [e for e in text_events(text, "t-dismissals") if e["plover_type"]]


@pytest.mark.parametrize("text", [
    "The prime minister dismissed her finance minister on Friday after the budget row.",
    "The president fired the governor of the central bank on Tuesday.",
    "The club fired its head coach after a run of defeats.",
])
def test_a_post_taken_away_codes_nothing(text: str) -> None:
    assert _typed(text) == []


@pytest.mark.parametrize("text, code, target", [
    ("Militants fired rockets at police posts in the town overnight.", "19", "police posts"),
    ("Soldiers fired on the marchers near the bridge.", "19", "marchers"),
    ("Border guards fired warning shots at smugglers.", "19", "smugglers"),
])
def test_weapons_fired_are_still_force(text: str, code: str, target: str) -> None:
    top = top_typed_event(_typed(text))
    assert top["plover_type"] == "ASSAULT" and top["cameo_code"].startswith(code) and top["target"]["text"] == target



@pytest.mark.parametrize("text", [
    "The king swore in the new cabinet at the royal palace on Tuesday.",
    "The new governor was sworn in at the state house on Monday.",
])
def test_a_swearing_in_is_no_allegation(text: str) -> None:
    assert _typed(text) == []
