"""Turn a parse-tree head into an actor record: span text, entity, country, sector.

Actors come from the entity layer first ("Haniye" and "Haniyeh" are one entity
there); spans that name no entity ("Israeli forces", "the police") are typed
from their modifiers' entities (country) and head noun (sector) so that a
common-noun actor still carries what downstream consumers filter on.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..entities import Entity, EntityTable
from .lookups import actor_type

ACTOR_TYPES = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
_NAME_DEPS = {"compound", "appos", "flat", "nmod"}
_DROP_DEPS = {"relcl", "acl", "advcl", "punct", "cc", "conj", "det", "prep", "ccomp", "npadvmod", "advmod", "case"}
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

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "canonical": self.canonical, "entity": self.entity, "country": self.country, "sector": self.sector}


@lru_cache(maxsize=1)
def actor_nouns() -> dict[str, str]:
    text = resources.files("streams.data").joinpath("event_actor_nouns.tsv").read_text("utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln and not ln.startswith("#")][1:]
    return {r[0]: r[1] for r in rows if len(r) >= 2}


def noun_phrase(doc: Doc, head: Token) -> Span:
    """The head with its name-forming modifiers and "of" complements, without clauses or conjuncts."""
    keep = {head.i}
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if child.dep_ == "conj" or child.dep_ in ("relcl", "acl", "advcl", "ccomp", "cc") :
                continue
            if child.dep_ == "prep" and child.lower_ != "of":
                continue
            if child.dep_ == "punct" and child.i > head.i and child.dep_ != "appos":
                continue
            keep.add(child.i)
            stack.append(child)
    lo, hi = min(keep), max(keep)
    while lo < hi and (doc[lo].is_punct or doc[lo].dep_ in ("cc", "det", "case") and doc[lo].lower_ in ("the", "a", "an")):
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
    span = noun_phrase(doc, head)
    if not span.text.strip():
        return None
    ent = _head_entity(table, head)
    nouns = actor_nouns()
    role = nouns.get(head.lemma_.lower()) or nouns.get(head.lower_)
    if ent is not None:
        country, sector = ent.country, ent.sector or role
        if sector is None and ent.type != "PERSON" or country is None:
            c2, s2 = actor_type(span.text)
            country, sector = country or c2, sector or s2
        return Actor(span.text, ent.canonical, ent.id, country, sector, span.start_char, span.end_char, True, True)
    mod = _modifier_entity(table, span, head)
    c2, s2 = actor_type(span.text)
    country = c2 or (mod.country if mod is not None else None)
    sector = s2 or role
    is_actor = role is not None or s2 is not None
    return Actor(span.text, None, None, country, sector, span.start_char, span.end_char, is_actor, False)
