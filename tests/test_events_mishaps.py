"""Deaths and injuries in accidents and bad weather are no act of force (``event_accidents.tsv``); verbs and agent
nouns the dictionaries lack (``event_verbs.tsv``, ``event_agents.tsv``).

Sentences are the team's own. English reports a death in a crash or a storm with the verbs of violence ("killed",
"injured"), which the dictionary codes as force; when the act names no doer and its setting is an accident or the
weather, nobody did it. A named doer keeps the act whatever the weather. A vehicle that plunged, skidded or veered
off the road, or a wall that toppled, is a mishap as a crash is, while the same verbs with an object are acts.
"""

from __future__ import annotations

import pytest

from conftest import text_events, top_typed_event


def _typed(text: str) -> list[dict]:
    return [e for e in text_events(text, "t-mishap") if e["plover_type"]]


@pytest.mark.parametrize("text", [
    "Four people were killed in a car crash on the highway.",  # "in" phrase
    "A man was killed when a tree fell on his car during a storm.",  # "when" clause, weather inside it
    "A bus crash killed four people near the capital.",  # the accident as subject
    "Two fishermen were killed when their trawler capsized in heavy seas.",  # the verb of the accident in the clause
    "Six workers were killed in a boiler explosion at a textile mill.",  # an explosion named by its cause
    "Two children died in an electrical fire at their home.",
])
def test_a_death_in_an_accident_or_bad_weather_is_no_event(text) -> None:
    assert _typed(text) == []


@pytest.mark.parametrize("text,source,target", [
    ("Six soldiers were killed when rebels attacked their convoy during a storm.", "rebels", "soldiers"),
    ("Two soldiers were killed in an ambush by rebels near the pass.", "rebels", "soldiers"),
])
def test_a_named_doer_keeps_the_act_whatever_the_weather(text, source, target) -> None:
    top = top_typed_event(text_events(text, "t-mishap"))
    assert (top["plover_type"], top["source"]["text"], top["target"]["text"]) == ("ASSAULT", source, target)


@pytest.mark.parametrize("text,plover,source,sector", [
    # (172, the row's own code: EXCLUDE's bare "- * FROM" 160 is another verb's pattern, no longer borrowed; the body the
    # tagger named is of its agent words' sector, GOV)
    ("The Election Commission disqualified nine mayoral hopefuls from the municipal polls.", "COERCE", "Election Commission", "GOV"),
    ("A mob lynched two men accused of cattle theft.", "ASSAULT", "mob", "CVL"),
    ("Cops arrested the protest leader outside the court.", "COERCE", "Cops", "COP"),
    ("A sniper shot a soldier at the checkpoint.", "ASSAULT", "sniper", "UAF"),
])
def test_verbs_and_agent_nouns_the_dictionaries_lack(text, plover, source, sector) -> None:
    top = top_typed_event(text_events(text, "t-lacking"))
    assert (top["plover_type"], top["source"]["text"], top["source"]["sector"]) == (plover, source, sector)


def test_those_martyred_when_others_attacked_died_at_their_hands() -> None:
    # "martyred" is how much of the region's news says soldiers or police were killed; the dictionary lacks the verb
    top = top_typed_event(text_events("QUETTA: Four policemen were martyred when gunmen attacked their patrol.", "t-martyr"))
    assert (top["plover_type"], top["source"]["text"], top["target"]["text"]) == ("ASSAULT", "gunmen", "policemen")


def test_an_attack_named_with_a_cause_word_stays_an_attack() -> None:
    # a cause word on an act noun ("a tear gas attack") names the weapon, not an accident
    assert [e["plover_type"] for e in _typed("Three guards were wounded in a tear gas attack on the prison.")] == ["ASSAULT"]


@pytest.mark.parametrize("text", [
    "Officials evacuated two schools as a precaution after an earthquake rattled the coastal province on Monday.",
    "Soldiers rescued dozens of stranded families after flash floods swept through the valley overnight.",
])
def test_help_given_in_a_disaster_is_the_disaster_s_story(text) -> None:
    # builder._of_disaster: an act of aid (07) whose own clauses tell of a disaster of the agents dictionary
    assert not [e for e in text_events(text) if e["plover_type"]]


def test_aid_after_an_act_of_war_is_still_aid() -> None:
    top = top_typed_event(text_events("The government sent food aid to the refugees after the war displaced them."))
    assert (top["plover_type"], top["source"]["text"]) == ("AID", "government")


def test_an_inquiry_into_a_fire_or_a_crash_looks_into_no_one() -> None:
    """builder._a_mishap: investigating an accident, a fire or its cause is no act on anyone (no event); an inquiry
    into crimes or abuses looks into someone's conduct and stays an investigation."""
    for text in ("Fire officials are investigating the cause of the warehouse blaze.",
                 "The transport ministry began investigating the bus crash on Tuesday."):
        assert not [e for e in text_events(text) if e["plover_type"]], text
    top = top_typed_event([e for e in text_events("The UN opened an inquiry into abuses by police in Kasai.") if e["plover_type"]])
    assert top["cameo_code"].startswith("09")


def test_an_injury_in_an_emergency_landing_is_no_event() -> None:
    """event_accidents.tsv: a landing (an emergency one, a crash-landing) is an accident's setting."""
    text = "Three passengers were hurt when a small plane made an emergency landing on a beach near Mombasa."
    assert [e for e in text_events(text) if e["plover_type"]] == []


@pytest.mark.parametrize("text", [
    "The national weather office warned of heavy rainfall in nine provinces over the weekend.",
    "Officials warned villagers of flooding along the lower Zambezi.",
])
def test_a_warning_of_bad_weather_threatens_no_one(text) -> None:
    """builder (_THREATENING_ROOT): a warning whose "of" phrase names a disaster, the weather or an accident is a
    forecast, no threat of one party to another; a warning of an offensive stays a threat."""
    assert [e for e in text_events(text) if e["plover_type"]] == []
    top = top_typed_event(text_events("The army warned the rebels of a new offensive in the hills."))
    assert (top["plover_type"], top["source"]["text"]) == ("THREATEN", "army")


@pytest.mark.parametrize("text", [
    "At least 17 passengers were killed and 30 others injured when an overloaded coach travelling between two towns plunged into a ravine.",
    "Three workers died when their truck skidded off a mountain road and veered into a ditch.",
])
def test_a_vehicle_that_plunged_or_skidded_is_a_mishap(text: str) -> None:
    assert _typed(text) == []


def test_the_same_verb_with_an_object_is_no_mishap() -> None:
    from streams.extraction.events.knowledge import knowledge

    assert {"plunge", "skid", "veer", "topple"} <= knowledge().mishaps
    events = _typed("Gunmen killed four policemen when they toppled the barrier at a checkpoint.")
    assert [(e["plover_type"], e["source"]["text"]) for e in events][:1] == [("ASSAULT", "Gunmen")]


def test_a_when_clause_the_parser_tore_off_still_tells_the_mishap() -> None:
    """Before: the parser cut the sentence at a place name and hung the "when" clause on nothing of the killing, so a
    minibus that plunged into a gorge gave an assault with no doer."""
    text = ("Nine pilgrims were killed and 30 hurt when a minibus carrying them from Quetta to Dera Ismail Khan plunged "
            "into a gorge near Zhob late on Friday, police said.")
    assert not [e for e in text_events(text, "t-mishap") if e["plover_type"]]


def test_a_when_clause_of_an_attack_keeps_the_killing() -> None:
    # control: a "when" clause that tells of an attack, not a mishap, leaves the killing coded
    text = "Three soldiers were killed when militants ambushed their convoy near the border, officials said."
    assert [e["plover_type"] for e in text_events(text, "t-mishap") if e["plover_type"]][:1] == ["ASSAULT"]


def test_what_a_crash_did_in_its_participle_clause_is_no_act() -> None:
    """Before: the injuring in "..., killing its pilot and injuring two passengers" after a plane's crash came out as
    an assault with no doer: the participle coordinated with the first was not read as the mishap's own."""
    text = ("A crop-spraying plane crashed in a maize field near Eldoret on Friday morning, killing its pilot and badly "
            "injuring two passengers, police said.")
    assert not [e for e in text_events(text, "t-mishap") if e["plover_type"]]
    # control: a bomber who crashes into a checkpoint is a doer
    bomb = [e for e in text_events("A suicide bomber crashed into the checkpoint, killing five soldiers and wounding two.", "t-mishap")
            if e["plover_type"]]
    assert bomb and bomb[0]["source"]["text"] == "suicide bomber"
