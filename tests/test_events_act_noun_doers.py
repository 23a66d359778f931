"""Who did an act of force a sentence tells as the subject of its harm, or lays on someone (issue 14).

- An act noun of force that is the subject of the verb of its harm ("a rebel ambush killed ...", "a bombing blamed
  on X wounded ...", "an ambush which X claimed killed ...") has for doer whom its participle or relative clause
  names, else a modifier that names an actor; a town there is only where (``frames.act_noun_doers``). A blast is
  someone's act only where it is blamed on or claimed by one.
- A relative word the parser read as a second subject beside a noun is the clause's object ("an ambush which X
  claimed": X claims it, ``frames._claimants``).
- The act told as the subject of a passive of blaming or claiming ("the bombing was blamed on X", "was claimed by X")
  is X's (``frames._claimants``).
- A place held by a party hyphened before a participle of holding ("rebel-held suburbs", "militia-controlled
  villages") is that party's, as a possessor's would be (``frames._holders`` in ``owner_groups``).
- A blame no one is said to lay ("an attack blamed on X", "was attributed to X") only names the act's doer: it
  consumes no act noun and is no accusation of its own (``frames.blame_without_blamer``, ``builder._choose``); a
  blamer named ("police blamed X for ...", "blamed by officials on X") still accuses.

Sentences written for this file.
"""

from __future__ import annotations

from conftest import text_events


def _pairs(text: str, plover: str = "ASSAULT") -> set[tuple[str, str | None]]:
    return {(e["source"]["text"], (e["target"] or {}).get("text")) for e in text_events(text) if e["plover_type"] == plover}


def _types(text: str) -> set[str | None]:
    return {e["plover_type"] for e in text_events(text)}


def test_an_act_noun_subject_names_its_doer_by_an_agent_modifier() -> None:
    assert _pairs("A rebel ambush killed four customs officers near the pass.") == {("rebel", "customs officers")}


def test_an_act_noun_subject_names_its_doer_by_a_blame() -> None:
    assert _pairs("A mortar attack blamed on insurgents killed three shepherds.") == {("insurgents", "shepherds")}
    assert _pairs("A roadside blast blamed on insurgents wounded nine pilgrims.") == {("insurgents", "pilgrims")}


def test_an_act_noun_subject_claimed_in_a_relative_clause() -> None:
    assert _pairs("An ambush which the Shabaab militia claimed killed six soldiers.") == {("Shabaab militia", "soldiers")}


def test_a_modifier_that_names_no_actor_names_no_doer() -> None:
    # controls: a kind of attack and a town are no doers, and a blast nobody is blamed for is no one's act
    assert {s for s, _ in _pairs("A suicide attack killed three shepherds.")} == {""}
    assert {s for s, _ in _pairs("A Kandahar attack killed three shepherds.")} == {""}
    assert text_events("A gas blast killed three workers at the depot.") == []


def test_an_act_told_as_the_subject_of_a_passive_blame_is_the_blamed_ones() -> None:
    assert _pairs("The raid that killed two farmers was blamed on bandits.") == {("bandits", "farmers")}
    assert _types("The raid that killed two farmers was blamed on bandits.") == {"ASSAULT"}


def test_a_blame_laid_by_no_one_is_no_accusation() -> None:
    events = text_events("Four traders died in a grenade attack blamed on gang members.")
    assert {(e["plover_type"], e["source"]["text"], (e["target"] or {}).get("text")) for e in events} == {
        ("ASSAULT", "gang members", "traders")}


def test_a_blame_laid_by_someone_stays_an_accusation() -> None:
    # controls: the blamer is named, as subject or as agent
    assert "ACCUSE" in _types("Police blamed gang members for the grenade attack.")
    assert "ACCUSE" in _types("The grenade attack was blamed by officials on gang members.")


def test_a_place_held_by_a_party_stands_for_it() -> None:
    assert _pairs("Artillery units shelled rebel-held suburbs of the port overnight.") == {("Artillery units", "rebel")}
    assert _pairs("Government troops shelled militia-controlled positions along the river.") == {("Government troops", "militia")}


def test_a_place_of_no_holder_keeps_its_owner() -> None:
    # control: no participle of holding, the town whose districts they are is aimed at
    assert _pairs("Artillery units shelled outlying suburbs of Mosul overnight.") == {("Artillery units", "Mosul")}
