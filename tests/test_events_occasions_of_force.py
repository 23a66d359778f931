"""The occasion of an act of force is not its doer's act (issue 14, ``builder._forceful``, ``builder._determined``).
Sentences are the team's own.

A noun act that is the occasion of a verb ("spoke at a summit", "signed the accord at the talks") takes the verb's
agent. When the verb is an act of force, its agent is no party to the occasion: the police who fire on a crowd during
a rally, or the soldiers by whom marchers were shot during a march, hold no rally and no march. A bare noun says how
the act was done, not when ("blocked the road in protest"), and stays the agent's.
"""

from __future__ import annotations

from conftest import text_events


def _protests(text: str) -> list[dict]:
    return [e for e in text_events(text, "t-occasions") if e["plover_type"] == "PROTEST"]


def test_the_occasion_of_a_shooting_is_not_the_shooters_protest() -> None:
    for text in ("Six students were shot by troops during the march on the ministry.",
                 "Police opened fire on the crowd during a rally in the northern city."):
        assert not any(e["source"]["text"] in ("troops", "Police") for e in _protests(text)), text


def test_a_bare_protest_noun_stays_the_agents_own() -> None:
    assert [e["source"]["text"] for e in _protests("Fishermen blocked the harbour in protest against the fuel tax.")] == ["Fishermen"]
