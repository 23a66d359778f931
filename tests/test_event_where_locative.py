"""``event_where._after_locative`` replaced a regex compiled per place name; it must answer as that regex did,
on texts the test builds: leads with several spaces or line breaks, hyphenated words, names glued to a
word, leads inside words ("Berlin", "cat"), up to and past four words between the lead and the name."""

from __future__ import annotations

import random
import re

from streams.extraction.event_where import _after_locative


def _by_regex(text: str, name: str) -> bool:
    return re.search(r"\b(?:in|at|near|outside)\s+(?:[\w-]+\s+){0,4}" + re.escape(name), text) is not None


def test_after_locative_answers_like_the_regex() -> None:
    rng = random.Random(5)
    names = ["Herat", "New York", "Mazar-i-Sharif", "St. Louis", "Gaza", "Ab"]
    words = ["in", "at", "near", "outside", "inside", "the", "northern", "city", "of", "cat", "Berlin", "main",
             "war-torn", "town", "x", "in-depth", "Herats", "Gazan", ",", ".", "(", "New", "York"]
    gaps = [" ", " ", "  ", "\n", "\t ", ", ", "-", ""]
    for _ in range(3000):
        pieces = [rng.choice(words + names) for _ in range(rng.randint(1, 14))]
        text = "".join(p + rng.choice(gaps) for p in pieces)
        name = rng.choice(names)
        assert _after_locative(text, name) == _by_regex(text, name), (text, name)


def test_after_locative_counts_the_words_between() -> None:
    assert _after_locative("fighting in the northern city of Herat", "Herat")
    assert not _after_locative("fighting in the far northern mountain city of Herat", "Herat")  # five words between
    assert not _after_locative("Berlin Herat", "Herat") and not _after_locative("cat Herat", "Herat")
    assert _after_locative("talks at\n  Gaza", "Gaza")
