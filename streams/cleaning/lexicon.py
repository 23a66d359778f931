"""Loads the ``streams/data/cleaning_*.tsv`` lexicons once per process.

The phrases live in data files (each entry says where it came from) so that
adding a site's "Share this" variant is a data change, not a code change.

Every pattern that is matched against article text is compiled with RE2
(``google-re2``): its matching time is linear in the length of the text for any
pattern, so a hostile or merely huge page cannot make a lexicon lookup take
seconds (Python's backtracking ``re`` took 93 s on a 416 KB line with the old
``.*X.*`` patterns). A pattern RE2 cannot compile is a bug in the data file and
fails at load time (tests compile every entry).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import re2

from ..data import rows

# RE2 keeps a compiled automaton per pattern; the alternations of a whole
# lexicon action need more than the 8 MiB default on some actions.
_MAX_MEM = 64 << 20




def compile_re2(pattern: str, *, ignore_case: bool = True, capture: bool = True) -> "re2._Regexp":
    """A linear-time RE2 regex (UTF-8, case-insensitive unless told otherwise).

    Should an automaton outgrow its memory budget, RE2 falls back to its NFA:
    slower, still linear; the fallback is not logged (it would be per call).
    ``capture=False`` makes every group non-capturing: for a regex only asked
    whether it matches, RE2 can then answer an anchored match with its DFA
    alone instead of a submatch engine (several times faster on prose lines).
    """
    options = re2.Options()
    options.case_sensitive = not ignore_case
    options.never_capture = not capture
    options.max_mem = _MAX_MEM
    options.log_errors = False
    return re2.compile(pattern, options)


def alternation(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns) if patterns else "[^\\s\\S]"  # the empty set matches nothing


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """One compiled alternation per action; call ``.fullmatch(line)`` (``furniture``: ``.search``).

    Lexicon regexes only say whether a line matches: compiled without capturing groups (``compile_re2``).
    """

    stop: "re2._Regexp"
    drop: "re2._Regexp"
    lead: "re2._Regexp"
    brk: "re2._Regexp"
    trailer: "re2._Regexp"
    furniture: "re2._Regexp"


_ACTIONS = {"stop": "stop", "drop": "drop", "lead": "lead", "break": "brk", "trailer": "trailer", "furniture": "furniture"}


@lru_cache(maxsize=4)
def _entries(table: str, kinds: tuple[str, ...]) -> dict[str, list[str]]:
    """A lexicon's patterns by kind (its first column), in file order; every kind of the table must be one of ``kinds``.
    Read once per table, shared by the regexes built from it (``boilerplate``, ``not_article``, ``chrome_union``)."""
    out: dict[str, list[str]] = {k: [] for k in kinds}
    for row in rows(table):
        if row[0] not in out:
            raise ValueError(f"{table}: unknown kind {row[0]!r}")
        out[row[0]].append(row[1])
    return out


_BOILERPLATE_KINDS = tuple(_ACTIONS)
_NOT_ARTICLE_KINDS = ("error_title", "error_text", "wall", "button", "consent")


@lru_cache(maxsize=1)
def boilerplate() -> Boilerplate:
    entries = _entries("cleaning_boilerplate.tsv", _BOILERPLATE_KINDS)
    groups = {_ACTIONS[kind]: list(patterns) for kind, patterns in entries.items()}
    groups["trailer"] = [f"(?:{alternation(groups['trailer'])})\\s*:?"]
    return Boilerplate(**{k: compile_re2(alternation(v), capture=False) for k, v in groups.items()})


@dataclass(frozen=True, slots=True)
class NotArticle:
    """Phrases of pages that hold no article, by kind (see ``cleaning_not_article.tsv``)."""

    error_title: "re2._Regexp"  # fullmatch on a title/h1 (after stripping the site name)
    error_text: "re2._Regexp"  # search in a short page's text
    wall: "re2._Regexp"  # search in a line: subscription / log-in wall
    button: "re2._Regexp"  # search in a line: subscribe / log-in button (chrome, not evidence of a wall)
    consent: "re2._Regexp"  # search in a line: cookie / consent interstitial


@lru_cache(maxsize=1)
def not_article() -> NotArticle:
    groups = _entries("cleaning_not_article.tsv", _NOT_ARTICLE_KINDS)
    return NotArticle(**{k: compile_re2(alternation(v), capture=False) for k, v in groups.items()})


@lru_cache(maxsize=1)
def chrome_union() -> "re2._Regexp":
    """Fullmatches a line that some drop, stop or break entry fullmatches or some wall, button or consent entry is found in.

    One pass that clears most lines (prose matches nothing); which entry matched
    is asked only of the lines that pass. The lines it is used on are
    whitespace-normalised (no line break), so ``.*X.*`` is a search for ``X``.
    """
    lines = _entries("cleaning_boilerplate.tsv", _BOILERPLATE_KINDS)
    phrases = _entries("cleaning_not_article.tsv", _NOT_ARTICLE_KINDS)
    whole = [alternation(lines["drop"]), alternation(lines["stop"]), alternation(lines["break"])]
    found = [*phrases["wall"], *phrases["button"], *phrases["consent"]]  # order is no matter: only whether one matches
    return compile_re2(alternation([*whole, f".*(?:{alternation(found)}).*"]), capture=False)


@lru_cache(maxsize=1)
def agencies() -> dict[str, str]:
    """alias -> canonical agency name."""
    out: dict[str, str] = {}
    for row in rows("cleaning_agencies.tsv"):
        for alias in row[1].split("|"):
            out[alias.strip()] = row[0]
    return out


@lru_cache(maxsize=1)
def camel_words() -> frozenset[str]:
    """Words written with an inner capital on purpose (brands, names): never split."""
    return frozenset(row[0] for row in rows("cleaning_camelcase.tsv"))


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Capitalised function words that start a clause (evidence for splitting a glued word)."""
    return frozenset(row[0].strip() for row in rows("cleaning_function_words.tsv"))


@lru_cache(maxsize=1)
def open_endings() -> frozenset[str]:
    """Lower-case words a sentence does not end on: a line ending with one is hard-wrapped (``cleaning_open_endings.tsv``)."""
    return frozenset(row[0] for row in rows("cleaning_open_endings.tsv"))


@lru_cache(maxsize=1)
def lede_tokens() -> "re2._Regexp":
    """Class/id tokens that name an article's standfirst (``cleaning_structure.tsv``, kind ``lede``)."""
    return _structure("lede")


@lru_cache(maxsize=1)
def chrome_tokens() -> "re2._Regexp":
    """Class/id tokens of page furniture around an article (``cleaning_structure.tsv``, kind ``chrome``)."""
    return _structure("chrome")


def _structure(kind: str) -> "re2._Regexp":
    return compile_re2(alternation([row[1] for row in rows("cleaning_structure.tsv") if row[0] == kind]), capture=False)
