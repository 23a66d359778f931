"""A visit's host named by the place visited (issue 14).

Sentences are the team's own. A visit (CAMEO 042) is made to its host, and the coders name the host by the place
visited when no party is named: "arrived in X for a visit" is coded against X, as "visited X" is. Only for the
visit: where a meeting is held is no party to it, and a visit to a named party keeps that party.
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


def _top(text: str) -> dict:
    return top_typed_event(text_events(text, "t-visit"))


def test_the_place_of_a_visit_stands_for_its_host() -> None:
    top = _top("The French president arrived in Dakar on Tuesday for a three-day visit.")
    assert top["cameo_code"] == "042"
    assert top["target"]["text"] == "Dakar"
    assert top["target"]["country"] == "SEN"


def test_the_place_of_a_meeting_is_no_party() -> None:
    top = _top("The envoy met opposition leaders in Nairobi on Monday.")
    assert top["plover_type"] == "CONSULT"
    assert top["target"]["text"] == "opposition leaders"


def test_a_guest_the_tagger_took_for_an_organisation_is_received() -> None:
    # "receive" is hosting only with a guest as object (event_verbs.tsv, object "guest"); a known person's surname the
    # small model tags as an organisation, or not at all, still names a guest (the people table knows it)
    top = _top("The king received Zelenskiy at the palace on Thursday.")
    assert top["cameo_code"] == "043"
    assert top["target"]["canonical"] == "Volodymyr Zelensky"


def test_a_visit_made_is_a_visit_not_an_intent() -> None:
    # PETRARCH2's MAKE block codes "make * visit" as an intent to meet (036); a visit made happened
    # (tools/build_event_tables.py, align_visits); one that is only made possible or impossible is no act at all
    top = _top("The Dutch prime minister made an unannounced visit to Juba on Monday.")
    assert (top["cameo_code"], top["target"]["text"]) == ("042", "Juba")
    events = text_events("The new ferry rules made trips to the island almost impossible for pensioners.", "t-visit")
    assert not [e for e in events if e["plover_type"]], events
