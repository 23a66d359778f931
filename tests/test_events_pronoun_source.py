"""A doer named only by a pronoun the article cannot resolve (issue 14, ``participants.unresolved_pronoun``).
Sentences are the team's own.

A text that opens with "he" or "they" as the subject of an act on a named actor gives the pronoun as the source's
text (the gold records of the field write it so), with no entity, canonical name or sector. A pronoun is never a
target, alone it licenses no event, and one the article resolves still gives its referent.
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


def _typed(text: str) -> list[dict]:
    return [e for e in text_events(text, "t-pron") if e["plover_type"]]


def test_an_unresolved_subject_pronoun_is_the_source_text() -> None:
    top = top_typed_event(_typed("She accused the ministry of hiding the figures."))
    assert top["plover_type"] == "ACCUSE"
    assert top["source"] == {"text": "She", "canonical": None, "entity": None, "country": None, "sector": None}
    assert top["target"]["text"] == "ministry"


def test_an_unresolved_pronoun_is_never_a_target() -> None:
    events = _typed("He met the Belizean foreign minister in the capital on Tuesday.")
    assert [e["source"]["text"] for e in events if e["target"]] == ["He"]
    assert all((e["target"] or {}).get("text") != "He" for e in events)


def test_a_pronoun_alone_names_no_actor() -> None:
    assert _typed("They fled across the border at dawn.") == []


def test_a_resolved_pronoun_gives_its_referent() -> None:
    events = _typed("Kenyan police raided the camp. They arrested five men.")
    arrest = [e for e in events if e["cameo_code"] == "173"]
    assert arrest and arrest[0]["source"]["text"] == "Kenyan police"
