"""How an actor is named when the sentence names it indirectly, and what an act hits when its object is a clause.

Sentences are the team's own (issue 14):
- a pronoun resolved to its referent is written as the phrase that names the referent ("the navy said it had
  opened an inquiry": the source is the navy, not "it"); a consumer of one record has no sentence to resolve it;
- an acronym in brackets stays whole in the actor's text ("the Anti-Corruption Commission (ACC)", not "... (ACC");
- an object the parser read as the subject of a participle clause ("beat herders driving cattle") or of a reduced
  relative ("captured a drug lord wanted for murder") is the object, and a participle that modifies a noun ("a
  suspected smuggler") is no act;
- a free relative object ("shelled what the army said were rebel depots", "struck what officials described as
  camps") is what its clause names, not the one who described it;
- a verb with a noun as object predicate ("called the strikers traitors") names, it does not telephone;
- an intended or threatened act is aimed at the one its object is for, to or from ("threatened to freeze a loan
  for X", "warned it could withhold subsidies from X"), when the parser hangs that phrase on the object;
- what is done to a nominalised act is done to its doer ("rejected the takeover of the presidency by X"); an act that a free
  relative names ("condemned what it called a massacre") is coded as an act of its own;
- an act or an instrument as subject stands for its doer ("a drone strike by X killed"); another thing's owner
  does not ("China's exports beat forecasts");
- delegations from two parties are one delegation of each, which act on each other; one from an actor that is no
  entity ("the army") speaks for it (its country and sector), one from a state takes the noun's sector.
"""

from __future__ import annotations

import pytest

from conftest import text_events, top_typed_event


def _top(text: str) -> dict:
    return top_typed_event(text_events(text, "t-referents"))


def _text(actor: dict | None) -> str | None:
    return (actor or {}).get("text")


def test_a_pronoun_source_is_written_as_the_speaker_it_stands_for() -> None:
    top = _top("ACCRA - The Ghanaian Navy said on Friday it had launched an investigation into the loss of a fishing vessel.")
    assert top["plover_type"] == "ACCUSE"
    assert _text(top["source"]) == "Ghanaian Navy"
    assert top["source"]["sector"] == "MIL"


def test_a_pronoun_that_agrees_with_no_speaker_is_left_unresolved() -> None:
    # "they" cannot stand for one minister: no actor, so no source text of a pronoun either
    events = text_events("The minister said on Tuesday that they had attacked the convoy near the border.", "t-referents")
    assert all(_text(e["source"]) not in ("they", "minister") for e in events if e["plover_type"] == "ASSAULT"), events


def test_a_bracketed_acronym_stays_whole_in_the_actor_text() -> None:
    top = _top("DHAKA: The Anti-Corruption Commission (ACC) has filed a case against a former port official over bribes.")
    assert _text(top["source"]) == "Anti-Corruption Commission (ACC)"


def test_an_object_read_as_the_subject_of_a_participle_clause_is_the_target() -> None:
    top = _top("HEBRON (Reuters) - Armed settlers assaulted Palestinian shepherds grazing sheep near the village, residents said.")
    assert top["plover_type"] == "ASSAULT"
    assert _text(top["source"]) == "Armed settlers"
    assert _text(top["target"]) == "Palestinian shepherds"


def test_a_free_relative_object_names_what_was_hit() -> None:
    top = _top("Turkish jets bombed what the army said were PKK hideouts in northern Iraq on Friday.")
    assert top["plover_type"] == "ASSAULT"
    assert _text(top["source"]) == "Turkish jets"
    assert _text(top["target"]) == "PKK"


def test_a_free_relative_with_described_as_names_what_was_hit() -> None:
    top = _top("Nigerian soldiers struck what officials described as insurgent camps in Borno state.")
    assert top["plover_type"] == "ASSAULT"
    assert top["target"] is not None and top["target"]["sector"] == "REB"


def test_a_free_relative_counts_what_it_names() -> None:
    top = _top("Police arrested what residents said were dozens of students outside the campus.")
    assert top["plover_type"] == "COERCE"
    assert _text(top["target"]) == "students"


def test_calling_someone_something_is_no_telephone_call() -> None:
    events = text_events("The interior minister called the protesters traitors on Monday.", "t-referents")
    assert not any(e["cameo_code"].startswith("04") for e in events), events


def test_a_verb_with_an_adjective_predicate_keeps_its_sense() -> None:
    top = _top("A local reporter was shot dead on Sunday by unidentified gunmen near his home.")
    assert top["plover_type"] == "ASSAULT"
    assert _text(top["source"]) == "unidentified gunmen"


def test_an_intended_act_is_aimed_at_the_one_its_object_is_for() -> None:
    # the recipient hangs on the object of the infinitive, not on the threatening verb
    top = _top("The IMF threatened to freeze its loan programme for Zambia if the deficit kept growing.")
    assert top["plover_type"] == "THREATEN"
    assert _text(top["target"]) == "Zambia"


def test_a_threat_stated_as_a_clause_is_aimed_at_the_one_deprived() -> None:
    top = _top("Brussels warned it could withhold farm subsidies from Poland.")
    assert top["plover_type"] == "THREATEN"
    assert _text(top["target"]) == "Poland"


def test_rejecting_an_act_is_aimed_at_its_doer() -> None:
    top = _top("The African Union rejected the takeover of the presidency by army officers.")
    assert top["plover_type"] == "REJECT"
    assert _text(top["source"]) == "African Union"
    assert _text(top["target"]) == "army officers"


def test_a_condemned_act_named_by_a_free_relative_is_still_coded() -> None:
    events = text_events("The foreign ministry condemned what it called the cold-blooded killing of four fishermen by border guards.",
                         "t-referents")
    assert top_typed_event(events)["plover_type"] == "ACCUSE"
    assert any(e["plover_type"] == "ASSAULT" and _text(e["source"]) == "border guards" for e in events), events


def test_an_act_as_subject_stands_for_its_doer() -> None:
    top = _top("A drone strike by Turkish forces on a car in northern Syria killed two fighters.")
    assert top["plover_type"] == "ASSAULT"
    assert _text(top["source"]) == "Turkish forces"
    assert _text(top["target"]) == "fighters"


def test_the_owner_of_a_thing_as_subject_does_nothing() -> None:
    # only an act or an instrument implies a doer: a country's exports beat no one
    events = text_events("China's exports grew sharply in March, beating the forecasts of most economists.", "t-referents")
    assert not any(e["plover_type"] == "ASSAULT" for e in events), events


def test_delegations_from_two_parties_act_on_each_other() -> None:
    events = text_events("Delegations from Libya's army and the rival militia resumed talks in Geneva on Monday.", "t-referents")
    pairs = {(_text(e["source"]), _text(e["target"])) for e in events if e["plover_type"] == "CONSULT"}
    assert ("Delegations from Libya's army", "Delegations from rival militia") in pairs
    assert ("Delegations from rival militia", "Delegations from Libya's army") in pairs


def test_delegations_from_two_states_take_the_sector_of_the_noun() -> None:
    events = text_events("Delegations from Ethiopia and Eritrea resumed talks in Nairobi on Monday.", "t-referents")
    consult = [e for e in events if e["plover_type"] == "CONSULT"]
    assert {e["source"]["country"] for e in consult} == {"ETH", "ERI"}
    assert {e["source"]["sector"] for e in consult} == {"GOV"}


def test_a_noun_with_a_reduced_relative_is_the_object_not_a_subject() -> None:
    events = text_events("Federal police in Recife captured a suspected drug lord wanted for a string of murders, officials said "
                         "on Friday.", "t-referents")
    top = top_typed_event(events)
    assert top["plover_type"] == "COERCE"
    assert _text(top["source"]) == "Federal police" and _text(top["target"]) == "suspected drug lord"
    # neither the participle before the noun nor the one after it is an act of the sentence
    assert [e["plover_type"] for e in events if e["plover_type"]] == ["COERCE"], events


@pytest.mark.parametrize("text,plover,source", [
    ("Kenyan police raided the camp on Monday. They arrested five men.", "COERCE", "Kenyan police"),
    ("The army launched an offensive in the north. It killed twenty militants.", "ASSAULT", "army"),
])
def test_they_or_it_opening_a_sentence_is_the_subject_of_the_sentence_before(text, plover, source) -> None:
    second = text.split(". ", 1)[1]
    evs = [e for e in text_events(text, "t-previous-subject") if e["plover_type"] == plover and e["sentence"]["index"] == 1]
    assert evs and all(e["source"]["text"] == source for e in evs), (second, evs)


def test_a_pronoun_after_a_noun_of_its_sentence_or_with_a_linking_verb_is_left_alone() -> None:
    # "they" in the clause after "five men" may mean the men; "it is" introduces no doer
    evs = text_events("Riot police stood by the gate. Officers detained five men after they attacked a bus.", "t-prev")
    assert not any(e["plover_type"] == "ASSAULT" and "police" in e["source"]["text"].lower() for e in evs), evs
    evs = text_events("The union called a strike. It is not about wages alone, a spokesman said.", "t-prev")
    assert not any(e["sentence"]["index"] == 1 and e["source"]["text"] == "union" for e in evs), evs


@pytest.mark.parametrize("text, target", [
    ("Masked gunmen shot dead opposition lawmaker Tomas Arce outside his home on Friday.", "opposition lawmaker Tomas Arce"),
    ("Soldiers shot dead two suspected smugglers near the border post.", "suspected smugglers"),
])
def test_what_the_act_left_its_object_is_not_its_name(text, target) -> None:
    """participants._noun_phrase: "dead" right after the verb is what the act left its object ("shot dead"), which the
    parser hangs on the object's name as its modifier: the target is the person, not "dead opposition lawmaker"."""
    top = top_typed_event(text_events(text))
    assert (top["plover_type"], top["target"]["text"]) == ("ASSAULT", target)
