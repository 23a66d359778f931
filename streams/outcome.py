"""What processing one input came to: records to publish, or a dead-letter reason.

A neutral module: the stage cores (``cores``) produce outcomes, the executor
carries them across the process boundary and the agents route them, and none
of those needs to import another to name the type.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Outcome:
    """Result of one input: ``records`` to publish, or a dead-letter reason.

    ``records`` holds ``(kind, key, value)`` with kind a record kind of the
    stage's outputs (``chain.Stage.outputs``). What the parent needs to route and
    decide without decoding a record is a typed field: the clean article's
    ``content_hash`` (a header for the extract stage's exact duplicates), its
    MinHash ``signature`` and ``published_at`` (near duplicates and their event
    time), and ``payload_incomplete`` (the input was never read whole: its dead
    letter cannot be replayed). ``stats`` is for the metrics only (per-step
    seconds, event types, language).
    """

    article_id: str | None = None
    records: list[tuple[str, str, bytes]] = field(default_factory=list)
    reason: str | None = None
    message: str | None = None
    content_hash: str | None = None
    signature: bytes = b""
    published_at: str | None = None
    payload_incomplete: bool = False
    stats: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.reason is None
