"""Someone brought to a place of care is no party to an act (``event_care_destinations.tsv``,
``frames._conveyed_for_care``).

Sentences are the team's own. PETRARCH2 codes "take" as seizing, "rush * to" as a visit and "airlift" as aid:
before, the injured "taken to hospital" were seized by no one, and an ambulance "rushed to hospital" visited the
hospital.
"""

from __future__ import annotations

from conftest import codes_by_text, text_events


CARRIED_FOR_CARE = (
    "Two wounded policemen were taken to a hospital in the capital.",
    "The injured were rushed to hospital by ambulance.",
    "The bodies of the victims were taken to the city morgue.",
    "Soldiers took the wounded to a field clinic.",
)


def test_bringing_someone_to_care_is_no_event() -> None:
    assert codes_by_text(CARRIED_FOR_CARE) == {text: [] for text in CARRIED_FOR_CARE}


def test_the_act_that_wounded_them_is_still_coded() -> None:
    codes = [(e["cameo_code"][:2], e["source"]["text"]) for e in text_events(
        "Gunmen shot two guards outside the bank, and both were taken to hospital.")]
    assert ("19", "Gunmen") in codes and all(c[0] != "17" for c in codes)


def test_taking_someone_elsewhere_keeps_its_code() -> None:
    assert ("173", "Police") in [(e["cameo_code"], e["source"]["text"]) for e in text_events(
        "Police took the suspect to a police station for questioning.")]
