"""An "at" phrase names where an act happened unless the act is aimed at someone (``frames.at_is_venue``).

Sentences are the team's own. One arrests, signs or appeals somewhere; one fires, shouts, threatens or protests at
someone. Before, only meetings read "at" as a venue: an arrest "at the X rally" made the rally's place the one
arrested when the arrested were a bare count, and a signing "at the X conference" made the host city a party.
"""

from __future__ import annotations

import pytest

from conftest import text_events


def _coded(text: str, root: str) -> list[tuple[str, str | None]]:
    return [(e["source"]["text"], (e["target"] or {}).get("text")) for e in text_events(text) if e["cameo_code"].startswith(root)]


@pytest.mark.parametrize("text,root,source,target", [
    ("Police arrested dozens at the Chicago rally on Saturday.", "17", "Police", "dozens"),  # (a bare count: civilians)
    ("The minister signed the accord at the Geneva conference.", "05", "minister", None),
    ("The foreign minister urged restraint at the Kampala summit.", "10", "foreign minister", None),
])
def test_the_place_of_an_act_is_not_its_target(text, root, source, target) -> None:
    coded = _coded(text, root)
    assert coded and all(s == source and t == target for s, t in coded), coded


@pytest.mark.parametrize("text,root,pair", [
    # (a crowd that hurls stones riots: 145, event_crowd_acts.tsv)
    ("Protesters hurled stones at police outside parliament.", "14", ("Protesters", "police")),
    ("The opposition leader lashed out at the prime minister.", "11", ("opposition leader", "prime minister")),
    ("The army deployed tanks at the Syrian border.", "15", ("army", "Syrian")),
])
def test_an_act_aimed_at_someone_keeps_its_target(text, root, pair) -> None:
    assert pair in _coded(text, root)
