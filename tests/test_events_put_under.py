"""Put under an act, and forces massed (issue 14). Sentences are the team's own.

- An act noun under "under" or "into" befalls the one put there: the direct object of an active verb ("placed the
  envoy under house arrest") or the subject of a passive; the doer is the active verb's subject or the passive's
  "by" agent (``frames._put_under``, ``frames._putters``). Before, the active form gave no event, the doer of the
  passive was lost.
- "mass" troops is the dictionary's "amass" (``event_verbs.tsv``, block ASSEMBLE: "- * &MILITARY [154]").
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


def _typed(text: str) -> list[dict]:
    return [e for e in text_events(text, "t-put-under") if e["plover_type"]]


def test_placed_under_arrest_by_an_active_verb() -> None:
    top = top_typed_event(_typed("The military council placed the deposed premier under house arrest."))
    assert (top["plover_type"], top["source"]["text"], top["target"]["text"]) == ("COERCE", "military council", "deposed premier")


def test_placed_under_arrest_by_a_passive_with_its_agent() -> None:
    top = top_typed_event(_typed("The deposed premier was placed under house arrest by the military council."))
    assert (top["source"]["text"], top["target"]["text"]) == ("military council", "deposed premier")


def test_troops_massed_are_a_build_up() -> None:
    top = top_typed_event(_typed("Azerbaijan massed troops near the border with Armenia."))
    assert (top["cameo_code"], top["plover_type"], top["source"]["text"]) == ("154", "MOBILIZE", "Azerbaijan")
