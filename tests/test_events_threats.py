"""A coercive or violent act its actor says it will do is also a threat of it (``event_threats.tsv``); one its
actor vows, pledges or threatens to do is only the threat: it has not happened. A warning that a thing will do
what a party's act would ("inflation could breach the target", "prices would hit records") foretells a danger,
and a noun that is no act ("a target range") threatens nothing: a statement, no threat.

Sentences are the team's own, written to show the phenomenon.
"""

from __future__ import annotations

import pytest
from conftest import text_events, top_typed_event

from streams.extraction.events.knowledge import DATA_FILES, knowledge
from streams.extraction.events.tables import code_info


@pytest.fixture(scope="module")
def nlp():
    from streams.extraction.nlp import load_nlp

    return load_nlp()


def _codes(nlp, text: str, word: str) -> set[str]:
    from streams.extraction.events import annotate

    doc = annotate(nlp, nlp(text))
    return {c.code for c in doc._.event_candidates if doc[c.trigger].lower_ == word}


def test_threat_codes_follow_the_act_by_longest_prefix():
    kb = knowledge()
    assert "event_threats.tsv" in DATA_FILES
    assert kb.threat_of("1722") == "1322"  # banning a party -> threatening to ban it
    assert kb.threat_of("1724") == "1324"
    assert kb.threat_of("190") == "1384"
    assert kb.threat_of("173") == "137"
    assert kb.threat_of("040") == ""  # a meeting is no coercion: nothing to threaten
    assert all(code_info(t).plover_type == "THREATEN" for t in kb.threats.values())


@pytest.mark.parametrize("text,word", [
    ("The interior ministry will ban the opposition party next month.", "ban"),
    ("The cabinet said it would impose sanctions on the neighbouring state.", "impose"),
])
def test_an_act_the_actor_says_it_will_do_is_also_a_threat(nlp, text, word):
    codes = _codes(nlp, text, word)
    assert any(code_info(c).plover_type == "THREATEN" for c in codes), codes
    assert any(code_info(c).plover_type != "THREATEN" for c in codes)  # the act itself stays an alternative


@pytest.mark.parametrize("text,word", [
    ("The militia vowed to storm the port before the rains.", "storm"),
    ("The governor pledged to expel the squatters by spring.", "expel"),
    ("The insurgents vowed to keep shelling the garrison until it surrenders.", "shelling"),  # through a verb of phase
])
def test_an_act_the_actor_swears_to_do_is_only_a_threat(nlp, text, word):
    codes = _codes(nlp, text, word)
    assert codes
    assert all(code_info(c).plover_type == "THREATEN" for c in codes), codes


def test_a_sworn_threat_is_no_hypothetical():
    from conftest import text_events, top_typed_event

    top = top_typed_event(text_events("The militia vowed to storm the port before the rains.", "t-sworn"))
    assert top["plover_type"] == "THREATEN"
    assert top["hypothetical"] is False
    top = top_typed_event(text_events("The militia might vow to storm the port.", "t-sworn"))
    assert top["hypothetical"] is True


@pytest.mark.parametrize("text,word", [
    ("The interior ministry banned the opposition party last month.", "banned"),  # done, not threatened
    ("The interior ministry could ban the opposition party.", "ban"),  # a possibility, not a will
    ("The interior ministry will not ban the opposition party.", "ban"),  # a negated will threatens nothing
    ("The unions urged the ministry to ban the party.", "ban"),  # asked of another: a request, not a threat
])
def test_no_threat_without_the_actors_own_will(nlp, text, word):
    codes = _codes(nlp, text, word)
    assert codes
    assert not any(code_info(c).plover_type == "THREATEN" for c in codes), codes


def test_a_threat_is_aimed_at_whoever_would_avert_it() -> None:
    # "unless X ..." / "if X ...": the party whose act would avert the threatened one is its target
    from conftest import text_events, top_typed_event

    top = top_typed_event(text_events("Teachers threatened to strike unless the government raises their pay.", "t-threat"))
    assert top["plover_type"] == "THREATEN"
    assert (top["source"]["text"], top["target"]["text"]) == ("Teachers", "government")
    top = top_typed_event(text_events("The union threatened a national strike if the ministry refused its demands.", "t-threat"))
    assert top["plover_type"] == "THREATEN"
    assert top["target"]["text"] == "ministry"


def test_a_warning_is_aimed_at_whoever_would_avert_what_it_says() -> None:
    # the condition inside the warned clause ("warned that X would act if Y ...") names the threat's target
    from conftest import text_events, top_typed_event

    top = top_typed_event(text_events("Azerbaijan's president warned on Tuesday that Baku would take all necessary measures "
                                      "if Armenia continued its provocations.", "t-threat"))
    assert top["plover_type"] == "THREATEN"
    assert top["target"]["text"] == "Armenia"


def test_an_act_warned_against_is_the_warned_partys_and_not_done() -> None:
    """The gerund after "against" names an act opposed: done, if ever, by whom the verb addresses ("warned NATO
    against deploying troops": NATO), and not reported as done; the warning is the news. Before, the warner was
    made the act's doer and the act outranked the warning."""
    evs = text_events("Beijing warned Tokyo against deploying troops to the disputed islands.")
    top = top_typed_event(evs)
    assert (top["plover_type"], top["source"]["text"], top["target"]["text"]) == ("THREATEN", "Beijing", "Tokyo")
    assert all(e["source"]["text"] != "Beijing" for e in evs if e["plover_type"] != "THREATEN")
    assert all(e["hypothetical"] for e in evs if e["plover_type"] != "THREATEN")


def test_a_sworn_retaliation_is_a_threat_not_a_criticism() -> None:
    # frames._bare_prepositions: another verb's pattern that names only a preposition ("ATTACK * FOR", a criticism)
    # is not borrowed by "retaliate", whose own sense is force; sworn, it is the threat of it
    events = [e for e in text_events("Hezbollah vowed to retaliate against Israel for the killing of its commander.")
              if e["plover_type"]]
    top = max(events, key=lambda e: e["confidence"])
    assert (top["plover_type"], top["source"]["text"], top["target"]["text"]) == ("THREATEN", "Hezbollah", "Israel")


@pytest.mark.parametrize("text", [
    "The central bank governor warned on Thursday that inflation could breach the upper end of its target range.",
    "The minister warned that fuel prices would hit record highs this winter.",
])
def test_a_warning_of_what_a_thing_will_do_is_no_threat(text: str) -> None:
    assert not [e for e in text_events(text) if e["plover_type"]]


@pytest.mark.parametrize("text, source", [
    ("The army chief warned that the rebels would attack the capital within days.", "army chief"),
    ("Washington warned that China could invade the island.", "Washington"),
])
def test_a_warning_of_what_a_party_will_do_stays_a_threat(text: str, source: str) -> None:
    top = top_typed_event(text_events(text))
    assert (top["plover_type"], top["source"]["text"]) == ("THREATEN", source)


def test_a_particle_past_the_verb_s_clause_is_none_of_its_own() -> None:
    """Before: "in" of a phrase after the deadline's clause ("gave X three days to resign ..., in a message posted
    online") was taken for the particle of "give in", and the ultimatum came out as a concession (080)."""
    text = "The militia leader gave the provincial governor three days to resign or face attacks, in a message posted online on Friday."
    top = max((e for e in text_events(text, "t-ultimatum") if e["plover_type"]), key=lambda e: e["confidence"])
    assert (top["cameo_code"], top["target"]["text"]) == ("139", "provincial governor")


def test_a_particle_right_after_the_verb_still_counts() -> None:
    # control: "gave up" with its particle next to the verb is the block's surrender
    events = [e for e in text_events("The rebels gave up their weapons on Friday.", "t-ultimatum") if e["plover_type"]]
    assert events and events[0]["cameo_code"].startswith("087")
