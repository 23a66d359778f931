"""Parties named together: a stance two parties take each on their own is no act between them
(``event_stance_blocks.tsv``); the "both" of "both X and Y" is no word of X's name; "neither X nor Y" on a subject or an object
says the act was not done (``modality.is_negated``); ties cut between two parties are cut by each on the other
(``frames._related_parties``, ``event_reciprocal.tsv``).

Sentences are the team's own, written to show each phenomenon.
"""

from __future__ import annotations

from conftest import text_events


def _pairs(text: str, code_prefix: str) -> set[tuple[str, str | None]]:
    return {(e["source"]["text"], (e["target"] or {}).get("text")) for e in text_events(text) if e["cameo_code"].startswith(code_prefix)}


def test_two_parties_backing_a_resolution_do_not_back_each_other() -> None:
    # "back" is coded 050 by default, a code event_reciprocal.tsv lists as mutual; backing a text is each one's stance
    assert _pairs("Mexico and Chile backed the resolution on Tuesday.", "05") == {("Mexico", None), ("Chile", None)}


def test_two_parties_coordinating_act_on_each_other() -> None:
    # control: an act done together (the COORDINATE block, also 050 by default) stays mutual
    assert _pairs("Ghana and Togo coordinated their response to the outbreak.", "05") == {("Ghana", "Togo"), ("Togo", "Ghana")}


def test_both_is_no_word_of_the_first_name() -> None:
    assert {s for s, _ in _pairs("Both China and Russia backed the resolution.", "05")} == {"China", "Russia"}
    # control: "both sides" with no pair after it keeps its word
    events = [e for e in text_events("Both sides agreed to extend the truce.") if e["plover_type"]]
    assert events and events[0]["source"]["text"] == "Both sides"


def test_neither_says_the_act_was_not_done() -> None:
    events = [e for e in text_events("Neither Kenya nor Uganda signed the declaration.") if e["cameo_code"] == "057"]
    assert events and all(e["negated"] for e in events)
    events = [e for e in text_events("Kenya signed neither the declaration nor the annex.") if e["cameo_code"] == "057"]
    assert events and all(e["negated"] for e in events)
    # control: a plain coordination is done
    events = [e for e in text_events("Kenya and Uganda signed the declaration.") if e["cameo_code"] == "057"]
    assert events and not any(e["negated"] for e in events)


def test_ties_cut_between_two_parties_are_cut_by_each() -> None:
    # a passive with no doer named: the relation's parties (its "between") cut it on each other
    assert _pairs("Diplomatic ties between Accra and Lome were severed last year.", "16") == {("Accra", "Lome"), ("Lome", "Accra")}
    # and two parties that cut ties cut them with each other (event_reciprocal.tsv: 160, 161)
    assert _pairs("Chad and Sudan cut diplomatic ties in 2006.", "16") == {("Chad", "Sudan"), ("Sudan", "Chad")}


def test_ties_cut_with_a_third_party_are_not_mutual() -> None:
    # control: with a party named as the one ties are cut with, each cuts them with that party
    assert _pairs("Chad and Sudan cut ties with the rebel group.", "16") == {("Chad", "rebel group"), ("Sudan", "rebel group")}
