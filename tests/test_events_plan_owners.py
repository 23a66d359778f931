"""Who would do what a noun of intent plans ("a decision to impose", "a plan to release"): its possessor, or the name
or nationality standing for one; the one who made it, unless the verb is a reaction to another's plan
(``slots._plan_owner``); who brokers a deal is no party to it (``frames.owner_groups``).

Sentences are the team's own, written to show each phenomenon.
"""

from __future__ import annotations

from conftest import text_events


def _codes(text: str) -> dict[str, tuple[str, str | None]]:
    return {e["cameo_code"]: (e["source"]["text"], (e["target"] or {}).get("text")) for e in text_events(text)}


def test_a_name_before_the_plan_makes_it() -> None:
    # "the U.S. decision": the name stands where a possessor would ("Washington's decision")
    assert _codes("Caracas condemned the U.S. decision to impose new sanctions on its gold exports.")["163"][0] == "U.S."


def test_who_condemns_a_plan_did_not_make_it() -> None:
    # with no owner named, the one who condemns it is not the one who would impose the sanctions
    assert "163" not in _codes("Caracas condemned the decision to impose new sanctions on its gold exports.")


def test_who_announces_a_plan_made_it() -> None:
    # control: the maker of the plan does what it plans
    assert _codes("The government announced a decision to impose a curfew in the capital.")["1723"][0] == "government"


def test_who_brokers_a_deal_is_no_party_to_it() -> None:
    # frames.owner_groups: the agent of "brokered by" is the go-between; the signers sign with each other
    pairs = {(e["source"]["text"], (e["target"] or {}).get("text")) for e in text_events(
        "Rebels and the army signed a truce brokered by Kuwait.") if e["cameo_code"] == "057"}
    assert pairs == {("Rebels", "army"), ("army", "Rebels")}


def test_who_put_a_plan_forward_owns_it() -> None:
    # control: the agent of another participle on the object is its owner, the target of the act on it
    assert _codes("Kenya rejected the plan put forward by Uganda.")["120"] == ("Kenya", "Uganda")
