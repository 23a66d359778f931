"""Who did an act of force that a passive names no agent for (issue 14).

Sentences are the team's own. When those an act befell are the subject of a passive (or of a verb of dying) and
the act is named by the noun of its "in"/"during" phrase, that noun's phrase says who did it: its "by" agent or
possessor ("killed in an ambush by X", "in X's offensive"), who claimed it or is blamed for it ("an attack claimed
by X", "a bombing blamed on X"), or the party the victims fought ("killed in a clash with X"). A fight between two
named parties ("wounded in fighting between A and B") names no single doer.
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


def _top(text: str) -> dict:
    return top_typed_event(text_events(text, "t-fights"))


def test_the_party_the_victims_fought_is_the_doer() -> None:
    top = _top("Three border guards were killed on Sunday in a clash with smugglers near the river.")
    assert top["plover_type"] == "ASSAULT"
    assert top["source"]["text"] == "smugglers"
    assert top["target"]["text"] == "border guards"


def test_injured_in_clashes_with_police() -> None:
    top = _top("Dozens of students were injured in clashes with riot police outside the campus.")
    assert top["source"]["text"] == "riot police"
    assert "students" in top["target"]["text"]


def test_an_attack_claimed_by_a_group_is_its_act() -> None:
    top = _top("Six police officers were killed in an attack claimed by a jihadist group.")
    assert top["source"]["text"] == "jihadist group"
    assert top["target"]["text"] == "police officers"


def test_a_fight_between_two_parties_names_no_single_doer() -> None:
    top = _top("Two farmers were wounded in fighting between the army and the rebels.")
    assert top["plover_type"] == "ASSAULT"
    assert top["source"]["text"] == ""
    assert top["target"]["text"] == "farmers"


def test_meeting_with_someone_is_unchanged() -> None:
    top = _top("The foreign minister met with rebel envoys in Doha.")
    assert top["plover_type"] == "CONSULT"
    assert top["source"]["text"] == "foreign minister"


def test_a_phrase_on_a_coordinated_participle_serves_both() -> None:
    top = _top("Four border guards were killed and two others wounded on Friday in an ambush by smugglers.")
    assert top["source"]["text"] == "smugglers"
    assert top["target"]["text"] == "border guards"


def test_the_doer_of_an_agentless_passive_can_be_the_subject_of_its_when_clause() -> None:
    # "were killed when X ambushed them": the clause's act of force is what they suffered, and X did it
    top = top_typed_event(text_events("Three border guards were killed when smugglers ambushed their jeep at dawn.", "t-fight"))
    assert top["plover_type"] == "ASSAULT"
    assert top["source"]["text"] == "smugglers"
    assert top["target"]["text"] == "border guards"
    # a weapon as the clause's subject names no doer
    top = top_typed_event(text_events("Five people were killed when a bomb exploded in a crowded market.", "t-fight"))
    assert top["source"]["text"] == ""


def test_a_fight_among_those_one_plural_phrase_names_is_theirs() -> None:
    # "between A and B" names two parties; "between rival militias" one plural party fighting among itself
    top = top_typed_event(text_events("Heavy clashes erupted between rival militias in the oil port.", "t-fight"))
    assert top["plover_type"] == "ASSAULT"
    assert top["source"]["text"] == "rival militias"
    assert top["target"] is None


def test_who_died_when_others_used_force_died_at_their_hands() -> None:
    top = top_typed_event(text_events("Two bank guards died when robbers stormed the vault.", "t-fight"))
    assert top["plover_type"] == "ASSAULT"
    assert top["source"]["text"] == "robbers"
    assert top["target"]["text"] == "bank guards"
