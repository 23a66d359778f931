"""A verdict and a trial are legal disapproval (issue 14, ``tools/build_event_tables.py`` ``align_legal``, and
``slots.small_clause``). Sentences are the team's own.

CAMEO codes a court's finding of guilt 116 and PLOVER lists bringing to trial under ACCUSE; PETRARCH2's dictionary
coded both 173 (arrest, PLOVER COERCE). A verdict is now 116 and a trial 1121 (both ACCUSE); a charge, an
indictment and an arrest stay 173, as the label of that code says. "Found X guilty" codes also when the parser
reads the object and its adjective as a clause of their own.
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


def _typed(text: str) -> list[dict]:
    return [e for e in text_events(text, "t-legal") if e["plover_type"]]


def test_a_conviction_is_a_verdict() -> None:
    top = top_typed_event(_typed("A court in Lagos convicted two opposition activists of treason on Thursday."))
    assert (top["cameo_code"], top["plover_type"]) == ("116", "ACCUSE")
    assert top["target"]["text"] == "opposition activists"


def test_found_guilty_read_as_a_clause_is_a_verdict() -> None:
    top = top_typed_event(_typed("A tribunal in Dhaka found the former militia leader guilty of war crimes."))
    assert (top["cameo_code"], top["plover_type"]) == ("116", "ACCUSE")
    assert (top["source"]["sector"], top["target"]["text"]) == ("JUD", "former militia leader")


def test_a_trial_opening_accuses_the_defendants() -> None:
    top = top_typed_event(_typed("The trial of nine suspected militants opened in Paris on Monday."))
    assert top["plover_type"] == "ACCUSE"
    assert top["target"]["text"] == "suspected militants"


def test_a_charge_and_an_arrest_stay_coercion() -> None:
    assert top_typed_event(_typed("Prosecutors charged the former mayor with taking bribes."))["cameo_code"] == "173"
    assert top_typed_event(_typed("Police arrested five men suspected of smuggling weapons."))["cameo_code"] == "173"


def test_an_acquittal_and_a_finding_of_health_are_no_verdict() -> None:
    assert not [e for e in _typed("The jury found him not guilty of murder.") if e["cameo_code"] == "116"]
    assert _typed("Doctors found the patient healthy after the surgery.") == []


def test_a_belief_is_no_conviction() -> None:
    assert _typed("The president said he had a deep conviction that peace was possible.") == []


def test_the_possessor_of_an_arrest_or_a_trial_undergoes_it() -> None:
    # event_nouns.tsv, column possessor: "his arrest" befalls him; a noun with an "of" phrase keeps its doer
    arrest = [e for e in _typed("Rights groups condemned the activist's arrest in Cairo last week.") if e["cameo_code"] == "173"]
    assert arrest and arrest[0]["target"]["text"] == "activist" and arrest[0]["source"]["text"] == ""
    trial = top_typed_event(_typed("The opposition leader's trial opened on Monday."))
    assert (trial["source"]["text"], trial["target"]["text"]) == ("", "opposition leader")
    held = top_typed_event(_typed("The army's detention of journalists drew protests."))
    assert (held["source"]["text"], held["target"]["text"]) == ("army", "journalists")
    offensive = top_typed_event(_typed("The rebels' offensive on the city began at dawn."))
    assert offensive["source"]["text"] == "rebels"
