"""Court petitions and acts approached, on sentences of the team's own:

- a petition filed ("filed a petition in the Supreme Court", "filed a writ petition") is a case brought, as a suit
  filed is (CAMEO 115, PLOVER ACCUSE: event_pattern_nouns.tsv gives the FILE block's "suit" the word "petition"),
  while a petition handed to an authority stays what the dictionary's own patterns code it;
- an act its phrase says someone is close to ("close to a deal", "on the verge of an agreement", "nearing a deal") has
  not happened: it is hypothetical (``modality.is_hypothetical``), as a planned or proposed act is.
"""

from __future__ import annotations

import pytest
from conftest import text_events, top_typed_event


@pytest.mark.parametrize("text, source", [
    ("A group of lawyers filed a petition in the Supreme Court challenging the new sedition law.", "group of lawyers"),
    ("Activists filed a writ petition before the high court seeking a stay on the demolitions.", "Activists"),
])
def test_a_petition_filed_is_a_case_brought(text: str, source: str) -> None:
    top = top_typed_event(text_events(text))
    assert (top["cameo_code"], top["source"]["text"]) == ("115", source)


def test_a_petition_handed_to_an_authority_is_no_case() -> None:
    events = text_events("Residents handed a petition to the mayor asking for a new bridge.")
    assert not [e for e in events if e["cameo_code"] == "115"]


@pytest.mark.parametrize("text", [
    "The senator said negotiators were very close to a deal on the spending bill.",
    "Kenya and Somalia are on the verge of a deal to reopen the border.",
])
def test_an_act_approached_is_hypothetical(text: str) -> None:
    deals = [e for e in text_events(text) if e["action"]["lemma"] == "deal"]
    assert deals and all(e["hypothetical"] for e in deals)


def test_an_act_done_is_not_hypothetical() -> None:
    deals = [e for e in text_events("Kenya and Somalia signed a deal to reopen the border on Monday.") if e["plover_type"]]
    assert deals and not any(e["hypothetical"] for e in deals)


@pytest.mark.parametrize("sentence, word, approached", [
    ("The rivals were nearing an agreement on power sharing.", "agreement", True),
    ("The rivals are closer to an agreement than ever.", "agreement", True),
    ("The rivals reached an agreement close to midnight.", "agreement", False),
    ("Talks resumed near the border.", "border", False),
])
def test_what_is_approached(sentence: str, word: str, approached: bool) -> None:
    from streams.extraction.events.modality import _approached
    from streams.extraction.nlp import load_nlp

    doc = load_nlp()(sentence)
    assert _approached(next(t for t in doc if t.text == word)) is approached
