"""Sentences that open with something before their subject: a participle clause whose noun the parser took the
subject for an apposition of (``slots.opening_participle_subject``).

Sentences are the team's own, written to show each phenomenon.
"""

from __future__ import annotations

from conftest import top_event_fields


def test_the_subject_after_an_opening_participle_clause_is_the_doer() -> None:
    # the parser makes "Speaking" the verb's clausal subject and the chairman an apposition of the city
    fields = top_event_fields("Speaking to supporters in Lagos, the party's national chairman, Musa Bello, accused the governor of rigging the primaries.")
    assert fields[0] == "ACCUSE" and "Musa Bello" in fields[2]
    fields = top_event_fields("Addressing reporters in Geneva, the Iranian foreign minister, Ali Rezaei, rejected the proposal.")
    assert fields[0] == "REJECT" and "Ali Rezaei" in fields[2]


def test_a_description_of_the_place_is_not_the_doer() -> None:
    # the parser joins the city's description and the subject as one list ("the French capital" and "the president")
    fields = top_event_fields("Speaking to reporters in Paris, the French capital, the Ukrainian president, Volodymyr Zelensky, "
                              "thanked France for its support.")
    assert fields[0] == "SUPPORT" and "Volodymyr Zelensky" in fields[2] and "capital" not in fields[2]
    fields = top_event_fields("Addressing a crowd in Kano, the commercial hub, the governor, Abba Yusuf, condemned the killings.")
    assert fields[0] == "ACCUSE" and "Abba Yusuf" in fields[2] and "hub" not in fields[2]


def test_a_subject_left_inside_an_opening_clause_is_found() -> None:
    # the parser gives the verb no subject at all, and joins the candidate to the city's description
    fields = top_event_fields("Campaigning in Kaduna, the northern city, the candidate, Peter Obi, accused the governing party of fraud.")
    assert fields[0] == "ACCUSE" and "Peter Obi" in fields[2]


def test_a_subject_the_parser_found_stays() -> None:
    # control: with the subject parsed as one, the opening clause changes nothing
    fields = top_event_fields("Speaking to journalists in Kano, the governor condemned the attack on the market.")
    assert fields[0] == "ACCUSE" and fields[2] == "governor"
    fields = top_event_fields("Speaking in Abuja, the capital, the president accused the opposition of sabotage.")
    assert fields[0] == "ACCUSE" and fields[2] == "president"
