"""The trigger lexicon: head lemma (+ optional dependent) -> CAMEO code.

Kept as a data file (``streams/data/event_lexicon.tsv``) so analysts can extend
the vocabulary without touching code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ...data import rows

@dataclass(frozen=True, slots=True)
class Trigger:
    lemma: str
    pos: str  # "V" or "N"
    with_: frozenset[str]
    cameo: str
    speech: bool
    kind: str = "event"  # event | speech | none (a sense that is NOT a codable act; blocks the general entry)


@lru_cache(maxsize=1)
def lexicon() -> dict[tuple[str, str], list[Trigger]]:
    """Entries by (lemma, pos); entries that need a dependent come first (more specific)."""
    out: dict[tuple[str, str], list[Trigger]] = {}
    for row in rows("event_lexicon.tsv", strip=False):
        lemma, pos, with_, cameo, kind = (row + [""] * 5)[:5]
        trig = Trigger(lemma, pos, frozenset(w for w in with_.split("|") if w), cameo, kind == "speech", kind or "event")
        out.setdefault((lemma, pos), []).append(trig)
    for entries in out.values():
        entries.sort(key=lambda t: not t.with_)
    return out


def match(lemma: str, pos: str, dependents: set[str]) -> Trigger | None:
    """Most specific entry whose required dependent is present."""
    for trig in lexicon().get((lemma, pos), ()):
        if not trig.with_ or trig.with_ & dependents:
            return trig
    return None


@lru_cache(maxsize=None)
def word_sets(filename: str) -> dict[str, frozenset[str]]:
    """``set -> words`` from a two-column data table (``set<TAB>word``)."""
    sets: dict[str, set[str]] = {}
    for row in rows(filename, strip=False):
        sets.setdefault(row[0], set()).add(row[1])
    return {k: frozenset(v) for k, v in sets.items()}
