"""Deterministic identifiers.

Every id is a hash of what identifies the thing (article id + content), so a
replay, a retry after a crash or a second worker produces the same keys and a
downstream consumer can drop duplicates by key.
"""

from __future__ import annotations

import hashlib

_SEP = b"\x1f"  # unit separator: parts cannot run into each other


def stable_hash(*parts: str | bytes | int | None, length: int = 24) -> str:
    """Hex digest (``length`` chars) of the parts, in order; ``None`` counts as empty."""
    h = hashlib.blake2b(digest_size=32)
    for part in parts:
        if part is None:
            data = b""
        elif isinstance(part, bytes):
            data = part
        else:
            data = str(part).encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
        h.update(_SEP)
    return h.hexdigest()[:length]


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def article_id_for(url: str | None, content: str | bytes | None) -> str:
    """Id for an input that carries none: from its URL, else from its content."""
    if url:
        return "u-" + stable_hash("url", url.strip())
    return "c-" + stable_hash("content", content)


def content_hash(text: str) -> str:
    """Hash of a clean body, whitespace-insensitive, so re-cleaning yields the same value."""
    normalised = " ".join(text.split())
    return sha256_hex(normalised.encode("utf-8", "surrogatepass"))
