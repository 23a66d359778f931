"""Who acts and what is done, on sentences of the team's own:

- civilians, workers, farmers or students who besiege, surround or encircle an office hold it in protest, an
  obstruction (CAMEO 144), where the dictionary reads a blockade or an attack; a state's or an armed body's siege stays
  a blockade (``event_crowd_acts.tsv``);
- a political opponent, a rival or a critic is a party acted upon, as a faction is (``event_agents.tsv``), so one
  attacked in words is the target;
- a strike called off or suspended after a deal or an agreement "with" a party is a concession made to that party
  (``frames.partners_of_clause``, read by the builder for yielding acts that name no target);
- eggs, bottles, shoes or bricks thrown at someone are unconventional violence (180), as the dictionary's rocks and
  stones are (``event_patterns.tsv``), and a crowd's throwing is its violent protest (145); thrown anywhere else they
  are no act.
Each rule has a sentence that failed before it and a control that must keep passing."""

from __future__ import annotations

from conftest import text_events, top_event_fields


def test_farmers_besieging_an_office_protest() -> None:
    kind, code, source, _ = top_event_fields("Angry farmers besieged the district office over unpaid dues.")
    assert (kind, code, source) == ("PROTEST", "144", "Angry farmers")
    kind, code, source, _ = top_event_fields("Hundreds of students surrounded the rector's office on Monday.")
    assert (kind, code, source) == ("PROTEST", "144", "students")


def test_an_army_besieging_a_town_blockades_it() -> None:
    kind, code, source, _ = top_event_fields("The army besieged the rebel town for weeks.")
    assert (kind, code, source) == ("COERCE", "191", "army")


def test_an_opponent_attacked_in_words_is_the_target() -> None:
    found = top_event_fields("The mayor lashed out at a political opponent on Friday, accusing him of lying.")
    assert found == ("ACCUSE", "111", "mayor", "political opponent")
    found = top_event_fields("The president criticised his critics in a long speech.")
    assert (found[0], found[3]) == ("ACCUSE", "his critics")


def test_an_abstract_noun_criticised_is_still_no_target() -> None:
    found = top_event_fields("The president criticised the budget in a long speech.")
    assert (found[0], found[3]) == ("ACCUSE", None)


def test_a_strike_ended_after_a_deal_with_a_party_yields_to_it() -> None:
    found = top_event_fields("Nurses called off their strike following an agreement with the health ministry.")
    assert found == ("CONCEDE", "082", "Nurses", "health ministry")
    found = top_event_fields("Bus drivers in Quito suspended their walkout on Friday after reaching a deal with the city council.")
    assert (found[0], found[3]) == ("CONCEDE", "city council")


def test_a_release_after_talks_keeps_those_released_as_its_target() -> None:
    found = top_event_fields("The rebels released ten hostages after talks with tribal elders.")
    assert (found[0], found[3]) == ("RETREAT", "hostages")


def test_a_ban_on_a_crowd_s_rallies_is_aimed_at_the_crowd() -> None:
    """Before: a noun modifier of an act of protest was read as its matter, as one of a pact is ("a security pact"),
    so a ban on "opposition rallies" had no target; and the rallies banned were coded as held."""
    events = [e for e in text_events("Police banned every opposition rally in the capital.", "t-ban") if e["plover_type"]]
    assert [(e["cameo_code"], e["source"]["text"], e["target"]["text"]) for e in events] == [("172", "Police", "opposition")]
    passive = [e for e in text_events("The teachers' march was banned by the governor.", "t-ban") if e["plover_type"]]
    assert [(e["plover_type"], e["target"]["text"]) for e in passive] == [("COERCE", "teachers")]


def test_a_rally_broken_up_was_held() -> None:
    # control: a rally dispersed or attacked took place; only a verb of forbidding says it did not
    events = [e for e in text_events("Police broke up an opposition rally on Sunday.", "t-ban") if e["plover_type"]]
    assert "PROTEST" in {e["plover_type"] for e in events}


def test_things_thrown_at_someone_are_violence_and_a_crowds_throwing_a_riot() -> None:
    kind, code, source, target = top_event_fields("Striking dockworkers hurled bottles at the riot police outside the port.")
    assert (kind, code, source, target) == ("PROTEST", "145", "Striking dockworkers", "riot police")
    kind, code, source, target = top_event_fields("A reporter threw his shoe at the visiting prime minister in Basra on Sunday.")
    assert (kind, code, source, target) == ("ASSAULT", "180", "reporter", "visiting prime minister")


def test_things_thrown_elsewhere_are_no_act() -> None:
    # control: the pattern needs someone to throw at
    assert not [e for e in text_events("The cook threw the eggs into a bowl of flour.") if e["plover_type"]]
