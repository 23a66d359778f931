"""Extract stage: clean article -> enriched record (entities, 5W1H) + coded events.

``extract(article)`` is a plain synchronous function; it never raises on odd
text (it returns an enriched record with ``skipped_reason`` instead).
``extract_many`` does the same for a batch, parsing all texts in one
``nlp.pipe`` call, which is what the worker's child process uses. Names are
resolved lazily so that importing the package does not load spaCy.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["extract", "extract_many", "EXTRACTOR_VERSION"]


def __getattr__(name: str) -> Any:
    pipeline = importlib.import_module(f"{__name__}.pipeline")

    if name == "extract_many":
        return pipeline.extract_batch
    if name in ("extract", "EXTRACTOR_VERSION"):
        return getattr(pipeline, name)
    raise AttributeError(name)
