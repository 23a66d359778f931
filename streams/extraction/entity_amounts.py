"""A name is no part of the amount after it: a spaCy component run after the entity recogniser.

News writes what is lent, given or paid with two objects, the party and the amount: "will lend Kenya 2 billion
dollars", "offered Chile 300 million euros". The small model reads the name and the amount as one entity and calls
it an organisation or a facility, so the party is lost: the coder finds no state in the phrase, and the record's
target reads "Kenya 2 billion dollars". This component cuts such an entity at the number: the name before it stays
an entity (a state or a place the gazetteer knows becomes a GPE), and the amount after it becomes a MONEY entity.
The model may also call the whole run a sum or a law ("MONEY", "LAW"): then only a name the gazetteer knows as a
place is cut from it.

Only an entity whose part after a number holds a word of scale ("million", "billion", "crore") is cut; names that
end in a number ("Interstate 95", "Resolution 2254"), a model's number ("Boeing 737 jets") or a score ("Everton 3-1")
keep it. Reads each entity's tokens once.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .gazetteer import norm, places

FACTORY = "newsevents_entity_amounts"
_NAME_LABELS = frozenset({"ORG", "FAC", "GPE", "LOC", "PERSON", "NORP"})
# the words of scale an amount lent or given is written with ("2 billion dollars", "500 crore rupees"); a model number
# ("Boeing 737 jets") or a count ("20 women") has none
_SCALE_WORDS = frozenset({"thousand", "million", "billion", "trillion", "mn", "bn", "lakh", "crore"})


def cut_amounts(doc: Doc) -> Doc:
    """Splits every name-and-amount entity of ``doc`` into the name and a MONEY entity; returns ``doc``."""
    ents = doc.ents
    out: list[Span] = []
    changed = False
    for ent in ents:
        cut = _amount_start(ent)
        if cut is None:
            out.append(ent)
            continue
        name = doc[ent.start : cut]
        place = places().get(norm(name.text)) is not None
        if ent.label_ not in _NAME_LABELS and not place:
            out.append(ent)  # ("Rs 5 crore": a currency's sign, no name)
            continue
        changed = True
        out.append(Span(doc, ent.start, cut, label="GPE" if place else ent.label_))
        out.append(Span(doc, cut, ent.end, label="MONEY"))
    if changed:
        doc.ents = out
    return doc


def _amount_start(ent: Span) -> int | None:
    """The index of the number an amount starts with, when a capitalised name comes before it and a word of scale
    after it; else None."""
    for tok in ent[1:]:
        if not tok.like_num:
            continue
        before = ent.doc[ent.start : tok.i]
        after = ent.doc[tok.i : ent.end]
        if any(t.is_alpha and t.text[:1].isupper() for t in before) and any(t.lower_ in _SCALE_WORDS for t in after):
            return tok.i
        return None
    return None


@Language.factory(FACTORY)
def _make_entity_amounts(nlp: Language, name: str) -> "EntityAmounts":
    return EntityAmounts()


class EntityAmounts:
    """The component: :func:`cut_amounts` on each doc."""

    def __call__(self, doc: Doc) -> Doc:
        return cut_amounts(doc)
