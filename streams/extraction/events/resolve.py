"""Who "he", "the religious leader" and a name cut off by a stray full stop refer to.

Kept deliberately narrow: a pronoun or a definite role phrase ("the Palestinian
leader") resolves to the most recently mentioned person whose country does not
contradict it; anything else stays unresolved rather than guessed.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from ..entities import Entity, EntityTable
from .actor import Actor
from .spans import sentence_ents

_ROLE_HEADS = {"leader", "president", "minister", "chief", "head", "premier", "chancellor", "king", "spokesman",
               "spokeswoman", "ayatollah", "commander", "envoy", "secretary", "official", "diplomat"}


def _from_entity(ent: Entity, text: str, start: int, end: int) -> Actor:
    return Actor(text, ent.canonical, ent.id, ent.country, ent.sector, start, end, True, True, ent.type)


class Salience:
    """Persons mentioned so far in the article, most recent last; grammatical subjects rank above other mentions."""

    def __init__(self) -> None:
        self.persons: list[Entity] = []
        self.subjects: list[Entity] = []

    def observe(self, sent: Span, table: EntityTable) -> None:
        for e in sentence_ents(sent):
            if e.label_ != "PERSON":
                continue
            ent = table.at(e.start_char, e.end_char)
            if ent is None or ent.type != "PERSON":
                continue
            _push(self.persons, ent)
            if e.root.dep_ in ("nsubj", "nsubjpass") or e.root.head.dep_ in ("nsubj",) and e.root.dep_ in ("appos", "compound"):
                _push(self.subjects, ent)

    def candidates(self, exclude: set[str]) -> list[Entity]:
        seen: list[Entity] = []
        for ent in list(reversed(self.subjects)) + list(reversed(self.persons)):
            if ent not in seen and ent.id not in exclude:
                seen.append(ent)
        return seen

    def pronoun(self, tok: Token, table: EntityTable) -> Actor | None:
        """he/she -> the last person mentioned before it (this sentence first, then earlier ones)."""
        if tok.lower_ not in ("he", "she", "him", "her"):
            return None
        before = [e for e in sentence_ents(tok.sent) if e.label_ == "PERSON" and e.end <= tok.i]
        for e in reversed(before):
            ent = table.at(e.start_char, e.end_char)
            if ent is not None and ent.type == "PERSON":
                return _from_entity(ent, tok.text, tok.idx, tok.idx + len(tok.text))
        cands = self.candidates(set())
        if cands:
            return _from_entity(cands[0], tok.text, tok.idx, tok.idx + len(tok.text))
        return None


def _push(items: list[Entity], ent: Entity) -> None:
    if ent in items:
        items.remove(ent)
    items.append(ent)
    del items[:-8]


def resolve_reference(actor: Actor, head: Token, salience: Salience, exclude: set[str] | None = None) -> Actor | None:
    """"the Palestinian leader" -> the last person mentioned whose country agrees (if both are known)."""
    if head.lemma_.lower() not in _ROLE_HEADS or not any(c.lower_ == "the" for c in head.children):
        return None
    if any(c.dep_ == "prep" and any(g.ent_type_ in ("PERSON", "ORG") for g in c.subtree) for c in head.children):
        return None  # "the head of Hamas" names its own referent's organisation: keep it as written
    for ent in salience.candidates(exclude or set()):
        if actor.country and actor.country != ent.country:
            continue  # "the Palestinian leader" is not a person of another (or unknown) country
        return Actor(actor.text, ent.canonical, ent.id, ent.country or actor.country, ent.sector or actor.sector,
                     actor.start, actor.end, True, True)
    return None


def fragment_name(actor: Actor, sents: list[Span], index: int, table: EntityTable) -> Actor | None:
    """A role phrase ending its sentence, followed by a sentence that is only a name ("...Movement. Ismail Haniye.")."""
    if index + 1 >= len(sents):
        return None
    sent = sents[index]
    last = [t for t in sent if not t.is_punct]
    if not last or actor.end < last[-1].idx + len(last[-1].text):
        return None
    nxt = sents[index + 1]
    words = [t for t in nxt if not t.is_punct and not t.is_space]
    ents = [e for e in sentence_ents(nxt) if e.label_ == "PERSON"]
    if not words or not ents or ents[0].start != words[0].i:
        return None
    name = ents[0]
    if len(name) < len(words) and (name.root.dep_ in ("nsubj", "nsubjpass") or len(words) > 12 and name.root.dep_ != "ROOT"):
        return None  # the name starts a real sentence of its own
    ent = table.at(name.start_char, name.end_char)
    if ent is None:
        return None
    return replace(_from_entity(ent, actor.text, actor.start, actor.end), sector=ent.sector or actor.sector)
