"""A country's name the tagger took for a common noun is still a country (issue 14, ``entities._untagged_country``).
Sentences are the team's own.

The small model tags a rarely seen one-word country name that opens a sentence as a noun and marks no entity, so the
act it does had no source. A capitalised noun that the gazetteer knows as a country, and that is no common English
word, is a place mention (GPE) like any the tagger marks.
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


def _typed(text: str) -> list[dict]:
    return [e for e in text_events(text, "t-country") if e["plover_type"]]


def test_a_country_opening_a_sentence_is_the_source() -> None:
    top = top_typed_event(_typed("Bahrain severed diplomatic ties with Qatar."))
    assert (top["cameo_code"], top["source"]["text"], top["target"]["text"]) == ("161", "Bahrain", "Qatar")
    assert top["source"]["country"] == "BHR"


def test_a_common_word_is_no_country() -> None:
    # "turkey" is a common English word: the gazetteer does not overrule the tagger for it
    events = _typed("Turkey prices rose sharply before the holiday.")
    assert all(e["source"]["text"] != "Turkey" for e in events)


def test_a_country_after_a_dateline_dash_is_the_source() -> None:
    """A dash between words is no hyphen: the name after a dateline's dash is no part of a hyphened name ("the
    Togo-Peru deal"), so a country the tagger missed there is still a place mention and the doer."""
    top = top_typed_event(_typed("NIAMEY (AFP) - Niger severed diplomatic ties with Mali on Friday."))
    assert (top["cameo_code"], top["source"]["text"], top["target"]["text"]) == ("161", "Niger", "Mali")
    top = top_typed_event(_typed("NIAMEY - Niger recalled its ambassador to Mali on Friday."))
    assert top["source"]["text"] == "Niger"

