"""Country and sector of any actor phrase, entity or not.

Public API (stable; the coded-events stage imports it):

    lookup_actor(text) -> Actor | None
        Actor(canonical: str, country: str | None, sector: str | None, type: str)

For a span the parser did not mark as an entity ("Israeli forces", "the
Iranian Foreign Minister", "police", "Palestinians", "the Zionist regime"), in
this order: a known organisation or person (project gazetteers), a country /
capital / city (GeoNames, ISO 3166), then a description built from its words
(demonym or country + role/group noun: "Israeli forces" -> ISR/MIL). None
when nothing in the phrase is known. Cached: the same phrases recur.
"""

from __future__ import annotations

from functools import lru_cache

from .gazetteer import Actor, country_names, demonyms, norm, organisations, people, places
from .roles import describe, role_entry

__all__ = ["Actor", "lookup_actor"]


@lru_cache(maxsize=8192)
def lookup_actor(text: str) -> Actor | None:
    """Known actor named or described by ``text`` (see module doc)."""
    if not text or len(text) > 200:
        return None
    key = norm(text.replace("’s", "").replace("'s", ""))
    if not key:
        return None
    org = organisations().get(key)
    if org is not None:
        return org
    person = people().get(key)
    if person is not None and (" " in key or text[:1].isupper()):
        return person
    place = places().get(key) if text.lstrip()[:1].isupper() else None
    if place is not None and place.country:
        if place.kind in ("country", "capital"):
            return Actor(country_names().get(place.country, place.name), place.country, None, "GPE")
        return Actor(place.name, place.country, None, "GPE")
    iso3 = demonyms().get(key)
    if iso3 is not None:
        return Actor(text.strip(), iso3, None, "NORP")
    country, sector = describe(text)
    if country is None and sector is None:
        return None
    is_person = any(role_entry(w)[1] in ("role", "title") for w in key.split())
    return Actor(text.strip(), country, sector, "PERSON" if is_person else "ORG")
