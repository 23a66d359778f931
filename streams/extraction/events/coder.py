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
from .actor import forget_table
from .args import dateline_end, is_passive, noun_governor, noun_source, noun_targets, verb_source, verb_target_candidates, with_target
from .context import event_date, event_location
from .modality import is_hypothetical, is_negated
from .quantities import sentence_quantities
from .record import EVENTS_VERSION, build_record
from .resolve import Salience, fragment_name, resolve_reference
from .senses import HELP_LEMMAS, actor_like, article_sport, contest_sense, help_without_actor, intent_without_cooperation, market_subject, rally_not_protest, unlikely_target
from .lexicon import lexicon
from .spans import forget
from .speech import according_to, content_ids, speaker
from .triggers import Hit, find_triggers

log = logging.getLogger(__name__)

RECIPROCAL = {"meet", "agree", "sign", "talk", "negotiate", "cooperate", "clash", "fight", "discuss", "ally", "consult", "confer"}
MAX_EVENTS_PER_SENTENCE = 6
MAX_SENTENCE_CHARS = 2000
# Work cap per article: only the first MAX_SENTENCES sentences are coded (news leads carry the events; a
# 100k-character article of ~1,600 short sentences stays under it) and at most MAX_EVENTS_PER_ARTICLE
# events are produced. Per-sentence work only touches that sentence (see spans.py), so cost is linear.
MAX_SENTENCES = 2500
MAX_EVENTS_PER_ARTICLE = 400
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
    try:
        return _code_sentences(doc, sents, table, article, salience, events)
    finally:
        forget()
        forget_table()


def _code_sentences(doc: Doc, sents: list[Span], table: EntityTable, article: CleanArticle, salience: Salience,
                    events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    sport = article_sport(doc)
    for index, sent in enumerate(sents[:MAX_SENTENCES]):
        if len(events) >= MAX_EVENTS_PER_ARTICLE:
            break
        if sent.end_char - sent.start_char > MAX_SENTENCE_CHARS:
            continue
        try:
            found = _sentence_events(doc, sents, index, sent, table, article, salience, sport)
        except Exception:  # noqa: BLE001 - one odd parse must not lose the article
            log.warning("event coding failed on sentence %d of %s", index, article.article_id, exc_info=True)
            continue
        events.extend(found)
        salience.observe(sent, table)
    return _article_dedupe(events)


def _article_dedupe(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One event per (source, CAMEO root, target) per article, as GDELT does; statements collapse per speaker."""
    best: dict[tuple[Any, ...], dict[str, Any]] = {}
    order: list[tuple[Any, ...]] = []
    for e in events:
        src, tgt = e["source"], e["target"] or {}
        src_key = src.get("entity") or src.get("text", "").lower()
        root = e["cameo_code"][:2]
        if root == "01" and src.get("entity"):
            key: tuple[Any, ...] = (src_key, root)
        else:
            key = (src_key, root, tgt.get("entity") or (tgt.get("text") or "").lower(), e["negated"])
        if key not in best:
            order.append(key)
            best[key] = e
        elif e["confidence"] > best[key]["confidence"]:
            best[key] = e
    kept = [best[k] for k in order]
    targeted = {(k[0], k[1]) for k in order if len(k) > 2 and k[2]}
    kept = [e for k, e in zip(order, kept) if not (len(k) > 2 and not k[2] and (k[0], k[1]) in targeted)]
    actors_with_acts = {(e["source"].get("entity")) for e in kept if e["plover_type"] and e["source"].get("entity")}
    # a speaker's coded acts already carry what they said; bare statements stay only for actors with none
    kept = [e for e in kept if not (e["cameo_code"][:2] == "01" and e["source"].get("entity") in actors_with_acts)]
    kept.sort(key=lambda e: (e["sentence"]["index"], e["sentence"]["start"]))
    return kept


def _reports(event: dict[str, Any], speech: Hit, content: set[int], doc: Doc) -> bool:
    """The event is an asserted act with an agent, in the main clause of what ``speech`` reports."""
    pos = event["action"].get("_pos")
    if pos is None or pos not in content or not event["source"].get("text"):
        return False
    if event["negated"] or event["hypothetical"] or event["cameo_code"][:2] in ("01", "02"):
        return False
    cur = doc[pos]
    for _ in range(8):  # "journalists who were abducted" is background, not the reported act
        if cur.i == speech.tok.i or cur.head is cur:
            break
        if cur.dep_ in ("relcl", "acl", "advcl", "pobj") and cur.head.i != speech.tok.i:
            return False
        cur = cur.head
    return True


def _asserted(hit: Hit) -> bool:
    """A typed act stated as fact: not a statement, not hedged or denied ("said he would send" stays a statement)."""
    return not hit.trig.speech and hit.trig.cameo[:2] not in ("01", "02") and not is_hypothetical(hit.tok) and not is_negated(hit.tok)


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
                     article: CleanArticle, salience: Salience, sport: bool = False) -> list[dict[str, Any]]:
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
    # acts first, then reporting verbs: a reporting verb whose content asserts a codable act that came out with
    # an agent is only the attribution of that act ("X said Y attacked Z"); otherwise it is X's CAMEO 01 statement
    for h in sorted(hits, key=lambda x: x.trig.speech):
        owners = [s for s in speech if s.tok.i != h.tok.i and h.tok.i in content[s.tok.i]]
        if h.trig.speech and any(_reports(e, h, content[h.tok.i], doc) for e in out):
            continue
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
        out.extend(_events_for_hit(doc, sents, index, sent, h, table, article, salience, attribution, speaker_actor, sport))
    out = _dedupe(out)
    out.sort(key=lambda e: -e["confidence"])
    kept = out[:MAX_EVENTS_PER_SENTENCE]
    kept.sort(key=lambda e: (e["action"].get("_pos", 0), -e["confidence"]))
    for e in kept:
        e["action"].pop("_pos", None)
    return kept


def _actor(doc: Doc, tok: Token | None, table: EntityTable, salience: Salience, sents: list[Span], index: int,
           speaker_actor: Actor | None = None, exclude: set[str] | None = None) -> Actor | None:
    if tok is None:
        return None
    if tok.pos_ == "PRON" or tok.lower_ in ("he", "she", "it", "they", "we"):
        if speaker_actor is not None and _agrees(tok.lower_, speaker_actor):
            return speaker_actor
        ante = _subject_antecedent(tok)
        if ante is not None:
            return _actor(doc, ante, table, salience, sents, index, None, exclude)
        return salience.pronoun(tok, table)
    body = dateline_end(tok.sent)
    if tok.i < body:
        # a head inside the dateline (city, date and agency before the dash): the actor is after it
        tok = next((t for t in tok.subtree if t.i >= body and t.head.i < body and t.pos_ in ("NOUN", "PROPN")), None)
        if tok is None:
            return None
    actor = make_actor(doc, tok, table)
    if actor is None:
        return None
    if not actor.named:
        actor = fragment_name(actor, sents, index, table) or resolve_reference(actor, tok, salience, exclude) or actor
    return actor


_GROUP = {"ORG", "GPE", "NORP"}


def _subject_antecedent(tok: Token) -> Token | None:
    """he/she with no person named before it in its sentence -> that sentence's earlier singular common-noun
    subject whose verb governs the pronoun (a noun subject, then "after he was ..." in its clause); None when a name precedes it
    (salience handles names) or the subject belongs to another clause ("The regime has no power," he said)."""
    if tok.lower_ not in ("he", "she", "him", "her"):
        return None
    sent = tok.sent
    for t in reversed(sent[: tok.i - sent.start]):
        if t.ent_type_ == "PERSON":
            return None
        if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ == "NN" and t.pos_ == "NOUN" and t.head in tok.ancestors:
            return t  # the pronoun sits inside the clause whose subject this is ("X died after he was shot")
    return None


def _agrees(pronoun: str, actor: Actor) -> bool:
    """Can the pronoun refer to the speaker? "he" is not "authorities"; "they"/"it" are not one person."""
    if pronoun in ("he", "she", "i"):
        return not actor.plural and actor.etype not in _GROUP
    if pronoun in ("they", "we"):
        return actor.plural or actor.etype in _GROUP
    if pronoun == "it":
        return not actor.plural and actor.etype != "PERSON" and actor.etype is not None
    return False


def _content_subject(tok: Token) -> Token | None:
    """Subject of what a reporting verb reports ("said BJP has not informed...", "X did not talk..., said Y")."""
    clauses = [c for c in tok.children if c.dep_ in ("ccomp", "parataxis")]
    if tok.dep_ in ("parataxis", "ccomp", "advcl") and tok.head.pos_ in ("VERB", "AUX"):
        clauses.append(tok.head)
    for clause in clauses:
        for c in clause.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("PROPN", "NOUN") and c.i != tok.i:
                return c
    return None


def _events_for_hit(doc: Doc, sents: list[Span], index: int, sent: Span, h: Hit, table: EntityTable, article: CleanArticle,
                    salience: Salience, attribution: dict[str, Any] | None, speaker_actor: Actor | None,
                    sport: bool = False) -> list[dict[str, Any]]:
    tok = h.tok
    if not h.trig.speech and (rally_not_protest(tok) or market_subject(tok)):
        return []  # "rallied to win the set", "shares rallied", "the rupee hit a record low"
    noun = tok.pos_ in ("NOUN", "PROPN") and h.trig.pos == "N"
    inherited = False
    if noun:
        src_heads = noun_source(tok)
        if not src_heads:
            inherited = True
            gov = noun_governor(tok)
            src_heads = verb_source(gov) if gov is not None else []
        tgt_heads = noun_targets(tok, {t.i for t in src_heads})
        if not tgt_heads and h.trig.cameo.startswith("04"):
            tgt_heads = with_target(list(sent), tok, {t.i for t in src_heads})
    else:
        src_heads = verb_source(tok)
        tgt_heads = []
    sources = [a for a in (_actor(doc, t, table, salience, sents, index, speaker_actor) for t in src_heads) if a is not None]
    sources = [a for a in sources if a.is_actor or a.named] or ([] if h.trig.speech else sources[:1])
    verbal = h.trig.cameo[:2] in ("01", "02", "03", "04", "05", "09", "10", "11", "12", "13")
    if verbal and speaker_actor is not None and not any(a.is_actor or a.named for a in sources):
        sources = [speaker_actor]  # a verbal act needs an actor: a misparsed clause falls back to the speaker
    exclude = {a.entity for a in sources if a.entity}
    if noun:
        targets = [a for a in (_actor(doc, t, table, salience, sents, index, speaker_actor, exclude) for t in tgt_heads) if a is not None]
    else:
        targets = _choose_targets(doc, tok, h, src_heads, table, salience, sents, index, speaker_actor, exclude)
    if not targets and h.trig.speech:
        subj = _content_subject(tok)
        about = _actor(doc, subj, table, salience, sents, index, None, exclude) if subj is not None else None
        if about is not None and (about.is_actor or about.named or about.country) and not any(
                (a.entity and a.entity == about.entity) or a.text == about.text for a in sources):
            targets = [about]  # a statement is about the actor its content is about
    if len(targets) > 1:
        targets = [a for a in targets if a.is_actor or a.named] or targets[:1]
    targets = [a for a in targets if not unlikely_target(a, _head_at(doc, a))]
    if not noun and tok.lemma_.lower() in HELP_LEMMAS and not any(actor_like(a) for a in targets):
        # "will help Ukraine rebuild its grid": the one helped is the subject of the helped act
        for c in tok.children:
            if c.dep_ in ("ccomp", "xcomp"):
                for g in c.children:
                    if g.dep_ == "nsubj":
                        helped = _actor(doc, g, table, salience, sents, index, speaker_actor, exclude)
                        if actor_like(helped):
                            targets = [helped]
    if not h.trig.speech:
        if contest_sense(tok, sent, sport, sources, targets):
            return []  # a game result or action ("Russia beat Croatia", "fired a shot at the goalie")
        if intent_without_cooperation(tok, targets, _is_trigger, sources) or help_without_actor(tok, targets):
            return []  # "decided to weigh in", "will offer better mileage", "helped me a lot"
    if (h.trig.speech or noun) and not any(a.is_actor or a.named for a in sources):
        return []
    if not sources and not (is_passive(tok) or noun):
        return []  # no agent in the parse and not a passive: the verb is a reference, not a reported act
    if noun and inherited and not targets and not h.trig.cameo.startswith("04"):
        return []  # "the second attack" hanging off another verb is a mention, not an assertion
    if not any(a.is_actor or a.named for a in sources) and not any(a.is_actor or a.named for a in targets):
        return []
    if not sources and _clause_depth(tok) > 0:
        return []  # an agentless act inside a relative/adverbial clause is background ("an alumnus killed in...")
    if h.trig.speech and not targets and not any(a.named or a.country for a in sources):
        return []  # "police said", "officials say": a statement by nobody in particular about nobody codes nothing
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
        cameo = _violence_code(h.trig.cameo, src)
        attr = attribution
        if attr is not None and src is not None and (attr.get("entity") and attr.get("entity") == src.entity or attr["text"] == src.text):
            attr = None  # "X reiterated its support": X is the source, not a reporter of someone else's act
        conf = _confidence(h, src, tgt, sent, noun, negated, hypothetical)
        rec = build_record(
            article_id=article.article_id, content_hash=article.content_hash, cameo=cameo,
            source=src.to_dict() if src is not None else dict(_EMPTY_SOURCE), target=tgt.to_dict() if tgt is not None else None,
            action={"text": action_text, "lemma": tok.lemma_.lower(), "_pos": tok.i},
            negated=negated, hypothetical=hypothetical, attribution=attr, date=date, location=location,
            quantities=quantities, sentence=sentence, confidence=conf, position=tok.i)
        records.append(rec)
    return records


def _choose_targets(doc: Doc, tok: Token, h: Hit, src_heads: list[Token], table: EntityTable, salience: Salience,
                    sents: list[Span], index: int, speaker_actor: Actor | None, exclude: set[str]) -> list[Actor]:
    """First candidate group (object, then prepositional objects) that holds an actor; else the first group."""
    first: list[Actor] = []
    groups = verb_target_candidates(tok, {t.i for t in src_heads}, h.consumed)
    if h.trig.speech:  # "said in a telegram to X", "told reporters in a call with X": the addressee
        groups += [[g] for p in tok.children if p.dep_ == "prep" and p.lower_ in ("in", "through", "via", "during")
                   for n in p.children if n.dep_ == "pobj"
                   for q in n.children if q.dep_ == "prep" and q.lower_ in ("to", "with")
                   for g in q.children if g.dep_ == "pobj"]
    for group in groups:
        if h.trig.speech:
            group = [t for t in group if t.pos_ in ("PROPN", "NOUN")]
        actors = [a for a in (_actor(doc, t, table, salience, sents, index, speaker_actor, exclude) for t in group) if a is not None]
        if not actors:
            continue
        if any(a.is_actor or a.named for a in actors):
            return actors
        if not first and (not h.trig.speech or all(t.dep_ == "dobj" for t in group)):
            first = actors  # a statement's non-actor object is its topic ("announced measures to...")
    if not first and not h.trig.speech:
        for child in tok.children:  # "pledged to protect X", "decided to inspect X": the object of the intended act
            if child.dep_ == "xcomp" and child.pos_ == "VERB":
                return _choose_targets(doc, child, Hit(child, h.trig, set()), src_heads, table, salience, sents, index, speaker_actor, exclude)
    return first


_MILITARY = {"MIL"}


def _violence_code(cameo: str, src: Actor | None) -> str:
    """CAMEO 19 is conventional military force (armies, states); killing by others (gunmen, bombers, police) is 18."""
    if not cameo.startswith("19"):
        return cameo
    if src is not None and (src.sector in _MILITARY or src.etype in ("GPE", "NORP") and src.sector in (None, "GOV")):
        return cameo
    return "180"


def _pairs(sources: list[Actor], targets: list[Actor], lemma: str) -> list[tuple[Actor | None, Actor | None]]:
    """Source x target combinations; coordinated subjects of a reciprocal verb act on each other."""
    if len(sources) >= 2 and lemma in RECIPROCAL and not any(t.is_actor or t.named for t in targets):
        return [(s, t) for s in sources for t in sources if s is not t][:6]
    srcs: list[Actor | None] = list(sources) or [None]
    tgts: list[Actor | None] = list(targets) or [None]
    return [(s, t) for s in srcs for t in tgts if s is None or t is None or (s.start, s.end) != (t.start, t.end)][:6]


def _confidence(h: Hit, src: Actor | None, tgt: Actor | None, sent: Span, noun: bool, negated: bool, hypothetical: bool) -> float:
    """Heuristic 0..1 of how sure the coding is.

    Typed verb over typed noun over bare statement; an agent that is an actor (named or an
    actor noun) and a target that is one add; the sentence's main clause (or the reported
    clause of a main reporting verb) over subordinate clauses; hedged or denied events lower.
    """
    conf = 0.35 if h.trig.speech else (0.45 if noun else 0.55)
    if src is None or not src.text:
        conf -= 0.2
    elif src.named:
        conf += 0.2
    elif src.is_actor:
        conf += 0.15
    if tgt is not None:
        conf += 0.1 if tgt.named else (0.08 if tgt.is_actor else 0.03)
    if _main_clause(h.tok):
        conf += 0.1
    conf -= 0.08 * min(_clause_depth(h.tok), 3)
    if hypothetical:
        conf -= 0.3
    if negated:
        conf -= 0.3
    return conf


def _main_clause(tok: Token) -> bool:
    """Root of the sentence, coordinated with it, or what a root reporting verb reports."""
    if tok.dep_ == "ROOT":
        return True
    head = tok.head
    if tok.dep_ == "conj" and head.dep_ == "ROOT" and head.pos_ in ("VERB", "AUX"):
        return True
    if tok.dep_ in ("ccomp", "parataxis") and head.dep_ == "ROOT":
        return True
    if tok.dep_ == "xcomp" and head.dep_ == "ROOT":
        return True
    return False


def _clause_depth(tok: Token) -> int:
    """Subordinate clauses between the trigger and the sentence root ("since Trump vowed", "who was accused")."""
    depth, cur = 0, tok
    for _ in range(12):
        if cur.head is cur:
            break
        if cur.dep_ in ("advcl", "relcl", "acl", "pcomp"):
            depth += 1
        cur = cur.head
    return depth


def _dedupe(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    best: dict[tuple[Any, ...], dict[str, Any]] = {}
    for e in events:
        src, tgt = e["source"], e["target"] or {}
        key = (src.get("entity") or src.get("text"), e["cameo_code"][:2], tgt.get("entity") or tgt.get("text"))
        if key not in best or e["confidence"] > best[key]["confidence"]:
            best[key] = e
    return list(best.values())


def _head_at(doc: Doc, actor: Actor) -> Token | None:
    """Syntactic head of an actor's span (None when the span is not token-aligned)."""
    span = doc.char_span(actor.start, actor.end)
    return span.root if span is not None and len(span) else None


def _is_trigger(tok: Token) -> bool:
    """The word is a codable act of the lexicon (any sense), e.g. the "inspect" of "decided to inspect"."""
    pos = "V" if tok.pos_ == "VERB" else ("N" if tok.pos_ in ("NOUN", "PROPN") else None)
    if pos is None:
        return False
    return any(t.kind == "event" for t in lexicon().get((tok.lemma_.lower(), pos), ()))
