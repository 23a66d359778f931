"""A dateline ends a sentence (``extraction/datelines.py``). Texts are the team's own.

Left alone, the small model's parser builds one tree over a wire story's dateline and its first sentence: the
place becomes the root and the story's subject hangs on it as an apposition or a conjunct of the date, so the act of
the sentence that says what happened has no subject. The component marks the first word after a dateline (at the
text's start and after each blank line) as a sentence start, and the dateline's own words as none.
"""

from __future__ import annotations

import pytest

from conftest import text_events, top_typed_event


@pytest.fixture(scope="module")
def parsed():
    from streams.extraction.nlp import parse

    return lambda text: next(parse([text]))


@pytest.mark.parametrize("text,dateline,verb,subject", [
    ("TUNIS, May 3 (Xinhua) -- Tunisia and Libya on Sunday agreed to reopen their main border crossing.",
     "TUNIS, May 3 (Xinhua) --", "agreed", "Tunisia"),
    ("HARGEISA, Somaliland (AP) — Clan militias exchanged fire near the port overnight.",
     "HARGEISA, Somaliland (AP) —", "exchanged", "militias"),
    ("Lucknow: Farmers blocked the highway for six hours on Monday.", "Lucknow:", "blocked", "Farmers"),
    ("Flood relief\n\nDODOMA (Reuters) - Tanzania appealed for emergency aid on Friday.",
     "DODOMA (Reuters) -", "appealed", "Tanzania"),
])
def test_the_story_after_a_dateline_is_a_sentence_with_its_subject(parsed, text, dateline, verb, subject) -> None:
    doc = parsed(text)
    sents = [s.text.strip() for s in doc.sents]
    assert dateline in sents
    story = sents[sents.index(dateline) + 1]
    assert story.startswith(subject) or story.split()[1] == subject
    v = next(t for t in doc if t.text == verb)
    assert subject in [c.text for c in v.children if c.dep_ == "nsubj"]


@pytest.mark.parametrize("text", [
    "Putin - who has ruled since 2000 - said nothing.",  # a dash around an aside, and a lower-case word after it
    "Rescuers - Many of them volunteers - dug through the night.",  # no capitals, no agency, no colon
    "The minister said: we will go.",  # a verb before the colon
])
def test_a_dash_or_colon_that_files_nothing_splits_nothing(parsed, text) -> None:
    assert len(list(parsed(text).sents)) == 1


def test_the_story_s_first_word_is_not_a_sentence_of_its_own(parsed) -> None:
    # after a start set at a dash, the small model's parser tends to break again after one word
    doc = parsed("MOGADISHU - Amisom troops pushed the militants out of two towns on Tuesday.")
    assert [s.text for s in doc.sents] == ["MOGADISHU -", "Amisom troops pushed the militants out of two towns on Tuesday."]


def test_the_act_after_a_dateline_has_its_doer() -> None:
    top = top_typed_event(text_events("AMMAN, Oct 2 (Reuters) -- Jordan and Iraq on Monday signed a deal to link their power grids."))
    assert top["source"]["text"] in ("Jordan", "Iraq")
    assert top["sentence"]["text"].startswith("Jordan")
