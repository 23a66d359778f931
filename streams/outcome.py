"""What processing one input came to: records to publish, or a dead-letter reason.

A neutral module: the stages (``pipeline``) produce outcomes, the executor
carries them across the process boundary and the agents route them, and none
of those needs to import another to name the type.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Outcome:
    """Result of one input: ``records`` to publish, or a dead-letter reason.

    ``records`` holds ``(kind, key, value)`` with kind one of ``clean``,
    ``enriched``, ``event``; ``stats`` carries what the metrics need (per-step
    seconds, event types, language) without the parent decoding the records.
    """

    article_id: str | None = None
    records: list[tuple[str, str, bytes]] = field(default_factory=list)
    reason: str | None = None
    message: str | None = None
    stats: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.reason is None
