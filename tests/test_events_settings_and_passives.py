"""Phenomena of the coder's syntax and settings, each on sentences of the team's own:

- a noun act's phrase of time is no phrase of place ("a strike on Thursday" is no strike on a target), and a
  walkout held to press someone is aimed at them;
- what a passive's own "by" phrase names as a gerund is its cause, whose doer the sentence does not say;
- an act its doer did not even attempt is negated;
- a fire or a blaze with no one named who set it is a mishap;
- a preposition a passive leaves stranded takes the passive's subject ("were called on to ..."), and the infinitive
  of a passive verb of asking or ordering is done by the passive's subject;
- the party fought is the doer also where the parser hangs the second participle on a noun;
- an inquiry is aimed at the doer of what it looks into; forces massed at a border face the state across it;
- a threat is aimed at whoever would bring it on, also when the condition is told in the passive;
- a "by" phrase the parser hung on an active verb right after its object names the object's author.
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


def typed(text: str) -> list[dict]:
    return [e for e in text_events(text) if e["plover_type"]]


def test_a_strike_on_a_day_is_a_walkout_aimed_at_whom_it_presses() -> None:
    top = top_typed_event(text_events("Dock workers in Mombasa began a strike on Thursday to pressure the port authority over unpaid wages."))
    assert (top["plover_type"], top["cameo_code"][:2]) == ("PROTEST", "14")
    assert top["source"]["text"] == "Dock workers" and top["target"]["text"] == "port authority"
    # a strike on a place is still an attack
    top = top_typed_event(text_events("Israeli jets carried out a strike on a weapons depot near Damascus on Monday."))
    assert top["plover_type"] == "ASSAULT"


def test_the_cause_a_passive_names_has_no_doer_from_its_patients() -> None:
    # those cut off by fighting did not fight; the sentence names no fighter
    for text in ("Thousands of families were cut off by fighting in the province.",
                 "Aid agencies began dropping food to villagers cut off by fighting in the north."):
        sources = [(e["source"] or {}).get("text") or "" for e in text_events(text) if e["plover_type"] == "ASSAULT"]
        assert not any("families" in s or "villagers" in s for s in sources), (text, sources)


def test_an_act_not_even_attempted_is_negated() -> None:
    for text in ("Government troops did not attempt to storm the rebel-held town.",
                 "Soldiers never tried to arrest the opposition leader."):
        acts = [e for e in text_events(text) if e["plover_type"]]
        assert acts and all(e["negated"] for e in acts), text
    # an act done without hesitation was done
    events = text_events("Riot police did not hesitate to detain the student leaders.")
    assert any(e["plover_type"] == "COERCE" and not e["negated"] for e in events)


def test_a_fire_no_one_set_is_a_mishap() -> None:
    assert typed("Four firefighters were killed in a fire at a chemical plant.") == []
    assert typed("Two shoppers were killed in a blaze at a market on Sunday.") == []
    # who set it makes it theirs
    events = typed("Militants set fire to a village school, killing two guards.")
    assert any(e["plover_type"] == "ASSAULT" and e["source"]["text"] == "Militants" for e in events)


def test_a_stranded_preposition_takes_the_passive_subject() -> None:
    top = top_typed_event(text_events("Rebel commanders were called on yesterday by the African Union to join the negotiations."))
    assert (top["plover_type"], top["cameo_code"][:2]) == ("REQUEST", "02")
    assert top["source"]["text"] == "African Union" and top["target"]["text"] == "Rebel commanders"


def test_the_infinitive_of_a_passive_order_is_the_subjects_act() -> None:
    # the one ordered acts, not the one who ordered
    events = text_events("Rebel fighters were ordered by their commanders to attack the convoy at dawn.")
    attacks = [e for e in events if e["cameo_code"][:2] in ("18", "19")]
    assert attacks and all(e["source"]["text"] == "Rebel fighters" for e in attacks)


def test_the_party_fought_is_the_doer_when_the_second_participle_hangs_on_a_noun() -> None:
    # "two were killed and seven others injured in a clash with X": the parser hangs "injured" on "others", and its
    # "in a clash with" phrase still names who fought them
    top = top_typed_event(text_events(
        "At least two soldiers were killed and seven others injured on Monday in a clash with four gunmen near the border."))
    assert top["plover_type"] == "ASSAULT" and top["source"]["text"] == "gunmen" and "soldiers" in top["target"]["text"]


def test_an_inquiry_is_aimed_at_the_doer_of_what_it_looks_into() -> None:
    cases = {
        "A United Nations panel opened an investigation on Friday into claims that Malian soldiers killed dozens of villagers.": "Malian soldiers",
        "The commission is investigating allegations of torture by prison guards.": "prison guards",
        "Prosecutors are investigating allegations against the former minister.": "former minister",
    }
    for text, target in cases.items():
        top = top_typed_event(text_events(text))
        assert top["cameo_code"][:2] == "09" and (top["target"] or {}).get("text") == target, (text, top["target"])


def test_forces_massed_at_a_border_face_the_state_across_it() -> None:
    top = top_typed_event(text_events("Azerbaijan has massed troops and armoured vehicles on its border with Armenia, officials said."))
    assert top["cameo_code"][:2] == "15" and top["target"]["text"] == "Armenia"


def test_a_threat_is_aimed_at_whoever_would_bring_it_on_told_in_the_passive() -> None:
    top = top_typed_event(text_events("The militia threatened to retaliate if attacked by government forces."))
    assert top["plover_type"] == "THREATEN" and (top["target"] or {}).get("text") == "government forces"


def test_a_by_phrase_hung_on_the_verb_after_its_object_names_the_objects_author() -> None:
    # "rejected a proposal | by X": an active verb's doer is its subject, so the "by" phrase is the proposal's author
    top = top_typed_event(text_events("Burkina Faso turned down an offer by ECOWAS on Friday to send troops."))
    assert top["plover_type"] == "REJECT" and (top["target"] or {}).get("text") == "ECOWAS"
