"""A refusal to make a statement declines comment (CAMEO 011, a statement with no PLOVER type); a refusal to act
still rejects. Whether the complement is a statement is the dictionary's code for its verb. Sentences are the
team's own (issue 14)."""

from __future__ import annotations

import pytest

from conftest import text_events


@pytest.mark.parametrize("text", [
    "A spokesman for the ministry declined to comment.",
    "The mining company declined to comment late on Friday.",
])
def test_declining_to_comment_is_no_typed_event(text: str) -> None:
    assert [e for e in text_events(text, "t-declined") if e["plover_type"]] == []


def test_an_act_asked_about_in_a_declined_answer_is_no_reported_act() -> None:
    # the declining is no event; the act it would not confirm ("whether the envoy had been recalled": recalling an
    # envoy codes 161) is flagged as not reported to have happened
    typed = [e for e in text_events("The embassy declined to say whether the envoy had been recalled.", "t-declined")
             if e["plover_type"]]
    assert all(e["action"]["lemma"] != "decline" and e["hypothetical"] for e in typed), typed


def test_declined_comment_is_a_statement_when_statements_are_published() -> None:
    from streams.extraction.entities import resolve_entities
    from streams.extraction.events import annotate, code_article
    from streams.extraction.nlp import load_nlp
    from streams.ids import content_hash
    from streams.records import CleanArticle

    text = "The mining company declined to comment late on Friday."
    nlp = load_nlp()
    art = CleanArticle(article_id="t-declined", body=text, content_hash=content_hash(text), cleaner_version="t",
                       input_format="text", language="en")
    doc = annotate(nlp, nlp(text))
    codes = {e["cameo_code"] for e in code_article(doc, resolve_entities(doc), art, emit_statements=True).events}
    assert codes == {"011"}


def test_refusing_to_act_is_still_a_rejection() -> None:
    typed = [e for e in text_events("Iran declined to release the detained sailors.", "t-declined") if e["plover_type"]]
    assert typed and max(typed, key=lambda e: e["confidence"])["plover_type"] == "REJECT"


@pytest.mark.parametrize("text", [
    "\"It will be done,\" said the governor, Tom Reyes, when asked whether the new stadium would open on time.",
    "\"We remain hopeful,\" the transport minister, Ana Ruiz, said when asked whether the bridge would open in May.",
])
def test_a_reporters_question_is_no_request(text: str) -> None:
    """frames._asked_by_reporter: a passive of asking with no asker, in a "when" or "if" clause, is the question put to
    the speaker, no appeal of one party to another (CAMEO 02)."""
    assert [e for e in text_events(text, "t-asked") if e["plover_type"] == "REQUEST"] == []


def test_a_party_that_asks_still_requests() -> None:
    typed = [e for e in text_events("The opposition asked the court to halt the vote count.", "t-asked") if e["plover_type"]]
    assert [(e["plover_type"], e["source"]["text"]) for e in typed][:1] == [("REQUEST", "opposition")]
