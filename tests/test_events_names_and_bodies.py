"""Names built on a verb, and public bodies named by their owner (issue 14).

Sentences are the team's own.
- a capitalised verb inside a name the tagger marked, with more of the name after it, is a word of the name: the
  actor's text is the whole name, and the verb is no act ("a Committee to Protect ..." protects no one);
- the tagger's entity that runs on over a lowercase verb stays cut there (the verb is the act);
- "body" is an agency only with an owner that names a state or an organisation ("Kenya's anti-graft body", "a UN
  body"); alone, or of a person, it is a corpse, and names no actor.
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


def _events(text: str) -> list[dict]:
    return [e for e in text_events(text, "t-names") if e["plover_type"]]


def test_a_name_built_on_a_verb_is_the_whole_name_and_no_act() -> None:
    events = _events("The Committee to Protect Journalists urged Kenyan authorities to free two reporters.")
    top = top_typed_event(events)
    assert top["plover_type"] == "REQUEST"
    assert top["source"]["text"] == "Committee to Protect Journalists"
    assert top["target"]["text"] == "Kenyan authorities"
    assert all(e["action"]["lemma"] != "protect" for e in events)


def test_a_lowercase_verb_after_a_name_is_the_act() -> None:
    top = top_typed_event(_events("Amnesty International urged Egypt to free the activists."))
    assert top["plover_type"] == "REQUEST"
    assert top["source"]["text"] == "Amnesty International"


def test_a_body_with_an_owner_is_an_agency_of_that_owner() -> None:
    top = top_typed_event(_events("Kenya's anti-corruption body is investigating two county governors."))
    assert top["plover_type"] == "ACCUSE"
    assert top["source"]["text"] == "Kenya's anti-corruption body"
    assert (top["source"]["country"], top["source"]["sector"]) == ("KEN", "GOV")
    top = top_typed_event(_events("The Kenyan anti-graft body arrested the mayor on Monday."))
    assert top["plover_type"] == "COERCE"
    assert top["source"]["country"] == "KEN"


def test_a_body_alone_or_of_a_person_is_no_actor() -> None:
    assert _events("The body blocked the road for an hour.") == []
    events = _events("Protesters carried the body of a student to the police station and blocked the road.")
    assert [e["source"]["text"] for e in events] == ["Protesters"]


def test_a_body_of_government_is_its_possessors() -> None:
    # the gazetteer knows "Foreign Office" as one state's; possessed by another state, it is that state's
    top = top_typed_event(_events("Pakistan's Foreign Office condemned the killing of two youths."))
    assert top["plover_type"] == "ACCUSE"
    assert top["source"]["country"] == "PAK"
    top = top_typed_event(_events("The Foreign Office condemned the killing of two youths."))
    assert top["source"]["country"] == "GBR"
