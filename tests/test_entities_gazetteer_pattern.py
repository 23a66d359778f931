"""The gazetteer's name pattern is a character trie for speed: it must find exactly the spans of the flat,
longest-first alternation it replaced (names nested in longer names, names glued to other words, names
followed by a hyphen, at the start and end of the text). Texts are built by the test from the table."""

from __future__ import annotations

import random
import re

from streams.extraction.entities import _gazetteer_pattern, _trie
from streams.extraction.gazetteer import known_surface_forms, organisation_surface_forms


def _flat(forms: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])")


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_trie_matches_like_the_flat_alternation_on_mixed_text() -> None:
    forms = known_surface_forms()
    flat, trie = _flat(forms), _gazetteer_pattern()
    rng = random.Random(3)
    glue = [" ", " ", " ", ", ", "-", "", "'s ", "s ", " of the ", "\n", " (", ") ", "/"]
    filler = ["the", "council", "said", "on", "Monday", "National", "United", "Union", "Security", "Front", "Army"]
    pieces = forms + [f[: rng.randint(1, len(f))] for f in forms] + filler * 20
    for _ in range(400):
        text = "".join(rng.choice(pieces) + rng.choice(glue) for _ in range(rng.randint(1, 30)))
        assert _spans(trie, text) == _spans(flat, text), text


def test_trie_prefers_the_longer_name_and_falls_back_to_the_shorter() -> None:
    words = ["Council", "Security Council", "Security Council Report", "Sec"]
    flat = _flat(sorted(words, key=len, reverse=True))
    trie = re.compile(r"(?<![\w-])" + _trie(words) + r"(?![\w-])")
    for text in ["the Security Council Report says", "the Security Council Reporter", "Security Councils and Council",
                 "Sec-Council", "Secs Sec Security", "Security Council-", "Council"]:
        assert _spans(trie, text) == _spans(flat, text), text
    assert _spans(trie, "the Security Council Reporter") == [(4, 20)]


def test_a_name_written_in_lower_case_is_found_capitalised_too() -> None:
    # a name the table spells with a lower-case particle ("al-...") opens a sentence or a story capitalised
    lower = [f for f in organisation_surface_forms() if f[0].islower()]
    assert lower, "the table holds names with a lower-case particle"
    pattern = _gazetteer_pattern()
    for form in lower:
        capital = form[0].upper() + form[1:]
        assert [m.group() for m in pattern.finditer(f"CITY (Agency) - {capital} said on Monday.")] == [capital]


def test_a_group_named_after_a_dateline_is_the_actor() -> None:
    from conftest import text_events, top_typed_event

    top = top_typed_event(text_events("BAGHDAD (Reuters) - Al-Shabaab warned on Wednesday that it would attack any "
                                      "polling stations.", "t-gaz"))
    assert top["plover_type"] == "THREATEN"
    assert (top["source"]["text"], top["source"]["sector"]) == ("Al-Shabaab", "REB")


def test_a_known_person_the_tagger_missed_is_the_actor() -> None:
    # the small model leaves many surnames it has not seen unmarked, above all opening a sentence; the people table
    # knows them (with their spelling variants), so the act keeps its doer, with the person's country and sector
    from conftest import text_events, top_typed_event

    top = top_typed_event(text_events("Zelenskiy appealed to Germany on Sunday for more air defence systems.", "t-gaz"))
    assert top["plover_type"] == "REQUEST"
    assert (top["source"]["canonical"], top["source"]["country"]) == ("Volodymyr Zelensky", "UKR")
    assert top["target"]["text"] == "Germany"


def test_a_person_name_inside_another_name_or_used_as_a_word_is_no_person() -> None:
    from streams.extraction.entities import resolve_entities
    from streams.extraction.nlp import parse

    # a name inside another entity ("Trump Towers", which the tagger calls a work of art), or a surname that is an
    # English adjective where the tagger reads it so ("Gallant soldiers"), names nobody
    for text in ("Protesters marched to Trump Towers in Chicago.", "Gallant soldiers held the bridge for three days."):
        doc = next(iter(parse([text])))
        persons = [e for e in resolve_entities(doc).to_list() if e["type"] == "PERSON"]
        assert persons == [], (text, persons)
