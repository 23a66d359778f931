"""Act nouns and agent nouns news writes in forms the dictionaries lack (issue 14, coverage).

Sentences are the team's own.
- event_nouns.tsv: a "tour" or "trip" is a visit (042), a "stabbing" an assault (180), a "shootout" a fight with
  small arms (193), "hostage-taking" an abduction (181), a "picket" a demonstration (141), an "uprising" a violent
  protest (145); "genocide" a mass killing (202), "ethnic cleansing" CAMEO's 203;
- event_agents.tsv: schoolchildren, schoolgirls and schoolboys are pupils (EDU), nuns and parishioners religious
  (REL); a "contingent" is troops of its owner (MIL).
"""

from __future__ import annotations

import pytest

from conftest import text_events, top_typed_event


def _top(text: str) -> dict:
    return top_typed_event(text_events(text, "t-coverage"))


@pytest.mark.parametrize("text,code,source", [
    ("A delegation of Fijian ministers has set off on a diplomatic tour of the Gulf.", "042", "delegation of Fijian ministers"),
    ("Students staged an uprising against the junta in the capital.", "145", "Students"),
    ("Dock workers mounted a picket outside the ministry on Monday.", "141", "Dock workers"),
    ("A tribunal found that the militia had committed genocide against the Masalit people.", "202", "militia"),
    ("Armed settlers carried out the ethnic cleansing of three hamlets in the valley.", "203", "Armed settlers"),
])
def test_act_nouns_news_writes_in_other_words(text: str, code: str, source: str) -> None:
    top = _top(text)
    assert (top["cameo_code"], top["source"]["text"]) == (code, source)


def test_people_counted_as_victims_are_the_target() -> None:
    top = _top("Bandits kidnapped 40 schoolgirls from their dormitory near Gusau overnight.")
    assert top["plover_type"] == "ASSAULT"
    assert (top["target"]["text"], top["target"]["sector"]) == ("schoolgirls", "EDU")


def test_a_contingent_is_troops_of_its_owner() -> None:
    top = _top("The Nigerian contingent clashed with rebels near the border on Friday.")
    assert top["plover_type"] == "ASSAULT"
    assert (top["source"]["sector"], top["source"]["country"]) == ("MIL", "NGA")
