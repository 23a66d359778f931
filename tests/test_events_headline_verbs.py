"""A headline's verb that the parser took for a noun is given back (``events/headline_verbs.py``); an act that is
the condition of another ranks below it (``modality.is_condition``).

Sentences are the team's own, written to show each phenomenon. The small model reads some headlines as one noun
phrase ("detain" an adjective of "leader", "pledges" a plural noun before "aid"), so the act had no verb and the
headline coded nothing, or coded the pledged aid as given with no giver.
"""

from __future__ import annotations

import pytest

from conftest import text_events, top_typed_event


@pytest.fixture(scope="module")
def parsed():
    from streams.extraction.events.components import annotate
    from streams.extraction.nlp import load_nlp, parse
    from streams.extraction.truecase import parse_truecased

    def run(text: str):
        return annotate(load_nlp(), next(parse_truecased([text], parse)))

    return run


@pytest.mark.parametrize("headline,verb,subject,obj", [
    ("Police Detain Opposition Leader", "Detain", "Police", "Leader"),
    ("Japan Pledges Aid To Quake-Hit Turkey", "Pledges", "Japan", "Aid"),
    ("Peru signs ceasefire with miners' union", "signs", "Peru", "ceasefire"),  # the verb read as an auxiliary
])
def test_the_verb_read_as_a_noun_heads_the_headline_again(parsed, headline, verb, subject, obj) -> None:
    doc = parsed(headline)
    v = next(t for t in doc if t.text == verb)
    assert doc._.headline_verbs == (v.i,)
    assert v.dep_ == "ROOT" and v.pos_ == "VERB"
    assert {(c.text, c.dep_) for c in v.children} >= {(subject, "nsubj"), (obj, "dobj")}


@pytest.mark.parametrize("text", [
    "Opposition protest march in Dhaka",  # "protest" modifies the march; the phrase has no subject of its own
    "US aid cuts to Ukraine",  # a singular subject with the base form: no verb reading
    "Police detained the opposition leader on Monday.",  # a verb the parser found: nothing to mend
    "Police will arrest the protesters",  # a true auxiliary
])
def test_a_noun_phrase_or_a_parsed_verb_is_left_alone(parsed, text) -> None:
    assert parsed(text)._.headline_verbs == ()


@pytest.mark.parametrize("headline,plover,source,target", [
    ("Police Detain Opposition Leader", "COERCE", "Police", "Opposition Leader"),
    ("Japan Pledges Aid To Quake-Hit Turkey", "AGREE", "Japan", "Quake-Hit Turkey"),
])
def test_the_headline_codes_its_act_with_its_parties(headline, plover, source, target) -> None:
    top = top_typed_event(text_events(headline, "t-headline-verb"))
    assert (top["plover_type"], top["source"]["text"], (top["target"] or {}).get("text")) == (plover, source, target)


@pytest.mark.parametrize("text,plover,source", [
    # (talks announced for the future are the intent of them: AGREE, CAMEO 036, as the PLOVER manual codes them)
    ("The rebels will hold talks if the army halts its offensive.", "AGREE", "rebels"),
    ("Ministers will resume talks with the union if the strikers end their walkout.", "AGREE", "Ministers"),
])
def test_an_act_in_an_if_clause_ranks_below_the_act_it_conditions(text, plover, source) -> None:
    top = top_typed_event(text_events(text, "t-condition"))
    assert (top["plover_type"], top["source"]["text"]) == (plover, source)


@pytest.mark.parametrize("headline,source", [
    ("Hundreds march against pension cuts in Lisbon", "Hundreds"),  # the root noun is the verb, its subject before it
    ("Thousands rally in Yerevan against border deal", "Thousands"),  # a count noun the parser hung on it as a number
    ("Miners protest outside ministry over unpaid wages", "Miners"),
])
def test_a_headline_root_that_is_the_verb_is_given_back(headline, source) -> None:
    top = top_typed_event(text_events(headline))
    assert (top["plover_type"], top["source"]["text"]) == ("PROTEST", source)


def test_a_bare_count_of_people_is_a_crowd_and_those_who_flee_an_act_do_not_do_it() -> None:
    """event_agents.tsv: "hundreds", "thousands", "dozens", "scores" with no "of" complement are civilians (CVL);
    event_undergoing_verbs.tsv: who flees an act bears it, never does it."""
    top = top_typed_event(text_events("Hundreds were detained after the vote, a rights group said."))
    assert (top["plover_type"], top["target"]["text"]) == ("COERCE", "Hundreds")
    fled = text_events("Thousands fled the shelling of the border villages.")
    assert not [e for e in fled if e["plover_type"] == "ASSAULT" and e["source"]["text"] == "Thousands"]


def test_an_act_named_in_an_act_noun_phrase_is_not_the_verbs() -> None:
    """frames.noun_governor: a noun inside another act noun's phrase ("in protest at the deal") is what that act is
    about; it does not climb to the verb ("farmers dumped manure"), whose doer did not make the deal."""
    evs = text_events("Farmers dumped manure outside the ministry in protest at the trade deal.")
    assert not [e for e in evs if e["cameo_code"] == "057" and e["source"]["text"] == "Farmers"]
    assert top_typed_event(evs)["plover_type"] == "PROTEST"


def test_a_verb_read_as_a_noun_before_its_infinitive_is_the_verb() -> None:
    # headline_verbs._verb_before_infinitive: "orders" taken for a noun and the infinitive for the root
    events = [e for e in text_events("Chad junta orders Sudanese envoy to leave within three days") if e["plover_type"]]
    top = max(events, key=lambda e: e["confidence"])
    assert (top["source"]["text"], top["target"]["text"]) == ("Chad junta", "Sudanese envoy"), events


def test_a_verb_read_as_an_adjective_with_an_object_is_the_verb() -> None:
    """``headline_verbs._adjective_read_for_verb``: "free" read as an adjective root with a direct object; before,
    the release had no verb and the headline coded nothing. An adjective with no object is left alone."""
    top = top_typed_event(text_events("Taliban free two jailed American citizens after a year"))
    assert (top["plover_type"], top["source"]["text"]) == ("RETREAT", "Taliban")
    assert not [e for e in text_events("A free and open vote is due in spring.") if e["plover_type"]]


def test_a_headline_read_as_one_noun_phrase_gets_its_opening_noun_as_subject() -> None:
    """``headline_verbs._opening_compound``: "Police fire tear gas at X" parses as one noun phrase whose head is "gas",
    with "Police" and "fire" its compounds, and no subject anywhere; the noun that opens it is the subject ("police"
    takes a plural verb, as the base form wants). Before, the headline coded nothing."""
    for text, plover, source in (("Police fire tear gas at opposition supporters in Bamako", "ASSAULT", "Police"),
                                 ("Troops fire rubber bullets at students in Quito", "ASSAULT", "Troops")):
        top = top_typed_event(text_events(text))
        assert (top["plover_type"], top["source"]["text"]) == (plover, source), text


def test_a_verb_read_as_the_subject_of_a_name_taken_for_the_root_is_the_verb() -> None:
    """``headline_verbs._verb_read_as_auxiliary`` for a name root: "Junta rejects ECOWAS timetable" tags the acronym
    as the verb, with "rejects" its plural-noun subject and the timetable its object, which no name takes; the verb
    form before the name is the verb. Before, only an act-noun root ("Chad signs ceasefire") was given back."""
    top = top_typed_event(text_events("Burkina junta rejects ECOWAS timetable for elections"))
    assert top["plover_type"] == "REJECT" and top["source"]["text"].endswith("junta")


def test_a_noun_root_with_a_direct_object_and_a_compound_before_it_is_the_verb() -> None:
    """``headline_verbs._root_as_verb``: "Army shells X positions" parses the verb as a plural-noun root with the
    opening noun its compound, yet with a direct object, which no noun takes; the root is the verb, the compound its
    subject (singular, as the "-s" form wants). Before, the headline coded nothing. A noun root with no object is a
    noun phrase and stays one."""
    top = top_typed_event(text_events("Army shells rebel positions in the east"))
    assert (top["plover_type"], top["source"]["text"]) == ("ASSAULT", "Army")
    assert not [e for e in text_events("Army shells found near the northern border") if e["plover_type"]]


@pytest.mark.parametrize("text", [
    "Israel struck Hamas positions in Gaza City overnight.",
    "Turkey strikes Kurdish militia positions in Syria",
])
def test_a_state_that_strikes_uses_force_and_goes_on_no_walkout(text) -> None:
    """frames.verb_candidates: a verb that is also an event noun ("struck" / "a strike") takes the noun's codes as
    alternatives, and the classifier, which reads "strike" mostly as a walkout, chose the labour strike (143) for a
    state; a state or place named as the subject acts in the verb's own sense, as an armed body does. Workers still
    strike."""
    top = top_typed_event(text_events(text))
    assert top["plover_type"] == "ASSAULT", top
    assert top_typed_event(text_events("Dock workers struck for a second day over pay."))["plover_type"] == "PROTEST"


def test_a_name_hung_on_a_headline_verb_as_a_compound_is_its_subject() -> None:
    """slots.agent_heads: a verb with a name as its compound, as a noun would have, is a headline the parser read as
    a noun phrase around the verb; the name is who acts ("Manila summons ..." is Manila's, the Philippines')."""
    top = top_typed_event(text_events("Manila summons Beijing's ambassador after vessels blocked a resupply mission."))
    # (summoning an ambassador is a diplomatic complaint, ACCUSE, as the PLOVER manual codes it: event_patterns.tsv)
    assert (top["plover_type"], top["source"]["text"], top["target"]["text"]) == ("ACCUSE", "Manila", "Beijing's ambassador")
