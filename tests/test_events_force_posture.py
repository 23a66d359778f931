"""Forces shown, and the state across a boundary (issue 14).

Sentences are the team's own.
- forces moved, deployed or massed (CAMEO 15, a show of force) with no owner named are the mover's own: no target;
  forces a modifier gives another owner stay others;
- a show of force at a boundary "with" a state is aimed at that state ("to its border with X": X); the possessive
  pronoun of the boundary is the mover's own side, never another party;
- troops sent to a boundary are no help to the state across it: they are deployed there, aimed at it.
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


def _typed(text: str) -> list[dict]:
    return [e for e in text_events(text, "t-posture") if e["plover_type"]]


def test_forces_shown_are_the_movers_own_and_the_state_across_is_the_target() -> None:
    top = top_typed_event(_typed("Belarus has moved additional troops and artillery to its border with Lithuania, "
                                 "the Belarusian defence ministry said on Thursday."))
    assert top["plover_type"] == "MOBILIZE"
    assert (top["source"]["text"], top["target"]["text"]) == ("Belarus", "Lithuania")


def test_forces_shown_with_no_state_across_have_no_target() -> None:
    top = top_typed_event(_typed("Russia massed troops near the border on Monday."))
    assert top["plover_type"] == "MOBILIZE"
    assert top["target"] is None


def test_troops_sent_to_a_boundary_help_no_one_across_it() -> None:
    # no sending of aid or cooperation to the state across: a deployment at the boundary, aimed at it (frames._deployed)
    events = _typed("Troops were sent to the frontier with Sudan.")
    assert not [e for e in events if e["plover_type"] in ("AID", "COOPERATE")]
    assert [(e["cameo_code"], e["target"]["text"]) for e in events] == [("154", "Sudan")]


def test_a_container_noun_is_read_through_to_what_it_holds() -> None:
    # "alert level": the dictionary's pattern names the alert ("&MILITARY alert", 152); the level holds it
    top = top_typed_event(_typed("Taiwan raised its military alert level as Chinese warships gathered offshore."))
    assert (top["cameo_code"], top["source"]["text"]) == ("152", "Taiwan")


def test_forces_sent_toward_or_around_a_party_are_shown_to_it_not_given() -> None:
    """``event_force_shows.tsv``: the sending block codes armed objects as military aid (072) or cooperation (062);
    sent toward, around or off a party with no "to" phrase, they are a show of force (150) aimed at that party."""
    top = top_typed_event(_typed("Beijing sent dozens of warplanes toward Taiwan on Sunday."))
    assert (top["cameo_code"], top["plover_type"]) == ("150", "MOBILIZE")
    assert (top["source"]["text"], top["target"]["text"]) == ("Beijing", "Taiwan")
    around = top_typed_event(_typed("Moscow sent warships around Japan during the naval drills."))
    assert (around["cameo_code"], around["target"]["text"]) == ("150", "Japan")
    assert not [e for e in _typed("Beijing sent bombers toward Taiwan.") if e["plover_type"] in ("AID", "COOPERATE")]


def test_forces_sent_to_a_party_are_still_given() -> None:
    top = top_typed_event(_typed("Iran sent drones to Russia last year."))
    assert top["plover_type"] == "AID" and top["target"]["text"] == "Russia"


def test_forces_put_on_combat_readiness_are_on_alert() -> None:
    """event_pattern_nouns.tsv: "readiness" fits the dictionary's "on alert" (152); a container noun's "of" phrase is
    read through as its compound is ("the top level of combat readiness" as "the alert level")."""
    for text in ("Belgrade placed its forces on full combat readiness.",
                 "Belgrade put the army on the top level of combat readiness near the border."):
        top = top_typed_event(_typed(text))
        assert (top["cameo_code"], top["source"]["text"]) == ("152", "Belgrade"), text


def test_a_learned_verb_of_deploying_shows_forces_only() -> None:
    """Before: the learned trigger "deploy" (event_triggers.tsv, MOBILIZE) coded a show of force whatever was
    deployed, rescue boats and divers at a festival included; it now needs forces as its object, or none."""
    assert not [e for e in text_events("The agency deployed boats and divers on the lake for the festival.", "t-deploy") if e["plover_type"]]
    troops = [e for e in text_events("The army deployed tanks and troops to the border town.", "t-deploy") if e["plover_type"]]
    assert troops and troops[0]["plover_type"] == "MOBILIZE"
    bare = [e for e in text_events("Troops deployed along the border on Monday.", "t-deploy") if e["plover_type"]]
    assert bare and bare[0]["plover_type"] == "MOBILIZE"
    them = [e for e in text_events("The governor called up 900 paramilitary troops and deployed them at the dam.", "t-deploy")
            if e["plover_type"] == "MOBILIZE"]
    assert them  # a pronoun's referent is not seen by the object test: it does not hold the verb back


def test_forces_sent_to_a_state_by_name_protect_it() -> None:
    # the codebook's 074 (provide military protection or peacekeeping, PLOVER AID), aimed at the state, whatever the
    # sending verb's patterns read the forces as (police sent: 153; peacekeepers dispatched: 0334, an intent)
    for text, source, target in (("Ghana sent police to Liberia ahead of the disputed vote.", "Ghana", "Liberia"),
                                 ("The African Union dispatched peacekeepers to Burundi last month.", "African Union", "Burundi")):
        top = top_typed_event(_typed(text))
        assert (top["cameo_code"], top["plover_type"]) == ("074", "AID"), text
        assert (top["source"]["text"], top["target"]["text"]) == (source, target), text


def test_forces_sent_to_a_region_or_arms_to_a_state_are_no_protection() -> None:
    # (controls) a region of the sender's own is a deployment there; arms sent are military aid, not protection
    top = top_typed_event(_typed("Ghana deployed extra troops to its northern region after the clashes."))
    assert top["plover_type"] == "MOBILIZE"
    assert not [e for e in _typed("Finland shipped artillery shells to Estonia.") if e["cameo_code"] == "074"]


def test_forces_moved_closer_are_no_target_of_their_mover() -> None:
    # frames._own_forces_shown: "closer to" hides the boundary from the pattern; the troops moved are still the
    # mover's own, and the target is the state across
    top = top_typed_event(_typed("Azerbaijan has moved thousands of soldiers closer to its border with Armenia."))
    assert top["plover_type"] == "MOBILIZE"
    assert (top["source"]["text"], (top["target"] or {}).get("text")) == ("Azerbaijan", "Armenia")
    # (the control is the first test of this file: forces moved "to" the boundary)
