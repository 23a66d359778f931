"""Who won or lost a vote is no act of force (``event_contests.tsv``, ``builder._won_in_contest``).

Sentences are the team's own. The dictionary codes "defeated", "beat", "routed" as force (19x) whatever was fought:
an election, a run-off or a vote won "by a wide margin" made the winner the attacker of the loser (or, between two
people with no arms, a criticism). A phrase of the verb that names such a contest makes it no act; a battle keeps it.
"""

from __future__ import annotations

import pytest

from conftest import text_events, top_typed_event


@pytest.mark.parametrize("text", [
    "The sitting governor defeated her challenger in Sunday's run-off, the electoral board said.",
    "The opposition alliance routed the ruling party in the municipal elections.",
    "The former mayor beat three rivals by a wide margin to win the party's nomination.",
])
def test_a_contest_won_by_votes_is_no_act(text) -> None:
    assert not [e for e in text_events(text) if e["plover_type"] in ("ASSAULT", "COERCE", "ACCUSE")]


def test_a_battle_won_stays_an_act_of_force() -> None:
    top = top_typed_event(text_events("Government forces defeated the insurgents in a battle near the dam on Friday."))
    assert (top["plover_type"], top["source"]["text"]) == ("ASSAULT", "Government forces")


@pytest.mark.parametrize("text", [
    "The home side crushed their city rivals 4-1 on Saturday.",
    "Uruguay defeated Peru 3-0 in a qualifier played in Montevideo.",
    "A teenage prodigy crushed the defending champion in just 31 moves.",
])
def test_a_game_won_with_a_verb_of_force_is_no_act(text) -> None:
    """event_contests.tsv (games, matches, moves) and builder._score_after (a score after the verb): who won a game
    is no act of force. A count written with a dash ("killed 20-30 villagers") is no score."""
    assert not [e for e in text_events(text) if e["plover_type"]]
    top = top_typed_event(text_events("Gunmen killed 20-30 villagers in the attack."))
    assert top["plover_type"] == "ASSAULT"


@pytest.mark.parametrize("text", [
    "Zambia Stun Egypt 1-0 In Cairo To Book Final Spot",
    "Lesotho humiliated Angola 3-0 in Maseru on Saturday.",
])
def test_a_score_ends_any_verb_in_a_result(text) -> None:
    """builder._won_in_contest: a score after the verb or after a side tells a game's result whatever the verb (a
    verb of surprise or humiliation is a criticism in the dictionary)."""
    assert not [e for e in text_events(text) if e["plover_type"]]


def test_what_a_result_led_to_is_part_of_the_game() -> None:
    assert not [e for e in text_events("Porto edged Benfica 3-2 on Sunday to go top of the table.") if e["plover_type"]]


def test_a_tally_of_votes_keeps_what_it_decided() -> None:
    """A verb with a clause after the tally decided it ("voted 7-2 to ban"): the clause's act is coded."""
    top = top_typed_event(text_events("The city council voted 7-2 to ban protests outside the town hall."))
    assert top["plover_type"] == "COERCE"
