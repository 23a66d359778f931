"""Giving in, calling off, and acts a rule forbids (issue 14). Sentences are the team's own.

- "meet" with a demand as its object gives in to it (event_verbs.tsv, YIELD: 080); meeting people stays a meeting;
- a crowd (workers, farmers, students, civilians) that calls off its own action eases its dissent (CAMEO 082,
  event_crowd_acts.tsv); an army that calls off an offensive de-escalates (087), as the dictionary codes it;
- an act named in the "on" phrase of a ban or a curb is what the rule forbids: hypothetical, no act that happened
  (modality.is_hypothetical).
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


def _typed(text: str) -> list[dict]:
    return [e for e in text_events(text, "t-yielding") if e["plover_type"]]


def test_meeting_a_demand_gives_in_to_it() -> None:
    top = top_typed_event(_typed("The governor met the nurses' main demand on Friday after a week of sit-ins."))
    assert (top["plover_type"], top["cameo_code"], top["source"]["text"]) == ("CONCEDE", "080", "governor")
    top = top_typed_event(_typed("The cabinet met all their demands within a day."))
    assert (top["plover_type"], top["source"]["text"]) == ("CONCEDE", "cabinet")


def test_meeting_people_is_still_a_meeting() -> None:
    top = top_typed_event(_typed("The governor met the nurses' leaders on Friday."))
    assert (top["plover_type"], top["cameo_code"]) == ("CONSULT", "040")


def test_a_crowd_calling_off_its_action_eases_dissent() -> None:
    top = top_typed_event(_typed("Farmers called off their blockade of the ring road on Sunday."))
    assert (top["plover_type"], top["cameo_code"], top["source"]["text"]) == ("CONCEDE", "082", "Farmers")
    top = top_typed_event(_typed("The teachers' union called off its strike after the pay offer."))
    assert (top["plover_type"], top["cameo_code"]) == ("CONCEDE", "082")


def test_an_army_calling_off_an_offensive_de_escalates() -> None:
    top = top_typed_event(_typed("The army called off its offensive on the rebel town."))
    assert (top["plover_type"], top["cameo_code"][:3]) == ("RETREAT", "087")


def test_an_act_a_ban_forbids_has_not_happened() -> None:
    events = _typed("The council lifted its ban on opposition rallies on Monday.")
    top = top_typed_event(events)
    assert (top["plover_type"], top["source"]["text"]) == ("CONCEDE", "council")
    # the rallies are published, if at all, as hypothetical (the flag costs them confidence: most fall below the bar)
    assert all(e["hypothetical"] for e in events if e["plover_type"] == "PROTEST")
    curbed = [e for e in _typed("Police enforced curbs on opposition protests near parliament.") if e["plover_type"] == "PROTEST"]
    assert curbed and all(e["hypothetical"] for e in curbed)


def test_an_act_on_which_no_rule_bears_stays_actual() -> None:
    held = [e for e in _typed("Opposition supporters held rallies on Monday across the capital.") if e["plover_type"] == "PROTEST"]
    assert held and not any(e["hypothetical"] for e in held)
