"""Country and sector of any actor phrase, entity or not.

Public API (stable; the coded-events stage imports it):

    lookup_actor(text) -> KnownActor | None
        KnownActor(canonical: str, country: str | None, sector: str | None, type: str)

For a span the parser did not mark as an entity ("Israeli forces", "the
Iranian Foreign Minister", "police", "Palestinians", "the Zionist regime"), in
this order: a known organisation or person (project gazetteers), a country /
capital / big city (GeoNames, ISO 3166; towns that are also common English
words never match, and a town under :data:`CITY_ACTOR_MIN_POPULATION` is no
actor: "Police" is not Police, Poland), a demonym (canonicalised to its
country: "Israeli" / "Zionist" -> Israel), a known person behind titles, roles
and initials ("President Trump", "House Speaker Nancy Pelosi", "Vladimir V.
Putin"), then a description built from its words (demonym or country +
role/group noun: "Israeli forces" -> ISR/MIL, "Syrian rebels" -> SYR/REB). The
text's own role beats the gazetteer's ("Dutch Prime Minister Mark Rutte" is
NLD). None when nothing in the phrase is known. Cached: the same phrases recur.
"""

from __future__ import annotations

from functools import lru_cache

from .gazetteer import KnownActor, country_names, demonyms, norm, organisations, people, person, places
from .roles import describe, role_entry

__all__ = ["KnownActor", "lookup_actor"]

CITY_ACTOR_MIN_POPULATION = 100_000  # a town smaller than this is a place, never an actor's country


@lru_cache(maxsize=8192)
def lookup_actor(text: str) -> KnownActor | None:
    """Known actor named or described by ``text`` (see module doc)."""
    if not text or len(text) > 200:
        return None
    key = norm(text.replace("’s", "").replace("'s", ""))
    if not key:
        return None
    org = organisations().get(key)
    if org is not None:
        return org
    known = people().get(key)
    if known is not None and (" " in key or text[:1].isupper()):
        return known
    place = places().get(key) if text.lstrip()[:1].isupper() else None
    if place is not None and place.country and (place.kind != "city" or place.population >= CITY_ACTOR_MIN_POPULATION):
        if place.kind in ("country", "capital"):
            return KnownActor(country_names().get(place.country, place.name), place.country, None, "GPE")
        return KnownActor(place.name, place.country, None, "GPE")
    iso3 = demonyms().get(key)
    if iso3 is not None:
        return KnownActor(country_names().get(iso3, text.strip()), iso3, None, "NORP")
    country, sector = describe(text)
    who = person(text) if any(c.isupper() for c in text) else None
    if who is not None:
        return KnownActor(who.canonical, country or who.country, sector or who.sector, "PERSON")
    if country is None and sector is None:
        return None
    words = key.split()
    head_kind = role_entry(words[-1])[1] if words else ""
    is_person = head_kind != "org" and any(role_entry(w)[1] in ("role", "title") for w in words)  # "Assad's government" is no person
    return KnownActor(text.strip(), country, sector, "PERSON" if is_person else "ORG")
