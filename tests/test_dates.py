"""resolve_date: relative phrases anchored on published_at, never guessed without it."""

from __future__ import annotations

import pytest

from streams.extraction.dates import date_phrase, resolve_date

PUB = "2024-03-27T10:00:00Z"  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("this Tuesday", "2024-03-26"),
        ("on Tuesday", "2024-03-26"),
        ("this Wednesday", "2024-03-27"),
        ("last Wednesday", "2024-03-20"),
        ("next Friday", "2024-03-29"),
        ("Sunday's race", "2024-03-24"),
        ("late Thursday", "2024-03-21"),
        ("yesterday", "2024-03-26"),
        ("last night", "2024-03-26"),
        ("today", "2024-03-27"),
        ("this morning", "2024-03-27"),
        ("tomorrow", "2024-03-28"),
        ("3 days ago", "2024-03-24"),
        ("two weeks ago", "2024-03-13"),
        ("October 7", "2023-10-07"),
        ("Oct. 7", "2023-10-07"),
        ("7 October", "2023-10-07"),
        ("March 25", "2024-03-25"),
        ("April 2", "2024-04-02"),
        ("7 October 2023", "2023-10-07"),
        ("Sunday, Nov. 13, 2016", "2016-11-13"),
        ("2016-11-08", "2016-11-08"),
    ],
)
def test_resolves_against_publication(text: str, expected: str) -> None:
    assert resolve_date(text, PUB) == expected


@pytest.mark.parametrize("text", ["this Tuesday", "yesterday", "October 7", "today", "3 days ago"])
def test_relative_without_anchor_is_none(text: str) -> None:
    assert resolve_date(text, None) is None


def test_absolute_without_anchor() -> None:
    assert resolve_date("November 8, 2016", None) == "2016-11-08"


@pytest.mark.parametrize("text", ["last month", "2016", "recently", "Less than a week earlier", "a day", "the season", "Feb 30", "", "x" * 10_000])
def test_vague_or_invalid_is_none(text: str) -> None:
    assert resolve_date(text, PUB) is None


@pytest.mark.parametrize("pub", ["not a date", "2024-13-45", ""])
def test_bad_anchor_is_ignored(pub: str) -> None:
    assert resolve_date("yesterday", pub) is None
    assert resolve_date("7 October 2023", pub) == "2023-10-07"


def test_anchor_formats() -> None:
    assert resolve_date("yesterday", "2016-11-09 00:00:00") == "2016-11-08"
    assert resolve_date("yesterday", "2016-11-09") == "2016-11-08"
    assert resolve_date("yesterday", "2016-11-09T23:30:00-05:00") == "2016-11-08"


def test_date_phrase_trims_parser_overreach() -> None:
    assert date_phrase("November 9, 2016 Police") == "November 9, 2016"
    assert date_phrase("Nov 9, 2016 at 1:57am") == "Nov 9, 2016 at 1:57am"
    assert date_phrase("this Tuesday") == "this Tuesday"
