"""Dissolved parties, what a verdict clears someone of, and the parties of proposed talks (issue 14).

- Dissolving a party bans it (``event_patterns.tsv`` COLLAPSE t33, 1722), where the dictionary read "dissolve" only as
  a thing falling apart; a coalition that dissolves stays no event.
- The "of" phrase of a charge, a crime or an allegation that the parser hangs on the person a verdict clears or
  convicts ("acquitted the governor | of all charges") is no part of the person's words (``participants._charged_with``);
  an office's own "of" stays ("the governor of the province").
- An answer to a proposal, an offer or a call for talks is aimed at the other side of the talks or the one who offers
  them ("rejected the proposal for talks with X", "accepted an offer of talks from X": ``frames._parties_of_proposed_talks``).

Sentences written for this file.
"""

from __future__ import annotations

from conftest import text_events


def _pairs(text: str, code: str | None = None, plover: str | None = None) -> set[tuple[str, str | None]]:
    return {(e["source"]["text"], (e["target"] or {}).get("text")) for e in text_events(text)
            if (code is None or e["cameo_code"] == code) and (plover is None or e["plover_type"] == plover)}


def test_dissolving_a_party_bans_it() -> None:
    assert _pairs("The junta dissolved the main opposition party on Thursday.", "1722") == {("junta", "main opposition party")}


def test_a_coalition_that_dissolves_is_no_ban() -> None:
    # control: the verb alone, with no party as its object
    assert _pairs("The governing coalition dissolved after a quarrel over taxes.", "1722") == set()


def test_what_a_verdict_clears_someone_of_is_not_their_name() -> None:
    targets = {(e["target"] or {}).get("text") for e in text_events("The appeals court acquitted the former governor of all charges.")}
    assert targets == {"former governor"}


def test_an_office_keeps_its_own_of_phrase() -> None:
    # control: "of the province" names the office
    sources = {e["source"]["text"] for e in text_events("The governor of the province resigned on Monday.")}
    assert sources == {"governor of the province"}


def test_an_answer_to_proposed_talks_is_aimed_at_their_other_side() -> None:
    assert _pairs("Iran rejected the proposal for direct talks with Washington.", plover="REJECT") == {("Iran", "Washington")}
    assert _pairs("The rebels accepted an offer of talks from the government.", plover="AGREE") == {("rebels", "government")}


def test_an_answer_to_a_proposal_of_no_talks_names_no_party() -> None:
    # control: a proposal of a tax has no other side
    assert _pairs("The minister rejected the proposal for a new tax.", plover="REJECT") == {("minister", None)}


def test_a_prisoner_swap_returns_prisoners_by_both_sides() -> None:
    # a swap or an exchange of prisoners is 0841 (event_nouns.tsv), done by its two sides; its "prisoner" modifier
    # says what kind of swap it is, and does no swapping
    assert {e["source"]["text"] for e in text_events("A prisoner swap between the rebels and the army took place at dawn.")
            if e["cameo_code"] == "0841"} == {"rebels", "army"}


def test_a_modifier_written_as_a_plural_of_phrase_is_the_same_act() -> None:
    # "an exchange of prisoners" is a prisoner exchange, "a delivery of weapons" a weapons delivery (frames._of_plural)
    assert {e["source"]["text"] for e in text_events("The rebels and the army carried out an exchange of prisoners at dawn.")
            if e["cameo_code"] == "0841"} == {"rebels", "army"}
    assert _pairs("Belarus completed a delivery of weapons to Serbia.", "072")
    # control: an exchange of anything else is still no release
    assert _pairs("The two lenders completed an exchange of shares at dawn.", "0841") == set()


def test_a_currency_swap_is_no_release() -> None:
    # control: the row needs its "prisoner" modifier
    assert _pairs("The central bank signed a currency swap with Beijing.", "0841") == set()
