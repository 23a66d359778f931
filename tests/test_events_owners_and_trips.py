"""Whom an act falls on when its object is a thing, trips taken for talks, and three team patterns, on sentences of the
team's own:

- what one rallies behind or around is backed, and so is its owner: "rallied behind the governor's bid" backs the
  governor (``frames._aimed_at_owners``, as for what a force is aimed at);
- where a thing comes from is whose it is: tariffs on "imports from X" fall on X, a letter "from X" rejected rejects X
  (``frames.owner_groups``, beside the "of" owner);
- a trip taken "for two days of talks" or "for a round of talks" is taken for the talks: the traveller holds them
  (``builder._purpose_of_journey`` sees through the span or the count);
- team patterns (event_patterns.tsv): extending the mandate of a peacekeeping mission provides peacekeeping (074, as
  EXTEND's own "peacekeeping"; &PKO now holds the mission and the operation); shuttling between two parties mediates
  (045); a ferry that shuttles between islands does nothing political.
"""

from __future__ import annotations

import pytest
from conftest import text_events, top_typed_event


def _top(text: str) -> tuple[str, str, str, str | None]:
    top = top_typed_event(text_events(text))
    return top["plover_type"], top["cameo_code"], top["source"]["text"], (top["target"] or {}).get("text")


def test_what_one_rallies_behind_backs_its_owner() -> None:
    assert _top("The farmers' unions rallied behind the minister's plan to cut fuel taxes.")[::3] == ("SUPPORT", "minister")


@pytest.mark.parametrize("text, target", [
    ("Washington imposed new tariffs on steel imports from Vietnam.", "Vietnam"),
    ("The minister rejected a letter from the opposition leader on Friday.", "opposition leader"),
])
def test_where_a_thing_comes_from_is_whose_it_is(text: str, target: str) -> None:
    assert _top(text)[3] == target


@pytest.mark.parametrize("text, source, target", [
    ("The Jordanian foreign minister arrived in Baghdad on Sunday for two days of talks with Iraqi officials.",
     "Jordanian foreign minister", "Iraqi officials"),
    ("The envoy flew to Khartoum for a fresh round of talks with the army.", "envoy", "army"),
])
def test_a_trip_for_a_span_or_a_round_of_talks_holds_them(text: str, source: str, target: str) -> None:
    assert _top(text) == ("CONSULT", "046", source, target)


@pytest.mark.parametrize("text", [
    "The Security Council voted on Thursday to extend the mandate of the peacekeeping mission in Cyprus.",
    "The council extended the mandate of the UN peacekeeping operation in Mali by six months.",
])
def test_extending_a_peacekeeping_mandate_provides_peacekeeping(text: str) -> None:
    assert _top(text)[:2] == ("AID", "074")


def test_shuttling_between_parties_mediates() -> None:
    assert _top("Qatari mediators shuttled between the two delegations in Doha on Monday.")[:3] == (
        "CONSULT", "045", "Qatari mediators")
    assert not [e for e in text_events("The old ferry shuttled between the islands twice a day.") if e["plover_type"]]
