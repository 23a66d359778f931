"""The occasion of an act is no party to it (``event_occasions.tsv``).

Sentences are the team's own. "On the sidelines of" a summit, "on the eve of" a vote, "on the margins of" an assembly
say when or beside what an act happened. The dictionary's rule that the first actor after the verb is the target made
the summit's organisation (a named body) the partner of a meeting held beside it, and the two parties who met lost
each other as targets.
"""

from __future__ import annotations

from conftest import text_events


def test_a_meeting_beside_a_summit_is_between_those_who_met() -> None:
    evs = text_events("The defence ministers of Greece and Turkey held a meeting on the sidelines of the NATO summit in Vilnius.")
    pairs = {(e["source"]["text"], (e["target"] or {}).get("text")) for e in evs if e["plover_type"] == "CONSULT"}
    assert ("ministers of Greece", "ministers of Turkey") in pairs
    assert not any(e["target"] and "summit" in e["target"]["text"] for e in evs)



def test_custody_is_where_the_detained_are_put_not_a_party() -> None:
    # event_occasions.tsv: "into police custody" names where the suspects go; the police keeping them are no target
    evs = [e for e in text_events("A magistrate remanded nine protesters into police custody for a week.") if e["plover_type"]]
    top = max(evs, key=lambda e: e["confidence"])
    assert (top["plover_type"], top["source"]["text"], top["target"]["text"]) == ("COERCE", "magistrate", "protesters")
