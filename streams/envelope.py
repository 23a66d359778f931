"""Turn the bytes of one ``articles.raw`` message into a ``RawArticle``.

Crawlers deliver either a JSON envelope (``schemas/raw-article.schema.json``) or
the page itself, as HTML or already-scraped text. Decoding is strict about the
envelope (wrong types are dead-lettered, not guessed at) and tolerant about the
content (any charset, detected when it is not UTF-8).
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any

import orjson
from charset_normalizer import from_bytes

from . import errors
from .errors import Rejected
from .ids import article_id_for
from .records import RawArticle

DEFAULT_MAX_INPUT_BYTES = 10 * 1024 * 1024

_STRING_FIELDS = ("id", "url", "source", "published_at", "fetched_at", "language", "title", "html", "text")
_DATE_FIELDS = ("published_at", "fetched_at")
_HTML_SNIFF = re.compile(
    rb"<\s*(?:!doctype\s+html|html|head|body|article|div|p|meta|title|span|section|main|br)\b", re.I
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_LANG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


def decode(value: bytes | None, *, max_bytes: int = DEFAULT_MAX_INPUT_BYTES, envelope_only: bool = False) -> RawArticle:
    """Decode one raw message; raises ``Rejected`` with a reason code when it cannot.

    ``envelope_only`` is for JSON-lines input, where a line that is not a JSON
    object is an error rather than an article in plain text.
    """
    if value is None or not value.strip():
        raise Rejected(errors.EMPTY_INPUT, "message has no content")
    if len(value) > max_bytes:
        raise Rejected(errors.TOO_LARGE, f"message is {len(value)} bytes, limit {max_bytes}")
    head = value.lstrip()[:1]
    if envelope_only and head != b"{":
        doc = _load_json(value)
        raise Rejected(errors.INVALID_ENVELOPE, f"JSON line must be an object, got {type(doc).__name__}")
    if head == b"{":
        return _from_envelope(_load_json(value))
    if head == b"[":
        try:
            doc = orjson.loads(value)
        except orjson.JSONDecodeError:
            doc = None  # text that merely starts with a bracket
        if doc is not None:
            raise Rejected(errors.INVALID_ENVELOPE, "JSON input must be an object (one article per message)")
    return _from_bytes(value)


def _load_json(value: bytes) -> Any:
    try:
        value.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Rejected(errors.INVALID_ENCODING, f"JSON envelope is not valid UTF-8 ({exc.reason} at byte {exc.start})") from None
    try:
        return orjson.loads(value)
    except orjson.JSONDecodeError as exc:
        raise Rejected(errors.INVALID_JSON, f"not valid JSON: {exc}") from None


def _from_envelope(doc: Any) -> RawArticle:
    if not isinstance(doc, dict):
        raise Rejected(errors.INVALID_ENVELOPE, f"envelope must be a JSON object, got {type(doc).__name__}")
    fields: dict[str, str | None] = {}
    for name in _STRING_FIELDS:
        v = doc.get(name)
        if v is not None and not isinstance(v, str):
            raise Rejected(
                errors.INVALID_ENVELOPE,
                f"field {name!r} must be a string or null, got {type(v).__name__}",
                article_id=doc.get("id") if isinstance(doc.get("id"), str) else None,
            )
        fields[name] = v
    article_id = (fields["id"] or "").strip() or None
    if article_id is not None and (len(article_id) > 512 or _CONTROL.search(article_id)):
        raise Rejected(errors.INVALID_ENVELOPE, "field 'id' must be at most 512 printable characters")
    html, text = fields["html"], fields["text"]
    if html is None and text is None:
        raise Rejected(errors.INVALID_ENVELOPE, "envelope has neither 'html' nor 'text'", article_id=article_id)
    content = html if html is not None and html.strip() else text
    if content is None or not content.strip():
        raise Rejected(errors.EMPTY_INPUT, "envelope content is empty", article_id=article_id)
    for name in _DATE_FIELDS:
        if fields[name] is not None:
            fields[name] = normalise_timestamp(fields[name], name, article_id)
    lang = fields["language"]
    if lang is not None and not _LANG.match(lang.strip()):
        raise Rejected(errors.INVALID_ENVELOPE, f"field 'language' is not a language tag: {lang[:40]!r}", article_id=article_id)
    generated = article_id is None
    if generated:
        article_id = article_id_for(fields["url"], content)
    use_html = html is not None and bool(html.strip())
    return RawArticle(
        id=article_id,
        url=fields["url"] or None,
        source=fields["source"] or None,
        published_at=fields["published_at"],
        fetched_at=fields["fetched_at"],
        language=lang.strip().lower()[:2] if lang else None,
        title=fields["title"] or None,
        html=html if use_html else None,
        text=None if use_html else text,
        id_generated=generated,
    )


def normalise_timestamp(value: str, name: str = "timestamp", article_id: str | None = None) -> str:
    """ISO-8601 in, ISO-8601 UTC with ``Z`` out; a naive time is taken as UTC."""
    s = value.strip()
    try:
        dt = datetime.fromisoformat(s.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise Rejected(errors.INVALID_ENVELOPE, f"field {name!r} is not an ISO-8601 date-time: {s[:40]!r}", article_id=article_id) from None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def _from_bytes(value: bytes) -> RawArticle:
    text = bytes_to_text(value)
    is_html = bool(_HTML_SNIFF.search(value[:4096]))
    return RawArticle(
        id=article_id_for(None, value),
        html=text if is_html else None,
        text=None if is_html else text,
        id_generated=True,
    )


_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,100}encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})""", re.I)
# Single-byte charsets that WHATWG decodes as windows-1252; preferred among equally
# plausible detections because it is by far the most common legacy web charset.
_WEB_DEFAULT = {"cp1252", "windows-1252", "latin_1", "iso8859_1", "iso8859_15"}


def declared_charset(value: bytes) -> str | None:
    """The charset an HTML/XML document declares for itself, if Python knows it."""
    import codecs

    m = _META_CHARSET.search(value[:4096]) or _XML_ENCODING.search(value[:200])
    if not m:
        return None
    try:
        name = codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None
    return "cp1252" if name in ("latin-1", "iso8859-1") else name


def detect_charset(value: bytes) -> str | None:
    results = list(from_bytes(value[:200_000]))
    if not results:
        return None
    best = min(results, key=lambda m: m.chaos)
    tied = [m.encoding for m in results if m.chaos <= best.chaos + 0.01]
    if any(enc in _WEB_DEFAULT for enc in tied):
        return "cp1252"
    return best.encoding


def bytes_to_text(value: bytes) -> str:
    """Decode bytes of unknown charset: UTF-8 when valid, else the detected charset.

    Binary data (images, archives, random bytes) is refused rather than decoded
    into noise that would reach the extractor.
    """
    if b"\x00" in value[:8192] and value[:8192].count(b"\x00") > 8:
        raise Rejected(errors.UNSUPPORTED_CONTENT, "input looks binary (NUL bytes)")
    try:
        text = value.decode("utf-8")
    except UnicodeDecodeError:
        encoding = declared_charset(value) or detect_charset(value)
        if encoding is None:
            raise Rejected(errors.INVALID_ENCODING, "bytes are neither UTF-8 nor a detectable charset") from None
        try:
            text = value.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            raise Rejected(errors.INVALID_ENCODING, f"bytes do not decode as charset {encoding}") from None
    sample = text[:8192]
    if sample and len(_CONTROL.findall(sample)) > 0.05 * len(sample):
        raise Rejected(errors.UNSUPPORTED_CONTENT, "input looks binary (control characters)")
    return text
