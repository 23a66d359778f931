"""A call between two parties, on sentences of the team's own (issue 14).

The dictionary codes "discussed by telephone" as a telephone discussion (041) but "spoke" and "talked" by default as
a statement (010, not published), so two leaders who "spoke by phone" gave no event. Speaking or talking by phone
or on the phone is 041 (``event_patterns.tsv`` t29, t30), and a call shared by two coordinated parties is coded both
ways (``event_reciprocal.tsv``). Speaking to reporters stays a statement.
"""

from __future__ import annotations

from conftest import text_events


def _calls(text: str) -> set[tuple[str, str | None]]:
    return {(e["source"]["text"], (e["target"] or {}).get("text")) for e in text_events(text) if e["cameo_code"] == "041"}


def test_two_leaders_who_spoke_by_phone_consulted_each_other() -> None:
    assert _calls("Ramaphosa and Ruto spoke by phone about the border dispute on Thursday.") == {
        ("Ramaphosa", "Ruto"), ("Ruto", "Ramaphosa")}


def test_talking_on_the_phone_with_someone_is_a_call_with_them() -> None:
    assert ("Ruto", "Museveni") in _calls("Ruto talked on the phone with Museveni on Saturday evening.")


def test_speaking_to_reporters_is_no_call() -> None:
    # control: a statement to the press consults no one
    assert not [e for e in text_events("The trade minister spoke to reporters in Mombasa on Friday.") if e["plover_type"]]
