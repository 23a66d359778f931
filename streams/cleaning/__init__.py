"""Clean stage: whatever a crawler delivered -> the article a reader would see.

``clean(raw)`` is a plain synchronous function on plain data; the Faust agent,
the CLI and the benchmarks all call this one entry point. Near-duplicates need
the stream's history, so they are found outside ``clean`` with
``signature(body)`` and ``NearDuplicateIndex`` (see ``dedup``).
"""

from __future__ import annotations

from .dedup import NearDuplicateIndex, signature
from .pipeline import CLEANER_VERSION, clean

__all__ = ["clean", "CLEANER_VERSION", "NearDuplicateIndex", "signature"]
