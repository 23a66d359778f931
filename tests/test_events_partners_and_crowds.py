"""Working with a partner, and crowds, recruits and observers as actors (issue 14).

Sentences are the team's own.
- "work with" codes cooperation (050, event_verbs.tsv "partner") only when its "with" names people, a state or an
  organisation; working with tools or supplies is no event (a rescue report must keep no typed event); a readiness to
  work with someone is the intent (03);
- nouns the agents dictionaries lack, in event_agents.tsv: a crowd (CVL) is fired upon or protests, recruits are
  forces, observers and monitors act only with an owner that names a state or an organisation.
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


def _typed(text: str) -> list[dict]:
    return [e for e in text_events(text, "t-partners") if e["plover_type"]]


def test_working_with_a_state_is_cooperation() -> None:
    top = top_typed_event(_typed("Japan worked with India on the new port."))
    assert top["cameo_code"] == "050"
    assert (top["source"]["text"], top["target"]["text"]) == ("Japan", "India")
    top = top_typed_event(_typed("Japan will work with India on the new port."))  # announced: the intent of it (032)
    assert (top["cameo_code"], top["target"]["text"]) == ("032", "India")
    top = top_typed_event(_typed("Japan is willing to work with India on the new port, the minister said."))
    assert top["plover_type"] == "AGREE"
    assert top["target"]["text"] == "India"


def test_working_with_things_is_no_event() -> None:
    assert _typed("Rescuers worked with heavy machinery to free the survivors.") == []
    assert _typed("Doctors worked with limited supplies through the night.") == []


def test_a_crowd_is_an_actor() -> None:
    top = top_typed_event(_typed("Police fired tear gas at the crowd on Friday."))
    assert (top["source"]["sector"], top["target"]["text"], top["target"]["sector"]) == ("COP", "crowd", "CVL")


def test_observers_need_an_owner() -> None:
    top = top_typed_event(_typed("EU observers criticised the conduct of the vote."))
    assert top["plover_type"] == "ACCUSE"
    assert top["source"]["text"] == "EU observers"
    assert _typed("The observers criticised the conduct of the vote.") == []


def test_the_parties_to_a_conflict_are_its_doers() -> None:
    # event_agents.tsv: "parties", as "sides", stand for the parties of a war or a negotiation
    events = text_events("The warring parties agreed to a week-long truce to let food convoys pass.")
    assert any(e["plover_type"] == "AGREE" and e["source"]["text"] == "warring parties" for e in events), events


def test_a_crowd_that_clashes_with_police_riots() -> None:
    """event_crowd_acts.tsv: civilians, opposition supporters or students who clash or scuffle with police protest
    violently (CAMEO 145, PROTEST); armed bodies that clash fight (190, ASSAULT)."""
    for text, source in (("Hundreds of opposition supporters clashed on Friday with riot police in Lusaka.", "opposition supporters"),
                         ("Students scuffled with police outside the parliament in Dhaka.", "Students")):
        top = top_typed_event(_typed(text))
        assert (top["cameo_code"], top["source"]["text"], top["target"]["text"].endswith("police")) == ("145", source, True), text
    top = top_typed_event(_typed("Government troops clashed with rebels near the border."))
    assert (top["plover_type"], top["cameo_code"][:2]) == ("ASSAULT", "19")


def test_a_gathering_that_only_describes_the_subject_ranks_below_its_act() -> None:
    """builder._appositive_participle: a participle between commas after the subject, which the parser made the main
    verb with the sentence's verb as its conjunct, describes the crowd; what the crowd does is the event. A protest
    told as an act of its own ("marched ... and called for") keeps its demand below it."""
    top = top_typed_event(_typed("Relatives of the missing miners, gathered outside the company offices, demanded that the "
                                 "government speed up the rescue."))
    assert (top["plover_type"], top["target"]["text"]) == ("REQUEST", "government")
    assert top_typed_event(_typed("Workers marched through the capital and called for a pay rise."))["plover_type"] == "PROTEST"


def test_firms_cooperating_with_no_party_named_is_trade_news() -> None:
    """builder: a meeting, support or cooperation whose doers are all firms (BUS) and that names no party it is done
    with is business news, no event ("exporters led the gains"); a firm's act on a state stays coded."""
    assert _typed("Exporters led the gains after the yen weakened.") == []
    assert _typed("The carmaker teamed up with a battery start-up.") == []
    top = top_typed_event(_typed("Shell signed an agreement with the Nigerian government on Monday."))
    assert (top["plover_type"], top["source"]["text"], top["target"]["text"]) == ("SUPPORT", "Shell", "Nigerian government")


def test_a_protest_held_to_press_someone_is_aimed_at_them() -> None:
    """frames.pressed_first: a protest, or a crowd's act read as one, done "to press / pressure / force X to ..." is aimed at
    X before what it blocks or where it is held."""
    for text, target in (("Fishermen blocked the port of Dakar to press the government to ban foreign trawlers.", "government"),
                         ("Students occupied the campus to force the university to cut fees.", "university"),
                         ("Workers marched to the ministry to press the government to raise wages.", "government")):
        top = top_typed_event(_typed(text))
        assert (top["plover_type"], top["target"]["text"]) == ("PROTEST", target), (text, top)
