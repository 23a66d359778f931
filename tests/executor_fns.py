"""Batch functions for the executor tests (module-level so a spawned child can import them)."""

from __future__ import annotations

import os
import time

from streams.pipeline import Outcome


def misbehaving_batch(values: list[bytes]) -> list[Outcome]:
    out = []
    for v in values:
        if v == b"hang":
            time.sleep(60)
        if v == b"crash":
            os._exit(3)
        if v == b"oom":
            bytearray(8 * 1024**3)  # over the child's address-space limit -> MemoryError
        out.append(Outcome(article_id=v.decode(), records=[("clean", v.decode(), v)], stats={"pid": os.getpid()}))
    return out
