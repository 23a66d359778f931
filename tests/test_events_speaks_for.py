"""One who speaks or acts for someone is named with them (issue 14, ``participants._SPEAKS_FOR``). Sentences are the
team's own.

"A spokesman for X", "lawyers for the family": the "for" phrase is part of the name, as an "of" phrase is for an
official ("an official of the ministry"), so the source reads "spokesman for X", not a bare "spokesman" that names no
one. Gold event records write such a source with the one spoken for.
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


def _typed(text: str) -> list[dict]:
    return [e for e in text_events(text, "t-speaks-for") if e["plover_type"]]


def test_a_spokesman_for_a_group_is_named_with_it() -> None:
    top = top_typed_event(_typed("A spokesman for Hezbollah accused Israel of breaking the ceasefire."))
    assert top["source"]["text"] == "spokesman for Hezbollah"


def test_an_of_phrase_still_names_a_representative() -> None:
    top = top_typed_event(_typed("A representative of the workers' union criticised the mine owners."))
    assert top["source"]["text"].startswith("representative of")


def test_a_for_phrase_of_other_nouns_is_no_part_of_their_name() -> None:
    top = top_typed_event(_typed("Soldiers for the operation arrested three suspects."))
    assert top["source"]["text"] == "Soldiers"


def test_an_act_charged_is_no_part_of_the_name_of_the_accused() -> None:
    # "accused the police of [beating] protesters": the parser reads the gerund as a modifier of its object; the "of"
    # phrase is the charge, not part of the name ("members of the ruling party" keeps its "of")
    top = top_typed_event(_typed("The students accused the guards of beating prisoners."))
    assert top["target"]["text"] == "guards"
    assert top_typed_event(_typed("Members of the ruling party accused the mayor of fraud."))["source"]["text"] == "Members of the ruling party"
