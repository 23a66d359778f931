"""Arbitrary text and bytes through envelope.decode + clean: only Rejected may come out."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from streams import envelope
from streams.cleaning import clean
from streams.errors import Rejected
from streams.records import RawArticle

_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(st.binary(max_size=3000))
def test_arbitrary_bytes(value):
    try:
        art = clean(envelope.decode(value))
    except Rejected:
        return
    assert art.body.strip()


@_SETTINGS
@given(st.text(max_size=3000), st.booleans())
def test_arbitrary_text(text, as_html):
    raw = RawArticle(id="x", html=text) if as_html else RawArticle(id="x", text=text)
    try:
        art = clean(raw)
    except Rejected:
        return
    assert art.body.strip()


@_SETTINGS
@given(st.lists(st.sampled_from(["<div>", "</div>", "<p>", "</p>", "Leave a Reply", "Share", "word ", "Gaza. ", "KhameneiSaid ", "\n", "  ", "<br>", "&amp;", "\x00"]), max_size=400))
def test_html_like_soup(parts):
    value = ("<html><body>" + "".join(parts)).encode()
    try:
        clean(envelope.decode(value))
    except Rejected:
        pass


_LETTERS = st.characters(whitelist_categories=("Lu", "Ll", "Lo"))
_WORDS = st.text(_LETTERS, min_size=1, max_size=12)


@_SETTINGS
@given(st.lists(st.lists(_WORDS, min_size=1, max_size=12), min_size=1, max_size=4))
def test_short_texts_with_letters_come_out_whole(lines):
    """A snippet (a few short lines, no full stops) keeps every word of every line that is not chrome by the lexicon."""
    from streams.cleaning.chrome import is_drop, is_stop, is_wall
    from streams.cleaning.text import extract_text

    text = "\n".join(" ".join(words) for words in lines)
    result = extract_text(text)
    kept = [" ".join(w) for w in lines if not (is_drop(" ".join(w)) or is_stop(" ".join(w)) or is_wall(" ".join(w)))]
    got = set(re.findall(r"\w+", result.body + " " + (result.title or "")))
    for line in kept:
        assert set(re.findall(r"\w+", line)) <= got, (text, result)
