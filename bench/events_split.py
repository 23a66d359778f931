"""Fixed tune / test halves of every evaluation set of the event coder, by a hash of each item's id.

Tune on the tune half only; report the test half. The split is a pure function of the
id (sha256, first byte, even = tune), so it never changes when a set grows or is
reordered, and anyone can recompute it.
"""

from __future__ import annotations

import hashlib


def half(item_id: str) -> str:
    """"tune" or "test" for an item id."""
    return "tune" if hashlib.sha256(item_id.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def select(items: list, key, which: str) -> list:
    """The items of one half ("tune", "test") or all of them ("all")."""
    if which == "all":
        return list(items)
    return [x for x in items if half(key(x)) == which]
