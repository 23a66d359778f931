"""Extract stage: clean article -> enriched record (entities, 5W1H) + coded events.

``extract(article)`` is a plain synchronous function; it never raises on odd
text (it returns an enriched record with ``skipped_reason`` instead).
``extract_batch`` does the same for a batch, parsing all texts in one
``nlp.pipe`` call, which is what the worker's child process uses. Names are
resolved lazily so that importing the package does not load spaCy.
"""

from __future__ import annotations

from typing import Any

__all__ = ["extract", "extract_batch", "EXTRACTOR_VERSION"]


def __getattr__(name: str) -> Any:
    if name not in __all__:  # also how ``from . import extractor`` below finds the submodule
        raise AttributeError(name)
    from . import extractor

    return getattr(extractor, name)
