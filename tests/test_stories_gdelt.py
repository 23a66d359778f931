"""GDELT-grade event fields: Goldstein scale from GDELT's table, article tone, GDELT-style geocodes."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from streams.extraction.gdelt import gdelt_fields, geocode, goldstein, tone
from streams.extraction.gdelt.goldstein import table

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT.parent / "shared" / "reference"


def test_goldstein_table_is_rebuilt_identically_from_the_reference():
    if not (REFERENCE / "cameo-goldstein.txt").is_file():
        if os.environ.get("CI") == "true":
            pytest.fail("../shared/reference is missing under CI")
        pytest.skip("../shared/reference not present (a user's clone)")
    sys.path.insert(0, str(ROOT / "tools"))
    import build_goldstein

    built = build_goldstein.build(REFERENCE)
    assert built == (ROOT / "streams" / "data" / "cameo_goldstein.tsv").read_text("utf-8")
    ref = dict(line.split("\t") for line in (REFERENCE / "cameo-goldstein.txt").read_text("utf-8").splitlines()[1:] if line)
    assert {k: float(v) for k, v in ref.items()} == table()


def test_goldstein_table_carries_the_gdelt_citation_and_every_root():
    head = (ROOT / "streams" / "data" / "cameo_goldstein.tsv").read_text("utf-8").split("\n01\t")[0]
    assert "Leetaru, K. and Schrodt, P. (2013)" in head and "https://www.gdeltproject.org/" in head
    assert all(f"{r:02d}" in table() for r in range(1, 21))
    assert all(-10 <= v <= 10 for v in table().values())


def test_goldstein_lookup_keeps_codes_as_strings_and_falls_back_to_the_parent():
    t = table()
    assert goldstein("13") == t["13"] and goldstein("130") == t["130"] and t["13"] != t["130"]  # published quirk kept
    assert goldstein("1829") == t["182"]  # unknown child: nearest listed parent
    assert goldstein("") is None and goldstein("x") is None
    assert goldstein("190") < 0 < goldstein("057")  # fighting is conflict, signing an agreement cooperation


def test_tone_is_signed_bounded_and_length_independent():
    grim = "The flood destroyed homes and killed nine people. Survivors described terrible scenes of loss."
    glad = "The festival was a joyful success. Visitors praised the wonderful music and friendly crowds."
    assert -1 <= tone(grim) < -0.2 and 0.2 < tone(glad) <= 1
    assert tone(" ".join([glad] * 30)) == pytest.approx(tone(glad), abs=0.01)  # no saturation on long texts
    assert tone("") is None and tone(None) is None
    t0 = time.perf_counter()
    tone("word " * 200_000)  # one giant 'sentence': bounded
    assert time.perf_counter() - t0 < 5


def test_geocode_gives_gdelt_fields():
    croydon = geocode("in Croydon, south London")
    assert croydon.geo_type == "city" and croydon.country == "GBR" and croydon.adm1.startswith("GB.")
    assert isinstance(croydon.geonames_id, int) and croydon.lat == pytest.approx(51.38, abs=0.05)
    texas = geocode("Paris, Texas")  # the container named in the phrase decides between namesakes
    assert (texas.country, texas.adm1, texas.geo_type) == ("USA", "US.TX", "city")
    assert geocode("Paris").country == "FRA"
    state = geocode("California")
    assert (state.geo_type, state.adm1, state.lat) == ("adm1", "US.CA", None)
    country = geocode("Afghanistan")
    assert (country.geo_type, country.country, country.lat) == ("country", "AFG", None) and country.geonames_id
    assert geocode("somewhere unnamed") is None and geocode("") is None


def test_gdelt_fields_for_an_event_record():
    event = {"cameo_code": "1823", "location": {"text": "Mazar-i-Sharif", "country": "AFG"}}
    fields = gdelt_fields(event, -0.3)
    assert fields["goldstein"] == goldstein("1823") and fields["tone"] == -0.3
    assert fields["geo"]["country"] == "AFG" and fields["geo"]["geo_type"] == "city"
    assert gdelt_fields({"cameo_code": "010", "location": None}, None)["geo"] is None
