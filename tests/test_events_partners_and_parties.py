"""Meeting partners, the parties of an agreement, embargoes and times before a subject, on sentences of the team's own:

- a meeting is held with its partner, whatever its topic: in "talks with X on Y" (noun or verb) the "with" phrase
  comes before the "on" phrase, which names the matter even where the agents dictionary has a phrase of the same
  words ("border security", "coastal defence"); an attack "on" someone keeps its target
  (``frames.noun_candidates``, ``frames._verb_slots``);
- praise or criticism of an agreement, a deal or a ceasefire "between X and Y" is aimed at X and Y
  (``frames.owner_groups``); a border between two states is no act and names no target;
- an embargo is the codebook's own word beside sanctions (163, "Impose embargo, boycott, or sanctions"): the
  dictionary's patterns for sanctions fit it (event_pattern_nouns.tsv), so imposing one is 163, not the verb's bare
  default (170); lifting one stays an easing (085);
- parties of a mutual act named together act on each other, also where a place phrase of the act names a town the
  tagger does not know ("A and B began joint drills at X", "clashed at X": X is where; ``builder._in_place_phrase``);
- a time the parser runs into the subject ("by Thursday morning | soldiers had ...") is when, no word of the actor
  (``participants._noun_phrase``).
"""

from __future__ import annotations

import pytest
from conftest import text_events, top_event_fields


@pytest.mark.parametrize("text", [
    "Kenya's defence chief held two rounds of talks with Ethiopian officials on border security.",
    "Oman's foreign minister flew to Tehran for three days of talks with Iranian officials on border security.",
])
def test_a_meeting_is_held_with_its_partner_not_its_topic(text: str) -> None:
    found = top_event_fields(text)
    assert found[0] == "CONSULT" and found[3] is not None and found[3].endswith("officials")


def test_an_attack_on_someone_keeps_its_target() -> None:
    assert top_event_fields("The army launched an assault on rebel positions near the lake.")[3] == "rebel"


@pytest.mark.parametrize(("text", "plover", "targets"), [
    ("Canada welcomed the truce agreement between Armenia and Azerbaijan on Friday.", "SUPPORT", {"Armenia", "Azerbaijan"}),
    ("Beijing denounced the defence pact between Manila and Tokyo as a threat to the region.", "ACCUSE", {"Manila", "Tokyo"}),
])
def test_praise_or_blame_of_an_agreement_is_aimed_at_its_parties(text: str, plover: str, targets: set[str]) -> None:
    events = text_events(text)
    top = max((e for e in events if e["plover_type"]), key=lambda e: e["confidence"])
    assert top["plover_type"] == plover
    assert {(e["target"] or {}).get("text") for e in events if e["cameo_code"] == top["cameo_code"]} == targets


def test_a_border_between_two_states_names_no_target() -> None:
    events = [e for e in text_events("Howitzers shelled the border between the two valleys overnight.") if e["plover_type"]]
    assert all(e["target"] is None for e in events)


@pytest.mark.parametrize(("text", "code"), [
    ("Brussels imposed a weapons embargo on Minsk after the disputed vote.", "163"),
    ("Washington lifted its decades-old trade embargo on Vietnam.", "085"),
])
def test_an_embargo_is_coded_as_sanctions_are(text: str, code: str) -> None:
    assert top_event_fields(text)[1] == code


def test_a_time_before_the_subject_is_no_part_of_the_actor() -> None:
    assert top_event_fields("By Thursday morning soldiers had detained nine traders at the market.")[2] == "soldiers"


@pytest.mark.parametrize(("text", "pair"), [
    ("The Kenya Defence Forces and the Uganda People's Defence Force began joint drills at Malaba.",
     {("Kenya Defence Forces", "Uganda People's Defence Force"), ("Uganda People's Defence Force", "Kenya Defence Forces")}),
    ("Indian and Chinese troops clashed at Galwan.", {("Indian troops", "Chinese troops"), ("Chinese troops", "Indian troops")}),
])
def test_parties_of_a_mutual_act_act_on_each_other_not_on_its_place(text: str, pair: set[tuple[str, str]]) -> None:
    events = [e for e in text_events(text) if e["plover_type"]]
    assert {(e["source"]["text"], (e["target"] or {}).get("text")) for e in events} == pair
