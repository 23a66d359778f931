"""A verb that restrains or strikes at an act noun is no light verb for it (issue 14, ``builder._acts_upon_noun``).
Sentences are the team's own.

"Held a rally" and "went on strike" name the rally and the strike: the verb is light and the noun is the act, done
by the verb's subject. A verb of coercion, sanction or assault does something to the act instead: "banned the
march" is a ban by the authorities, never a march by them.
"""

from __future__ import annotations

import pytest

from conftest import text_events, top_typed_event


def _typed(text: str) -> list[dict]:
    return [e for e in text_events(text, "t-restrained") if e["plover_type"]]


def test_a_march_banned_is_a_ban_not_a_march_by_the_banner() -> None:
    events = _typed("The city authorities banned the opposition march set for Sunday.")
    assert not any(e["plover_type"] == "PROTEST" and e["source"]["text"] == "city authorities" for e in events), events
    assert top_typed_event(events)["plover_type"] == "COERCE"


def test_a_light_verb_still_names_the_act() -> None:
    top = top_typed_event(_typed("Dock workers went on strike over unpaid wages."))
    assert (top["plover_type"], top["source"]["text"]) == ("PROTEST", "Dock workers")


@pytest.mark.parametrize("text,target", [
    ("Residents protested the killing of a boy by police.", "police"),
    ("Hundreds of people protested the killing of a teenager by police in the capital.", "police"),
])
def test_an_act_protested_is_no_act_of_the_protesters_and_ranks_below_the_protest(text, target) -> None:
    """builder._acts_upon_noun: a verb of protest does something to its event-noun object (as condemning does), so it
    is no light verb for it; builder._answered: the act protested, its direct object, ranks below the protest. Before,
    the classifier read the killing likelier than the protest, the verb was dropped as a light verb and the sentence
    gave the killing alone."""
    top = top_typed_event(text_events(text))
    assert (top["plover_type"], top["target"]["text"]) == ("PROTEST", target)
