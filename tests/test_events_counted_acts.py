"""Acts counted rather than told: an act noun as the subject of a verb of changing amount, or under a noun of
quantity, is a statistic over many acts, no event (``event_trends.tsv``, ``components._counted_as_a_trend``).

Sentences are the team's own, written to show each phenomenon.
"""

from __future__ import annotations

from conftest import text_events


def _typed(text: str) -> list[dict]:
    return [e for e in text_events(text) if e["plover_type"]]


def test_acts_whose_number_changed_are_no_event() -> None:
    assert _typed("Arrests of opposition activists have tripled since the referendum.") == []
    assert _typed("The number of attacks on health workers fell last year, the agency said.") == []


def test_an_act_that_changed_a_number_is_an_event() -> None:
    # control: the act as the cause of what it did is told
    events = _typed("An attack on a clinic killed nine health workers.")
    assert events and events[0]["plover_type"] == "ASSAULT"


def test_a_wave_of_acts_growing_is_still_told() -> None:
    # control: protests that grew or spread go on, by the doers the sentence names
    events = _typed("Protests by teachers grew across the country on Monday.")
    assert events and events[0]["plover_type"] == "PROTEST" and events[0]["source"]["text"] == "teachers"
