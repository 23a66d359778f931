"""Reactions a subject provokes, and the doer named by "from" or by the parser's agent "by" (issue 14).

Verbs of provoking a reaction ("sparked", "triggered", "drew") join the verbs of undergoing
(``event_undergoing_verbs.tsv``): the protest or criticism they take as object answers their subject, or whose the
subject is ("the ministry's ruling sparked protests": the ministry), and is never done by it; its doer is who the
noun's or the verb's "by" or "from" phrase names, including a "by" the parser labels the verb's agent.

Sentences written for this file.
"""

from __future__ import annotations

from conftest import text_events


def _pairs(text: str, plover: str) -> set[tuple[str, str | None]]:
    return {(e["source"]["text"], (e["target"] or {}).get("text")) for e in text_events(text) if e["plover_type"] == plover}


def test_protests_a_partys_decision_sparked_are_aimed_at_the_party() -> None:
    assert _pairs("The transport ministry's decision to double bus fares sparked protests in three cities.", "PROTEST") == {
        ("", "transport ministry")}


def test_criticism_a_speech_drew_from_a_party_is_that_partys() -> None:
    assert _pairs("The governor's speech drew criticism from the opposition.", "ACCUSE") == {("opposition", "governor")}


def test_a_by_phrase_the_parser_made_the_verbs_agent_names_the_doer() -> None:
    assert _pairs("The junta faced protests by students.", "PROTEST") == {("students", "junta")}


def test_a_party_that_holds_protests_is_still_their_doer() -> None:
    # control: "held" is no verb of provoking
    assert _pairs("Students held protests outside the ministry on Monday.", "PROTEST") == {("Students", "ministry")}
