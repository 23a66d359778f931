"""Force used, teams sent and information shared, on sentences of the team's own:

- using excessive, lethal or disproportionate force, or force against a party, is violent repression (175), as the
  dictionary's own weapons and water cannon used are (``event_patterns.tsv`` t15, t16); the occasion it was used in
  is no act of its doer ("during the protests"); a bare "force" that names troops stays no repression;
- a team is what its "of" phrase holds, for the patterns ("a team of doctors" is sent as doctors are: humanitarian
  aid, 073, as the dictionary's "medical team"; ``slots.contained``, t17), and what it holds is the act's words, no
  party (``frames._verb_slots``); a team alone stays an envoy's team;
- sharing information or intelligence is 064 by a pattern of its own, as the dictionary's "evidence" shared (t18):
  an agreement to share it is the intent of that act (0314, cooperation on intelligence), and what is shared, or
  agreed to be shared, is no party, though the agents dictionary reads "intelligence" as an agency.
Each rule has a sentence that failed before it and a control that must keep passing."""

from __future__ import annotations

from conftest import text_events, top_event_fields


def test_using_excessive_force_is_repression() -> None:
    found = top_event_fields("An inquiry found that riot police used excessive force at the rally.")
    assert found[:3] == ("ASSAULT", "175", "riot police")
    assert not any(e["plover_type"] == "PROTEST" and e["source"]["text"] == "riot police"
                   for e in text_events("An inquiry found that riot police used excessive force at the rally."))


def test_using_force_against_a_party_is_repression_against_it() -> None:
    assert top_event_fields("The army used force against the striking dockers.") == (
        "ASSAULT", "175", "army", "striking dockers")


def test_forces_a_state_uses_to_strike_are_no_repression() -> None:
    assert top_event_fields("Russia used its air force to strike Kyiv.")[:2] == ("ASSAULT", "190")


def test_a_team_of_doctors_sent_is_aid() -> None:
    found = top_event_fields("Cuba sent a team of doctors to Italy.")
    assert found == ("AID", "073", "Cuba", "Italy")
    assert top_event_fields("The WHO sent a team of doctors to the flooded districts.")[3] is None


def test_a_team_alone_stays_an_envoys_team() -> None:
    assert top_event_fields("The army sent a team to negotiate with the rebels.")[:2] == ("AGREE", "036")


def test_sharing_intelligence_is_sharing_information() -> None:
    assert top_event_fields("Jordan shared intelligence with the United States on the plot.") == (
        "COOPERATE", "064", "Jordan", "United States")


def test_intelligence_agreed_to_be_shared_is_no_party() -> None:
    events = text_events("India and Bangladesh agreed to share intelligence on militant groups.")
    assert events and not any((e["target"] or {}).get("text") == "intelligence" for e in events)
    assert ("0314", "India", "Bangladesh") in {(e["cameo_code"], e["source"]["text"], (e["target"] or {}).get("text")) for e in events}
