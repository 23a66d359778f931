"""The sentence's main line outranks its background, on sentences of the team's own:

- a news sentence reports its act on its main line: the root and the chain of verbs hung on it (coordinated,
  complement and reported clauses, an adjective's complement: "said they were willing to talk") and their arguments;
- an act reached through a modifying clause ("..., cutting off fuel deliveries"), a gerund a preposition governs
  ("with two members abstaining", "by closing the border") or a phrase of time or circumstance ("during a meeting",
  "amid talks", "ahead of the vote") is the occasion, manner or consequence of that act: it ranks below the main
  line's best typed act, whatever the classifier makes of each;
- when the main line's best act is itself below the publication floor (``NEWSEVENTS_MIN_EVENT_CONFIDENCE``) the
  background act keeps its rank: ranked under a withheld act it would be withheld too, and the sentence lose both.
"""

from __future__ import annotations

import pytest
from conftest import text_events, top_typed_event


@pytest.mark.parametrize("text, plover, source", [
    ("Government troops besieged the rebel-held district for a month, cutting off fuel deliveries to its residents.",
     "COERCE", "Government troops"),
    ("The army blockaded three towns in the north for a week, cutting off aid deliveries to thousands of displaced families.",
     "COERCE", "army"),
])
def test_a_trailing_consequence_ranks_below_the_main_act(text: str, plover: str, source: str) -> None:
    top = top_typed_event(text_events(text))
    assert (top["plover_type"], top["source"]["text"]) == (plover, source)
    # the consequence is still coded, below the act it came of
    assert any(e["cameo_code"].startswith("162") for e in text_events(text))


def _word(doc, text: str):
    return next(t for t in doc if t.text == text)


@pytest.mark.parametrize("sentence, word, on_line", [
    # the chain of verbs and their arguments
    ("The rebels said they were willing to negotiate with the government.", "negotiate", True),
    ("The army launched an offensive against the insurgents on Monday.", "offensive", True),
    ("The minister took part in talks with the union leaders.", "talks", True),
    ("Police arrested two men and seized their weapons.", "seized", True),
    # phrases of time or circumstance
    ("The minister praised the mediators during a meeting with the envoy.", "meeting", False),
    ("Police detained the organisers amid protests over fuel prices.", "protests", False),
    ("The opposition boycotted the session ahead of the vote on the budget.", "vote", False),
    # gerunds a preposition governs, and modifying clauses
    ("The council adopted the resolution, with two members abstaining.", "abstaining", False),
    ("Troops besieged the town for a month, cutting off supplies to its people.", "cutting", False),
    ("The envoy met the rebels who had attacked the convoy.", "attacked", False),
])
def test_the_main_line_of_a_sentence(sentence: str, word: str, on_line: bool) -> None:
    from streams.extraction.events.builder import _on_main_line
    from streams.extraction.nlp import load_nlp

    doc = load_nlp()(sentence)
    assert _on_main_line(_word(doc, word)) is on_line


def _records(doc, confidences: dict[str, float]) -> list[dict]:
    return [{"plover_type": "X", "confidence": conf, "action": {"_pos": _word(doc, w).i}} for w, conf in confidences.items()]


def test_background_is_ranked_below_the_main_line_above_the_floor_only() -> None:
    from streams.extraction.events.builder import _below_foreground
    from streams.extraction.nlp import load_nlp

    doc = load_nlp()("Troops besieged the town for a month, cutting off supplies to its people.")
    ranked = {r["action"]["_pos"]: r["confidence"] for r in _below_foreground(doc, _records(doc, {"besieged": 0.40, "cutting": 0.60}), 0.2)}
    assert ranked == {_word(doc, "besieged").i: 0.40, _word(doc, "cutting").i: 0.38}
    # the main line's act is below the floor: ranking the consequence under it would withhold both
    kept = {r["action"]["_pos"]: r["confidence"] for r in _below_foreground(doc, _records(doc, {"besieged": 0.19, "cutting": 0.60}), 0.2)}
    assert kept == {_word(doc, "besieged").i: 0.19, _word(doc, "cutting").i: 0.60}
    # with no floor, the ranking holds whatever the main line's confidence
    low = {r["action"]["_pos"]: r["confidence"] for r in _below_foreground(doc, _records(doc, {"besieged": 0.19, "cutting": 0.60}), 0.0)}
    assert low[_word(doc, "cutting").i] == 0.17
