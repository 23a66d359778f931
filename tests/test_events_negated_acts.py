"""An act noun is negated by "no" and as the subject of a negated verb of occurring (``modality.is_negated``).

Sentences are the team's own. "No arrests were made" reports that nobody was arrested, and "the talks did not take
place" that nobody met; before, both coded the act as done (an arrest, a consultation), since only a negation on the
noun itself or on a verb above it counted. The subject of any other negated verb keeps its act: a strike that "did
not stop the vote" happened. With them, "take place" (``event_verbs.tsv``): a happening, no seizure.
"""

from __future__ import annotations

from conftest import text_events


def _acts(text: str, plover: str) -> list[dict]:
    return [e for e in text_events(text) if e["plover_type"] == plover]


def test_no_before_an_act_or_its_party_negates_it() -> None:
    for text in ("No arrests of opposition activists were reported in Harare on Monday.",
                 "Riot police in Harare made no arrests of opposition activists on Monday."):
        found = _acts(text, "COERCE")
        assert found and all(e["negated"] for e in found), text


def test_an_act_that_did_not_take_place_is_negated() -> None:
    """(What a speaker says of an act that did not happen may leave the sentence a statement: no event at all.)"""
    for text in ("The Kremlin said that talks with Kyiv were not possible this year.",
                 "Officials said the planned negotiations with the rebels did not take place."):
        assert not any(not e["negated"] for e in _acts(text, "CONSULT")), text


def test_taking_place_is_no_seizure() -> None:
    """PETRARCH2's "take" alone codes a seizure (171); "take place" is a happening, coded only by what happened."""
    events = text_events("Rallies by students took place in several cities on Saturday.")
    assert not any(e["cameo_code"].startswith("17") for e in events)
    fighting = text_events("Fierce fighting between the army and the rebels took place near the airport.")
    assert "ASSAULT" in [e["plover_type"] for e in fighting]


def test_the_subject_of_another_negated_verb_keeps_its_act() -> None:
    found = _acts("An attack by rebels on the garrison did not stop the elections in the province.", "ASSAULT")
    assert found and not any(e["negated"] for e in found)


def test_an_act_told_in_a_rejected_claim_is_no_event() -> None:
    # modality._in_rejected_claim: the "that" clause of an allegation, claim or report that the subject denies,
    # rejects or dismisses says what the subject disputes, as "denied that ..." does: told only as denied, no event
    # of the sentence (modality.is_denied; it was once published negated)
    assert _acts("The ministry rejected claims that its troops had shelled a refugee camp near the border.", "ASSAULT") == []
    found = _acts("Aid groups published reports that troops had shelled a refugee camp near the border.", "ASSAULT")
    assert found and not any(e["negated"] for e in found)


def test_an_act_a_deal_or_talks_provide_for_is_hypothetical() -> None:
    # modality._provided_for: an act in the "for" / "on" phrase of a deal, a plan or talks (or of a verb whose object
    # is one) is what is sought or agreed, not done yet
    found = _acts("Egypt brokered an agreement between the two factions for the release of all detainees.", "RETREAT")
    assert found and all(e["hypothetical"] for e in found)
