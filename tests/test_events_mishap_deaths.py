"""Those who died in an accident underwent no act of force (``builder._befell_in_mishap``), also when the verb is one
of dying, whose subject only undergoes the act.

Sentences are the team's own. The mishap check was read only when the act had no source; a verb of dying codes the
reversed act, and its subject (the dead) stood in the source slot, so a death "in the accident" came out as an
assault on the dead by no one.
"""

from __future__ import annotations

import pytest

from conftest import codes_by_text, text_events, top_typed_event

MISHAPS = (
    "Five miners died in an accident as the roof of the shaft gave way.",
    "Three commuters died in an accident after their train left the rails.",
    "Two hikers died during a storm in the mountains.",
)


def test_dying_in_an_accident_is_no_act_of_force() -> None:
    assert codes_by_text(MISHAPS, lambda e: e["cameo_code"][:2] in ("18", "19", "20")) == {text: [] for text in MISHAPS}


def test_dying_in_a_fight_is_still_an_act_of_force() -> None:
    pairs = [(e["plover_type"], e["source"]["text"], (e["target"] or {}).get("text")) for e in text_events(
        "Two soldiers died in clashes with rebels near the border.")]
    assert ("ASSAULT", "rebels", "soldiers") in pairs


def test_deaths_after_or_amid_the_weather_are_no_act_of_force() -> None:
    """An "after" / "amid" phrase sets a death in a mishap as an "in" phrase does, read through a span of time ("after
    two weeks of heavy rain"); flooding, rainfall and the monsoon are weather (``event_accidents.tsv``). Before, such
    deaths were assaults by no one."""
    texts = ("At least thirty people were killed in the hill districts after two weeks of torrential rain, officials said.",
             "Nine villagers died amid severe flooding in the delta.")
    assert codes_by_text(texts, lambda e: e["plover_type"] is not None) == {t: [] for t in texts}
    assert [e for e in text_events("Two guards were killed after an ambush on the convoy.") if e["plover_type"] == "ASSAULT"]


@pytest.mark.parametrize("text", [
    "LIMA - The former senator Rosa Quispe died in Lima on Tuesday at the age of 91, her son said.",
    "The veteran union leader died of cancer at his home on Sunday.",
])
def test_a_natural_death_is_no_act_of_force_and_a_place_is_no_killer(text) -> None:
    """event_accidents.tsv (kind natural) read through "at" / "of" / "from" phrases; builder: a place is never made the
    doer of an act the subject only undergoes ("died in X" made X the killer). Deaths at someone's hands still code."""
    assert not [e for e in text_events(text) if e["plover_type"]]
    top = top_typed_event(text_events("Three protesters died at the hands of police."))
    assert (top["plover_type"], top["source"]["text"]) == ("ASSAULT", "police")


def test_a_death_at_an_age_is_natural() -> None:
    """builder._befell_in_mishap: "died at 91" (a verb of dying with a number after "at") is a natural death."""
    assert not [e for e in text_events("The novelist Maria Costa, whose books were banned, has died at 91, her family said.")
                if e["plover_type"]]
    top = top_typed_event(text_events("Two protesters died at 3 am after police opened fire on the crowd."))
    assert top["plover_type"] == "ASSAULT"


@pytest.mark.parametrize("name,etype,town", [
    ("Mombasa", "GPE", True),  # a city: a place, which kills no one
    ("Nairobi", "GPE", False),  # a capital stands for its state ("Nairobi said")
    ("Kenya", "GPE", False),
    ("Gaza", "GPE", False),  # a region stands for who rules it
])
def test_a_town_is_no_doer_of_violence(name, etype, town) -> None:
    """builder._a_town: a town named where a crash happened, which the parser made the subject of "killing", is no
    doer of the act of force; states, capitals and regions still are."""
    from streams.extraction.events.builder import _a_town
    from streams.extraction.events.participants import Participant

    assert _a_town(Participant(name, name, "E1", None, None, 0, len(name), True, etype)) is town
