"""A law does what its clause says through whoever passes it, on sentences of the team's own (issue 14).

"Passed a law banning protests": the parser hangs "banning" on "law", so the ban had the law for its doer (no actor,
no event) and the verb of passing its dictionary default (080, yield) was the only event. The law, bill, decree or
order (``event_synsets.tsv`` &ENACTMENT) now acts through the subject of the verb that passed or issued it
(``slots.agent_heads``), and a passing verb coded only by its default gives way to the act (``builder._enacting_verbs``).
A verb whose own pattern names the enactment, and an enactment with no clause, keep their coding.
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


def test_a_law_banning_an_act_is_its_enactors_ban() -> None:
    top = top_typed_event(text_events("The national assembly passed a law banning street marches in the capital."))
    assert (top["plover_type"], top["cameo_code"][:2], top["source"]["text"]) == ("COERCE", "17", "national assembly")


def test_the_passing_verb_gives_way_only_to_a_clause_that_codes_an_act() -> None:
    # control: a law passed with no clause of its own bans nothing
    events = text_events("The national assembly passed the new electoral law on Friday.")
    assert not [e for e in events if e["plover_type"] == "COERCE"]
