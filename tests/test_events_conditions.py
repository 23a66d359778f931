"""A condition set with "provided" or "providing" is a condition, as an if-clause is (``modality.conditional_conjunction``).

Sentences are the team's own. The parser reads "provided" before a clause as a verb with that clause as its
complement; before, the act of the condition ("provided the militia frees the captives") was coded as done, above the
offer it conditions, and "provided" itself as an act of giving. The condition is flagged hypothetical and costs its
confidence what an if-clause costs (``builder.CONDITION_PENALTY``).
"""

from __future__ import annotations

from conftest import text_events


def test_the_act_a_provided_clause_sets_as_condition_is_hypothetical() -> None:
    events = text_events("The government said it was ready to restart peace talks with the rebels, provided the "
                         "militia frees the captives it holds.")
    freed = [e for e in events if e["plover_type"] == "RETREAT"]
    assert freed and all(e["hypothetical"] for e in freed)
    assert not [e for e in events if e["action"]["text"].lower() == "provided"]


def test_provided_with_a_subject_or_an_object_still_gives() -> None:
    assert [e for e in text_events("The army provided the villagers with food and water.") if e["plover_type"] in ("COOPERATE", "AID")]


def test_the_offer_a_condition_is_set_on_ranks_above_the_condition() -> None:
    events = [e for e in text_events("LIMA, May 2 (Reuters) - The government said on Monday it was prepared to reopen talks "
                                     "with the guerrilla group, provided the fighters release every hostage they are holding.")
              if e["plover_type"]]
    assert max(events, key=lambda e: e["confidence"])["plover_type"] == "AGREE"


def test_what_a_subjunctive_says_is_wanted_is_not_done() -> None:
    """``modality.is_subjunctive``: "that Ankara pull out its troops" (the bare form after a singular subject) says what
    is wanted, however the parser hangs the clause; before, the pull-out was coded as done, above the demand."""
    events = [e for e in text_events("The government in Baghdad insisted in a statement on Sunday that Ankara withdraw its "
                                     "soldiers from the base at once.") if e["plover_type"]]
    retreat = [e for e in events if e["plover_type"] == "RETREAT"]
    assert retreat and all(e["hypothetical"] for e in retreat)
    assert max(events, key=lambda e: e["confidence"])["plover_type"] == "REQUEST"


def test_a_plural_verb_after_a_collective_noun_is_no_subjunctive() -> None:
    found = [e for e in text_events("The report said that the police arrest hundreds of migrants every year.") if e["plover_type"] == "COERCE"]
    assert found and not any(e["hypothetical"] for e in found)
