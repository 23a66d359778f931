"""Cutting the internet restricts expression (CAMEO 1721), and suspending a licence is an administrative sanction
(172), on sentences of the team's own (issue 14).

The dictionary's SEPARATE block ("cut") has patterns for aid, ties and forces cut, none for the internet, so "cut off
internet access" gave no event where "suspended internet services" and "blocked social media" gave their coercion;
``event_patterns.tsv`` (t27, t28) reads the internet, internet access and internet services cut. Prices or budgets cut
stay no act. A licence, a permit or an accreditation suspended (t31) is the suspension of its holder.
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


def test_cutting_internet_access_restricts_expression() -> None:
    top = top_typed_event(text_events("The interior ministry cut off internet access in four districts during the protests."))
    assert (top["plover_type"], top["cameo_code"], top["source"]["text"]) == ("COERCE", "1721", "interior ministry")
    top = top_typed_event(text_events("Officials cut the internet across the province before the referendum."))
    assert (top["plover_type"], top["cameo_code"]) == ("COERCE", "1721")


def test_cutting_prices_is_no_act() -> None:
    # control: a cut of something else the internet names
    assert not [e for e in text_events("The telecom operator cut internet tariffs by a third in March.") if e["plover_type"]]


def test_suspending_a_licence_is_an_administrative_sanction() -> None:
    # (CANCEL had no pattern for a licence: no event was read)
    top = top_typed_event(text_events("The broadcasting authority suspended the licence of an independent radio station."))
    assert (top["plover_type"], top["cameo_code"], top["source"]["text"]) == ("COERCE", "172", "broadcasting authority")
    assert top["target"]["text"] == "independent radio station"


def test_suspending_a_player_is_no_act() -> None:
    # control: the restated verb still reads only people suspended from office, and sport is no politics
    assert not [e for e in text_events("The league suspended the goalkeeper for four matches.") if e["plover_type"]]
