"""The trigger lexicon: head lemma (+ optional dependent) -> CAMEO code.

Kept as a data file (``streams/data/event_lexicon.tsv``) so analysts can extend
the vocabulary without touching code.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


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
    text = resources.files("streams.data").joinpath("event_lexicon.tsv").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    out: dict[tuple[str, str], list[Trigger]] = {}
    for ln in lines[1:]:
        lemma, pos, with_, cameo, kind = (ln.split("\t") + [""] * 5)[:5]
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
    """``set -> words`` from a two-column data file (``set<TAB>word``, ``#`` header lines)."""
    text = resources.files("streams.data").joinpath(filename).read_text("utf-8")
    rows = csv.DictReader((line for line in text.splitlines() if line and not line.startswith("#")), delimiter="\t")
    sets: dict[str, set[str]] = {}
    for row in rows:
        sets.setdefault(row["set"], set()).add(row["word"])
    return {k: frozenset(v) for k, v in sets.items()}
