"""What a weapon fires is an instrument of whoever fires it (issue 14, ``Knowledge.is_weapon_fire``). Sentences are
the team's own.

"Rocket fire", "artillery rounds", "tank shells": named by the weapon, the fire stands for its owner as the weapon
would ("rebel rockets"), and so does fire named by who fires it ("Israeli fire", "police fire"), and a subject that fires is no striking worker ("strike" as a walkout). A weapon's name on
anything else ("a gas cylinder") names no instrument: an exploding cylinder is an accident.
"""

from __future__ import annotations

from conftest import text_events, top_event_fields, top_typed_event


def _typed(text: str) -> list[dict]:
    return [e for e in text_events(text, "t-weapon-fire") if e["plover_type"]]


def test_fire_named_by_a_weapon_is_its_owners_attack() -> None:
    top = top_typed_event(_typed("Militia mortar fire struck the northern suburbs overnight."))
    assert (top["plover_type"], top["source"]["sector"]) == ("ASSAULT", "UAF")


def test_shells_that_struck_are_no_walkout() -> None:
    events = _typed("Army artillery shells struck a fuel depot near the border.")
    assert not any(e["plover_type"] == "PROTEST" for e in events), events
    assert top_typed_event(events)["plover_type"] == "ASSAULT"


def test_an_exploding_cylinder_is_no_attack() -> None:
    assert _typed("A gas cylinder exploded in a bakery on Friday, wounding five customers.") == []


def test_a_barrage_counts_what_is_fired_and_keeps_its_target() -> None:
    # "a barrage of rockets at X": the object is what the barrage counts, and its "at" phrase names the target
    top = top_typed_event(text_events("The militia launched a barrage of rockets at Haifa overnight.", "t-weapon-fire"))
    assert (top["plover_type"], top["source"]["text"], (top["target"] or {}).get("text")) == ("ASSAULT", "militia", "Haifa")


def test_a_round_or_a_device_as_the_agent_is_someone_s_weapon() -> None:
    # event_synsets.tsv: shells, grenades, drones, landmines and bullets join &WEAPON, so an act they are the agent of
    # is no act of a non-actor agent (builder.NON_ACTOR_AGENT_VETO) but an attack by someone unnamed
    for text in ("Four children were killed when a shell hit their school in the frontline town.",
                 "Two guards were killed when drones hit the fuel depot overnight."):
        top = top_typed_event(text_events(text))
        assert top["plover_type"] == "ASSAULT" and not top["source"]["text"], text


def test_fire_named_by_a_nationality_is_that_side_s() -> None:
    fields = top_event_fields("Two Syrians were killed by Turkish fire near the border town on Friday.")
    assert fields[0] == "ASSAULT" and fields[2].startswith("Turkish") and fields[3] == "Syrians"


def test_fire_named_by_an_agent_is_that_agent_s() -> None:
    fields = top_event_fields("A student was wounded by police fire during the march.")
    assert fields[0] == "ASSAULT" and fields[2].startswith("police") and fields[3] == "student"


def test_fire_named_by_the_team_s_agent_noun_is_that_agent_s() -> None:
    # "sniper" is an agent of event_agents.tsv, not of the PLOVER list: its fire is still a sniper's
    fields = top_event_fields("A farmer was killed by sniper fire near the front line.")
    assert fields[0] == "ASSAULT" and fields[2].startswith("sniper") and fields[3] == "farmer"


def test_a_blaze_is_no_one_s_fire() -> None:
    # control: a house fire kills no one by force
    assert _typed("Four children were killed by a house fire in Kano.") == []
