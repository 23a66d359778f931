"""A reciprocal object ("each other", "one another") makes coordinated subjects act on each other.

Sentences are the team's own, written to show the phenomenon. Before this, the act had coordinated
sources and no target (the pronoun is no actor), so each party came out acting on nobody.
"""

from __future__ import annotations

import pytest

from conftest import text_events
from streams.extraction.events.slots import reciprocal_object


def _events(text: str) -> list[dict]:
    return text_events(text, "t-reciprocal")


def _pairs(events: list[dict], plover: str) -> set[tuple[str, str | None]]:
    return {(e["source"]["text"], (e["target"] or {}).get("text")) for e in events if e["plover_type"] == plover}


@pytest.mark.parametrize("text", [
    "Armenia and Azerbaijan accused each other of violating the truce.",
    "Kenya and Somalia criticised one another on Monday.",
])
def test_each_party_accuses_the_other(text):
    events = _events(text)
    first, second = ("Armenia", "Azerbaijan") if "Armenia" in text else ("Kenya", "Somalia")
    assert _pairs(events, "ACCUSE") == {(first, second), (second, first)}
    ids = {e["event_id"] for e in events if e["plover_type"] == "ACCUSE"}
    assert len(ids) == 2  # the id covers source and target


def test_a_named_target_is_unchanged():
    events = _events("Armenia accused Azerbaijan of violating the truce.")
    assert _pairs(events, "ACCUSE") == {("Armenia", "Azerbaijan")}


def test_the_pronoun_is_found_however_it_is_attached():
    from streams.extraction.nlp import load_nlp

    nlp = load_nlp()
    for text, verb in [("They blamed one another for the collapse.", "blamed"),
                       ("The two sides traded fire with each other.", "traded"),
                       ("The leaders praised each other warmly.", "praised")]:
        doc = nlp(text)
        assert reciprocal_object(next(t for t in doc if t.text == verb)), text
    doc = nlp("The ministers thanked the other delegates.")
    assert not reciprocal_object(next(t for t in doc if t.text == "thanked"))


def test_two_parties_exchanging_prisoners_free_each_other_s_people():
    """A mutual act of freeing people ("swapped detainees", "exchanged captives"): each party frees the other's
    people, who are what is exchanged, not a party acting back."""
    evs = _events("Armenia and Azerbaijan swapped fifteen detainees at the border on Sunday.")
    assert _pairs(evs, "RETREAT") == {("Armenia", "Azerbaijan"), ("Azerbaijan", "Armenia")}


def test_each_party_acts_on_what_the_other_owns() -> None:
    # "each other's diplomats": each expels the other's, so each party is the other's target, and no third party
    events = _events("Latvia and Belarus expelled each other's diplomats after a border incident.")
    assert _pairs(events, "SANCTION") == {("Latvia", "Belarus"), ("Belarus", "Latvia")}


def test_an_intent_two_parties_agree_on_together_is_coded_both_ways() -> None:
    """event_reciprocal.tsv: an intent to cooperate, to settle or to de-escalate that coordinated parties agree on
    with nothing else as its target is each one's toward the other, as a meeting is; before, only the first party
    was coded, with no target."""
    for text, code in (("Ankara and Baghdad agree to reopen the oil pipeline", "0311"),
                       ("The army and the paramilitary force agreed on Friday to a ten-day ceasefire in the capital.", "0356")):
        pairs = {(e["source"]["text"], e["target"]["text"]) for e in text_events(text) if e["cameo_code"] == code and e["target"]}
        assert len(pairs) == 2 and all((t, s) in pairs for s, t in pairs), text
    pairs = {(e["source"]["text"], (e["target"] or {}).get("text")) for e in text_events("Iran and Russia pledged to support Syria.")
             if e["plover_type"] == "AGREE"}
    assert pairs == {("Iran", "Syria"), ("Russia", "Syria")}
