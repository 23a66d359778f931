"""Whom a protest held outside a seat of office is aimed at, and which sector the PLOVER agents' health workers get.

Sentences are the team's own (issue 14):
- a protest outside someone's seat is aimed at its holder ("a sit-in outside the residence of a governor": the
  governor; "rallied outside the health ministry": the ministry); outside a place it is only where;
- the PLOVER agents list codes health workers MED, which is PLOVER's renaming of CAMEO's HLH (health), not CAMEO's
  MED (media, PLOVER JRN): nurses are health workers, journalists journalists;
- a union whose possessor is people ("miners' union") is a labour actor; an armed body is not made one by people
  ("the farmers' coalition"); "management" in a labour dispute is the employer (event_agents.tsv);
- blaming a thing ("investigators blamed a faulty valve") names a cause and accuses no one: no event, so an
  accident report with its cause stays without a typed event; likewise a meeting verb whose object is a thing
  ("faced famine", "confronted the crisis") meets no one.
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


def _top(text: str) -> dict:
    return top_typed_event(text_events(text, "t-protest-sites"))


def test_a_protest_outside_a_residence_is_aimed_at_its_holder() -> None:
    top = _top("Students held a sit-in outside the governor's residence on Monday.")
    assert top["plover_type"] == "PROTEST"
    assert (top["target"] or {}).get("text") == "governor"


def test_a_rally_outside_a_ministry_is_aimed_at_the_ministry() -> None:
    top = _top("Teachers held a protest outside the education ministry over unpaid wages.")
    assert top["plover_type"] == "PROTEST"
    assert (top["target"] or {}).get("text") == "education ministry"
    assert top["target"]["sector"] == "GOV"


def test_a_protest_outside_a_town_has_no_target_there() -> None:
    top = _top("Protesters marched outside the city on Sunday.")
    assert top["plover_type"] == "PROTEST"
    assert top["target"] is None


def test_nurses_are_health_workers_not_media() -> None:
    top = _top("Nurses went on strike at public hospitals on Tuesday over pay.")
    assert top["source"]["sector"] == "MED"


def test_journalists_stay_journalists() -> None:
    top = _top("Police beat three journalists covering the strike.")
    assert top["target"]["sector"] == "JRN"


def test_a_health_ministry_is_a_state_office() -> None:
    from streams.extraction.actor_dictionary import _as_cameo_elements, code_parts

    assert _as_cameo_elements("GOVMED") == "GOVHLH"
    assert code_parts(_as_cameo_elements("MED")) == (None, "MED")
    assert code_parts("MED") == (None, "JRN")  # a CAMEO-coded MED (the Phoenix lists) is still media


def test_a_union_of_people_named_as_possessor_is_an_actor() -> None:
    top = _top("The miners' union accused the owners of a gold mine near Tarkwa of ignoring safety rules.")
    assert top["plover_type"] == "ACCUSE"
    assert top["source"]["text"] == "miners' union" and top["source"]["sector"] == "LAB"


def test_an_armed_body_needs_a_state_or_group_as_owner() -> None:
    events = text_events("The farmers' coalition accused the government of neglect.", "t-protest-sites")
    assert not any((e["source"] or {}).get("sector") == "MIL" for e in events), events


def test_management_in_a_labour_dispute_is_the_employer() -> None:
    top = _top("The dockworkers' union and management held talks on Monday.")
    assert top["plover_type"] == "CONSULT"
    parties = {top["source"]["text"], (top["target"] or {}).get("text")}
    assert "management" in parties


def test_blaming_a_thing_accuses_no_one() -> None:
    events = text_events("A boiler exploded at a bakery in Kano on Monday, injuring five workers. Investigators blamed a faulty "
                         "pressure valve.", "t-protest-sites")
    assert not any(e["plover_type"] for e in events), events


def test_blaming_someone_is_still_an_accusation() -> None:
    top = _top("The minister blamed the opposition for the unrest in the north.")
    assert top["plover_type"] == "ACCUSE" and (top["target"] or {}).get("text") == "opposition"


def test_a_verb_the_dictionary_lacks_codes_as_its_block() -> None:
    # event_verbs.tsv: "retake" joins the block of "recapture", "picket" the block of "demonstrate"
    top = _top("Government troops retook the town of Kidal from separatist rebels after two days of fighting.")
    assert top["cameo_code"] == "192" and top["source"]["text"] == "Government troops"
    top = _top("Retired teachers picketed the finance ministry in Lima for a second day.")
    assert top["plover_type"] == "PROTEST" and (top["target"] or {}).get("text") == "finance ministry"


def test_countries_acting_together_are_an_actor() -> None:
    top = _top("Western countries imposed new sanctions on Minsk on Friday.")
    assert top["plover_type"] in ("SANCTION", "COERCE")
    assert top["source"]["text"] == "Western countries" and top["source"]["sector"] == "GOV"
    assert top["target"]["country"] == "BLR"


def test_facing_a_thing_is_no_meeting() -> None:
    events = text_events("Aid agencies said that millions of Sudanese faced famine this year.", "t-protest-sites")
    assert not any(e["plover_type"] == "CONSULT" for e in events), events
    top = _top("The president met the Kenyan delegation on Monday.")
    assert top["plover_type"] == "CONSULT" and (top["target"] or {}).get("text") == "Kenyan delegation"
