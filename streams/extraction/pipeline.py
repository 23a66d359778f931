"""Runs the extraction steps over one clean article and assembles the records."""

from __future__ import annotations

from typing import Any

from ..records import ENRICHED_SCHEMA_VERSION, CleanArticle, Extraction
from .entities import resolve_entities
from .events import code_events
from .main_event import find_main_event
from .nlp import load_nlp, model_info

EXTRACTOR_VERSION = "0.1.0"
SUPPORTED_LANGUAGES = {"en"}


def extract(article: CleanArticle) -> Extraction:
    """Enriched record + coded events; unsupported input gives empty fields and a reason."""
    reason = _skip_reason(article)
    if reason is not None:
        return Extraction(enriched=_enriched(article, [], None, reason), events=[])
    doc = load_nlp()(article.body)
    table = resolve_entities(doc)
    main_event = find_main_event(doc, table)
    events = code_events(doc, table, article)
    return Extraction(enriched=_enriched(article, table.to_list(), main_event, None), events=events)


def _skip_reason(article: CleanArticle) -> str | None:
    if article.language is not None and article.language not in SUPPORTED_LANGUAGES:
        return "unsupported_language"
    if not any(c.isalpha() for c in article.body):
        return "no_text"
    return None


def _enriched(article: CleanArticle, entities: list[dict[str, Any]], main_event: dict[str, Any] | None, reason: str | None) -> dict[str, Any]:
    return {
        "schema_version": ENRICHED_SCHEMA_VERSION,
        "article_id": article.article_id,
        "url": article.url,
        "source": article.source,
        "title": article.title,
        "language": article.language,
        "published_at": article.published_at,
        "content_hash": article.content_hash,
        "entities": entities,
        "main_event": main_event,
        "skipped_reason": reason,
        "model": model_info(),
        "extractor_version": EXTRACTOR_VERSION,
    }
