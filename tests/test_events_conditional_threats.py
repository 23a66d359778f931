"""A coercive or violent act told for the future on a condition the other side is to meet is a threat of it, not the
act (``modality.on_condition``, ``frames._threats``), on sentences of the team's own. CAMEO's 13 is such a statement
held over another party; the act itself has not happened. Of two threats the sentence could make, the likelier act
threatened decides (``builder._SentenceCoder._choose``): a union that would strike threatens a walkout."""

from __future__ import annotations

from conftest import text_events, top_event_fields


def test_a_cut_on_a_condition_is_a_threat_of_it() -> None:
    kind, code, source, target = top_event_fields("Moscow will halt oil deliveries to Minsk if the transit fee is not lowered.")
    assert (kind, code[:3], source, target) == ("THREATEN", "131", "Moscow", "Minsk")


def test_force_unless_the_other_side_yields_is_a_threat_of_force() -> None:
    kind, code, source, _ = top_event_fields("The army will storm the rebel camps unless the fighters surrender by Friday.")
    assert (kind, code[:3], source) == ("THREATEN", "138", "army")


def test_a_strike_on_a_condition_threatens_a_walkout() -> None:
    kind, code, source, _ = top_event_fields("The nurses' union said it would strike next week if the hospital rejected its demands.")
    assert (kind, code, source) == ("THREATEN", "133", "nurses' union")


def test_the_same_act_with_no_condition_stays_the_act() -> None:
    assert top_event_fields("Moscow halted oil deliveries to Minsk on Monday.")[0] == "SANCTION"
    # a condition on a cooperative act keeps it an intent, no threat
    assert not [e for e in text_events("Kenya will send aid to Somalia if the rains fail again.") if e["plover_type"] == "THREATEN"]
