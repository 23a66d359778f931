"""Find the words in a sentence that name a codable action, and pick their lexicon entry."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from .lexicon import Trigger, match

_NAME_TYPES = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"}


@dataclass(slots=True)
class Hit:
    tok: Token
    trig: Trigger
    consumed: set[int]  # tokens that were part of the phrase ("talks" in "held talks")


def _dependents(tok: Token) -> dict[str, Token]:
    """Lemmas of the token's dependents and of its objects' / prepositions' dependents."""
    out: dict[str, Token] = {}
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        out[tok.head.lemma_.lower()] = tok.head  # "figures released by": the participle's noun is its object
    for c in tok.children:
        out.setdefault(c.lemma_.lower(), c)
        out.setdefault(c.lower_, c)
        if c.dep_ in ("dobj", "prep", "xcomp", "pobj", "attr"):
            for g in c.children:
                if g.dep_ in ("pobj", "dobj", "compound", "amod", "prep"):
                    out.setdefault(g.lemma_.lower(), g)
    return out


def _pos(tok: Token) -> str | None:
    if tok.pos_ == "VERB" or tok.tag_.startswith("VB") and tok.pos_ != "AUX":
        return "V"
    if tok.pos_ in ("NOUN", "PROPN"):
        return "N"
    return None


def find_triggers(sent: Span) -> list[Hit]:
    """Every lexicon match in the sentence, with the words each phrase consumed."""
    hits: list[Hit] = []
    for tok in sent:
        pos = _pos(tok)
        if pos is None:
            continue
        if tok.ent_type_ in _NAME_TYPES and pos == "N":
            continue
        deps = _dependents(tok)
        lemma = tok.lemma_.lower()
        trig = match(lemma, pos, set(deps))
        if trig is None and pos == "N" and tok.pos_ == "PROPN":
            trig = match(lemma, "V", set(deps))  # headline verbs tagged as names ("Admits", "Attended")
        if trig is None or trig.kind == "none":
            continue  # no trigger, or a blocking sense ("pleaded guilty", "released figures", "returned to")
        consumed = {deps[w].i for w in trig.with_ if w in deps}
        hits.append(Hit(tok, trig, consumed))
    consumed_all = {i for h in hits for i in h.consumed}
    return [h for h in hits if h.tok.i not in consumed_all]
