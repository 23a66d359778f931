"""Assemble one event in the wire shape of ``schemas/event.schema.json``."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ...ids import stable_hash
from ...records import EVENT_SCHEMA_VERSION
from .knowledge import knowledge_hash
from .tables import code_info

CODER_VERSION = "1.0.0"  # the coder's code; the knowledge hash below changes with every table and the weights
_NO_ACTOR = {"text": "", "canonical": None, "entity": None, "country": None, "sector": None}


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """``<coder version>+k<hash of the knowledge files>``: consumers can tell which coder and data produced a record."""
    return f"{CODER_VERSION}+k{knowledge_hash()}"


def build_record(*, article_id: str, content_hash: str, cameo: str, source: dict[str, Any] | None, target: dict[str, Any] | None,
                 action: dict[str, Any], negated: bool, hypothetical: bool, attribution: dict[str, Any] | None,
                 date: dict[str, Any] | None, location: dict[str, Any] | None, quantities: list[dict[str, Any]],
                 sentence: dict[str, Any], confidence: float, position: int, source_key: str | None = None,
                 target_key: str | None = None) -> dict[str, Any]:
    """The record; ``event_id`` hashes article, content, sentence, trigger, code, source and target, so replays agree
    and the two directions of a mutual act (A->B, B->A) are two ids."""
    info = code_info(cameo)
    src = source if source is not None else dict(_NO_ACTOR)
    event_id = stable_hash(article_id, content_hash, sentence["index"], position, cameo,
                           source_key or src.get("text"), target_key or (target or {}).get("text"))
    return {
        "schema_version": EVENT_SCHEMA_VERSION,
        "event_id": event_id,
        "article_id": article_id,
        "plover_type": info.plover_type,
        "plover_mode": info.plover_mode,
        "cameo_code": cameo,
        "quad_class": info.quad_class,
        "source": src,
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
        "extractor_version": extractor_version(),
    }
