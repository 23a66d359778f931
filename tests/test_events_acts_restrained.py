"""A verb that restrains or strikes at an act noun is no light verb for it (issue 14, ``builder._acts_upon_noun``).
Sentences are the team's own.

"Held a rally" and "went on strike" name the rally and the strike: the verb is light and the noun is the act, done
by the verb's subject. A verb of coercion, sanction or assault does something to the act instead: "banned the
march" is a ban by the authorities, never a march by them.
"""

from __future__ import annotations

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
