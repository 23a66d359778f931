"""Whom an act falls on when its object is a thing, trips taken for talks, and three team patterns, on sentences of the
team's own:

- what one rallies behind or around is backed, and so is its owner: "rallied behind the governor's bid" backs the
  governor (``frames._aimed_at_owners``, as for what a force is aimed at);
- where a thing comes from is whose it is: tariffs on "imports from X" fall on X, a letter "from X" rejected rejects X
  (``frames.owner_groups``, beside the "of" owner);
- a trip taken "for three days of talks" or "for another round of talks" is taken for the talks: the traveller holds them
  (``builder._purpose_of_journey`` sees through the span or the count);
- what is given or sent goes to whose the place is where the place names no one: aid "to flood-hit areas of X" goes
  to X (``frames._verb_slots``, theme acts); troops moved "to its border with X" still face X, not their own side;
- team patterns (event_patterns.tsv): extending the mandate of a peacekeeping mission provides peacekeeping (074, as
  EXTEND's own "peacekeeping"; &PKO now holds the mission and the operation); shuttling between two parties mediates
  between them (045, the parties its targets); a ferry that shuttles between islands does nothing political;
- "parleys" are talks (event_nouns.tsv): "held parleys with X" meets X;
- a sum of money halted or frozen is the act it is in ("halting 300 million crowns in budget support to X",
  "halted 300 million crowns of aid"): the support or the aid is ended, a sanction, where the sum hid it
  (``frames._amount_of``; &CURRENCY now holds "crowns");
- a two-word preposition a dictionary pattern ends with ("DRIVE * (OUT OF)", 201 mass expulsion) is read as both its
  words (``tools/build_event_tables.py``), so "drove thousands of villagers out of their homes" is coded.
"""

from __future__ import annotations

import pytest
from conftest import text_events, top_event_fields


def test_what_one_rallies_behind_backs_its_owner() -> None:
    assert top_event_fields("The ruling party rallied behind the president's bid to amend the constitution.")[::3] == ("SUPPORT", "president")
    assert top_event_fields("Tribal elders rallied behind the prime minister's peace plan.")[::3] == ("SUPPORT", "prime minister")


@pytest.mark.parametrize("text, target", [
    ("Washington imposed new tariffs on steel imports from Vietnam.", "Vietnam"),
    ("The minister rejected a letter from the opposition leader on Friday.", "opposition leader"),
])
def test_where_a_thing_comes_from_is_whose_it_is(text: str, target: str) -> None:
    assert top_event_fields(text)[3] == target


@pytest.mark.parametrize("text, source, target", [
    ("Oman's foreign minister landed in Tehran on Tuesday for three days of talks with Iranian officials.",
     "Oman's foreign minister", "Iranian officials"),
    ("The envoy flew to Khartoum for a fresh round of talks with the army.", "envoy", "army"),
])
def test_a_trip_for_a_span_or_a_round_of_talks_holds_them(text: str, source: str, target: str) -> None:
    assert top_event_fields(text) == ("CONSULT", "046", source, target)


@pytest.mark.parametrize("text", [
    "Members voted to extend for six months the mandate of a peacekeeping operation in Mali.",
    "The council last week extended for a year the mandate of its peacekeeping mission in Abyei.",
])
def test_extending_a_peacekeeping_mandate_provides_peacekeeping(text: str) -> None:
    assert top_event_fields(text)[:2] == ("AID", "074")


def test_shuttling_between_parties_mediates() -> None:
    assert top_event_fields("Omani envoys shuttled between the two negotiating teams in Muscat.")[:3] == (
        "CONSULT", "045", "Omani envoys")
    events = text_events("Kenyan envoys shuttled between the Ethiopian government and Tigrayan leaders for a week.")
    assert {(e["cameo_code"], e["target"]["text"]) for e in events if e["target"]} == {
        ("045", "Ethiopian government"), ("045", "Tigrayan leaders")}
    assert not [e for e in text_events("The old ferry shuttled between the islands twice a day.") if e["plover_type"]]


def test_parleys_are_talks() -> None:
    assert top_event_fields("Pakistan's interior minister held parleys with the Afghan ambassador in Islamabad.")[:2] == ("CONSULT", "046")


@pytest.mark.parametrize("text, target", [
    ("South Korea will send 12 million dollars in relief to quake-hit districts of Nepal.", "Nepal"),
    ("The EU sent aid to flood-hit regions of Pakistan on Monday.", "Pakistan"),
    ("Armenia moved tanks and infantry to its frontier with Azerbaijan.", "Azerbaijan"),
])
def test_what_is_sent_to_a_place_goes_to_whose_it_is(text: str, target: str) -> None:
    assert top_event_fields(text)[3] == target


def test_driving_people_out_of_their_homes_is_a_mass_expulsion() -> None:
    assert top_event_fields("The militia drove thousands of villagers out of their homes in the valley.")[:3] == (
        "ASSAULT", "201", "militia")


@pytest.mark.parametrize("text, target", [
    ("Norway is halting about 300 million crowns in budget support to Malawi's education ministry.",
     "Malawi's education ministry"),
    ("Denmark halted 300 million crowns of aid to Malawi on Friday.", "Malawi"),
])
def test_a_sum_halted_ends_the_aid_it_is_in(text: str, target: str) -> None:
    plover, code, source, tgt = top_event_fields(text)
    assert (plover, code[:3], tgt) == ("SANCTION", "162", target)

