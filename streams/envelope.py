"""Turn the bytes of one ``articles.raw`` message into a ``RawArticle``.

Crawlers deliver either a JSON envelope (``schemas/raw-article.schema.json``) or
the page itself, as HTML or already-scraped text. Decoding is strict about the
envelope's *shape* (a field of the wrong type is a producer bug: dead-lettered,
not guessed at) and tolerant about everything an article can legitimately look
like:

* content in any charset: a byte-order mark wins, then UTF-8 when the bytes are
  valid UTF-8, then the charset the document declares (XML declaration or
  ``<meta charset>``), then detection; a BOM is never left in the text
  (:mod:`streams.charset`);
* an XML declaration before the markup is dropped once the bytes are decoded
  (it describes the bytes, not the decoded string, and lxml refuses a Unicode
  string that still carries one);
* a headline-only envelope (a ``title`` and no body) is an article whose text
  is its headline;
* metadata that cannot be read (a date in no known form, a language field that
  is not a language tag) is dropped with a warning on the record, never a reason
  to lose the article. Dates are read with the standard library's parsers of the
  two forms feeds use: ISO 8601 (``datetime.fromisoformat``) and RFC 2822/5322
  (``email.utils.parsedate_to_datetime``, the RSS ``pubDate`` form).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import Any

import orjson

from . import errors
from .charset import BOM, bytes_to_text, without_bom, without_xml_declaration
from .errors import Rejected
from .ids import article_id_for
from .records import RawArticle

DEFAULT_MAX_INPUT_BYTES = 10 * 1024 * 1024

_STRING_FIELDS = ("id", "url", "source", "published_at", "fetched_at", "language", "title", "html", "text")
_DATE_FIELDS = ("published_at", "fetched_at")
_HTML_SNIFF = re.compile(
    rb"<\s*(?:!doctype\s+html|html|head|body|article|div|p|meta|title|span|section|main|br)\b", re.I
)
# An id is a key: two ids that print alike must be the same string. Controls (Cc),
# format characters (Cf: zero-width spaces and joiners, bidi marks, embeddings,
# overrides and isolates, the BOM, soft hyphens) and line/paragraph separators
# (Zl, Zp) are invisible or reorder what follows, so an id holding one is refused.
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp"})
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")
_LANG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")


def decode(value: bytes | None, *, max_bytes: int = DEFAULT_MAX_INPUT_BYTES, envelope_only: bool = False) -> RawArticle:
    """Decode one raw message; raises ``Rejected`` with a reason code when it cannot.

    ``envelope_only`` is for JSON-lines input, where a line that is not a JSON
    object is an error rather than an article in plain text.
    """
    if value is None or not value.strip():
        raise Rejected(errors.EMPTY_INPUT, "message has no content")
    if len(value) > max_bytes:
        raise Rejected(errors.TOO_LARGE, f"message is {len(value)} bytes, limit {max_bytes}")
    original = value
    value = without_bom(value)
    if not value.strip():
        raise Rejected(errors.EMPTY_INPUT, "message has no content after its byte-order mark")
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
    return _from_bytes(value, original)


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
                article_id=doc["id"] if isinstance(doc.get("id"), str) and id_problem(doc["id"]) is None else None,
            )
        fields[name] = v.lstrip(BOM) if v is not None and name != "id" else v
    if fields["id"] is not None and (problem := id_problem(fields["id"])):
        raise Rejected(errors.INVALID_ENVELOPE, problem)
    article_id = (fields["id"] or "").strip() or None
    if article_id is not None and len(article_id) > 512:
        raise Rejected(errors.INVALID_ENVELOPE, "field 'id' must be at most 512 printable characters")
    html, text, title = fields["html"], fields["text"], fields["title"]
    use_html = html is not None and bool(html.strip())
    if not use_html and not (text and text.strip()):
        if title and title.strip():
            text = title  # a headline-only item (wire flash, feed entry without description): the headline is the text
        elif html is None and text is None:
            raise Rejected(errors.INVALID_ENVELOPE, "envelope has none of 'html', 'text' or 'title'", article_id=article_id)
        else:
            raise Rejected(errors.EMPTY_INPUT, "envelope content is empty", article_id=article_id)
    content = html if use_html else text
    warnings: list[str] = []
    for name in _DATE_FIELDS:
        if fields[name] is not None and fields[name].strip():
            parsed = parse_timestamp(fields[name])
            if parsed is None:
                warnings.append(f"{name}_unreadable: {fields[name].strip()[:60]!r} dropped")
            fields[name] = parsed
        else:
            fields[name] = None
    lang = language_tag(fields["language"])
    if fields["language"] and fields["language"].strip() and lang is None:
        warnings.append(f"language_unreadable: {fields['language'].strip()[:40]!r} dropped")
    generated = article_id is None
    if generated:
        article_id = article_id_for(fields["url"], content)
    return RawArticle(
        id=article_id,
        url=fields["url"] or None,
        source=fields["source"] or None,
        published_at=fields["published_at"],
        fetched_at=fields["fetched_at"],
        language=lang,
        title=title or None,
        html=without_xml_declaration(html) if use_html else None,
        text=None if use_html else text,
        id_generated=generated,
        warnings=warnings,
    )


def id_problem(article_id: str) -> str | None:
    """Why an id as received is not a usable key (the first invisible character), else ``None``.

    The message names the character by code point and never contains it, so the
    dead letter and the log line are safe to display.
    """
    for position, ch in enumerate(article_id):
        category = unicodedata.category(ch)
        if category not in _INVISIBLE_CATEGORIES:
            continue
        if ch in _BIDI_CONTROLS:
            kind = "a bidi control"
        elif ch in _ZERO_WIDTH:
            kind = "a zero-width character"
        elif category == "Cc":
            kind = "a control character"
        elif category == "Cf":
            kind = "an invisible format character"
        else:
            kind = "a line separator"
        name = unicodedata.name(ch, "")
        label = f"U+{ord(ch):04X}" + (f" {name}" if name else "")
        return (f"field 'id' contains {kind} ({label}) at position {position}: ids with control, bidi or "
                "zero-width characters are refused (they print like other ids but are different keys)")
    return None


def parse_timestamp(value: str | None) -> str | None:
    """ISO 8601 or RFC 2822/5322 date(-time) -> ISO 8601 UTC with ``Z``; ``None`` when it is neither.

    A time without a zone (or RFC 2822's ``-0000``, "zone unknown") is taken as UTC.
    """
    s = (value or "").strip()
    if not s:
        return None
    dt: datetime | None = None
    try:
        dt = datetime.fromisoformat(s.replace("z", "Z"))
    except ValueError:
        try:
            dt = parsedate_to_datetime(s)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    try:
        return dt.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")
    except (OverflowError, ValueError):  # e.g. year 1 with a positive offset
        return None


def normalise_timestamp(value: str, name: str = "timestamp", article_id: str | None = None) -> str:
    """Like ``parse_timestamp``, for callers that must refuse a date they cannot read."""
    parsed = parse_timestamp(value)
    if parsed is None:
        raise Rejected(errors.INVALID_ENVELOPE, f"field {name!r} is neither an ISO 8601 nor an RFC 2822 date-time: {value.strip()[:40]!r}", article_id=article_id)
    return parsed


def language_tag(value: str | None) -> str | None:
    """Primary language subtag of a BCP 47 tag as ISO 639-1 when it has one ("en-GB" -> "en", "deu" -> "de")."""
    s = (value or "").strip()
    if not s or not _LANG.match(s):
        return None
    primary = re.split(r"[-_]", s, maxsplit=1)[0].lower()
    return _iso639_1(primary) if len(primary) == 3 else primary


@lru_cache(maxsize=512)
def _iso639_1(code: str) -> str:
    import pycountry

    try:
        lang = pycountry.languages.get(alpha_3=code) or pycountry.languages.get(bibliographic=code)
    except (KeyError, LookupError):
        lang = None
    return getattr(lang, "alpha_2", None) or code


def _from_bytes(value: bytes, original: bytes) -> RawArticle:
    text = bytes_to_text(value)
    is_html = bool(_HTML_SNIFF.search(value[:4096]))
    return RawArticle(
        id=article_id_for(None, original),
        html=without_xml_declaration(text) if is_html else None,
        text=None if is_html else text,
        id_generated=True,
    )
