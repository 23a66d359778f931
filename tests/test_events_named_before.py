"""A body the story named before, referred to as "the coalition", "the party", "the agency" (issue 14, ``owner=the``
in ``event_agents.tsv``). Sentences are the team's own.

These nouns name no actor with a modifier that names no owner ("a travel agency", "the farmers' coalition" is no
army), but with "the" alone they refer to the body the story is about, and a sentence read alone still codes it.
"""

from __future__ import annotations

from conftest import text_events, top_typed_event


def _typed(text: str) -> list[dict]:
    return [e for e in text_events(text, "t-named-before") if e["plover_type"]]


def test_the_coalition_alone_is_an_actor() -> None:
    top = top_typed_event(_typed("The coalition carried out air raids on militia bases overnight."))
    assert (top["plover_type"], top["source"]["text"]) == ("ASSAULT", "coalition")


def test_the_party_and_the_commission_alone_are_actors() -> None:
    assert top_typed_event(_typed("The party accused the electoral board of bias."))["source"]["text"] == "party"
    assert top_typed_event(_typed("The commission criticised Hungary over its media law."))["source"]["text"] == "commission"


def test_an_agency_with_a_modifier_that_names_no_owner_is_no_actor() -> None:
    events = _typed("A travel agency criticised the airline over refunds.")
    assert not any(e["source"]["text"] == "travel agency" for e in events), events


def test_a_bare_modifier_is_made_definite_by_its_heads_article() -> None:
    # "a coalition raid" is a raid by the coalition: the modifier has no article of its own
    top = top_typed_event(_typed("A coalition raid destroyed a rebel depot near the port."))
    assert top["source"]["sector"] == "MIL"
    assert top["source"]["text"].startswith("coalition")
