"""Event coder on non-political news: game results, market moves, product offers, plain intentions.

Sentences are composed for these tests (not taken from any page). Each non-political case has a political
twin that must still code, so the filters do not buy precision with political recall.
"""

from __future__ import annotations

import pytest

from test_events_coder import events_of, nlp  # noqa: F401 - shared fixture and helper


def _types(text: str) -> list[tuple[str | None, str, str | None]]:
    return [(e["plover_type"], e["source"]["text"], (e["target"] or {}).get("text")) for e in events_of(text)
            if e["cameo_code"][:2] != "01"]


@pytest.mark.parametrize("text", [
    "Spain beat Portugal on Sunday.",
    "Spain beat Portugal 3-1 on Sunday to reach the final.",
    "The Falcons beat the Hawks 98-91 behind a late run by their point guard.",
    "The veteran rallied to defeat her younger opponent in the deciding set.",
    "Smith rallied from a set down to beat Jones 4-6, 6-3, 6-2.",
    "The striker fired a shot at the goalkeeper in the second half.",
    "The winger attacked the left flank and scored in the tournament opener.",
])
def test_game_results_are_no_conflict_events(nlp, text):
    assert not [t for t in _types(text) if t[0] in ("ASSAULT", "PROTEST", "COERCE", "THREATEN")], _types(text)


def test_sports_article_context_blocks_game_verbs(nlp):
    text = ("The Rangers opened the hockey season at home against the Bears in front of 18,000 fans.\n\n"
            "The league leaders scored twice in the first period and the goalie made 31 saves.\n\n"
            "Brazil beat Chile on Saturday.\n\n"
            "Then the visitors attacked the Rangers in the final minutes.")
    assert not [t for t in _types(text) if t[0] in ("ASSAULT", "PROTEST")], _types(text)


def test_police_at_a_match_still_code(nlp):
    types = _types("Police fired tear gas at fans after the football match in the capital.")
    assert any(t[0] == "ASSAULT" and t[1] == "Police" for t in types), types


@pytest.mark.parametrize("text", [
    "Stocks rallied on Wall Street after the jobs report.",
    "The rupee rallied against the dollar for a third straight session.",
])
def test_market_rallies_are_no_protest(nlp, text):
    assert not [t for t in _types(text) if t[0] == "PROTEST"], _types(text)


def test_political_rally_and_beating_still_code(nlp):
    assert any(t[0] == "PROTEST" for t in _types("Thousands rallied in Caracas against the government."))
    beat = _types("Police beat protesters with batons in Minsk.")
    assert any(t[0] == "ASSAULT" and t[1] == "Police" and t[2] == "protesters" for t in beat), beat
    attack = _types("Israeli troops attacked a refugee camp in Gaza on Tuesday.")
    assert any(t[0] == "ASSAULT" for t in attack), attack


@pytest.mark.parametrize("text", [
    "The carmaker says the new model will offer better fuel economy.",
    "The retailer is offering shoppers a free gift card with every tablet.",
    "The coach decided to bench his starting quarterback on Sunday.",
    "The singer decided to weigh in on Saturday's argument.",
    "The airline offered to fly the dog home free of charge.",
])
def test_commercial_offers_and_plain_decisions_are_no_agree(nlp, text):
    assert not [t for t in _types(text) if t[0] == "AGREE"], _types(text)


def test_political_intent_still_codes(nlp):
    aid = _types("Russia offered Syria military aid on Monday.")
    assert any(t[0] == "AGREE" and t[1] == "Russia" and t[2] == "Syria" for t in aid), aid
    talks = _types("Iran decided to resume talks with the European Union.")
    assert any(t[1] == "Iran" and t[2] == "European Union" for t in talks), talks
    pledge = _types("The government pledged to protect the opposition leader.")
    assert any(t[0] == "AGREE" for t in pledge), pledge


def test_help_needs_an_actor_helped(nlp):
    assert not [t for t in _types("Her doubles partner helped her a lot during the final.") if t[0] == "AID"]
    assert not [t for t in _types("The enzyme helps to start the production of new cells.") if t[0] == "AID"]
    aid = _types("The United States will help Ukraine rebuild its power grid.")
    assert any(t[0] == "AID" and t[2] == "Ukraine" for t in aid), aid


def test_targets_are_actor_like(nlp):
    for text in ("The veteran beat Jones 6-4, 6-2 in the opening round.",
                 "The reviewer said the phone helped him a lot.",
                 "The manager offered a quick response on Friday."):
        for e in events_of(text):
            tgt = (e["target"] or {}).get("text") or ""
            assert not any(ch.isdigit() for ch in tgt) and tgt not in ("lot", "response"), (text, e)
