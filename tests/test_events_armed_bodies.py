"""Armed bodies and their weapons (issue 14).

Sentences are the team's own.
- a force or coalition led by a state ("the Saudi-led coalition", "a French-led force") is an actor of that state,
  though no entity names it (roles.describe reads "-led");
- a weapon whose modifier is an agent noun ("coalition jets", "army helicopters") is that agent's;
- an armed body as subject of a verb that is also an event noun ("the coalition struck") acts by force, as a
  weapon does: the noun's other senses (a labour strike) are no alternatives; workers who strike still strike;
- an armed body or a government that blocks roads imposes a blockade (191), where a crowd protests (144).
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


def _top(text: str) -> dict:
    return top_typed_event(text_events(text, "t-armed"))


def test_a_coalition_led_by_a_state_is_an_actor_of_that_state() -> None:
    top = _top("A US-led coalition bombed militant positions near the river.")
    assert top["plover_type"] == "ASSAULT"
    assert top["source"]["text"] == "US-led coalition"
    assert top["source"]["country"] == "USA"


def test_an_armed_body_that_strikes_uses_force() -> None:
    top = _top("The Saudi-led coalition struck a fuel depot near the port.")
    assert top["plover_type"] == "ASSAULT"
    assert top["source"]["country"] == "SAU"
    top = _top("Teachers struck for a third day over pay.")
    assert top["plover_type"] == "PROTEST"


def test_a_weapon_of_an_agent_is_that_agents() -> None:
    top = _top("Police vehicles rammed a crowd of mourners outside the stadium.")
    assert top["source"]["sector"] == "COP"
    assert top["source"]["text"] == "Police vehicles"


def test_an_armed_body_that_blocks_roads_imposes_a_blockade_and_a_crowd_protests() -> None:
    # the dictionary codes obstructing passage (144, PROTEST) whoever does it; forces restrict movement (191)
    top = _top("Government troops have blockaded the roads into the rebel-held valley for a month.")
    assert (top["cameo_code"], top["plover_type"], top["source"]["text"]) == ("191", "COERCE", "Government troops")
    top = _top("Angry villagers blockaded the roads into the valley for a day.")
    assert top["plover_type"] == "PROTEST"
