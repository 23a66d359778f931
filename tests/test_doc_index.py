"""``doc_index``'s shortcuts must answer exactly what the spaCy or ``re`` call they replace answers."""

from __future__ import annotations

import re

import pytest

from streams.extraction.doc_index import doc_text, has_word, span_text
from streams.extraction.nlp import parse

TEXT = ("Naïve café-owners in São Paulo_x met 2people; the UN's envoy said: ÉCOLE école x_y straße İstanbul.\n\n"
        "A second   paragraph, with  odd spacing\tand a tab, ends here ")


@pytest.fixture(scope="module")
def doc():
    return next(parse([TEXT]))


def test_text_and_span_text_are_spacys(doc) -> None:
    assert doc_text(doc) == doc.text == TEXT
    for sent in doc.sents:
        assert span_text(sent) == sent.text
    for ent in doc.ents:
        assert span_text(ent) == ent.text
    for i in range(0, len(doc) - 3, 3):
        assert span_text(doc[i : i + 4]) == doc[i : i + 4].text


def test_has_word_is_the_word_boundary_search(doc) -> None:
    words = ["naïve", "café", "owners", "paulo", "paulo_x", "people", "2people", "un", "s", "école", "straße",
             "i̇stanbul", "istanbul", "x", "y", "envoy", "said", "paragraph", "spacing", "tab", "here", "her"]
    for w in words:
        assert has_word(doc, w) == (re.search(rf"\b{re.escape(w)}\b", TEXT) is not None), w
