"""Act nouns the tagger or the parser misread: a plural the tagger took for a verb in "-s" that the parser made another
verb's argument is the act noun (``components._plural_read_as_verb``); a modifier the parser hung on a noun of the act
noun's compound is the act noun's too ("joint air force drills", ``frames._modifiers``).

Sentences are the team's own, written to show each phenomenon.
"""

from __future__ import annotations

from conftest import text_events


def _pairs(text: str, code: str) -> set[tuple[str, str | None]]:
    return {(e["source"]["text"], (e["target"] or {}).get("text")) for e in text_events(text) if e["cameo_code"] == code}


def test_joint_drills_read_through_a_compound_are_cooperation() -> None:
    assert _pairs("Ghana and Togo held joint air force drills near the coast.", "062") == {("Ghana", "Togo"), ("Togo", "Ghana")}


def test_joint_drills_parsed_plainly_stay_cooperation() -> None:
    # control: the modifier on the noun itself
    assert _pairs("Ghana and Togo held joint military drills near the coast.", "062") == {("Ghana", "Togo"), ("Togo", "Ghana")}
