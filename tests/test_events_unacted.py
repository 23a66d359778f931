"""An act coded only from the one who underwent it needs the classifier's reading at least as likely as no event
(builder._vetoed). Sentences are the team's own. The dictionary codes a death or a loss as an act of force whatever
caused it; when the sentence names only those who underwent it, the classifier decides whether it reads as that act.
"""

from __future__ import annotations

from conftest import text_events


def _typed(text: str) -> list[dict]:
    return [e for e in text_events(text, "t-unacted") if e["plover_type"]]


def test_a_death_in_an_accident_is_no_assault():
    """Before: ASSAULT with the residents as target and nobody as source."""
    assert _typed("Two residents died after a gas leak in their apartment block.") == []


def test_victims_of_an_attack_keep_their_event():
    events = _typed("Three soldiers were killed when their convoy was ambushed near the border.")
    assert [(e["plover_type"], e["source"]["text"], e["target"]["text"]) for e in events] == [("ASSAULT", "", "soldiers")]


def test_an_act_with_its_actor_is_judged_as_before():
    events = _typed("Police said two protesters died after officers opened fire on the crowd.")
    assert {e["plover_type"] for e in events} == {"ASSAULT"}
    assert any(e["source"]["text"] == "officers" for e in events)


def test_a_trial_with_no_named_prosecutor_is_still_coded():
    events = _typed("The trial of six former ministers opened in the capital on Monday.")
    assert any(e["cameo_code"] == "1121" and e["target"]["text"] == "former ministers" for e in events)  # a trial: align_legal
