"""Verbs and nouns the dictionaries lack, added as data (event_verbs.tsv, event_relations.tsv; issue 14).

Sentences are the team's own. Each row is held to the sense it is written for: its object kind keeps the verb from
coding in another sense.
"""

from __future__ import annotations

import pytest

from conftest import text_events, top_typed_event


def _typed(text: str) -> list[dict]:
    return [e for e in text_events(text, "t-team-verbs") if e["plover_type"]]


@pytest.mark.parametrize("text,target", [
    ("Troops neutralised five bandits in a raid on their camp.", "five bandits"),
    ("Soldiers neutralized twelve militants near the border.", "twelve militants"),
])
def test_enemies_neutralised_are_killed(text, target) -> None:
    top = top_typed_event(_typed(text))
    assert (top["cameo_code"], top["target"]["text"]) == ("190", target)


def test_a_thing_neutralised_is_no_killing() -> None:
    assert not _typed("Engineers neutralised a roadside bomb near the bridge.")


def test_sitting_down_with_people_is_a_meeting_and_with_a_thing_nothing() -> None:
    """frames._names_actor reads the role gazetteer too: "union leaders", "officials" name actors, which the agents
    dictionaries lack, so "sat down with union leaders" meets them."""
    top = top_typed_event(_typed("The minister sat down with union leaders on Sunday."))
    assert (top["plover_type"], top["source"]["text"], top["target"]["text"]) == ("CONSULT", "minister", "union leaders")
    assert not _typed("She sat down with a cup of tea.")


def test_relief_distribution_suspended_is_humanitarian_aid_stopped() -> None:
    top = top_typed_event(_typed("The World Food Programme suspended food distribution in the region."))
    assert (top["cameo_code"], top["source"]["text"]) == ("1623", "World Food Programme")
