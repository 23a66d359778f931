"""Mediation is aimed at the parties it stands between, on sentences of the team's own (issue 14).

A verb's "between" phrase named no target (only a noun's did: "talks between X and Y"), so a state that "mediated
between" two parties mediated with no one. For acts of meeting, mediating and negotiating and the intents to them
(CAMEO 03, 04) the parties the verb stands between are its targets when it has no other (``builder``,
``_MEDIATING_ROOTS``); the classifier's features are unchanged by it. Fighting that broke out between two parties keeps
its own reading (``frames.parties_between``: they are its doers, each on the other). A progressive the parser read as
"be" with a gerund predicate ("X is | mediating") keeps its subject (``slots.agent_heads``).
"""

from __future__ import annotations

from conftest import text_events


def _pairs(text: str, code: str) -> set[tuple[str, str | None]]:
    return {(e["source"]["text"], (e["target"] or {}).get("text")) for e in text_events(text) if e["cameo_code"] == code}


def test_mediating_between_two_parties_is_aimed_at_both() -> None:
    assert _pairs("Algeria quietly mediated between Bamako's junta and the Tuareg rebels last year.", "045") == {
        ("Algeria", "Bamako's junta"), ("Algeria", "Tuareg rebels")}


def test_a_progressive_read_as_a_predicate_keeps_its_subject() -> None:
    assert _pairs("Qatar is mediating between Hamas and the Palestinian Authority.", "045") == {
        ("Qatar", "Hamas"), ("Qatar", "Palestinian Authority")}


def test_fighting_between_two_parties_keeps_its_direction() -> None:
    # control: the happening verb's parties come in the order the sentence names them
    events = [e for e in text_events("Fierce clashes erupted on Sunday between Malian soldiers and Tuareg rebels near Kidal.")
              if e["plover_type"] == "ASSAULT"]
    top = max(events, key=lambda e: e["confidence"])
    assert (top["source"]["text"], top["target"]["text"]) == ("Malian soldiers", "Tuareg rebels")
