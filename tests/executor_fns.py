"""Batch functions for the executor tests (module-level so a spawned child can import them).

Each value names how the "stage" should behave on it, so a test can mix good
messages with poison of every kind in one batch.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

from streams.outcome import Outcome


def _busy(seconds: float) -> None:
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def misbehaving_batch(values: list[bytes]) -> list[Outcome]:
    out = []
    for v in values:
        if v == b"hang":
            time.sleep(60)
        if v == b"crash":
            os._exit(3)
        if v == b"oom":
            bytearray(8 * 1024**3)  # over the child's address-space limit -> MemoryError
        if v == b"regex":
            # Catastrophic backtracking inside the C regex engine: no signal interrupts it.
            re.match(r"(a+)+$", "a" * 40 + "b")
        if v.startswith(b"busy:"):
            _busy(float(v[5:]))
        if v.startswith(b"sleep:"):
            time.sleep(float(v[6:]))
        if v.startswith(b"once:"):
            # Dies the first time only (like a child OOM-killed by memory pressure elsewhere).
            marker = Path(v[5:].decode())
            if not marker.exists():
                marker.write_text("died once")
                os._exit(9)
        out.append(Outcome(article_id=v.decode()[:40], records=[("clean", v.decode()[:40], v)],
                           stats={"pid": os.getpid(), "call": len(values)}))
    return out


def always_crashing_batch(values: list[bytes]) -> list[Outcome]:
    """A stage whose child dies on everything, the control message included: a broken machine, not poison."""
    os._exit(5)
