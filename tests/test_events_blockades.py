"""A house surrounded is blockaded (issue 14).

PETRARCH2's "SURROUND * HOUSE" pattern is coded 080 (yield), which names no act of the one who surrounds; the build
script gives it CAMEO's 191, impose blockade or restrict movement (``tools/build_event_tables.py``,
``align_surrounding``). Sentences written for this file.
"""

from __future__ import annotations

from conftest import text_events


def _top(text: str) -> dict:
    return max(text_events(text), key=lambda e: e["confidence"])


def test_a_house_surrounded_by_security_forces_is_blockaded() -> None:
    top = _top("Security forces surrounded the opposition leader's house before dawn.")
    assert (top["cameo_code"], top["plover_type"], top["source"]["text"], top["target"]["text"]) == (
        "191", "COERCE", "Security forces", "opposition leader")


def test_troops_surrounding_a_town_stay_a_show_of_force() -> None:
    # control: the block's own pattern for troops as the subject
    assert _top("Troops surrounded the border town.")["cameo_code"] == "150"
