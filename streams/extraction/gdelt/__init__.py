"""GDELT-grade fields of an event record, as pure functions: Goldstein scale,
article tone, and the event place geocoded the way GDELT does it.

    goldstein(cameo_code) -> float | None
    tone(text) -> float | None                   in [-1, 1]
    geocode(place_text) -> GeoPlace | None       name, ISO3, ADM1, lat/lon, GeoNames id, geo type
    gdelt_fields(event, article_tone) -> dict    the three, ready to add to an event record
"""

from __future__ import annotations

from typing import Any

from .geo import GeoPlace, geocode
from .goldstein import goldstein
from .tone import tone

__all__ = ["GeoPlace", "geocode", "goldstein", "tone", "gdelt_fields"]


def gdelt_fields(event: dict[str, Any], article_tone: float | None) -> dict[str, Any]:
    """``goldstein``, ``tone`` and ``geo`` for one event record (its ``location`` text geocoded)."""
    location = event.get("location") or {}
    place = geocode(location.get("text") or "") if location else None
    return {
        "goldstein": goldstein(event.get("cameo_code") or ""),
        "tone": article_tone,
        "geo": place.to_dict() if place is not None else None,
    }
