"""A participle of speech or naming after the clause a reporter reports ("X said Y did Z, calling it W") is the
reporter's (``slots.agent_heads``).

Sentences are the team's own, written to show each phenomenon.
"""

from __future__ import annotations

from conftest import text_events


def _by_code(text: str, code: str) -> list[str]:
    return [e["source"]["text"] for e in text_events(text) if e["cameo_code"] == code]


def test_who_names_the_reported_act_is_the_reporter() -> None:
    text = "The interior ministry said militants had bombed a bridge, calling it a cowardly crime."
    assert _by_code(text, "111") == ["interior ministry"]
    # and the reported act stays the militants'
    assert _by_code(text, "190") == ["militants"] or _by_code(text, "183") == ["militants"]


def test_a_participle_of_a_deed_stays_with_the_reported_doer() -> None:
    # control: a consequence of the reported act ("killing ...") is done by its doer
    sources = {e["source"]["text"] for e in text_events("The rebels said they had shelled the garrison, killing six guards.")
               if e["plover_type"] == "ASSAULT"}
    assert sources == {"rebels"}
