"""Where the main event happened: the best-scored place phrase, resolved to a country and coordinates.

After Giveme5W1H's environment extractor: candidates are the dateline, places
named in the headline (headlines drop prepositions; the small NER model often
misses their place names, so the title is also matched against the gazetteer),
and the GPE/LOC/FAC mentions of the event sentence and the lead, scored by
where they stand, whether a locative preposition governs them, how specific
they are (a city beats a country) and how often they are named.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Span

from .doc_index import doc_ents, doc_text, ents, has_word, sources, span_text
from .entities import Entity, EntityTable
from .gazetteer import Place, demonyms
from .places import find_place, find_place_span
from .roles import role_entry

_LOC_PREPS = {"in", "at", "near", "outside", "inside", "across", "into", "on", "around", "throughout", "within"}
_DATELINE = re.compile(r"(?:^|\n|\s)([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3})(?:, [A-Z][A-Za-z.]+)?\s*(?:\([A-Za-z .]+\)\s*)?(?:--|—|–)\s")
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_SPECIFICITY = {"city": 0.3, "capital": 0.3, "state": 0.15, "region": 0.1, "country": 0.0}
_NAME_PARTICLES = ("-", "i", "e", "al", "el")  # lower-case parts of place names ("Mazar-i-Sharif")
_NOT_PLACE_ENTS = ("PERSON", "ORG", "NORP", "DATE", "TIME")
_TITLE_PLACE_PRIOR = 1.3  # a place named in the headline is where the main event happened, more than any other


def _place_ents(span: Span, exclude: Span | None, table: EntityTable, body: Doc) -> list[tuple[Span, Place | None]]:
    """Place mentions of a span with their gazetteer place; actors the table knows as people/organisations are not places."""
    out = []
    for ent in ents(span):
        if exclude is not None and exclude.start_char <= ent.start_char < exclude.end_char and exclude.doc is span.doc:
            continue
        if ent.label_ not in _PLACE_LABELS and ent.label_ not in ("ORG", "EVENT"):
            continue
        known = table.at(ent.start_char, ent.end_char) if ent.doc is body else table.find(ent.text)
        if known is not None and known.type in ("PERSON", "ORG"):
            continue
        place = find_place(ent.text)
        if ent.label_ in ("ORG", "EVENT") and (place is None or place.lat is None or known is None or known.type != "FAC"):
            continue
        out.append((ent, place))
    return out


def _is_locative(ent: Span) -> bool:
    head = ent.root
    while head.dep_ in ("compound", "pobj", "poss", "amod", "appos", "conj", "nmod") and head.head is not head:
        head = head.head
        if head.dep_ == "prep" or head.pos_ == "ADP":
            return head.lower_ in _LOC_PREPS
    return False


def find_where(sent: Span, title: list[Span], lead: list[tuple[Span, int]], who_span: Span, table: EntityTable, body: Doc) -> dict[str, Any] | None:
    """The best-scored place phrase: dateline, title, near the event, after a locative preposition, specific,
    often mentioned (counted by its own name: "London" is not as frequent as every "UK" of the article)."""
    counts: dict[str, int] = {}
    for ent in doc_ents(body):
        if ent.label_ in _PLACE_LABELS:
            key = span_text(ent).lower()
            counts[key] = counts.get(key, 0) + 1
    most = max(max(counts.values(), default=1), 3)
    best: tuple[float, str, Place | None, Entity | None] | None = None
    dateline = _DATELINE.search(doc_text(body)[:300])
    if dateline is not None:
        place = find_place(dateline.group(1).title())
        if place is not None:
            best = (1.3 + _SPECIFICITY.get(place.kind, 0.0), dateline.group(1), place, None)
    for rank, (span, prior) in enumerate(sources(sent, title, lead, title_prior=_TITLE_PLACE_PRIOR)[: 1 + len(title) + 3]):
        # places the small model misses ("Croydon tram crash: ...", "Mazar-i-Sharif"); headlines drop prepositions
        found = find_place_span(_place_words(span, table, body))
        if found is not None and found[0] and found[1].kind in ("city", "capital", "state"):
            in_title = span.doc is not body
            locative = in_title or _after_locative(span_text(span), found[0])
            score = prior + (0.5 if locative else 0.0) + _SPECIFICITY.get(found[1].kind, 0.0) + 0.6 * counts.get(found[0].lower(), 0) / most - 0.05
            if best is None or score > best[0]:
                best = (score, found[0], found[1], None)
    for span, prior in sources(sent, title, lead, title_prior=_TITLE_PLACE_PRIOR):
        for ent, place in _place_ents(span, who_span if span is sent else None, table, body):
            score = prior + (0.5 if _is_locative(ent) else 0.0) + (_SPECIFICITY.get(place.kind, 0.0) if place is not None else -0.3)
            score += 0.6 * counts.get(span_text(ent).lower(), 0) / most
            if best is None or score > best[0]:
                known = table.at(ent.start_char, ent.end_char) if ent.doc is body else table.find(ent.text)
                best = (score, _with_region(ent), place, known)
    if best is None:
        return None
    _, text, place, known = best
    place = find_place(text) or place
    country = place.country if place else None
    if country is None and known is not None and known.country and len(known.country) == 3:
        country = known.country
    return {"text": text, "country": country, "lat": place.lat if place else None, "lon": place.lon if place else None}


_LOCATIVE_LEAD = re.compile(r"\b(?:in|at|near|outside)\s+")
_NEXT_WORD = re.compile(r"(?<![\w-])[\w-]++\s+")  # a whole word: no rescan of a long run from inside it
_MAX_WORDS_BETWEEN = 4


def _after_locative(text: str, name: str) -> bool:
    """Whether ``name`` follows "in" / "at" / "near" / "outside" with at most four words between
    ("in the northern city of Herat"): ``re.search(r"\\b(?:in|at|near|outside)\\s+(?:[\\w-]+\\s+){0,4}" +
    re.escape(name), text)`` for a name that starts with no space, without compiling a pattern per name
    (a compile cost more than the rest of the search). After each lead the words are stepped over one by one."""
    for lead in _LOCATIVE_LEAD.finditer(text):
        pos = lead.end()
        for _ in range(_MAX_WORDS_BETWEEN + 1):
            if text.startswith(name, pos):
                return True
            word = _NEXT_WORD.match(text, pos)
            if word is None:
                break
            pos = word.end()
    return False


def _place_words(title: Span, table: EntityTable, body: Doc) -> str:
    """The span without its actors and common words, so only candidate place names remain (", "-separated runs)."""
    parts: list[str] = []
    peoples = demonyms()
    for tok in title:
        text = tok.text
        keep = (text[:1].isupper() or text in _NAME_PARTICLES) and tok.ent_type_ not in _NOT_PLACE_ENTS
        if keep and tok.is_alpha:
            if text[:1].isupper() and (role_entry(text)[1] or peoples.get(tok.lower_) or has_word(body, tok.lower_)):
                keep = False  # "Police set to check...", "Brits blame...": a common word or a people, not a town
            elif len(text) > 2:
                known = table.find(text)
                keep = known is None or known.type != "PERSON"
        parts.append(tok.text_with_ws if keep else ", ")
    return "".join(parts)


def _with_region(ent: Span) -> str:
    """"Croydon" followed by ", south London" keeps its region."""
    doc, nxt = ent.doc, ent.end
    if nxt + 1 < len(doc) and doc[nxt].text == "," and doc[nxt + 1].ent_iob_ == "B" and doc[nxt + 1].ent_type_ in ("GPE", "LOC"):
        follow = next((e for e in doc_ents(doc) if e.start == nxt + 1), None)
        if follow is not None:
            return doc[ent.start : follow.end].text
    return ent.text
