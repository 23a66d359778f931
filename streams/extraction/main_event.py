"""The article's main event as who / what / whom / when / where / why / how.

Chosen the way Giveme5W1H does it (Hamborg et al., 2019): the title and every
lead sentence with a subject-verb pair are candidates (a headline that the
parser cannot read is taken as "named actor + action"); candidates are scored
by position (news puts the main event first: inverted pyramid), by how much
they repeat the headline (the title is the editor's own summary), and by the
subject: a named actor, mentioned often, named in the title, beats "the move".
Subjects inside quotations and site furniture ("Image caption") are not
candidates. The winner gives who / what / whom / why / how; when and where are
scored over the whole article around it (``event_when``, ``event_where``).
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Span, Token

from .doc_index import doc_text, entity_of, sentence_of, sentences, span_text
from .entities import Entity, EntityTable
from .event_when import find_when
from .event_where import find_where
from .trailer import is_chrome

_SUBJ = {"nsubj", "nsubjpass", "csubj"}
_OBJ = {"dobj", "dative", "attr", "oprd"}
_WHO_EXTEND = {"conj", "cc", "compound", "nummod", "amod"}
_WHAT_CHILDREN = {"dobj", "dative", "attr", "prep", "prt", "acomp", "xcomp", "oprd", "agent", "ccomp", "npadvmod", "advmod"}
_QUOTE_MARKS = {'"', "'", "“", "”", "‘", "’"}
_QUOTE_CHAR = re.compile("[" + "".join(sorted(_QUOTE_MARKS)) + "]")
_TARGET_PREPS = {"with", "to", "against", "for", "on", "at", "from"}
_ACTOR_TYPES = {"PERSON": 3, "ORG": 3, "NORP": 2, "GPE": 1, "FAC": 0, "LOC": 0, "EVENT": 0}
_BAD_SUBJECTS = {"who", "which", "that", "what", "this", "it", "there", "he", "she", "they", "i", "we", "you", "one"}
_WHY = re.compile(r"\b(because(?: of)?|due to|owing to|as a result of|in response to|in retaliation for|in protest (?:at|against)|in order to|so that|amid)\b([^.;:!?]*)", re.I)
_LEAD_SENTENCES = 10
_CONTEXT_SENTENCES = 15  # where looks this far into the article
_MAX_WHAT_TOKENS = 30
_W_POSITION, _W_TITLE, _W_WHO_TITLE, _W_SALIENCE, _W_NAMED = 1.0, 1.0, 0.5, 0.3, 0.3


def find_main_event(doc: Doc, table: EntityTable, title_doc: Doc | None = None, published_at: str | None = None) -> dict[str, Any] | None:
    """The main event (wire shape of ``main_event``) or None when neither title nor lead has a subject and a verb."""
    sents = sentences(doc)
    title_words = _content_lemmas(title_doc) if title_doc is not None else set()
    title_text = doc_text(title_doc).lower() if title_doc is not None else ""
    title_stripped = doc_text(title_doc).strip() if title_doc is not None else ""
    max_mentions = max((e.mentions for e in table.entities), default=1)
    candidates: list[tuple[Span, int, float, list[tuple[Token, Span]]]] = []  # (sentence, index, position score, pairs)
    if title_doc is not None:  # the title is index -1; a headline the parser cannot read is "named actor + action"
        candidates += [(s, -1, 1.0, _subject_verbs(s) or _headline_actor(s)) for s in sentences(title_doc)]
    considered = 0
    for index, sent in enumerate(sents):
        if considered >= _LEAD_SENTENCES:
            break
        if title_doc is not None and span_text(sent).strip() == title_stripped:
            continue  # the body repeats the headline: already a candidate as the title
        if len(sent) < 3:
            continue
        pairs = _subject_verbs(sent)
        if not pairs and _whole_paragraph(sent):
            continue  # a caption or a subhead (a paragraph with no subject and verb) takes no place in the lead
        candidates.append((sent, index, 1.0 - considered / _LEAD_SENTENCES, pairs))
        considered += 1
    best: tuple[float, int, Token, Span, Entity | None] | None = None
    for sent, index, position, pairs in candidates:
        in_title = index < 0
        # the share of the title's words the sentence repeats: one figure for all of its pairs
        shared = len(_content_lemmas(sent) & title_words) / len(title_words) if pairs and title_words and not in_title else 0.0
        for verb, who_span in pairs:
            who_ent = _actor_in(who_span, table, doc)
            score = _W_POSITION * position + _W_TITLE * shared
            if who_ent is not None:
                score += _W_NAMED * _ACTOR_TYPES.get(who_ent.type, 0) / 3 + _W_SALIENCE * who_ent.mentions / max_mentions
                if title_text and any(a.lower() in title_text for a in {who_ent.canonical, *who_ent.aliases} if len(a) > 2):
                    score += _W_WHO_TITLE
            if best is None or score > best[0] + 1e-9:
                best = (score, index, verb, who_span, who_ent)
    if best is None:
        return None
    _, index, verb, who_span, who_ent = best
    return _event(doc, table, index, verb, who_span, who_ent, sents, title_doc, published_at)


def _whole_paragraph(sent: Span) -> bool:
    """The sentence ends its paragraph and starts it (the parser keeps the two apart: ``paragraphs.py``)."""
    last, before = sent[-1], sent.doc[sent.start - 1] if sent.start > 0 else None
    ends = last.is_space and "\n" in last.text or sent.end == len(sent.doc)
    return ends and (before is None or before.is_space and "\n" in before.text)


def _content_lemmas(span: Doc | Span) -> set[str]:
    return {t.lemma_.lower() for t in span if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM") and not t.is_stop and t.is_alpha}


def _quoted(tok: Token, sent: Span) -> bool:
    """Inside quotation marks within its sentence (a quote's subject is not the article's actor)."""
    if _QUOTE_CHAR.search(doc_text(sent.doc), sent.start_char, tok.idx) is None:
        return False  # no quotation mark in the text before it: no token of it is one
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
        if subj is None or subj.lower_ in _BAD_SUBJECTS or subj.pos_ == "PRON" or _quoted(subj, sent) or is_chrome(span_text(sent.doc[subj.left_edge.i : subj.i + 1])):
            continue
        out.append((verb, _np(subj)))
    return out


def _headline_actor(title: Span) -> list[tuple[Token, Span]]:
    """Headline grammar defeats the parser ("Lady Gaga protests outside Trump Tower"): a headline that opens
    (or opens after a colon) with a named actor followed by a word is read as actor + action."""
    starts = {title.start} | {t.i + 1 for t in title if t.text == ":"}
    for ent in title.ents:
        if ent.start in starts and ent.label_ in ("PERSON", "ORG", "NORP", "GPE") and ent.end < title.end and not title.doc[ent.end].is_punct:
            return [(title.doc[ent.end], ent)]
    return []


def _np(head: Token) -> Span:
    """A noun phrase without its relative clauses, appositions and trailing modifiers ("Dozens of rescuers", "Anna Berg, Tomas Lind and Eva Holm")."""
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
        ent_span = entity_of(tok)
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
                return doc_text(body)[s:e]
        for s, e in ent.spans:
            if s < span.end_char and span.start_char < e:
                return doc_text(body)[s:e]  # the parser's phrase cut a glued name short ("Ali" of "Ali Khameneireiterated")
    for alias in sorted(set(ent.aliases), key=len, reverse=True):
        if alias in span.text:
            return alias
    return span.text


def _event(doc: Doc, table: EntityTable, index: int, verb: Token, who_span: Span, who_ent: Entity | None, sents: list[Span], title_doc: Doc | None, published_at: str | None) -> dict[str, Any]:
    sent = sentence_of(verb)
    head_is_actor = who_ent is not None and _ACTOR_TYPES.get(who_ent.type, 0) >= 2
    who_text = _mention_text(who_span, who_ent, doc) if head_is_actor and who_ent is not None else who_span.text
    lead = [(s, i) for i, s in enumerate(sents[:_CONTEXT_SENTENCES])]
    title = sentences(title_doc) if title_doc is not None else []
    return {
        "who": {"text": who_text, "entity": who_ent.id if who_ent is not None else None},
        "what": {"text": _what(verb)},
        "whom": _whom(verb, who_ent, table, doc),
        "when": find_when(sent, title, sents, published_at),
        "where": find_where(sent, title, lead, who_span, table, doc),
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


def _why(sent: Span) -> dict[str, Any] | None:
    m = _WHY.search(span_text(sent))
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
