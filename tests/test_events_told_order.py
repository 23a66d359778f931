"""Coordinated acts of one doer rank in the order told (``builder._in_told_order``), on sentences of the team's own:
a sentence's coders code its first codeable action, so in "rescued X and detained Y" the rescue is the top event,
whatever the classifier makes of the sentence as a whole; an earlier act on no one named gives way to a later act
on someone ("raided the offices ... and detained nine reporters" is told for the detention)."""

from __future__ import annotations

from conftest import text_events, top_event_fields


def test_the_first_of_coordinated_acts_is_the_top_event() -> None:
    found = top_event_fields("The navy rescued 30 fishermen from a capsized trawler and detained two suspected pirates.")
    assert (found[0], found[3]) == ("AID", "fishermen")
    events = text_events("The navy rescued 30 fishermen from a capsized trawler and detained two suspected pirates.")
    assert {e["plover_type"] for e in events if e["plover_type"]} == {"AID", "COERCE"}  # the second act is still coded


def test_an_earlier_act_on_no_one_gives_way_to_a_later_act_on_someone() -> None:
    found = top_event_fields("Security agents searched the newsroom of a Harare weekly and detained nine reporters.")
    assert (found[0], found[3]) == ("COERCE", "reporters")
