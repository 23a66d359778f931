"""A newsroom asking someone for a quote is no event (``event_press_inquiries.tsv``).

Sentences are the team's own. Stories close with a line about their own reporting; PETRARCH2's blocks code
"contacted" and "approached" as a consultation and "asked" as a request, so that line made the newsroom meet or
petition the story's actor. A party asked for a reply to a proposal is still asked.
"""

from __future__ import annotations

from conftest import codes_by_text, text_events

ASKED_FOR_A_QUOTE = (
    "The newspaper has contacted the interior ministry for comment.",
    "Our correspondent approached the governor for an interview on Friday.",
    "The broadcaster asked the army for comment but received no reply.",
)


def test_asking_for_a_quote_codes_nothing() -> None:
    assert codes_by_text(ASKED_FOR_A_QUOTE) == {text: [] for text in ASKED_FOR_A_QUOTE}


def test_a_party_asked_for_a_reply_is_still_a_request() -> None:
    found = [(e["plover_type"], e["source"]["text"], (e["target"] or {}).get("text")) for e in text_events(
        "The European Union asked Serbia for a response to its proposal on border checks.")]
    assert any(p == "REQUEST" and "European Union" in s and t == "Serbia" for p, s, t in found), found
