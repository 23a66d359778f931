"""Named entities of one document, grouped into one entity per real-world actor.

spaCy gives mentions; this module decides which mentions are the same actor and
what that actor is:

* cleans mention boundaries damaged by scraping ("Hossein Amir AbdulahianIn",
  "Ali Khameneireiterated", "Reuters/Hossam Azzam/File") and adds gazetteer
  names the parser missed ("Zionist regime", "Security Council");
* groups people by name, tolerant of transliteration ("Haniye" / "Haniyeh",
  "Abdulahian" / "Abdollahian") and of the parser calling a bare surname an
  ORG or GPE;
* groups places by country when they denote the state (country names, official
  names, capitals used as metonyms: "Tehran is one of the main allies");
* types every actor: ``country`` (ISO3 or IGO/NGO/MNC/IMG) and ``sector``
  (PLOVER) from, in order, the role written next to a person ("Iranian Foreign
  Minister"), the actor dictionaries resolved at the article's date (Phoenix
  and the people gazetteer, :mod:`.actor_dictionary`: an office-holder is GOV
  only during the term), the project gazetteers, the words of the name
  ("Israeli army"). An organisation the project's own table lists keeps its
  country and sector there; the dictionaries fill what is unknown. Where a
  dictionary knows the actor, the entity also carries ``actor_code`` (CAMEO),
  ``actor_source`` and ``actor_flags`` (``date_unresolved`` when the article
  has no date and a dated entry was resolved against today).

Public API: ``Entity``, ``EntityTable`` (``.entities``, ``.at(start, end)``,
``.find(text)``, ``.to_list()``) and ``resolve_entities(doc, when=None)``.

Why one module of ~540 lines: mention cleaning, grouping and typing are one
algorithm over the same mention and group records, each step reading what the
previous one decided (a group's type depends on its members' cleaned names and
on the dictionary's answer for the group); the dictionaries themselves are in
``gazetteer.py`` and ``actor_dictionary.py``.
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

import numpy
from spacy.attrs import ENT_TYPE, IS_ALPHA, TAG
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from .actor_dictionary import ActorInfo, named_actor
from .actors import CITY_ACTOR_MIN_POPULATION, lookup_actor
from .datelines import joins_words
from .doc_index import doc_ents, doc_text, span_text
from .gazetteer import KnownActor, Place, country_names, demonyms, known_surface_forms, norm, organisations, people, person, places
from .roles import describe, role_entry, role_phrases
from .truecase import common_words as truecase_common_words

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_GLUE = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z])")  # "AbdulahianIn", not "McConnell" / "MacDonald"
_MAX_MENTION_CHARS = 80
_MAX_ORG_MERGE = 300


@dataclass(slots=True)
class Entity:
    """One real-world actor of the document. ``spans`` are character offsets of its mentions in the body."""

    id: str
    canonical: str
    type: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    sector: str | None = None
    roles: list[str] = field(default_factory=list)
    mentions: int = 0
    first_offset: int = 0
    spans: list[tuple[int, int]] = field(default_factory=list)
    actor_code: str | None = None  # CAMEO actor code from the actor dictionaries, when they know the actor
    actor_source: str | None = None  # which dictionary (ActorInfo.source)
    actor_flags: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out = {
            "id": self.id,
            "canonical": self.canonical,
            "aliases": sorted(set(self.aliases)),
            "type": self.type,
            "country": self.country,
            "sector": self.sector,
            "roles": list(self.roles),
            "mentions": self.mentions,
            "first_offset": self.first_offset,
        }
        if self.actor_code is not None:
            out["actor_code"] = self.actor_code
            out["actor_source"] = self.actor_source
            if self.actor_flags:
                out["actor_flags"] = sorted(self.actor_flags)
        return out


class EntityTable:
    """The document's entities plus a lookup from character spans to the entity mentioned there."""

    def __init__(self, entities: list[Entity]) -> None:
        self.entities = entities
        self._spans = sorted((s, e, ent.id) for ent in entities for s, e in ent.spans)
        self._starts = [s for s, _, _ in self._spans]
        self._by_id = {ent.id: ent for ent in entities}
        self._by_alias: dict[str, Entity] = {}
        for ent in entities:
            for name in [ent.canonical, *ent.aliases]:
                self._by_alias.setdefault(norm(name), ent)

    def at(self, start: int, end: int) -> Entity | None:
        """The entity whose mention overlaps ``[start, end)`` most, if any."""
        best, best_overlap = None, 0
        spans = self._spans
        for k in range(bisect_left(self._starts, start - _MAX_MENTION_CHARS - 1), len(spans)):  # no copy of the tail
            s, e, ent_id = spans[k]
            if s >= end:
                break
            overlap = min(e, end) - max(s, start)
            if overlap > best_overlap:
                best, best_overlap = self._by_id[ent_id], overlap
        return best

    def find(self, text: str) -> Entity | None:
        """The entity a name refers to (any alias; a person's surname alone), e.g. for names in the title."""
        key = norm(text)
        ent = self._by_alias.get(key)
        if ent is not None:
            return ent
        actor = lookup_actor(text)
        if actor is not None:
            ent = self._by_alias.get(norm(actor.canonical))
            if ent is not None:
                return ent
        last = key.split()[-1] if key else ""
        for ent in self.entities:
            if ent.type == "PERSON" and any(_same_name(last, t) for t in norm(ent.canonical).split()[-1:]):
                return ent
        return None

    def to_list(self) -> list[dict[str, Any]]:
        return [e.to_dict() for e in self.entities]


@dataclass(slots=True)
class _Mention:
    text: str
    label: str
    start: int
    end: int
    span: Span | None


def resolve_entities(doc: Doc, when: datetime.date | None = None) -> EntityTable:
    """One entity per actor (see module doc), ordered by first mention, ids E1, E2, ...

    ``when``: the article's date (``actor_dictionary.actor_date(published_at)``); None resolves the
    dictionaries' date ranges against today and flags the entities whose typing depended on it.
    """
    mentions = _place_mentions(doc, _titled_mentions(doc, _gazetteer_mentions(doc, _parser_mentions(doc))))
    _unglue_names(mentions)
    for m in mentions:
        if m.label == "PERSON":
            m.label = _relabel_person(m.text)
        elif m.label == "ORG" and _known_person_only(m.text):
            m.label = "PERSON"  # the small model calls some surnames it has not seen organisations ("received Zelenskiy")
    groups: list[_Group] = []
    persons = _PersonIndex()
    keyed: dict[tuple[str, str], _Group] = {}
    deferred: list[_Mention] = []
    for m in sorted(mentions, key=lambda m: (-len(_name_words(m.text)) if m.label == "PERSON" else 0, m.start)):
        if m.label == "PERSON":
            persons.add(m, groups)
            continue
        key = _key(m)
        if key is None:
            deferred.append(m)
            continue
        group = keyed.get(key)
        if group is None:
            group = keyed[key] = _Group(key=key)
            groups.append(group)
        group.members.append(m)
    for m in deferred:
        # a bare capitalised word the parser called ORG/GPE that is really someone's surname ("Haniye said")
        if not persons.attach(m):
            key = ("RAW:" + m.label, norm(m.text))
            group = keyed.get(key)
            if group is None:
                group = keyed[key] = _Group(key=key)
                groups.append(group)
            group.members.append(m)
    _merge_org_variants(groups)
    entities = [_entity(g, when) for g in groups if g.members]
    entities.sort(key=lambda e: e.first_offset)
    for i, ent in enumerate(entities, 1):
        ent.id = f"E{i}"
    return EntityTable(entities)


# --- mentions -----------------------------------------------------------------------------------------------------


# Nouns of a settlement or an area: a name that is the object of their "of" ("the town of X", "the port city of X")
# is a place, whatever the tagger called it (the small model reads unfamiliar town names as people).
SETTLEMENT_NOUNS = frozenset({"town", "city", "village", "region", "province", "district", "port", "county", "island",
                               "municipality", "governorate", "prefecture"})


def _named_place(span: Span) -> bool:
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in SETTLEMENT_NOUNS


_NOT_NAME_TAGS = {"JJ", "JJR", "JJS", "RB", "RBR", "RBS", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ"}


def _capitalised_first_word(span: Span) -> bool:
    """A one-word "name" that is only a sentence's first word, capitalised: an adjective, adverb or verb that English
    writes in lower case ("Fierce fighting erupted", "Heavily armed men"), which the small model sometimes tags as
    an organisation or a person. Not a name, so no actor."""
    if len(span) != 1:
        return False
    tok = span[0]
    return tok.is_sent_start and tok.tag_ in _NOT_NAME_TAGS and tok.lower_ in truecase_common_words()


def _opening_common_word(tok: Token) -> bool:
    """A sentence's first word that English writes in lower case: capitalised only because it opens the sentence, so
    no word of a name that follows it ("Neighbouring Chile", "Landlocked Nepal"), which the tagger runs together."""
    return tok.is_sent_start and tok.lower_ != "the" and tok.lower_ in truecase_common_words()


def _parser_mentions(doc: Doc) -> list[_Mention]:
    out: list[_Mention] = []
    for span in doc_ents(doc):
        if span.label_ not in ACTOR_LABELS or _capitalised_first_word(span):
            continue
        label = "GPE" if span.label_ == "PERSON" and _named_place(span) else span.label_
        start, text = span.start_char, span_text(span)
        if label in ("FAC", "LOC") and _settlement(text):
            label = "GPE"  # the small model calls some cities a facility ("shelled Kharkiv"): a city is a polity
        if len(text) > _MAX_MENTION_CHARS:
            continue
        for prefix in ("the ", "The "):
            if text.startswith(prefix):
                start, text = start + len(prefix), text[len(prefix) :]
        for suffix in ("’s", "'s", "’", "'"):
            if text.endswith(suffix):
                text = text[: -len(suffix)]
        text = text.rstrip(" .,:;")
        rest = text[span[1].idx - start :] if len(span) >= 2 and _opening_common_word(span[0]) else ""
        if rest and not _settlement(text) and _settlement(rest):
            # "Landlocked Nepal" (which the tagger may call a person): the state's name starts after the opening word
            start, text, label = span[1].idx, rest, "GPE"
        if "/" in text:
            for part, offset in _parts(text, "/"):
                if part and (lookup_actor(part) is not None or offset == 0):
                    out.append(_Mention(part, label, start + offset, start + offset + len(part), span))
            continue
        glued = _GLUE.search(text)
        if glued:
            left, right = text[: glued.start()], text[glued.start() :]
            first_right = right.split()[0]
            if first_right.lower() in STOP_WORDS:
                text = left  # "Hossein Amir AbdulahianIn" -> "Hossein Amir Abdulahian"
            elif lookup_actor(first_right) is not None and lookup_actor(left.split()[-1]) is not None:
                out.append(_Mention(first_right, label, start + glued.start(), start + glued.start() + len(first_right), span))
                text = left  # "PalestineGaza" -> "Palestine" + "Gaza"
        if any(c.isalpha() for c in text) and not (len(text.split()) == 1 and role_entry(text)[1] in ("role", "mod", "title")):
            out.append(_Mention(text, label, start, start + len(text), span))
    return out


def _relabel_person(text: str) -> str:
    """The small model calls some groups and states people ("Boko Haram", "Hamas"); the gazetteers know better."""
    key = norm(text)
    if key in people():
        return "PERSON"
    org = organisations().get(key)
    if org is not None:
        return org.type
    place = places().get(key)
    if place is not None and place.kind in ("country", "capital"):
        return "GPE"
    return "NORP" if key in demonyms() else "PERSON"


def _known_person_only(text: str) -> bool:
    """The people table knows the name and no organisation or place table does."""
    key = norm(text)
    return key in people() and key not in organisations() and key not in places() and key not in demonyms()


def _parts(text: str, sep: str) -> list[tuple[str, int]]:
    parts, offset = [], 0
    for piece in text.split(sep):
        stripped = piece.strip()
        parts.append((stripped, offset + (len(piece) - len(piece.lstrip()))))
        offset += len(piece) + len(sep)
    return parts


@lru_cache(maxsize=1)
def _gazetteer_pattern() -> re.Pattern[str]:
    """The known names, longest first where several start at the same place, as whole words.

    Written as a character trie ("UN (?:Security Council|...)" ...) rather than a flat alternation of
    ~400 names: the flat one tried every name at every position of the text. The trie matches the same
    spans: names are distinct, so at one position the flat alternation (sorted longest first) took the
    longest name followed by no word character, and the trie, its continuations greedy, tries longer
    names before shorter ones too (``tests/test_entities_gazetteer_pattern.py`` compares the two)."""
    return re.compile(r"(?<![\w-])" + _trie(known_surface_forms()) + r"(?![\w-])")


def _trie(words: list[str]) -> str:
    """A regex matching exactly ``words``, trying longer words first (a word's continuations before its end)."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # end of a word

    def pattern(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"  # greedy: the longer word first, then the word that ends here
        return body

    return "(?:" + pattern(root) + ")"


def _gazetteer_mentions(doc: Doc, mentions: list[_Mention]) -> list[_Mention]:
    """Add known organisation, place and person names the parser did not mark (not overlapping its mentions). A
    person's name counts only where the tagger read every word of it as a proper noun ("Truss" in "truss bridges"
    is an adjective there)."""
    text = doc_text(doc)
    added = []
    for match in _gazetteer_pattern().finditer(text):
        s, e = match.span()
        overlapping = [m for m in mentions if m.start < e and s < m.end]
        if any(m.start < s or m.end > e or (m.start, m.end) == (s, e) for m in overlapping):
            continue  # the parser's mention is as long or longer: keep it
        actor = lookup_actor(match.group())
        span = doc.char_span(s, e, alignment_mode="expand")
        if actor is not None and actor.type == "PERSON":
            if overlapping or span is None or not _bare_person_name(span):
                continue
            label = "PERSON"
        else:
            label = "GPE" if actor is not None and actor.type == "GPE" else "ORG"
        for m in overlapping:
            mentions.remove(m)
        added.append(_Mention(match.group(), label, s, e, span))
    return mentions + added


def _bare_person_name(span: Span) -> bool:
    """A known person's name the tagger left unmarked stands alone: every word a proper noun ("Truss" in "truss
    bridges" is an adjective), in no entity of another kind, and not the first part of a longer name ("Trump Tower",
    which the tagger marks as a building)."""
    doc = span.doc
    if not all(t.pos_ == "PROPN" or t.is_punct for t in span):
        return False
    if span.end < len(doc) and doc[span.end].pos_ == "PROPN":
        return False
    return not any(t.ent_type_ for t in span)


_NAME_PARTICLES = frozenset({"bin", "ibn", "al", "el", "abu", "ben", "de", "del", "da", "van", "von", "ould"})
_REGNAL = re.compile(r"(?:I{1,3}|IV|VI{0,3}|IX|X)\Z")  # "Abdullah II", "Charles III"


def _titled_mentions(doc: Doc, mentions: list[_Mention]) -> list[_Mention]:
    """Add the name written after a capitalised title or role word where the tagger marked nothing ("King Abdullah
    II", "Emir Tamim", "Sheikh Hasina"): a person, with a regnal number if one follows. Only capitalised proper-noun
    words that are no title, no common English word and in no mention (the small model misses names it has rarely
    seen, and a name it misses names no actor)."""
    taken = [(m.start, m.end) for m in mentions]
    common = truecase_common_words()
    added = []
    for i in _tagged(doc, _NNP):
        tok = doc[i]
        if not tok.text[:1].isupper() or role_entry(tok.text)[1] not in ("role", "title"):
            continue
        end = tok.i + 1
        while (end < len(doc) and doc[end].tag_ == "NNP" and doc[end].is_alpha and doc[end].text[:1].isupper()
               and not doc[end].ent_type_ and not role_entry(doc[end].text)[1] and doc[end].lower_ not in common):
            end += 1
        if end == tok.i + 1 or end < len(doc) and (doc[end].ent_type_ or doc[end].lower_ in _NAME_PARTICLES):
            continue  # the name goes on into one the tagger marked ("Brigadier Ahmed Hassan"), or past a particle
        if end < len(doc) and _REGNAL.match(doc[end].text) and not doc[end].ent_type_:
            end += 1
        start_char, end_char = doc[tok.i + 1].idx, doc[end - 1].idx + len(doc[end - 1].text)
        if any(a < end_char and start_char < b for a, b in taken):
            continue
        added.append(_Mention(doc_text(doc)[start_char:end_char], "PERSON", start_char, end_char, doc[tok.i + 1 : end]))
    return mentions + added


def _place_mentions(doc: Doc, mentions: list[_Mention]) -> list[_Mention]:
    """Add the names of states, capitals and big cities that the tagger marked nothing in ("Russia struck Kyiv", "the
    shelling of Kharkiv"): the small model misses place names it has rarely seen, and a name it misses names no actor,
    so the act aimed at the city has no target. Only a whole run of capitalised proper-noun words, in no mention, not
    after a title ("Mr Hamilton") nor joined by a hyphen to another name (a modifier of what follows), that
    :func:`_settlement` accepts: a country, a capital or a city of ``actors.CITY_ACTOR_MIN_POPULATION`` people or
    more (a smaller town's name is more often a surname or a word of another name)."""
    taken = [(m.start, m.end) for m in mentions]
    added = []
    i = 0
    for k in _tagged(doc, _NOUN_TAGS, alpha_unmarked=True):  # the only words either test below can accept
        if k < i:
            continue  # in the run of name words just read
        i = k
        tok = doc[i]
        if not _unmarked_name_word(tok):
            if _untagged_country(tok) and not any(a < tok.idx + len(tok.text) and tok.idx < b for a, b in taken):
                added.append(_Mention(tok.text, "GPE", tok.idx, tok.idx + len(tok.text), doc[i : i + 1]))
            i += 1
            continue
        end = i + 1
        while end < len(doc) and _unmarked_name_word(doc[end]):
            end += 1
        if (end - i >= 2 and _opening_common_word(tok)
                and not _settlement(doc_text(doc)[tok.idx : doc[end - 1].idx + len(doc[end - 1].text)])):
            # a sentence's first word is capitalised whatever it is: a common word before the name ("Neighbouring
            # Chile", "Landlocked Nepal") is the sentence's, not the name's, which starts after it
            i += 1
            tok = doc[i]
        start_char, end_char = tok.idx, doc[end - 1].idx + len(doc[end - 1].text)
        titled = i > 0 and role_entry(doc[i - 1].text)[1] in ("role", "title")
        # joined by a hyphen to another name ("the Togo-Peru deal"); a dash between words is none ("NIAMEY - Niger cut ...")
        hyphened = i > 0 and joins_words(doc[i - 1]) or end < len(doc) and joins_words(doc[end])
        if (not titled and not hyphened and _settlement(doc_text(doc)[start_char:end_char])
                and not any(a < end_char and start_char < b for a, b in taken)):
            added.append(_Mention(doc_text(doc)[start_char:end_char], "GPE", start_char, end_char, doc[i:end]))
        i = end
    return mentions + added


_NNP = frozenset({get_string_id("NNP")})
_NOUN_TAGS = frozenset(get_string_id(t) for t in ("NNP", "NNPS", "NN", "NNS"))


def _tagged(doc: Doc, tags: frozenset[int], alpha_unmarked: bool = False) -> list[int]:
    """Indexes of the doc's tokens with one of ``tags`` (and, with ``alpha_unmarked``, alphabetic and in no entity),
    read from the doc's arrays: the mention finders test a few words of an article's hundreds, and a Token made for
    each of the others costs more than the test."""
    if not len(doc):
        return []
    arr = doc.to_array([TAG, IS_ALPHA, ENT_TYPE])
    column = arr[:, 0]
    keep = numpy.zeros(len(column), dtype=bool)
    for tag in tags:  # a few tags: one comparison each beats numpy.isin's sort (~3x on an article)
        keep |= column == tag
    if alpha_unmarked:
        keep &= (arr[:, 1] != 0) & (arr[:, 2] == 0)
    return numpy.flatnonzero(keep).tolist()


def _settlement(text: str) -> bool:
    """A country, a capital or a city big enough to stand for an actor, by the gazetteer; a city only by its own name
    (GeoNames' alternate names include old and foreign ones, "Molotov" for Perm, that English uses for other things),
    and no name that is also a common English word ("Reunion")."""
    place = _gazetteer_place(text)
    if place is None:
        return False
    if place.kind in ("country", "capital"):
        return True
    return place.kind == "city" and place.population >= CITY_ACTOR_MIN_POPULATION and norm(place.name) == norm(text)


def _gazetteer_place(text: str) -> Place | None:
    """The gazetteer's place of that name, unless the name is also a common English word ("Reunion", "Turkey")."""
    key = norm(text)
    place = places().get(key)
    return None if place is None or key in truecase_common_words() else place


def _untagged_country(tok: Token) -> bool:
    """A country's one-word name that the tagger took for a common noun, as it does with rarely seen names that open a
    sentence ("Bahrain cut ties with ..."): capitalised, a noun, in no mention, a country by the gazetteer and no
    common English word (so "Turkey" or "Chad" at the head of a sentence is left to the tagger)."""
    if tok.tag_ not in ("NN", "NNS") or not tok.is_alpha or not tok.text[:1].isupper() or tok.ent_type_:
        return False
    place = _gazetteer_place(tok.text)
    return place is not None and place.kind == "country"


def _unmarked_name_word(tok: Token) -> bool:
    return tok.tag_ in ("NNP", "NNPS") and tok.is_alpha and tok.text[:1].isupper() and not tok.ent_type_


def _unglue_names(mentions: list[_Mention]) -> None:
    """Cut a word glued onto a known name when tags were stripped: "Ali Khameneireiterated" -> "Ali Khamenei"."""
    seen: dict[str, int] = {}
    for m in mentions:
        if m.label == "PERSON":
            for w in norm(m.text).split():
                seen[w] = seen.get(w, 0) + 1
    known = {w for w in seen if len(w) >= 4} | _known_name_words()
    for m in mentions:
        words = m.text.split()
        last = words[-1] if words else ""
        if len(last) < 9 or seen.get(norm(last), 0) > 1:
            continue
        low = norm(last)
        if low in _known_name_words():
            continue  # the word is itself a known name ("Abdulahian"), not "Abdul" + glued text
        if lookup_actor(last) is not None or lookup_actor(m.text) is not None:
            continue  # a name the gazetteers know whole ("Philippines"), not a first name with a word glued on
        for cut in range(len(low) - 5, 4, -1):
            if low[:cut] in known and last[cut:].isalpha() and last[cut:].islower():
                m.text = m.text[: len(m.text) - len(last) + cut]
                m.end = m.start + len(m.text)
                break


@lru_cache(maxsize=1)
def _known_name_words() -> frozenset[str]:
    return frozenset(w for name in people() for w in name.split() if len(w) >= 5)


# --- grouping -----------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Group:
    key: tuple[str, str]
    members: list[_Mention] = field(default_factory=list)


def _key(m: _Mention) -> tuple[str, str] | None:
    """Grouping key of a non-PERSON mention; None when it may be a person's bare surname (decided later)."""
    key = norm(m.text)
    org = organisations().get(key)
    if org is not None:
        return ("ORG", org.canonical)
    if m.label in _PLACE_LABELS or m.label == "NORP":
        place = places().get(key)
        if place is not None and place.country and place.kind in ("country", "capital"):
            return ("STATE", place.country)
        iso3 = demonyms().get(key)
        if iso3 is not None:
            return ("STATE", iso3)  # "Israeli(s)" / "Zionist" name the same actor as "Israel": one entity
        if place is not None:
            return ("PLACE", norm(place.name))
    person = people().get(key)
    if person is not None or (len(key.split()) == 1 and m.text[:1].isupper() and m.label in ("ORG", "GPE", "NORP")):
        return None
    group = "PLACE" if m.label in _PLACE_LABELS else m.label
    return (group, key)


def _same_name(a: str, b: str) -> bool:
    """Same name token up to transliteration: Haniye/Haniyeh, Abdulahian/Abdollahian, Khamenei/Khamene."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or a[0] != b[0]:
        return False
    if (a.startswith(b) or b.startswith(a)) and abs(len(a) - len(b)) <= 2:
        return True
    return a[0] == b[0] and SequenceMatcher(None, a, b).ratio() >= 0.84


def _name_words(text: str) -> list[str]:
    words = norm(text).replace("-", " ").split()
    while len(words) > 1 and role_entry(words[0])[1] in ("title", "role", "mod"):
        words = words[1:]
    return words


class _PersonIndex:
    """Clusters of PERSON mentions, built longest names first so surnames attach to full names."""

    def __init__(self) -> None:
        self.clusters: list[tuple[list[str], _Group]] = []
        self._by_initial: dict[str, list[tuple[list[str], _Group]]] = {}  # any name word's initial -> clusters

    def _register(self, words: list[str], group: _Group) -> None:
        self.clusters.append((words, group))
        for initial in {w[0] for w in words if w}:
            self._by_initial.setdefault(initial, []).append((words, group))

    def _match(self, words: list[str]) -> _Group | None:
        if not words or not words[-1]:
            return None
        last, first = words[-1], words[0]
        near = self._by_initial.get(last[0], [])  # same-name tokens share their first letter (see _same_name)
        surname = [g for names, g in near if _same_name(last, names[-1]) and (len(words) == 1 or len(names) == 1 or _same_name(first, names[0]) or first[0] == names[0][0])]
        if surname:
            return max(surname, key=lambda g: (len(g.members), -g.members[0].start))  # "Obama" alone: the Obama the text names most
        if len(words) == 1:
            given = [g for names, g in near if len(names) > 1 and _same_name(last, names[0])]
            if len(given) == 1:
                return given[0]
            inner = [g for names, g in near if len(names) > 2 and any(_same_name(last, n) for n in names[1:-1])]
            if len(inner) == 1:
                return inner[0]
        return None

    def add(self, m: _Mention, groups: list[_Group]) -> None:
        words = _name_words(m.text)
        group = self._match(words)
        if group is not None and len(words) == 1:
            # "President Obama" in a text that also names "Michelle Obama": a well-known bearer of the surname wins
            known = people().get(words[0])
            names = next((n for n, g in self.clusters if g is group), [])
            if known is not None and names and _same_name(words[0], names[-1]) and people().get(group.key[1]) is not known:
                words = _name_words(known.canonical)
                group = next((g for names, g in self.clusters if names == words), None)
        if group is None:
            group = _Group(key=("PERSON", " ".join(words)))
            groups.append(group)
            self._register(words, group)
        group.members.append(m)

    def attach(self, m: _Mention) -> bool:
        words = _name_words(m.text)
        person = people().get(norm(m.text))
        group = self._match(words)
        if group is None and person is not None:
            group = self._match(_name_words(person.canonical))
        if group is None:
            return False
        group.members.append(m)
        return True


def _merge_org_variants(groups: list[_Group]) -> None:
    """"Security Council" into "UN Security Council"; "EFE" into "Agencia EFE" (suffix of >= 2 words or acronym)."""
    orgs = [g for g in groups if g.key[0] == "ORG" and g.members]
    if len(orgs) > _MAX_ORG_MERGE:
        return  # quadratic; a document with that many organisations is a list, not an article
    for g in orgs:
        name = g.key[1]
        words = name.split()
        for other in orgs:
            if other is g or not other.members or not g.members:
                continue
            other_words = other.key[1].split()
            suffix = len(words) >= 2 and len(other_words) > len(words) and other_words[-len(words) :] == words
            acronym = len(words) == 1 and len(other_words) >= 2 and name == "".join(w[0] for w in other_words if w not in ("of", "the", "and"))
            if suffix or acronym:
                other.members.extend(g.members)
                g.members.clear()


# --- typing -------------------------------------------------------------------------------------------------------


def _entity(group: _Group, when: datetime.date | None = None) -> Entity:
    members = sorted(group.members, key=lambda m: m.start)
    kind, value = group.key
    aliases = [m.text for m in members]
    ent = Entity(id="", canonical=aliases[0], type=_majority_label(members), aliases=aliases, mentions=len(members), first_offset=members[0].start, spans=[(m.start, m.end) for m in members])
    if kind == "PERSON" or ent.type == "PERSON":
        _type_person(ent, members, people().get(value) if kind == "PERSON" else None, when)
        return ent
    curated = kind in ("STATE", "PLACE")  # places: GeoNames/ISO tables know the country at least as well
    if kind == "STATE":
        name = norm(country_names().get(value, ""))
        # the plural of an adjective can be the state's own name ("Philippine" -> "Philippines"): a name, not a demonym
        only_demonyms = all(norm(a) in demonyms() and norm(a) != name for a in aliases)
        ent.type = "NORP" if only_demonyms else "GPE"
        ent.country, ent.canonical = value, country_names().get(value, aliases[0])
    elif kind == "ORG":
        org = organisations().get(norm(value))
        if org is not None:
            ent.canonical, ent.country, ent.sector, ent.type = org.canonical, org.country, org.sector, org.type
            curated = True
        else:
            ent.canonical = max(aliases, key=lambda a: (len(a.split()), -aliases.index(a)))
            ent.country, ent.sector = describe(ent.canonical)
    elif kind == "PLACE":
        place = places().get(value)
        if place is not None:
            ent.country = place.country
        else:
            ent.country, _ = describe(ent.canonical)
    else:
        ent.country, ent.sector = describe(ent.canonical)
    info = _dictionary_actor(ent, when)
    if info is not None:
        _take(ent, info, fill_only=curated)
    return ent


_MAX_DICTIONARY_NAMES = 6  # names of one entity tried against the dictionaries (canonical first, longest aliases next)


def _dictionary_actor(ent: Entity, when: datetime.date | None, first: str | None = None) -> ActorInfo | None:
    """The dictionary actor the entity's canonical name or one of its aliases names, at ``when``."""
    names = [n for n in (first, ent.canonical) if n]
    names += sorted({a for a in ent.aliases if a not in names}, key=lambda a: (-len(a.split()), -len(a)))
    for name in names[:_MAX_DICTIONARY_NAMES]:
        info = named_actor(name, when, label=ent.type)
        if info is not None:
            return info
    return None


def _take(ent: Entity, info: ActorInfo, fill_only: bool) -> None:
    """Country, sector and code from the dictionary: they replace the entity stage's guesses from the words of
    the name, except where the project's own tables know the body or place (``fill_only``: fill what is unknown;
    a dictionary actor of another country is another actor of the same name, and lends nothing, not even its code:
    "EPA" the photo agency is no Venezuelan armed group)."""
    if fill_only and ent.country and info.country and info.country != ent.country:
        return
    if info.country and not (fill_only and ent.country):
        ent.country = info.country
    if not (fill_only and ent.sector) and (info.sector or "out_of_term" in info.flags):
        ent.sector = info.sector
    ent.actor_code, ent.actor_source, ent.actor_flags = info.code or None, info.source, sorted(info.flags)


def _majority_label(members: list[_Mention]) -> str:
    counts: dict[str, int] = {}
    for m in members:
        counts[m.label] = counts.get(m.label, 0) + 1
    return max(counts, key=lambda k: (counts[k], k == "PERSON"))


def _type_person(ent: Entity, members: list[_Mention], known_by_key: KnownActor | None = None, when: datetime.date | None = None) -> None:
    ent.type = "PERSON"
    forms = [m.text for m in members if m.label == "PERSON"] or [m.text for m in members]
    best = max(forms, key=lambda f: (len(_name_words(f)), forms.count(f), -forms.index(f)))
    words = best.split()
    while len(words) > 2 and role_entry(words[0])[1] in ("title", "role", "mod"):
        words = words[1:]  # "Ayatollah Ali Khamenei" -> "Ali Khamenei", but "Lady Gaga" stays
    ent.canonical = " ".join(words)
    known = None
    for form in sorted(set(forms), key=lambda f: -len(f.split())):
        known = people().get(norm(form)) or people().get(" ".join(_name_words(form))) or person(form)
        if known is not None and (len(form.split()) > 1 or len(set(forms)) == 1):
            break
        known = None
    known = known or known_by_key
    roles: list[str] = []
    for m in members:
        if m.span is None:
            continue
        doc = m.span.doc
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            for phrase in role_phrases(doc, span):
                if phrase not in roles:
                    roles.append(phrase)
    ent.roles = roles
    country = sector = None
    for phrase in roles:
        c, s = describe(phrase)
        country, sector = country or c, sector or s
    if known is not None:
        ent.canonical = known.canonical
    info = _dictionary_actor(ent, when, known.canonical if known is not None else None)
    if info is not None:
        _take(ent, info, fill_only=False)
    elif known is not None:
        ent.country, ent.sector = known.country, known.sector
    # the role the text writes next to the name beats any table ("Dutch Prime Minister Mark Rutte" is NLD)
    ent.country, ent.sector = country or ent.country, sector or ent.sector
