"""Clean stage: whatever a crawler delivered -> the article a reader would see.

``clean(raw)`` is a plain synchronous function on plain data; the Faust agent,
the CLI and the benchmarks all call this one entry point.
"""

from __future__ import annotations

from .pipeline import CLEANER_VERSION, clean

__all__ = ["clean", "CLEANER_VERSION"]
