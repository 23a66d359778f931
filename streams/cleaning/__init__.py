"""Clean stage: whatever a crawler delivered -> the article a reader would see.

``clean(raw)`` is a plain synchronous function on plain data; the Faust agent,
the CLI and the benchmarks all call this one entry point. Names are resolved
lazily so that importing a light submodule (``cleaning.dedup`` in the worker's
main process) does not load trafilatura.
"""

from __future__ import annotations

from typing import Any

__all__ = ["clean", "CLEANER_VERSION", "signature"]


def __getattr__(name: str) -> Any:
    if name in ("clean", "CLEANER_VERSION"):
        from . import cleaner

        return getattr(cleaner, name)
    if name == "signature":
        from . import dedup

        return getattr(dedup, name)
    raise AttributeError(name)
