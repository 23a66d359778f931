"""Where the article proper ends: site chrome that survived cleaning is not a source of facts.

Scraped pages end with "Source link", "About Admin", "Check Also <another
story>", "Leave a Reply", "Related articles"... The cleaner removes most of it;
extraction must not depend on that alone, because a teaser of another story
brings in actors that have nothing to do with this one. So extraction stops at
the first such marker line in the last part of the text. Cutting a prefix keeps
every character offset valid in the body.

Both phrase lists live in the cleaning lexicon (``streams/data/cleaning_boilerplate.tsv``,
actions ``trailer`` and ``furniture``) and run on RE2, in linear time.
"""

from __future__ import annotations

from ..cleaning.lexicon import boilerplate

_MIN_SHARE = 0.3
_MAX_MARKER_LINE = 200  # a marker is a short line; longer lines are text


def content_end(text: str) -> int:
    """Offset of the first trailer marker line after the first 30% of the text, else ``len(text)``."""
    floor = int(len(text) * _MIN_SHARE)
    marker = boilerplate().trailer
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if start < floor:
            continue
        stripped = line.strip(" \t")
        if stripped and len(stripped) <= _MAX_MARKER_LINE and marker.fullmatch(stripped):
            return start
    return len(text)


def is_chrome(text: str) -> bool:
    """Whether a phrase is site furniture (captions, share buttons, sign-up boxes) rather than article prose."""
    return boilerplate().furniture.search(text) is not None
