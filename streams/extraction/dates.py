"""Date phrases -> ISO dates, relative ones anchored on the article's publication time.

Public API (stable; the coded-events stage imports it):

    resolve_date(text, published_at) -> "YYYY-MM-DD" | None

Handles what news text actually uses: "today", "yesterday", "last night",
"tomorrow", weekdays ("this Tuesday", "on Sunday", "late Thursday", "Sunday's
race" -> the latest such day on or before publication, "next Friday" -> the
following one), "N days/weeks ago", calendar dates with or without year
("October 7", "Nov. 10", "7 October 2023", "2016-11-08", "Sunday, Nov. 13,
2016"). A date without a year takes the year that puts it on or before the
publication date (news reports the past: "October 7" written in March 2024 is
2023-10-07) unless the phrase looks ahead ("next", "coming", "will").

Never guesses: a relative phrase without ``published_at``, a vague phrase ("last
month", "2016", "recently"), or an impossible date gives None. Pure rules, no
dateparser call on the hot path: it is slow and resolves vague phrases to an
arbitrary day.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_WEEKDAYS = {"monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2, "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5, "sunday": 6, "sun": 6}
_MONTH_RE = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_MDY = re.compile(_MONTH_RE + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?", re.I)
_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE + r"(?:,?\s+(\d{4})\b)?", re.I)
_WEEKDAY = re.compile(r"\b(?:(this|last|next|past|coming|on|late|early)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\b\.?", re.I)
_AGO = re.compile(r"(?<!than )\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(day|week)s?\s+ago\b", re.I)
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_TODAY = re.compile(r"\b(today|tonight|this (?:morning|afternoon|evening)|earlier today|hours? ago|minutes? ago)\b", re.I)
_YESTERDAY = re.compile(r"\b(yesterday|last night|overnight)\b", re.I)
_TOMORROW = re.compile(r"\btomorrow\b", re.I)
_FUTURE = re.compile(r"\b(next|coming|upcoming|will|until)\b", re.I)


def date_phrase(text: str) -> str:
    """The calendar-date part of a parser's DATE span ("November 9, 2016 Police" -> "November 9, 2016"); else the text."""
    m = _MDY.search(text) or _DMY.search(text) or _ISO.search(text)
    if m is None:
        return text.strip()
    end = m.end()
    rest = text[end:]
    tail = re.match(r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)?", rest, re.I)
    return text[: end + (tail.end() if tail else 0)].strip()


def resolve_date(text: str, published_at: str | None) -> str | None:
    """ISO date named by ``text`` (see module doc); None when it cannot be known from the text and anchor."""
    if not text or len(text) > 200:
        return None
    resolved = _resolve(text, _anchor(published_at))
    return resolved.isoformat() if resolved is not None else None


@lru_cache(maxsize=256)
def _anchor(published_at: str | None) -> date | None:
    if not published_at:
        return None
    value = published_at.strip().replace("Z", "+00:00")
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value[:10]).date()
    except ValueError:
        return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _resolve(text: str, anchor: date | None) -> date | None:
    m = _ISO.search(text)
    if m:
        return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    forward = bool(_FUTURE.search(text))
    m = _MDY.search(text)
    if m:
        return _calendar(_MONTHS[m.group(1).lower().rstrip(".")], int(m.group(2)), m.group(3), anchor, forward)
    m = _DMY.search(text)
    if m:
        return _calendar(_MONTHS[m.group(2).lower().rstrip(".")], int(m.group(1)), m.group(3), anchor, forward)
    if anchor is None:
        return None
    m = _AGO.search(text)
    if m:
        count = m.group(1).lower()
        n = int(count) if count.isdigit() else _NUMBERS[count]
        return anchor - timedelta(days=n * (7 if m.group(2).lower() == "week" else 1))
    if _YESTERDAY.search(text):
        return anchor - timedelta(days=1)
    if _TOMORROW.search(text):
        return anchor + timedelta(days=1)
    m = _WEEKDAY.search(text)
    if m:
        return _weekday(_WEEKDAYS[m.group(2).lower()], (m.group(1) or "").lower(), anchor, forward)
    if _TODAY.search(text):
        return anchor
    return None


def _calendar(month: int, day: int, year: str | None, anchor: date | None, forward: bool) -> date | None:
    if year is not None:
        return _safe_date(int(year), month, day)
    if anchor is None:
        return None
    candidate = _safe_date(anchor.year, month, day)
    if candidate is None:
        return None
    if forward and candidate < anchor - timedelta(days=31):
        return _safe_date(anchor.year + 1, month, day)
    if not forward and candidate > anchor + timedelta(days=7):
        return _safe_date(anchor.year - 1, month, day)
    return candidate


def _weekday(target: int, modifier: str, anchor: date, forward: bool) -> date:
    back = (anchor.weekday() - target) % 7
    if modifier in ("next", "coming") or (forward and modifier != "last"):
        ahead = (target - anchor.weekday()) % 7 or 7
        return anchor + timedelta(days=ahead)
    if modifier == "last" and back == 0:
        back = 7
    return anchor - timedelta(days=back)
