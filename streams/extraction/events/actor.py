"""Turn a parse-tree head into an actor record: span text, entity, country, sector.

Actors come from the entity layer first ("Haniye" and "Haniyeh" are one entity
there); spans that name no entity ("Israeli forces", "the police") are typed
from their modifiers' entities (country) and head noun (sector) so that a
common-noun actor still carries what downstream consumers filter on.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from ...data import rows
from ..entities import Entity, EntityTable
from .lookups import actor_type


ACTOR_TYPES = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
_NAME_DEPS = {"compound", "appos", "flat", "nmod"}
_DROP_DEPS = {"relcl", "acl", "advcl", "punct", "cc", "conj", "det", "prep", "ccomp", "npadvmod", "advmod", "case"}
_DATELINE_SEPS = {"--", "—", "–", ":", "|", "-"}
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "who", "which", "that", "this", "these", "those"}


@dataclass(slots=True)
class Actor:
    text: str
    canonical: str | None
    entity: str | None
    country: str | None
    sector: str | None
    start: int
    end: int
    is_actor: bool  # a named entity or a recognised actor noun: something that can act politically
    named: bool
    etype: str | None = None  # entity type (PERSON, ORG, GPE, NORP...) when the actor is an entity
    plural: bool = False  # head noun is plural ("officials", "authorities"): "he" cannot refer to it

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "canonical": self.canonical, "entity": self.entity, "country": self.country, "sector": self.sector}


@lru_cache(maxsize=1)
def actor_nouns() -> dict[str, str]:
    return {r[0]: r[1] for r in rows("event_actor_nouns.tsv", strip=False) if len(r) >= 2}


def noun_phrase(doc: Doc, head: Token) -> Span:
    """The head with its name-forming modifiers and "of" complements, without clauses or conjuncts."""
    keep = {head.i}
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if child.dep_ == "conj" or child.dep_ in ("relcl", "acl", "advcl", "ccomp", "cc") :
                continue
            if child.dep_ == "prep" and (child.lower_ != "of" or any(g.tag_ == "VBG" for g in child.children)) \
                    and not (child.lower_ == "from" and head.tag_ == "NN" and any(g.ent_type_ in ("GPE", "NORP") for g in child.children)):
                continue  # clauses and prepositions off, except "of" complements and origin ("a man from China")
            if tok.i == head.i and child.dep_ == "nummod" and child.i < head.i and child.ent_type_ in ("", "CARDINAL", "QUANTITY"):
                continue  # "at least 28 soldiers" -> "soldiers": counts go to the event's quantities
            if child.dep_ == "punct" and child.i > head.i and child.dep_ != "appos":
                continue
            keep.add(child.i)
            stack.append(child)
    lo, hi = min(keep), max(keep)
    for i in range(lo, head.i):
        if doc[i].text in _DATELINE_SEPS:
            lo = i + 1  # "GUATEMALA CITY -- Gunmen": the dateline is not part of the actor
    while lo < hi and (lo not in keep or doc[lo].is_punct or doc[lo].dep_ in ("cc", "det", "case") and doc[lo].lower_ in ("the", "a", "an")):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].dep_ in ("cc", "case")):
        hi -= 1
    return doc[lo : hi + 1]


def _entity_of(table: EntityTable, tok: Token) -> Entity | None:
    ent = table.at(tok.idx, tok.idx + len(tok.text))
    if ent is not None and ent.type in ACTOR_TYPES:
        return ent
    return None


def _head_entity(table: EntityTable, head: Token) -> Entity | None:
    """Entity that *is* the actor: the head's own, else a name in apposition or compound to it."""
    ent = _entity_of(table, head)
    if ent is not None:
        return ent
    for child in head.children:
        if child.dep_ in _NAME_DEPS:
            ent = _entity_of(table, child)
            if ent is not None and (ent.type == "PERSON" or child.dep_ == "appos" or head.lower_ in ("leader", "chief", "head")):
                return ent
    return None


def _modifier_entity(table: EntityTable, span: Span, head: Token) -> Entity | None:
    """Entity that only qualifies the actor ("Israeli" forces, president "of Iran"): gives its country."""
    for tok in span:
        if tok.i == head.i:
            continue
        ent = _entity_of(table, tok)
        if ent is not None and ent.country:
            return ent
    for tok in span:
        ent = _entity_of(table, tok)
        if ent is not None:
            return ent
    return None


def make_actor(doc: Doc, head: Token, table: EntityTable) -> Actor | None:
    """Actor record for the phrase headed by ``head``; None for pronouns and empty spans."""
    if head.lower_ in _PRONOUNS or head.pos_ == "PRON":
        return None
    if any(t.text in _DATELINE_SEPS for t in doc[head.i + 1 : min(head.i + 7, len(doc))]) and head.i - head.sent.start < 6 \
            and head.ent_type_ in ("GPE", "LOC", "DATE"):
        return None  # a dateline place ("ISLAMABAD:", "SEOUL, Nov. 26 --") is where, not who
    span = noun_phrase(doc, head)
    if not span.text.strip():
        return None
    ent = _head_entity(table, head)
    nouns = actor_nouns()
    role = nouns.get(head.lemma_.lower()) or nouns.get(head.lower_)
    if ent is not None:
        country, sector = ent.country, ent.sector or role
        if sector is None and ent.type != "PERSON" or country is None:
            _, c2, s2 = actor_type(span.text)
            if c2 is None and ent.canonical != span.text:
                _, c2, s3 = actor_type(ent.canonical)  # "President Vladimir V. Putin": the canonical name is known
                s2 = s2 or s3
            if c2 is None and ent.type == "PERSON" and head.ent_type_ == "PERSON" and head.text[:1].isupper():
                _, c2, s3 = actor_type(head.text)  # the surname alone ("Putin") when the full form is unknown
                s2 = s2 or s3
            country, sector = country or c2, sector or s2
        return Actor(span.text, ent.canonical, ent.id, country, sector, span.start_char, span.end_char, True, True, ent.type,
                     head.tag_ in ("NNS", "NNPS"))
    mod = _modifier_entity(table, span, head)
    canonical, c2, s2 = actor_type(span.text)
    if len(span) == 1 and role is not None:
        canonical, c2 = None, None  # a bare actor noun ("Police", "Government") is no place or named body
    country = c2 or (mod.country if mod is not None else None)
    core_ids = [head.i] + [c.i for c in head.children if c.dep_ in ("compound", "amod", "nmod") and c.i < head.i]
    core = doc[min(core_ids) : head.i + 1]
    core_canonical, _, core_sector = actor_type(core.text) if core.text != span.text else (canonical, c2, s2)
    sector = core_sector or role or (s2 if core_canonical else None)
    is_actor = role is not None or core_sector is not None or core_canonical is not None
    linked = _by_canonical(table, canonical)
    if linked is not None and (role is None or linked.type != "PERSON"):
        # the phrase names a known actor the table holds under another name ("the Zionist regime" -> Israel)
        return Actor(span.text, linked.canonical, linked.id, linked.country or country, linked.sector or sector,
                     span.start_char, span.end_char, True, True, linked.type, head.tag_ in ("NNS", "NNPS"))
    return Actor(span.text, None, None, country, sector, span.start_char, span.end_char, is_actor, False, None,
                 head.tag_ in ("NNS", "NNPS"))


_alias_cache: list[Any] = [None, {}]  # [table, {lower name: entity}]: the last table seen


def _by_canonical(table: EntityTable, canonical: str | None) -> Entity | None:
    """Entity whose canonical name or an alias is ``canonical`` (first in table order); index built once per table."""
    if not canonical:
        return None
    if _alias_cache[0] is not table:
        index: dict[str, Entity] = {}
        for ent in table.entities:
            for name in (ent.canonical, *ent.aliases):
                if isinstance(name, str):
                    index.setdefault(name.lower(), ent)
        _alias_cache[:] = [table, index]
    return _alias_cache[1].get(canonical.lower())


def forget_table() -> None:
    _alias_cache[:] = [None, {}]
