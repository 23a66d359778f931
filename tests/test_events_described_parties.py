"""A party described by a participle clause (issue 14).

Sentences are the team's own.
- a participle clause on a noun ("leaders gathered in X", "envoys meeting in Y") describes that party as a relative
  clause does: what it says is background and ranks below the act the sentence reports;
- where the parser makes the participle the object of a preposition, with the noun as its subject, the noun is still
  the preposition's object: the one pleaded with, or met, is the target.
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


def _top(text: str) -> dict:
    return top_typed_event(text_events(text, "t-described"))


def test_a_party_a_participle_describes_is_the_target_of_the_act() -> None:
    top = _top("The minister pleaded with European leaders meeting in Brussels on Monday to send more aid to the region.")
    assert top["plover_type"] == "REQUEST"
    assert top["source"]["text"] == "minister"
    assert top["target"]["text"] == "European leaders"


def test_what_the_participle_says_ranks_below_the_reported_act() -> None:
    events = text_events("Haiti's prime minister pleaded with regional leaders meeting in Kingston on Friday to speed up "
                         "the deployment of the mission.", "t-described")
    top = top_typed_event(events)
    assert top["plover_type"] == "REQUEST"
    assert top["target"]["text"] == "regional leaders"
    meeting = [e for e in events if e["action"]["lemma"] == "meet"]
    assert all(e["confidence"] < top["confidence"] for e in meeting)
