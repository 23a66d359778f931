"""Article ids are keys: an id with a control, bidi or zero-width character is refused.

Such an id prints like another id (or reorders the text shown around it) while
being a different key, so two records of one article could live under "the
same" id and an operator could not tell them apart. The envelope refuses it as
``invalid_envelope`` with a reason naming the character by code point.
"""

from __future__ import annotations

import unicodedata

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from streams import errors
from streams.deadletter import build_dead_letter
from streams.envelope import decode, id_problem
from streams.errors import Rejected
from streams.cores import clean_one

INVISIBLE = ("Cc", "Cf", "Zl", "Zp")

# Every character the issue names, plus the other controls and separators of the same kind.
REFUSED = {
    "\x00": "control", "\x07": "control", "\t": "control", "\n": "control", "\r": "control", "\x1b": "control",
    "\x7f": "control", "\x85": "control", "\x9f": "control",
    "\u200b": "zero-width", "\u200c": "zero-width", "\u200d": "zero-width", "\u2060": "zero-width", "\ufeff": "zero-width",
    "\u200e": "bidi", "\u200f": "bidi", "\u061c": "bidi",
    "\u202a": "bidi", "\u202b": "bidi", "\u202c": "bidi", "\u202d": "bidi", "\u202e": "bidi",
    "\u2066": "bidi", "\u2067": "bidi", "\u2068": "bidi", "\u2069": "bidi",
    "\u00ad": "format", "\u2028": "separator", "\u2029": "separator",
}


def envelope(article_id: str) -> bytes:
    return orjson.dumps({"id": article_id, "text": "Ministers met in the capital on Tuesday to discuss the budget."})


def refusal(value: bytes) -> Rejected:
    with pytest.raises(Rejected) as exc:
        decode(value)
    return exc.value


@pytest.mark.parametrize("ch", sorted(REFUSED))
@pytest.mark.parametrize("where", ["start", "middle", "end"])
def test_an_id_with_an_invisible_character_is_an_invalid_envelope(ch: str, where: str) -> None:
    article_id = {"start": ch + "wire-2041", "middle": "wire" + ch + "-2041", "end": "wire-2041" + ch}[where]
    exc = refusal(envelope(article_id))
    assert exc.reason == errors.INVALID_ENVELOPE
    assert f"U+{ord(ch):04X}" in exc.message and REFUSED[ch] in exc.message
    assert "control, bidi or zero-width" in exc.message
    # The reason is safe to display: it names the character, it does not carry it, nor the bad id.
    assert not any(unicodedata.category(c) in INVISIBLE for c in exc.message)
    assert exc.article_id is None


def test_a_refused_id_is_dead_lettered_without_the_id() -> None:
    value = envelope("report-\u202e7102")
    outcome = clean_one(value)
    assert outcome.reason == errors.INVALID_ENVELOPE and outcome.records == [] and outcome.article_id is None
    record = build_dead_letter(stage="decode", reason=outcome.reason, message=outcome.message, payload=value, article_id=outcome.article_id,
                               topic="articles.raw", partition=0, offset=7, worker_id="w")
    assert record["reason"] == "invalid_envelope" and "U+202E" in record["message"] and record["article_id"] is None


def test_a_bad_id_does_not_ride_on_another_field_error() -> None:
    exc = refusal(orjson.dumps({"id": "a\u200bb", "text": ["not", "a", "string"]}))
    assert exc.reason == errors.INVALID_ENVELOPE and exc.article_id is None
    exc = refusal(orjson.dumps({"id": "ab", "text": ["not", "a", "string"]}))
    assert exc.article_id == "ab"


@pytest.mark.parametrize("article_id", [
    "reuters-2024-0001", "artículo/ñandú-3", "Straße_17", "北京-新闻-42", "خبر-١٢", "новости:7", "a b c", "id with  spaces",
    "x" * 512, "emoji-\U0001F4F0",
])
def test_ordinary_ids_in_any_script_are_kept(article_id: str) -> None:
    raw = decode(envelope(article_id))
    assert raw.id == article_id and not raw.id_generated


def test_surrounding_spaces_are_still_trimmed_and_an_empty_id_is_derived() -> None:
    assert decode(envelope("  wire-9  ")).id == "wire-9"
    blank = decode(envelope("   "))
    assert blank.id_generated and blank.id.startswith("c-")


def test_a_leading_bom_in_other_fields_is_still_removed() -> None:
    raw = decode(orjson.dumps({"id": "bom-1", "title": "\ufeffHeadline", "text": "\ufeffBody text of the piece."}))
    assert raw.title == "Headline" and raw.text == "Body text of the piece."


_ID_CHARS = st.characters(blacklist_categories=("Cs",))  # lone surrogates cannot be encoded as JSON


@settings(max_examples=400, deadline=None)
@given(st.text(_ID_CHARS, min_size=1, max_size=60))
def test_an_id_is_accepted_exactly_when_it_has_no_invisible_character(article_id: str) -> None:
    has_invisible = any(unicodedata.category(c) in INVISIBLE for c in article_id)
    assert (id_problem(article_id) is not None) == has_invisible
    try:
        raw = decode(envelope(article_id))
    except Rejected as exc:
        assert exc.reason == errors.INVALID_ENVELOPE and has_invisible, exc.message
        return
    assert not has_invisible
    assert raw.id == (article_id.strip() or raw.id)
    assert not any(unicodedata.category(c) in INVISIBLE for c in raw.id)


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(whitelist_categories=("L", "N", "Pd", "Pc")), min_size=1, max_size=40),
       st.sampled_from(sorted(REFUSED)), st.data())
def test_inserting_any_refused_character_anywhere_makes_a_valid_id_invalid(base: str, ch: str, data: st.DataObject) -> None:
    assert decode(envelope(base)).id == base
    at = data.draw(st.integers(0, len(base)))
    exc = refusal(envelope(base[:at] + ch + base[at:]))
    assert exc.reason == errors.INVALID_ENVELOPE and f"position {at}" in exc.message
