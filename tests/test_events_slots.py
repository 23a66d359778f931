"""The general syntax the coder relies on (slots, actors, references), each on sentences of our own."""

from __future__ import annotations

import pytest

from conftest import text_events, top_typed_event
from streams.extraction.events.slots import agent_heads, counted, dateline_end, forget_children, is_passive, kids, object_heads, passive_patients


@pytest.fixture(scope="module")
def nlp():
    from streams.extraction.nlp import load_nlp

    return load_nlp()


def tok(doc, text):
    return next(t for t in doc if t.text == text)


def test_kids_are_the_parsers_children_in_order(nlp):
    # the per-doc index of children (built from the head array) gives what spaCy's walk gives, token for token,
    # in the same left-to-right order, and is rebuilt after a component changes arcs
    doc = nlp("Rebels, who had crossed the river at night, seized two towns and a bridge, the army said on Sunday.\n\n"
              "A spokesman added that talks would resume.")
    assert all(kids(t) == tuple(t.children) for t in doc)
    assert all(isinstance(k, type(doc[0])) and k.doc is doc for t in doc for k in kids(t))
    seized = tok(doc, "seized")
    towns = tok(doc, "towns")
    towns.head = tok(doc, "Rebels")  # an arc changed, as the headline component does
    forget_children(doc)
    assert towns in kids(tok(doc, "Rebels")) and towns not in kids(seized)
    assert all(kids(t) == tuple(t.children) for t in doc)


def test_counted_noun_stands_for_its_count(nlp):
    doc = nlp("Police detained dozens of students outside the campus.")
    assert [t.text for t in object_heads(tok(doc, "detained"))] == ["students"]
    assert counted(tok(doc, "Police")).text == "Police"


def test_agent_through_control_and_coordination(nlp):
    doc = nlp("The governor vowed to punish the officers and promised an inquiry.")
    assert [t.text for t in agent_heads(tok(doc, "punish"))] == ["governor"]
    assert [t.text for t in agent_heads(tok(doc, "promised"))] == ["governor"]


def test_object_control_gives_the_infinitive_its_agent(nlp):
    doc = nlp("The envoy urged the militia to free the hostages.")
    assert [t.text for t in agent_heads(tok(doc, "free"))] == ["militia"]


def test_passive_and_reduced_passive(nlp):
    doc = nlp("The mayor was kidnapped by armed men near the market.")
    v = tok(doc, "kidnapped")
    assert is_passive(v)
    assert [t.text for t in agent_heads(v)] == ["men"]
    assert [t.text for t in passive_patients(v)] == ["mayor"]


def test_elided_subject_continues_the_previous_clause(nlp):
    doc = nlp("The assembly adopted a motion on Monday condemned the coup in Baravia.")
    v = tok(doc, "condemned")
    if v.dep_ in ("advcl", "parataxis", "conj") and not any(c.dep_ == "nsubj" for c in v.children):
        assert [t.text for t in agent_heads(v)] == ["assembly"]


def test_dateline(nlp):
    # the stage splits a dateline off before the parser (datelines.py); the coder's test still finds one in a span
    doc = nlp("NAIROBI, June 2 -- Kenyan police arrested a senator.")
    assert [s.text for s in doc.sents] == ["NAIROBI, June 2 --", "Kenyan police arrested a senator."]
    assert doc[dateline_end(doc[0 : len(doc)])].text == "Kenyan"
    doc = nlp("Kenyan police arrested a senator in Nairobi on June 2.")
    sent = next(iter(doc.sents))
    assert dateline_end(sent) == sent.start


def test_participants_accept_actors_only(nlp):
    from streams.extraction.entities import resolve_entities
    from streams.extraction.events.participants import Participants
    from streams.extraction.events.resolve import Salience

    doc = nlp("The French navy seized 200 kilograms of cocaine and the ship in the harbour of Brest.")
    parts = Participants(doc, resolve_entities(doc), None, Salience(), list(doc.sents))
    navy = parts.actor(tok(doc, "navy"))
    assert navy is not None and navy.sector == "MIL" and navy.country == "FRA"
    assert parts.actor(tok(doc, "kilograms")) is None
    assert parts.actor(tok(doc, "cocaine")) is None
    assert parts.actor(tok(doc, "ship")) is None


def test_fragment_name_completes_a_cut_apposition(nlp):
    from streams.extraction.entities import resolve_entities
    from streams.extraction.events.participants import Participants
    from streams.extraction.events.resolve import Salience

    doc = nlp("The president received the deputy chief of the party. Anna Berg.")
    table = resolve_entities(doc)
    parts = Participants(doc, table, None, Salience(), list(doc.sents))
    who = parts.actor(tok(doc, "chief"))
    assert who is not None and who.canonical and "Berg" in who.canonical


def test_pronoun_agreement(nlp):
    from streams.extraction.events.participants import Participant, agrees

    person = Participant("Ana Lima", "Ana Lima", "E1", "BRA", "GOV", 0, 8, True, "PERSON", False)
    army = Participant("the army", None, None, "BRA", "MIL", 0, 8, False, None, False)
    state = Participant("Brazil", "Brazil", "E2", "BRA", None, 0, 6, True, "GPE", False)
    assert agrees("she", person) and not agrees("they", person) and not agrees("it", person)
    assert agrees("it", army) and agrees("it", state) and agrees("they", state)
    assert not agrees("he", state)


def test_role_phrases_typed_by_whose_role_they_are(nlp):
    """Role nouns the agents dictionary leaves out ("leader", "head") take country and sector from the phrase;
    a bare role naming neither is no actor until it resolves to a person the article names."""
    from streams.extraction.entities import resolve_entities
    from streams.extraction.events.participants import Participants
    from streams.extraction.events.resolve import Salience

    def actor(text: str, word: str):
        doc = nlp(text)
        return Participants(doc, resolve_entities(doc), None, Salience(), list(doc.sents)).actor(tok(doc, word))

    head = actor("Troops fired on the head of the Ugandan army.", "head")
    assert head is not None and (head.country, head.sector) == ("UGA", "MIL") and not head.named
    leader = actor("The delegation met the Kenyan leader in Nairobi.", "leader")
    assert leader is not None and leader.country == "KEN"
    assert actor("The delegation met the leader in a hotel.", "leader") is None


def test_gerund_after_a_preposition_shares_the_subject_of_its_clause(nlp):
    doc = nlp("The two governments committed to working together to settle the border dispute.")
    assert [t.text for t in agent_heads(tok(doc, "working"))] == ["governments"]
    assert [t.text for t in agent_heads(tok(doc, "settle"))] == ["governments"]


def test_gerund_of_a_charge_gets_no_agent(nlp):
    # "accused X of shelling", "arrested for blocking": the gerund is the allegation, not a reported act of X
    doc = nlp("The army accused the militia of shelling the town.")
    assert agent_heads(tok(doc, "shelling")) == []
    doc = nlp("Four students were arrested for blocking the main road to the airport.")
    assert agent_heads(tok(doc, "blocking")) == []


def test_infinitive_on_a_noun_of_intent_is_done_by_its_owner(nlp):
    doc = nlp("The ministry's plan to expel the envoys angered Delmar.")
    assert [t.text for t in agent_heads(tok(doc, "expel"))] == ["ministry"]


def test_coordinated_and_subjectless_passives_share_the_patient(nlp):
    doc = nlp("The journalist was arrested and charged with spying.")
    v = tok(doc, "charged")
    assert is_passive(v) and [t.text for t in passive_patients(v)] == ["journalist"]
    doc = nlp("A police officer died after being shot by gunmen.")
    assert [t.text for t in passive_patients(tok(doc, "shot"))] == ["officer"]


def test_the_dateline_place_is_not_the_one_a_passive_befell() -> None:
    # the parser makes "KANNUR" a second passive subject; the one who underwent the act is the other
    from conftest import text_events, top_typed_event

    top = top_typed_event(text_events("MYSURU: A trade union leader was hacked to death on Sunday night.", "t-dateline"))
    assert top["plover_type"] == "ASSAULT"
    assert top["target"] is not None and top["target"]["text"] == "trade union leader"


def test_a_reduced_relative_before_a_time_is_the_verbs_object() -> None:
    """Sentences are the team's own. A participle right after a verb's object, followed by a time ("detained last
    month"), describes the object: the tagger reads it as a finite verb with the object as its subject, which made
    the freed prisoners the doers of their own detention. A verb of saying takes a clause there: "said protesters
    gathered in the square" reports a gathering."""
    top = top_typed_event(text_events("Ugandan authorities freed 12 Congolese traders arrested last week near the border."))
    assert (top["plover_type"], top["source"]["text"], top["target"]["text"]) == (
        "RETREAT", "Ugandan authorities", "Congolese traders")
    said = text_events("Officials said protesters gathered outside the parliament building.")
    assert ("PROTEST", "protesters") in [(e["plover_type"], e["source"]["text"]) for e in said]


def test_the_subject_of_a_predicate_noun_does_what_its_infinitive_says(nlp):
    """slots._predicated_subject: "X became the first country to recognise Y": X recognises Y, the noun only says
    of which kind X is; an infinitive on a noun that is no predicate ("the plan to recognise") is not so read."""
    doc = nlp("Zambia has become the first African country to formally recognise Kosovo as a state.")
    assert [t.text for t in agent_heads(tok(doc, "recognise"))] == ["Zambia"]
    top = top_typed_event(text_events("Zambia has become the first African country to formally recognise Kosovo as a state."))
    assert (top["plover_type"], top["source"]["text"], top["target"]["text"]) == ("SUPPORT", "Zambia", "Kosovo")
    doc = nlp("The plan to recognise Kosovo was dropped.")
    assert [t.text for t in agent_heads(tok(doc, "recognise"))] == []
    doc = nlp("Kenya said it was time to recognise Kosovo.")  # a placeholder subject names no one
    assert [t.text for t in agent_heads(tok(doc, "recognise"))] == ["time"]


def test_a_church_is_an_actor_of_the_religious_sector() -> None:
    """event_agents.tsv: "the church" (REL), as its clergy are, so an offer it makes is someone's to turn down."""
    top = top_typed_event(text_events("The army rejected an offer by the church to mediate."))
    assert (top["plover_type"], top["target"]["text"], top["target"]["sector"]) == ("REJECT", "church", "REL")
