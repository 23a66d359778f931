"""Dispersing a crowd, and one act told twice in a sentence (issue 14).

Sentences are the team's own.
- "disperse" with an object that names people (a crowd's members, counted or not) is breaking up a crowd, CAMEO 175
  (event_verbs.tsv: PETRARCH2 holds the verb only as circulating news, 010); scattering a thing is no event;
- an object counted ("hundreds of students") names people as the counted noun does;
- the crowd dispersed may be named with a participle after it ("students gathered outside the ministry"), which the
  parser can read as a clause of its own: they are the object, their gathering no protest of its own
  (``slots.misread_relative``); with a verb of using ("used batons to disperse"), the user disperses, not the batons;
- one act told twice ("fired tear gas to disperse the students": the firing names no target, the dispersal does) is
  the fuller telling, which keeps the surer confidence: it stays the top event.
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


def _typed(text: str) -> list[dict]:
    return [e for e in text_events(text, "t-disperse") if e["plover_type"]]


def test_dispersing_people_is_repression() -> None:
    top = top_typed_event(_typed("Soldiers dispersed the protesters outside parliament on Tuesday."))
    assert top["cameo_code"] == "175"
    assert (top["source"]["sector"], top["target"]["text"]) == ("MIL", "protesters")


def test_dispersing_a_thing_is_no_event() -> None:
    assert _typed("The wind dispersed the smoke over the city.") == []
    assert _typed("The agency dispersed leaflets across the region.") == []


def test_the_fuller_telling_of_one_act_is_the_top_event() -> None:
    events = _typed("Police fired tear gas to disperse hundreds of students protesting against higher fees in Nairobi.")
    top = top_typed_event(events)
    assert top["cameo_code"] == "175"
    assert (top["source"]["text"], top["target"]["text"]) == ("Police", "students")
    assert not [e for e in events if e["cameo_code"] == "175" and not e["target"]]


def test_a_crowd_gathered_at_a_place_is_the_object_of_the_dispersal() -> None:
    # the parser reads "students gathered outside the ministry" as a clause of its own ("outside" as an adjective,
    # "ministry" its object): the students are who was dispersed, and their gathering is no protest of its own here
    events = _typed("Riot police used batons to disperse students gathered outside the education ministry in Lagos.")
    top = top_typed_event(events)
    assert top["cameo_code"] == "175"
    assert (top["source"]["text"], top["target"]["text"]) == ("Riot police", "students")
    assert not [e for e in events if e["plover_type"] == "PROTEST"]
    # with a bare place the parser reads the participle as a clause ("outside" an adjective, "parliament" its object)
    events = _typed("Police fired tear gas to disperse demonstrators gathered outside parliament in Nairobi.")
    assert {(e["cameo_code"], e["target"]["text"]) for e in events if e["target"]} == {("175", "demonstrators")}
    assert not [e for e in events if e["plover_type"] == "PROTEST"]
