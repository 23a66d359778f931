"""Meetings held at a place, and executions (issue 14). Sentences are the team's own.

- one meets *with* a party and *at* a place: the "at" phrase of a meeting, of talks or of an intent to meet names
  where it happened, not whom was met (``frames.at_is_venue``); a visit's place is its host and stays a target;
- a meeting that took place is a meeting (CAMEO 040), not an intent to meet (036), whatever place it names: PETRARCH2's
  prepositional MEET_PEOPLE patterns coded 036 are given the block's code by ``tools/build_event_tables.py``
  (``align_meetings``);
- "execute" is a killing (190) only when what is executed names people (``event_verbs.tsv`` object "people").
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


def _typed(text: str) -> list[dict]:
    return [e for e in text_events(text, "t-meetings") if e["plover_type"]]


def _top(text: str) -> dict:
    return top_typed_event(text_events(text, "t-meetings"))


def _pairs(events: list[dict]) -> set[tuple[str, str | None]]:
    return {(e["source"]["text"], (e["target"] or {}).get("text")) for e in events}


def test_the_place_of_a_meeting_is_no_party_to_it() -> None:
    events = _typed("Nurses and the health ministry met at the labour tribunal on Thursday over the wage row.")
    assert events and {e["plover_type"] for e in events} == {"CONSULT"}
    assert _pairs(events) == {("Nurses", "health ministry"), ("health ministry", "Nurses")}


def test_a_meeting_at_a_named_building_is_held_not_intended() -> None:
    top = _top("The Ghanaian trade minister met her Togolese counterpart at the finance ministry in Accra.")
    assert top["cameo_code"] == "040"
    assert top["target"]["text"] == "her Togolese counterpart"


def test_talks_at_a_compound_are_between_their_parties() -> None:
    events = _typed("Talks between the insurgents and the government at the UN compound collapsed on Friday.")
    assert _pairs(events) == {("insurgents", "government"), ("government", "insurgents")}


def test_a_visit_still_takes_its_host_from_at() -> None:
    top = _top("The Brazilian president arrived at the Kremlin for a three-day visit.")
    assert top["plover_type"] == "CONSULT"
    assert top["target"]["text"] == "Kremlin"


def test_executing_people_is_killing_them() -> None:
    top = _top("Belarus executed two men convicted of treason, a rights group said.")
    assert (top["cameo_code"], top["source"]["text"], top["target"]["text"]) == ("190", "Belarus", "men")
    top = _top("Four prisoners were executed at dawn in the central jail.")
    assert (top["cameo_code"], top["target"]["text"]) == ("190", "prisoners")


def test_executing_a_plan_or_a_warrant_is_no_killing() -> None:
    assert not _typed("The contractors executed the repair plan ahead of schedule.")
    assert not [e for e in _typed("Detectives executed a search warrant at the councillor's house.") if e["plover_type"] == "ASSAULT"]


def test_a_summing_up_after_a_comma_is_no_object_of_the_meeting() -> None:
    # "..., the first such visit in a decade" sums up the clause; the parser may read it as the verb's object, and a
    # meeting verb whose object is a thing meets no one ("faced hunger"): the apposition must not stop the meeting
    events = _typed("The defence ministers of Greece and Turkey met in Athens, their first talks since the dispute.")
    assert {e["plover_type"] for e in events} == {"CONSULT"}
    assert {(e["source"]["country"], e["target"]["country"]) for e in events} == {("GRC", "TUR"), ("TUR", "GRC")}
