"""Headlines whose plural subject is also a verb's "-s" form, and participle clauses in headlines (issue 14).

- A plural noun that is also a verb's "-s" form ("forces") right before the base form of a verb of the dictionary is
  that verb's subject, not a verb itself: "X forces detain Y" is the detention (``headline_verbs._plural_before_verb``);
  where the plural names people, even a verb that also spells an act noun ("attack") is the verb.
- A noun compounded on the headline's subject is part of its words ("Security forces", ``_opening_compound``).
- A participle clause on the object ("... journalist covering the vote") is no finite verb: the headline's verb is
  still restored (``restore_headline_verb``).

Sentences written for this file.
"""

from __future__ import annotations

from conftest import text_events


def _top(text: str) -> tuple[str | None, str, str | None] | None:
    events = text_events(text)
    if not events:
        return None
    top = max(events, key=lambda e: e["confidence"])
    return top["plover_type"], top["source"]["text"], (top["target"] or {}).get("text")


def test_a_plural_subject_before_a_base_verb_is_its_subject() -> None:
    assert _top("Security forces detain blogger") == ("COERCE", "Security forces", "blogger")
    assert _top("Rebel forces free hostages") == ("RETREAT", "Rebel forces", "hostages")


def test_a_plural_of_people_before_a_verb_spelling_an_act_noun() -> None:
    assert _top("Government forces attack convoy")[:2] == ("ASSAULT", "Government forces")


def test_a_participle_clause_on_the_object_leaves_the_verb_restorable() -> None:
    assert _top("Security forces detain reporter covering election") == ("COERCE", "Security forces", "reporter")


def test_a_singular_subject_keeps_its_verb() -> None:
    # control: "Army" is singular, "shells" its verb
    assert _top("Army shells rebel-held villages")[:2] == ("ASSAULT", "Army")
