"""Every coded event carries GDELT's per-event fields: the Goldstein scale of its CAMEO code, its
article's tone, and its place geocoded (issue 17, item 3). Texts written by the team."""

from __future__ import annotations

import pytest

from streams.extraction import extract
from streams.ids import content_hash
from streams.records import CleanArticle
from streams.schemas import errors_in
from streams.extraction.gdelt import goldstein


def _extract(body: str, article_id: str = "gdelt-1"):
    article = CleanArticle(article_id=article_id, body=body, content_hash=content_hash(body), cleaner_version="test",
                           input_format="text", language="en")
    return extract(article)


def test_events_carry_goldstein_tone_and_geo() -> None:
    result = _extract("Artillery units shelled a market in Kharkiv on Sunday, killing four people, "
                      "regional officials said, and rescuers worked through the night.")
    assert result.events, "the text reports shelling: the coder must emit an event"
    for ev in result.events:
        assert errors_in("event", ev) == []
        assert ev["goldstein"] == goldstein(ev["cameo_code"])
        assert ev["tone"] == result.enriched["tone"]
    located = [ev for ev in result.events if ev["geo"]]
    assert located, "the place of the shelling is named"
    geo = located[0]["geo"]
    assert (geo["country"], geo["geo_type"]) == ("UKR", "city") and geo["adm1"].startswith("UA.")
    assert geo["lat"] == pytest.approx(49.98, abs=0.1) and isinstance(geo["geonames_id"], int)
    assert errors_in("enriched_article", result.enriched) == []


def test_tone_follows_the_wording() -> None:
    grim = _extract("Gunmen killed eleven villagers in a brutal, horrific massacre, and terrified survivors fled.", "g-grim")
    warm = _extract("The two governments signed a warm, friendly agreement and praised the excellent cooperation.", "g-warm")
    assert grim.enriched["tone"] < 0 < warm.enriched["tone"]


def test_a_country_place_has_no_coordinates() -> None:
    result = _extract("Police in Kenya arrested twelve protesters on Friday after a march turned violent.", "g-country")
    geos = [ev["geo"] for ev in result.events if ev["geo"]]
    assert geos and all(g["geo_type"] != "country" or (g["lat"] is None and g["lon"] is None) for g in geos)
