"""Orchestrates the cleaning steps for one article."""

from __future__ import annotations

from .. import errors
from ..errors import Rejected
from ..ids import content_hash
from ..records import CleanArticle, RawArticle
from .html import extract_html
from .language import detect_language
from .text import clean_text

CLEANER_VERSION = "0.1.0"


def clean(raw: RawArticle) -> CleanArticle:
    """Raises ``Rejected(no_content)`` when nothing of an article is left."""
    if raw.html is not None:
        page = extract_html(raw.html, url=raw.url)
        body, title = page.body, raw.title or page.title
        published_at = raw.published_at or page.published_at
        author, source = page.author, raw.source or page.site
        fmt = "html"
    else:
        body = clean_text(raw.text or "")
        title, published_at, author, source = raw.title, raw.published_at, None, raw.source
        fmt = "text"
    if not body.strip():
        raise Rejected(errors.NO_CONTENT, "no article text found", article_id=raw.id)
    language, confidence = detect_language(body, hint=raw.language)
    return CleanArticle(
        article_id=raw.id,
        url=raw.url,
        source=source,
        title=title,
        author=author,
        body=body,
        language=language,
        language_confidence=confidence,
        published_at=published_at,
        word_count=len(body.split()),
        content_hash=content_hash(body),
        cleaner_version=CLEANER_VERSION,
        input_format=fmt,
    )
