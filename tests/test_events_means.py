"""A "by" that names a means, not a doer (``event_means.tsv``, ``slots.by_means``).

Sentences are the team's own.
"""

from __future__ import annotations

from conftest import text_events
from streams.extraction.events.knowledge import DATA_FILES, knowledge


def _typed(text: str) -> list[dict]:
    return [e for e in text_events(text, "t-means") if e["plover_type"]]


def test_the_means_table_is_versioned_knowledge() -> None:
    assert "event_means.tsv" in DATA_FILES
    assert {"phone", "helicopter", "road"} <= knowledge().means and "police" not in knowledge().means


def test_a_talk_by_phone_with_the_object_after_the_day_is_the_talkers_act() -> None:
    """Before: the parser read "discussed by phone on <day> the ..." as a participle with "phone" as its agent, a
    noun phrase with no main verb, and the consultation between the two ministers gave no event."""
    events = _typed("The Kenyan and Ugandan defence ministers discussed by phone late on Monday the situation in South Sudan.")
    pairs = {(e["source"]["country"], e["target"]["country"]) for e in events if e["plover_type"] == "CONSULT"}
    assert pairs == {("KEN", "UGA"), ("UGA", "KEN")}


def test_a_passive_with_a_means_stays_passive() -> None:
    # control: what was delivered by helicopter is not who delivered it
    events = _typed("Aid was delivered by helicopter to the flooded villages.")
    assert all(e["source"]["text"] != "helicopter" for e in events)
    assert _typed("Two reporters were detained by soldiers at the border.")[0]["source"]["text"] == "soldiers"
