"""Walkouts "observed", attacks on vaccination teams, and paramilitary "Rangers" (issue 14).

- A strike or a shutdown "observed" is a walkout kept ("traders observed a strike", "a shutdown was observed"), as
  one "went on": its reading of force is not meant (``frames._taken_up``).
- "polio" is left out of the discard list (``tools/build_event_tables.py``, ``event_discards.tsv``): attacks on
  vaccination teams are political violence, which the stem dropped whole; the list's sport words still discard.
- "Rangers" (a paramilitary force) are an armed agent of the team's own table (``event_agents.tsv``), so a sentence
  whose tagger no longer reads the word as a name after a dateline still has its doer; so are social groups the
  dictionaries lack, civilians ("dalits", "adivasis"), and a "dharna" is a sit-in (``event_nouns.tsv``).

Sentences written for this file.
"""

from __future__ import annotations

from conftest import text_events


def _typed(text: str) -> set[tuple[str | None, str, str | None]]:
    return {(e["plover_type"], e["source"]["text"], (e["target"] or {}).get("text")) for e in text_events(text)}


def test_a_strike_observed_is_a_walkout() -> None:
    assert _typed("Shopkeepers observed a strike in the old quarter against the imposition of a new levy.") == {
        ("PROTEST", "Shopkeepers", None)}


def test_an_air_strike_stays_an_act_of_force() -> None:
    # control: a strike carried out is no walkout
    assert {t for t, _, _ in _typed("The air force carried out a strike on rebel hideouts.")} == {"ASSAULT"}


def test_an_attack_on_a_vaccination_worker_is_coded() -> None:
    assert _typed("QUETTA: Two gunmen shot dead a polio worker near the bazaar on Sunday.") == {
        ("ASSAULT", "gunmen", "polio worker")}


def test_a_sport_word_still_discards_its_sentence() -> None:
    # control: the discard list's sport stems are kept
    assert text_events("The visiting football side attacked relentlessly and beat the hosts 3-0.") == []


def test_rangers_after_a_dateline_are_the_doers() -> None:
    assert _typed("LAHORE: Rangers arrested three suspects during a raid on Monday night.") == {
        ("COERCE", "Rangers", "suspects")}


def test_a_dharna_is_a_sit_in_and_dalits_are_its_doers() -> None:
    assert _typed("The opposition staged a dharna outside the district office.") == {("PROTEST", "opposition", None)}
    assert {(t, s) for t, s, _ in _typed("Dalits took out a rally in the town on Sunday.")} == {("PROTEST", "Dalits")}
