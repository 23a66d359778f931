"""Event time of an input and its ISO rendering in records.

Stories and clusters live in event time, the same clock issue 16 gives the
duplicate state: the article's ``published_at``, else the input record's
timestamp, so a replay or a benchmark at full speed opens, joins and closes
stories exactly as the live stream did. A ``published_at`` more than
``FUTURE_SLACK_S`` after the input's own timestamp is a parsing or time-zone
error and is not trusted (one bogus future date must not close every open story).
"""

from __future__ import annotations

import math
from datetime import datetime, timezone

FUTURE_SLACK_S = 24 * 3600.0
DAY_S = 86_400.0


def parse_time(value: str | float | int | None) -> float | None:
    """Epoch seconds of an ISO 8601 string (no zone = UTC) or a number, also as text (seconds, or ms when huge)."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)):
        v = float(value)
        if not math.isfinite(v):
            return None
        return v / 1000.0 if v > 1e11 else v
    text = str(value).strip()
    try:
        return parse_time(float(text))  # a number sent as text (the ingest-time header)
    except ValueError:
        pass
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        dt = datetime.fromisoformat(text)
    except ValueError:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.timestamp()


def event_time(published_at: str | None, input_ts: str | float | None) -> float | None:
    """``published_at`` unless absent or implausibly after the input's timestamp; else the input's timestamp."""
    published = parse_time(published_at)
    received = parse_time(input_ts)
    if published is None:
        return received
    if received is not None and published > received + FUTURE_SLACK_S:
        return received
    return published


def iso(ts: float) -> str:
    """Whole-second UTC ISO 8601 (records carry no sub-second noise)."""
    return datetime.fromtimestamp(round(ts), tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def day_number(value: str | float | None) -> int | None:
    """Days since the epoch of a date, date-time or epoch seconds (for 'within a day' tests)."""
    if value is None:
        return None
    if isinstance(value, str) and len(value) >= 10 and value[4] == "-" and value[7] == "-":
        ts = parse_time(value[:10] + "T00:00:00+00:00")
    else:
        ts = parse_time(value)
    return None if ts is None else int(ts // DAY_S)
