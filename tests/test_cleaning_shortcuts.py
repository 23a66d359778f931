"""The cleaner's shortcuts answer exactly what the full tests answer.

``chrome.py`` clears a line with one pass of the union of its lexicons and
normalises whitespace with ``str.split``; ``is_caption``, ``is_credit_line``
and the glued-word repair skip lines and words that cannot match. Each test
below compares a shortcut with the long way round on lines written by the team
and on random mixtures of them.
"""

from __future__ import annotations

import random
import re
import sys

from streams.cleaning import chrome
from streams.cleaning.language import LONG_LETTERS, MIN_LETTERS, _letters
from streams.cleaning.lexicon import boilerplate, chrome_union, not_article

LINES = [
    "Share this article",
    "Leave a Reply",
    "Related stories:",
    "Subscribe to our daily newsletter for the latest headlines",
    "We use cookies to improve your experience on this site",
    "Accept all cookies",
    "Advertisement - scroll to continue reading",
    "3 comments",
    "Check Also",
    "Photo: Lena Ortiz (Harbor Wire/Staff)",
    "By Tomas Reyes and Ana Weiss | Harbor Wire",
    "Posted in World, Politics",
    "Copyright 2031 Example Media. All rights reserved.",
    "The council voted on Tuesday to close the old bridge to lorries until the spring repairs are done.",
    "Fishermen in the bay said the new quota would halve their winter catch.",
    "(with information from Harbor Wire)",
    "Home > News > Region",
    "Read more \u00bb",
    "12 min read",
    "Tags: bridges, council, budget",
    "Log in to keep reading this story",
    "Most read",
    "Image 3 of 12",
    "",
    "\u00a0",
]


def _individual(s: str) -> int:
    bp, lex = boilerplate(), not_article()
    flags = 1 if bp.drop.fullmatch(s) else 0
    flags |= 2 if bp.stop.fullmatch(s) else 0
    flags |= 4 if bp.brk.fullmatch(s) else 0
    flags |= 8 if lex.wall.search(s) or lex.button.search(s) or lex.consent.search(s) else 0
    return flags


def _mixtures(n: int = 400) -> list[str]:
    rng = random.Random(5)
    words = " ".join(LINES).split()
    spaces = [" ", "  ", "\t", "\u00a0", "\u2009", "\u3000", "\n", "\x0b", "\x1c", "\x85", "\u2028"]
    out = []
    for _ in range(n):
        parts = rng.sample(words, rng.randint(1, 12))
        out.append("".join(p + rng.choice(spaces) for p in parts))
    return out


def test_norm_matches_the_regex_normaliser_for_every_whitespace_character() -> None:
    spaces = "".join(chr(c) for c in range(sys.maxunicode + 1) if re.fullmatch(r"\s", chr(c)))
    assert spaces == "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())
    for line in [*LINES, *_mixtures(), spaces, f"{spaces}a{spaces}b{spaces}"]:
        assert chrome.norm(line) == re.sub(r"\s+", " ", line).strip()


def test_the_union_pass_agrees_with_each_lexicon() -> None:
    for line in [*LINES, *_mixtures()]:
        s = chrome.norm(line)
        if len(s) > chrome.MAX_CHROME_LINE:
            continue
        want = _individual(s)
        assert bool(chrome_union().fullmatch(s)) == bool(want), s
        assert chrome._verdict(s) == want, s


def test_verdicts_name_the_lexicon_that_matched() -> None:
    assert chrome.is_drop("Share this article") and not chrome.is_stop("Share this article")
    assert chrome.is_stop("Leave a Reply") and chrome.is_end("Leave a Reply")
    assert chrome.is_break("Check Also") and chrome.is_stop("Check Also") and not chrome.is_end("Check Also")
    prose = "The council voted on Tuesday to close the old bridge to lorries until the spring repairs are done."
    assert not chrome.is_chrome_line(prose)
    assert chrome.is_chrome_line("Leave a Reply") and chrome.is_chrome_line("Share this article")


def test_caption_and_credit_shortcuts_keep_their_answers() -> None:
    captions = [
        "Photo: Lena Ortiz (Harbor Wire/Staff)",
        "Crowds gather outside the station after the evening strike (Harbor Wire/Lena Ortiz)",
        "Crowds gather outside the station after the evening strike. Photo credit: Lena Ortiz",
    ]
    assert chrome.is_caption(captions[0]) and chrome.is_caption(captions[1]) and chrome.is_caption(captions[2])
    assert not chrome.is_caption("Crowds gather outside the station after the evening strike, police said")
    assert chrome.is_credit_line("  (with information from Harbor Wire)  ")
    assert not chrome.is_credit_line("Officials spoke (with information from Harbor Wire)")


def test_letters_are_exact_below_the_threshold_and_enough_above_it() -> None:
    for text in ["", "12 34", "ab", "abc", "a" * 99, "a1" * 60, "x" * 5000, "é" * 150]:
        full = sum(c.isalpha() for c in text)
        got = _letters(text, LONG_LETTERS)
        assert (got < MIN_LETTERS) == (full < MIN_LETTERS)
        assert (got >= LONG_LETTERS) == (full >= LONG_LETTERS)
        if full < LONG_LETTERS:
            assert got == full
