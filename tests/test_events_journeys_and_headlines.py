"""Journeys made for an act, headline verbs, officials placed on leave and arrests of demonstrators (issue 14).

- A journey the dictionary codes only as a meeting, a visit or an intent to meet, made to do a typed act ("flew to X
  to meet Y", "arrived in X to sign Y"), is coded by that act, as the purpose of a journey a noun names is; a journey
  only announced stays an intent, and a march keeps its protest whatever it is for (``builder._journeys_for_acts``).
- A sentence or headline whose opening name the parser hung on the object as an adjective ("Sweden | halts aid to X",
  read as one noun phrase) gets its verb back (``headline_verbs._opening_compound``).
- Placing or putting an official on leave suspends them (``event_patterns.tsv`` ARRANGE t32, 172).
- A headline's plural subject hung on the object as a modifier, with its verb read as an adjective of the object's
  compound ("Rebels | free kidnapped relief workers"), gets its verb back too.
- A dictionary pattern that names only the classes of the doer and of the object ("police detain demonstrator") says
  who acts on whom, not what the act is: the verb's own type stays (``frames._circumstantial``).

Sentences written for this file.
"""

from __future__ import annotations

from conftest import text_events


def _top(text: str) -> dict:
    return max(text_events(text), key=lambda e: e["confidence"])


def _pairs(text: str, code: str) -> set[tuple[str, str | None]]:
    return {(e["source"]["text"], (e["target"] or {}).get("text")) for e in text_events(text) if e["cameo_code"] == code}


def test_a_journey_to_meet_someone_is_the_meeting() -> None:
    top = _top("The foreign minister flew to Cairo to meet the Egyptian president.")
    assert (top["cameo_code"], top["source"]["text"], top["target"]["text"]) == ("040", "foreign minister", "Egyptian president")
    assert _pairs("The foreign minister flew to Cairo to meet the Egyptian president.", "036") == set()


def test_a_journey_to_sign_a_pact_is_the_signing() -> None:
    assert {e["cameo_code"] for e in text_events("The prime minister travelled to Kabul to sign a security pact with Afghanistan.")} == {"057"}


def test_a_march_keeps_its_protest() -> None:
    # control: a march is a protest of its own, whatever it demands
    assert _top("Thousands of farmers marched to parliament to demand debt relief.")["plover_type"] == "PROTEST"


def test_a_meeting_held_to_discuss_is_the_meeting() -> None:
    # control: a meeting is no journey
    assert ("opposition chiefs", "premier") in _pairs("The opposition chiefs met the premier in his office to discuss the budget.", "040")


def test_an_opening_name_read_as_an_adjective_is_the_subject() -> None:
    top = _top("Sweden halts aid to Zambia over graft claims")
    assert (top["plover_type"], top["source"]["text"], top["target"]["text"]) == ("SANCTION", "Sweden", "Zambia")


def test_an_adjective_of_a_noun_phrase_stays_one() -> None:
    # control: a real noun phrase with a verb of its own is left alone
    # (aid that rose is a statistic, event_trends.tsv: no event at all, and no suspension of aid)
    assert not any(e["cameo_code"] == "162" for e in text_events("Swedish aid to Zambia rose sharply last year."))


def test_officials_placed_on_leave_are_suspended() -> None:
    assert _pairs("Two prison guards have been placed on paid leave after the riot.", "172") == {("", "prison guards")}
    assert _pairs("The police chief put three officers on leave pending an inquiry.", "172") == {("police chief", "officers")}


def test_going_on_leave_is_no_sanction() -> None:
    # control: the pattern is the placing verbs' alone
    assert _pairs("The minister went on leave last week.", "172") == set()


def test_a_headline_verb_read_as_an_adjective_of_the_objects_compound_is_the_verb() -> None:
    # the subject a plural modifier of the root, the verb an adjective of the object's compound noun
    top = _top("Rebels free kidnapped relief workers")
    assert (top["plover_type"], top["source"]["text"]) == ("RETREAT", "Rebels")


def test_police_detaining_demonstrators_is_an_arrest() -> None:
    # the dictionary's "police detain demonstrator" names only who detains whom: the verb's own act (173) stays
    top = _top("Police detained scores of demonstrators near the parliament.")
    assert (top["cameo_code"], top["plover_type"]) == ("173", "COERCE")


def test_soldiers_shooting_demonstrators_stay_an_assault() -> None:
    # control: a verb of force keeps its type
    assert _top("Soldiers shot dead three demonstrators near the parliament.")["plover_type"] == "ASSAULT"
