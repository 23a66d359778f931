"""A nickname in quotes inside a person's name is part of the name: a spaCy component run after the entity recogniser.

Crime and conflict news names people with the alias they are known by set in quotes between the given name and the
surname (a cartel boss or a militia commander: Given "Alias" Surname). The small model cuts such a name at the
quote: the given name with the opening quote becomes a person, the alias another entity or none, the surname an
organisation. The coder then names the person arrested or killed by a fragment that ends in a quote mark. This
component makes the whole run one PERSON entity: capitalised words, an opening quote, one to four capitalised words,
the closing quote and capitalised words again, where the model tagged some part of it as a person, or every word of
it is a proper noun the model tagged as no place, people or date.

Reads the doc's tokens once; changes the entities only where such a run is found.
"""

from __future__ import annotations

import numpy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

FACTORY = "newsevents_entity_nicknames"
_OPENING = frozenset({'"', "“", "'", "‘", "``"})
_CLOSING = frozenset({'"', "”", "'", "’", "''"})
_MAX_ALIAS_WORDS = 4
_OPENING_IDS = numpy.array(sorted(get_string_id(q) for q in _OPENING), dtype="uint64")  # as Doc.to_array(ORTH) gives them


def _capital(doc: Doc, i: int) -> bool:
    tok = doc[i]
    return tok.is_alpha and tok.text[:1].isupper() and tok.pos_ in ("PROPN", "NOUN", "ADJ", "X")


def _runs(doc: Doc, quotes: list[int]) -> list[tuple[int, int]]:
    """(start, end) token ranges of Given "Alias" Surname runs; ``quotes``: the indices of the opening quote marks,
    in order (a run can start only at one, and the search goes on after the run it found)."""
    out: list[tuple[int, int]] = []
    n = len(doc)
    end = 0
    for i in quotes:
        if i < max(end, 1) or not _capital(doc, i - 1):
            continue
        j = i + 1
        while j < n and j - i - 1 < _MAX_ALIAS_WORDS and _capital(doc, j):
            j += 1
        if i + 1 < j < n - 1 and doc[j].text in _CLOSING and _capital(doc, j + 1):
            start, end = i - 1, j + 2
            while start > 0 and _capital(doc, start - 1) and doc[start - 1].ent_type_ in ("PERSON", ""):
                start -= 1
            while end < n and _capital(doc, end) and doc[end].ent_type_ in ("PERSON", "ORG", ""):
                end += 1
            out.append((start, end))
    return out


def _a_person(run: Span) -> bool:
    """The model tagged a person in the run, or tagged nothing in it but names (an organisation at most) and every
    word outside the quotes is a proper noun."""
    if any(t.ent_type_ == "PERSON" for t in run):
        return True
    return all(t.ent_type_ in ("", "ORG") for t in run) and all(t.pos_ == "PROPN" for t in run if t.is_alpha)


def join_nicknames(doc: Doc) -> Doc:
    """Makes every Given "Alias" Surname run of ``doc`` that names a person (:func:`_a_person`) one PERSON entity;
    returns ``doc``."""
    if not len(doc):
        return doc
    # the opening quote marks, found in one read of the words' ids: making a Token of every word cost more than the rest
    quotes = numpy.isin(doc.to_array(ORTH), _OPENING_IDS).nonzero()[0].tolist()
    if not quotes:
        return doc
    runs = [(s, e) for s, e in _runs(doc, quotes) if _a_person(doc[s:e])]
    if not runs:
        return doc
    kept = [ent for ent in doc.ents if not any(ent.start < e and s < ent.end for s, e in runs)]
    doc.ents = sorted(kept + [Span(doc, s, e, label="PERSON") for s, e in runs], key=lambda sp: sp.start)
    return doc


@Language.factory(FACTORY)
def _make_entity_nicknames(nlp: Language, name: str) -> "EntityNicknames":
    return EntityNicknames()


class EntityNicknames:
    """The component: :func:`join_nicknames` on each doc."""

    def __call__(self, doc: Doc) -> Doc:
        return join_nicknames(doc)
