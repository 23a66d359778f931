"""Every regex of the extraction stage that sees article text runs in linear time.

The patterns are found by scanning the modules of ``streams.extraction`` (and its
``events`` package) for compiled ``re`` patterns, so a new one is tested without
being listed here. Each is run on adversarial inputs (long runs of one character,
repeated lead words with no match after them, digit runs without the hyphen a
pattern waits for): CPU time on 10x the input / time on the input stays far below
the 100x of a quadratic pattern. Ratios measured in one run, no wall-clock bar.
"""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

import streams.extraction
import streams.extraction.events
from test_cleaning_lexicon import MAX_RATIO, _ADVERSARIAL, _ratio

_EXTRA = {  # shapes that defeat the extraction's own patterns when a repetition is unbounded
    "lead-words": lambda n: ("at " * n)[:n],
    "digit-run-dash": lambda n: "1" * (n - 1) + " ",
    "time-lead": lambda n: ("shortly after " * n)[:n],
    "spaced-digits": lambda n: ("1" + " " * 40) * (n // 41 + 1),
    "dateline-caps": lambda n: (" AB (" + "AB " * 40) * (n // 125 + 1),
    "ands": lambda n: ("and " * n)[:n],
}
INPUTS = {**{k: _ADVERSARIAL[k] for k in ("letters", "spaces", "digits", "titled", "capitals", "parens", "sentences")}, **_EXTRA}


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    found = []
    for package in (streams.extraction, streams.extraction.events):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for name, value in vars(module).items():
                if isinstance(value, re.Pattern) and value.pattern:
                    found.append((f"{module.__name__.removeprefix('streams.extraction.')}.{name}", value))
    return found


PATTERNS = _patterns()


def test_the_scan_finds_the_stage_patterns():
    names = {n for n, _ in PATTERNS}
    assert {"event_when._CLOCK_TIME", "event_when._AGE", "places._SPLIT", "event_where._DATELINE"} <= names


@pytest.mark.parametrize("name,pattern", PATTERNS, ids=[n for n, _ in PATTERNS])
def test_extraction_patterns_grow_linearly(name, pattern):
    def run(text: str) -> None:
        for _ in pattern.finditer(text):
            pass

    worst = max((_ratio(run, make, small=2_000), kind) for kind, make in INPUTS.items())
    assert worst[0] < MAX_RATIO, f"{name} on {worst[1]}: 10x input took {worst[0]:.0f}x the time"


def test_the_old_clock_time_pattern_is_caught():
    """The check can fail: the clock-time pattern as it was (an unbounded repeated lead word) is quadratic."""
    old = re.compile(r"(?:\b(?:at|around|about)\s+)*\b\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.m\.|[ap]m\b)", re.I)
    assert _ratio(lambda t: list(old.finditer(t)), _EXTRA["lead-words"], small=2_000) > MAX_RATIO


def test_clock_times_still_found():
    from streams.extraction.event_when import _AGE, _CLOCK_TIME

    found = [m.group().strip() for m in _CLOCK_TIME.finditer("Shots rang out at around 6 a.m. and again at 14:30 local time.")]
    assert found == ["at around 6 a.m.", "14:30 local time"]
    assert _AGE.search("a 34-year-old farmer") and not _AGE.search("in 2024 the farmer")
