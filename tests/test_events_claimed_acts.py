"""An act whose responsibility is claimed is coded as the claimant's (issue 14).

Sentences are the team's own. A claim of responsibility (CAMEO 015, a statement, not published by default) names
who did the act it claims: "X claimed the bombing" and "X claimed responsibility for the attack" report an attack by
X, and so does what the claimed act did ("the attack, which killed ..."). Before, the claim consumed the act noun
(the dictionary's pattern names it) or left it with no doer, so a sentence that names the attacker coded nobody as
attacking. A claim that names no claimant lends no one.
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


def _top(text: str) -> dict | None:
    return top_typed_event(text_events(text, "t-claims"))


def test_a_claimed_bombing_is_the_claimant_s() -> None:
    top = _top("Boko Haram claimed the bombing of a market in Maiduguri.")
    assert (top["plover_type"], top["source"]["text"]) == ("ASSAULT", "Boko Haram")


def test_what_a_claimed_attack_did_is_the_claimant_s() -> None:
    top = _top("The Pakistani Taliban claimed responsibility for the attack, which killed nine police officers.")
    assert (top["plover_type"], top["source"]["text"]) == ("ASSAULT", "Pakistani Taliban")
    assert top["target"]["text"] == "police officers"
    top = _top("The ambush, which killed six soldiers, was claimed by an affiliate of al-Qaeda.")
    assert top["plover_type"] == "ASSAULT" and "al-Qaeda" in top["source"]["text"]


def test_a_claim_by_no_one_lends_no_doer() -> None:
    events = [e for e in text_events("No group has claimed responsibility for the blast at the station.", "t-claims")
              if e["plover_type"]]
    assert all(not e["source"]["text"] for e in events)
