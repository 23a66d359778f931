"""Bodies named by a collective head or by their owners, and the internet as a medium the state closes, on sentences
of the team's own:

- organisations, agencies or outfits over a phrase of the agents dictionary that names a body of people are that
  body ("civil society organisations": the dictionary has "civil society", ~SOC), also counted ("a coalition of
  ..."); with no such phrase ("travel agencies") they name no one (``actor_dictionary._agent_phrase``);
- a conference or an association is the body of the people or the organisation that owns it ("the bishops'
  conference", "the farmers' association"); alone it is a meeting or a link (event_agents.tsv);
- shutting down or suspending the internet restricts a freedom as closing a broadcaster does (CAMEO 1721, PLOVER
  COERCE): the dictionary's patterns for television fit the internet (event_pattern_nouns.tsv).
"""

from __future__ import annotations

import pytest
from conftest import text_events, top_event_fields


@pytest.mark.parametrize(("text", "source"), [
    ("Civil society organisations petitioned the constitutional court against the new media law.", "Civil society organisations"),
    ("An alliance of civil society organisations sued the electoral commission over the voter roll.",
     "alliance of civil society organisations"),
])
def test_a_collective_head_over_a_dictionary_body_is_that_body(text: str, source: str) -> None:
    assert top_event_fields(text)[2] == source


def test_a_collective_head_over_no_body_names_no_one() -> None:
    assert not [e for e in text_events("Travel agencies cancelled all tours to the coast for the season.") if e["plover_type"]]


@pytest.mark.parametrize(("text", "source"), [
    ("The Zambian Catholic bishops' conference on Friday urged parliament to shelve the cyber-security bill.",
     "Zambian Catholic bishops' conference"),
    ("The coffee farmers' association accused the ministry of withholding bonuses.", "coffee farmers' association"),
])
def test_a_conference_or_association_is_its_owners_body(text: str, source: str) -> None:
    assert top_event_fields(text)[2] == source


def test_a_news_conference_is_no_actor() -> None:
    events = [e for e in text_events("The envoy, briefing a news conference in Lusaka, said the talks would resume.") if e["plover_type"]]
    assert all("conference" not in (e["source"]["text"] + ((e["target"] or {}).get("text") or "")) for e in events)


@pytest.mark.parametrize("text", [
    "Authorities in Chad shut down the internet nationwide on the eve of the vote.",
    "The junta suspended mobile internet in three provinces after the protests.",
])
def test_closing_the_internet_restricts_a_freedom(text: str) -> None:
    assert top_event_fields(text)[:2] == ("COERCE", "1721")
