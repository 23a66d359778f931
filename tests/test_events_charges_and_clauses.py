"""Where an actor's phrase ends, and which clause an act belongs to.

Sentences are the team's own (issue 14):
- a verb that takes "V X of Y" (PETRARCH2's blocks with an "of" pattern after a bare object: accuse, suspect,
  warn, strip, clear) reads Y as the charge or the matter; when the parser hangs "of Y" on the object, the
  actor is X alone ("accused the army of genocide": the army). An "of" that names an actor, or the group a
  part or a count is of, stays ("the government of Sudan", "members of the public");
- a weapon or an aircraft as subject acts by force: a verb that is also an event noun ("struck" / "a strike")
  gets no alternative from the noun's other senses (a labour strike);
- a crowd of civilians that gathers, with no purpose a pattern names, is a demonstration (event_crowd_acts.tsv,
  default code only); gathering for talks stays a meeting;
- what a protest demands, in a clause of its verb, ranks below the protest.
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


def _top(text: str) -> dict:
    return top_typed_event(text_events(text, "t-charges"))


def test_the_charge_is_not_part_of_the_accused() -> None:
    top = _top("Rebel commanders accused the army of genocide in the eastern hills.")
    assert top["plover_type"] == "ACCUSE"
    assert top["target"]["text"] == "army"


def test_the_warned_of_matter_is_not_part_of_the_warned() -> None:
    top = _top("A senior official warned the rebels of severe consequences on Sunday.")
    assert top["target"]["text"] == "rebels"


def test_what_is_stripped_is_not_part_of_whom() -> None:
    top = _top("The regime stripped the exiled dissident of his citizenship.")
    assert top["plover_type"] == "COERCE"
    assert top["target"]["text"] == "exiled dissident"


def test_an_of_phrase_naming_a_state_stays() -> None:
    top = _top("Exiled activists accused the government of Sudan of starving civilians.")
    assert top["plover_type"] == "ACCUSE"
    assert top["target"]["text"] == "government of Sudan"


def test_an_of_phrase_after_another_verb_stays() -> None:
    # "visit" takes no "of" complement: the phrase is the actor's own
    top = _top("The envoy met the leader of the opposition in the capital.")
    assert top["target"]["text"] == "leader of the opposition"


def test_aircraft_that_strike_attack() -> None:
    top = _top("Government warplanes struck rebel-held hamlets near the river before dawn.")
    assert top["plover_type"] == "ASSAULT"


def test_workers_that_strike_walk_out() -> None:
    top = _top("Bus drivers struck for a third day over unpaid overtime.")
    assert top["plover_type"] == "PROTEST"


def test_a_crowd_that_gathers_with_demands_protests() -> None:
    top = _top("Thousands of cotton farmers gathered in the provincial capital on Tuesday demanding subsidies.")
    assert top["plover_type"] == "PROTEST"
    assert top["source"]["sector"] == "AGR"


def test_gathering_for_talks_stays_a_meeting() -> None:
    evs = text_events("Students gathered for a meeting with the dean on Thursday.", "t-charges")
    assert all(e["plover_type"] != "PROTEST" for e in evs), evs


def test_a_coordinated_demand_ranks_below_the_gathering() -> None:
    top = _top("Hundreds of pensioners gathered outside the town hall and demanded a pension rise.")
    assert top["plover_type"] == "PROTEST"
