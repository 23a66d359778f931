"""Coded events of one article: who did what to whom, CAMEO/PLOVER typed.

Per sentence: find lexicon triggers, drop the ones that only modify another
trigger ("pledged *to protect*", "an attack *that killed*"), route reported
speech (the speaker becomes the attribution of the events in what they said,
or the source of a CAMEO 01 statement when nothing in it is codable), then read
the actors off the parse and resolve them through the entity table.
"""

from __future__ import annotations

import logging
from typing import Any

from spacy.tokens import Doc, Span, Token

from ...records import CleanArticle
from ..entities import EntityTable
from .actor import Actor, make_actor
from .args import conjuncts, is_passive, noun_governor, noun_source, noun_targets, verb_source, verb_targets, with_target
from .context import event_date, event_location
from .modality import is_hypothetical, is_negated
from .quantities import sentence_quantities
from .record import EVENTS_VERSION, build_record
from .resolve import Salience, fragment_name, resolve_reference
from .speech import according_to, content_ids, speaker
from .triggers import Hit, find_triggers

log = logging.getLogger(__name__)

RECIPROCAL = {"meet", "agree", "sign", "talk", "negotiate", "cooperate", "clash", "fight", "discuss", "ally", "consult", "confer"}
MAX_EVENTS_PER_SENTENCE = 6
MAX_SENTENCE_CHARS = 2000
_EMPTY_SOURCE = {"text": "", "canonical": None, "entity": None, "country": None, "sector": None}

__all__ = ["code_events", "EVENTS_VERSION"]


def code_events(doc: Doc, table: EntityTable, article: CleanArticle) -> list[dict[str, Any]]:
    """Event records for the article, in sentence order; never raises (a bad sentence is skipped and logged)."""
    events: list[dict[str, Any]] = []
    try:
        sents = list(doc.sents)
    except Exception:  # noqa: BLE001 - a Doc without sentence boundaries
        return events
    salience = Salience()
    for index, sent in enumerate(sents):
        if len(sent.text) > MAX_SENTENCE_CHARS:
            continue
        try:
            found = _sentence_events(doc, sents, index, sent, table, article, salience)
        except Exception:  # noqa: BLE001 - one odd parse must not lose the article
            log.warning("event coding failed on sentence %d of %s", index, article.article_id, exc_info=True)
            continue
        events.extend(found)
        salience.observe(sent, table)
    return events


def _suppressed(hit: Hit, by_i: dict[int, Hit]) -> bool:
    """Triggers that only complete another trigger: xcomp of an event verb, clause of an attack noun, compound."""
    tok = hit.tok
    head = by_i.get(tok.head.i) if tok.head is not tok else None
    if head is None:
        return False
    if tok.dep_ == "xcomp" and not head.trig.speech:
        return True
    if tok.dep_ in ("relcl", "acl") and head.tok.pos_ in ("NOUN", "PROPN") and not hit.trig.speech:
        return True
    if tok.dep_ == "compound":
        return True
    return False


def _sentence_events(doc: Doc, sents: list[Span], index: int, sent: Span, table: EntityTable,
                     article: CleanArticle, salience: Salience) -> list[dict[str, Any]]:
    hits = find_triggers(sent)
    if not hits:
        return []
    by_i = {h.tok.i: h for h in hits}
    hits = [h for h in hits if not _suppressed(h, by_i)]
    speech = [h for h in hits if h.trig.speech]
    content = {h.tok.i: content_ids(h.tok) for h in speech}
    according = according_to(sent)
    default_attr = _actor(doc, according, table, salience, sents, index) if according is not None else None

    out: list[dict[str, Any]] = []
    for h in hits:
        owners = [s for s in speech if s.tok.i != h.tok.i and h.tok.i in content[s.tok.i]]
        if h.trig.speech and any(o.tok.i in content[h.tok.i] for o in hits if o is not h):
            continue  # a reporting verb whose content carries its own events: those events are the news
        attribution = None
        speaker_actor = None
        if owners:
            owner = min(owners, key=lambda s: len(content[s.tok.i]))
            heads = speaker(owner.tok)
            speaker_actor = _actor(doc, heads[0], table, salience, sents, index) if heads else None
            if speaker_actor is not None:
                attribution = {"text": speaker_actor.text, "entity": speaker_actor.entity}
        elif default_attr is not None:
            attribution = {"text": default_attr.text, "entity": default_attr.entity}
        out.extend(_events_for_hit(doc, sents, index, sent, h, table, article, salience, attribution, speaker_actor))
    out = _dedupe(out)
    out.sort(key=lambda e: -e["confidence"])
    kept = out[:MAX_EVENTS_PER_SENTENCE]
    kept.sort(key=lambda e: (e["action"].get("_pos", 0), -e["confidence"]))
    for e in kept:
        e["action"].pop("_pos", None)
    return kept


def _actor(doc: Doc, tok: Token | None, table: EntityTable, salience: Salience, sents: list[Span], index: int,
           speaker_actor: Actor | None = None) -> Actor | None:
    if tok is None:
        return None
    if tok.pos_ == "PRON" or tok.lower_ in ("he", "she", "it", "they", "we"):
        if speaker_actor is not None and tok.lower_ in ("he", "she", "it", "they", "we", "i"):
            return speaker_actor
        return salience.pronoun(tok, table)
    actor = make_actor(doc, tok, table)
    if actor is None:
        return None
    if not actor.named:
        actor = fragment_name(actor, sents, index, table) or resolve_reference(actor, tok, salience) or actor
    return actor


def _events_for_hit(doc: Doc, sents: list[Span], index: int, sent: Span, h: Hit, table: EntityTable, article: CleanArticle,
                    salience: Salience, attribution: dict[str, Any] | None, speaker_actor: Actor | None) -> list[dict[str, Any]]:
    tok = h.tok
    noun = tok.pos_ in ("NOUN", "PROPN") and h.trig.pos == "N"
    if noun:
        src_heads = noun_source(tok)
        if not src_heads:
            gov = noun_governor(tok)
            src_heads = verb_source(gov) if gov is not None else []
        tgt_heads = noun_targets(tok, {t.i for t in src_heads})
        if not tgt_heads and h.trig.cameo.startswith("04"):
            tgt_heads = with_target(list(sent), tok, {t.i for t in src_heads})
    else:
        src_heads = verb_source(tok)
        tgt_heads = verb_targets(tok, {t.i for t in src_heads})
        if h.trig.speech:
            tgt_heads = [t for t in tgt_heads if t.dep_ in ("dative", "dobj", "pobj") and t.pos_ in ("PROPN", "NOUN")]
    sources = [a for a in (_actor(doc, t, table, salience, sents, index, speaker_actor) for t in src_heads) if a is not None]
    targets = [a for a in (_actor(doc, t, table, salience, sents, index, speaker_actor) for t in tgt_heads) if a is not None]
    sources = [a for a in sources if a.is_actor or a.named] or ([] if h.trig.speech else sources[:1])
    if h.trig.speech and not sources:
        return []
    if not any(a.is_actor or a.named for a in sources) and not any(a.is_actor or a.named for a in targets):
        return []
    pairs = _pairs(sources, targets, tok.lemma_.lower())
    negated, hypothetical = is_negated(tok), is_hypothetical(tok)
    sentence = {"index": index, "text": sent.text, "start": sent.start_char, "end": sent.end_char}
    quantities = sentence_quantities(sent) if h.trig.cameo[:2] in ("17", "18", "19", "20", "07", "16") else []
    spans = [(a.start, a.end) for a in sources + targets]
    date = event_date(sent, tok, article.published_at)
    location = event_location(sent, tok, spans)
    action_text = doc[min([tok.i] + list(h.consumed)) : max([tok.i] + list(h.consumed)) + 1].text
    records = []
    for src, tgt in pairs:
        conf = _confidence(h, src, tgt, sent, noun, negated, hypothetical)
        rec = build_record(
            article_id=article.article_id, content_hash=article.content_hash, cameo=h.trig.cameo,
            source=src.to_dict() if src is not None else dict(_EMPTY_SOURCE), target=tgt.to_dict() if tgt is not None else None,
            action={"text": action_text, "lemma": tok.lemma_.lower(), "_pos": tok.i},
            negated=negated, hypothetical=hypothetical, attribution=attribution, date=date, location=location,
            quantities=quantities, sentence=sentence, confidence=conf, position=tok.i)
        records.append(rec)
    return records


def _pairs(sources: list[Actor], targets: list[Actor], lemma: str) -> list[tuple[Actor | None, Actor | None]]:
    """Source x target combinations; coordinated subjects of a reciprocal verb act on each other."""
    if len(sources) >= 2 and not targets and lemma in RECIPROCAL:
        return [(s, t) for s in sources for t in sources if s is not t][:6]
    srcs: list[Actor | None] = list(sources) or [None]
    tgts: list[Actor | None] = list(targets) or [None]
    return [(s, t) for s in srcs for t in tgts if s is None or t is None or (s.start, s.end) != (t.start, t.end)][:6]


def _confidence(h: Hit, src: Actor | None, tgt: Actor | None, sent: Span, noun: bool, negated: bool, hypothetical: bool) -> float:
    """Heuristic 0..1: verb over noun over bare statement, named actors, main clause; hedged events lower."""
    conf = 0.3 if h.trig.speech else (0.45 if noun else 0.55)
    if src is None:
        conf -= 0.15
    elif src.named:
        conf += 0.2
    elif src.is_actor:
        conf += 0.1
    if tgt is not None:
        conf += 0.1 if tgt.named else 0.05
    if h.tok.dep_ == "ROOT" or h.tok.head.dep_ == "ROOT" and h.tok.dep_ in ("ccomp", "conj"):
        conf += 0.05
    if hypothetical:
        conf -= 0.1
    if negated:
        conf -= 0.05
    return conf


def _dedupe(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    best: dict[tuple[Any, ...], dict[str, Any]] = {}
    for e in events:
        src, tgt = e["source"], e["target"] or {}
        key = (src.get("entity") or src.get("text"), e["cameo_code"][:2], tgt.get("entity") or tgt.get("text"))
        if key not in best or e["confidence"] > best[key]["confidence"]:
            best[key] = e
    return list(best.values())
