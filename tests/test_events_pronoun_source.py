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


def test_a_pronoun_names_its_referent_as_its_sentence_wrote_it() -> None:
    """Before: a possessive taken up from a person named earlier in the same sentence gave the person's bare name,
    though the sentence wrote them with their office ("the former interior minister, X ... her role"), which the
    field's coders keep in the span."""
    text = ("Prosecutors say the former interior minister, Dalia Ferreyra, faces a lawsuit over her alleged role in the "
            "kidnapping of a union organiser.")
    kidnap = [e for e in _typed(text) if e["plover_type"] == "ASSAULT"]
    assert kidnap and kidnap[0]["source"]["text"] == "former interior minister, Dalia Ferreyra"


def test_a_pronoun_of_a_person_named_in_another_sentence_names_the_entity() -> None:
    # control: with no mention before it in its own sentence, the record names the person by the entity's name
    text = "Dalia Ferreyra was the interior minister until May. Police later raided her office in the capital."
    raid = [e for e in _typed(text) if e["plover_type"] == "ASSAULT"]
    assert raid and raid[0]["target"]["text"] == "Dalia Ferreyra"
