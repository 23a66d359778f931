"""Agent nouns the coder's supplement adds (``event_agents.tsv``): crews of armed forces, people of tribes and clans.

Sentences are the team's own.
"""

from __future__ import annotations

import pytest

from conftest import text_events, top_typed_event


def _events(text: str) -> list[dict]:
    return text_events(text, "t-agents")


def test_pilots_of_a_state_are_its_forces():
    events = _events("Russian pilots bombed a rebel base near the river on Sunday.")
    assert events and events[0]["plover_type"] == "ASSAULT"
    assert events[0]["source"]["sector"] == "MIL" and events[0]["source"]["country"] == "RUS"


def test_tribesmen_are_civilians_who_can_act():
    events = _events("Tribesmen attacked an oil pipeline in the south on Friday.")
    assert events and events[0]["source"]["text"] == "Tribesmen" and events[0]["source"]["sector"] == "CVL"


def test_a_named_movement_is_the_group_it_names():
    """Before: "movement" was no agent noun, so the group named only as "the X movement" acted on nobody's behalf."""
    events = [e for e in _events("The Houthi movement and the Yemeni government accused each other of blocking deliveries.")
              if e["plover_type"] == "ACCUSE"]
    assert {(e["source"]["text"], e["target"]["text"]) for e in events} == {
        ("Houthi movement", "Yemeni government"), ("Yemeni government", "Houthi movement")}


def test_a_movement_of_no_named_group_is_nobody():
    assert _events("A Yemeni movement criticised the talks.") == []  # a nationality names no group
    assert not any((e["source"] or {}).get("text", "").endswith("movement")
                   for e in _events("The protest movement marched on parliament on Sunday."))


def test_working_people_who_strike_and_march_are_actors():
    """Before: trades and civilians the dictionaries lack ("dockworkers", "miners", "pensioners") were nobody, so their
    strikes, marches and deals gave no event."""
    deal = [e for e in _events("The dockworkers agreed with the harbour authority on a new pay scale.") if e["plover_type"] == "AGREE"]
    assert deal and deal[0]["source"]["text"] == "dockworkers" and deal[0]["source"]["sector"] == "LAB"
    march = [e for e in _events("Hundreds of miners marched on the regional capital to demand unpaid wages.") if e["plover_type"] == "PROTEST"]
    assert march and march[0]["source"]["sector"] == "LAB"


def test_nationals_are_civilians_of_their_state_only():
    detained = [e for e in _events("Two British nationals were detained in Tehran.") if e["plover_type"] == "COERCE"]
    assert detained and detained[0]["target"]["country"] == "GBR" and detained[0]["target"]["sector"] == "CVL"
    assert _events("The national team beat Brazil in the final.") == []


def test_officials_of_a_county_or_a_prison_are_actors():
    """Before: "clerk", "registrar" and "warden" were in no agents table, so an act whose only party they are gave no
    event, and one with another party lost them."""
    refusal = [e for e in _events("A district registrar refused to certify the mayor's victory.") if e["plover_type"] == "REJECT"]
    assert refusal and refusal[0]["source"]["text"] == "district registrar" and refusal[0]["source"]["sector"] == "GOV"
    appeal = [e for e in _events("The court clerk rejected the appeal filed by the jailed activist.") if e["plover_type"] == "REJECT"]
    assert appeal and (appeal[0]["source"]["text"], appeal[0]["target"]["text"]) == ("court clerk", "jailed activist")
    beaten = [e for e in _events("Two wardens beat an inmate at the state prison, a rights group said.") if e["plover_type"] == "ASSAULT"]
    assert beaten and beaten[0]["source"]["sector"] == "COP" and beaten[0]["target"]["text"] == "inmate"


def test_banks_of_a_state_are_its_business_actors():
    """Before: "banks" was read only through its singular, which needs an owner, so "Russian banks" fell back to the
    adjective alone ("Russian") as the target's text."""
    sanctions = [e for e in _events("Washington imposed sanctions on four Russian banks on Friday.") if e["plover_type"] == "COERCE"]
    assert sanctions and sanctions[0]["target"]["text"] == "Russian banks"
    assert sanctions[0]["target"]["country"] == "RUS" and sanctions[0]["target"]["sector"] == "BUS"


def test_experts_of_an_organisation_are_the_organisation() -> None:
    # "experts" is an actor only through its owner, the organisation it names (event_agents.tsv, OWN); "a panel of"
    # counts them, as "a group of" does
    top = top_typed_event(_events("A panel of UN experts accused the junta of widespread torture."))
    assert (top["plover_type"], top["source"]["canonical"]) == ("ACCUSE", "United Nations")
    assert all(e["source"]["text"] != "Local experts" for e in _events("Local experts accused the junta of torture."))


def test_insurgents_named_by_their_creed_are_rebels():
    # event_agents.tsv: "Maoists", "Naxalites", as the armed-groups dictionary codes the Maoist parties (~REB)
    events = [e for e in _events("Maoists ambushed a paramilitary patrol in the forest on Friday, killing four troopers.")
              if e["plover_type"]]
    top = max(events, key=lambda e: e["confidence"])
    assert (top["plover_type"], top["source"]["text"], top["source"]["sector"]) == ("ASSAULT", "Maoists", "REB")


def test_parents_and_electoral_bodies_are_actors() -> None:
    """Parents, motorists and commuters are civilians as residents are; an election commission, an electoral board and
    a municipality are government bodies. Before, none was an actor, so their protests and decisions coded nothing."""
    top = top_typed_event(_events("Hundreds of parents rallied outside the education office against the closure of four schools."))
    assert top["plover_type"] == "PROTEST" and top["source"]["sector"] == "CVL"
    top = top_typed_event(_events("The election commission disqualified two opposition candidates on Friday."))
    assert top["plover_type"] == "COERCE" and top["source"]["sector"] == "GOV"


@pytest.mark.parametrize("text,source", [
    ("Hundreds of Czech nationalists marched on the parliament in Prague.", "Czech nationalists"),
    ("Anarchists smashed bank windows during a march in Athens.", "Anarchists"),
])
def test_people_named_by_a_creed_are_actors(text, source) -> None:
    """event_agents.tsv: creeds of the street as "activists" (CVL), so a crowd of them protests or riots."""
    top = top_typed_event([e for e in text_events(text) if e["plover_type"]])
    assert (top["plover_type"], top["source"]["text"]) == ("PROTEST", source)


@pytest.mark.parametrize("text, source", [
    ("The United Nations human rights office condemned the hangings in Tehran.", "United Nations human rights office"),
    ("The African Development Bank's board approved a grant for Malawi on Tuesday.", "African Development Bank's board"),
])
def test_an_office_or_a_board_of_a_body_is_that_body_s(text, source) -> None:
    """event_agents.tsv: "office" and "board" with an owner are the owner's body (its country and sector); alone
    they name no one."""
    top = top_typed_event(text_events(text))
    assert (top["source"]["text"], top["source"]["country"]) == (source, "IGO")


def test_banks_said_to_be_foreign_are_actors():
    """Before: a bank is an actor only with an owner that names a state or an organisation, and "foreign" names none,
    so fining foreign banks fined nobody; "foreign" says they are bodies of other states."""
    event = top_typed_event(_events("The central bank fined four foreign banks for breaking the currency rules."))
    assert event["target"]["text"] == "foreign banks" and event["target"]["sector"] == "BUS"
    assert event["target"]["country"] is None


def test_banks_with_no_owner_stay_no_actor():
    # (control: "the banks" alone, with no owner and no "foreign", stay no party, as before)
    event = top_typed_event(_events("The regulator fined the banks on Monday."))
    assert event["plover_type"] == "COERCE" and event["target"] is None


def test_a_phrase_of_the_supplement_is_read_with_its_modifier():
    """Before: the supplement's entries of two words ("electoral board", "security service") were looked up by the head
    alone, so none of them ever named an actor (event_agents.tsv; ``participants._extra_agent``)."""
    event = top_typed_event(_events("The electoral board barred three candidates from the race on Thursday."))
    assert event["source"]["text"] == "electoral board" and event["source"]["sector"] == "GOV"
    event = top_typed_event(_events("Ukrainian security services detained a former lawmaker on Tuesday."))
    assert event["plover_type"] == "COERCE"
    assert event["source"]["sector"] == "SPY" and event["source"]["country"] == "UKR"


def test_a_word_both_role_and_modifier_names_a_person_held():
    """Before: "chief" is both a role ("the chief") and a modifier ("chief executive") in roles_sectors.tsv, and the
    modifier row, read last, hid the role, so a chief held in custody was no person and the act gave no event."""
    held = [e for e in _events("A magistrate remanded the village chief in police custody for five days.") if e["plover_type"]]
    assert held and (held[0]["cameo_code"], held[0]["source"]["text"], held[0]["target"]["text"]) == (
        "173", "magistrate", "village chief")


def test_a_headman_is_a_local_official():
    """Before: "headman" was in no table, so the village it is the headman of stood in as the person arrested."""
    top = top_typed_event(_events("Police arrested the village headman on Monday over the land dispute."))
    assert (top["plover_type"], top["target"]["text"], top["target"]["sector"]) == ("COERCE", "village headman", "GOV")


def test_a_chief_holding_no_one_is_no_event():
    # control: the role alone does not make a remand of goods or of a case an act on a person
    assert not [e for e in _events("The magistrate remanded the case to a lower court.") if e["plover_type"] == "COERCE"]


def test_a_sentence_handed_down_is_the_court_s_act() -> None:
    """Before: "sentence" was no act noun, so a court that "handed down" sentences to someone (where the verb is
    light) coded nothing; the dictionary's verb "sentence" codes 172 and the noun codes as its verb does."""
    events = [e for e in _events("A military court handed down stiff sentences to four militants on Monday.") if e["plover_type"]]
    assert events and (events[0]["cameo_code"], events[0]["source"]["text"], events[0]["target"]["text"]) == (
        "172", "military court", "militants")


def test_a_sentence_served_is_undergone_and_a_career_served_is_no_act() -> None:
    """Before: the dictionary's "serve" (060, material cooperation) coded every career and every prison term
    ("served as defence minister", "is serving a sentence") as cooperation by the one serving."""
    assert not [e for e in _events("The general served as defence minister until 2019.") if e["plover_type"]]
    assert not [e for e in _events("The envoy served in Kabul for a decade.") if e["plover_type"]]
    served = [e for e in _events("The former governor is serving a ten-year sentence for graft.") if e["plover_type"]]
    assert all(e["plover_type"] != "COOPERATE" for e in served)
    assert all(e["source"]["text"] != "former governor" for e in served)
    # control: serving people is still the block's cooperation
    helped = [e for e in _events("Cuban doctors served the rebel-held towns for two years.") if e["plover_type"]]
    assert helped and helped[0]["cameo_code"] == "060"


def test_a_capitalised_title_is_an_office_holder() -> None:
    """Before: a title the tagger read as a proper noun with no name in it ("the Deputy Commissioner") was no person
    for a verb that needs one as its object, so suspending that official coded nothing."""
    events = [e for e in _events("The Chief Secretary suspended the Deputy Commissioner of Mardan on Monday.") if e["plover_type"]]
    assert events and (events[0]["cameo_code"], events[0]["target"]["text"]) == ("172", "Deputy Commissioner of Mardan")
    # control: a capitalised thing suspended is still no person
    assert not [e for e in _events("The board suspended the Project on Monday.") if e["plover_type"]]


def test_a_consortium_of_a_state_is_a_business_party() -> None:
    """Before: "consortium" was in no agents table, so a deal signed with a foreign consortium had no other side."""
    events = [e for e in _events("Chile signed a deal with a Chinese consortium to build a port.") if e["plover_type"]]
    assert events and events[0]["target"]["text"] == "Chinese consortium"
    assert (events[0]["target"]["country"], events[0]["target"]["sector"]) == ("CHN", "BUS")
    # control: with no owner named, a consortium is no party (event_agents.tsv owner=yes)
    assert not [e for e in _events("The consortium accused the regulator of bias.") if e["source"]["text"] == "consortium"]
