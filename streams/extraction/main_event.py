"""The article's main event as who / what / whom / when / where / why / how.

Chosen the way Giveme5W1H does it (Hamborg et al., 2019): every lead sentence
with a subject-verb pair is a candidate; candidates are scored by position
(news puts the main event first: inverted pyramid), by how much they repeat the
headline (the title is the editor's own summary), and by the salience of the
subject (a named actor mentioned often beats "the move"). The winning sentence
gives who/what/whom; when and where come from it too, else from the title,
else from the nearest lead sentence that names one.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from spacy.tokens import Doc, Span, Token

from .dates import date_phrase, resolve_date
from .entities import Entity, EntityTable
from .gazetteer import Place, demonyms
from .places import find_place, find_place_span
from .roles import role_entry
from .trailer import is_chrome

_SUBJ = {"nsubj", "nsubjpass", "csubj"}
_OBJ = {"dobj", "dative", "attr", "oprd"}
_WHO_EXTEND = {"conj", "cc", "compound", "nummod", "amod"}
_WHAT_CHILDREN = {"dobj", "dative", "attr", "prep", "prt", "acomp", "xcomp", "oprd", "agent", "ccomp", "npadvmod", "advmod"}
_LOC_PREPS = {"in", "at", "near", "outside", "inside", "across", "into", "on", "around", "throughout", "within"}
_QUOTE_MARKS = {'"', "'", "“", "”", "‘", "’"}
_DATELINE = re.compile(r"(?:^|\n|\s)([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3})(?:, [A-Z][A-Za-z.]+)?\s*(?:\([A-Za-z .]+\)\s*)?(?:--|—|–)\s")
_TIME_OF_DAY = re.compile(r"\d\s*(?:[ap]\.?m\b|h\b)|\d[:.]\d\d|\b(?:noon|midnight|morning|afternoon|evening|night)\b", re.I)
_TARGET_PREPS = {"with", "to", "against", "for", "on", "at", "from"}
_ACTOR_TYPES = {"PERSON": 3, "ORG": 3, "NORP": 2, "GPE": 1, "FAC": 0, "LOC": 0, "EVENT": 0}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_BAD_SUBJECTS = {"who", "which", "that", "what", "this", "it", "there", "he", "she", "they", "i", "we", "you", "one"}
_DURATION = re.compile(r"^(?:about |around |nearly |almost |more than |less than |over )?(?:a|an|one|two|three|several|few|\d+|many|the)?\s*(?:\w+ )?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century)(?: old| long)?$", re.I)
_WHY = re.compile(r"\b(because(?: of)?|due to|owing to|as a result of|in response to|in retaliation for|in protest (?:at|against)|in order to|so that|amid)\b([^.;:!?]*)", re.I)
_CLOCK_TIME = re.compile(r"(?:\b(?:at|around|about|shortly after|shortly before|just after|just before)\s+)*\b\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.m\.|[ap]m\b)(?:\s+local time)?|\b\d{1,2}:\d{2}\b(?:\s+local time)?", re.I)
_VAGUE_WHEN = re.compile(r"\b(?:last|this|next|earlier|later|past|coming|recent|(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|august|september|october|november|december)\b", re.I)
_ABSOLUTE = re.compile(r"\d{4}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d", re.I)
_AGE = re.compile(r"\d+-(?:year|month|week|day)|\byears? old\b", re.I)
_SPECIFICITY = {"city": 0.3, "capital": 0.3, "state": 0.15, "region": 0.1, "country": 0.0}
_MAX_EVENT_AGE_DAYS = 30
_NEAR_SENTENCES = 7
_TITLE_PLACE_PRIOR = 1.3  # a place named in the headline is where the main event happened, more than any other
_LEAD_SENTENCES = 10
_CONTEXT_SENTENCES = 15
_MAX_WHAT_TOKENS = 30
_W_POSITION, _W_TITLE, _W_WHO_TITLE, _W_SALIENCE, _W_NAMED = 1.0, 1.0, 0.5, 0.3, 0.3


def find_main_event(doc: Doc, table: EntityTable, title_doc: Doc | None = None, published_at: str | None = None) -> dict[str, Any] | None:
    """The main event (wire shape of ``main_event``) or None when neither title nor lead has a subject and a verb."""
    sents = list(doc.sents)
    title_words = _content_lemmas(title_doc) if title_doc is not None else set()
    title_text = title_doc.text.lower() if title_doc is not None else ""
    max_mentions = max((e.mentions for e in table.entities), default=1)
    candidates: list[tuple[Span, int, float]] = []  # (sentence, index, position score); the title is index -1
    if title_doc is not None:
        candidates += [(s, -1, 1.0) for s in title_doc.sents]
    considered = 0
    for index, sent in enumerate(sents):
        if considered >= _LEAD_SENTENCES:
            break
        if title_doc is not None and sent.text.strip() == title_doc.text.strip():
            continue  # the body repeats the headline: already a candidate as the title
        if len(sent) < 3:
            continue
        candidates.append((sent, index, 1.0 - considered / _LEAD_SENTENCES))
        considered += 1
    best: tuple[float, int, Token, Span, Entity | None] | None = None
    for sent, index, position in candidates:
        in_title = index < 0
        for verb, who_span in _subject_verbs(sent):
            who_ent = _actor_in(who_span, table, doc)
            score = _W_POSITION * position
            if title_words and not in_title:
                score += _W_TITLE * len(_content_lemmas(sent) & title_words) / len(title_words)
            if who_ent is not None:
                # an actor that only modifies the subject ("The London Mayor") counts half
                weight = 1.0 if _heads(who_span, who_ent, doc) else 0.5
                score += weight * (_W_NAMED * _ACTOR_TYPES.get(who_ent.type, 0) / 3 + _W_SALIENCE * who_ent.mentions / max_mentions)
                if title_text and any(a.lower() in title_text for a in {who_ent.canonical, *who_ent.aliases} if len(a) > 2):
                    score += weight * _W_WHO_TITLE
            if best is None or score > best[0] + 1e-9:
                best = (score, index, verb, who_span, who_ent)
    if best is None:
        return None
    _, index, verb, who_span, who_ent = best
    return _event(doc, table, index, verb, who_span, who_ent, sents, title_doc, published_at)


def _heads(span: Span, ent: Entity, body: Doc) -> bool:
    """Whether the entity is the head of the phrase (or one of its coordinated heads), not a modifier."""
    heads = [span.root] + [t for t in span.root.children if t.dep_ == "conj"]
    for tok in heads:
        if span.doc is body:
            if any(s <= tok.idx < e for s, e in ent.spans):
                return True
        elif any(tok.text in alias.split() for alias in {ent.canonical, *ent.aliases}):
            return True
    return False


def _content_lemmas(span: Doc | Span) -> set[str]:
    return {t.lemma_.lower() for t in span if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM") and not t.is_stop and t.is_alpha}


def _quoted(tok: Token) -> bool:
    """Inside quotation marks within its sentence (a quote's subject is not the article's actor)."""
    sent = tok.sent
    marks = [t.text for t in sent.doc[sent.start : tok.i] if t.text in _QUOTE_MARKS]
    opened = sum(m in ("“", "‘") for m in marks) > sum(m in ("”", "’") for m in marks)
    return opened or sum(m in ('"', "'") for m in marks) % 2 == 1


def _subject_verbs(sent: Span) -> list[tuple[Token, Span]]:
    """Main verbs of the sentence (root, its coordinated / complement verbs) with their nominal, non-pronoun subjects."""
    root = sent.root
    verbs = [root] if root.pos_ in ("VERB", "AUX") else []
    verbs += [t for t in root.children if t.pos_ in ("VERB", "AUX") and t.dep_ in ("ccomp", "conj", "parataxis")]
    out = []
    for verb in verbs:
        subj = next((c for c in verb.children if c.dep_ in _SUBJ), None)
        if subj is None or subj.lower_ in _BAD_SUBJECTS or subj.pos_ == "PRON" or _quoted(subj) or is_chrome(subj.sent.doc[subj.left_edge.i : subj.i + 1].text):
            continue
        out.append((verb, _np(subj)))
    return out


def _np(head: Token) -> Span:
    """A noun phrase without its relative clauses, appositions and trailing modifiers ("Dozens of rescuers", "Kimi Raikkonen, Marcus Ericsson and Felipe Massa")."""
    doc = head.doc
    end = head.i
    for child in head.rights:
        if child.dep_ in _WHO_EXTEND or (child.dep_ == "prep" and child.lower_ == "of") or (child.dep_ == "punct" and child.text == "," and any(c.dep_ == "conj" for c in head.rights)):
            end = max(end, child.right_edge.i)
    start = head.left_edge.i
    while start < end and (doc[start].is_punct or doc[start].dep_ in ("cc", "mark", "prep")):
        start += 1
    while end > start and doc[end].is_punct:
        end -= 1
    return doc[start : end + 1]


def _actor_in(span: Span, table: EntityTable, doc: Doc) -> Entity | None:
    """The most actor-like entity mentioned in a phrase (people and organisations before places)."""
    best: tuple[int, int, Entity] | None = None
    for tok in span:
        if tok.ent_iob_ == "O" and not tok.text[:1].isupper():
            continue
        ent = table.at(tok.idx, tok.idx + len(tok.text)) if doc is span.doc else _find_in_title(tok, table)
        if ent is None:
            continue
        rank = (_ACTOR_TYPES.get(ent.type, 0), -tok.i)
        if best is None or rank > best[:2]:
            best = (*rank, ent)
    return best[2] if best else None


def _find_in_title(tok: Token, table: EntityTable) -> Entity | None:
    """Entity named by a title token: the title's own entity span if the parser found one, else the token."""
    if tok.ent_iob_ != "O":
        ent_span = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        if ent_span is not None:
            found = table.find(ent_span.text)
            if found is not None:
                return found
    return table.find(tok.text) if tok.text[:1].isupper() and len(tok.text) > 2 else None


def _mention_text(span: Span, ent: Entity, body: Doc) -> str:
    """The entity's own words inside the phrase (e.g. "Taliban" in "a Taliban truck bombing")."""
    if span.doc is body:
        for s, e in ent.spans:
            if span.start_char <= s and e <= span.end_char:
                return body.text[s:e]
        for s, e in ent.spans:
            if s < span.end_char and span.start_char < e:
                return body.text[s:e]  # the parser's phrase cut a glued name short ("Ali" of "Ali Khameneireiterated")
    for alias in sorted(set(ent.aliases), key=len, reverse=True):
        if alias in span.text:
            return alias
    return span.text


def _event(doc: Doc, table: EntityTable, index: int, verb: Token, who_span: Span, who_ent: Entity | None, sents: list[Span], title_doc: Doc | None, published_at: str | None) -> dict[str, Any]:
    sent = verb.sent
    head_is_actor = who_ent is not None and _ACTOR_TYPES.get(who_ent.type, 0) >= 2
    who_text = _mention_text(who_span, who_ent, doc) if head_is_actor and who_ent is not None else who_span.text
    lead = [(s, i) for i, s in enumerate(sents[:_CONTEXT_SENTENCES])]
    title = list(title_doc.sents) if title_doc is not None else []
    return {
        "who": {"text": who_text, "entity": who_ent.id if who_ent is not None else None},
        "what": {"text": _what(verb)},
        "whom": _whom(verb, who_ent, table, doc),
        "when": _when(sent, title, sents, published_at),
        "where": _where(sent, title, lead, who_span, table, doc),
        "why": _why(sent),
        "how": _how(verb),
        "sentence": {"index": index, "text": sent.text.strip(), **({"start": sent.start_char, "end": sent.end_char} if index >= 0 else {})},
    }


def _what(verb: Token) -> str:
    doc = verb.doc
    start = min([verb.i] + [c.i for c in verb.lefts if c.dep_ in ("aux", "auxpass", "neg")])
    end = verb.i
    for child in verb.rights:
        if child.dep_ in _WHAT_CHILDREN:
            end = max(end, child.right_edge.i)
    end = min(end, start + _MAX_WHAT_TOKENS - 1)
    while end > start and doc[end].is_punct:
        end -= 1
    return doc[start : end + 1].text


def _whom(verb: Token, who_ent: Entity | None, table: EntityTable, body: Doc) -> dict[str, Any] | None:
    doc = verb.doc
    objects = [c for c in verb.rights if c.dep_ in _OBJ]
    preps = [c for c in verb.rights if c.dep_ == "prep" and c.lower_ in _TARGET_PREPS]
    for obj in objects:
        preps += [c for c in obj.rights if c.dep_ == "prep" and c.lower_ in _TARGET_PREPS]
    for phrase_head in objects + [p for prep in preps for p in prep.children if p.dep_ == "pobj"]:
        phrase = doc[phrase_head.left_edge.i : phrase_head.right_edge.i + 1]
        ent = _actor_in(phrase, table, body)
        if ent is not None and ent is not who_ent:
            return {"text": _mention_text(phrase, ent, body), "entity": ent.id}
        if phrase_head.dep_ in _OBJ and phrase_head.pos_ == "PROPN":
            return {"text": _np(phrase_head).text, "entity": None}
    return None


def _sources(sent: Span, title: list[Span], lead: list[tuple[Span, int]], title_prior: float = 0.8) -> list[tuple[Span, float]]:
    """Where to look for when/where, with a prior: the event sentence, the title, then the rest by position."""
    n = max(len(lead), 1)
    out = [(sent, 1.0)] + [(t, title_prior) for t in title]
    out += [(s, 0.1 + 0.5 * (1.0 - i / n)) for s, i in lead if s.start != sent.start or s.doc is not sent.doc]
    return out


def _when(sent: Span, title: list[Span], sents: list[Span], published_at: str | None) -> dict[str, Any] | None:
    """The best-scored date phrase (after Giveme5W1H): near the event sentence, resolvable, absolute, close to
    publication (a birth date or an anniversary is background), repeated. A time of day ("at around 6am", often
    missed by the small NER model, so also found by pattern) counts near the event; a vague phrase ("last month")
    only when nothing else is there."""
    anchor = resolve_date("today", published_at)
    scored: list[tuple[float, str, str | None]] = []
    vague: list[tuple[float, str]] = []
    for rank, (span, prior) in enumerate(_sources(sent, title, list(zip(sents, range(len(sents)))))):
        near = span is sent or rank <= len(title) + _NEAR_SENTENCES
        phrases = [(date_phrase(e.text), e.label_) for e in _date_ents(span)]
        if near:
            phrases += [(m.group().strip(), "TIME") for m in _CLOCK_TIME.finditer(span.text) if not any(m.group().strip() in p for p, _ in phrases)]
        for text, label in phrases:
            resolved = resolve_date(text, published_at)
            if resolved is not None:
                score = prior + 0.5 + (0.15 if _ABSOLUTE.search(text) else 0.0)
                if anchor is not None:
                    gap = abs((date.fromisoformat(resolved) - date.fromisoformat(anchor)).days)
                    if gap > _MAX_EVENT_AGE_DAYS:
                        continue
                    score += 0.5 if gap <= 1 else 0.3 if gap <= 3 else 0.1 if gap <= 7 else 0.0
                    if resolved > anchor:
                        score -= 0.3  # announced for later: not what happened
                scored.append((score, text, resolved))
            elif _TIME_OF_DAY.search(text) and near:
                scored.append((prior + 0.3, text, None))
            elif label == "DATE" and _VAGUE_WHEN.search(text):
                vague.append((prior, text))
    if not scored and vague:
        return {"text": max(vague)[1], "resolved": None}
    if not scored:
        return None
    counts: dict[str, int] = {}
    for _, _, resolved in scored:
        if resolved is not None:
            counts[resolved] = counts.get(resolved, 0) + 1
    best = max(scored, key=lambda c: c[0] + (0.1 * min(counts.get(c[2], 1) - 1, 3) if c[2] else 0.0))
    return {"text": best[1], "resolved": best[2]}


def _date_ents(span: Span) -> list[Span]:
    return [e for e in span.ents if e.label_ in ("DATE", "TIME") and not _DURATION.match(e.text.strip()) and not _AGE.search(e.text)]


def _place_ents(span: Span, exclude: Span | None, table: EntityTable, body: Doc) -> list[tuple[Span, Place | None]]:
    """Place mentions of a span with their gazetteer place; actors the table knows as people/organisations are not places."""
    out = []
    for ent in span.ents:
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


def _where(sent: Span, title: list[Span], lead: list[tuple[Span, int]], who_span: Span, table: EntityTable, body: Doc) -> dict[str, Any] | None:
    """The best-scored place phrase: dateline, title, near the event, after a locative preposition, specific,
    often mentioned (counted by its own name: "London" is not as frequent as every "UK" of the article)."""
    counts: dict[str, int] = {}
    for ent in body.ents:
        if ent.label_ in _PLACE_LABELS:
            key = ent.text.lower()
            counts[key] = counts.get(key, 0) + 1
    most = max(max(counts.values(), default=1), 3)
    best: tuple[float, str, Place | None, Entity | None] | None = None
    dateline = _DATELINE.search(body.text[:300])
    if dateline is not None:
        place = find_place(dateline.group(1).title())
        if place is not None:
            best = (1.3 + _SPECIFICITY.get(place.kind, 0.0), dateline.group(1), place, None)
    for rank, (span, prior) in enumerate(_sources(sent, title, lead, title_prior=_TITLE_PLACE_PRIOR)[: 1 + len(title) + 3]):
        # places the small model misses ("Croydon tram crash: ...", "Mazar-i-Sharif"); headlines drop prepositions
        found = find_place_span(_place_words(span, table, body))
        if found is not None and found[0] and found[1].kind in ("city", "capital", "state"):
            in_title = span.doc is not body
            locative = in_title or re.search(r"\b(?:in|at|near|outside)\s+(?:[\w-]+\s+){0,4}" + re.escape(found[0]), span.text) is not None
            score = prior + (0.5 if locative else 0.0) + _SPECIFICITY.get(found[1].kind, 0.0) + 0.6 * counts.get(found[0].lower(), 0) / most - 0.05
            if best is None or score > best[0]:
                best = (score, found[0], found[1], None)
    for span, prior in _sources(sent, title, lead, title_prior=_TITLE_PLACE_PRIOR):
        for ent, place in _place_ents(span, who_span if span is sent else None, table, body):
            score = prior + (0.5 if _is_locative(ent) else 0.0) + (_SPECIFICITY.get(place.kind, 0.0) if place is not None else -0.3)
            score += 0.6 * counts.get(ent.text.lower(), 0) / most
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


def _place_words(title: Span, table: EntityTable, body: Doc) -> str:
    """The span without its actors and common words, so only candidate place names remain (", "-separated runs)."""
    parts: list[str] = []
    text = body.text
    for tok in title:
        keep = tok.ent_type_ not in ("PERSON", "ORG", "NORP", "DATE", "TIME") and (tok.text[:1].isupper() or tok.text in ("-", "i", "e", "al", "el"))
        if keep and tok.is_alpha and tok.text[:1].isupper() and (role_entry(tok.text)[1] or demonyms().get(tok.lower_) or re.search(rf"\b{re.escape(tok.lower_)}\b", text)):
            keep = False  # "Police set to check...", "Brits blame...": a common word or a people, not a town
        if keep and tok.is_alpha and len(tok.text) > 2:
            known = table.find(tok.text)
            keep = known is None or known.type != "PERSON"
        parts.append(tok.text_with_ws if keep else ", ")
    return "".join(parts)


def _with_region(ent: Span) -> str:
    """"Croydon" followed by ", south London" keeps its region."""
    doc, nxt = ent.doc, ent.end
    if nxt + 1 < len(doc) and doc[nxt].text == "," and doc[nxt + 1].ent_iob_ == "B" and doc[nxt + 1].ent_type_ in ("GPE", "LOC"):
        follow = next((e for e in doc.ents if e.start == nxt + 1), None)
        if follow is not None:
            return doc[ent.start : follow.end].text
    return ent.text


def _why(sent: Span) -> dict[str, Any] | None:
    m = _WHY.search(sent.text)
    if m is None or not m.group(2).strip():
        return None
    return {"text": (m.group(1) + m.group(2)).strip(" ,")}


def _how(verb: Token) -> dict[str, Any] | None:
    for child in verb.rights:
        if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "with", "using", "through", "via"):
            pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None and pobj.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP"):
                return {"text": verb.doc[child.i : child.right_edge.i + 1].text}
    return None
