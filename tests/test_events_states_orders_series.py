"""States an act holds someone in, acts an authority approves, passive series and conditional threats (issue 14).

Four general readings, each on sentences written for this file:

- "X is under investigation": the act noun, as the predicate of being, holds its subject in a state; the subject
  undergoes the act and whoever reports the state has not done it (``frames.held_under``; a "by" phrase on the verb
  names the doer). A reported state of a thing ("the cause was under investigation") is then no event.
- An act noun an authority approves or authorises by the verb's bare default is the authority's act, as an ordered
  one is (``builder._ORDERING``); a pattern of the verb keeps its own pair.
- Coordinated passive participles share the agent the parser hangs on the last of them ("were beaten and robbed by
  X", ``slots._shared_agent``), unless one has a subject of its own.
- A coercive act held over a condition is a threat aimed first at the one whose act the condition waits on ("will cut
  supplies if X does not pay", ``frames._threats``).
"""

from __future__ import annotations

from conftest import text_events


def _pairs(text: str, code: str | None = None, plover: str | None = None) -> set[tuple[str, str | None]]:
    return {(e["source"]["text"], (e["target"] or {}).get("text")) for e in text_events(text)
            if (code is None or e["cameo_code"] == code) and (plover is None or e["plover_type"] == plover)}


def test_a_person_under_investigation_undergoes_it_and_the_speaker_did_not_do_it() -> None:
    assert _pairs("A police spokeswoman said the deputy mayor was under investigation for fraud.", "090") == {
        ("", "deputy mayor")}


def test_the_state_of_a_thing_under_investigation_is_no_event() -> None:
    assert text_events("A fire brigade spokesman told reporters that the warehouse blast's origin was under investigation.") == []


def test_a_state_held_by_a_named_doer_takes_it_as_source() -> None:
    assert _pairs("The northern town remained under siege by rebel fighters.", plover="COERCE") == {
        ("rebel fighters", "northern town")}


def test_opening_an_investigation_is_still_the_investigators_act() -> None:
    # control: an inquiry the subject opens is theirs
    assert _pairs("Police announced an investigation into the deputy mayor on Friday.", "090") == {("Police", "deputy mayor")}


def test_an_act_approved_by_an_authority_is_its_own() -> None:
    assert _pairs("Parliament approved the expulsion of the ambassador on Tuesday.", plover="COERCE") == {("Parliament", "ambassador")}
    assert _pairs("The council approved sanctions against three shipping firms.", "163") == {("council", "shipping firms")}


def test_a_pattern_of_approving_keeps_its_pair() -> None:
    # control: the verb's own pattern codes the pair (the dictionary's approving of a decision is an agreement)
    codes = {e["cameo_code"] for e in text_events("The cabinet approved the decision of the two provinces to merge their police forces.")}
    assert "030" in codes


def test_coordinated_passives_share_the_agent_of_the_last() -> None:
    assert _pairs("Three traders were beaten and robbed by soldiers at a checkpoint.", plover="ASSAULT") == {("soldiers", "traders")}
    assert _pairs("The journalist was detained and questioned by military intelligence officers.", "173") == {
        ("military intelligence officers", "journalist")}


def test_a_passive_with_a_subject_of_its_own_does_not_share_the_agent() -> None:
    # control: the second clause has its own subject, so the first act's doer stays unnamed
    assert _pairs("The activist was arrested and police said he was beaten by guards.", "173") == {("", "activist")}


def test_a_threat_held_over_a_condition_is_aimed_at_the_one_who_must_act() -> None:
    assert _pairs("Moscow warned it would cut gas supplies if Kyiv did not pay its debts.", plover="THREATEN") == {("Moscow", "Kyiv")}
    assert _pairs("The junta said it would expel the envoys unless Paris apologised.", plover="THREATEN") == {("junta", "Paris")}


def test_a_condition_whose_subject_is_a_pronoun_leaves_the_acts_own_target() -> None:
    # control: "it" names no one new; the party the act falls on stays the target
    assert _pairs("The government will ban the party if it refuses to disarm.", plover="THREATEN") == {("government", "party")}
