"""Verb forms of the dictionary table: irregular forms its entries omit are the same verb to the parse.

Sentences are the team's own.
"""

from __future__ import annotations

import pytest

from streams.extraction.events.knowledge import knowledge


@pytest.mark.parametrize("form,lemma", [("withdrawn", "withdraw"), ("stolen", "steal"), ("torn", "tear"),
                                        ("forbidden", "forbid"), ("overrode", "override"),
                                        ("scrapped", "scrap")])
def test_irregular_and_commented_entries_have_every_form(form, lemma):
    """PETRARCH2 lists some verbs' irregular forms by hand and leaves the participle out; a couple of entries end in a
    ';' remark the build once read as part of the entry and dropped the verb."""
    assert any(e.lemma == lemma for e in knowledge().verb_forms.get(form, ()))


def test_a_participle_the_dictionary_omitted_is_coded():
    from streams.extraction import extract
    from streams.ids import content_hash
    from streams.records import CleanArticle

    text = "The defence ministry has withdrawn its troops from the border region."
    art = CleanArticle(article_id="t-forms", body=text, content_hash=content_hash(text), cleaner_version="test",
                       input_format="text", language="en")
    events = extract(art).events
    assert any(e["action"]["lemma"] == "withdraw" and e["source"]["text"].endswith("ministry") for e in events)
