"""Loads the ``streams/data/cleaning_*.tsv`` lexicons once per process.

The phrases live in data files (each entry says where it came from) so that
adding a site's "Share this" variant is a data change, not a code change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def _rows(name: str) -> list[list[str]]:
    text = resources.files("streams.data").joinpath(name).read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@dataclass(frozen=True, slots=True)
class Boilerplate:
    stop: re.Pattern[str]
    drop: re.Pattern[str]
    lead: re.Pattern[str]
    brk: re.Pattern[str]


@lru_cache(maxsize=1)
def boilerplate() -> Boilerplate:
    """One compiled alternation per action: a full match means the line is chrome."""
    groups: dict[str, list[str]] = {"stop": [], "drop": [], "lead": [], "brk": []}
    for row in _rows("cleaning_boilerplate.tsv"):
        groups["brk" if row[0] == "break" else row[0]].append(row[1])
    compiled = {k: re.compile("(?:" + "|".join(f"(?:{p})" for p in v) + r")\Z", re.I) for k, v in groups.items()}
    return Boilerplate(**compiled)


@lru_cache(maxsize=1)
def agencies() -> dict[str, str]:
    """alias -> canonical agency name."""
    out: dict[str, str] = {}
    for row in _rows("cleaning_agencies.tsv"):
        for alias in row[1].split("|"):
            out[alias.strip()] = row[0]
    return out


@lru_cache(maxsize=1)
def camel_words() -> frozenset[str]:
    """Words written with an inner capital on purpose (brands, names): never split."""
    return frozenset(row[0] for row in _rows("cleaning_camelcase.tsv"))
