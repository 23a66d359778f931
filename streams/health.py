"""What ``/health`` answers: running, and not stuck on a fault it cannot fix by itself.

Unhealthy (503) when the agents have not started, when a send has waited for its
acknowledgement longer than ``output_stall_s`` (a broker, leader or ACL
problem: the stream is paused), when a stage has been unable to process
because of an infrastructure fault (its NLP child cannot start, messages starved
of CPU) for longer than the same threshold, or when an assigned input partition
has stayed stalled (messages to process, nothing delivered, refetching
notwithstanding) for ``partition_stall_unhealthy_s`` (``OffsetGuard.problems``).
The reasons are in the JSON body, so an operator (or an orchestrator's probe log)
sees why.
"""

from __future__ import annotations

import time
from typing import Any, Callable


class Health:
    def __init__(self, metrics: Any, stall: Any, threshold_s: float, partitions: Callable[[], list[str]] | None = None) -> None:
        self.metrics = metrics
        self.stall = stall          # publishing.Stall
        self.threshold_s = threshold_s
        self.partitions = partitions  # OffsetGuard.problems: stalled input partitions (their own threshold)
        self.running = False
        self._faults: dict[str, tuple[float, str]] = {}  # stage -> (since, what)

    def fault(self, stage: str, what: str) -> None:
        since = self._faults.get(stage, (time.monotonic(), ""))[0]
        self._faults[stage] = (since, what)

    def recovered(self, stage: str) -> None:
        self._faults.pop(stage, None)

    def check(self) -> tuple[bool, list[str]]:
        reasons = []
        if not self.running:
            reasons.append("starting or stopping")
        blocked = self.stall.seconds()
        self.metrics.output_blocked_seconds.set(blocked)
        if blocked > self.threshold_s:
            reasons.append(f"sends waiting for acknowledgement for {blocked:.0f} s")
        now = time.monotonic()
        for stage, (since, what) in sorted(self._faults.items()):
            if now - since > self.threshold_s:
                reasons.append(f"{stage}: {what} for {now - since:.0f} s")
        if self.partitions is not None:
            reasons.extend(self.partitions())
        ok = not reasons
        self.metrics.healthy.set(1 if ok else 0)
        return ok, reasons
