"""Funds approved, readiness and whose a pronoun is, on sentences of the team's own:

- funds a lender approves (a loan, a credit, a grant, a sum of money) are aid given (071, 070), as the PLOVER manual's
  AID holds credit and grants and the dictionary's own bare "approve aid" codes 070; PETRARCH2 coded them as an
  intent (``tools/build_event_tables.py`` align_approved_funds);
- a party "open to" or "committed to" doing a cooperative act intends it (03x, ``modality.PROMISE_HEADS``), and the
  copula's subject does it (``slots.agent_heads``); what a party is "capable of" doing is only possible (hypothetical);
- "he" or "she" in a clause whose own subject is plural refers past it to the clause it hangs on ("survived when gunmen
  fired at his vehicle": his is the one who survived), so the thing attacked stands for that person
  (``participants._subject_referent``), also when a speaker reports it all after ("..., a spokesman said");
- funding and grants are aid to the patterns that code aid cut, frozen, sent or approved (``event_pattern_nouns.tsv``);
  aid cut in the passive with no doer named names its giver in its own "from" phrase and the one it was for as its
  owner (``frames._verb_slots``); "by a fifth", "by half" says by how much, no doer (``slots.agent_heads``);
- an act noun agreed "to" ("agreed to talks with X") is promised: the intent of its act (036), by the one who agrees
  (``modality.agreed_to``, ``builder._promised_default``); agreeing to a party's demands yields to it (080,
  ``event_patterns.tsv`` t13), and what a pattern names in its phrase stands for its owner (``frames._verb_slots``);
- the infinitive of a bid, an attempt, a plan or a call ("its bid to join the bloc") is an act sought, not done:
  hypothetical (``modality._UNDONE_NOUNS``); a decision to act stays as told.
Each rule has a sentence that failed before it and a control that must keep passing."""

from __future__ import annotations

from conftest import text_events, top_event_fields, top_typed_event


def test_a_credit_or_a_loan_approved_is_aid_given() -> None:
    found = top_event_fields("The World Bank approved new credit worth 60 million dollars to Malawi.")
    assert found == ("AID", "071", "World Bank", "Malawi")
    found = top_event_fields("The African Development Bank approved a grant to Niger for school meals.")
    assert found[:2] == ("AID", "070")


def test_a_budget_approved_is_no_aid() -> None:
    assert all(e["plover_type"] != "AID" for e in text_events("Parliament approved the budget on Friday."))


def test_open_to_resuming_talks_is_the_intent_of_the_copula_subject() -> None:
    found = top_event_fields("Hanoi said it was open to restarting negotiations with Vientiane.")
    assert found == ("AGREE", "036", "Hanoi", "Vientiane")
    found = top_event_fields("The rebels are committed to holding talks with the government.")
    assert found == ("AGREE", "036", "rebels", "government")


def test_what_a_party_is_capable_of_is_no_act_done() -> None:
    # its subject is now read through the adjective, as readiness is; ability stays hypothetical, under the threshold
    assert all(e["hypothetical"] for e in text_events("The navy is capable of striking ships far out at sea."))


def test_his_in_a_clause_with_a_plural_subject_is_the_main_subject() -> None:
    found = top_event_fields("The former mayor survived when attackers opened fire at his vehicle near the market.")
    assert (found[0], found[2], found[3]) == ("ASSAULT", "attackers", "former mayor")


def test_his_after_a_named_person_still_follows_the_name() -> None:
    found = top_event_fields("Former minister Anil Perera was not hurt when attackers opened fire at his vehicle on Tuesday.")
    assert (found[0], found[2], found[3]) == ("ASSAULT", "attackers", "Former minister Anil Perera")


def test_funding_and_grants_cut_or_frozen_are_aid_reduced() -> None:
    found = top_event_fields("The government cut the council's grant by a fifth.")
    assert found == ("SANCTION", "162", "government", "council")
    found = top_event_fields("Germany froze grants to the province.")
    assert found == ("SANCTION", "162", "Germany", "province")


def test_aid_cut_in_the_passive_names_its_giver_in_its_from_phrase() -> None:
    found = top_event_fields("The town's grant from the state was cut by a quarter.")
    assert found == ("SANCTION", "162", "state", "town")
    found = top_event_fields("Funds from the European Union to the ministry were frozen last month.")
    assert found == ("SANCTION", "162", "European Union", "ministry")


def test_aid_cut_by_a_named_party_keeps_it_as_the_doer() -> None:
    found = top_event_fields("Military aid to Cairo was cut by Washington.")
    assert found == ("SANCTION", "162", "Washington", "Cairo")


def test_talks_agreed_to_are_intended_by_who_agrees() -> None:
    found = top_event_fields("The cabinet agreed to talks with the teachers' union.")
    assert found == ("AGREE", "036", "cabinet", "teachers' union")


def test_a_refusal_of_talks_stays_a_rejection() -> None:
    found = top_event_fields("The army did not agree to talks with the rebels.")
    assert found[:3] == ("REJECT", "120", "army")


def test_agreeing_to_demands_yields_to_whoever_made_them() -> None:
    found = top_event_fields("The governor agreed to the demands of the striking nurses.")
    assert found == ("CONCEDE", "080", "governor", "striking nurses")
    assert top_event_fields("The mayor agreed to the union's demands.") == ("CONCEDE", "080", "mayor", "union")


def test_an_act_a_bid_or_a_plan_seeks_is_not_done() -> None:
    assert all(e["hypothetical"] for e in text_events("The reform would help Serbia's bid to join the union."))
    events = text_events("A plan to expel the diplomats was shelved after talks.")
    assert events and all(e["hypothetical"] for e in events if e["cameo_code"] == "161")


def test_a_decision_to_act_stays_as_told() -> None:
    top = top_typed_event(text_events("The decision to expel the diplomats angered Moscow."))
    assert (top["cameo_code"], top["hypothetical"]) == ("161", False)


def test_his_under_a_reported_clause_is_the_subject_not_the_speaker() -> None:
    found = top_event_fields("The mayor escaped when gunmen fired at his car, a police spokesman said.")
    assert found == ("ASSAULT", "193", "gunmen", "mayor")
