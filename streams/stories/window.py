"""What the story and the event-cluster aggregators share: event time, horizon expiry, batches.

Both keep open groups (stories, clusters) that close when the newest input's
event time (the watermark) is more than the horizon past their last member.
The watermark only moves forward and is stored under the key ``w``; closing
uses a heap of (last_seen, key) entries checked lazily (an entry whose group has
moved on or gone is skipped), so it costs nothing per input when nothing is due.
Subclasses say how to apply one input, how to find and close a group, and how
to write their state.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import MutableMapping
from dataclasses import dataclass
from typing import Any, Iterable, Protocol

from .output import coalesce
from .timeutil import event_time

WATERMARK_KEY = "w"


@dataclass(frozen=True, slots=True)
class WindowConfig:
    """The horizon both aggregators close their groups by (their configs extend this one)."""

    horizon_hours: float = 72.0

    @property
    def horizon_s(self) -> float:
        return self.horizon_hours * 3600.0


class Group(Protocol):
    last_seen: float


class EventTimeAggregator:
    """Subclasses set up their own maps, then call this ``__init__`` with ``groups``, their open groups (stories,
    clusters) by id; it restores them from a non-empty ``store``."""

    def __init__(self, config: WindowConfig, store: MutableMapping[str, bytes] | None, groups: MutableMapping[str, Any]) -> None:
        self.config = config
        self._groups = groups
        self.horizon_s = config.horizon_s
        self.store = store
        # What the aggregator did with its inputs, for the agent's metrics (the agent takes differences by
        # name): ``inputs`` every input applied; ``redelivered`` one already aggregated (nothing changes);
        # ``skipped`` one with nothing to aggregate (a mention of no happening); ``late`` one older than the
        # horizon (a group of its own, closed at once); ``created`` groups opened; ``merged`` stories merged
        # into an older one (story stage) or mentions joining an open cluster (merge stage); ``closed``.
        self.stats: Counter[str] = Counter()
        self.watermark: float | None = None
        self._expiry: list[tuple[float, str]] = []
        self._dirty: set[str] = set()  # keys of groups (or ``w``) to write at the end of the batch
        if store is not None and len(store):
            self._load(store)

    def __len__(self) -> int:
        return len(self._groups)

    def open_records(self) -> list[dict[str, Any]]:
        """The current record of every open group, oldest first (then by id)."""
        ordered = sorted(self._groups.items(), key=lambda kv: (kv[1].first_seen, kv[0]))
        return [self._record(group) for _id, group in ordered]

    # ------------------------------------------------------------------ public API
    def apply(self, item: dict[str, Any]) -> list[dict[str, Any]]:
        """Records caused by one input (see :meth:`apply_many`)."""
        return self.apply_many([item])

    def apply_many(self, items: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
        """Records to publish for a batch of inputs, in order, the last per key only; state written once."""
        out: list[dict[str, Any]] = []
        for item in items:
            self.stats["inputs"] += 1
            out.extend(self._apply_one(item))
        self._flush()
        return coalesce(out)

    def expire(self, now: float | None = None) -> list[dict[str, Any]]:
        """Close what is idle past the horizon as of event time ``now`` (default: the watermark)."""
        if now is not None and (self.watermark is None or now > self.watermark):
            self.watermark = now
            self._dirty.add(WATERMARK_KEY)
        out = self._close_idle()
        self._flush()
        return out

    # ------------------------------------------------------------------ for subclasses
    def _time_of(self, published_at: str | None, input_ts: float | str | None) -> float:
        """Event time of an input; one with no time at all takes the watermark (it arrived now)."""
        when = event_time(published_at, input_ts)
        if when is None:
            when = self.watermark if self.watermark is not None else 0.0
        return when

    def _is_late(self, when: float) -> bool:
        return self.watermark is not None and when < self.watermark - self.horizon_s

    def _advance(self, when: float) -> list[dict[str, Any]]:
        """Move the watermark to ``when`` if it is newer, closing what that makes idle."""
        if self.watermark is not None and when <= self.watermark:
            return []
        self.watermark = when
        self._dirty.add(WATERMARK_KEY)
        return self._close_idle()

    def _schedule(self, last_seen: float, key: str) -> None:
        heapq.heappush(self._expiry, (last_seen, key))

    def _close_idle(self, limit: int | None = None, keep: str | None = None) -> list[dict[str, Any]]:
        """Close the groups idle past the horizon; with ``limit``, the ``limit`` longest-idle ones instead."""
        if self.watermark is None:
            return []
        cutoff = self.watermark - self.horizon_s
        out: list[dict[str, Any]] = []
        while self._expiry and (self._expiry[0][0] < cutoff if limit is None else len(out) < limit):
            last_seen, key = heapq.heappop(self._expiry)
            group = self._open_group(key)
            if group is None or group.last_seen != last_seen or key == keep:
                continue  # gone, or a newer entry for it is in the heap
            out.append(self._close(group))
        return out

    def _write_watermark(self, store: MutableMapping[str, bytes]) -> None:
        if WATERMARK_KEY in self._dirty and self.watermark is not None:
            store[WATERMARK_KEY] = repr(self.watermark).encode()
        self._dirty.discard(WATERMARK_KEY)

    def _read_watermark(self, value: bytes) -> None:
        self.watermark = float(bytes(value).decode())

    def _apply_one(self, item: dict[str, Any]) -> list[dict[str, Any]]:
        raise NotImplementedError

    def _open_group(self, key: str) -> Group | None:
        raise NotImplementedError

    def _close(self, group: Any) -> dict[str, Any]:
        """The group's final record; its state leaves memory and (at the next flush) the store."""
        raise NotImplementedError

    def _flush(self) -> None:
        raise NotImplementedError

    def _record(self, group: Any) -> dict[str, Any]:
        """The current record of an open group."""
        raise NotImplementedError

    def _load(self, store: MutableMapping[str, bytes]) -> None:
        """Restore the groups (and the watermark) from a store that is not empty."""
        raise NotImplementedError
