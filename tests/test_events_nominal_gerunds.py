"""A gerund used as a noun is coded as the act noun of its form, and a verb whose object is left in a state codes no
act of its default (``components._nominal_gerund``, ``frames._left_in_a_state``).

Sentences are the team's own. The tagger often reads a sentence-initial "Fighting" or "Shelling" as a verb: as a verb
it had no subject, so "fighting between X and Y" named no party, while the act noun reads its "between" and "by"
phrases. "Left N people dead" tells the toll of what came before; PETRARCH2's default for "leave" (040, travel) made it
a consultation with the dead.
"""

from __future__ import annotations

from conftest import text_events


def test_fighting_between_parties_as_subject_names_them() -> None:
    evs = text_events("Fighting between rival militias in Benghazi left at least 20 people dead.")
    assert ("ASSAULT", "rival militias") in [(e["plover_type"], e["source"]["text"]) for e in evs]
    assert not [e for e in evs if e["plover_type"] == "CONSULT"]


def test_an_object_left_or_found_in_a_state_is_no_departure() -> None:
    assert not [e for e in text_events("The storm left thousands of families homeless in the province.")
                if e["plover_type"]]
    shot = text_events("Gunmen shot three soldiers dead at a checkpoint near Quetta.")
    assert ("ASSAULT", "Gunmen") in [(e["plover_type"], e["source"]["text"]) for e in shot]


def test_dozens_left_detained_are_no_party_met() -> None:
    """A bare participle right after the object is a state too ("left dozens detained"); before, the sweep that left
    them so was a consultation with them."""
    evs = text_events("The sweep by soldiers through the market left three journalists detained, witnesses said.")
    assert not [e for e in evs if e["plover_type"] == "CONSULT"]

