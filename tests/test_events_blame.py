"""Blame laid in a clause, and things condemned (issue 14). Sentences are the team's own.

- A statement whose clause says someone is responsible, guilty or behind something accuses them
  (``event_blame_predicates.tsv``, ``frames._blaming_statements``): the clause's subject is the target. Blame denied
  ("were not responsible") or laid on a pronoun (a duty, a claim of one's own deed) is no accusation, nor is blame
  laid on a thing ("the economy was responsible").
- A verb of its own code that takes a blaming verb's pattern keeps its own act when what it names is a thing: the
  dictionary's "- * VIOLENCE [112]", written for "blame", made "condemned the violence" an accusation of no one,
  which the coder then dropped as blaming a thing; condemning a thing is a criticism with no target.
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


def _typed(text: str) -> list[dict]:
    return [e for e in text_events(text, "t-blame") if e["plover_type"]]


def test_a_statement_that_lays_blame_accuses() -> None:
    top = top_typed_event(_typed("The navy said pirates were responsible for the hijacking of the tanker."))
    assert (top["cameo_code"], top["plover_type"]) == ("112", "ACCUSE")
    assert (top["source"]["text"], top["target"]["text"]) == ("navy", "pirates")


def test_behind_and_to_blame_lay_blame_too() -> None:
    assert top_typed_event(_typed("Investigators said a separatist group was behind the explosion."))["target"]["text"] == "separatist group"
    assert top_typed_event(_typed("The inquiry said the coast guard was to blame for the delay."))["plover_type"] == "ACCUSE"


def test_blame_denied_or_laid_on_a_thing_or_a_pronoun_accuses_no_one() -> None:
    for text in ("The ministry said the protesters were not responsible for the fire.",
                 "The governor said rising prices were responsible for the unrest.",
                 "The company said it was responsible for the repairs."):
        assert not any(e["cameo_code"] == "112" for e in _typed(text)), text


def test_condemning_a_thing_is_a_criticism_of_no_one() -> None:
    top = top_typed_event(_typed("The bishop condemned the violence."))
    assert (top["cameo_code"], top["source"]["text"], top["target"]) == ("111", "bishop", None)


def test_a_criticised_act_is_its_doers_not_its_victims() -> None:
    # CAMEO 11 aimed at an act: its doer is the target ("by Y", "Y's"), those it befell ("of X") are not
    from conftest import text_events, top_typed_event

    top = top_typed_event(text_events("The UN condemned the killing of two journalists by soldiers.", "t-blame"))
    assert top["plover_type"] == "ACCUSE"
    assert top["target"]["text"] == "soldiers"
    top = top_typed_event(text_events("Pakistan's Foreign Office condemned what it called the extrajudicial killing of two "
                                      "youths by Indian forces.", "t-blame"))
    assert top["plover_type"] == "ACCUSE"
    assert top["target"]["text"] == "Indian forces"
    top = top_typed_event(text_events("The opposition condemned the arrest of its leader.", "t-blame"))
    assert top["plover_type"] == "ACCUSE"
    assert top["target"] is None
