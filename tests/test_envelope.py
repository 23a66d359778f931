"""Decoding of articles.raw messages: envelopes, sniffed raw bytes, and what is refused."""

from __future__ import annotations

import orjson
import pytest

from streams.envelope import decode, normalise_timestamp
from streams.errors import Rejected
from streams.ids import article_id_for


def reason(value: bytes, **kw) -> str:
    with pytest.raises(Rejected) as exc:
        decode(value, **kw)
    return exc.value.reason


def test_envelope_fields_are_kept_and_dates_normalised() -> None:
    raw = decode(orjson.dumps({"id": "a1", "url": "https://x.test/a", "source": "x", "published_at": "2024-03-27T12:00:00+02:00",
                               "language": "EN", "title": "T", "text": "Body text."}))
    assert (raw.id, raw.url, raw.source, raw.title, raw.text, raw.html) == ("a1", "https://x.test/a", "x", "T", "Body text.", None)
    assert raw.published_at == "2024-03-27T10:00:00Z"
    assert raw.language == "en" and not raw.id_generated


def test_missing_id_is_derived_from_url_then_content() -> None:
    a = decode(orjson.dumps({"url": "https://x.test/a", "text": "one"}))
    b = decode(orjson.dumps({"url": "https://x.test/a", "text": "two"}))
    assert a.id == b.id == article_id_for("https://x.test/a", None) and a.id_generated
    c = decode(orjson.dumps({"text": "same words"}))
    d = decode(orjson.dumps({"text": "same words"}))
    e = decode(orjson.dumps({"text": "other words"}))
    assert c.id == d.id != e.id


def test_html_is_preferred_over_text_when_both_are_given() -> None:
    raw = decode(orjson.dumps({"id": "x", "html": "<p>Hi</p>", "text": "Hi"}))
    assert raw.html == "<p>Hi</p>" and raw.text is None


def test_raw_bytes_are_sniffed_as_html_or_text() -> None:
    html = decode(b"<!DOCTYPE html><html><body><p>Hello</p></body></html>")
    text = decode(b"Just a plain article about things.")
    assert html.html is not None and html.text is None and html.id_generated
    assert text.text == "Just a plain article about things." and text.html is None
    assert decode(b"Just a plain article about things.").id == text.id


def test_legacy_charsets_are_detected() -> None:
    raw = decode("Le président français a rencontré hier à Paris le chancelier allemand.".encode("cp1252"))
    assert "président" in raw.text
    html = decode('<html><head><meta charset="iso-8859-1"></head><body>Café crème</body></html>'.encode("latin-1"))
    assert "Café crème" in html.html


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (b"", "empty_input"),
        (b"   \n\t ", "empty_input"),
        (b'{"id": "x", "text": ', "invalid_json"),
        (b'{"id": "x", "text": "caf\xe9"}', "invalid_encoding"),
        (orjson.dumps({"id": 7, "text": "x"}), "invalid_envelope"),
        (orjson.dumps({"id": "x", "text": ["a"]}), "invalid_envelope"),
        (orjson.dumps({"id": "x", "title": "no body"}), "invalid_envelope"),
        (orjson.dumps({"id": "x", "text": "  "}), "empty_input"),
        (orjson.dumps({"id": "x", "text": "a", "published_at": "yesterday"}), "invalid_envelope"),
        (orjson.dumps({"id": "x", "text": "a", "language": "not a language"}), "invalid_envelope"),
        (orjson.dumps([{"id": "x", "text": "a"}]), "invalid_envelope"),
        (b"\x00\x01\x02\x03" * 100, "unsupported_content"),
    ],
)
def test_bad_inputs_are_rejected_with_a_reason(value: bytes, expected: str) -> None:
    assert reason(value) == expected


def test_size_limit() -> None:
    assert reason(b"x" * 2048, max_bytes=1024) == "too_large"


def test_json_lines_must_be_objects() -> None:
    assert reason(b"plain text line", envelope_only=True) == "invalid_json"
    assert reason(b'"a string"', envelope_only=True) == "invalid_envelope"


def test_text_starting_with_a_bracket_is_still_text() -> None:
    assert decode(b"[Photo] The minister spoke on Monday.").text.startswith("[Photo]")


def test_timestamps() -> None:
    assert normalise_timestamp("2024-03-27") == "2024-03-27T00:00:00Z"
    assert normalise_timestamp("2024-03-27T10:00:00z") == "2024-03-27T10:00:00Z"
