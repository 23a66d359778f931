"""Phenomena of actor text and clause targets, each on sentences of the team's own:

- a number that counts an actor is no part of its text (the field's human coders write "soldiers" for "at least
  twelve soldiers"; the count is the event's quantities), while a phrase that collects the actor keeps its words;
- who is asked to act is the subject of the clause that says what, or, when that subject names no actor, whose it is
  ("demanded that the UN mission quit": the UN).
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


def test_a_counted_actor_is_written_without_its_count() -> None:
    top = top_typed_event(text_events("Militiamen abducted more than 300 villagers from two hamlets in the hills on Sunday."))
    assert (top["plover_type"], top["source"]["text"], top["target"]["text"]) == ("ASSAULT", "Militiamen", "villagers")
    top = top_typed_event(text_events("At least 14 police officers were killed when insurgents stormed a station near the border."))
    assert (top["plover_type"], top["source"]["text"], top["target"]["text"]) == ("ASSAULT", "insurgents", "police officers")


def test_a_collected_actor_keeps_the_words_that_collect_it() -> None:
    top = top_typed_event(text_events("Riot police detained dozens of opposition supporters outside the electoral commission."))
    assert (top["plover_type"], top["target"]["text"]) == ("COERCE", "dozens of opposition supporters")


def test_who_is_asked_in_a_that_clause_can_be_its_subjects_owner() -> None:
    top = top_typed_event(text_events("The junta demanded that the UN mission quit the country by the end of the year."))
    assert (top["plover_type"], top["source"]["text"], top["target"]["text"]) == ("REQUEST", "junta", "UN")
    # a subject that names an actor is the target itself
    top = top_typed_event(text_events("The junta demanded that French troops quit the country by the end of the year."))
    assert (top["plover_type"], top["target"]["text"]) == ("REQUEST", "French troops")
