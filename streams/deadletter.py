"""Dead-letter records: an input that could not be processed, with why and where from.

The payload is kept so the input can be replayed after a fix, but bounded: a
prefix of at most ``max_bytes`` plus the SHA-256 and size of the whole, so a
20 MB poison message does not become a 20 MB dead letter. Bytes that are not
UTF-8 are carried as base64.
"""

from __future__ import annotations

import base64
from datetime import datetime, timezone
from typing import Any

from . import __version__
from .ids import sha256_hex, stable_hash
from .models import validate
from .records import DEAD_LETTER_SCHEMA_VERSION

MESSAGE_MAX_CHARS = 2000


def payload_field(payload: bytes | None, max_bytes: int) -> dict[str, Any]:
    data = payload or b""
    kept = data[:max_bytes]
    try:
        text = kept.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as exc:
        # A cut through a multi-byte character at the end is not a reason for base64.
        if exc.start >= len(kept) - 3 and len(data) > max_bytes:
            try:
                text, encoding = kept[: exc.start].decode("utf-8"), "utf-8"
            except UnicodeDecodeError:
                text, encoding = base64.b64encode(kept).decode("ascii"), "base64"
        else:
            text, encoding = base64.b64encode(kept).decode("ascii"), "base64"
    return {
        "encoding": encoding,
        "data": text,
        "size": len(data),
        "sha256": sha256_hex(data),
        "truncated": len(data) > len(kept) or (encoding == "utf-8" and len(text.encode("utf-8")) < len(data)),
    }


def build_dead_letter(
    *,
    stage: str,
    reason: str,
    message: str,
    payload: bytes | None,
    article_id: str | None,
    topic: str | None,
    partition: int | None,
    offset: int | None,
    timestamp: float | None = None,
    location: str | None = None,
    worker_id: str,
    max_payload_bytes: int = 64 * 1024,
) -> dict[str, Any]:
    """The wire record of ``schemas/dead-letter.schema.json``.

    ``dead_letter_id`` hashes the source position and the payload, so the same
    poison message dead-lettered twice (after a crash before commit) has one id.
    """
    pay = payload_field(payload, max_payload_bytes)
    position = f"{topic}:{partition}:{offset}" if topic is not None else (location or "")
    record = {
        "schema_version": DEAD_LETTER_SCHEMA_VERSION,
        "dead_letter_id": stable_hash("dlq", stage, position, pay["sha256"]),
        "stage": stage,
        "reason": reason,
        "message": (message or reason)[:MESSAGE_MAX_CHARS],
        "article_id": article_id,
        "source": {"topic": topic, "partition": partition, "offset": offset, "timestamp": timestamp, "location": location},
        "payload": pay,
        "failed_at": datetime.now(timezone.utc).isoformat().replace("+00:00", "Z"),
        "worker": {"id": worker_id, "version": __version__},
    }
    validate("dead_letter", record)  # the model is the contract (streams.models): a drift fails here, loudly
    return record


def dead_letter_key(record: dict[str, Any]) -> str:
    """Article id when known (keeps it next to the article's other records), else the source position."""
    if record.get("article_id"):
        return record["article_id"]
    src = record["source"]
    return f"{src.get('topic')}:{src.get('partition')}:{src.get('offset')}" if src.get("topic") else record["dead_letter_id"]
