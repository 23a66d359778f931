"""Information released is published, not handed over (``event_information_objects.tsv``).

Sentences are the team's own. PETRARCH2's "release", "provide" and "hand" code, by default, a release of people or
property (084) or an act of cooperation or aid; news uses them as often for what is published: before, an agency
that released figures "released" someone, and a band that released an album made a concession.
"""

from __future__ import annotations

from conftest import codes_by_text, text_events

PUBLISHED = (
    "The statistics agency released figures showing a rise in unemployment.",
    "Police released footage of the crash on Tuesday.",
    "The band released a new album in the spring.",
)


def test_what_is_published_is_a_statement() -> None:
    assert codes_by_text(PUBLISHED, lambda e: e["plover_type"] is not None) == {text: [] for text in PUBLISHED}


def test_people_released_are_still_released() -> None:
    assert ("RETREAT", "government") in [(e["plover_type"], e["source"]["text"]) for e in text_events(
        "The government released two hundred prisoners on Friday.")]
