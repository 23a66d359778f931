"""Near-duplicate detection across the stream, with its state in a Faust table.

The MinHash signature is computed in the clean stage's child process
(``cleaning.dedup.signature``); the LSH index lives in the worker's main process
on a Faust ``GlobalTable``: every worker of the group reads all of the table's
changelog partitions, so an edited copy of a wire story is found whichever
partition (and worker) it lands on, and the index is rebuilt from the changelog
after a restart. The answer for each article id is stored too, so a replay after
a crash gives the same ``near_duplicate_of`` and the re-sent clean record is
identical to the first one.
"""

from __future__ import annotations

from collections.abc import MutableMapping

import orjson

from .cleaning.dedup import NearDuplicateIndex

_ANSWER = "dup:"


class NearDuplicates:
    def __init__(self, store: MutableMapping[str, str]) -> None:
        self.store = store
        self.index = NearDuplicateIndex(store)

    def check(self, article_id: str, signature: str) -> str | None:
        """Id of an earlier near-duplicate, or None; the same answer every time for one id."""
        previous = self.store.get(_ANSWER + article_id)
        if previous is not None:
            return previous or None
        found = self.index.check_and_add(article_id, signature)
        self.store[_ANSWER + article_id] = found or ""
        return found


def mark_near_duplicate(clean_record: bytes, duplicate_of: str) -> bytes:
    """The clean record with ``near_duplicate_of`` set (only re-encoded when a duplicate is found)."""
    record = orjson.loads(clean_record)
    record["near_duplicate_of"] = duplicate_of
    return orjson.dumps(record)
