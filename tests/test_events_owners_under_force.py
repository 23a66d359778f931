""""their" on what an act of force is done to names the harmed, never the doer (``Participants._owner_under_force``).

Sentences are the team's own. News tells the target of an attack through what it hit: "opened fire on their bus",
"shelled their village". The pronoun's owners are whom the clause the attack's own clause hangs on has for subject
("were left homeless after raiders burned their huts"), else whoever reports it ("..., the guards said"). Before, the pronoun was
read as the attackers' own (the clause's subject), a record of no target. A release is no act of force: "freed their
captives" keeps the doer's own, and an attack told with no one else to own the thing keeps no target.

And PETRARCH2's patterns of burning or destroying "houses" (1712, property destroyed) fit homes and huts too
(``event_pattern_nouns.tsv``): before, "burned their huts" coded nothing at all.
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


HARMED = {
    # text: (source, target) of the top event, an assault
    "Students scattered when riot police stormed their dormitory.": ("riot police", "Students"),
    "Herders were left homeless after raiders burned their huts.": ("raiders", "Herders"),
    "Gunmen ambushed their convoy near the frontier, the peacekeepers said.": ("Gunmen", "peacekeepers"),
    "Nine farmers were wounded when militiamen fired on their tractors.": ("militiamen", "farmers"),
}


def test_their_thing_hit_by_force_is_the_harmed_partys() -> None:
    for text, (source, target) in HARMED.items():
        top = top_typed_event(text_events(text))
        assert top["plover_type"] == "ASSAULT", text
        assert (top["source"]["text"], (top["target"] or {}).get("text")) == (source, target), text


def test_no_one_else_to_own_it_and_a_release_keep_their_reading() -> None:
    alone = top_typed_event(text_events("Rebel fighters shelled their positions before dawn."))
    assert alone["plover_type"] == "ASSAULT" and alone["target"] is None
    freed = [e for e in text_events("The kidnappers released their captives, the coast guard said.") if e["plover_type"]]
    assert freed and not any((e["target"] or {}).get("text") == "coast guard" for e in freed)


def test_huts_burned_are_property_destroyed_as_houses_are() -> None:
    top = top_typed_event(text_events("Raiders burned the huts of nomadic herders."))
    assert (top["cameo_code"], top["source"]["text"]) == ("1712", "Raiders")
