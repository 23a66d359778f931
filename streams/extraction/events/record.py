"""Assemble one event in the wire shape of ``schemas/event.schema.json``."""

from __future__ import annotations

from typing import Any

from ...ids import stable_hash
from ...records import EVENT_SCHEMA_VERSION
from .tables import code_info

EVENTS_VERSION = "0.3.0"


def build_record(*, article_id: str, content_hash: str, cameo: str, source: dict[str, Any], target: dict[str, Any] | None,
                 action: dict[str, str], negated: bool, hypothetical: bool, attribution: dict[str, Any] | None,
                 date: dict[str, Any] | None, location: dict[str, Any] | None, quantities: list[dict[str, Any]],
                 sentence: dict[str, Any], confidence: float, position: int) -> dict[str, Any]:
    """The record; ``event_id`` hashes article, content, trigger position, type and actors so replays agree."""
    info = code_info(cameo)
    event_id = stable_hash(article_id, content_hash, sentence["index"], position, cameo, source.get("text"), (target or {}).get("text"))
    return {
        "schema_version": EVENT_SCHEMA_VERSION,
        "event_id": event_id,
        "article_id": article_id,
        "plover_type": info.plover_type,
        "plover_mode": info.plover_mode,
        "cameo_code": cameo,
        "quad_class": info.quad_class,
        "source": source,
        "target": target,
        "action": action,
        "negated": negated,
        "hypothetical": hypothetical,
        "attribution": attribution,
        "date": date,
        "location": location,
        "quantities": quantities,
        "sentence": sentence,
        "confidence": round(max(0.0, min(1.0, confidence)), 3),
        "extractor_version": EVENTS_VERSION,
    }
