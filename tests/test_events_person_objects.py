"""Taking people (``event_person_objects.tsv``): a seizure whose targets are all people is an arrest or an abduction.

Sentences are the team's own, written to show the phenomenon. Before this, a verb coded only by its
default seizure code (CAMEO 171, "seize or damage property") kept it whoever was seized.
"""

from __future__ import annotations

from conftest import text_events
from streams.extraction.events.knowledge import DATA_FILES, knowledge


def _events(text: str) -> list[dict]:
    return text_events(text, "t-taking")


def test_the_table_splits_by_who_takes():
    kb = knowledge()
    assert "event_person_objects.tsv" in DATA_FILES  # a changed table changes extractor_version
    assert kb.taking_people("171", "seize", {"UAF"}) == "181"
    assert kb.taking_people("1711", "grab", set()) == "181"  # longest prefix: a confiscation of people is still a taking
    assert kb.taking_people("171", "capture", {"COP"}) == "173"
    assert kb.taking_people("171", "seize", {"GOV", "CVL"}) == "173"
    assert kb.taking_people("190", "seize", {"UAF"}) == ""  # only seizures have a row
    assert kb.taking_people("171", "take", {"UAF"}) == ""  # the light verb takes people to places as often


def test_taking_people_somewhere_is_no_abduction():
    """The light verb "take" has the seizure code by default, but people taken to a place are not abducted."""
    events = _events("Party members took Maria Lopez to the podium after the vote.")
    assert events and not any(e["cameo_code"] == "181" for e in events)


def test_armed_men_seizing_people_is_an_abduction():
    events = [e for e in _events("Gunmen seized five aid workers near the camp.") if e["target"]]
    assert [(e["cameo_code"], e["plover_type"], e["target"]["text"]) for e in events] == [("181", "ASSAULT", "aid workers")]


def test_rebels_capturing_soldiers_is_an_abduction():
    events = [e for e in _events("Rebels captured three soldiers during the attack.") if e["target"]]
    assert {(e["cameo_code"], e["target"]["text"]) for e in events} == {("181", "soldiers")}


def test_seizing_things_stays_a_seizure():
    # (a seizure of vehicles by a militia is a known borderline veto of the type classifier: p(COERCE) ~ .25;
    # what is tested here is the split by what is seized, on a seizure the classifier reads as one)
    events = _events("Militiamen seized a warehouse of grain at the crossing.")
    assert events and all(e["cameo_code"].startswith("171") for e in events)
    assert all(e["target"] is None for e in events)
