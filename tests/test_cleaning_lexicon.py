"""Regexes that see article text run in linear time.

* Every pattern of the cleaning lexicons compiles under RE2 (google-re2), whose
  matching time is linear in the input for any pattern.
* Every regex that stays on Python ``re`` in ``streams/cleaning/*.py`` (they
  need look-around, which RE2 lacks, or are single character classes) grows
  linearly on adversarial input: time on 100 KB / time on 10 KB stays far
  below the 100x of a quadratic pattern. Ratios, measured in one run, not
  wall-clock bars.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time
from pathlib import Path

import pytest
import re2

import streams.cleaning
from streams.cleaning import lexicon
from streams.cleaning.repair import repair_text
from streams.cleaning.text import extract_text

DATA = Path(lexicon.__file__).resolve().parents[1] / "data"
LEXICONS = sorted(DATA.glob("cleaning_*.tsv"))
REGEX_LEXICONS = ("cleaning_boilerplate.tsv", "cleaning_not_article.tsv", "cleaning_structure.tsv")
MAX_RATIO = 30.0  # linear growth is ~10x for 10x the input; quadratic would be ~100x


@pytest.mark.parametrize("name", REGEX_LEXICONS)
def test_every_lexicon_pattern_compiles_under_re2(name):
    rows = lexicon.rows(name)
    assert rows
    for row in rows:
        assert len(row) == 3, row
        try:
            lexicon.compile_re2(row[1])
        except re2.error as exc:  # pragma: no cover - the message names the pattern
            pytest.fail(f"{name}: {row[1]!r} does not compile under RE2: {exc}")


def test_compiled_lexicons_stay_small_enough_for_re2s_fast_automaton():
    """Bounded repeats of Unicode classes blow an RE2 program up (and push matching onto the slower NFA)."""
    for name in REGEX_LEXICONS:
        groups: dict[str, list[str]] = {}
        for row in lexicon.rows(name):
            groups.setdefault(row[0], []).append(row[1])
        for kind, patterns in groups.items():
            size = lexicon.compile_re2(lexicon.alternation(patterns)).programsize
            assert size < 50_000, f"{name} {kind}: RE2 program of {size} instructions"


def test_compiled_lexicons_are_re2_objects():
    b, n = lexicon.boilerplate(), lexicon.not_article()
    for pattern in (b.stop, b.drop, b.lead, b.brk, b.trailer, b.furniture, n.error_title, n.error_text, n.wall, n.button, n.consent,
                    lexicon.lede_tokens(), lexicon.chrome_tokens()):
        assert type(pattern).__module__.split(".")[0] == "re2", type(pattern)


def test_every_data_file_names_its_source():
    for path in LEXICONS:
        lines = path.read_text("utf-8").splitlines()
        head = lines[: next((i for i, line in enumerate(lines) if line.strip() and not line.startswith("#")), len(lines))]
        assert any("origin" in line.lower() or "source" in line.lower() for line in head), path.name


def _timed(fn, text: str, loops: int) -> float:
    """Best of three, in CPU time of this process (other processes' load does not count)."""
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        for _ in range(loops):
            fn(text)
        best = min(best, time.process_time() - t0)
    return best


def _ratio(fn, make, small: int = 10_000) -> float:
    """CPU time on 10x the input / CPU time on the input, for ``fn`` on the adversarial input ``make(n)``.

    The small input is repeated until it takes a millisecond or two, the large
    one is run the same number of times: both sides well above the clock's grain.
    """
    short, long_ = make(small), make(10 * small)
    loops = 1
    while _timed(fn, short, loops) < 0.0015 and loops < 4096:
        loops *= 2
    return _timed(fn, long_, loops) / max(_timed(fn, short, loops), 1e-6)


_ADVERSARIAL = {
    "letters": lambda n: "a" * n,
    "spaces": lambda n: " " * n,
    "nbsp": lambda n: "\u00a0" * n,
    "glue": lambda n: ("aA" * n)[:n],
    "sentences": lambda n: ("a. " * n)[:n],
    "titled": lambda n: ("Aa " * n)[:n],
    "parens": lambda n: ("(a/" * n)[:n],
    "open-parens": lambda n: "(" * n,
    "digits": lambda n: "1" * n,
    "according": lambda n: ("according to the Agency " * n)[:n],
    "subscribe": lambda n: ("subscribe to the newsletter " * n)[:n],
    "capitals": lambda n: ("ABC DEF " * n)[:n],
    "cjk": lambda n: "東" * n,
}


def _python_patterns() -> list[tuple[str, re.Pattern[str]]]:
    found = []
    for info in pkgutil.iter_modules(streams.cleaning.__path__):
        module = importlib.import_module(f"streams.cleaning.{info.name}")
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found.append((f"{info.name}.{name}", value))
    return found


PYTHON_PATTERNS = _python_patterns()


def test_python_patterns_are_found():
    assert len(PYTHON_PATTERNS) >= 5  # the scan sees the modules' compiled patterns


@pytest.mark.parametrize("name,pattern", PYTHON_PATTERNS, ids=[n for n, _ in PYTHON_PATTERNS])
def test_python_re_patterns_grow_linearly(name, pattern):
    def run(text: str) -> None:
        for _ in pattern.finditer(text):
            pass
        pattern.sub(" ", text)

    worst = max((_ratio(run, make), kind) for kind, make in _ADVERSARIAL.items())
    assert worst[0] < MAX_RATIO, f"{name} on {worst[1]}: 10x input took {worst[0]:.0f}x the time"


@pytest.mark.parametrize("kind", sorted(_ADVERSARIAL))
def test_lexicon_lookups_grow_linearly(kind):
    b, n = lexicon.boilerplate(), lexicon.not_article()

    def run(text: str) -> None:
        for pattern in (b.stop, b.drop, b.lead, b.brk, b.trailer, lexicon.chrome_union()):
            pattern.fullmatch(text)
        for pattern in (b.furniture, n.error_text, n.wall, n.button, n.consent):
            pattern.search(text)

    assert _ratio(run, _ADVERSARIAL[kind]) < MAX_RATIO


@pytest.mark.parametrize("kind", ["subscribe", "glue", "sentences", "titled", "parens", "according"])
def test_text_path_and_repairs_grow_linearly(kind):
    """The whole plain-text path and the repairer, end to end, on one adversarial line and on many lines (4 KB -> 40 KB)."""
    make = _ADVERSARIAL[kind]
    assert _ratio(lambda t: extract_text(t), make, small=4_000) < MAX_RATIO
    assert _ratio(lambda t: extract_text(t.replace(" ", "\n")), make, small=4_000) < MAX_RATIO
    assert _ratio(lambda t: repair_text(t), make, small=4_000) < MAX_RATIO


def test_long_line_with_the_old_catastrophic_phrase_grows_linearly():
    """A line like the 416 KB one that took 93 s with the old ``.*X.*`` patterns (Python re): linear now."""
    def make(n: int) -> str:
        return ("Sign up for the best newsletters " * (n // 33 + 1))[:n]

    assert _ratio(lambda t: extract_text(t), make) < MAX_RATIO
