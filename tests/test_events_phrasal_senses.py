"""A phrasal verb's particle puts the verb in that sense (``frames._phrasal_sense``, ``event_verbs.tsv``).

Sentences are the team's own. PETRARCH2 codes "push" as a demand (100), for "push for"; the team's table adds "push
back" as repelling a force (190), with an object kind that says what is driven back: the force, or its attack
("assailants"), as are "hold off" and "fend off" ("held off a raid", not "held off a decision"). Before, an attack driven back was no object of that kind and the bare verb's default coded the repulse
as a demand; a vote put off ("pushed back the vote") was a demand as well, and so was criticism resisted ("pushed back against"). With the particle there, the bare verb's
default is no reading of it; the bare verb's own patterns ("pushed for a ceasefire", "pushed X to withdraw") still code.
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


def test_an_attack_driven_back_is_a_repulse_by_the_defenders() -> None:
    for text, source in {
        "Kurdish fighters pushed back an Islamic State offensive near the border town on Sunday.": "Kurdish fighters",
        "Malian soldiers pushed back a jihadist assault on their base overnight.": "Malian soldiers",
        # the team's "hold off" and "fend off", with the same object kind
        "Border guards held off a raid by smugglers on the outpost.": "Border guards",
        "Farmers fended off the cattle thieves with machetes.": "Farmers",
    }.items():
        events = text_events(text)
        assert not any(e["plover_type"] == "REQUEST" for e in events), text
        repulse = [e for e in events if e["cameo_code"] == "190" and e["source"]["text"] == source]
        assert repulse, text


def test_a_date_put_off_or_criticism_resisted_is_no_demand() -> None:
    for text in ("The high court pushed back the trial of the former governor.",
                 "The electoral authority pushed back the municipal polls by three weeks.",
                 "The finance minister pushed back against criticism of his spending plans."):
        assert not any(e["plover_type"] == "REQUEST" for e in text_events(text)), text


def test_a_decision_held_off_or_questions_fended_off_is_no_repulse() -> None:
    for text in ("The monetary committee held off a decision on the currency peg.",
                 "The spokesman fended off questions about the minister's health."):
        assert not any(e["plover_type"] == "ASSAULT" for e in text_events(text)), text


def test_a_preposition_of_place_is_no_particle_of_a_repulse() -> None:
    # "off the coast" is where the patrols were held: "off" governs a phrase of its own, no particle of "hold off"
    for text in ("The navy held patrols off the northern islands all week.",
                 "Border police held patrols off the main highway."):
        assert not any(e["plover_type"] == "ASSAULT" for e in text_events(text)), text


def test_forces_driven_back_and_the_bare_verbs_patterns_still_code() -> None:
    top = top_typed_event(text_events("Army units pushed back the insurgents from the hills above the city."))
    assert (top["cameo_code"], top["source"]["text"], top["target"]["text"]) == ("190", "Army units", "insurgents")
    pressed = top_typed_event(text_events("Senators pushed for a truce in the province."))
    assert pressed["plover_type"] == "REQUEST" and pressed["source"]["text"] == "Senators"
    urged = top_typed_event(text_events("Villagers pushed the militia to leave the valley."))
    assert urged["plover_type"] == "REQUEST" and urged["target"]["text"] == "militia"
