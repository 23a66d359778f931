"""A paragraph break ends a sentence (``extraction/paragraphs.py``), and a hard-wrapped line is no paragraph
(``cleaning/text.unwrap``).

Texts are the team's own. The small model's parser, left alone, reads a paragraph with no closing stop (a
subhead, a caption, a short heading over a story) as the start of the next paragraph's sentence, which then gets
the wrong subject; the cleaner, left alone, made every line of a text wrapped at a fixed width a paragraph of its
own and took the first one for a headline.
"""

from __future__ import annotations

import pytest

from conftest import text_events, top_typed_event


@pytest.fixture(scope="module")
def parsed():
    from streams.extraction.nlp import parse

    return lambda text: next(parse([text]))


@pytest.mark.parametrize("text,verb,subject", [
    ("Budget talks\n\nThe finance minister met union leaders on Monday.", "met", "minister"),
    ("Election results\n\nVoters in the north turned out in large numbers.", "turned", "Voters"),
    ("Strike called off\n\nDock workers will return to work on Monday.", "return", "workers"),
])
def test_no_sentence_runs_over_a_blank_line(parsed, text, verb, subject) -> None:
    doc = parsed(text)
    first, second = text.split("\n\n")
    sents = [s.text.strip() for s in doc.sents]
    assert sents == [first, second]
    v = next(t for t in doc if t.text == verb)
    assert [c.text for c in v.children if c.dep_ == "nsubj"] == [subject]
    assert not any(t.dep_ == "nsubj" and t.head == v for t in doc[: len(first.split())])  # the heading is no subject


def test_only_a_blank_line_marks_a_start() -> None:
    """A single line break (a hard wrap the cleaner did not join) and the first word of the text are left to the
    parser; the first word after each blank line is marked, however much white space the break holds."""
    from streams.extraction.nlp import load_nlp
    from streams.extraction.paragraphs import mark_paragraph_starts

    doc = mark_paragraph_starts(load_nlp().make_doc("Ministers met\non Monday.\n \n\tTalks went on.\n\n\n\"Yes,\" he said."))
    marked = [t.text for t in doc[1:] if t.is_sent_start]  # a doc's first token always starts a sentence
    assert marked == ["Talks", '"']
    assert next(t for t in doc if t.text == "on").is_sent_start is None
    assert mark_paragraph_starts(load_nlp().make_doc("One line only.")).has_annotation("SENT_START") is False


def test_a_caption_over_a_paragraph_is_not_its_subject() -> None:
    events = text_events("Photo: a crowd outside the court\n\nPolice arrested two men after the hearing.")
    top = top_typed_event(events)
    assert (top["plover_type"], top["source"]["text"], top["target"]["text"]) == ("COERCE", "Police", "men")
    assert top["sentence"]["text"].startswith("Police")


def test_a_heading_lends_no_actor_to_the_story_under_it() -> None:
    events = text_events("Talks with rebels\n\nThe army shelled villages near the border on Sunday, residents said.")
    shelling = next(e for e in events if e["plover_type"] == "ASSAULT")
    assert shelling["sentence"]["text"].startswith("The army")
    assert all(e["source"]["text"] != "residents" for e in events)  # the speaker of one paragraph holds no talks of another
    assert all(not (e["target"] or {}).get("text", "x")[-1:].isspace() for e in events)  # no line break in an actor's text


def test_the_stage_runs_the_rule_and_the_benchmarks_stock_side_does_not() -> None:
    from streams.extraction.datelines import FACTORY as DATELINES
    from streams.extraction.nlp import build_nlp, load_nlp
    from streams.extraction.paragraphs import FACTORY

    names = load_nlp().pipe_names
    # paragraph starts first: the dateline rule looks for datelines at each of them
    assert names.index("tagger") < names.index(FACTORY) < names.index(DATELINES) == names.index("parser") - 1
    stock = build_nlp(attribute_table=False, paragraph_breaks=False, entity_amounts=False, nicknames=False).pipe_names
    assert FACTORY not in stock and DATELINES not in stock


WRAPPED = ("The port authority closed two terminals on Tuesday after a fire spread from a fuel depot to\n"
           "the warehouses beside it, and the harbour master said ships would be sent\n"
           "to other ports until the damage had been assessed.\n"
           "\n"
           "Dock workers were told to stay home, and the union said its members would\n"
           "be paid for the days lost, according to a statement issued by the\n"
           "Transport Workers Union late in the evening.")


def test_a_hard_wrapped_text_keeps_its_paragraphs_and_its_first_line() -> None:
    from streams.cleaning import clean
    from streams.records import RawArticle

    body = clean(RawArticle(id="wrapped", text=WRAPPED)).body
    paragraphs = body.split("\n\n")
    assert len(paragraphs) == 2
    assert paragraphs[0].startswith("The port authority closed") and paragraphs[0].endswith("had been assessed.")
    assert "depot to the warehouses" in paragraphs[0] and "by the Transport Workers Union" in paragraphs[1]


@pytest.mark.parametrize("lines,joined", [
    (["Talks resumed on Monday.", "The envoy arrived late."], False),  # a closing stop ends the line
    (["Budget talks", "The minister met union leaders."], False),  # a heading over its paragraph
    (["Rebels seized the", "Governor's residence at dawn."], True),  # an article does not end a sentence
    (["The two sides met in Geneva,", "Switzerland, for a second round."], True),  # nor does a comma
    (["The ministers agreed that", "talks would go on."], True),  # the next line goes on in lower case
    (["Home", "", "about us"], False),  # a blank line between: two paragraphs
])
def test_a_line_is_joined_to_the_next_only_when_its_sentence_runs_on(lines, joined) -> None:
    from streams.cleaning.text import unwrap

    out = unwrap("\n".join(lines))
    assert (out.count("\n") < len(lines) - 1) is joined


def test_scraped_page_text_keeps_its_blocks() -> None:
    """Text scraped from a page has a block a line, paragraphs of hundreds of characters: no width it was wrapped
    at, so a block that starts in lower case (a citation's "retrieved ...") stays a block of its own."""
    from streams.cleaning.text import unwrap

    paragraph = ("The regional council voted on Thursday to extend the emergency measures for another month, after a "
                 "debate in which members from both sides of the chamber questioned the cost of the programme. ")
    lines = [paragraph * 2, "Council approves extension (2026, March 3)", "retrieved 4 March 2026 from the council site",
             paragraph, paragraph * 3, "Share this story", paragraph, "More from the region"]
    assert unwrap("\n".join(lines)) == "\n".join(lines)
