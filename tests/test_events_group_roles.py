"""Parties named as a group: "both sides", "the Russian side", "world leaders" (issue 14, ``event_agents.tsv`` rows
"sides"/"side" and ``participants._GROUP_ROLES``). Sentences are the team's own.

The parties of a conflict or a talk are often named only as its sides, and a summit's as leaders: a plural role that
no one person resolves is a group actor of no sector in particular, like "factions". One side needs an owner, and
a side "of" something is part of a place. A single leader still needs a name or a state.
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


def _typed(text: str) -> list[dict]:
    return [e for e in text_events(text, "t-groups") if e["plover_type"]]


def test_both_sides_are_the_doers() -> None:
    top = top_typed_event(_typed("Both sides agreed to a ceasefire in Doha."))
    assert top["plover_type"] == "AGREE"
    assert (top["source"]["text"], top["source"]["sector"]) == ("Both sides", "UNK")


def test_a_side_with_an_owner_is_that_party() -> None:
    top = top_typed_event(_typed("The Russian side rejected the proposal."))
    assert (top["plover_type"], top["source"]["text"]) == ("REJECT", "Russian side")


def test_world_leaders_are_a_group_actor() -> None:
    top = top_typed_event(_typed("World leaders condemned the coup in Niger."))
    assert (top["plover_type"], top["source"]["text"]) == ("ACCUSE", "World leaders")


def test_the_side_of_a_place_is_no_party() -> None:
    events = _typed("Israeli troops advanced on the Syrian side of the frontier.")
    assert all((e["target"] or {}).get("text") != "Syrian side of the frontier" for e in events)


def test_one_unnamed_leader_is_no_actor() -> None:
    assert _typed("The leader condemned the attack.") == []
