"""Leaving talks halts them (issue 14, ``knowledge.LEAVING_VERBS`` and ``frames._left_acts``). Sentences are the
team's own.

A verb of leaving whose "from" (or, after "out", "of") object is an act noun ends that act as a verb of ending does
with an object (``event_endings.tsv``): talks left are halted negotiations (CAMEO 164, PLOVER SANCTION). A place
left is still a retreat, and a treaty left keeps the dictionary's own pattern (161).
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


def _typed(text: str) -> list[dict]:
    return [e for e in text_events(text, "t-leave") if e["plover_type"]]


def test_withdrawing_from_talks_halts_negotiations() -> None:
    top = top_typed_event(_typed("The rebels withdrew from the peace talks in Geneva."))
    assert (top["cameo_code"], top["plover_type"], top["source"]["text"]) == ("164", "SANCTION", "rebels")


def test_walking_out_of_negotiations_halts_them_with_the_other_party() -> None:
    top = top_typed_event(_typed("The opposition walked out of the negotiations with the ruling party."))
    assert top["cameo_code"] == "164"
    assert top["target"]["text"] == "ruling party"


def test_pulling_out_read_as_a_preposition_still_leaves() -> None:
    assert top_typed_event(_typed("The government pulled out of the peace talks."))["cameo_code"] == "164"


def test_a_place_left_is_a_retreat_and_a_treaty_keeps_its_pattern() -> None:
    assert top_typed_event(_typed("The army withdrew from the town."))["plover_type"] == "RETREAT"
    assert top_typed_event(_typed("Washington withdrew from the nuclear treaty with Moscow."))["cameo_code"] == "161"
