"""A story-stage input as the story and merge stages take it, live (``story_agents``) and offline (``offline``).

The extract stage leaves ``input_ts`` empty on ``stories.input`` and
``events.mentions``: the time the article entered the pipeline rides on the
record's ingest-time header instead. The stage fills it in from there, because
an article with no plausible publication date takes that time as its event
time (``timeutil.event_time``); both runners must do it the same way, or the
same input would land in different stories.
"""

from __future__ import annotations

from typing import Any

import orjson


def stage_input(value: bytes | None, ingest_ts: bytes | str | None) -> dict[str, Any]:
    """The decoded record, ``input_ts`` taken from ``ingest_ts`` when empty; ValueError if it is not a JSON object."""
    item = orjson.loads(value or b"")  # orjson.JSONDecodeError is a ValueError
    if not isinstance(item, dict):
        raise ValueError(f"a story-stage input is a JSON object, not {type(item).__name__}")
    if item.get("input_ts") is None:
        item["input_ts"] = _seconds(ingest_ts)
    return item


def _seconds(value: bytes | str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None
