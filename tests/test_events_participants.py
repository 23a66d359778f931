"""Who acts and who is acted upon: the coder's own agent nouns, counted crowds, weapons that stand for their owner,
verbs whose subject undergoes the act, and places that stand in for a target only when someone acted.

Every sentence here is written for these tests; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from streams.ids import content_hash
from streams.records import CleanArticle


@pytest.fixture(scope="module")
def nlp():
    from streams.extraction.nlp import load_nlp

    return load_nlp()


def _events(nlp, text: str) -> list[dict]:
    from streams.extraction.entities import resolve_entities
    from streams.extraction.events import annotate, code_article

    art = CleanArticle(article_id="p", body=text, content_hash=content_hash(text), cleaner_version="t",
                       input_format="text", language="en", published_at="2025-06-02T08:00:00Z")
    doc = annotate(nlp, nlp(text))
    return code_article(doc, resolve_entities(doc), art, emit_statements=False).events


def _head_actor(nlp, phrase: str):
    """The actor the coder makes of the subject of a sentence that starts with ``phrase``."""
    from streams.extraction.entities import resolve_entities
    from streams.extraction.events.participants import Participants
    from streams.extraction.events.resolve import Salience

    doc = nlp(phrase + " attacked the village on Monday.")
    subj = next(t for t in doc if t.dep_ == "nsubj")
    found = Participants(doc, resolve_entities(doc), None, Salience(), list(doc.sents)).actors(subj)
    return found[0] if found else None


def test_supplement_agent_takes_the_country_of_its_modifier(nlp):
    a = _head_actor(nlp, "Russian forces")
    assert a is not None and (a.country, a.sector) == ("RUS", "MIL")
    b = _head_actor(nlp, "A federal jury")
    assert b is not None and b.sector == "JUD"


def test_supplement_noun_that_needs_an_owner_is_no_actor_without_one(nlp):
    assert _head_actor(nlp, "Housing units") is None
    owned = _head_actor(nlp, "Ukrainian army units")
    assert owned is not None and owned.country == "UKR"


def test_counted_group_is_the_counted_actor(nlp):
    a = _head_actor(nlp, "Thousands of farmers")
    assert a is not None and a.text == "farmers" and a.sector == "AGR"  # the crowd without its count, typed by what it counts


def test_weapon_with_a_named_owner_stands_for_the_owner(nlp):
    a = _head_actor(nlp, "Israeli drones")
    assert a is not None and a.country == "ISR" and a.entity is not None
    assert _head_actor(nlp, "Drones") is None


def test_subject_of_die_is_acted_upon(nlp):
    evs = _events(nlp, "A prisoner died after he was beaten by guards in the jail.")
    assert evs and all(e["source"]["text"] != "prisoner" for e in evs)
    # the dying and the beating are one act, kept with both its parties ("he" is the prisoner)
    assert any(e["source"]["text"] == "guards" and (e["target"] or {}).get("text") == "prisoner" for e in evs), evs
    evs = _events(nlp, "A prisoner died in the jail after a beating.")
    died = [e for e in evs if e["action"]["text"].startswith("died")]
    assert all(e["source"]["text"] != "prisoner" for e in died)


def test_place_alone_is_no_target(nlp):
    # nobody named did it: the place of the deaths is no one acted upon
    assert _events(nlp, "Two warehouses were shelled in Tirana on Sunday.") == []
    # a named source: the place stands for those acted upon
    evs = _events(nlp, "Russian forces shelled positions near Kharkiv on Sunday.")
    assert any(e["source"]["country"] == "RUS" and (e["target"] or {}).get("text") == "Kharkiv" for e in evs), evs


def test_owner_can_be_an_agent_noun(nlp):
    a = _head_actor(nlp, "Artillery units")
    assert a is not None and a.sector == "MIL"


def test_object_class_does_not_change_the_act(nlp):
    """The dictionary's "arrest + protesters" pattern names who was arrested; the act stays an arrest (COERCE),
    and the protest it implies never outranks it."""
    evs = _events(nlp, "Riot police arrested sixty protesters outside the assembly in Tirana on Friday.")
    top = max(evs, key=lambda e: e["confidence"])
    assert top["plover_type"] == "COERCE" and "police" in top["source"]["text"] and "protesters" in top["target"]["text"]


def test_event_noun_naming_a_kind_is_no_act(nlp):
    from streams.extraction.events import annotate

    doc = annotate(nlp, nlp("Riot police stood by the gate all night."))
    assert not any(doc[c.trigger].lower_ == "riot" for c in doc._.event_candidates)


def test_members_of_a_group_are_that_group(nlp):
    a = _head_actor(nlp, "Two members of Hamas")
    assert a is not None and a.text == "members of Hamas" and a.entity is not None


def test_a_counted_crowd_that_acts_is_an_actor(nlp):
    # a bare count as subject ("thousands took to the streets") is a crowd of civilians, not a quantity
    events = _events(nlp, "Thousands took to the streets of Mombasa to protest the new levy.")
    protests = [e for e in events if e["plover_type"] == "PROTEST"]
    assert protests and protests[0]["source"]["text"] == "Thousands" and protests[0]["source"]["sector"] == "CVL"


def test_a_missed_main_verb_keeps_its_subject_as_the_source(nlp):
    # the parser reads "<count> of <people> <verb-ed> ..." as a noun phrase with a reduced relative clause; in a
    # sentence that ends with a stop the noun is the one who acted, not the one acted upon
    events = _events(nlp, "Hundreds of nurses protested outside the health ministry in Lusaka.")
    protest = next(e for e in events if e["plover_type"] == "PROTEST")
    assert protest["source"]["text"] == "nurses"
    assert protest["target"] is None or protest["target"]["text"] != "nurses"


def test_a_headline_keeps_the_passive_reading_of_a_participle(nlp):
    events = _events(nlp, "Three reporters detained in Minsk")
    arrest = next(e for e in events if e["plover_type"] == "COERCE")
    assert arrest["target"]["text"] == "reporters" and arrest["source"]["text"] == ""


def test_the_place_of_an_agreement_is_not_its_owner(nlp):
    # "an agreement in <city>": the city is where it was signed; the parties are the coordinated subjects
    events = _events(nlp, "The militia and the army signed a ceasefire agreement in Nairobi.")
    assert events, "the signing is an event"
    texts = {(e["source"]["text"], (e["target"] or {}).get("text")) for e in events}
    assert all("agreement" not in s and "agreement" not in (t or "") for s, t in texts), texts
    assert ("militia", "army") in texts and ("army", "militia") in texts, texts


@pytest.mark.parametrize("text", [
    "Cyclone Freddy destroyed thousands of homes in Malawi.",
    "Wildfires forced thousands of villagers to leave their homes near Patras.",
])
def test_a_disaster_is_nobody(nlp, text):
    # the agents dictionary lists disasters as no actor; a named storm the tagger takes for a person is one too
    assert [e for e in _events(nlp, text) if e["plover_type"]] == []


def test_a_place_inside_the_object_phrase_cannot_act_back(nlp):
    # "struck parts of <town>": the town stands for those hit, but nothing of the sentence says it hit back
    events = _events(nlp, "Artillery shelling struck residential parts of Mykolaiv on Sunday.")
    assert [e["target"]["text"] for e in events if e["source"]["text"] == "Artillery"] == ["Mykolaiv"]
    assert all(e["source"]["text"] != "Mykolaiv" for e in events), [(e["source"]["text"], e["target"]) for e in events]


@pytest.mark.parametrize("text", [
    "The party chairman attacked the finance minister over fuel subsidies in a televised address.",
    "The mayor hit out at the regional governor on social media.",
])
def test_force_in_words_is_a_criticism(nlp, text):
    # a verb of force whose phrase names a channel or occasion of speech is a verbal act (event_verbal_settings.tsv)
    events = [e for e in _events(nlp, text) if e["plover_type"]]
    assert events and all(e["plover_type"] == "ACCUSE" for e in events), [(e["plover_type"], e["action"]) for e in events]


def test_force_with_no_setting_of_speech_stays_force(nlp):
    events = _events(nlp, "Gunmen attacked a police patrol near the market in Kidal on Monday.")
    assert any(e["plover_type"] == "ASSAULT" for e in events)


def test_people_hit_by_a_disaster_are_no_target_of_a_political_act(nlp):
    events = _events(nlp, "The premier said she would visit villages affected by the floods.")
    assert all(e["action"]["lemma"] != "affect" for e in events), [(e["plover_type"], e["action"]) for e in events]


def test_a_state_of_emergency_is_no_actor(nlp):
    events = _events(nlp, "The government of Chad declared a state of emergency in two regions.")
    assert events and all((e["target"] or {}).get("text", "").find("emergency") < 0 for e in events)


def test_agreeing_on_an_act_is_not_doing_it(nlp):
    # an event noun that is the object of a verb of agreement is what was agreed, not the act done
    events = _events(nlp, "The army and the rebels agreed on a ceasefire in Kidal.")
    typed = {e["plover_type"] for e in events if e["plover_type"]}
    assert typed and typed <= {"AGREE", "SUPPORT", "COOPERATE"}, typed


def test_an_arrest_during_a_protest_is_an_arrest(nlp):
    # a pattern that adds only the occasion ("during a protest") keeps the verb's PLOVER type within its CAMEO root
    events = _events(nlp, "Police arrested 30 people during a protest in Bishkek on Friday.")
    top = max(events, key=lambda e: e["confidence"])
    assert top["plover_type"] == "COERCE" and top["source"]["text"] == "Police", (top["plover_type"], top["source"])


def test_fighting_between_two_named_sides_is_mutual(nlp):
    # "<act> between A and B" where the act is the subject of a verb of happening: A and B act on each other
    events = _events(nlp, "Fighting between the army and the SPLA resumed in Malakal.")
    pairs = {(e["source"]["text"], (e["target"] or {}).get("text")) for e in events if e["plover_type"] == "ASSAULT"}
    assert ("army", "SPLA") in pairs and ("SPLA", "army") in pairs, pairs


def test_a_piece_of_land_is_no_target(nlp):
    # the agents dictionary lists "land" with an unknown sector; it names a thing (event_agents.tsv, sector NON)
    events = _events(nlp, "Armed herders attacked farmers over land in Benue state.")
    assert events and all((e["target"] or {}).get("text") != "land" for e in events)


def test_gendarmes_are_police(nlp):
    events = _events(nlp, "The suspect was taken into custody by gendarmes in Niamey.")
    arrest = next(e for e in events if e["plover_type"] == "COERCE")
    assert arrest["source"]["text"] == "gendarmes" and arrest["source"]["sector"] == "COP"


def test_those_who_died_in_an_attack_are_its_targets_not_its_agents(nlp):
    events = _events(nlp, "Five farmers lost their lives in a militia attack near Djugu.")
    attack = [e for e in events if e["plover_type"] == "ASSAULT"]
    assert attack and all(e["source"]["text"] != "farmers" for e in attack), [(e["source"]["text"], e["target"]) for e in attack]
    assert any((e["target"] or {}).get("text") == "farmers" for e in attack)


def test_a_name_the_parser_cut_at_its_hyphen_is_written_whole(nlp):
    """The small model makes each piece of a hyphenated Arabic name a subject of its own ("al", "-", "Jubeir"); the
    actor's text is the whole name the tagger marked, not its last piece."""
    text = "Saudi Foreign Minister Adel al-Jubeir on Monday criticised the militia."
    doc = nlp(text)
    assert sum(t.dep_ == "nsubj" for t in doc) > 1  # the misparse this test is about
    top = max((e for e in _events(nlp, text) if e["plover_type"]), key=lambda e: e["confidence"])
    assert top["source"]["text"] == "Adel al-Jubeir"


def test_a_name_stops_where_the_tagger_ran_on_over_a_verb(nlp):
    from streams.extraction.events.participants import noun_phrase

    doc = nlp("Marlow hit Benning with a shovel.")
    doc.set_ents([doc.char_span(0, len("Marlow hit Benning"), label="PERSON")])  # the run-on the tagger can give
    assert noun_phrase(doc, doc[0]).text == "Marlow"


def test_a_noun_modifier_of_an_act_of_no_force_is_its_matter_not_its_maker(nlp):
    """"A border security pact" is about border security; the agents dictionary's "border security" (troops) made no
    pact and signs none. A modifier of an act of force still names its doer ("army raids")."""
    evs = _events(nlp, "Chile and Bolivia signed a border security pact on Monday.")
    assert {(e["source"]["country"], (e["target"] or {}).get("country")) for e in evs if e["plover_type"]} == {("CHL", "BOL"), ("BOL", "CHL")}
    top = max((e for e in _events(nlp, "Army raids killed five militants near the border.") if e["plover_type"]),
              key=lambda e: e["confidence"])
    assert top["source"]["sector"] == "MIL"


def test_a_state_named_on_a_count_is_the_counted_people_s(nlp):
    """A nationality on the count, not on what it counts ("a Nigerian contingent of peacekeepers"), is still theirs:
    the counted noun alone names no state."""
    a = _head_actor(nlp, "A Ghanaian contingent of peacekeepers")
    assert a is not None and (a.country, a.sector) == ("GHA", "MIL")
    b = _head_actor(nlp, "A group of Kenyan doctors")
    assert b is not None and (b.country, b.sector) == ("KEN", "MED")
