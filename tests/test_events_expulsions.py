"""An order to leave is an expulsion (issue 14, ``event_expulsions.tsv``). Sentences are the team's own.

A demand or an order, or a verb of telling that gives one, whose object is told by an infinitive to leave, and a
deadline given to leave ("gave the consul 48 hours to leave"), expel
those it orders out (CAMEO 166, PLOVER SANCTION) when they are a state's, a people's or a body's ("the Italian consul",
"Germany's envoy", "the UN mission"); the leaving is the order's content and no act of its own. A crowd ordered off a
square, or a demand said in a clause, stays a demand.
"""

from __future__ import annotations

import pytest

from conftest import text_events, top_typed_event


def _typed(text: str) -> list[dict]:
    return [e for e in text_events(text, "t-expel") if e["plover_type"]]


def test_ordering_a_foreign_envoy_out_expels_him() -> None:
    events = _typed("Chad's government ordered the Italian consul to leave the country within two days.")
    top = top_typed_event(events)
    assert (top["cameo_code"], top["plover_type"]) == ("166", "SANCTION")
    assert (top["source"]["text"], top["target"]["text"]) == ("Chad's government", "Italian consul")
    assert not [e for e in events if e["action"]["lemma"] == "leave"]  # the leaving ordered is no act


def test_telling_foreign_troops_to_quit_expels_them() -> None:
    top = top_typed_event(_typed("Niamey told the Belgian soldiers to quit the base before the end of March."))
    assert top["cameo_code"] == "166"
    assert top["target"]["text"] == "Belgian soldiers"


def test_ordering_a_crowd_off_a_square_is_a_demand() -> None:
    top = top_typed_event(_typed("Riot police ordered the students to leave the campus square."))
    assert top["plover_type"] == "REQUEST"


def test_a_demand_that_troops_leave_stays_a_demand() -> None:
    top = top_typed_event(_typed("Thousands of marchers demanded that the foreign garrison leave the island."))
    assert top["plover_type"] == "REQUEST"


def test_a_deadline_to_leave_expels() -> None:
    top = top_typed_event(_typed("The junta gave the Dutch chargé d'affaires 48 hours to leave the country."))
    assert (top["cameo_code"], top["target"]["text"]) == ("166", "Dutch chargé d'affaires")
    top = top_typed_event(_typed("A Swedish diplomat was given one week to leave Tehran."))
    assert (top["cameo_code"], top["target"]["text"]) == ("166", "Swedish diplomat")


def test_a_deadline_given_to_a_crowd_or_a_tenant_is_no_expulsion() -> None:
    assert not [e for e in _typed("The owner gave the tenants ten days to leave the building.") if e["cameo_code"] == "166"]


@pytest.mark.parametrize("text,target", [
    ("The junta ordered the Red Cross to close its office and withdraw its foreign staff.", "Red Cross"),
    ("The government ordered the French ambassador to pack his bags and leave the country.", "French ambassador"),
])
def test_an_order_whose_infinitives_end_in_leaving_expels(text, target) -> None:
    """frames._departure_ordered reads the conjuncts of the ordered infinitive, which share its "to" ("to close its
    office and leave"), and "withdraw" is a leaving (event_expulsions.tsv); the whole infinitive phrase is the order's
    content, no act of those ordered out. Before, the order was a demand and the office closed an act of its own."""
    events = [e for e in text_events(text) if e["plover_type"]]
    top = top_typed_event(events)
    assert (top["cameo_code"], top["target"]["text"]) == ("166", target)
    assert [e["cameo_code"] for e in events] == ["166"]


def test_ordered_out_is_expelled() -> None:
    """frames._departure_ordered: "out" after those ordered is the order's leaving (event_expulsions.tsv)."""
    top = top_typed_event(text_events("The junta ordered the UN peacekeepers out of the country."))
    assert (top["cameo_code"], top["target"]["text"]) == ("166", "UN peacekeepers")
