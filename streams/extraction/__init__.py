"""Extract stage: clean article -> enriched record (entities, 5W1H) + coded events.

``extract(article)`` is a plain synchronous function; it never raises on odd
text (it returns an enriched record with ``skipped_reason`` instead).
``extract_many`` does the same for a batch, parsing all texts in one
``nlp.pipe`` call, which is what the worker's extract child uses.
"""

from __future__ import annotations

from .pipeline import EXTRACTOR_VERSION, extract
from .pipeline import extract_batch as extract_many

__all__ = ["extract", "extract_many", "EXTRACTOR_VERSION"]
