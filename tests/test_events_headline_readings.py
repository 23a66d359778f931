"""Headline readings: two leaders a comma joins before an infinitive ("X, Y to meet"; ``slots._comma_pair`` through
the relative the parser reads there); a law's noun modifier is what the law is about, no party
(``frames.owner_groups``).

Sentences are the team's own, written to show each phenomenon.
"""

from __future__ import annotations

from conftest import text_events, top_event_fields


def test_two_leaders_before_an_infinitive_meet_each_other() -> None:
    pairs = {(e["source"]["text"], (e["target"] or {}).get("text")) for e in text_events("Putin, Erdogan To Meet In Sochi Next Month")
             if e["plover_type"] == "CONSULT"}
    assert pairs == {("Putin", "Erdogan"), ("Erdogan", "Putin")}


def test_a_law_is_not_aimed_at_what_it_is_about() -> None:
    # "foreign agents" names the law's matter; the march is against the law, and no agents are its target
    fields = top_event_fields("Thousands March In Yerevan Against Foreign Agents Law")
    assert fields[0] == "PROTEST" and fields[3] is None
    # control: a modifier of a place attacked is whose the place is
    assert top_event_fields("Militants attacked army posts near the border.")[3] == "army"
