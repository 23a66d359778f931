"""Refusals: an act refused has not happened; the refusal has (event_refusals.tsv, CAMEO 12).

Sentences are the team's own (issue 14). The refused act is the infinitive complement of a verb of PETRARCH2's
REFUSE block (refuse, decline, reject, ...). CAMEO's REJECT codes mirror the cooperative and yielding acts they
refuse (release persons → refuse to release, 1243; hold talks → reject proposal to negotiate, 125); the
record takes the act's source and target, and its negation is the refusing verb's, not the act's.
Also: freeing people is releasing persons (CAMEO 0841), and "union leaders" / "union members" are labour actors.
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


def _events(text: str) -> list[dict]:
    return text_events(text, "t-refusals")


def test_refusing_to_free_people_is_a_rejection_not_a_release() -> None:
    evs = _events("The junta refused to release the jailed union leaders on Monday.")
    top = top_typed_event(evs)
    assert top["cameo_code"] == "1243"
    assert top["plover_type"] == "REJECT"
    assert top["source"]["text"] == "junta"
    assert top["target"]["text"] == "jailed union leaders"
    assert top["negated"] is False
    assert not any(e["plover_type"] == "RETREAT" for e in evs)


def test_declining_to_negotiate_rejects_the_talks() -> None:
    top = top_typed_event(_events("The opposition alliance declined to hold talks with the ruling coalition."))
    assert top["plover_type"] == "REJECT"
    assert top["target"]["text"] == "ruling coalition"


def test_refusing_to_sign_an_accord_rejects_the_plan() -> None:
    top = top_typed_event(_events("The rebel leader refused to sign the accord with the government in Nairobi."))
    assert top["cameo_code"] == "127"
    assert top["source"]["text"] == "rebel leader"


def test_a_refusal_that_is_itself_negated_stays_negated() -> None:
    top = top_typed_event(_events("The ministry did not refuse to release the detained fishermen."))
    assert top["cameo_code"] == "1243"
    assert top["negated"] is True


def test_a_release_without_refusal_stays_a_release() -> None:
    top = top_typed_event(_events("The junta released the jailed union leaders on Monday."))
    assert top["cameo_code"] == "084"
    assert top["negated"] is False


def test_freeing_people_is_releasing_persons() -> None:
    # PETRARCH2 codes "free" by its block's default (080, yield); freeing people is CAMEO 0841 (event_person_objects.tsv)
    top = top_typed_event(_events("Kidnappers freed two aid workers after a ransom was paid."))
    assert top["cameo_code"] == "0841"
    assert top["target"]["text"] == "aid workers"


def test_freeing_people_a_pattern_names_by_their_class_is_releasing_persons() -> None:
    # PETRARCH2's "RELEASE * PRISONERS [0841]" is the verb "release"'s; for "free" it only says whom the act befell
    # (the verb keeps its default code, frames' circumstantial patterns), so it is still a freeing of people
    for text in ("The junta freed forty prisoners on the eve of the holiday.", "The regime freed nine detainees on Monday."):
        top = top_typed_event(_events(text))
        assert top["cameo_code"] == "0841", text


def test_freeing_one_person_is_releasing_a_person() -> None:
    # builder._one_person: a singular agent noun with "a" names one person ("a French engineer"), as a plural names
    # several; "a rebel group" or "a militia" (a body, roles gazetteer "org") is no person taken or freed
    for text in ("Chad freed a French engineer on Sunday after six months in detention.",
                 "A French engineer was freed by Chad on Sunday after six months in detention."):
        top = top_typed_event(_events(text))
        assert (top["cameo_code"], top["source"]["text"], top["target"]["text"]) == ("0841", "Chad", "French engineer"), text


def test_freeing_a_thing_stays_a_concession() -> None:
    top = top_typed_event(_events("The government freed the economy from state control."))
    assert top["cameo_code"] == "080"


def test_leaders_of_a_union_are_labour_actors() -> None:
    # "leaders" and "members" name people of whatever body their modifier names (participants._modifier_sector)
    top = top_typed_event(_events("Riot police detained four union leaders outside the ministry."))
    assert top["target"]["text"] == "union leaders"
    assert top["target"]["sector"] == "LAB"
    top = top_typed_event(_events("Union members met company executives on Monday."))
    assert top["source"]["sector"] == "LAB"


def test_a_verb_that_only_needs_a_companion_to_refuse_does_not_refuse() -> None:
    # "rule out" is of the REFUSE block; "ruled to release" is a court's order, not a refusal
    top = top_typed_event(_events("The appeals court ruled to release the two detained fishermen."))
    assert top["plover_type"] != "REJECT"


def test_an_act_of_assent_negated_outright_is_its_refusal() -> None:
    """Leaving undone an act of assent or of yielding is refusing it (column outright of event_refusals.tsv): the
    refusal is what happened, so it is not negated."""
    top = top_typed_event(_events("Hungary did not accept the Austrian offer on Tuesday."))
    assert (top["plover_type"], top["source"]["country"], top["negated"]) == ("REJECT", "HUN", False)
    top = top_typed_event(_events("The militia has not freed the hostages it seized in May."))
    assert (top["cameo_code"], top["target"]["text"]) == ("1243", "hostages")


def test_not_yet_an_infinitive_and_an_act_of_force_are_no_refusals() -> None:
    top = top_typed_event(_events("The senate has not yet ratified the border accord with Chile."))
    assert top["plover_type"] != "REJECT" and top["negated"] is True
    evs = _events("Both governments agreed not to station troops on the islands.")
    assert not any(e["plover_type"] == "REJECT" for e in evs)
    top = top_typed_event(_events("The army did not shell the town on Sunday."))
    assert top["plover_type"] == "ASSAULT" and top["negated"] is True


def test_an_act_refused_by_a_gerund_or_a_phrasal_refusal_is_rejected() -> None:
    """A refused act may be a gerund ("rejected holding talks") and the verb of refusal a phrasal member of the block
    ("ruled out"): before, the act was coded as done ("ruled out recognising X" recognised X)."""
    top = top_typed_event(_events("The Cypriot president ruled out recognising the breakaway northern state."))
    assert (top["plover_type"], top["source"]["text"], top["negated"]) == ("REJECT", "Cypriot president", False)
    evs = _events("The Guatemalan government rejected sending police officers to Haiti.")
    assert not any(e["plover_type"] in ("MOBILIZE", "AID", "COOPERATE") and not e["negated"] for e in evs)
    assert top_typed_event(evs)["plover_type"] == "REJECT"



def test_a_refusal_reported_by_the_one_who_refuses_is_theirs() -> None:
    """builder.code: an act left undone that is coded as its refusal ("said it would not accept the results") is
    reported speech like any act: "it" is the speaker, who refuses."""
    events = [e for e in text_events("The opposition coalition said it would not accept the results.") if e["plover_type"]]
    assert [(e["cameo_code"][:2], e["source"]["text"]) for e in events] == [("12", "opposition coalition")], events


def test_refusing_to_do_an_act_no_table_codes_is_a_rejection() -> None:
    # "refuse" codes nothing alone in the dictionary; refusing to do something is a rejection (120), as "decline" is
    top = top_typed_event(_events("The election commission refused to register the new farmers' party."))
    assert (top["cameo_code"], top["source"]["text"], top["target"]["text"]) == ("120", "election commission", "new farmers' party")
    top = top_typed_event(_events("The regulator refused to accredit reporters from the state broadcaster."))
    assert (top["cameo_code"], top["source"]["text"], top["target"]["text"]) == ("120", "regulator", "reporters")


def test_refusing_a_thing_or_to_comment_is_no_rejection_of_its_own() -> None:
    assert _events("The governor refused to comment on the audit.") == [] or all(
        e["plover_type"] != "REJECT" for e in _events("The governor refused to comment on the audit."))
    assert _events("Residents refused the new bins.") == []
