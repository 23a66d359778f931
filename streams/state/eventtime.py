"""Event time and the time buckets state is kept in.

State expires in *event time*, not wall-clock time, so that a replay of last
week's topic or a benchmark at full speed keeps and drops state exactly as the
live stream did. An article's event time is its ``published_at``, else the Kafka
timestamp of the input record. Publisher dates are untrusted: a date more than
``max_ahead_s`` after the record's timestamp (a wrong time zone, a typo, a
"2099") is clamped to it, and one older than the horizon before it (an evergreen
page re-crawled years later) is clamped to that, so one bad date can neither
push every worker's watermark into the future nor make an article expire on
arrival.

Buckets: bucket ``b`` holds event times in ``[b*width, (b+1)*width)``;
``width = horizon / buckets``. The *watermark* is the largest event time a store
has seen; bucket ``b`` is expired once ``(b+1)*width <= watermark - horizon``, so
state lives for the horizon plus at most one bucket.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timezone

MAX_EPOCH_S = 2**32 - 1  # event times are stored as uint32 seconds


def parse_time(value: str | None) -> float | None:
    """Unix seconds of an ISO 8601 date-time (naive = UTC); None when absent or unreadable."""
    if not value or not isinstance(value, str):
        return None
    try:
        dt = datetime.fromisoformat(value.strip().replace("z", "Z"))
    except ValueError:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.timestamp()


def event_time(published_at: str | None, record_ts_s: float | None, *, horizon_s: float, max_ahead_s: float) -> float | None:
    """The article's event time in unix seconds (see the module doc); None if nothing is known."""
    published = parse_time(published_at)
    if record_ts_s is None or record_ts_s <= 0:
        return published
    if published is None:
        return record_ts_s
    return min(max(published, record_ts_s - horizon_s), record_ts_s + max_ahead_s)


@dataclass(frozen=True, slots=True)
class Buckets:
    """Bucket arithmetic for one horizon."""

    horizon_s: int
    width_s: int

    @classmethod
    def for_horizon(cls, horizon_s: int, buckets: int) -> "Buckets":
        return cls(horizon_s=horizon_s, width_s=max(1, -(-horizon_s // buckets)))

    def of(self, t: int) -> int:
        return t // self.width_s

    def start(self, bucket: int) -> int:
        return bucket * self.width_s

    def floor(self, watermark: int) -> int:
        """First live bucket: every bucket below it is entirely older than watermark - horizon."""
        return max(0, (watermark - self.horizon_s) // self.width_s)

    def live(self, watermark: int) -> range:
        """The buckets that may hold live state, oldest first."""
        return range(self.floor(watermark), self.of(watermark) + 1)

    def stamp(self, t: float | None, watermark: int) -> int:
        """Stored event time: at least the start of the first live bucket, within uint32 (no time: the watermark)."""
        if t is None:
            t = watermark or time.time()
        return int(min(max(int(t), self.start(self.floor(watermark)), 0), MAX_EPOCH_S))
