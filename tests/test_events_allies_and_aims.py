"""Co-doers named "along with", force aimed at things, and "both" before coordinated parties (issue 14).

- Who acts "along with", "together with" or "alongside" the subject does the act beside it (``slots._companions``).
- Coordinated doers of an act of force aimed at what names no actor ("X and Y launched strikes on military targets")
  fought together, not each other: the mutual reading of a reciprocal code is kept for acts aimed at nothing ("X and Y
  clashed") and for the pattern's own words ("exchanged fire"; ``builder._force_at_a_thing``).
- What force is aimed at, named by an act noun's aimed phrase, stands for whose it is, as on a verb ("strikes on Syrian
  government targets", ``frames.noun_candidates``).
- A "both" before coordinated parties is no part of the first one's words (``participants._noun_phrase``).

Sentences written for this file.
"""

from __future__ import annotations

from conftest import text_events


def _pairs(text: str, plover: str) -> set[tuple[str, str | None]]:
    return {(e["source"]["text"], (e["target"] or {}).get("text")) for e in text_events(text) if e["plover_type"] == plover}


def test_parties_along_with_the_subject_do_the_act_beside_it() -> None:
    assert _pairs("Ethiopia, together with Kenya, sent troops to Somalia.", "AID") == {("Ethiopia", "Somalia"), ("Kenya", "Somalia")}


def test_a_bare_with_phrase_is_no_co_doer() -> None:
    # control: "with a rifle" says what the man had
    assert _pairs("A man with a rifle attacked two guards.", "ASSAULT") == {("man", "guards")}


def test_allies_striking_things_do_not_strike_each_other() -> None:
    pairs = _pairs("Washington, along with London and Paris, launched strikes on military targets.", "ASSAULT")
    assert {s for s, _ in pairs} == {"Washington", "London", "Paris"}
    assert all(t not in {"Washington", "London", "Paris"} for _, t in pairs)
    assert _pairs("The US and Britain launched strikes on targets in the desert.", "ASSAULT") == {("US", None), ("Britain", None)}


def test_force_aimed_at_a_partys_positions_is_aimed_at_the_party() -> None:
    assert _pairs("The US and Britain launched strikes on Syrian government targets.", "ASSAULT") == {
        ("US", "Syrian government"), ("Britain", "Syrian government")}


def test_parties_that_clash_or_exchange_fire_act_on_each_other() -> None:
    # control: acts aimed at nothing, or at the pattern's own words, keep the mutual reading
    assert _pairs("India and Pakistan exchanged fire across the border.", "ASSAULT") == {("India", "Pakistan"), ("Pakistan", "India")}


def test_both_is_no_part_of_the_first_partys_words() -> None:
    sources = {e["source"]["text"] for e in text_events("Both the army and the rebels accused each other of breaking the truce.")}
    assert sources == {"army", "rebels"}
