"""Actors from the field's dictionaries: named actors with dated codes, and generic agents.

Public API (stable; the coded-events stage and the entity stage use it)::

    ActorInfo(canonical, code, country, sector, source, flags)
    named_actor(text, when, *, label=None) -> ActorInfo | None
    agent_actor(span, when) -> ActorInfo | None
    actor_date(published_at) -> datetime.date | None

Knowledge is data, derived by ``tools/build_actor_tables.py`` from the Phoenix
dictionaries of PETRARCH2 and the PLOVER agents list of NGEC (files under
``streams/data/`` whose headers name source file, commit and licence):

* ``actors_phoenix_{countries,international,milnonstate}.tsv``: named actors
  (states with their cities, provinces and demonyms; office-holders; agencies;
  IGOs, NGOs, firms; armed groups), each with its CAMEO codes and their date
  ranges. An office-holder is coded GOV only during the term the dictionary
  gives ("[USAGOV >090120]": from 20 January 2009 on), resolved against the
  article's date.
* ``actors_people.tsv``: the project's own gazetteer of well-known people,
  which carries office-holders after the dictionaries' horizon (the last date
  any of their ranges mentions, ~2015). For a date after the horizon it beats
  the dictionary; before it, the dictionary's dated codes are used. Its
  ``terms`` column gives the periods in office; outside them a person is ELI
  (a former official) after a term and has no sector before the first.
* ``actors_agents.tsv``: generic agent nouns ("police" COP, "rebels" REB,
  "protesters" CVL, "security forces", "riot police") with PLOVER sectors;
  the country of an agent phrase comes from a modifier naming a state
  ("Afghan police", "Kenya's army") or a place it is in ("police in Lagos").
* ``actors_codes.tsv``: how a CAMEO code reads as country and PLOVER sector.

A dictionary record outside all its ranges and without a default codes
nothing (PETRARCH's null code), so a name that matches someone years away
from their office gives no actor. Names are matched as written with a
capital, per spaCy label kind (a PERSON never matches a state's record, a
place never a person's), and a key the agents list calls generic ("senate",
"security council") names no one.

Without a date (no ``published_at``), date ranges are resolved against today
and a result whose entry is dated carries the flag ``date_unresolved``. Other
flags: ``out_of_term`` (a people-gazetteer person before their first term:
the country is kept, the sector is not), ``ambiguous`` (several dictionary
actors share the name and agree on the country only; several that disagree
give None).

Lookups are dict hits on a normalised key (:func:`actor_key`); the tables load
once per process (``warm()``, called by ``gazetteer.warm()`` in the NLP
child: ~0.2 s CPU, ~15 MiB; ``tools/build_actor_tables.py --measure``).

Why one module of ~550 lines: the named-actor tables (with their date ranges) and the
agent nouns share one key normalisation, one code reading (``code_parts``) and one
answer type (``ActorInfo``), and an agent's country is itself a named-actor lookup.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..data import header as table_header
from ..data import rows as table_rows
from .gazetteer import norm

if TYPE_CHECKING:  # spaCy is imported by the caller; this module needs only its types
    from spacy.tokens import Span, Token

__all__ = ["ActorInfo", "actor_date", "actor_key", "agent_actor", "code_parts", "named_actor", "warm"]

NAMED_TABLES = (
    ("actors_phoenix_countries.tsv", "phoenix-countries"),
    ("actors_phoenix_international.tsv", "phoenix-international"),
    ("actors_phoenix_milnonstate.tsv", "phoenix-milnonstate"),
)
PEOPLE_TABLE = "actors_people.tsv"
AGENTS_TABLE = "actors_agents.tsv"
AGENT_HEADS_TABLE = "actors_agent_heads.tsv"
SPELLINGS_TABLE = "actors_spellings.tsv"
CODES_TABLE = "actors_codes.tsv"
PEOPLE_SOURCE = "people-gazetteer"
OPEN_START, OPEN_END = 0, 99_999_999  # yyyymmdd bounds of an open range
MAX_AGENT_TOKENS = 12  # an agent phrase longer than this is a clause, not a noun phrase

_DROP = re.compile(r"[.,'\"]")
_SPACES = re.compile(r"[\s\-_]+")
_POSSESSIVE = re.compile(r"'s$|s'$")


@dataclass(frozen=True, slots=True)
class ActorInfo:
    """One actor as the dictionaries code it, at one date."""

    canonical: str  # dictionary canonical name (the agent phrase for an agent)
    code: str  # CAMEO actor code, e.g. "USAGOV", "IGOUNO", "AFGCOP", "REB"
    country: str | None  # ISO3, or IGO / NGO / MNC / IMG; None for a country-less agent
    sector: str | None  # PLOVER sector code
    source: str  # phoenix-countries | phoenix-international | phoenix-milnonstate | people-gazetteer | phoenix-agents | plover-agents
    flags: frozenset[str] = frozenset()


@lru_cache(maxsize=65_536)  # a pure function asked for the same words again and again (bounded memo)
def actor_key(text: str) -> str:
    """Lookup key of a name: case, accents, periods, apostrophes, hyphens and a leading "the" do not count.

    "U.S." -> "us", "Al-Qa'ida" -> "al qaida", "the Taliban's" -> "taliban", "São Tomé" -> "sao tome".
    """
    text = _POSSESSIVE.sub("", norm(text))
    text = _SPACES.sub(" ", _DROP.sub("", text)).strip()
    return text[4:] if text.startswith("the ") else text


def actor_date(published_at: str | datetime.date | None) -> datetime.date | None:
    """The date to resolve date ranges against, from a record's ``published_at`` (ISO 8601); None if absent or unreadable."""
    if published_at is None or isinstance(published_at, datetime.date):
        return published_at.date() if isinstance(published_at, datetime.datetime) else published_at
    text = str(published_at).strip()
    try:
        return datetime.date.fromisoformat(text[:10])
    except ValueError:
        return None


# --- codes ---------------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _code_table() -> tuple[dict[str, tuple[str, str | None, str | None]], dict[str, tuple[str, str | None, str | None]]]:
    """(first-element table, later-element table): element -> (kind, value, domain/default)."""
    first: dict[str, tuple[str, str | None, str | None]] = {}
    later: dict[str, tuple[str, str | None, str | None]] = {}
    for element, kind, value, extra, *_ in table_rows(CODES_TABLE):
        entry = (kind, None if value == "-" else value, None if extra == "-" else extra)
        (first if kind in ("state", "convention", "region") else later)[element] = entry
    return first, later


@lru_cache(maxsize=1)
def _iso3() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"}


@lru_cache(maxsize=4096)
def code_parts(code: str) -> tuple[str | None, str | None]:
    """(country, PLOVER sector) of a CAMEO actor code: "USAGOVLEG" -> ("USA", "LEG"), "IGOUNOHLH" -> ("IGO", "MED")."""
    first, later = _code_table()
    elements = [code[i : i + 3] for i in range(0, len(code) - len(code) % 3, 3)]
    if not elements:
        return None, None
    country: str | None = None
    convention_default: str | None = None
    head = first.get(elements[0])
    rest = elements[1:]
    if head is not None:
        kind, value, extra = head
        country = value
        if kind == "convention":
            convention_default = extra
    elif elements[0] in _iso3():
        country = elements[0]
    else:
        rest = elements  # "[MED]", "[ELI]", "[HIN...]": a role or religion with no country
    sector = religion = None
    for i, element in enumerate(rest):
        entry = later.get(element)
        if entry is None:
            continue
        kind, value, domain = entry
        value = domain if convention_default is not None else value
        if kind == "religion":
            religion = religion or value
            continue
        if value is None:
            continue
        if sector is None:
            sector = value
        elif sector == "GOV" and kind == "branch" and i > 0:
            sector = value  # USAGOVLEG: the legislature of the government
            break
        else:
            break
    return country, sector or convention_default or religion


# --- named actors --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Entry:
    """One dictionary record. ``codes`` as in the tables ("USAELI@19780101-20000101|USAGOV@20090120-"), read on
    first use (:func:`_parse_codes`): most records are never looked up, and parsing all of them doubled the load."""

    canonical: str
    kind: str  # state | person | org
    source: str
    codes: str
    after: str | None = None  # code between / after the ranges (people gazetteer: the country column + ELI)
    before: str | None = None  # code before the first range (people gazetteer: the country column alone)

    @property
    def default(self) -> str | None:
        return _parse_codes(self.codes)[0]

    @property
    def ranges(self) -> tuple[tuple[int, int, str], ...]:
        return _parse_codes(self.codes)[1]


@dataclass(slots=True)
class _Named:
    entries: list[_Entry]
    index: dict[str, tuple[int, ...]]  # key -> entries naming it, each as (entry index << 1 | is-primary-name)
    horizon: int


@lru_cache(maxsize=65536)
def _parse_codes(field: str) -> tuple[str | None, tuple[tuple[int, int, str], ...]]:
    """(default code, ((start, end, code), ...)) of a codes field; yyyymmdd bounds, inclusive."""
    default = None
    ranges = []
    for item in field.split("|"):
        code, at, span = item.partition("@")
        if not at:
            default = default or code
            continue
        start, _, end = span.partition("-")
        ranges.append((int(start) if start else OPEN_START, int(end) if end else OPEN_END, code))
    return default, tuple(ranges)


def _people_entries() -> list[tuple[_Entry, list[str]]]:
    """The people gazetteer as dated entries (see ``actors_people.tsv``'s header for the ``terms`` column)."""
    out = []
    for row in table_rows(PEOPLE_TABLE):
        row = [c.strip() for c in row] + [""] * (6 - len(row))
        canonical, aliases, country, sector, _source, terms = row[:6]
        country = "" if country in ("", "-") else country
        sector = "" if sector in ("", "-") else sector
        base = country + sector if country else sector
        ranges = []
        for item in filter(None, (t.strip() for t in terms.split(";"))):
            tag, colon, span = item.rpartition(":")
            code = base if not colon else (country + tag if len(tag) == 3 else tag)
            start, _, end = span.partition("..")
            ranges.append(f"{code}@{start.replace('-', '')}-{end.replace('-', '')}")
        entry = _Entry(canonical, "person", PEOPLE_SOURCE, "|".join(ranges) if ranges else base,
                       after=(country + "ELI") if ranges and country else None, before=country or None)
        out.append((entry, [canonical, *aliases.split(";")]))
    return out


@lru_cache(maxsize=1)
def _named() -> _Named:
    """All named-actor tables in one index (dictionary records first, then the people gazetteer)."""
    entries: list[_Entry] = []
    index: dict[str, list[int]] = {}
    horizon = 0
    for name, source in NAMED_TABLES:
        horizon = max(horizon, int(table_header(name).get("horizon", "0") or 0))
        for canonical, kind, codes, keys in table_rows(name, strip=False):
            i = len(entries)
            entries.append(_Entry(canonical, kind, source, codes))
            for n, key in enumerate(keys.split(";")):
                index.setdefault(key, []).append(i << 1 | (n == 0))
    for entry, names in _people_entries():
        i = len(entries)
        entries.append(entry)
        for n, name in enumerate(names):
            key = actor_key(name)
            if key:
                slots = index.setdefault(key, [])
                if not any(s >> 1 == i for s in slots):
                    slots.append(i << 1 | (n == 0))
    return _Named(entries, {k: tuple(v) for k, v in index.items()}, horizon)


def name_keys() -> frozenset[str]:
    """Every name key (:func:`actor_key` form) the named-actor tables and the people gazetteer know."""
    return frozenset(_named().index)


def _parts(entry: _Entry, code: str | None) -> tuple[str | None, str | None]:
    """(country, sector) of an entry's code: CAMEO codes are read through ``actors_codes.tsv``; the people
    gazetteer's are its own country column + a PLOVER sector ("IGOMED": a health body's official)."""
    if not code:
        return None, None
    if entry.source != PEOPLE_SOURCE:
        return code_parts(code)
    if len(code) >= 6:
        return code[:3], code[3:6]
    first, _ = _code_table()
    if code in _iso3() or code in first:
        return (first[code][1] if code in first else code), None
    return None, code


def people_now() -> dict[str, tuple[str | None, str | None]]:
    """Canonical name -> (country, sector) of each people-gazetteer entry resolved at today's date: what a
    lookup that knows no article date (``gazetteer.people()``, ``lookup_actor``) should say about them."""
    day, _ = _when_int(None)
    out = {}
    for entry, _names in _people_entries():
        code, status = _resolve(entry, day)
        country, sector = _parts(entry, code)
        out[entry.canonical] = (country, None if status != "in_range" and status != "default" else sector)
    return out


def _when_int(when: datetime.date | None) -> tuple[int, frozenset[str]]:
    if when is None:
        when, flags = datetime.datetime.now(datetime.timezone.utc).date(), frozenset({"date_unresolved"})
    else:
        flags = frozenset()
    return when.year * 10000 + when.month * 100 + when.day, flags


_KINDS_FOR_LABEL = {  # spaCy entity label -> dictionary kinds it may name, preferred first
    "PERSON": ("person", "org"),
    "ORG": ("org", "state", "person"),
    "NORP": ("state", "org"),
    "GPE": ("state", "org"),
    "LOC": ("state", "org"),
    "FAC": ("org",),  # a building or a square is not the state whose capital shares its name
}
_ANY_KIND = ("state", "org", "person")
_STATUS_RANK = {"in_range": 0, "default": 0, "out_of_term": 1}  # a default is as good as a range; before any term is worse


def _resolve(entry: _Entry, day: int) -> tuple[str | None, str]:
    """(code, status) of an entry on a day: the narrowest range holding the day, else the default. Outside every
    range and without a default a dictionary record codes nothing ("null": PETRARCH's reading, and a name match
    years away from the person's office is as likely someone else of that name); a people-gazetteer entry, a
    well-known person, is a former official (its ``after`` code) after a term and has no sector before it."""
    best: tuple[int, str] | None = None
    for start, end, code in entry.ranges:
        if start <= day <= end and (best is None or end - start < best[0]):
            best = (end - start, code)
    if best is not None:
        return best[1], "in_range"
    if entry.default is not None:
        return entry.default, "default"
    if entry.source != PEOPLE_SOURCE or not entry.ranges:
        return None, "null"
    if day < min(start for start, _, _ in entry.ranges):
        return entry.before, "out_of_term"
    return entry.after, "in_range"  # a former official: ELI is what the table states for after a term


_PLACE_SUFFIXES = ("province", "region", "state", "county", "district", "governorate", "prefecture")


def _candidate_keys(text: str) -> list[str]:
    """The name's key, then the key without leading titles, roles and demonyms ("Russian President X" -> "x")
    or without a trailing administrative word ("Hebei province" -> "hebei")."""
    key = actor_key(text)
    if not key:
        return []
    keys = [key]
    words = key.split()
    if len(words) > 1 and words[-1] in _PLACE_SUFFIXES:
        keys.append(" ".join(words[:-1]))
    if len(words) > 1:
        from .gazetteer import demonyms, role_words

        roles, dem = role_words(), demonyms()
        i = 0
        while i < len(words) - 1:
            size = next((n for n in (3, 2, 1) if i + n < len(words) and (" ".join(words[i : i + n]) in roles or " ".join(words[i : i + n]) in dem
                                                                    or n == 1 and words[i] in ("mr", "mrs", "ms", "dr"))), 0)
            if not size:
                break
            i += size
            keys.append(" ".join(words[i:]))
    return keys


def named_actor(text: str, when: datetime.date | None, *, label: str | None = None) -> ActorInfo | None:
    """The dictionary actor a name denotes on ``when`` (None: today, flagged ``date_unresolved``).

    ``label`` (a spaCy entity label) keeps a person's name from matching a place of the same name and the
    reverse ("Charlotte" the person is not Charlotte, North Carolina). Names are written with a capital: text
    without one ("us", "police") names no actor here (see :func:`agent_actor`). Several actors sharing a name
    that the dictionary does not tell apart by date give None unless they agree on the country.
    """
    if not text or len(text) > 200 or text.islower() or not any(c.isupper() for c in text):  # islower(): a quick no
        return None
    day, flags = _when_int(when)
    return _named_cached(text, day, label, flags)


@lru_cache(maxsize=16384)
def _named_cached(text: str, day: int, label: str | None, flags: frozenset[str]) -> ActorInfo | None:
    table = _named()
    kinds = _KINDS_FOR_LABEL.get(label or "", _ANY_KIND)
    agents = _agents()
    for key in _candidate_keys(text):
        slots = table.index.get(key)
        if not slots or key in agents:
            continue  # a generic noun ("senate", "security council") names no one actor by itself
        found = _choose(table, slots, day, kinds)
        if found is not None:
            entry, code, status, ambiguous = found
            country, sector = _parts(entry, code)
            extra = set(flags) if entry.ranges else set()  # the date mattered only for a dated entry
            if status == "out_of_term":
                extra.add("out_of_term")
                sector = None
                code = country or ""
            if ambiguous:
                extra.add("ambiguous")
            return ActorInfo(entry.canonical, code or "", country, sector, entry.source, frozenset(extra))
        return None  # the full name is known but ambiguous: do not fall back to a shorter one
    return None


def _choose(table: _Named, slots: tuple[int, ...], day: int, kinds: tuple[str, ...]) -> tuple[_Entry, str | None, str, bool] | None:
    """The entry a key names on ``day``: people gazetteer after the horizon, then by term status, country known,
    primary name, label preference, table order; None when the best candidates disagree on the country."""
    scored = []
    people_first = day > table.horizon
    for order, slot in enumerate(slots):
        entry = table.entries[slot >> 1]
        if entry.kind not in kinds:
            continue
        code, status = _resolve(entry, day)
        if status == "null":
            continue
        country = _parts(entry, code)[0]
        gazetteer = entry.source == PEOPLE_SOURCE
        rank = (0 if gazetteer == people_first else 1, _STATUS_RANK[status], country is None, not (slot & 1), kinds.index(entry.kind), order)
        scored.append((rank, entry, code, status, country))
    if not scored:
        return None
    scored.sort(key=lambda s: s[0])
    best = scored[0]
    ties = [s for s in scored if s[0][:4] == best[0][:4]]
    countries = {s[4] for s in ties}
    if len(countries) > 1:
        return None
    return best[1], best[2], best[3], len({s[2] for s in ties}) > 1


# --- agents --------------------------------------------------------------------------------------------------

_NOT_ACTOR = {"JNK", "NON"}  # PLOVER agents list: disasters, weekdays, "international community": no actor
_CONVENTIONS = {"IGO", "NGO", "NGM", "MNC", "IMG"}
_MODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "nummod", "npadvmod", "appos"}
_PLACE_PREPS = {"in", "of", "from", "for"}


@lru_cache(maxsize=1)
def _agents() -> dict[str, tuple[str, str]]:
    """Agent phrase key (singular and plural forms) -> (agent code, source); the PLOVER list's codes in the CAMEO
    elements the rest of this module reads (:func:`_as_cameo_elements`), converted once here."""
    table = {key: (_as_cameo_code(code) if source == PLOVER_AGENTS else code, source)
             for key, code, source, *_ in table_rows(AGENTS_TABLE, strip=False)}
    # each phrase in the other spelling too (``actors_spellings.tsv``): "labour federation" is the list's "labor union"
    pairs = {british: american for british, american, *_ in table_rows(SPELLINGS_TABLE)}
    other = {**pairs, **{american: british for british, american in pairs.items()}}
    for key, hit in list(table.items()):
        words = key.split()
        if any(w in other for w in words):
            table.setdefault(" ".join(other.get(w, w) for w in words), hit)
    return table


@lru_cache(maxsize=1)
def disaster_phrases() -> frozenset[str]:
    """The agents list's disasters (code ``~JNK``: "cyclone", "flash flood", "gas explosion"), as phrase keys."""
    return frozenset(key for key, (code, _) in _agents().items() if "JNK" in code)


@lru_cache(maxsize=1)
def _head_kin() -> dict[str, str]:
    """Collective head -> the head the dictionary lists phrases under (``actors_agent_heads.tsv``)."""
    return {head: kin for head, kin, *_ in table_rows(AGENT_HEADS_TABLE)}


@lru_cache(maxsize=1)
def _agent_words() -> frozenset[str]:
    """Every word of every agent phrase (a plural no phrase holds is not worth trying)."""
    return frozenset(w for key in _agents() for w in key.split())


@lru_cache(maxsize=1)
def _agent_key_words() -> int:
    """The most words of any agent phrase (a longer window cannot name one)."""
    return max((len(key.split()) for key in _agents()), default=0)


def agent_actor(span: Span, when: datetime.date | None) -> ActorInfo | None:
    """The generic agent a noun phrase names ("Afghan police" -> AFGCOP; "rebels" -> REB), None if its head is no
    agent noun (or an agent the PLOVER list marks as no actor: "international community", "earthquake").

    The longest agents-dictionary phrase that contains the span's head wins ("riot police" over "police").
    The country comes from a modifier that names a state, place, organisation or person ("Afghan", "Kenya's",
    "Hamas"), else from a place the head is "in"/"of"/"from" ("police in Lagos"); without one the agent has
    none (code "COP", country None).
    """
    if len(span) == 0:
        return None
    head = span.root
    if head.pos_ not in ("NOUN", "PROPN") and not nominal_adjective(head):
        return None
    found = _agent_phrase(span, head)
    if found is None:
        return None
    (lo, hi), phrase, code, source = found
    if _not_actor(code):
        return None
    return _agent_info(phrase, code, source, _agent_country(span, head, lo, hi, when))


_NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})


def nominal_adjective(tok: Token) -> bool:
    """A word the tagger read as an adjective that heads a noun phrase of its own, with a determiner, as a subject or
    an object ("sentenced a French academic", "the academic was freed"): the small model tags a noun spelt as an
    adjective so when a nationality comes before it; the parser still reads the phrase, and the word is its noun."""
    return tok.pos_ == "ADJ" and tok.dep_ in _NOMINAL_DEPS and any(c.dep_ == "det" for c in tok.children)


def is_agent_phrase(key: str) -> bool:
    """``key`` (lower case, as :func:`actor_key` spells it) is a phrase of the agents dictionary that names an actor
    ("police", "demonstrators"), not one it marks as none."""
    hit = _agents().get(key)
    return hit is not None and not _not_actor(hit[0])


def agent_adjective(tok: Token) -> ActorInfo | None:
    """The agent an adjective spelt as an agent noun of the dictionary names ("militant", "terrorist", "military",
    "paramilitary"), or None. English uses those words as modifiers of an act for its doers ("militant attacks" are
    attacks by militants), as it uses the nouns ("rebel attacks"); the tagger reads the modifier as an adjective,
    which :func:`agent_actor` does not take for a head. No country: a modifier naming one is the caller's."""
    key = actor_key(tok.text)
    hit = _agents().get(key)
    if hit is None or _not_actor(hit[0]):
        return None
    return _agent_info(key, hit[0], hit[1], None)


def _not_actor(code: str) -> bool:
    prefix, _, suffix = code.partition("~")
    roles = prefix or suffix
    return any(roles[i : i + 3] in _NOT_ACTOR for i in range(0, len(roles), 3))


def _agent_info(phrase: str, code: str, source: str, modifier: ActorInfo | None) -> ActorInfo:
    """The actor of an agent phrase's code, with the country its modifier names (if any)."""
    prefix, _, suffix = code.partition("~")
    roles = prefix or suffix
    country = modifier.country if modifier is not None else None
    flags = modifier.flags & {"date_unresolved"} if modifier is not None else frozenset()
    if roles[:3] in _CONVENTIONS:
        convention, sector = code_parts(roles)
        return ActorInfo(phrase, (country or convention or "") + roles[3:] if country else roles, country or convention, sector, source, flags)
    _, sector = code_parts(roles)
    full = (country or "") + roles if suffix else roles + (country or "")
    return ActorInfo(phrase, full, country, sector, source, flags)


PLOVER_AGENTS = "plover-agents"
# PLOVER renamed two CAMEO sector elements: its MED is CAMEO's HLH (health), its JRN CAMEO's MED (media)
_PLOVER_TO_CAMEO = {"MED": "HLH"}


def _as_cameo_code(code: str) -> str:
    """An agent code ("~GOVMED", "NGO~") with its role elements in CAMEO's reading."""
    prefix, tilde, suffix = code.partition("~")
    return _as_cameo_elements(prefix) + tilde + _as_cameo_elements(suffix)


def _as_cameo_elements(roles: str) -> str:
    """A PLOVER-coded role string ("GOVMED": health ministry) in the CAMEO elements that ``code_parts`` reads
    ("GOVHLH"), so the PLOVER agents list's nurses and ambulances are health (PLOVER MED), not media."""
    return "".join(_PLOVER_TO_CAMEO.get(roles[i : i + 3], roles[i : i + 3]) for i in range(0, len(roles), 3))


def _agent_phrase(span: Span, head: Token) -> tuple[tuple[int, int], str, str, str] | None:
    """((start, end) doc token offsets, phrase key, code, source) of the longest agent phrase holding the head."""
    table = _agents()
    doc = span.doc
    # a window can only be a phrase if every word in it, but the head, is a word of some phrase: the words read and
    # the windows tried are those of the run of such words around the head (in the same order, longest first)
    vocab = _agent_words()

    def phrase_word(i: int) -> str | None:
        word = actor_key(doc[i].text)
        return word if all(p in vocab for p in word.split()) else None

    head_word = actor_key(head.text)
    left: list[str] = []
    for i in range(head.i - 1, max(span.start, head.i - MAX_AGENT_TOKENS + 1) - 1, -1):
        word = phrase_word(i)
        if word is None:
            break
        left.append(word)
    right: list[str] = []
    for i in range(head.i + 1, min(span.end, head.i + MAX_AGENT_TOKENS)):
        word = phrase_word(i)
        if word is None:
            break
        right.append(word)
    words = left[::-1] + [head_word] + right
    start, h = head.i - len(left), len(left)
    forms = list(dict.fromkeys((head_word, actor_key(head.lemma_), *_plurals(head))))
    kin = _head_kin().get(head_word)  # tried only with another word of a phrase ("aid agencies" as "aid groups")
    if kin is not None and kin not in forms:
        forms.append(kin)
    most = _agent_key_words()
    filled = [0]  # filled[k]: non-empty words among words[:k]; a window whose key has more words than any phrase is skipped
    for w in words:
        filled.append(filled[-1] + (1 if w else 0))
    n = len(words)
    for length in range(n, 0, -1):
        for i in range(max(0, h - length + 1), min(h, n - length) + 1):
            j = i + length
            around = filled[j] - filled[i] - (1 if head_word else 0)
            for form in forms:
                if around + (1 if form else 0) > most or form == kin and not around:
                    continue
                key = " ".join(w for w in words[i:h] + [form] + words[h + 1 : j] if w)
                hit = table.get(key)
                if hit is not None:
                    return (start + i, start + j), key, hit[0], hit[1]
    if kin is not None:
        # a collective head over a phrase of the dictionary that names a body of people ("civil society
        # organisations": the dictionary has "civil society"): the organisations are that body
        for i in range(0, h):
            key = " ".join(w for w in words[i:h] if w)
            hit = table.get(key) if key else None
            if hit is not None:
                return (start + i, start + h + 1), key, hit[0], hit[1]
    return None


def _plurals(head: Token) -> tuple[str, ...]:
    """The plural of a singular head: the dictionaries list many agents in one number only ("elders", "supporters"),
    and a phrase in the other ("a village elder") names the same kind of actor. Tried after the word itself."""
    if head.tag_ != "NN":
        return ()
    lemma = actor_key(head.lemma_)
    if not lemma or not lemma.isalpha():
        return ()
    plural = lemma[:-1] + "ies" if lemma.endswith("y") and lemma[-2:-1] not in "aeiou" else lemma + "s"
    return (plural,) if plural in _agent_words() else ()


def _agent_country(span: Span, head: Token, lo: int, hi: int, when: datetime.date | None) -> ActorInfo | None:
    """The named actor or place a modifier of the agent names (closest to the head first), or a place the head is in."""
    doc = span.doc
    outside = [t for t in span if not lo <= t.i < hi]
    outside.sort(key=lambda t: (abs(t.i - head.i), t.i > head.i))
    seen: set[int] = set()
    for tok in outside:
        if tok.i in seen:
            continue
        found = _modifier_actor(tok, when, seen)
        if found is not None:
            return found
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in _PLACE_PREPS:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    for tok in obj.subtree:
                        if tok.i not in seen:
                            found = _modifier_actor(tok, when, seen)
                            if found is not None:
                                return found
    return None


def _modifier_actor(tok: Token, when: datetime.date | None, seen: set[int]) -> ActorInfo | None:
    """The actor (with a country) a token names: its whole entity if it is in one, else the word itself."""
    if tok.ent_type_ and tok.ent_iob_ != "O":
        from .doc_index import entity_of  # (spaCy's modules, which doc_index imports, are the caller's)

        ent = entity_of(tok)
        if ent is not None:
            seen.update(range(ent.start, ent.end))
            found = named_actor(ent.text, when, label=ent.label_)
            if found is not None and found.country:
                return found
            return _place_actor(ent.text, when)
    seen.add(tok.i)
    if not tok.text[:1].isupper() or tok.is_stop and not tok.is_upper:
        return None
    found = named_actor(tok.text, when)
    if found is not None and found.country:
        return found
    return _place_actor(tok.text, when)


def _place_actor(text: str, when: datetime.date | None) -> ActorInfo | None:
    """A place or demonym the project's place tables know (GeoNames cities, ISO countries, demonyms)."""
    from .actors import lookup_actor

    found = lookup_actor(text)
    if found is None or not found.country or found.type not in ("GPE", "NORP"):
        return None
    return ActorInfo(found.canonical, found.country, found.country, None, "places")


def warm() -> None:
    """Load every table now (the NLP child calls this at start so the first article is not slow)."""
    _code_table(), _iso3(), _named(), _agents()
