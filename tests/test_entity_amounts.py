"""A name is cut from the amount the small model runs into it (``streams.extraction.entity_amounts``), on sentences of
the team's own: with two objects ("will lend X an amount") the recogniser reads the state and the sum as one
organisation, facility, sum or law, and the party was lost from the record; a model's number stays in its name."""

from __future__ import annotations

import pytest
from conftest import top_event_fields


@pytest.fixture(scope="module")
def nlp():
    from streams.extraction.nlp import load_nlp

    return load_nlp()


def _ents(nlp, text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in nlp(text).ents]


def test_the_stage_cuts_after_the_recogniser_and_the_stock_side_does_not() -> None:
    from streams.extraction.entity_amounts import FACTORY
    from streams.extraction.nlp import build_nlp, load_nlp

    names = load_nlp().pipe_names
    assert names.index(FACTORY) == names.index("ner") + 1
    assert FACTORY not in build_nlp(attribute_table=False, paragraph_breaks=False, entity_amounts=False).pipe_names


@pytest.mark.parametrize(("text", "state"), [
    ("The Asian Development Bank will lend Laos 400 million dollars for new roads.", "Laos"),
    ("The lender promised on Monday to lend Ghana 3 billion dollars for its railways.", "Ghana"),
])
def test_a_state_before_an_amount_is_its_own_entity(nlp, text: str, state: str) -> None:
    ents = _ents(nlp, text)
    assert (state, "GPE") in ents
    assert not [t for t, _ in ents if t.startswith(state + " ")]


@pytest.mark.parametrize(("text", "name"), [
    ("Traffic on Interstate 95 was halted for hours after the pile-up.", "Interstate 95"),
])
def test_a_name_that_ends_in_a_number_keeps_it(nlp, text: str, name: str) -> None:
    assert name in [t for t, _ in _ents(nlp, text)]


def test_the_cut_reads_the_tokens_of_a_name_and_an_amount() -> None:
    import spacy
    from spacy.tokens import Doc, Span

    from streams.extraction.entity_amounts import cut_amounts

    words = ["lend", "Nepal", "70", "million", "dollars", "for", "Boeing", "737", "jets", "and", "Acme", "5", "bn", "euros"]
    doc = Doc(spacy.blank("en").vocab, words=words)
    doc.ents = [Span(doc, 1, 5, label="ORG"), Span(doc, 6, 9, label="ORG"), Span(doc, 10, 14, label="ORG")]
    assert [(e.text, e.label_) for e in cut_amounts(doc).ents] == [
        ("Nepal", "GPE"), ("70 million dollars", "MONEY"), ("Boeing 737 jets", "ORG"), ("Acme", "ORG"), ("5 bn euros", "MONEY")]


def test_the_borrowing_state_is_the_loans_target() -> None:
    found = top_event_fields("The lender promised on Monday to lend Ghana 3 billion dollars for its railways.")
    assert found[3] == "Ghana"
