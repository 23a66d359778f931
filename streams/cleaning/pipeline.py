"""Orchestrates the cleaning steps for one article.

Order: extract (HTML via trafilatura + chrome filter, or the plain-text line
model), repair (mojibake, glued words; every change recorded), credited
sources, language. Stateless: near-duplicate detection needs the stream's
history, so the agent calls ``dedup.signature(article.body)`` and a
``NearDuplicateIndex`` backed by a table, then sets ``near_duplicate_of``.

Only ``Rejected`` leaves this function for unusable input: oversize, too deep
or unparsable markup, and pages without article text all get a reason code.
"""

from __future__ import annotations

import re

from .. import errors
from ..errors import Rejected
from ..ids import content_hash
from ..records import CleanArticle, RawArticle, Repair
from .chrome import credited_sources, is_credit_line
from .html import MAX_HTML_CHARS, UnusableHtml, extract_html
from .language import detect_language
from .repair import repair_text
from .text import extract_text

CLEANER_VERSION = "0.2.0"
MAX_TEXT_CHARS = 2_000_000  # plain text beyond this is not one article
MIN_WORDS = 5  # fewer words than a sentence is a menu item left over, not an article
_WORD = re.compile(r"\w+")


def clean(raw: RawArticle) -> CleanArticle:
    """Raises ``Rejected`` (no_content, too_large, unsupported_content) when no article can be made."""
    try:
        return _clean(raw)
    except Rejected:
        raise
    except RecursionError:
        raise Rejected(errors.UNSUPPORTED_CONTENT, "input nests too deeply to parse", article_id=raw.id) from None
    except MemoryError:
        raise Rejected(errors.TOO_LARGE, "input too large to process", article_id=raw.id) from None


def _clean(raw: RawArticle) -> CleanArticle:
    captions: list[str] = []
    if raw.html is not None:
        if len(raw.html) > 4 * MAX_HTML_CHARS:
            raise Rejected(errors.TOO_LARGE, f"HTML is {len(raw.html)} chars, limit {4 * MAX_HTML_CHARS}", article_id=raw.id)
        try:
            page = extract_html(raw.html, url=raw.url)
        except UnusableHtml as exc:
            raise Rejected(errors.UNSUPPORTED_CONTENT, f"unusable HTML: {exc}", article_id=raw.id) from None
        body, title = page.body, raw.title or page.title
        published_at = raw.published_at or page.published_at
        author, source = page.author, raw.source or page.site
        captions = list(page.captions or [])
        evidence = body
        fmt = "html"
    else:
        text = raw.text or ""
        if len(text) > MAX_TEXT_CHARS:
            raise Rejected(errors.TOO_LARGE, f"text is {len(text)} chars, limit {MAX_TEXT_CHARS}", article_id=raw.id)
        result = extract_text(text, title=raw.title)
        body, title, captions = result.body, raw.title or result.title, result.captions
        published_at, author, source = raw.published_at, None, raw.source
        evidence = text
        fmt = "text"
    if len(_WORD.findall(body)) < MIN_WORDS:
        raise Rejected(errors.NO_CONTENT, "no article text found", article_id=raw.id)
    body, repairs = repair_text(body, evidence=evidence)
    fixed_captions: list[str] = []
    for cap in captions:
        cap, cap_repairs = repair_text(cap, evidence=evidence)
        fixed_captions.append(cap)
        repairs.extend(cap_repairs)
    credit_lines = [ln for ln in (raw.text or "").split("\n") if is_credit_line(ln)]
    credits = credited_sources("\n".join([body, *credit_lines]))
    language, confidence = detect_language(body, hint=raw.language)
    return CleanArticle(
        article_id=raw.id,
        url=raw.url,
        source=source,
        title=title,
        author=author,
        body=body,
        captions=fixed_captions,
        credited_sources=credits,
        language=language,
        language_confidence=confidence,
        published_at=published_at,
        word_count=len(body.split()),
        content_hash=content_hash(body),
        cleaner_version=CLEANER_VERSION,
        input_format=fmt,
        repairs=_dedupe(repairs),
    )


def _dedupe(repairs: list[Repair]) -> list[Repair]:
    """One entry per distinct change (a glued word fixed three times is one repair)."""
    seen: set[tuple[str, str, str]] = set()
    out = []
    for r in repairs:
        key = (r.kind, r.before, r.after)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out
