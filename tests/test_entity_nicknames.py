"""A person's name with a quoted alias inside it is one name (``streams.extraction.entity_nicknames``), on sentences
of the team's own: the small model cut such a name at the quote, and the record named the person arrested or killed
by a fragment ending in a quote mark, or named no one."""

from __future__ import annotations

import pytest
from conftest import top_event_fields


@pytest.fixture(scope="module")
def nlp():
    from streams.extraction.nlp import load_nlp

    return load_nlp()


def test_the_stage_runs_after_the_amounts_and_the_stock_side_has_neither() -> None:
    from streams.extraction.entity_amounts import FACTORY as AMOUNTS
    from streams.extraction.entity_nicknames import FACTORY
    from streams.extraction.nlp import build_nlp, load_nlp

    names = load_nlp().pipe_names
    assert names.index(FACTORY) == names.index(AMOUNTS) + 1 == names.index("ner") + 2
    stock = build_nlp(attribute_table=False, paragraph_breaks=False, entity_amounts=False, nicknames=False).pipe_names
    assert FACTORY not in stock and AMOUNTS not in stock


@pytest.mark.parametrize("text, name", [
    ('Mexican marines captured Joaquin "El Flaco" Reyes in a raid on a ranch.', 'Joaquin "El Flaco" Reyes'),
    ('Police arrested Juan "El Gordo" Perez on Monday.', 'Juan "El Gordo" Perez'),
])
def test_a_quoted_alias_is_part_of_the_name(nlp, text: str, name: str) -> None:
    assert (name, "PERSON") in [(e.text, e.label_) for e in nlp(text).ents]
    assert top_event_fields(text)[3] == name


def test_quotes_around_a_name_of_its_own_join_nothing(nlp) -> None:
    ents = [(e.text, e.label_) for e in nlp('Kenya and "Uganda" signed a trade deal in Nairobi.').ents]
    assert ("Kenya", "GPE") in ents and not [t for t, _ in ents if '"' in t]
    # a title in quotes after a verb is no alias: no name before it
    assert not [e for e in nlp('The minister called the plan "Project Hope" on Monday.').ents if e.label_ == "PERSON"]
