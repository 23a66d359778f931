"""Orchestrates the cleaning steps for one article.

Order: extract (HTML via trafilatura + chrome filter, or the plain-text line
model), repair (mojibake, glued words; every change recorded), credited
sources, language. Stateless: near-duplicate detection needs the stream's
history, so the stage computes ``dedup.signature(article.body)`` and the agent
checks it against the state layer (``streams.duplicates``), then sets ``near_duplicate_of``.

A valid article is never dead-lettered for being short, unpunctuated or hard
to locate: an input is refused only on positive evidence.

* ``not_an_article``: the extractor recognised a page that holds no article
  (an error page, a section index, a paywall stub) and said why.
* ``no_content``: not a letter or digit is left.
* A short text (no longer than ``SHORT_MAX_WORDS`` words in at most
  ``SHORT_MAX_BLOCKS`` lines: a headline, a wire alert, a feed description) is
  kept whole. Telling chrome from article needs a page around it; a text this
  short has none, so the chrome model has nothing to decide and every word is
  the article.
* When the extractor locates no article in a longer input, the input's own text
  is kept (known boilerplate lines removed) with the warning
  ``article_not_located``; an HTML page whose only text is its headline gives
  the headline.

Only ``Rejected`` leaves ``clean`` for unusable input.
"""

from __future__ import annotations

import re

from .. import errors
from ..envelope import parse_timestamp
from ..errors import Rejected
from ..ids import content_hash
from ..records import CleanArticle, RawArticle, Repair
from .chrome import credited_sources, is_credit_line, is_drop, is_stop, norm
from .html import MAX_HTML_CHARS, UnusableHtml, extract_html
from .language import detect_language
from .repair import repair_text
from .text import extract_text, unwrap

CLEANER_VERSION = "0.4.0"  # 0.4: hard-wrapped plain text is unwrapped
MAX_TEXT_CHARS = 2_000_000  # plain text beyond this is not one article
# "Short": about three sentences of news prose (~25 words each), in at most a
# headline plus three lines. Wire alerts, feed descriptions and headlines fit.
SHORT_MAX_WORDS = 80
SHORT_MAX_BLOCKS = 4
ARTICLE_NOT_LOCATED = "article_not_located"
_CONTENT = re.compile(r"[^\W_]")  # a letter or a digit, any script
_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def clean(raw: RawArticle) -> CleanArticle:
    """Raises ``Rejected`` (no_content, not_an_article, too_large, unsupported_content) when no article can be made."""
    try:
        return _clean(raw)
    except Rejected:
        raise
    except RecursionError:
        raise Rejected(errors.UNSUPPORTED_CONTENT, "input nests too deeply to parse", article_id=raw.id) from None
    except MemoryError:
        raise Rejected(errors.TOO_LARGE, "input too large to process", article_id=raw.id) from None


def has_content(text: str | None) -> bool:
    """At least one letter or digit (any script)."""
    return bool(text) and _CONTENT.search(text) is not None


def word_count(text: str) -> float:
    """Words, with unspaced scripts (Chinese, Japanese) counted at ~1.5 characters a word."""
    cjk = len(_CJK.findall(text))
    return len(_WORD.findall(_CJK.sub(" ", text))) + cjk / 1.5


def is_short(text: str) -> bool:
    """No longer than a few sentences: no surrounding page from which chrome could be told apart."""
    if len(text) > 40 * SHORT_MAX_WORDS:  # cheap bound first: no need to count the words of a long text
        return False
    blocks = [ln for ln in text.splitlines() if ln.strip()]
    return len(blocks) <= SHORT_MAX_BLOCKS and word_count(text) <= SHORT_MAX_WORDS


def whole_text(text: str, *, drop_boilerplate: bool = False) -> str:
    """The text as paragraphs (one per non-empty line, spaces normalised), optionally without known boilerplate lines."""
    lines = (norm(_CONTROL.sub("", ln)) for ln in text.splitlines())
    return "\n\n".join(ln for ln in lines if ln and not (drop_boilerplate and (is_drop(ln) or is_stop(ln))))


def _clean(raw: RawArticle) -> CleanArticle:
    captions: list[str] = []
    warnings = list(raw.warnings)
    if raw.html is not None:
        if len(raw.html) > 4 * MAX_HTML_CHARS:
            raise Rejected(errors.TOO_LARGE, f"HTML is {len(raw.html)} chars, limit {4 * MAX_HTML_CHARS}", article_id=raw.id)
        try:
            page = extract_html(raw.html, url=raw.url)
        except UnusableHtml as exc:
            raise Rejected(errors.UNSUPPORTED_CONTENT, f"unusable HTML: {exc}", article_id=raw.id) from None
        _refuse_if_not_article(page, raw.id)
        body, title = page.body, raw.title or page.title
        published_at = raw.published_at or parse_timestamp(page.published_at)
        author, source = page.author, raw.source or page.site
        captions = list(page.captions or [])
        if not has_content(body):
            body = whole_text(title or "")  # a page whose only text is its headline
        evidence = body
        fmt = "html"
    else:
        text = raw.text or ""
        if len(text) > MAX_TEXT_CHARS:
            raise Rejected(errors.TOO_LARGE, f"text is {len(text)} chars, limit {MAX_TEXT_CHARS}", article_id=raw.id)
        text = unwrap(text)  # a hard-wrapped line is no paragraph
        result = extract_text(text, title=raw.title)
        _refuse_if_not_article(result, raw.id)
        if is_short(text):
            body, title = whole_text(text), raw.title
        else:
            body, title, captions = result.body, raw.title or result.title, result.captions
            if not has_content(body):
                body = whole_text(text, drop_boilerplate=True)
                captions = []
                if has_content(body):
                    warnings.append(ARTICLE_NOT_LOCATED)
        published_at, author, source = raw.published_at, None, raw.source
        evidence = text
        fmt = "text"
    if not has_content(body):
        raise Rejected(errors.NO_CONTENT, "no letter or digit left after cleaning", article_id=raw.id)
    body, repairs = repair_text(body, evidence=evidence)
    fixed_captions: list[str] = []
    for cap in captions:
        cap, cap_repairs = repair_text(cap, evidence=evidence)
        fixed_captions.append(cap)
        repairs.extend(cap_repairs)
    credit_lines = [ln for ln in (raw.text or "").split("\n") if is_credit_line(ln)]
    credits = credited_sources("\n".join([body, *credit_lines]))
    language, confidence = detect_language(_language_sample(body, title), hint=raw.language)
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
        warnings=warnings,
    )


def _language_sample(body: str, title: str | None) -> str:
    """The body, with the headline in front when the body alone is short: more words to identify the language by."""
    if title and title not in body and len(body) < 400:
        return f"{title}\n{body}"
    return body


def _refuse_if_not_article(extracted: object, article_id: str) -> None:
    """The extractor's positive finding that the input holds no article (``Page``/``TextResult.not_article``)."""
    reason = getattr(extracted, "not_article", None)
    if reason:
        raise Rejected(errors.NOT_AN_ARTICLE, str(reason)[:300], article_id=article_id)


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
