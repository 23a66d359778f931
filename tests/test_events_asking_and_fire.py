"""Asking in other words, fire taken, and memoranda signed, on sentences of the team's own:

- "called for X to do Y" asks X (the dictionary's "CALL * FOR" appeal): the parser makes "for" the marker of the
  infinitive clause, not the verb's preposition, and the verb was read as a phone call (041) with no target;
- a verb of wanting (event_wantings.tsv: want, seek) whose want is another party's act, a thing from another party,
  or an act noun whose doer is named asks that party (REQUEST), and what is asked has not happened; wanting one's
  own act stays an intent (AGREE);
- "came under attack / shelling" is an act undergone, not an arrival (the dictionary's ARRIVE block read
  "peacekeepers" as arriving); the verb's "from" phrase names the doer;
- "came under fire" is criticism, unless an armed party fires it ("from gunmen") or, with no one named as firing, an
  armed party draws it ("soldiers came under fire"): then it is shooting (ASSAULT); a reason ("over its handling")
  keeps it criticism;
- a memorandum of understanding ("signed three MoUs") is a written agreement (&TREATY), signed between the parties,
  and no party itself, whatever the tagger makes of the abbreviation;
- a bare pattern the dictionary repeats with the code of a qualified form of its noun ("message" 130 beside "warning
  message" 130 in SEND) is dropped at build time (``tools/build_event_tables.align_qualified_duplicates``): a message
  of condolence is no threat.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import text_events, top_typed_event


def _top(text: str) -> tuple[str, str, str | None]:
    top = top_typed_event(text_events(text))
    return top["plover_type"], top["source"]["text"], (top["target"] or {}).get("text")


@pytest.mark.parametrize("text, target", [
    ("The regional bloc called for the junta to free the detained ministers.", "junta"),
    ("Opposition deputies called for the prime minister to step down.", "prime minister"),
    ("The teachers' union pressed for the ministry to reopen the schools.", "ministry"),
])
def test_calling_for_a_party_to_act_asks_that_party(text: str, target: str) -> None:
    events = text_events(text)
    top = top_typed_event(events)
    assert (top["plover_type"], top["target"]["text"]) == ("REQUEST", target)
    assert not [e for e in events if e["plover_type"] == "CONSULT"]


@pytest.mark.parametrize("text, source, target", [
    ("Ankara wants Athens to hand over the two fugitives.", "Ankara", "Athens"),
    ("The farmers' unions want the government to cut fuel taxes.", "farmers' unions", "government"),
    ("Tokyo wants a formal apology from Seoul.", "Tokyo", "Seoul"),
    ("The victims' families sought an explanation from the army.", "victims' families", "army"),
    ("Opposition lawmakers sought the resignation of the interior minister.", "Opposition lawmakers", "interior minister"),
])
def test_wanting_another_partys_act_asks_it(text: str, source: str, target: str) -> None:
    assert _top(text) == ("REQUEST", source, target)


def test_what_a_party_is_wanted_to_do_has_not_happened() -> None:
    events = text_events("Ankara wants Athens to hand over the two fugitives.")
    top = top_typed_event(events)
    assert top["plover_type"] == "REQUEST"
    handed = [e for e in events if e["plover_type"] == "COOPERATE"]
    assert all(e["confidence"] < top["confidence"] for e in handed)


@pytest.mark.parametrize("text", [
    "The mayor wants to meet the protest leaders next week.",
    "Belgrade seeks to improve relations with Moscow.",
])
def test_wanting_ones_own_act_stays_an_intent(text: str) -> None:
    assert _top(text)[0] == "AGREE"


def test_coming_under_attack_is_undergone_not_an_arrival() -> None:
    events = text_events("Peacekeepers came under attack from militiamen near the airport.")
    assert [(e["plover_type"], e["source"]["text"], e["target"]["text"]) for e in events if e["plover_type"]] == [
        ("ASSAULT", "militiamen", "Peacekeepers")]


def test_coming_under_shelling_names_its_doer_from_the_phrase() -> None:
    assert _top("Government troops came under heavy shelling from the rebels overnight.") == (
        "ASSAULT", "rebels", "Government troops")


@pytest.mark.parametrize("text, expected", [
    ("Two soldiers came under fire near the border post.", ("ASSAULT", "", "soldiers")),
    ("Police came under fire from gunmen in the old city.", ("ASSAULT", "gunmen", "Police")),
    ("The minister came under fire from opposition lawmakers over the deal.", ("ACCUSE", "opposition lawmakers", "minister")),
    ("The army came under fire from rights groups.", ("ACCUSE", "rights groups", "army")),
    ("The army came under fire over its handling of the floods.", ("ACCUSE", "", "army")),
])
def test_fire_taken_is_shooting_only_by_or_at_an_armed_party(text: str, expected: tuple[str, str, str]) -> None:
    assert _top(text) == expected


@pytest.mark.parametrize("text", [
    "Kenya and Ethiopia signed three MoUs on trade.",
    "Kenya and Ethiopia inked three MoUs on Monday.",
])
def test_a_memorandum_of_understanding_is_an_agreement_signed_between_the_parties(text: str) -> None:
    # "MoU" is the dictionary's &TREATY by the team's table; the tagger's ORG reading of it names no party
    events = [e for e in text_events(text) if e["plover_type"]]
    assert {(e["cameo_code"], e["source"]["text"], e["target"]["text"]) for e in events} == {
        ("057", "Kenya", "Ethiopia"), ("057", "Ethiopia", "Kenya")}


def test_a_message_of_condolence_is_no_threat() -> None:
    events = text_events("The king sent a message of condolence to the Iranian president.")
    assert not [e for e in events if e["plover_type"] == "THREATEN"]


def test_a_bare_duplicate_of_a_qualified_patterns_code_is_dropped() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
    from build_event_tables import Pattern, align_qualified_duplicates

    patterns = [Pattern("SEND", 1, object="message", code="040"), Pattern("SEND", 2, object="warning message", code="130"),
                Pattern("SEND", 3, object="message", code="130"), Pattern("SEND", 4, object="letter", code="130"),
                Pattern("OTHER", 5, object="message", code="130")]
    assert align_qualified_duplicates(patterns) == 1
    assert [(p.block, p.line) for p in patterns] == [("SEND", 1), ("SEND", 2), ("SEND", 4), ("OTHER", 5)]


def test_the_shipped_table_holds_no_bare_threatening_message() -> None:
    from streams.data import rows

    assert not [r for r in rows("cameo_patterns.tsv") if r[0] == "SEND" and r[4] == "message" and r[9] == "130"]
