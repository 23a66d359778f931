"""People suspended are sanctioned; talks, aid or trade suspended are ended (issue 14). Sentences are the team's own.

event_verbs.tsv restates the dictionary's "suspend" (CANCEL, no code of its own) with people, a state or an
organisation as its object: 172, impose administrative sanctions. An office-holder the role gazetteer knows names a
person (frames._names_people); a country the gazetteer knows names a state whatever the tagger took its name for
(frames._country_by_name).
"""

from __future__ import annotations

import pytest

from conftest import text_events, top_typed_event


def _top(text: str) -> dict:
    return top_typed_event([e for e in text_events(text, "t-suspend") if e["plover_type"]])


@pytest.mark.parametrize("text,source,target", [
    ("The ruling party suspended four senators for anti-party activities.", "ruling party", "senators"),
    ("The governor suspended the finance commissioner over the missing funds.", "governor", "finance commissioner"),
])
def test_people_suspended_are_sanctioned(text, source, target) -> None:
    top = _top(text)
    assert (top["cameo_code"], top["source"]["text"], top["target"]["text"]) == ("172", source, target)


def test_what_else_is_suspended_keeps_its_ending() -> None:
    assert _top("Ghana suspended talks with the striking doctors.")["cameo_code"] == "160"
    assert _top("The EU suspended budget support to Mali.")["cameo_code"].startswith("162")
    assert not [e for e in text_events("The league suspended the match after a pitch invasion.") if e["plover_type"] == "COERCE"]


@pytest.mark.parametrize("text,target", [
    ("The Commonwealth suspended Fiji over the military takeover.", "Fiji"),
    # the tagger reads this country's name as a facility here: the gazetteer still knows it for a state
    ("The African Union suspended Niger following the coup.", "Niger"),
])
def test_states_suspended_from_a_body_are_sanctioned(text, target) -> None:
    top = _top(text)
    assert (top["cameo_code"], top["target"]["text"]) == ("172", target)
