"""No exception escapes the event coder, whatever the text or the entity table."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from streams.extraction.entities import Entity, EntityTable
from streams.extraction.events import code_events
from streams.ids import content_hash
from streams.records import CleanArticle

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
WORDS = ["Israel", "attacked", "Hamas", "said", "the", "police", "arrested", "met", "with", "and", "not", "will",
         "support", "for", "1,200", "killed", ".", ",", "“", "”", "he", "by", "was", "talks", "in", "Tehran", "Monday"]


@pytest.fixture(scope="session")
def nlp():
    from streams.extraction.nlp import load_nlp

    return load_nlp()


def _article(text: str) -> CleanArticle:
    return CleanArticle(article_id="r", body=text, content_hash=content_hash(text), cleaner_version="t", input_format="text", language="en")


def _table(doc, n: int) -> EntityTable:
    """n entities over arbitrary (possibly overlapping, possibly out-of-range) spans of the doc."""
    ents = []
    size = max(len(doc.text), 1)
    for i in range(n):
        start = (i * 7) % size
        ents.append(Entity(id=f"E{i}", canonical=f"Actor {i}", type=["PERSON", "ORG", "GPE", "NORP"][i % 4],
                           country=[None, "ISR", "IGO"][i % 3], sector=[None, "MIL"][i % 2],
                           spans=[(start, start + 1 + i % 9), (start + 3, start + 2)]))
    return EntityTable(ents)


@SETTINGS
@given(st.text(max_size=400))
def test_arbitrary_strings(nlp, text):
    doc = nlp(text)
    for n in (0, 1, 50):
        assert isinstance(code_events(doc, _table(doc, n), _article(text)), list)


@SETTINGS
@given(st.lists(st.sampled_from(WORDS), max_size=60), st.sampled_from([0, 1, 50]))
def test_newsy_word_salad(nlp, words, n):
    text = " ".join(words)
    doc = nlp(text)
    out = code_events(doc, _table(doc, n), _article(text))
    for e in out:
        assert 0.0 <= e["confidence"] <= 1.0


def test_full_extract_on_odd_inputs(nlp):
    from streams.extraction import extract

    for text in ("", "   ", "1 2 3 4", "x" * 100_000, "Путин заявил, что Россия атакует.", "\x00\ud800 said"):
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            text = text.encode("utf-8", "replace").decode("utf-8")
        assert isinstance(extract(_article(text)).events, list)
