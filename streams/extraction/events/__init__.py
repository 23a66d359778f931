"""Coded events: who did what to whom, typed by CAMEO and PLOVER.

Knowledge is data (``knowledge``: PETRARCH2's CAMEO verb patterns, event nouns, discards;
``classifier``: trained type weights); spaCy components find and type the candidates
(``components``); one record builder turns them into records (``builder``).
"""

from __future__ import annotations

from .builder import Coded, code_article, code_events
from .components import COMPONENTS, add_components, annotate
from .record import extractor_version

__all__ = ["COMPONENTS", "Coded", "add_components", "annotate", "code_article", "code_events", "extractor_version"]
