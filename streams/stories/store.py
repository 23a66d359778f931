"""A view of one key namespace of a shared mapping: one aggregator's state inside a worker's table.

A worker holds one Faust table per state kind but may own several input
partitions; each partition's aggregator must see only its own keys (``w`` of
partition 0 is not ``w`` of partition 3). ``PrefixedStore(table, "3/")`` is that
partition's store: every key it reads or writes carries the prefix, and
iteration walks only those keys (so ``StoryAggregator``/``EventClusters`` rebuild
exactly their own state after a restart or a rebalance).
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping


class PrefixedStore(MutableMapping[str, bytes]):
    def __init__(self, backing: MutableMapping[str, bytes], prefix: str) -> None:
        if not prefix:
            raise ValueError("a prefix is required (it separates the namespaces)")
        self.backing = backing
        self.prefix = prefix

    def __getitem__(self, key: str) -> bytes:
        return self.backing[self.prefix + key]

    def __setitem__(self, key: str, value: bytes) -> None:
        self.backing[self.prefix + key] = value

    def __delitem__(self, key: str) -> None:
        del self.backing[self.prefix + key]

    def __iter__(self) -> Iterator[str]:
        n = len(self.prefix)
        return (k[n:] for k in list(self.backing) if k.startswith(self.prefix))

    def __len__(self) -> int:
        return sum(1 for k in self.backing if k.startswith(self.prefix))
