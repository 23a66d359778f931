"""``doc_index``'s shortcuts must answer exactly what the spaCy or ``re`` call they replace answers."""

from __future__ import annotations

import re

import pytest

from streams.extraction.doc_index import doc_ents, doc_text, ents, has_word, sentences, span_text
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


def test_cached_entities_and_sentences_are_spacys(doc) -> None:
    assert [(e.start, e.end, e.label_) for e in doc_ents(doc)] == [(e.start, e.end, e.label_) for e in doc.ents]
    assert doc_ents(doc) is doc_ents(doc)  # made once per doc
    assert [(s.start, s.end) for s in sentences(doc)] == [(s.start, s.end) for s in doc.sents]
    for sent in doc.sents:
        assert [(e.start, e.end) for e in ents(sent)] == [(e.start, e.end) for e in sent.ents]
