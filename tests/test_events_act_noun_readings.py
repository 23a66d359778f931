"""Act nouns the tagger or the parser misread: a plural the tagger took for a verb in "-s" that the parser made another
verb's argument is the act noun (``components._plural_read_as_verb``); a modifier the parser hung on a noun of the act
noun's compound is the act noun's too ("joint air force drills", ``frames._modifiers``); violence "against" a party is an
act noun (``event_nouns.tsv``).

Sentences are the team's own, written to show each phenomenon.
"""

from __future__ import annotations

from conftest import text_events


def _pairs(text: str, code: str) -> set[tuple[str, str | None]]:
    return {(e["source"]["text"], (e["target"] or {}).get("text")) for e in text_events(text) if e["cameo_code"] == code}


def test_joint_drills_read_through_a_compound_are_cooperation() -> None:
    assert _pairs("Ghana and Togo held joint air force drills near the coast.", "062") == {("Ghana", "Togo"), ("Togo", "Ghana")}


def test_joint_drills_parsed_plainly_stay_cooperation() -> None:
    # control: the modifier on the noun itself
    assert _pairs("Ghana and Togo held joint military drills near the coast.", "062") == {("Ghana", "Togo"), ("Togo", "Ghana")}


def test_a_criticism_of_violence_against_a_party_is_not_aimed_at_it() -> None:
    # event_nouns.tsv: violence "against" a party is an act noun (180); those it befell are no target of a criticism
    events = [e for e in text_events("The African Union condemned the violence against striking miners.") if e["plover_type"] == "ACCUSE"]
    assert events and all((e["target"] or {}).get("text") != "striking miners" for e in events)
    # and the violence, named with its doer, is an act of force on them
    fields = [(e["plover_type"], e["source"]["text"], (e["target"] or {}).get("text"))
              for e in text_events("Police violence against striking miners drew wide criticism.")]
    assert ("ASSAULT", "Police", "striking miners") in fields


def test_violence_alone_names_no_act() -> None:
    # control: with no party it is used against, violence that broke out names no act of anyone's
    assert not [e for e in text_events("Violence broke out in the capital after the vote.") if e["plover_type"]]


def test_a_criticism_of_the_use_of_force_is_not_aimed_at_those_it_was_used_on() -> None:
    # frames._use_of_force: "the use of force against X" names an act of force as an act noun does
    events = [e for e in text_events("The bloc's top diplomat criticised the use of force against striking nurses.")
              if e["plover_type"] == "ACCUSE"]
    assert events and all((e["target"] or {}).get("text") != "striking nurses" for e in events)


def test_a_criticism_of_the_use_of_a_thing_is_no_act_of_force() -> None:
    # control: "the use of" a thing that is no weapon names no act; the reading above does not apply
    events = [e for e in text_events("Kenya criticised Uganda's use of the lake for oil drilling.") if e["plover_type"] == "ACCUSE"]
    assert events and events[0]["target"]["text"] == "Uganda"
