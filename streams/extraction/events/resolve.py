"""Who "he" and "the religious leader" refer to: the persons an article has mentioned so far.

Kept deliberately narrow: a personal pronoun or a definite role phrase ("the Palestinian
leader") resolves to the most recently mentioned person (grammatical subjects first)
whose country does not contradict it; anything else stays unresolved rather than guessed.
One ``Salience`` per article; it sees the sentences in order.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from spacy.tokens import Span, Token

from ..doc_index import ents
from ..entities import Entity, EntityTable
from .slots import sentence_of

_ROLE_HEADS = {"leader", "president", "minister", "chief", "head", "premier", "chancellor", "king", "spokesman",
               "spokeswoman", "ayatollah", "commander", "envoy", "secretary", "official", "diplomat"}
_MAX_REMEMBERED = 8


class Salience:
    """Persons mentioned so far in the article, most recent last; grammatical subjects rank above other mentions."""

    def __init__(self) -> None:
        self.persons: list[Entity] = []
        self.subjects: list[Entity] = []

    def observe(self, sent: Span, table: EntityTable) -> None:
        for e in ents(sent):
            if e.label_ != "PERSON":
                continue
            ent = table.at(e.start_char, e.end_char)
            if ent is None or ent.type != "PERSON":
                continue
            _push(self.persons, ent)
            if e.root.dep_ in ("nsubj", "nsubjpass") or e.root.head.dep_ == "nsubj" and e.root.dep_ in ("appos", "compound"):
                _push(self.subjects, ent)

    def candidates(self, exclude: set[str]) -> list[Entity]:
        seen: list[Entity] = []
        for ent in list(reversed(self.subjects)) + list(reversed(self.persons)):
            if ent not in seen and ent.id not in exclude:
                seen.append(ent)
        return seen

    def pronoun(self, tok: Token, table: EntityTable) -> Entity | None:
        """he/she -> the last person named before it in its sentence, else the most salient one before."""
        sent = sentence_of(tok)
        before = [e for e in ents(sent) if e.label_ == "PERSON" and e.end <= tok.i]
        for e in reversed(before):
            ent = table.at(e.start_char, e.end_char)
            if ent is not None and ent.type == "PERSON":
                return ent
        cands = self.candidates(set())
        return cands[0] if cands else None

    def role_reference(self, actor: Any, head: Token, exclude: set[str]) -> Any | None:
        """"the Palestinian leader" -> the last person mentioned whose country agrees (if both are known)."""
        if head.lemma_.lower() not in _ROLE_HEADS or not any(c.lower_ == "the" for c in head.children):
            return None
        if any(c.dep_ == "prep" and any(g.ent_type_ in ("PERSON", "ORG") for g in c.subtree) for c in head.children):
            return None  # "the head of Hamas" names its own referent's organisation: keep it as written
        for ent in self.candidates(exclude):
            if actor.country and actor.country != ent.country:
                continue
            return replace(actor, canonical=ent.canonical, entity=ent.id, country=ent.country or actor.country,
                           sector=ent.sector or actor.sector, named=True, etype="PERSON")
        return None


def _push(items: list[Entity], ent: Entity) -> None:
    if ent in items:
        items.remove(ent)
    items.append(ent)
    del items[:-_MAX_REMEMBERED]


def fragment_name(sents: list[Span], index: int, end_char: int, table: EntityTable) -> Entity | None:
    """A role phrase ending its sentence, followed by a sentence that is only a name.

    Scraped text sometimes cuts an apposition with a full stop ("...met the party's
    deputy chief. Anna Berg."): the name in the next sentence is who the phrase means.
    """
    if index + 1 >= len(sents):
        return None
    sent = sents[index]
    if end_char < sent.end_char - 4:
        return None  # the phrase does not end its sentence (a full stop and a quote at most follow it)
    last = [t for t in sent[-4:] if not t.is_punct]
    if not last or end_char < last[-1].idx + len(last[-1].text):
        return None
    nxt = sents[index + 1]
    words = [t for t in nxt if not t.is_punct and not t.is_space]
    names = [e for e in ents(nxt) if e.label_ == "PERSON"]
    if not words or not names or names[0].start != words[0].i:
        return None
    name = names[0]
    if len(name) < len(words) and (name.root.dep_ in ("nsubj", "nsubjpass") or len(words) > 12 and name.root.dep_ != "ROOT"):
        return None  # the name starts a real sentence of its own
    ent = table.at(name.start_char, name.end_char)
    return ent if ent is not None and ent.type == "PERSON" else None
