"""Bytes of unknown charset -> text, as a browser would read them.

A byte-order mark wins, then UTF-8 when the bytes are valid UTF-8, then the
charset the document declares (XML declaration or ``<meta charset>``, mapped to
the superset browsers use), then detection with ``charset_normalizer`` when there
are enough bytes to tell. Binary data (images, archives, random bytes) is
refused rather than decoded into noise that would reach the extractor. Split
from :mod:`streams.envelope`, which reads the envelope's shape and fields.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from . import errors
from .errors import Rejected

_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]{0,200}\?>\s*", re.I)
BOM = "\ufeff"
# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MAX_REPLACED_SHARE = 0.01  # a page with a few stray bytes is decoded with U+FFFD; more is not text in that charset
_MIN_DETECT_BYTES = 32  # below this, charset detection is a coin toss (a French headline comes out as Farsi)
_TEXT_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")  # never in real text; random bytes are full of them


def without_bom(value: bytes) -> bytes:
    """Bytes that start with a byte-order mark, re-encoded as UTF-8 without it (the mark names the charset)."""
    for bom, encoding in _BOMS:
        if value.startswith(bom):
            try:
                return value[len(bom):].decode(encoding).encode("utf-8", "surrogatepass")
            except UnicodeDecodeError as exc:
                raise Rejected(errors.INVALID_ENCODING, f"bytes after a {encoding} byte-order mark are not {encoding} ({exc.reason} at byte {exc.start})") from None
    return value


def without_xml_declaration(html: str) -> str:
    """The markup without a leading ``<?xml ...?>``: once decoded, its encoding no longer describes anything."""
    return _XML_DECLARATION.sub("", html, count=1) if html.lstrip()[:5].lower() == "<?xml" else html


_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,100}encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})""", re.I)
# Labels browsers decode as a superset charset (WHATWG Encoding Standard, "encodings"
# table): pages labelled with the narrow name routinely use the superset's extra characters.
_WHATWG_SUPERSET = {
    "ascii": "cp1252", "latin-1": "cp1252", "iso8859-1": "cp1252", "iso8859-9": "cp1254",
    "tis-620": "cp874", "iso8859-11": "cp874", "gb2312": "gb18030", "gbk": "gb18030",
    "shift_jis": "cp932", "euc_kr": "cp949", "big5": "big5hkscs",
}
# Single-byte charsets that WHATWG decodes as windows-1252; preferred among equally
# plausible detections because it is by far the most common legacy web charset.
_WEB_DEFAULT = {"cp1252", "windows-1252", "latin_1", "iso8859_1", "iso8859_15"}


def declared_charset(value: bytes) -> str | None:
    """The charset an HTML/XML document declares for itself, if Python knows it (as browsers map it)."""
    m = _META_CHARSET.search(value[:4096]) or _XML_ENCODING.search(value[:200])
    if not m:
        return None
    try:
        name = codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None
    if name.startswith(("utf-16", "utf-32")):
        return None  # an ASCII-readable declaration cannot be true of UTF-16/32 bytes (no BOM was found)
    return _WHATWG_SUPERSET.get(name, name)


def detect_charset(value: bytes) -> str | None:
    results = [m for m in from_bytes(value[:200_000]) if not m.encoding.startswith(("utf_16", "utf_32"))]
    if not results:
        return None
    best = min(results, key=lambda m: m.chaos)
    tied = [m.encoding for m in results if m.chaos <= best.chaos + 0.01]
    if any(enc in _WEB_DEFAULT for enc in tied):
        return "cp1252"
    return best.encoding


def _utf16_without_bom(value: bytes) -> str | None:
    """Text in UTF-16 without a byte-order mark: ASCII-range characters put a NUL in every other byte."""
    sample = value[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if half < 8 or max(even, odd) < 0.6 * half or min(even, odd) > 0.05 * half:
        return None
    try:
        return value.decode("utf-16-be" if even > odd else "utf-16-le")
    except UnicodeDecodeError:
        return None


def bytes_to_text(value: bytes) -> str:
    """Decode bytes of unknown charset: UTF-8 when valid, else the declared, else the detected charset.

    Binary data (images, archives, random bytes) is refused rather than decoded
    into noise that would reach the extractor.
    """
    text: str | None = None
    if value[:8192].count(b"\x00") > 8:
        text = _utf16_without_bom(value)
        if text is None:
            raise Rejected(errors.UNSUPPORTED_CONTENT, "input looks binary (NUL bytes)")
    if text is None:
        text = _decode_legacy(value)
    text = text.lstrip(BOM)
    sample = text[:8192]
    if sample and len(_TEXT_CONTROL.findall(sample)) > 0.05 * len(sample):
        raise Rejected(errors.UNSUPPORTED_CONTENT, "input looks binary (control characters)")
    return text


def _decode_legacy(value: bytes) -> str:
    """UTF-8, else the declared charset, else a detected one, else (a few bad bytes) UTF-8 with replacements.

    Detection is a guess and needs evidence: below ``_MIN_DETECT_BYTES`` only
    the web's default charset is tried, and only if every non-ASCII character
    it gives is a letter; a guess that yields control characters is not text in
    that charset; a BOM-less UTF-16/32 guess is left to ``_utf16_without_bom``.
    Random bytes therefore end as ``invalid_encoding``, not as gibberish articles.
    """
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = declared_charset(value)
    if declared:
        try:
            return value.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    if len(value) < _MIN_DETECT_BYTES:
        text = value.decode("cp1252", errors="replace")
        if "\ufffd" not in text and not _TEXT_CONTROL.search(text) and all(c.isalpha() for c in text if ord(c) > 127):
            return text
        raise Rejected(errors.INVALID_ENCODING, f"{len(value)} bytes, not UTF-8 and no declared charset: too few to tell which charset")
    detected = detect_charset(value)
    if detected:
        try:
            text = value.decode(detected)
            if not _TEXT_CONTROL.search(text[:8192]):
                return text
        except (UnicodeDecodeError, LookupError):
            pass
    # As a browser would: the declared charset or UTF-8 with replacement characters, if only a few bytes are wrong.
    for encoding in [declared or "utf-8", "utf-8"]:
        try:
            text = value.decode(encoding, errors="replace")
        except LookupError:
            continue
        if text.count("\ufffd") <= _MAX_REPLACED_SHARE * max(1, len(text)) and not _TEXT_CONTROL.search(text[:8192]):
            return text
    raise Rejected(errors.INVALID_ENCODING, "bytes are neither UTF-8 nor in a declared or detectable charset")
