"""Extract stage: clean article -> enriched record (entities, 5W1H) + coded events.

``extract(article)`` is a plain synchronous function; it never raises on odd
text (it returns an enriched record with ``skipped_reason`` instead).
"""

from __future__ import annotations

from .pipeline import EXTRACTOR_VERSION, extract

__all__ = ["extract", "EXTRACTOR_VERSION"]
