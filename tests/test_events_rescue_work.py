"""Help given in rescue work after a mishap is the mishap's story (``builder._of_disaster``, ``event_rescue_work.tsv``).

Sentences are the team's own. PETRARCH2 codes "help" as aid (070) and "assist" as cooperation (060), so an accident
report in which bystanders "helped in the rescue" or soldiers "helped with the evacuation of flood victims" carried a
typed event, which the issue's snippet bar counts as wrong (a disaster or an accident report carries no typed event).
Help is the mishap's when one of its clauses tells of a mishap ("after the ferry capsized") or when it is given in
rescue work in a sentence that names a mishap or a disaster; an offer to help so is the same. A rescue of hostages, an
evacuation under shelling and help one state gives another stay acts.
"""

from __future__ import annotations

from conftest import text_events


def typed(text: str) -> list[dict]:
    return [e for e in text_events(text) if e["plover_type"]]


def test_help_in_rescue_work_after_a_mishap_is_no_event() -> None:
    for text in ("Passers-by helped in the rescue after the footbridge collapsed.",
                 "Boatmen helped in the search for the missing after the barge sank.",
                 "Army engineers helped with the evacuation of hamlets during the monsoon flooding.",
                 "Sailors assisted with the search for survivors after the trawler sank.",
                 "Hundreds of students offered to assist in the rescue at the collapsed dormitory."):
        assert not typed(text), text


def test_a_mishap_told_in_the_helps_own_clause_is_enough() -> None:
    assert not typed("Nearby farmers helped the survivors after the bus overturned.")


def test_rescues_of_captives_fighting_and_help_between_states_stay_acts() -> None:
    hostages = typed("Special forces helped in the rescue of the kidnapped engineers.")
    assert any(e["plover_type"] == "AID" and e["source"]["text"] == "Special forces" for e in hostages)
    between = typed("Germany helped Jordan with the care of refugees.")
    assert any(e["plover_type"] == "AID" and e["source"]["text"] == "Germany" and e["target"]["text"] == "Jordan" for e in between)
