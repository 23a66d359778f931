"""An act prevented did not take place: the act noun a verb of preventing takes as object, or what it keeps a party
"from" doing, is negated (``modality.is_negated``), and who prevents it is not its doer (``frames.noun_governor``).

Sentences are the team's own, written to show each phenomenon.
"""

from __future__ import annotations

from conftest import text_events


def _by_type(text: str, plover: str) -> list[dict]:
    return [e for e in text_events(text) if e["plover_type"] == plover]


def test_an_attack_foiled_is_not_done_and_not_by_who_foiled_it() -> None:
    # (with no doer named and a checkpoint, no actor, as its target, the foiled attack gives no record at all)
    events = _by_type("Soldiers foiled an attack on the checkpoint near the airport.", "ASSAULT")
    assert all(e["negated"] for e in events)
    assert not any(e["source"]["text"] == "Soldiers" for e in events)
    events = _by_type("Soldiers foiled an attack on the Italian embassy.", "ASSAULT")
    assert events and all(e["negated"] and e["source"]["text"] != "Soldiers" for e in events)


def test_a_deployment_blocked_did_not_happen() -> None:
    events = _by_type("A court in Nairobi blocked the deployment of police officers to Haiti.", "MOBILIZE")
    assert events and all(e["negated"] for e in events)


def test_an_act_launched_is_done_by_who_launched_it() -> None:
    # control: a light verb's subject does the act its object names
    events = _by_type("Soldiers launched an attack on the checkpoint near the airport.", "ASSAULT")
    assert events and not any(e["negated"] for e in events) and events[0]["source"]["text"] == "Soldiers"
