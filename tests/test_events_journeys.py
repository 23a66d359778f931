"""A journey made for talks: the traveller takes part in them (``frames.noun_governor``, ``builder._light_verbs``).

Sentences are the team's own. A visitor who "flew to" or "came to" a capital "for talks with" its leaders is news for
the talks: the trip is their means. Before, the talks had no doer (the noun lent its source only from a verb that is no
act of its own) and the top event was the trip, coded from PETRARCH2's "fly to" pattern as an intent to meet the city.
A dictionary pattern that names the purpose itself ("arrived ... for talks") still codes the pair, and a verb that only
asks for talks, or praises someone for them, lends no doer.
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


JOURNEYS = {
    # text: (source, target) of the top event, a consultation
    "The Kenyan president flew to Addis Ababa for consultations with the Ethiopian prime minister.":
        ("Kenyan president", "Ethiopian prime minister"),
    "A Qatari mediator came to Kabul for negotiations with Taliban leaders.": ("Qatari mediator", "Taliban leaders"),
    "The Norwegian envoy travelled to Colombo on Friday for talks with the Sri Lankan government.":
        ("Norwegian envoy", "Sri Lankan government"),
}


def test_the_traveller_takes_part_in_the_talks_the_journey_is_for() -> None:
    for text, (source, target) in JOURNEYS.items():
        top = top_typed_event(text_events(text))
        assert top["plover_type"] == "CONSULT", text
        assert (top["source"]["text"], (top["target"] or {}).get("text")) == (source, target), text


def test_a_pattern_that_names_the_purpose_still_codes_the_pair() -> None:
    top = top_typed_event(text_events("The Turkish foreign minister arrived in Baghdad for talks with Iraqi officials."))
    assert (top["cameo_code"], top["source"]["text"], top["target"]["text"]) == (
        "046", "Turkish foreign minister", "Iraqi officials")


def test_asking_for_talks_or_being_praised_for_them_is_no_part_in_them() -> None:
    asked = text_events("Opposition parties pressed for talks with the ruling coalition.")
    assert not any(e["plover_type"] == "CONSULT" and e["source"]["text"] == "Opposition parties" for e in asked)
    praised = text_events("The minister was praised for the talks with the unions.")
    assert not any(e["plover_type"] == "CONSULT" and e["source"]["text"] == "minister" for e in praised)


def test_a_trip_with_no_one_to_meet_and_nowhere_named_is_no_meeting() -> None:
    # however many go: a plural subject does not meet itself on the road (``builder._empty_default``)
    assert text_events("Hundreds of pilgrims travelled to the shrine on foot.") == []
    assert {e["plover_type"] for e in text_events("Witnesses said troops went from door to door beating men.")} == {"ASSAULT"}


def test_a_trip_to_a_named_place_or_for_an_occasion_stays_coded() -> None:
    # controls: the place visited is named, or the trip is for talks
    assert {e["plover_type"] for e in text_events("The delegates travelled to Nairobi on Monday.")} == {"CONSULT"}
    assert {e["plover_type"] for e in text_events("The envoys went to Doha for talks.")} == {"CONSULT"}
