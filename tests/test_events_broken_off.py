"""Breaking off talks halts them (issue 14, ``knowledge.ENDING_PARTICLE_VERBS`` and ``frames._ending``). Sentences
are the team's own.

PETRARCH2 codes "break" with the particle "off" alone as a threat (130), whatever was broken off. A verb that ends
its object with its particle ends an act noun object as a verb of ending does (``event_endings.tsv``): talks broken
off are halted negotiations (164). A pattern that names the object keeps its own code: relations broken off are
reduced relations (161).

A treaty cancelled is relations reduced (160), as PETRARCH2's cancelling block codes a cancelled deal; its bare
treaty pattern said 131, a threat (``tools/build_event_tables.py``, align_cancelled_treaties). A threat to cancel
one stays a threat.
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


def _typed(text: str) -> list[dict]:
    return [e for e in text_events(text, "t-broken-off") if e["plover_type"]]


def test_talks_broken_off_are_halted_negotiations() -> None:
    top = top_typed_event(_typed("The separatists broke off negotiations with the federal government on Monday."))
    assert (top["cameo_code"], top["plover_type"]) == ("164", "SANCTION")
    assert (top["source"]["text"], top["target"]["text"]) == ("separatists", "federal government")


def test_relations_broken_off_keep_the_dictionary_pattern() -> None:
    assert top_typed_event(_typed("Ecuador broke off diplomatic relations with Mexico."))["cameo_code"] == "161"


def test_a_treaty_cancelled_is_relations_reduced_not_a_threat() -> None:
    top = top_typed_event(_typed("The military government annulled its defence accord with Paris on Thursday."))
    assert (top["cameo_code"], top["plover_type"]) == ("160", "SANCTION")
    assert (top["source"]["text"], top["target"]["text"]) == ("military government", "Paris")


def test_a_threat_to_cancel_a_treaty_stays_a_threat() -> None:
    top = top_typed_event(_typed("Moscow threatened to scrap the missile treaty with Washington."))
    assert top["plover_type"] == "THREATEN"
