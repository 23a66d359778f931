"""What a protest is against, what a plea asks for, and acts that have not happened (issue 14).

Sentences are the team's own.
- a protest against an act ("protested against the arrest of X", "in protest against the killing of X") is what the
  sentence reports: the act protested ranks below it (builder._answered, for verbs and act nouns of PROTEST);
- an act noun's own request ("a plea to Y to release X") asks for what it names; "plea" is an appeal (020, event_nouns.tsv);
- an act noun modified as not having happened ("a planned attack", "the proposed talks", "a foiled bombing") is
  hypothetical (modality.is_hypothetical); an attempt did happen and is not; so is an act named as what may come
  ("raised the prospect of", "the risk of", "fears of"), and ranks below what did happen.
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


def _typed(text: str) -> list[dict]:
    return [e for e in text_events(text, "t-grievance") if e["plover_type"]]


def test_the_protest_outranks_the_act_it_protests() -> None:
    top = top_typed_event(_typed("Thousands protested against the arrest of the opposition leader."))
    assert top["plover_type"] == "PROTEST"
    top = top_typed_event(_typed("Students demonstrated over the shooting of a classmate by police."))
    assert top["plover_type"] == "PROTEST"
    assert top["source"]["text"] == "Students"


def test_a_plea_is_an_appeal_to_whom_it_is_made() -> None:
    top = top_typed_event(_typed("The mother of a jailed aid worker made a fresh plea to Tehran to release her son."))
    assert top["cameo_code"] == "020"
    assert top["target"]["text"] == "Tehran"


def test_an_act_that_has_not_happened_is_hypothetical() -> None:
    events = _typed("Police said they had uncovered a planned attack on the embassy by militants.")
    attacks = [e for e in events if e["plover_type"] == "ASSAULT"]
    assert attacks and all(e["hypothetical"] for e in attacks)
    attempts = [e for e in _typed("Militants carried out an attempted assassination of the governor.") if e["plover_type"] == "ASSAULT"]
    assert attempts and not any(e["hypothetical"] for e in attempts)


def test_an_act_named_as_what_may_come_is_hypothetical() -> None:
    events = _typed("The airline cancelled the pilots' bonus, raising the prospect of a walkout by the crews.")
    strikes = [e for e in events if e["plover_type"] == "PROTEST"]
    assert strikes and all(e["hypothetical"] for e in strikes)
    events = _typed("Analysts pointed to the risk of clashes between government troops and the rebels.")
    clashes = [e for e in events if e["plover_type"] == "ASSAULT"]
    assert clashes and all(e["hypothetical"] for e in clashes)
