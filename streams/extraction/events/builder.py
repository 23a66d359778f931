"""The record builder: reads what the coder's components left on the Doc and writes the event records.

Per sentence (in order, so pronouns and role phrases can refer back):
1. candidates whose noun is the object a verb pattern already consumed ("staged a
   protest") are the verb's evidence, not separate acts;
2. each trigger keeps one coding: of equally specific dictionary alternatives, the one
   whose PLOVER type the classifier finds most probable in this sentence;
3. reported speech: a verb whose clausal content holds a codable act, and which has no
   actor as its own target, only reports that act: the act is coded, with the
   reporter as ``attribution`` (and as the referent of the act's pronoun subject when
   they agree: "the group claimed it recaptured the village"); a statement (CAMEO 01)
   that reports no act is counted, and published only when asked
   (``NEWSEVENTS_EMIT_STATEMENTS``);
4. source and target are actors or null (``participants``): the first slot group that
   names one; a sentence that names no actor gives no event; an actor never acts on itself;
5. the classifier vetoes a hit the sentence does not support (a game result, a market
   move, an accident; an act coded only from the one who underwent it, "eight miners died",
   needs the classifier's reading at least as likely as no event), and gives most of ``confidence``;
6. a seizure whose targets are all people is the taking of people (``event_person_objects.tsv``:
   an arrest by the forces of order, else an abduction; a charge laid by them, or in a passive naming no one, is legal
   action);
7. coordinated actors of a mutual act act on each other (``event_reciprocal.tsv``), and so
   do those of any act whose object is "each other" / "one another"; a dictionary
   pattern's reversed code gives the reversed event;
8. one record per (sentence, source, type, target): the most confident.

Why one module of ~470 lines: the steps above share one sentence's state (the chosen codings,
who reports what, the actors already taken) and each reads the others' results; split across
modules they would pass that state back and forth. Knowledge stays out of it: the codes, patterns
and actor tables are data (``knowledge``, ``participants``), the weights a trained model.
"""

from __future__ import annotations

import datetime
import logging
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Doc, Span, Token

from ...records import CleanArticle
from ..actor_dictionary import actor_date, agent_actor
from ..doc_index import doc_text, per_doc, sentences
from ..entities import SETTLEMENT_NOUNS, EntityTable
from ..gazetteer import norm, places, role_words
from .classifier import TypeClassifier, load_classifier
from .context import event_date, event_location
from .frames import (ACCESS_PATTERN, AIMED_PREPS, BLASTS, PROMISED, REFUSED, REFUSED_OUTRIGHT, SWORN, Candidate, across_border, blame_without_blamer, forceful_verb, held_under, noun_of_gerund, partners_of_clause, pressed_first,
                     recipients, undergone, verb_frame, witnessed)
from .knowledge import AID_ROOT, FORCE_POSTURE_ROOT, FORCE_ROOTS, OBJECT_SETTING, PROTEST_ROOT, VERBAL_CONFLICT_CODE, knowledge
from .modality import PROMISE_HEADS, agreed_to, is_condition, is_denied, is_hypothetical, is_negated, is_subjunctive
from .participants import Participant, Participants, is_hazard, noun_phrase, unresolved_pronoun
from .quantities import sentence_quantities
from .record import build_record
from .resolve import Salience
from .slots import (after_comma, agent_heads, counted, described_subject, finite_modifier, has_to, is_passive, is_purpose_infinitive, is_time, is_when_clause, kids, parse_memo, reciprocal_object,
                    reciprocally_owned, sentence_of, WHEN_MARKS)
from .speech import according_to, content_ids
from .tables import code_info

log = logging.getLogger(__name__)

MAX_SENTENCES = 2500  # news leads carry the events; a 100k-character article of ~1,600 short sentences stays under it
MAX_EVENTS_PER_SENTENCE = 6
MAX_EVENTS_PER_ARTICLE = 400
# Classifier veto: a hit is dropped when the sentence is more likely no event than this type and the type's own
# probability is below VETO_TYPE_MIN (chosen with bench/events_tune.py on the tune halves only: 0.25 keeps the
# tune snippets' event types and removes most typed events from the tune disaster and accident reports).
VETO_TYPE_MIN = 0.25
# and "no event" must be at least VETO_NONE_MIN likely: a plurality of 0.28 against event types that sum to 0.72 is no
# reading of the sentence as no event (a word of market news, "share", tipped an agreement to set up a commission).
# Chosen with bench/events_tune.py --name VETO_NONE_MIN on the tune halves: 0.3 to 0.6 give the same figures (one
# blind snippet and one story more, no disaster or no-event text coded); 0.7 codes accident reports.
VETO_NONE_MIN = 0.4
STATEMENT_PRIOR = 0.05
HYPOTHETICAL_PENALTY = 0.15
# an act that is the condition of another ("if the army halts its offensive") costs this much more than a hypothetical
CONDITION_PENALTY = 0.15
_OWN_BODY_SECTORS = {"MIL", "COP", "UAF", "REB", "SPY", "GOV"}  # forces and envoys an actor sends or withdraws
_FORCE_BODY_SECTORS = {"MIL", "COP"}  # of them, the forces a state shows (CAMEO 15): "moved troops", "deployed police"
_QUANTITY_ROOTS = {"07", "14", "15", "16", "17", "18", "19", "20"}
# CAMEO's convention for force and coercion: when those acted upon are not named, the place of the act stands
# for them ("shelled positions in X" is coded against X). Only for an act whose source is named: a place alone
# ("two people were killed in X") is where something happened, not evidence of who did what to whom.
_PLACE_TARGET_ROOTS = {"17", "18", "19", "20"}
_FORCE_THREAT = "138"  # CAMEO "threaten with military force" (1381-1384): aimed at a place as the force it threatens is
_MILITARY_COOPERATION = "062"  # CAMEO "cooperate militarily"
_CRIMINAL_SECTOR = "CRM"  # the agents dictionary's sector of criminals (thieves, robbers, burglars, gangs)
_INTENT_ROOT = "03"  # CAMEO: express intent to cooperate
_HELPING_ROOTS = frozenset({"06", "07"})  # material cooperation and aid: help, which in a disaster is the disaster's
_EMERGENCY_MEASURES = ("1723", "1724")  # CAMEO: impose curfew, impose state of emergency or martial law
_GOVERNMENT_SECTOR = "GOV"  # the agents dictionary's sector of governments, their ministries and officials
_PLACE_PHRASE_PREPS = frozenset({"on", "at", "in", "near", "into"})  # a verb's phrases that can say where it happened
# A visit is made to its host, and the coders' convention names the host by the place visited ("arrived in X for a
# visit" is coded against X, as "visited X" is): CAMEO 042, make a visit (not 043, host a visit, whose target is the visitor).
_VISIT_CODE = "042"
# economic cooperation and its intent (CAMEO 061, 0311): what is invested or financed "in" a state, or in its sector,
# goes to that state ("invested in Kenya", "will invest in Pakistan's mining sector")
_INVESTMENT_CODES = ("061", "0311")
_PLACE_TYPES = {"GPE", "LOC"}
_LIGHT_PREPS = {"on", "in", "at", "into"}  # "went on strike", "took part in protests", "engaged in talks"
_ASSENT_TYPES = {"AGREE", "SUPPORT", "COOPERATE"}  # verbs whose event-noun object is what they assent to
# Verbs whose event-noun object is what they answer (condemn, reject, call for, threaten, investigate an act): the
# verb is the act, never a light verb for the noun ("condemned the looting" is a criticism, not a looting).
_RESPONSE_TYPES = {"ACCUSE", "REJECT", "REQUEST", "THREATEN"}
# Verbs whose event-noun object is what they restrain or strike at (ban, suppress, block a march; attack a rally): the
# verb is the act upon the noun's doers, never a light verb for the noun ("banned the march" is no march by the banner).
_RESTRAINING_TYPES = {"COERCE", "SANCTION", "ASSAULT"}
_TAKING_CODE = "171"  # "take" (seize, 171) is also English's commonest light verb ("took part in", "taking steps")
_ASKING_TYPES = {"REQUEST", "THREATEN"}  # what their clause says is wished or threatened, not reported as done
_ACCUSE_TYPE = "ACCUSE"
_CLAIM_CODE = "015"  # CAMEO: acknowledge or claim responsibility
_RESPONSIBILITY = "responsibility"  # the word of the dictionary's claim patterns ("CLAIM responsibility")
_PROTEST_CONTENT_TYPES = frozenset({"REQUEST", "ACCUSE"})  # what a protest asks for or denounces (_protest_demands)
_REQUEST_TYPE = "REQUEST"  # of the asking types, the one whose asked-for act is not coded as done
_CALLED_OUT_TYPES = {"PROTEST"}  # asked-for acts that are coded all the same: a call to strike or rally calls one out
_ACCUSING_CODE = "112"  # accuse, blame, allege: an act against someone accused
_INVESTIGATING_ROOT = "09"  # investigate: an act that looks into someone's conduct
_THREATENING_ROOT = "13"  # threaten: an act that warns someone of what another will do
# PETRARCH2's block of meeting and facing (meet, face, confront) coded by its default: its object is the one met (a
# topic is the object of "discuss", another block)
_ENCOUNTER_DEFAULT = "MEET_PEOPLE:verb"
_CONDEMNING_CODE = "111"  # criticise, condemn, denounce: what their clause names ("condemned what it called ...") is judged, not reported
_ANSWER_PREPS = {"for", "to", "on", "of", "against", "over"}  # "called for a strike", "agreed to a truce", "warned of attacks"
_PROTEST_TYPES = {"PROTEST"}  # a protest against an act is what the sentence reports; the act protested ranks below it
ANSWERED_PENALTY = 0.12  # below the act that answers it, whatever the classifier thinks of each
_VERBAL_ROOTS = {"02", "03", "04", "05", "09", "10", "11", "12", "13"}
# Material acts (cooperation, aid, concessions, protest, force): an agent the text names that is no actor
# ("a storm destroyed", "the fire killed", "floods swept away") makes the act no political event, unless the
# agent is an instrument of someone ("a roadside bomb struck", "an airstrike hit": weapons, aircraft, acts).
NON_ACTOR_AGENT_VETO = True  # measured on the tune halves: the disaster/accident snippets keep no typed event
_MATERIAL_ROOTS = {"06", "07", "08", "14", "15", "16", "17", "18", "19", "20"}
_DENIAL_CODE = "016"  # CAMEO "deny responsibility": what a denial reports is told as not done
_BARE_INQUIRY = "090"  # CAMEO "investigate, not specified": the default of study, probe, examine, monitor ...
_BARE_DISAPPROVAL = "110"  # CAMEO "disapprove, not specified": the default of claim, allege, express, oppose ...
_BARE_CONSULT = "040"  # CAMEO "consult, not specified": the default of go, travel, hear, join ...
_BARE_INTENT = "030"  # CAMEO "express intent to cooperate, not specified": the default of want, seek, offer, decide ...
_BARE_APPEAL = "020"  # CAMEO "make an appeal or request, not specified": the default of hope and desire (HOPE block) ...
_WISHING_BLOCK = "HOPE"
_NOTHING, _SAID = "nothing", "said"  # verdicts of _SentenceCoder._empty_default
# Verbs of a body's vote: what the vote carried is done by the body ("the assembly voted to impeach the minister",
# "the council voted 9-2 to suspend the mayor"), coded as that act, not as an intent to cooperate (PETRARCH2 lists
# "vote" under 030 for the bare vote: "voted for the plan")
_VOTING = frozenset({"vote"})
_COOPERATIVE_ROOTS = frozenset({"03", "04", "05", "06"})  # intents, meetings, diplomatic and material cooperation
_TIME_SETTING_PREPS = frozenset({"during", "amid", "amidst", "throughout"})  # the time an act happened in, no part in it
_FIRM_DEALING_ROOTS = _COOPERATIVE_ROOTS | {"07", "08"}  # and aid and yielding: a firm's funds, an officer's resignation
_PRIVATE_WORD_ROOTS = frozenset({"04", "05"})  # meetings, praise and thanks
_PRIVATE_SECTORS = frozenset({"CVL", "REL"})  # the agents dictionary's civilians and religious people
_YIELDING_ROOT = "08"  # CAMEO yield: release persons or property, ease restrictions, retreat
_MEDIATING_ROOTS = frozenset({"03", "04"})  # meeting, mediating, negotiating and the intents to them: "between" names their parties
_RELEASE_PREFIX = "084"  # CAMEO return or release persons or property (0841: persons)
_EXTRADITION_CODE = "063"  # CAMEO engage in judicial cooperation (incl. extradition)
_AUTHORITY_SECTORS = frozenset({"GOV", "COP", "JUD", "SPY"})  # state bodies that take over people another state holds


def _state_side(actor: Participant) -> bool:
    """A state, or a body of its government, police, courts or intelligence."""
    return actor.sector in _AUTHORITY_SECTORS or actor.sector is None
_ASSAULT_ROOTS = {"18", "19", "20"}
_ARMED_DOERS = frozenset({"MIL", "COP", "REB", "UAF"})  # armed forces, police, rebels, militias
_ABDUCTION_CODE = "181"  # CAMEO "abduct, hijack, or take hostage"
_MEETING_ROOTS = frozenset({"03", "04"})  # consultations, and the intent of them
# A fight that only office-holders, parties, firms, courts or the press take part in ("the two leaders clashed over the
# budget", "the minister attacked the central bank's governor") is fought in words: none of them bears arms. CAMEO 19
# by a verb's default code only (a pattern that names a weapon or a battle keeps its code); a state, a crowd or a
# sector that can use force (police, soldiers, rebels, civilians in a crowd) keeps the act of force.
_UNARMED_SECTORS = frozenset({"GOV", "LEG", "JUD", "BUS", "PTY", "JRN", "EDU", "MED", "NGO", "IGO", "ELI"})
_FIGHT_ROOT = "19"
_CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj"}


@dataclass(slots=True)
class Coded:
    """The article's events, and how many statements (CAMEO 01) were counted but not published."""

    events: list[dict[str, Any]]
    statements: int
    withheld: int = 0  # events coded below ``min_event_confidence``, not published (a metric)


@dataclass(slots=True)
class _Act:
    cand: Candidate
    plover: str | None
    p_type: float | None
    speaker: Participant | None = None
    attribution: dict[str, Any] | None = None
    reporting: bool = False
    denied: bool = False  # reported by a denial ("denied that its gunboats had sunk the ferry"): told as not done


def _anchor(article: CleanArticle, now: datetime.datetime | None) -> tuple[str, str]:
    if article.published_at:
        return article.published_at, "published_at"
    now = now or datetime.datetime.now(datetime.timezone.utc)
    return now.isoformat(), "ingested_at"


def code_article(doc: Doc, table: EntityTable, article: CleanArticle, emit_statements: bool | None = None,
                 now: datetime.datetime | None = None, min_confidence: float | None = None) -> Coded:
    """Event records of one article (see module doc); never raises on odd text (a bad sentence is skipped).

    An event whose ``confidence`` is below ``min_confidence`` (``NEWSEVENTS_MIN_EVENT_CONFIDENCE``) is withheld and
    counted: the type classifier, which gives the confidence, found that reading unlikely against the sentence
    (most such records are a trigger word in a sense of no act: "leaving frightened residents" read as a meeting)."""
    if emit_statements is None or min_confidence is None:
        from ...config import get_settings

        settings = get_settings()
        emit_statements = settings.emit_statements if emit_statements is None else emit_statements
        min_confidence = settings.min_event_confidence if min_confidence is None else min_confidence
    cands: list[Candidate] | None = doc._.event_candidates
    if cands is None:
        from ..nlp import load_nlp
        from .components import annotate

        doc = annotate(load_nlp(), doc)
        cands = doc._.event_candidates or []
    discarded = doc._.event_discarded or frozenset()
    if not cands or -1 in discarded:
        return Coded([], 0)
    sents = sentences(doc)
    starts = [s.start for s in sents]
    by_sent: dict[int, list[Candidate]] = {}
    for c in cands:
        by_sent.setdefault(max(bisect_right(starts, c.trigger) - 1, 0), []).append(c)
    salience = Salience()
    parts = Participants(doc, table, actor_date(article.published_at), salience, sents)
    coder = _SentenceCoder(doc, article, parts, load_classifier(), _anchor(article, now), emit_statements, floor=min_confidence)
    events: list[dict[str, Any]] = []
    probs = doc._.event_type_probs or {}  # (a Doc extension is read through spaCy's Underscore: once, not per sentence)
    for index, sent in enumerate(sents[:MAX_SENTENCES]):
        if len(events) >= MAX_EVENTS_PER_ARTICLE:
            break
        group = by_sent.get(index)
        if group and sent.start not in discarded:
            try:
                events.extend(coder.code(index, sent, group, probs.get(sent.start)))
            except Exception:  # noqa: BLE001 - one odd parse must not lose the article
                log.warning("event coding failed on sentence %d of %s", index, article.article_id, exc_info=True)
        salience.observe(sent, table)
    kept = [e for e in events if e["confidence"] >= min_confidence]
    return Coded(kept[:MAX_EVENTS_PER_ARTICLE], coder.statements, len(events) - len(kept))


def code_events(doc: Doc, table: EntityTable, article: CleanArticle, emit_statements: bool | None = None) -> list[dict[str, Any]]:
    """The published event records of one article (``code_article(...).events``)."""
    return code_article(doc, table, article, emit_statements).events


@dataclass(slots=True)
class _SentenceCoder:
    """Codes one article's sentences in order; counts the statements it does not publish."""

    doc: Doc
    article: CleanArticle
    parts: Participants
    clf: TypeClassifier | None
    anchor: tuple[str, str]  # (the date relative dates are resolved against, "published_at" | "ingested_at")
    emit_statements: bool
    statements: int = 0
    reciprocal: frozenset[str] = field(default_factory=lambda: knowledge().reciprocal)
    claimed: dict[int, list[list[int]]] = field(default_factory=dict)  # a sentence's acts claimed -> the claimants
    floor: float = 0.0  # the confidence under which events are withheld (NEWSEVENTS_MIN_EVENT_CONFIDENCE)
    typed_triggers: set[int] = field(default_factory=set)  # a sentence's triggers of typed acts but bare intents (``code``)
    intended: set[int] = field(default_factory=set)  # a sentence's triggers coded as intended acts (03x) but bare intents
    ordered: set[int] = field(default_factory=set)  # a sentence's act nouns a bare order carried out (``code``)

    # ------------------------------------------------------------------ choosing codings
    def _p(self, probs: Any, plover: str | None) -> float | None:
        if self.clf is None or probs is None:
            return None
        return self.clf.prob(probs, plover)

    def _choose(self, cands: list[Candidate], probs: Any) -> list[_Act]:
        """One coding per trigger; nouns a verb pattern consumed are dropped."""
        # (a claim of responsibility consumes no act: the act claimed is coded, done by the claimant)
        # (nor does a blame no one is said to lay, "an attack blamed on X": it names the act's doer, and is no
        # accusation of its own, as the act noun's candidate has X for its doer)
        naming = {c.trigger for c in cands if c.kind == "verb" and blame_without_blamer(self.doc[c.trigger]) is not None}
        consumed = {i for c in cands if c.kind == "verb" and c.code != _CLAIM_CODE and c.trigger not in naming for i in c.consumed}
        by_trigger: dict[int, list[Candidate]] = {}
        for c in cands:
            if c.kind == "noun" and c.trigger in consumed or c.trigger in naming:
                continue
            by_trigger.setdefault(c.trigger, []).append(c)
        self._light_verbs(cands, by_trigger, probs)
        self._enacting_verbs(by_trigger)
        self._journeys_for_acts(by_trigger)
        acts = []
        for trig, alts in by_trigger.items():
            scored = []
            for c in alts:
                plover = code_info(c.code or c.reverse).plover_type
                p = self._p(probs, plover)
                key = (p if p is not None else 0.5) if plover else STATEMENT_PRIOR
                # threats of two acts tie on their type: the likelier act threatened is the threat ("would strike":
                # a walkout or an attack, as the sentence reads)
                threatened = knowledge().threatened_act(c.code)
                scored.append(((key, (self._p(probs, code_info(threatened).plover_type) or 0.0) if threatened else 0.0), c, plover, p))
            key, c, plover, p = max(scored, key=lambda x: x[0])
            acts.append(_Act(c, plover, p))
        return acts

    def _enacting_verbs(self, by_trigger: dict[int, list[Candidate]]) -> None:
        """A verb coded only by its default whose object is a law, a bill, a decree or an order with a clause that codes
        an act of its own ("passed a law banning protests", "issued a decree dissolving the council"): what the
        enactment does is the event, its passing only the means (``slots.agent_heads`` makes the one who passed it the
        doer): a ban passed as a law is a ban, as CAMEO's 1721 and 1722 (restrictions, bans) are coded by what they
        restrict, not by the vote."""
        enactments = knowledge().enactments
        for trig in list(by_trigger):
            verbs = by_trigger[trig]
            if any(v.kind != "verb" or v.specificity > 0.0 for v in verbs):
                continue  # (a pattern of the verb that names the enactment, "adopted a resolution", codes the pair)
            if any(o.dep_ == "dobj" and o.lemma_.lower() in enactments
                   and any(a.dep_ == "acl" and a.tag_ == "VBG" and a.i in by_trigger for a in kids(o)) for o in kids(self.doc[trig])):
                del by_trigger[trig]

    def _journeys_for_acts(self, by_trigger: dict[int, list[Candidate]]) -> None:
        """A journey the dictionary codes only as a meeting, a visit or an intent to meet (CAMEO 04, 036), whose
        infinitive of purpose is a typed act of its own ("flew to Cairo to meet the president", "arrived in Kabul to
        sign the accord"): that act is the event, the trip its means, as the purpose of a journey a noun names is
        (``_purpose_of_journey``); a journey only announced stays the intent it is coded as. A march or an advance
        is coded by its own act ("marched to parliament to demand X": a protest), whatever it is for."""
        for trig in list(by_trigger):
            journeys = by_trigger[trig]
            if not all(v.kind == "verb" and _meeting_or_visit(v.code or v.reverse) and not v.pattern.endswith(PROMISED) for v in journeys):
                continue  # (a journey announced, "will visit X to discuss Y", is the news: what it is for has not begun)
            v = self.doc[trig]
            lemma = v.lemma_.lower()
            if not any(knowledge().verb_in_block(lemma, block) for block in _TRAVEL_BLOCKS):
                continue  # (a meeting held "to discuss X" is the meeting)
            if any(is_purpose_infinitive(p) and p.i in by_trigger
                   and any(a.kind == "verb" and code_info(a.code or a.reverse).plover_type for a in by_trigger[p.i]) for p in kids(v)):
                del by_trigger[trig]

    def _light_verbs(self, cands: list[Candidate], by_trigger: dict[int, list[Candidate]], probs: Any) -> None:
        """A verb coded only by its default, whose object (or prepositional object) is an event noun the
        classifier finds likelier here, is a light verb ("went on strike", "held talks"): the noun is the act. So is a
        meeting that a journey is for ("flew to Amman for consultations"), unless a pattern of the verb names it."""
        for c in cands:
            if c.kind != "noun" or c.governor is None or c.governor not in by_trigger or c.setting:
                continue
            n = self.doc[c.trigger]
            if self._purpose_of_journey(c):
                if not any(c.trigger in v.consumed for v in by_trigger[c.governor]):
                    del by_trigger[c.governor]  # "flew to Amman for talks with X": the talks are the act, the trip its means
                continue  # (a pattern of the verb that names the purpose, "arrived for talks", codes the pair)
            if not (n.dep_ in ("dobj", "attr", "oprd", "nsubjpass") or n.dep_ == "pobj" and n.head.lower_ in _LIGHT_PREPS):
                continue  # "after a meeting", "because of the attack": the noun is no argument of the verb
            verbs = by_trigger[c.governor]
            if any(v.kind != "verb" or v.specificity > 0.0 or c.trigger in v.consumed for v in verbs):
                continue  # (a verb whose pattern took the noun in codes the pair: "suspended aid" is no aid)
            if any(map(_acts_upon_noun, verbs)) and not all(map(_giving_default, verbs)):
                continue  # agreeing to, backing, joining or condemning an act is not doing it: "agreed on a truce", "backed the strike";
                # nor is banning or attacking it ("banned the march"); giving or issuing one is doing it ("gave a flat
                # rejection", "issued a condemnation"), though the giving verbs' default code is cooperation
            p_noun = self._p(probs, code_info(c.code).plover_type) or 0.0
            p_verb = max((self._p(probs, code_info(v.code or v.reverse).plover_type) or 0.0) for v in verbs)
            if p_noun > p_verb or all(map(_giving_default, verbs)):
                del by_trigger[c.governor]  # (a giving verb's default names no act of its own: the noun is the act)

    # ------------------------------------------------------------------ actors of one slot list
    def _actors(self, groups: list[list[int]], speaker: Participant | None, exclude: set[str]) -> list[Participant]:
        return self._actors_in(groups, speaker, exclude)[0]

    def _actors_in(self, groups: list[list[int]], speaker: Participant | None, exclude: set[str]) -> tuple[list[Participant], list[int]]:
        """The actors of the first slot group that names any, and that group."""
        for group in groups:
            found = []
            for i in group:
                for a in self.parts.actors(self.doc[i], speaker, exclude):
                    if a.key not in exclude and all(a.key != b.key for b in found):
                        found.append(a)
            if found:
                return found, group
        return [], []

    def _own_body(self, tok: Token, code: str) -> bool:
        """The object is its subject's own forces or envoys, named through a possessive pronoun ("withdrew its
        troops", "pulled their fighters back", "recalled its ambassador"): what an actor does with its own body is
        done to no one else, so they are no target (the place or state they leave may be). People it holds are
        others ("freed their hostages"). Forces moved, deployed or massed (CAMEO 15, a show of force) with no owner
        named ("moved additional troops to the border") are the mover's own too: the show is aimed at whom the
        sentence names past them ("to its border with X")."""
        # (the object of a finite verb the parser hung on it as a modifier is an object too: "the chief | placed troops")
        if tok.pos_ != "NOUN" or (tok.dep_ not in ("dobj", "conj") and not any(c.dep_ == "amod" and finite_modifier(c) for c in kids(tok))):
            return False
        pronoun_owned = any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in kids(tok))
        owner_named = any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in ("of", "from") for c in kids(tok))
        if not pronoun_owned and (code[:2] != FORCE_POSTURE_ROOT or owner_named):
            return False
        a = self.parts.actor(tok)
        return (a is not None and not a.named and a.sector in _OWN_BODY_SECTORS
                and (pronoun_owned or a.country is None and a.sector in _FORCE_BODY_SECTORS))

    def _place_in_phrase(self, actors: list[Participant], group: list[int]) -> bool:
        """The target is named inside a phrase about something else ("areas of X", "positions near X", "the homes
        of X"): it stands for those acted upon, as CAMEO codes it, but cannot act back (no reversed event). The party
        "with" whom talks or a deal are held is no place: it is the other side ("came for talks with X")."""
        if not group or not actors:
            return False  # (the entity type is no help: the tagger takes many towns for persons)
        tok = self.doc[group[0]]
        return (tok.dep_ == "pobj" and tok.head.head.pos_ in ("NOUN", "PROPN") and tok.head.head.i != tok.i
                and tok.head.lower_ != "with")

    def _acted_on_a_thing(self, c: Candidate) -> bool:
        """The act's first target slot is the verb's own object or the object of its own preposition ("stole a
        helmet", "broke into a museum"), and names no actor: a thing or a building was acted upon. (What an infinitive
        of the verb acts on, "fought to control the market", is not the verb's.)"""
        if not c.target_groups or c.kind != "verb":
            return False
        head = self.doc[c.target_groups[0][0]]
        return head.head.i == c.trigger or head.dep_ == "pobj" and head.head.head.i == c.trigger

    def _force_at_a_thing(self, c: Candidate) -> bool:
        """An act of force aimed at what names no actor, its object or the object of an aimed phrase ("X and Y
        launched strikes on military targets", "X and Y shelled the hills"): its coordinated doers fought together,
        not each other, as they do when the act is aimed at nothing ("X and Y clashed")."""
        if (c.code or c.reverse)[:2] not in FORCE_ROOTS or not c.target_groups:
            return False
        head = self.doc[c.target_groups[0][0]]
        if head.i in c.consumed:
            return False  # the pattern's own words ("exchanged fire"): what passes between them
        # ("at" names where as often as what: "clashed at the border" keeps both sides)
        return head.dep_ == "dobj" or head.dep_ == "pobj" and head.head.lower_ in AIMED_PREPS and head.head.lower_ != "at"

    def _exercised_alone(self, c: Candidate) -> str:
        """The code event_nouns.tsv gives an exercise or a drill of one party (a show of force) when the candidate's
        pattern consumed such a noun with no "joint" modifier; "" otherwise."""
        for i in c.consumed:
            noun = self.doc[i]
            if noun.pos_ != "NOUN" or any(m.lower_ == "joint" for m in kids(noun)):
                continue
            alone = [r.code for r in knowledge().nouns.get(noun.lemma_.lower(), ()) if r.code[:2] == FORCE_POSTURE_ROOT]
            if alone:
                return alone[0]
        return ""

    def _in_place_phrase(self, group: list[int]) -> bool:
        """The group is the object of a place phrase ("at", "in", "near", "on", "into") of the act."""
        head = self.doc[group[0]]
        return head.dep_ == "pobj" and head.head.lower_ in _PLACE_PHRASE_PREPS

    def _where_it_happened(self, actors: list[Participant], group: list[int]) -> bool:
        """The actors are towns or other named places (no country, no capital; or the place a settlement noun names,
        "the island of X") named in a place phrase ("on", "at", "in", "near", "into"), wherever the parser hung it."""
        if not group:
            return False
        head = self.doc[group[0]]
        return (self._in_place_phrase(group)
                and (head.lemma_.lower() in SETTLEMENT_NOUNS or all(a.named and (a.etype in ("LOC", "FAC") or _a_town(a)) for a in actors)))

    def _purpose_of_journey(self, c: Candidate) -> bool:
        """The noun act is what its governor's journey is for ("flew to Amman for talks with X", found by
        ``frames.noun_governor``): the traveller takes part in it, though the journey is coded as an act of its own."""
        noun = self.doc[c.trigger]
        outer = noun.head.head
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and outer.dep_ == "pobj" and (
                is_time(outer) or outer.ent_type_ in ("DATE", "TIME") or counted(outer).i == noun.i):
            noun = outer  # "for three days of talks", "for another round of talks": the span or the count is what the trip is for
        head = noun.head
        return head.dep_ == "prep" and head.lower_ == "for" and head.head.i == c.governor

    def _sources(self, act: _Act, triggers: set[int], index: int) -> list[Participant]:
        c = act.cand
        found, group = self._actors_in(c.source_groups, act.speaker, set())
        kind_only: list[Participant] = []
        if c.kind == "noun" and c.governor is not None and self._kind_modifier(group, c.trigger, found):
            # the noun's modifier says only what kind of act it is ("joint military exercises", "a naval drill"): the
            # one who holds it is the agent of the verb it is the object of, when that names one ("X and Y began
            # joint military exercises"); the modifier stays the doer when nothing else does
            kind_only, found = found, []
        claim = self.claimed.get(c.trigger) if c.kind == "noun" else next(
            (self.claimed[i] for g in c.source_groups[:1] for i in g if i in self.claimed), self.claimed.get(c.trigger))
        if not found and claim is not None:
            # an act whose responsibility is claimed ("X claimed the bombing", "claimed responsibility for the
            # attack"), or what that act did ("the attack, which killed 12"), is the claimant's
            found = self._actors(claim, act.speaker, set())
        if (not found and c.kind == "noun" and c.governor is not None
                and (c.governor not in triggers or c.setting or self._purpose_of_journey(c) or c.trigger in self.ordered)
                and not (c.setting and (c.code or c.reverse)[:2] in FORCE_ROOTS)
                and not (c.setting and forceful_verb(self.doc, c.governor) and _determined(self.doc[c.trigger]))
                and not (c.setting and (c.code or c.reverse)[:2] == PROTEST_ROOT and self._in_time_of(c.trigger))
                and not undergone(self.doc[c.trigger], self.doc[c.governor])
                and not witnessed(self.doc[c.trigger], self.doc[c.governor])):
            # "X carried out raids", "X spoke at a summit": a noun act takes the agent of the verb it is the
            # object or the occasion of, unless it is the object of an act of its own ("X condemned the attack"); the
            # fighting a verb happens in is no act of its agent ("urged the sides in the fighting", "died in clashes"),
            # nor is an occasion of an act of force ("were shot by soldiers during the march", "fired into the crowd
            # during a rally": the march and the rally are not theirs); "rampaged in protest" says how, not when;
            # nor is a protest the act happened during or amid ("jammed broadcasts during the unrest": a time, not theirs)
            found = self._actors([[t.i for t in agent_heads(self.doc[c.governor])]], act.speaker, set())
        if not found and c.kind == "noun":
            share = _share_in(self.doc[c.trigger])
            if share is not None:  # "his role in the abduction", "their involvement in the coup": theirs
                found = self._actors([[o.i] for o in kids(share) if o.dep_ == "poss"], act.speaker, set())
        if (not found and act.speaker is not None and (c.code or c.reverse)[:2] in _VERBAL_ROOTS and not self._named_agent(c)
                and not (c.kind == "noun" and self.doc[c.trigger].dep_ in ("nsubj", "nsubjpass"))
                and not (c.kind == "noun" and _in_circumstance(self.doc[c.trigger]))
                and not (c.kind == "noun" and held_under(self.doc[c.trigger]))):
            # a verbal act inside what someone said, whose own subject the parse lost, is the speaker's; one whose
            # subject is a thing ("said the talks had stalled") is nobody's, nor is an act the clause is about (the
            # talks themselves there: the speaker reports on them), nor one named in a phrase of circumstance
            # ("despite weak demand", "amid calls for calm"): the speaker tells what else holds, not what they did;
            # nor a state someone is held in ("said the mayor was under investigation": not the speaker's inquiry)
            found = [act.speaker]
        return found or kind_only

    def _in_time_of(self, trigger: int) -> bool:
        """The noun heads a phrase of the time an act happened in ("during the unrest", "amid protests")."""
        tok = self.doc[trigger]
        return tok.dep_ == "pobj" and tok.head.lower_ in _TIME_SETTING_PREPS

    def _foreign_authorities(self, tok: Token, sources: list[Participant]) -> list[Participant]:
        """The authorities of another state that a state's people handed over go to ("handed the suspect over to
        Ugandan police", "turned the fugitive over to Chinese authorities"): a body of government, police or courts,
        or a state, whose country is known and is not the giver's. Handing people to the Red Cross, to one's own
        police or from an armed group stays a release."""
        givers = {s.country for s in sources if s.country and _state_side(s)}
        if not givers:
            return []
        found = self._actors([[r.i] for r in recipients(verb_frame(tok))], None, {s.key for s in sources})
        return [a for a in found if a.country and a.country not in givers and _state_side(a)]

    def _kind_modifier(self, group: list[int], trigger: int, found: list[Participant]) -> bool:
        """The actors found are one modifier of the act noun that names a generic body, no named actor nor a country."""
        if len(group) != 1 or not found:
            return False
        tok = self.doc[group[0]]
        return (tok.head.i == trigger and tok.dep_ in ("amod", "compound") and tok.i < trigger
                and all(not a.named and a.country is None for a in found))

    # ------------------------------------------------------------------ one sentence
    def code(self, index: int, sent: Span, cands: list[Candidate], probs: Any) -> list[dict[str, Any]]:
        self.claimed = _claimed_acts(self.doc, cands)
        acts = self._choose(cands, probs)
        if not self.emit_statements and all(a.plover is None for a in acts):
            self.statements += len(acts)  # only statements, reporting no act: counted, nothing to publish
            return []
        triggers = {a.cand.trigger for a in acts}
        self.typed_triggers = {a.cand.trigger for a in acts if a.plover is not None and a.cand.code != _BARE_INTENT}
        # (acts coded as intended, pledged or planned: "plans to send troops", the sending's own intent, 0332)
        self.intended = {a.cand.trigger for a in acts if a.cand.code.startswith(_INTENT_ROOT) and a.cand.code != _BARE_INTENT}
        # acts ordered by a bare order (``_ordered``): done, by the one who ordered them; an order of force stays an
        # order, as the dictionary's own "ordered an attack" (138) is no attack
        self.ordered = {a.cand.trigger for a in acts if a.cand.kind == "noun" and a.plover is not None
                        and _ordered(self.doc[a.cand.trigger]) and (a.cand.code or a.cand.reverse)[:2] not in _ASSAULT_ROOTS}
        doc = self.doc
        by_trigger = {a.cand.trigger: a for a in acts}
        # reported speech first: who reports which acts
        for act in acts:
            if act.cand.kind != "verb":
                continue
            v = doc[act.cand.trigger]
            if act.plover is None:
                content = content_ids(v)  # a statement verb: whatever it reports
            elif (act.cand.code or act.cand.reverse)[:2] in _VERBAL_ROOTS:
                # a typed verb of saying reports only what its clausal complement says ("claimed that X seized Y";
                # "found him not guilty of murder": a small clause on an adjective): a clause headed by a verb or an
                # adjective; a noun the parser hung on the verb as one heads no clause, and the acts under it are no
                # report of the verb's
                content = {t.i for c in kids(v) if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX", "ADJ") for t in c.subtree}
            else:  # an act done (a strike staged, a town shelled) reports nothing: a clause the parser hung on it as
                # its complement is a relative or a clause of its own ("staged a strike that | brought transport to a halt")
                content = set()
            # (an act left undone that is coded as its refusal, "said it would not accept the results", is reported
            # as the refusal it is)
            reported = [by_trigger[i] for i in content if i in by_trigger and i != act.cand.trigger
                        and by_trigger[i].plover is not None
                        and (not is_negated(doc[i]) or by_trigger[i].cand.pattern.endswith(REFUSED_OUTRIGHT))]
            if not reported:
                continue
            speakers = self._sources(act, triggers, index)
            own_targets = self._actors(act.cand.target_groups, None, {s.key for s in speakers})
            if act.plover is None or not own_targets and not _answers_its_clause(act):
                # a demand or a threat is itself the act: what it asks for or threatens ("demanded that the ship
                # be towed away") is no report of a deed; it stays coded, ranked below it (_answered). A claim or
                # an allegation ("claimed that its fighters took the port") does report one.
                act.reporting = True
                speaker = speakers[0] if speakers else None
                denial = (act.cand.code or act.cand.reverse).startswith(_DENIAL_CODE)
                for r in reported:
                    r.denied = r.denied or denial
                    if speaker is not None:
                        r.speaker = speaker
                        r.attribution = {"text": speaker.text, "entity": speaker.entity}
        according = according_to(sent)
        default_attr = None
        if according is not None:
            a = self.parts.actor(according)
            if a is not None:
                default_attr = {"text": a.text, "entity": a.entity}
        answered = {i: a for i, a in _answered(doc, acts).items() if i not in self.ordered}
        _read_with_answered(answered, by_trigger)
        out: list[dict[str, Any]] = []
        for act in acts:
            if act.reporting:
                continue
            if act.cand.kind == "noun" and act.plover is not None and _forbidden(doc[act.cand.trigger], triggers):
                continue  # "banned the teachers' march": the ban is the event, aimed at the marchers; no march was held
            answering = answered.get(act.cand.trigger)
            if answering is not None and answering.plover == _REQUEST_TYPE and act.plover not in _CALLED_OUT_TYPES:
                # an act a demand or an appeal asks for has not happened ("demanded that X withdraw", "urged both
                # sides to halt the fighting"): the demand is the event; a call to protest is how a protest is called
                # out, and stays coded (with the answered act's penalty; _below_answering does not cap it below the call)
                continue
            recs = self._records(index, sent, act, triggers, probs, act.attribution or default_attr)
            if act.cand.trigger in answered:
                for r in recs:
                    r["confidence"] = _less(r["confidence"], ANSWERED_PENALTY)
            out.extend(recs)
        out = _fullest_tellings(_protest_demands(doc, _in_told_order(doc, _below_foreground(doc, _below_answering(out, answered), self.floor), self.floor)))
        best: dict[tuple[Any, ...], dict[str, Any]] = {}
        for e in out:
            key = (_doer_key(e), e["plover_type"] or e["cameo_code"][:2],
                   (e["target"] or {}).get("entity") or (e["target"] or {}).get("text", "").lower())
            if key not in best or e["confidence"] > best[key]["confidence"]:
                best[key] = e
        kept = sorted(best.values(), key=lambda e: -e["confidence"])[:MAX_EVENTS_PER_SENTENCE]
        kept.sort(key=lambda e: (e["action"]["_pos"], -e["confidence"]))
        for e in kept:
            e["action"].pop("_pos", None)
        return kept

    def _promised_default(self, c: Candidate, tok: Token) -> str:
        """The intent a verb of promising (``modality.PROMISE_HEADS``) coded by its block's default states when its
        complement is an infinitive: the intent of the act the infinitive codes ("agreed to allow inspectors": 0355,
        "agreed to hold talks": 036), or of the default act where it codes none ("agreed to reopen the crossings":
        032, ``event_intents.tsv``); "" when there is no infinitive or the default is no act with an intent. The verb
        with an infinitive promises that act; its block's default names what it does without one."""
        if c.kind != "verb" or not c.code or not c.pattern.endswith(":verb") or tok.lemma_.lower() not in PROMISE_HEADS:
            return ""
        done = next((k for k in kids(tok) if k.dep_ == "xcomp" and k.pos_ in ("VERB", "AUX") and k.i > tok.i), None)
        doc, kb = self.doc, knowledge()
        cands = doc._.event_candidates or ()
        if done is None:
            # an act noun agreed "to" ("agreed to talks with X", "agreed to joint patrols") is promised as the
            # infinitive's act is: the intent of the noun's act
            agreed = [o for o in cands if o.kind == "noun" and (o.code or o.reverse) and agreed_to(doc[o.trigger]) == tok]
            for other in agreed:
                code = other.code or other.reverse
                intent = code if code.startswith(_INTENT_ROOT) else kb.intent_of(code)
                if intent:
                    return intent
            return ""
        # the infinitive's own reading first, then its object's ("to hold talks")
        promised = [o for o in cands if o.trigger == done.i] + [
            o for o in cands if o.trigger != done.i and doc[o.trigger].head.i == done.i and doc[o.trigger].dep_ == "dobj"]
        for other in promised:
            code = other.code or other.reverse
            intent = code if code.startswith(_INTENT_ROOT) else kb.intent_of(code) if code else ""
            if intent:
                return intent
        return kb.intent_of(c.code)

    def _records(self, index: int, sent: Span, act: _Act, triggers: set[int], probs: Any,
                 attribution: dict[str, Any] | None) -> list[dict[str, Any]]:
        c = act.cand
        doc = self.doc
        tok = doc[c.trigger]
        statement = act.plover is None
        if statement:
            self.statements += 1  # counted whether or not statements are published
            if not self.emit_statements:
                return []
        if act.denied or is_denied(tok):
            # an act told only through a denial ("denied that its gunboats had sunk the ferry") is what the denier
            # says was not done: the sentence's event is the denial (CAMEO 016, deny responsibility, a statement),
            # as the field's coders code it, not the act others allege (modality.is_denied)
            return []
        if c.kind == "verb" and any(k.dep_ == "ccomp" and described_subject(k) is not None for k in kids(tok)):
            return []  # "men suspected to be smugglers shot ...": the participle says what they are held to be, no act
        if c.kind == "verb" and c.code == _BARE_INTENT and tok.lemma_.lower() in _VOTING and self._intends_an_act(tok):
            return []  # "voted to suspend the mayor": the act the vote carried is the event
        if c.kind == "verb" and c.pattern.endswith(":verb") and any(o.i in self.ordered for o in kids(tok) if o.dep_ == "dobj"):
            return []  # "ordered the seizure of the ranch": the act ordered is the event, the orderer's (``_ordered``)
        sources = self._sources(act, triggers, index)
        if c.code == _VISIT_CODE and c.kind == "verb" and sources and all(_moving_body(s) for s in sources):
            return []  # "troops headed for the town", "refugees headed for the border": a body on the move pays no visit
        if (c.code or c.reverse)[:2] in _ASSAULT_ROOTS:
            sources = [s for s in sources if not _a_town(s)]  # "a truck rammed an eatery at X, killing 4": X killed no one
        elif c.kind == "noun" and (c.code or c.reverse)[:2] in _MEETING_ROOTS:
            # a city named in a meeting noun's own phrase, a capital too, is where it takes place ("the Jeddah talks",
            # "the Doha negotiations"), no party to it
            sources = [s for s in sources if not (_a_town(s, capitals=True) and tok.left_edge.idx <= s.start < tok.idx)]
        if (NON_ACTOR_AGENT_VETO and not sources and (c.code or c.reverse)[:2] in _MATERIAL_ROOTS and self._non_actor_agent(c)
                and not (not c.code and self._actors(c.target_groups, act.speaker, set()))):
            # (a subject that only undergoes the act, coded reversed alone, is not its agent: "a convoy came under fire
            # from X" is X's act, whatever the convoy is)
            return []
        crowd = (knowledge().crowd_act(c.code, c.lemma, {_acting_sector(s) for s in sources}, c.pattern.endswith(":verb"))
                 if c.kind == "verb" and c.code and sources else "")
        if crowd:  # "farmers blocked the highway", "protesters torched a police station": a protest (event_crowd_acts.tsv)
            # (aimed first at whom it is held to press, as a protest verb's own is)
            c = replace(c, code=crowd, target_groups=pressed_first(tok, c.target_groups))
            plover = code_info(crowd).plover_type
            act = replace(act, cand=c, plover=plover, p_type=self._p(probs, plover))
        promised = self._promised_default(c, tok)
        if promised:
            # "A and B agreed to reopen the crossings": agreeing to do something is the intent to do it (the CAMEO
            # codebook's 036 "agree to meet"), not the block's default act of cooperation (AGREE 050) done
            c = replace(c, code=promised)
            plover = code_info(promised).plover_type
            act = replace(act, cand=c, plover=plover, p_type=self._p(probs, plover))
        if self._of_disaster(c, sources, act.speaker):
            return []  # "a cyclone destroyed", "wildfires forced thousands to flee": a disaster, not a political act
        if c.code.startswith(_EMERGENCY_MEASURES) and self._befell_in_mishap(c, measure=True):
            # "declared a state of emergency as forest fires spread", "imposed a curfew after the earthquake": a measure
            # against a disaster, which the PLOVER manual says not to code as repression (COERCE 'restrict')
            return []
        if self._won_in_contest(c):
            return []  # "defeated his rival in the run-off": who won a vote, no act of force (event_contests.tsv)
        if (not sources or not c.code) and self._befell_in_mishap(c):
            # "four were killed in a crash", "died when a tree fell during a storm": nobody did it; nor when the
            # subject only underwent it (no code of its own: "three men died in the accident"), whose sources are
            # the dead, not doers
            return []
        exclude = {s.key for s in sources}
        groups = [g for g in c.target_groups if not self._own_body(doc[g[0]], c.code or c.reverse)] if sources else c.target_groups
        if (c.code or c.reverse)[:2] not in FORCE_ROOTS:
            # weapons and aircraft stand for their force only where force is used on them ("shot down a fighter jet");
            # bought, built or promised ("agreed to buy fighter jets from X") they are what the act is about, no party
            groups = [g for g in groups if not _hardware(doc[g[0]])]
        targets, t_group = self._actors_in(groups, act.speaker, exclude)
        if targets and self._where_it_happened(targets, t_group):
            # a town or an island named in a phrase of the verb is where the act happened when a later slot names a
            # party ("clashed with militants | on the island of X", "fought rebels | at X")
            # (not a word of the place's own phrase: "on the southern Senegalese city of X" names X's state, no party)
            place = self.doc[t_group[0]]
            rest = [g for g in groups[groups.index(t_group) + 1 :] if not place.left_edge.i <= g[0] < place.i]
            later, l_group = self._actors_in(rest, act.speaker, exclude | {a.key for a in targets})
            if later and not self._where_it_happened(later, l_group):
                targets, t_group = later, l_group
        # (coordinated parties of a mutual act act on each other whatever its object: "A and B traded accusations")
        mutual_parties = len(sources) >= 2 and self._mutual(c, tok)
        if mutual_parties and targets and t_group and self._in_place_phrase(t_group):
            # "A and B began joint drills at X", "clashed at X": they act on each other, X (whatever the tagger calls
            # it) is only where
            targets, t_group = [], []
        if (not targets and c.target_groups and c.code.startswith(_ACCUSING_CODE) and not mutual_parties
                and all(self.doc[i].pos_ in ("NOUN", "PROPN") for g in c.target_groups for i in g)):
            own = _own_code(c)
            if not own or own.startswith(_ACCUSING_CODE) or code_info(own).plover_type != act.plover:
                return []  # blaming a thing ("blamed a faulty valve", "blamed heavy rain") accuses no one: a cause, no event
            # a verb of disapproval of its own that took a blaming verb's pattern ("condemned the violence" under
            # BLAME's "- * VIOLENCE [112]"): condemning a thing is still a criticism, of no one named ("faces charges",
            # whose verb's own act is another, is not)
            c = replace(c, code=own, reverse="")
            act = replace(act, cand=c, plover=code_info(own).plover_type, p_type=self._p(probs, code_info(own).plover_type))
        if (not targets and c.target_groups and (c.code or c.reverse).startswith(_INVESTIGATING_ROOT)
                and any(_a_mishap(self.doc[g[0]]) for g in c.target_groups)):
            return []  # investigating a mishap ("the cause of the fire", "the crash") looks into no one's conduct
        if (c.kind == "verb" and (c.code or c.reverse).startswith(_THREATENING_ROOT)
                and any(_a_mishap(self.doc[g[0]]) for g in c.target_groups)):
            return []  # warning of a storm, floods or heavy rain ("warned residents of flooding") threatens no one
        if (not targets and c.kind == "verb" and c.pattern == _ENCOUNTER_DEFAULT
                and any(o.dep_ == "dobj" and o.pos_ == "NOUN" and not after_comma(o) for o in kids(tok))):
            return []  # a meeting verb whose object is a thing ("faced hunger", "confronted the crisis") meets no one
        placed = self._place_in_phrase(targets, t_group)
        if (sources and not targets and c.place_groups and c.code and not mutual_parties
                and (c.code[:2] in _PLACE_TARGET_ROOTS or c.code.startswith((_FORCE_THREAT, *_INVESTMENT_CODES)) or c.code == _VISIT_CODE)):
            # (a place is what a stated act is done to, never the doer of an act the subject undergoes: "died in X")
            places = self._named_places(c, exclude)
            targets, placed = places[:1], bool(places)
        makers_of = _MAKER_NOUNS.get((c.code or c.reverse)[:2]) if c.kind == "verb" else None
        if sources and not targets and makers_of:
            # "rejected as untrue a report by X": what is rejected or criticised stands for whoever made it;
            # "bowing to pressure from the unions, the minister quit": a concession is made to those who pressed for it
            made, made_group = self._actors_in(_makers_in_phrases(tok, makers_of), act.speaker, {s.key for s in sources})
            if made:
                targets, t_group = made, made_group
        if sources and not targets and c.kind == "verb" and (c.code or c.reverse)[:2] == _YIELDING_ROOT:
            # "suspended the strike after reaching a deal with X": a concession made on talks is made to their other side
            targets, t_group = self._actors_in(partners_of_clause(tok), act.speaker, {s.key for s in sources})
        if (sources and not targets and c.kind == "noun" and c.governor is not None
                and _meeting_or_visit(c.code or c.reverse) and self._purpose_of_journey(c)):
            # "travelled to Tokyo for talks", "will fly to Amman for consultations": talks that name no partner are held
            # with the one the journey goes to, as the journey's own visit is
            goes_to = [[g.i] for p in kids(self.doc[c.governor]) if p.dep_ == "prep" and p.lower_ == "to"
                       for g in kids(p) if g.dep_ == "pobj"]
            targets, t_group = self._actors_in(goes_to, act.speaker, {s.key for s in sources})
        if sources and not targets and c.between and (c.code or c.reverse)[:2] in _MEDIATING_ROOTS:
            # "mediated between X and Y", "is mediating between X and Y": the parties it stands between (the verb's
            # own "between"; "fighting broke out between X and Y" has no doer of its own, below)
            targets, t_group = self._actors_in([c.between], act.speaker, {s.key for s in sources})
        if not sources and not targets and c.between:
            parties = self._actors([c.between], act.speaker, set())
            if len(parties) >= 2 or len(parties) == 1 and parties[0].plural and not parties[0].named:
                # "between A and B"; or between those one plural phrase names ("clashes between rival militias"): the
                # phrase is the doer, on no other party
                sources, targets = parties, []
        if not sources and targets:
            # the doer named only by a pronoun the article does not resolve ("he accused the ministry"): the act
            # has a target that names an actor; a pronoun alone names none
            sources = [a for a in map(unresolved_pronoun, (self.doc[i] for g in c.source_groups[:1] for i in g)) if a][:1]
        if not sources and not targets:
            return []  # a sentence that names no actor for this act gives no event
        if (not sources and c.kind == "verb" and (c.code or c.reverse)[:2] in _MEETING_ROOTS and c.source_groups
                and all(self.doc[g[-1]].pos_ == "NOUN" for g in c.source_groups)):
            # a thing that goes or comes somewhere ("the funds will go to schools", "the shipment arrived in X") meets
            # and visits no one: the subject is there and names no actor
            return []
        if targets and c.kind == "verb" and c.pattern.endswith(":verb") and c.code == _BARE_INTENT and self._intent_of_no_act(tok, t_group):
            return []
        if not targets and c.kind == "verb" and c.pattern.endswith(":verb"):
            empty = self._empty_default(c, tok, sources)
            if empty:
                self.statements += empty == _SAID
                return []
        if (not targets and (c.code or c.reverse)[:2] in FORCE_ROOTS and sources
                and all(s.sector == _CRIMINAL_SECTOR for s in sources) and self._acted_on_a_thing(c)):
            return []  # thieves who broke in or stole a thing, no one named: a crime story, no political act
        if not targets and len(sources) == 1 and c.kind == "verb" and c.code.startswith(_MILITARY_COOPERATION):
            shown = self._exercised_alone(c)
            if shown:
                # exercises a single party holds with no partner named are a show of force, as event_nouns.tsv codes
                # them ("staged live-fire exercises near the border"), not the cooperation a joint one is
                c = replace(c, code=shown, reverse="")
                act = replace(act, cand=c, plover=code_info(shown).plover_type, p_type=self._p(probs, code_info(shown).plover_type))
                targets, t_group = self._actors_in(across_border(tok), act.speaker, exclude)  # ("near its border with X")
            elif c.reverse == c.code and not any(m.lower_ == "joint" for i in c.consumed for m in kids(self.doc[i])):
                # a mutual pattern of military cooperation ("carried out operations", [062:062]) done by one party,
                # with no partner named and nothing called joint: the party's own operation, no cooperation
                return []
        if not targets and sources and (c.code or c.reverse)[:2] in _FIRM_DEALING_ROOTS and all(s.sector == "BUS" for s in sources):
            # firms' own dealings with no party named ("exporters led the gains", "the carmaker teamed up with a
            # start-up"), and their officers' comings and goings ("the bank's chairman resigned"): trade news; firms
            # acting on a state or a place ("invested in Kenya") stay coded
            return []
        if (not targets and sources and (c.code or c.reverse)[:2] in _PRIVATE_WORD_ROOTS
                and all(not s.named and s.sector in _PRIVATE_SECTORS for s in sources)):
            # private people's meetings and praise with no party named ("the singer thanked her fans", "pilgrims
            # gathered for the festival"): no political act; their protests, demands and accusations ("residents
            # blamed the county"), and their words to a party named, stay coded
            return []
        # a reversed-only coding (the subject undergoes the act: "eight miners died") whose doer is not named
        # (an act of force whose doer is an armed body is political whatever the words around it: no veto; nor is
        # taking people captive, whoever does it: an abduction or a hostage-taking is violence against those taken)
        # (nor is a show of force, a weapon test or a mobilisation, by an armed body or a state: no sport or market
        # readies forces)
        armed = ((c.code or c.reverse)[:2] in _ASSAULT_ROOTS and any(s.sector in _ARMED_DOERS for s in sources)
                 or c.code.startswith(FORCE_POSTURE_ROOT) and any(s.sector in _ARMED_DOERS or s.etype == "GPE" and s.named
                                                               for s in sources)
                 or c.code.startswith(_ABDUCTION_CODE) and bool(sources) and bool(targets) and all(map(_people, targets)))
        if not statement and not armed and self._vetoed(act, probs, undergone_only=not c.code and bool(c.reverse) and not targets):
            return []
        if (c.kind == "verb" and c.code and c.pattern.endswith(":verb") and targets and not placed
                and (all(map(_people, targets)) or len(targets) == 1 and _one_person(doc[t_group[0]]))
                and _taken(doc[t_group[0]])):
            taken = knowledge().taking_people(c.code, c.lemma, {s.sector for s in sources if s.sector},
                                              agentless=not sources and is_passive(tok))
            if taken:  # "gunmen seized five aid workers": an abduction, not a seizure of property (the veto read the seizure)
                c = replace(c, code=taken)
            handed_to = self._foreign_authorities(tok, sources) if c.code.startswith(_RELEASE_PREFIX) else []
            if handed_to:  # "Kenya handed two suspects over to Ugandan police": an extradition, not a release
                c, targets = replace(c, code=_EXTRADITION_CODE), handed_to
        pairs: list[tuple[Participant | None, Participant | None, str]] = []
        mutual = self._mutual(c, tok)
        if (mutual and len(sources) >= 2 and c.code[:2] == _YIELDING_ROOT and targets and all(_people(t) and not t.named for t in targets)):
            targets = []  # "A and B swapped prisoners": each frees the other's people, who are what is exchanged, no party
        if (mutual and (len(sources) >= 2 or any(s.plural for s in sources)) and c.kind == "verb" and t_group and t_group[0] in c.consumed
                and not c.pattern.endswith(":verb") and c.code[:2] not in FORCE_ROOTS):
            # "A and B exchanged ambassadors", "traded fire", "the two sides swapped prisoners": the object the paired
            # pattern names is what passes between them, no party (nor one that acts back); a party force is used on,
            # which the pattern names, stays ("drove the rebels out of the town")
            targets = []
        if mutual and len(sources) >= 2 and t_group and reciprocally_owned(doc[t_group[0]]):
            targets = []  # "A and B expelled each other's diplomats": each acts on the other
        if not targets and len(sources) >= 2 and mutual and not self._force_at_a_thing(c):
            pairs = [(s, t, c.code) for s in sources for t in sources if s.key != t.key]
        else:
            for s in sources or [None]:
                for t in targets or [None]:
                    if s is not None and t is not None and s.key == t.key:
                        continue
                    if c.code:
                        pairs.append((s, t, c.code))
                    if c.reverse and ((t is not None and s is not None and not placed) or not c.code):
                        if s is not None and s.pronoun_only:
                            if c.code:
                                continue  # an unresolved pronoun is never a target: the stated direction stands alone
                            s = None
                        pairs.append((t, s, c.reverse))  # "[A:B]": B is the target's act on the source
        if c.kind == "verb" and (self._in_words(tok, c) or _unarmed_fight(c, tok, sources, targets, mutual)):
            pairs = [(s, t, VERBAL_CONFLICT_CODE if code[:2] in FORCE_ROOTS else code) for s, t, code in pairs]
        # a refusal or a sworn threat is as negated or hypothetical as the verb that refuses or swears ("vowed to storm")
        said = tok.head if c.pattern.endswith((REFUSED, SWORN)) else tok
        negated, hypothetical = is_negated(said) and not c.pattern.endswith(REFUSED_OUTRIGHT) or act.denied, is_hypothetical(said)
        sentence = _sentence_field(index, doc_text(doc), sent)
        clause = _clause_score(tok) - (CONDITION_PENALTY if is_condition(said) else 0.0)
        spans = [(a.start, a.end) for a in sources + targets]
        date = event_date(sent, tok, *self.anchor)
        location = event_location(sent, tok, spans)
        lo = min([tok.i] + c.consumed)
        hi = max([tok.i] + c.consumed)
        action_text = doc[lo : hi + 1].text if hi - lo < 8 else tok.text
        records = []
        implied: list[bool] = []
        for s, t, code in pairs[:MAX_EVENTS_PER_SENTENCE]:
            reversed_act = bool(c.reverse) and code == c.reverse and code != c.code
            info = code_info(code)
            quantities = sentence_quantities(sent) if code[:2] in _QUANTITY_ROOTS else []
            p = self._p(probs, info.plover_type)
            if p is not None and act.p_type is not None and info.plover_type == act.plover:
                p = max(p, act.p_type)  # the act's reading, raised to that of an act it asks for (_read_with_answered)
            conf = _confidence(p, c.specificity, s, t, clause, negated, hypothetical, info.plover_type is None)
            if reversed_act:
                conf -= 0.02  # the reversed act ("B hosted A" for "A visited B") is implied, the stated one is first
            attr = attribution
            if attr is not None and s is not None and (attr.get("entity") and attr.get("entity") == s.entity or attr["text"] == s.text):
                attr = None
            records.append(build_record(
                article_id=self.article.article_id, content_hash=self.article.content_hash, cameo=code,
                source=s.to_dict() if s is not None else None, target=t.to_dict() if t is not None else None,
                action={"text": action_text, "lemma": c.lemma, "_pos": tok.i}, negated=negated, hypothetical=hypothetical,
                attribution=attr, date=date, location=location, quantities=quantities, sentence=sentence, confidence=conf,
                position=tok.i, source_key=s.key if s is not None else None, target_key=t.key if t is not None else None))
            implied.append(reversed_act)
        if pairs and all(code == pairs[0][2] for _, _, code in pairs) and mutual:
            # a mutual act is the same act both ways ("A and B clashed", "A met B"): how each party is named does not
            # choose the direction; the party named first (the subject) is the source of the first record (the
            # coders' convention), by a hair
            top = max(r["confidence"] for r in records)
            for k, r in enumerate(records):
                r["confidence"] = round(max(0.0, top - 0.001 * k), 4)
        stated = [r["confidence"] for r, rev in zip(records, implied) if not rev]
        if stated:
            # an implied reversed act never outranks the act the sentence states ("police arrested protesters"
            # implies the protesters' protest; the arrest is what happened)
            cap = _less(max(stated), 0.02)
            for r, rev in zip(records, implied):
                if rev and r["confidence"] > cap:
                    r["confidence"] = cap
        return records

    def _empty_default(self, c: Candidate, v: Token, sources: list[Participant]) -> str:
        """Whether the bare default code the dictionary gives a verb, aimed at no one, says nothing of an act: "" (it
        does: code it), :data:`_NOTHING` (no event) or :data:`_SAID` (no event; what was said, counted as a statement).

        - intent to cooperate (030) of one party, in an infinitive of its own deed that codes nothing, with no object:
          "wants to keep the talks friendly", "decided to repaint the bridge" (nothing);
        - inquiry (090) into an idea: "is examining the idea of ...", "a plan to ..." (said);
        - disapproval (110) of no act the sentence codes: "the farmer claimed the dog had run off", "free to voice
          their views" (said; "opposed every attempt to storm the palace" objects to an act and stays);
        - meeting (040) of one party, nowhere and for no occasion: "went to the kitchen", "heard a bang" (nothing); a
          journey's (a verb of going somewhere) of any number of parties that names no place and no occasion (nothing);
        - appeal (020) of a verb of wishing, hope or desire, that asks no one: "said he hoped a way out could be found"
          (said: a hope voiced, as the block's own "hope for" patterns code an optimistic comment, 013; one who hopes
          another party will act asks it, and has a target)."""
        if c.code == _BARE_INTENT:
            return _NOTHING if len(sources) == 1 and _wants_a_deed_of_its_own(v) and not self._intends_an_act(v) else ""
        if c.code == _BARE_INQUIRY:
            return _SAID if _weighs_an_idea(v) else ""
        if c.code == _BARE_DISAPPROVAL:
            return _SAID if not self._intends_an_act(v) else ""
        if c.code == _BARE_APPEAL and c.pattern.split(":")[0] == _WISHING_BLOCK:
            return _SAID
        if c.code == _BARE_CONSULT:
            if (c.pattern.split(":")[0] in _TRAVEL_BLOCKS and not _for_an_occasion(v)
                    and not self._named_places(c, {s.key for s in sources})):
                return _NOTHING  # "soldiers went from house to house": a trip with no one to meet and nowhere named
            alone = len(sources) == 1 and not sources[0].plural
            return _NOTHING if alone and not c.place_groups and not _for_an_occasion(v) else ""
        return ""

    def _intent_of_no_act(self, v: Token, group: list[int]) -> bool:
        """The bare intent (030) of a verb with no object of its own, whose target is only the object of its own
        infinitive, a deed the sentence codes as no act ("plans to hire 5,000 teachers", "decided to buy two
        ferries"): the one intended is no partner, and nothing is coded (as with no target, :meth:`_empty_default`)."""
        comps = [c for c in kids(v) if c.dep_ == "xcomp"]
        if not comps or not group or any(c.dep_ in ("dobj", "dative") for c in kids(v)):
            return False
        inside = {t.i for c in comps for t in c.subtree}
        if not all(i in inside for i in group):
            return False
        # (an infinitive that names an act keeps the intent, unless that act is itself coded as intended: "plans to
        # send troops to X" is the sending's intent, 0332, and the bare one would aim at the troops)
        return not self._intends_an_act(v) or bool(inside & self.intended)

    def _named_places(self, c: Candidate, exclude: set[str]) -> list[Participant]:
        """The named towns, states or regions of the act's place phrases ("struck targets in X", "flew to X")."""
        return [a for a in self._actors(c.place_groups, None, exclude) if a.named and a.etype in _PLACE_TYPES]

    def _intends_an_act(self, v: Token) -> bool:
        """A typed act of the sentence, other than a bare intent of its own, is what the verb's complement or object
        names ("pledged to work with X", "offered talks")."""
        return any(t.i in self.typed_triggers for c in kids(v) if c.dep_ in ("xcomp", "ccomp", "dobj") for t in c.subtree)

    def _mutual(self, c: Candidate, tok: Token) -> bool:
        """The act is one of both sides: a mutual code (``event_reciprocal.tsv``), a paired pattern ("[193:193]"), or a
        verb whose object is "each other". A verb coded by its default whose block is a stance one party takes
        (``event_stance_blocks.tsv``: "backed the resolution") is no mutual act by its code alone."""
        stance = c.kind == "verb" and c.pattern.endswith(":verb") and c.pattern.split(":")[0] in knowledge().stance_blocks
        return bool(c.code in self.reciprocal and not stance or (c.reverse and c.reverse == c.code)
                    or (c.kind == "verb" and reciprocal_object(tok)))

    def _named_agent(self, c: Candidate) -> bool:
        """The parse gives the verb an agent that is a noun (whether or not it is an actor), or an adjective standing for
        one ("the last of the ferries", "the wounded"): its subject is not lost."""
        return bool(c.kind == "verb" and c.source_groups and self.doc[c.source_groups[0][0]].pos_ in ("NOUN", "PROPN", "ADJ"))

    def _non_actor_agent(self, c: Candidate) -> bool:
        """The parse names the act's agent, and it is neither an actor, a pronoun nor an instrument."""
        if not self._named_agent(c):
            return False
        head = self.doc[c.source_groups[0][0]]
        kb = knowledge()
        return head.lemma_.lower() not in kb.instruments and head.lower_ not in kb.instruments and not kb.is_weapon_fire(head)

    def _in_words(self, v: Token, c: Candidate) -> bool:
        """The verb's act happens in speech: a phrase of it names a channel or occasion of speech, or its object is a
        thing attacked only in words (``event_verbal_settings.tsv``: "in a speech", "on social media", "during a
        debate"; "the new law", "the minister's remarks")."""
        kb = knowledge()
        settings = kb.verbal_settings
        if ((c.code or c.reverse)[:2] in _ASSAULT_ROOTS and c.pattern.split(":")[0] in kb.verbal_attack_blocks
                and any(o.dep_ in ("dobj", "nsubjpass") and OBJECT_SETTING in settings.get(o.lemma_.lower(), ()) for o in kids(v))):
            # "blasted the new law", "the plan was attacked": a thing attacked only in words, by a verb of assault whose
            # dictionary block codes attacks in words (knowledge.verbal_attack_blocks); not "broke the law", "took measures"
            return True
        stack = list(kids(v))  # the verb's own phrases, also where the parser hung them on an object ("X over Y in a speech")
        while stack:
            tok = stack.pop()
            if tok.dep_ in _CLAUSE_DEPS:
                continue
            if tok.dep_ == "pobj" and tok.head.lower_ in settings.get(tok.lemma_.lower(), ()):
                return True
            stack.extend(kids(tok))
        return False

    def _won_in_contest(self, c: Candidate) -> bool:
        """A verb of force (CAMEO 17-20) with a phrase of its own that names a contest decided by votes
        (``event_contests.tsv``: "in the run-off", "by a wide margin"): it tells who won or lost, no act. A game's
        score after any verb tells a result whatever the verb ("stunned the hosts 2-1", "edged their rivals 3-2"),
        unless the verb goes on to a clause, as a tally of votes does ("voted 7-2 to ban the rally")."""
        if c.kind != "verb":
            return False
        v = self.doc[c.trigger]
        if _score_after(v) and not any(k.dep_ in _DECIDED_DEPS for k in kids(v)):
            return True
        if v.dep_ in ("advcl", "conj") and _score_after(v.head) and v.head.i < v.i and v.head.lemma_.lower() not in _VOTING:
            return True  # "beat the hosts 2-0 to go top", "won 3-1 and advanced": what the result led to is the game's
            # (what a tally of votes carried is the body's act: "voted 5-2 to suspend the principal")
        if any(_score_at(self.doc, g[0] + 1) for g in (*c.source_groups, *c.target_groups) if g):
            return True  # a headline the parser reads wrong still writes the score after a side ("X Stun Y 2-1 ...")
        if (c.code or c.reverse)[:2] not in FORCE_ROOTS:
            return False
        contests = knowledge().contests
        for prep in kids(v):
            if prep.dep_ != "prep":
                continue
            for g in kids(prep):
                if g.dep_ != "pobj":
                    continue
                # the noun, its lemma, or it with the one or two words before it ("run-off", "by-election" are three
                # tokens; "leadership contest" two)
                names = {g.lemma_.lower(), *(self.doc[max(g.i - k, 0) : g.i + 1].text.lower() for k in range(3))}
                if any(prep.lower_ in contests.get(n, ()) for n in names):
                    return True
        return False

    def _of_disaster(self, c: Candidate, sources: list[Participant], speaker: Participant | None) -> bool:
        """The act's agent, or the agent of the verb that brought it about ("floods forced residents to leave"), is a
        disaster of the agents dictionary, or what an act of force is used against is one ("battled a wildfire"); or
        the act is help (aid or material cooperation, or the intent of it) given in a disaster or a mishap
        (``_help_in_mishap``), unless the help crosses a border: relief one state or its body sends to another country
        is an act between them (CAMEO 07, as GDELT codes foreign relief), the disaster only its occasion."""
        if c.kind != "verb":
            return False
        v = self.doc[c.trigger]
        for _ in range(3):
            for s in kids(v):
                if s.dep_ in ("nsubj", "csubj") and is_hazard(noun_phrase(self.doc, s)):
                    return True
                if s.dep_ == "agent" and any(is_hazard(noun_phrase(self.doc, g)) for g in kids(s) if g.dep_ == "pobj"):
                    return True  # "farmers hit by the drought"
                if (v.i == c.trigger and s.dep_ == "dobj" and (c.code or c.reverse)[:2] in FORCE_ROOTS
                        and is_hazard(noun_phrase(self.doc, s))):
                    return True  # force against nature ("crews battled a wildfire", "fought the floods"): no party is fought
            if v.dep_ not in ("xcomp", "ccomp", "advcl", "conj") or v.head is v:
                break
            v = v.head
        # help given in a disaster is the disaster's story, not a political act (evacuating, sheltering, sending relief)
        v = self.doc[c.trigger]
        root = (c.code or c.reverse)[:2]
        if root == _INTENT_ROOT:
            # an offer or a promise of help in a disaster ("offered to assist with the evacuation") is the disaster's as
            # the help is: the promised act's own words tell it (its infinitive, or the verb coded as its intent)
            helping = ([v] if c.pattern.endswith(PROMISED) else []) + [x for x in kids(v) if x.dep_ == "xcomp"]
            return any(self._help_in_mishap(x) for x in helping) and not self._across_border(c, sources, speaker)
        if root not in _HELPING_ROOTS:
            return False
        return self._help_in_mishap(v) and not self._across_border(c, sources, speaker)  # (whom it goes to, read only in a disaster)

    def _help_in_mishap(self, v: Token) -> bool:
        """Help (verb ``v``) whose own clauses tell of a disaster ("medics moved the patients of a clinic out while the
        quake went on", "troops rescued hundreds after floods swept the valley") or of a mishap ("helped after the
        ferry capsized"; the mishap's verb with no object of its own), that is given in rescue work in a sentence that
        names a mishap ("helped in the rescue", "assisted with the evacuation": ``event_rescue_work.tsv``), or whose
        recipients are told as the disaster's (relief to hamlets a flood has isolated)."""
        kb = knowledge()
        clauses = [k for k in kids(v) if k.dep_ in ("ccomp", "advcl", "conj", "parataxis")]
        if any(s.dep_ in ("nsubj", "csubj") and is_hazard(noun_phrase(self.doc, s)) for k in clauses for s in kids(k)):
            return True
        if any(k.lemma_.lower() in kb.mishaps and not any(o.dep_ == "dobj" for o in kids(k)) for k in clauses):
            return True
        if any(g.dep_ == "pobj" and g.lemma_.lower() in kb.rescue_work
               for p in kids(v) if p.dep_ == "prep" and p.lower_ in ("in", "with", "during") for g in kids(p)) and self._tells_of_mishap(v):
            return True
        return any(g.dep_ == "pobj" and is_hazard(noun_phrase(self.doc, g))
                   for t in v.subtree if t.dep_ == "acl" and t.tag_ == "VBN" for a in kids(t) if a.dep_ == "agent" for g in kids(a))

    def _tells_of_mishap(self, v: Token) -> bool:
        """The verb's sentence names an accident, a mishap or a disaster (``event_accidents.tsv``, a disaster of the
        agents dictionary): rescue work there is that mishap's ("helped in the rescue after the landslide"), where a
        rescue of hostages or an evacuation under shelling is not."""
        kb = knowledge()
        sent = sentence_of(v)
        return any(t.lemma_.lower() in kb.mishaps for t in sent) or is_hazard(sent)

    def _across_border(self, c: Candidate, sources: list[Participant], speaker: Participant | None) -> bool:
        """A source of one country gives to a target of another ("a Kuwaiti charity flew food to Sudan")."""
        ours = {s.country for s in sources if s.country}
        if not ours:
            return False
        targets, _ = self._actors_in(c.target_groups, speaker, {s.key for s in sources})
        return any(t.country and t.country not in ours for t in targets)

    def _befell_in_mishap(self, c: Candidate, measure: bool = False) -> bool:
        """An act of force named by a verb whose setting is an accident, the weather or a natural death
        (``event_accidents.tsv``, or a disaster of the agents dictionary): its "in" / "during" / "after" / "amid" /
        "at" / "of" / "from" phrase ("killed in a crash", "died after three days of heavy rain", read through a span of
        time; "died at 91", an age), its "when" / "as" / "after" clause ("killed when a tree fell on his car during a
        storm") or its subject ("a crash killed four") holds one. Read only when the act names no doer: a named doer did it whatever the weather.
        With ``measure``, the act is a measure taken against such a setting (a curfew or a state of emergency), read
        through the same phrases and clauses and an "over" phrase ("over the floods")."""
        if c.kind != "verb" or (c.code or c.reverse)[:2] not in FORCE_ROOTS and not measure:
            return False
        preps = _MISHAP_PREPS | {"over"} if measure else _MISHAP_PREPS
        kb = knowledge()
        v = self.doc[c.trigger]

        def mishap(t: Token) -> bool:
            # a verb of the table is a mishap used intransitively ("the boat capsized", "the roof collapsed"); with an
            # object it is an act ("gunmen stormed the bank", "troops crushed the revolt"); a thing someone set or
            # caused is theirs ("a fire set by rioters", "a crash caused by a drunk driver")
            if any(a.dep_ == "acl" and any(g.dep_ == "agent" for g in kids(a)) for a in kids(t)):
                return False
            if t.lemma_.lower() in kb.mishaps:
                return t.pos_ != "VERB" or not any(k.dep_ == "dobj" for k in kids(t))
            if (t.pos_ == "NOUN" and t.lemma_.lower() not in kb.nouns
                    and any(k.dep_ in ("compound", "amod") and k.lemma_.lower() in kb.mishap_causes for k in kids(t))):
                return True  # "a gas explosion", "a boiler blast" (not "a tear gas attack", an act noun): an accident
            return t.pos_ in ("NOUN", "PROPN") and is_hazard(noun_phrase(self.doc, t))

        def setting(g: Token) -> bool:  # the phrase's noun, or what a span of time is "of" ("after three days of rain")
            return mishap(g) or (is_time(g) or g.lemma_.lower() in _SPAN_NOUNS) and any(
                p.dep_ == "prep" and p.lower_ == "of" and any(h.dep_ == "pobj" and mishap(h) for h in kids(p)) for p in kids(g))

        first = v
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head  # ("..., killing two and | injuring five")
        if not measure and first.dep_ == "advcl" and first.tag_ == "VBG" and first.i > first.head.i and mishap(first.head):
            return True  # "a light aircraft crashed into a hillside, killing the pilot": what the mishap did, no one's act
        heads = [v] + [k for k in kids(v) if k.dep_ == "conj" and k.tag_ == "VBN"]
        if measure:  # (or hung on the measure itself: "a state of emergency | as fires spread", "a curfew | over the floods")
            heads += [k for k in kids(v) if k.dep_ == "dobj"]
        for w in heads:
            for k in kids(w):
                if k.dep_ == "prep" and k.lower_ in preps and any(g.dep_ == "pobj" and setting(g) for g in kids(k)):
                    return True
                if not c.code and k.dep_ == "prep" and k.lower_ == "at" and any(g.dep_ == "pobj" and g.like_num for g in kids(k)):
                    return True  # "died at 91": an age, a natural death (a verb of dying, whose subject only undergoes it)
                if k.dep_ in ("nsubj", "csubj") and mishap(k):
                    return True
                if is_when_clause(k) and any(mishap(t) for t in k.subtree):
                    return True
        if not any(is_when_clause(k) for w in heads for k in kids(w)):
            # a "when" clause the parser tore off the verb ("... were killed | when a bus travelling from X to Y
            # plunged into a ravine, officials said": the clause hung on the report): read by the words after the mark
            end = sentence_of(v).end
            if end < len(self.doc) and not self.doc[end - 1].is_punct:
                end = sentence_of(self.doc[end]).end  # a sentence the parser cut off mid-way ("... to Dera | Ghazi Khan ...")
            mark = next((t for t in self.doc[v.i + 1 : end] if t.lower_ in WHEN_MARKS and t.dep_ in ("advmod", "mark")), None)
            if mark is not None and any(mishap(t) for t in self.doc[mark.i + 1 : end]):
                return True
        return False

    def _vetoed(self, act: _Act, probs: Any, undergone_only: bool = False) -> bool:
        """The classifier finds this type unlikely here and no event the likeliest reading of the sentence (see
        VETO_TYPE_MIN): a sentence it reads as some other event keeps the dictionary's coding.

        An act coded only from the one who underwent it (``undergone_only``: a verb whose subject undergoes the act,
        "eight miners died", and no doer named) needs more: the classifier must read the sentence as that act at
        least as likely as no event, because the dictionary codes every such death or loss as an act of force
        whatever caused it (a flooded shaft, a collapsed roof). Acts with a named doer, or named by a noun or a
        passive ("the trial of six ministers", "two were arrested"), are judged as before. Measured on the tune
        halves only: one accident snippet no longer coded, no event snippet or dev sentence lost."""
        if self.clf is None or probs is None or act.p_type is None:
            return False
        p_none = float(probs[self.clf.index["NONE"]])
        if undergone_only and act.p_type < p_none:
            return True
        return act.p_type < VETO_TYPE_MIN and p_none >= float(probs.max()) and p_none >= VETO_NONE_MIN


_DECIDED_DEPS = frozenset({"xcomp", "ccomp"})  # what a vote or a ruling by a tally decides ("voted 5-4 to", "ruled 6-3 that")


_CIRCUMSTANCE_PREPS = frozenset({"despite", "amid", "amidst", "notwithstanding"})


def _in_circumstance(tok: Token) -> bool:
    """``tok`` is the object of a preposition of circumstance, or of a noun conjoined with one ("despite X and Y")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in _CIRCUMSTANCE_PREPS


_SCORES_KEY = "newsevents.events.scores"
_DASHES = ("-", "\u2013")


# A score's three tokens are adjacent, each separated from the next by at most the one space a token keeps: text
# with no digit, dash, digit so spaced holds no score (most articles), and its words are not read at all.
_SCORE_IN_TEXT = re.compile(r"\d ?[-\u2013] ?\d")


def _score_starts(doc: Doc) -> list[int]:
    """Where a game's score starts in the doc (``_score_at``), found in one pass over its words, once per doc: asked
    per trigger and per slot, token by token, it made ~70 Tokens a sentence."""
    def build() -> list[int]:
        if _SCORE_IN_TEXT.search(doc_text(doc)) is None:
            return []
        words = [t.text for t in doc]
        digit = [w.isdecimal() and len(w) <= 2 for w in words]
        return [i for i in range(len(words) - 2) if digit[i] and words[i + 1] in _DASHES and digit[i + 2]]
    return per_doc(doc, _SCORES_KEY, build)


def _score_at(doc: Doc, i: int) -> bool:
    """A game's score starts at token ``i``: two numbers of one or two digits joined by a dash ("2-1")."""
    starts = _score_starts(doc)
    k = bisect_left(starts, i)
    return k < len(starts) and starts[k] == i


def _score_after(v: Token) -> bool:
    """A game's score after the verb and in its phrase: two small numbers joined by a dash ("beat the visitors 2-0",
    "won 3-1"), not a range counting what follows it ("killed 20-30 people")."""
    doc = v.doc
    starts = _score_starts(doc)
    if not starts or starts[-1] <= v.i:
        return False
    end = sentence_of(v).end
    for i in starts[bisect_right(starts, v.i) :]:
        if i >= end - 2:
            break
        a, b = doc[i], doc[i + 2]
        after = doc[i + 3] if i + 3 < end else None
        counting = after is not None and after.pos_ in ("NOUN", "ADJ", "PROPN") and (b.head.i == after.i or a.head.i == after.i)
        if not counting and v.i in {t.i for t in b.ancestors} | {t.i for t in a.ancestors}:
            return True
    return False


_MISHAP_PREPS = frozenset({"in", "during", "after", "amid", "following", "at", "of", "from"})  # phrases that set an act in a mishap
_SPAN_NOUNS = frozenset({"day", "week", "hour", "night", "month", "spell", "period", "bout"})  # "three days of rain"


# Sectors of the unnamed bodies that move in numbers (forces, fighters, the displaced, crowds): where many of them go,
# they move there, no visit is paid (CAMEO 042 is a visit by a party's representatives)
_MOVING_SECTORS = frozenset({"MIL", "REB", "UAF", "INS", "REF", "CVL", "CRM", "COP"})


def _moving_body(p: Participant) -> bool:
    """An unnamed plural actor of :data:`_MOVING_SECTORS` ("troops", "refugees", "fighters"), not a named party."""
    return p.plural and not p.named and p.entity is None and p.sector in _MOVING_SECTORS


def _a_town(actor: Participant, capitals: bool = False) -> bool:
    """A town or a city by name (no country, no capital, which stand for their states, nor a region): a place, which
    does no violence; a sentence that names one where its act happened may have the parser make it the doer. With
    ``capitals``, a capital too (where a meeting named after it took place)."""
    if not actor.named or actor.etype not in ("GPE", "LOC", "FAC"):
        return False
    if capitals:  # (a capital's actor is its state: the words written name the city)
        place = places().get(norm(actor.text))
        if place is not None and place.kind == "capital":
            return True
    place = places().get(norm(actor.canonical or actor.text))
    return place is not None and place.kind == "city"


def _determined(n: Token) -> bool:
    """The noun has an article or a possessor: a particular act ("during a rally"), not a manner ("in protest")."""
    return any(k.dep_ in ("det", "poss") for k in kids(n))


# What an inquiry into no one looks into: an accident or a disaster (event_accidents.tsv's mishaps, the hazards of
# participants.is_hazard), a fire or a blast, or the cause or circumstances of one ("investigating the cause of the
# blaze"). An inquiry into crimes, abuses or corruption looks into someone's conduct, named or not, and stays coded.
_INQUIRY_MISHAPS = frozenset({"fire", "blaze", "explosion", "blast", "incident", "outage", "leak", "spill", "fall"})
_INQUIRY_FRAMES = frozenset({"cause", "causes", "circumstances", "origin"})


def _a_mishap(tok: Token) -> bool:
    """``tok`` names an accident, a disaster or a fire, or the cause of one."""
    if tok.lemma_.lower() in _INQUIRY_FRAMES:
        tok = next((g for c in kids(tok) if c.dep_ == "prep" and c.lower_ == "of" for g in kids(c) if g.dep_ == "pobj"), tok)
    low = tok.lemma_.lower()
    return (tok.pos_ == "NOUN" and (low in knowledge().mishaps or low in _INQUIRY_MISHAPS)
            or is_hazard(tok.doc[tok.i : tok.i + 1]))


def _own_code(c: Candidate) -> str:
    """The default code of a verb candidate's own dictionary entry (not its pattern's); "" for a noun or a verb of none."""
    if c.kind != "verb":
        return ""
    codes = knowledge().verb_codes(c.lemma, alone=True)
    return codes[0] if codes else ""


_GIVING_DEFAULT = "GRANT:verb"  # give, issue, provide, grant ... coded by their block's default (060)
_GOING_DEFAULT = "GO_SOMEWHERE:verb"  # go, come ... coded by their block's default (040)
_ARRANGING_DEFAULT = "COORDINATE:verb"  # organise, orchestrate, coordinate ... coded by their block's default (050)
_LIGHT_DEFAULTS = frozenset({_GIVING_DEFAULT, _GOING_DEFAULT, _ARRANGING_DEFAULT})


_INTENT_TO_MEET = "036"  # CAMEO: express intent to meet or negotiate
_TRAVEL_BLOCKS = ("ARRIVE", "GO_SOMEWHERE", "FLY", "VISIT")  # the dictionary's verbs of going somewhere


def _meeting_or_visit(code: str) -> bool:
    """A code of meeting or visiting (CAMEO 04) or of an intent to meet (036): what a journey is coded as."""
    return code[:2] == "04" or code[:3] == _INTENT_TO_MEET


def _giving_default(v: Candidate) -> bool:
    """A verb of giving coded by its block's default: with an act noun as object it is a light verb ("gave a flat
    rejection", "issued a condemnation of X"), whatever its default's type; so is a verb of going coded by its block's
    default ("went on strike", "went on a hunger strike": the going is no visit), and a verb of arranging ("organised a
    march", "orchestrated a boycott": those who arrange an act hold it; their block's default, 050, read an assent)."""
    return v.kind == "verb" and v.pattern in _LIGHT_DEFAULTS


def _acts_upon_noun(v: Candidate) -> bool:
    """The verb does something to its event-noun object rather than name it: it assents to, answers, protests,
    restrains or strikes at the act (``_ASSENT_TYPES``, ``_RESPONSE_TYPES``, ``_PROTEST_TYPES``,
    ``_RESTRAINING_TYPES``): "protested the killing of a boy" is a protest, whoever did the killing."""
    plover = code_info(v.code or v.reverse).plover_type
    return plover in _ASSENT_TYPES | _RESPONSE_TYPES | _PROTEST_TYPES or (plover in _RESTRAINING_TYPES and v.code != _TAKING_CODE)


def _weighs_an_idea(v: Token) -> bool:
    """The verb's direct objects are all common nouns that name no act and no one and carry a clause of their own
    ("the idea of lowering the toll", "the chance that the dam had cracked", "a plan to raise fees"):
    what is looked into is an idea, not a deed, a thing ("inspect the facilities") or a party."""
    kb = knowledge()
    objects = [c for c in kids(v) if c.dep_ == "dobj"]
    return bool(objects) and all(o.pos_ == "NOUN" and o.lemma_.lower() not in kb.nouns and not kb.is_act_noun(o)
                                 and agent_actor(o.doc[o.i : o.i + 1], None) is None and _holds_a_clause(o) for o in objects)


def _holds_a_clause(n: Token) -> bool:
    """A noun with a clause of its own: an infinitive or a "that" clause ("a proposal to ...", "the possibility that
    ..."), or an "of" phrase of a gerund ("the possibility of restoring ...")."""
    return any(c.dep_ in ("acl", "relcl") and c.pos_ in ("VERB", "AUX") and (has_to(c) or any(
        m.dep_ == "mark" and m.lower_ == "that" for m in kids(c))) or c.dep_ == "prep" and c.lower_ == "of" and any(
        g.dep_ in ("pcomp", "pobj") and g.tag_ == "VBG" for g in kids(c)) for c in kids(n))


def _for_an_occasion(v: Token) -> bool:
    """The verb's phrase names an act it is for ("arrived on a three-day visit", "flew in for talks") or the place the
    dateline gives ("arrived here")."""
    kb = knowledge()
    return any(c.dep_ == "advmod" and c.lower_ == "here" or c.dep_ == "prep" and any(
        g.dep_ == "pobj" and g.lemma_.lower() in kb.nouns for g in kids(c)) for c in kids(v))


def _wants_a_deed_of_its_own(v: Token) -> bool:
    """The verb has an infinitive of its subject's own deed and no object ("wants to keep the talks friendly", "decided
    to repaint the bridge"); an offer of a thing ("offered what she termed a compromise") or of no deed named is left
    alone."""
    return any(c.dep_ == "xcomp" for c in kids(v)) and not any(c.dep_ in ("dobj", "dative") for c in kids(v))


def _answers_its_clause(act: _Act) -> bool:
    """A verb whose clausal complement is what it asks for, threatens or condemns, not a deed it reports; or what it
    lets someone do when it allows access ("allowed inspectors to visit the site": frames._access_allowed)."""
    return (act.plover in _ASKING_TYPES or (act.cand.code or act.cand.reverse).startswith(_CONDEMNING_CODE)
            or act.cand.pattern.endswith(ACCESS_PATTERN))


def _read_with_answered(answered: dict[int, _Act], by_trigger: dict[int, _Act]) -> None:
    """An act that asks for another ("called on X to lift the restrictions", "urged Y to release Z") is read by the
    classifier as likely as the act it asks for, if that is likelier: the sentence's words tell of both, and the
    classifier, trained on stories of acts done, reads the act asked for in them. Left alone, an appeal whose
    content is a concession or a release was vetoed or fell below the minimum confidence while the act asked for,
    which has not happened, is not published either (``code``): the sentence gave no event. In place."""
    for trigger, asking in answered.items():
        asked = by_trigger.get(trigger)
        if (asked is None or asking.plover != _REQUEST_TYPE or asking.p_type is None or asked.p_type is None
                or asked.plover in _CALLED_OUT_TYPES):
            continue
        asking.p_type = max(asking.p_type, asked.p_type)


def _answered(doc: Doc, acts: list[_Act]) -> dict[int, _Act]:
    """Triggers of acts that another act of the sentence answers, assents to or asks for: its object, prepositional
    object under a verb of :data:`_RESPONSE_TYPES` or :data:`_ASSENT_TYPES` ("condemned the killing of ...", "agreed
    to a truce"), or the clausal complement of a demand, threat or condemnation (:func:`_answers_its_clause`:
    "demanded that the troops leave", "condemned what it called a massacre"). The
    governing act is what the sentence reports first, so it ranks above the act it is about (which may never have
    happened). An assent's clause is left alone: "decided to inspect" reports the inspection as much as the decision.
    Each answered trigger maps to the act answering it."""
    out: dict[int, _Act] = {}
    for a in acts:
        if a.plover not in _RESPONSE_TYPES | _ASSENT_TYPES | _PROTEST_TYPES or a.reporting:
            continue
        v = doc[a.cand.trigger]
        inside: set[int] = set()
        if a.cand.kind != "verb":
            # an act noun's own grievance or request: "a plea to Y to release X", "a protest against the killing of X",
            # "calls for the release of X"
            for c in kids(v):
                if c.dep_ == "acl" and _answers_its_clause(a) or c.dep_ == "prep" and c.lower_ in _ANSWER_PREPS:
                    inside.update(t.i for t in c.subtree)
            if a.cand.governor is not None and _answers_its_clause(a) and v.dep_ == "dobj":
                # the infinitive the parser hung on the light verb instead ("made a plea to Y to release X")
                inside.update(t.i for c in kids(doc[a.cand.governor]) if c.dep_ in ("advcl", "xcomp") and c.i > v.i
                              and any(m.dep_ == "aux" and m.lower_ == "to" for m in kids(c)) for t in c.subtree)
        else:
            # (an infinitive the parser hung on an asking verb as an adverbial clause, "urged X to spare Y", is its
            # content too)
            # (so is the subject of a passive answer, what it is done to: "the jailing of X was condemned by Y"; a
            # passive assent's is the act itself, "the visit was planned to ...")
            clauses = ("ccomp", "xcomp", "advcl") if _answers_its_clause(a) else ()
            objects = ("dobj", "nsubjpass") if a.plover in _RESPONSE_TYPES | _PROTEST_TYPES else ("dobj",)
            for c in kids(v):
                if (c.dep_ in objects or c.dep_ in clauses
                        # "accused X of Y, saying Z": what the accuser goes on to say is the charge's grounds
                        or a.plover == _ACCUSE_TYPE and c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > v.i
                        and c.lemma_.lower() in _SAYING
                        or c.dep_ == "prep" and c.lower_ in _ANSWER_PREPS
                        or c.dep_ == "prep" and c.lower_ == "by" and a.plover == _ACCUSE_TYPE
                        and any(g.tag_ == "VBG" for g in kids(c))):  # "accused X of V-ing by W-ing": the charge's means
                    inside.update(t.i for t in c.subtree)
        out.update((b.cand.trigger, a) for b in acts if b is not a and b.cand.trigger in inside)
    return out


def _below_answering(records: list[dict[str, Any]], answered: dict[int, _Act]) -> list[dict[str, Any]]:
    """An answered act ranks below the act answering it, whatever the classifier makes of each: the fixed
    ``ANSWERED_PENALTY`` alone leaves an act noun the classifier reads readily ("condemned a visit to X by Y": the
    visit) above a condemnation whose words it reads less readily. Its records are capped just below the best
    record of the answering act; with no record of that act (it named no actor) the penalty alone stands. A protest
    called out by an appeal (``_CALLED_OUT_TYPES``: "urged its members to stage sit-ins") is not capped: the appeal is
    how the protest is announced, and coders code the protest; one that nobody is named to stage ("demanded that the
    government scrap the reform or face a general strike": what the government would face) is capped."""
    if not answered:
        return records
    best: dict[int, float] = {}
    for r in records:
        pos = r["action"]["_pos"]
        best[pos] = max(best.get(pos, 0.0), r["confidence"])
    for r in records:
        answering = answered.get(r["action"]["_pos"])
        if (answering is not None and answering.cand.trigger in best
                and not (answering.plover == _REQUEST_TYPE and r["plover_type"] in _CALLED_OUT_TYPES and _party(r["source"]))):
            r["confidence"] = min(r["confidence"], _less(best[answering.cand.trigger], 0.02))
    return records


def _protest_demands(doc: Doc, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What a protest demands or denounces is its content, not a second act that outranks it: a demand, an appeal or
    a denunciation made in an adverbial or coordinated clause of a protest's verb (or of the verb whose object is an
    act noun of protest), by the protesters or by no one named ("thousands gathered in the capital demanding higher
    prices", "workers marched and called for a raise", "formed a human chain to denounce the decree"), ranks just
    below the protest (the classifier reads the demand's words more readily than the gathering's)."""
    # (a gathering told only to describe the subject, "Relatives, gathered outside the offices, demanded ...", is no
    # protest whose content the demand is: _appositive_participle)
    protests = {r["action"]["_pos"]: r for r in records
                if r["plover_type"] == "PROTEST" and not _appositive_participle(doc[r["action"]["_pos"]])}
    if not protests:
        return records
    # an act noun of protest is the object of the verb the clause hangs on ("formed a human chain to denounce X")
    for pos, r in list(protests.items()):
        if doc[pos].dep_ == "dobj":
            protests.setdefault(doc[pos].head.i, r)
    for r in records:
        if r["plover_type"] not in _PROTEST_CONTENT_TYPES:
            continue
        tok = doc[r["action"]["_pos"]]
        protest = protests.get(tok.head.i) if tok.dep_ in ("advcl", "xcomp", "conj") else None
        if protest is None or _party(r["source"]) not in ("", _party(protest["source"])):
            continue
        r["confidence"] = min(r["confidence"], _less(protest["confidence"], 0.02))
    return records


def _taken(tok: Token) -> bool:
    """The word is what its verb acts on (its object, or the subject of its passive), not a recipient or a partner:
    "handed their weapons over to the peacekeepers" takes no peacekeepers."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("dobj", "nsubjpass")


def _hardware(tok: Token) -> bool:
    """An unnamed weapon, aircraft or ship (synsets &WEAPON, &AIRCRAFT, &VESSEL): the agents dictionary lists many as
    the military that uses them, which they stand for as doers and as what force is used on."""
    kb = knowledge()
    lemma = tok.lemma_.lower()
    # (an object only: a doer named in a "by" phrase, "manoeuvres by coast guard ships", is the force it stands for)
    return (tok.pos_ == "NOUN" and not tok.ent_type_ and tok.dep_ in ("dobj", "conj") and (lemma in kb.weapons or lemma in kb.vessels))


def _people(p: Participant) -> bool:
    """A named person, or people an agent noun counts ("three soldiers", "aid workers"): those who can be taken."""
    return p.etype == "PERSON" if p.named else p.plural


_BODY_HEADS = frozenset({"group", "unit", "team", "delegation", "gang", "crew", "family", "force", "mob", "crowd", "cell"})


def _one_person(tok: Token) -> bool:
    """A singular agent noun with "a" or "an" that names one person, not a body ("a British aid worker", "an American
    journalist"; not "a rebel group", "a militia", which the role gazetteer knows as a body)."""
    return (tok.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in kids(tok))
            and tok.lemma_.lower() not in _BODY_HEADS and role_words().get(tok.lemma_.lower(), (None, ""))[1] != "org")


def _party(actor: dict[str, Any] | None) -> str:
    return ((actor or {}).get("entity") or (actor or {}).get("text") or "").lower()


def _fullest_tellings(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One act told twice in a sentence, once without one of its parties ("X died after being shot by Y": the
    dying names no agent, the shooting does), is the act with both: a typed record that lacks its source (or
    target) is dropped when another of the same type names it with the same target (or source), and the fuller
    telling keeps the surer of the two confidences ("fired tear gas to disperse the students": the firing, the main
    clause, names no target; the dispersal names it)."""
    by_target: dict[tuple[str, str], list[dict[str, Any]]] = {}
    by_source: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for e in records:
        src, tgt = _party(e["source"]), _party(e["target"])
        if e["plover_type"] and src and tgt:
            by_target.setdefault((e["plover_type"], tgt), []).append(e)
            by_source.setdefault((e["plover_type"], src), []).append(e)
    if not by_target:
        return records
    out = []
    for e in records:
        src, tgt = _party(e["source"]), _party(e["target"])
        fuller: list[dict[str, Any]] = []
        if e["plover_type"] and not src:
            fuller = by_target.get((e["plover_type"], tgt), [])
        elif e["plover_type"] and not tgt:
            fuller = by_source.get((e["plover_type"], src), [])
        if fuller:
            for f in fuller:
                f["confidence"] = max(f["confidence"], e["confidence"])
            continue
        out.append(e)
    return out


def _main_clause(tok: Token) -> bool:
    if tok.dep_ == "ROOT":
        return True
    head = tok.head
    if tok.dep_ in ("conj", "ccomp", "parataxis", "xcomp") and head.dep_ == "ROOT":
        return True
    if tok.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and head.dep_ == "ROOT":
        return True  # a noun act that is the main verb's object or subject
    return False


def _clause_depth(tok: Token) -> int:
    """Subordinate clauses between ``tok`` and the root; a relative clause counts two (see :func:`_clause_score`)."""
    depth, cur = 0, tok
    for _ in range(12):
        if cur.head is cur:
            break
        if _background_step(cur) or _trailing_participle(cur):
            depth += 2  # (an act opposed, "warned X against deploying troops", is background to the warning as well)
        elif cur.dep_ in ("advcl", "acl", "pcomp"):
            depth += 1
        cur = cur.head
    return depth


def _background_step(cur: Token) -> bool:
    """``cur`` opens a clause or phrase of background to what its head reports: a relative clause (describing a
    party), what came before ("after the army withdrew", "after a week of shelling"), an act opposed, the occasion of
    a saying. Asked once per token and doc (:func:`~.slots.parse_memo`): every act of a sentence walks up through the
    same clauses."""
    memo = parse_memo(cur.doc, "background_step")
    found = memo.get(cur.i)
    if found is None:
        found = memo[cur.i] = _opens_background(cur)
    return found


def _opens_background(cur: Token) -> bool:
    return (cur.dep_ == "relcl" or _reduced_relative(cur) or (cur.dep_ == "advcl" and (_earlier_act(cur) or _meanwhile_act(cur)))
            or (cur.dep_ == "pcomp" and cur.head.lower_ == "against") or _earlier_phrase(cur) or is_purpose_infinitive(cur)
            or _occasion_of_saying(cur))


_SAYING = frozenset({"say", "tell", "add", "announce", "state", "declare", "note", "write"})


def _occasion_of_saying(cur: Token) -> bool:
    """A noun act that is where or when something was said ("..., the minister said during a visit to X", "told
    reporters at a meeting"): the occasion of the words, background to the act they report."""
    prep = cur.head
    return (cur.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ in ("during", "at", "on", "in")
            and prep.head.lemma_.lower() in _SAYING)


def _trailing_participle(cur: Token) -> bool:
    """A present participle after a comma that follows the verb it hangs on: it tells what came of the clause's act or
    how it was done ("eased sanctions, allowing transfers", "slapped tariffs, escalating a dispute"), counted as two
    clauses in the clause score; off the main line (:func:`_on_main_line`), it ranks below the clause's own typed act."""
    return cur.dep_ == "advcl" and cur.tag_ == "VBG" and cur.i > cur.head.i and cur.head.pos_ in ("VERB", "AUX") and after_comma(cur)


def _appositive_participle(tok: Token) -> bool:
    """A past participle (however tagged) set off by commas after the subject, which the parser made the main verb
    and the sentence's finite verb its conjunct with no "and" ("Relatives of the miners, gathered outside the offices,
    demanded ..."): a reduced relative describing the subject, background to the verb that follows."""
    if tok.dep_ != "ROOT" or tok.tag_ not in ("VBN", "VBD") or tok.i == 0 or tok.doc[tok.i - 1].text != ",":
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i for c in kids(tok)):
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in kids(tok)):
        return False  # "X, it seems, was arrested": a verb of its own
    verbs = [c for c in kids(tok) if c.dep_ == "conj" and c.tag_ in ("VBD", "VBZ", "VBP") and c.i > tok.i]
    return bool(verbs) and not any(c.dep_ == "cc" and c.i < verbs[0].i for c in kids(tok)) and tok.doc[verbs[0].i - 1].text == ","


def _in_background(tok: Token) -> bool:
    if _appositive_participle(tok):
        return True
    cur = tok
    for _ in range(12):
        if cur.head is cur:
            return False
        if _background_step(cur):
            return True
        cur = cur.head
    return False


def _below_foreground(doc: Doc, records: list[dict[str, Any]], floor: float = 0.0) -> list[dict[str, Any]]:
    """An act told as background (in a relative clause, in what came before, an act opposed: :func:`_background_step`;
    off the sentence's main line: :func:`_on_main_line`; or the condition another act is set on, or what a subjunctive
    says someone wants done: ``modality.is_condition``, ``is_subjunctive``) ranks below the sentence's best typed act
    told in the foreground, whatever the classifier makes of each; the clause score alone left a relative clause's
    burning above "the mayor visited the village whose houses were burned". With no typed act in the foreground (the
    main verb a statement) the background act keeps its rank, and so it does when the foreground's best act is below
    ``floor``, the confidence under which events are withheld: ranked under it, both would be withheld."""
    typed = [r for r in records if r["plover_type"]]
    if len(typed) < 2:
        return records
    behind = {pos: _in_background(doc[pos]) or not _on_main_line(doc[pos]) or is_condition(doc[pos]) or is_subjunctive(doc[pos])
              for pos in {r["action"]["_pos"] for r in typed}}
    fore = [r["confidence"] for r in typed if not behind[r["action"]["_pos"]]]
    if not fore or len(fore) == len(typed):
        return records
    top = max(fore)
    if top < floor + 0.02:
        return records  # (the foreground's act is itself below the publication floor: ranking it first would withhold both)
    for r in typed:
        if behind[r["action"]["_pos"]]:
            r["confidence"] = min(r["confidence"], _less(top, 0.02))
    return records


def _doer_key(record: dict[str, Any]) -> str:
    """Who did a record's act, as one record per act counts them: the entity, else the source's words ("" for none)."""
    return record["source"].get("entity") or record["source"]["text"].lower()


def _in_told_order(doc: Doc, records: list[dict[str, Any]], floor: float = 0.0) -> list[dict[str, Any]]:
    """Acts one doer did in coordinated verbs ("rescued 40 migrants and arrested two smugglers", "torched two cars and
    stoned the station") rank in the order told: the later conjunct is capped just below the earlier one, whatever
    the classifier makes of the sentence as a whole. A sentence's first codeable action is the one its coders code;
    so is an act on someone before a clause of the pair it names ("X met Y, and the two sides discussed trade", see
    :func:`_pair_subject`); acts of other different doers, or not coordinated, keep their rank, and so does a later act when the earlier one is
    below ``floor``, the confidence under which events are withheld (capped under it, both would be withheld)."""
    typed = [r for r in records if r["plover_type"]]
    if len(typed) < 2:
        return records
    by_pos: dict[int, list[dict[str, Any]]] = {}
    for r in typed:
        by_pos.setdefault(r["action"]["_pos"], []).append(r)
    for pos in sorted(by_pos):
        tok = doc[pos]
        if tok.dep_ != "conj" or tok.pos_ != "VERB" or tok.head.i not in by_pos or tok.head.pos_ != "VERB":
            continue
        first = by_pos[tok.head.i]
        for r in by_pos[pos]:
            # (an earlier act on no one named gives way to a later one on someone: "raided the offices and detained
            # 11 journalists" is told for the detention)
            doer = _doer_key(r)
            earlier = [f["confidence"] for f in first if doer and _doer_key(f) == doer and (f["target"] is not None or r["target"] is None)]
            if not earlier and _pair_subject(tok):
                # "X met Y, and the two sides discussed trade": the pair the first act names goes on together
                earlier = [f["confidence"] for f in first if f["target"] is not None]
            if earlier and r["confidence"] >= max(earlier) and max(earlier) >= floor + 0.02:
                r["confidence"] = _less(max(earlier), 0.01)
    return records


def _pair_subject(verb: Token) -> bool:
    """The verb's subject names two parties together ("the two sides", "both leaders", "both"): a pair the sentence
    has named before."""
    for subj in kids(verb):
        if subj.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if subj.lower_ == "both" or any(c.lower_ in ("two", "both") and c.dep_ in ("nummod", "det", "predet", "amod")
                                         for c in kids(subj)):
            return True
    return False


_MAIN_LINE_STEPS = frozenset({"conj", "xcomp", "ccomp", "parataxis", "acomp", "prep", "agent"})
_ARGUMENT_STEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "oprd", "dative", "compound"})
# prepositions of a phrase that sets the act in time or circumstance: what is named there is the occasion, not the news
_OCCASION_PREPS = frozenset({"during", "amid", "amidst", "since", "after", "before", "following", "despite", "throughout",
                             "ahead", "prior"})


def _on_main_line(tok: Token) -> bool:
    """The act's word hangs on the root through the sentence's chain of verbs (coordinated, complement and reported
    clauses) and their arguments, prepositional ones included, only: a news sentence reports its act there. An act
    reached through a modifying clause (adverbial, adjectival, relative), a gerund a preposition governs ("by cutting
    off supplies", "with one member abstaining"), or a phrase of time or circumstance ("during a visit", "amid
    talks", "ahead of the vote") is the act's occasion, manner or consequence, told as background. Measured on the
    tune halves: blind gold-style records .927 -> .951, wild-feed .836 -> .869, blind snippets .935 -> .957; the CAMEO
    dev tune half lost one sentence whose coders coded the act of a "since" phrase (.765 -> .735), the held-out
    stories one of 490."""
    cur = tok
    for _ in range(12):
        if cur.dep_ == "ROOT" or cur.head is cur:
            return True
        dep = cur.dep_
        if dep == "pcomp" and cur.tag_ == "VBG":
            return False
        if dep in ("pobj", "pcomp") and cur.head.dep_ in ("prep", "agent"):
            if cur.head.lower_ in _OCCASION_PREPS:
                return False
        elif dep == "prep" and cur.lower_ in _OCCASION_PREPS:
            return False
        elif not (dep in _MAIN_LINE_STEPS or dep in _ARGUMENT_STEPS and cur.pos_ in ("NOUN", "PROPN")):
            return False
        cur = cur.head
    return False


_EARLIER_MARKS = frozenset({"after", "since", "following", "once"})


def _earlier_act(clause: Token) -> bool:
    """An adverbial clause of what happened before the main clause's act ("after the army withdrew", "since rebels
    took the town"): the setting the sentence reports its news against, ranked as a relative clause is."""
    return any(c.dep_ in ("mark", "prep", "advmod") and c.lower_ in _EARLIER_MARKS for c in kids(clause))


# Verbs of an order given by one with the power to give it: the act noun they take as object is done by the one who
# orders it ("a judge ordered the confiscation of her farm", "a mayor ordered the closure of two markets"), as
# PETRARCH2 codes "ordered the arrest of X" (the arrest, 173), not the bare order (100); so is an act an authority
# approves or authorises by its bare default ("the council approved sanctions on X": the council's sanctions), a
# pattern of the verb still coding its own pairs ("approved a loan", 0311)
_ORDERING = frozenset({"order", "approve", "authorise", "authorize"})


_FORBIDDING_BLOCK = "PROHIBIT"  # the dictionary's verbs of forbidding: ban, forbid, outlaw, prohibit


def _forbidden(noun: Token, triggers: set[int]) -> bool:
    """``noun`` is what a coded verb of forbidding (:data:`_FORBIDDING_BLOCK`) forbids, as its object or its passive
    subject ("banned the opposition's rallies", "the march was banned"): the act forbidden has not happened; the
    ban is aimed at who would have done it (its owner, ``frames.owner_groups``)."""
    v = noun.head
    return (noun.dep_ in ("dobj", "nsubjpass") and v.i in triggers and v.pos_ == "VERB"
            and knowledge().verb_in_block(v.lemma_.lower(), _FORBIDDING_BLOCK))


def _ordered(noun: Token) -> bool:
    """``noun`` is the object of a verb of ordering (:data:`_ORDERING`)."""
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in _ORDERING and noun.pos_ == "NOUN"


# Nouns of a party's share in an act: whose role, involvement or part in an act is told did the act, by the one who
# bears the claim or the charge ("is sued over her part in a kidnapping", "said it had no hand in the
# coup"); the field's coders name that party as the act's source
_SHARE_NOUNS = frozenset({"role", "involvement", "part", "complicity", "participation"})


def _share_in(noun: Token) -> Token | None:
    """The noun of a share in the act noun ``noun`` ("role" in "his role in the abduction"), or None."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.dep_ != "prep":
        return None
    share = prep.head
    return share if share.lemma_.lower() in _SHARE_NOUNS and share.pos_ == "NOUN" else None


# Nouns whose "by" or "from" phrase names the party an act answers: what is said or written, for a rejection or a
# disapproval (11, 12: "rejected as untrue a report by X" -> X); pressure, for a concession (08: "resigned after a
# strike by X" -> X)
_CLAIM_NOUNS = frozenset({"report", "claim", "accusation", "allegation", "statement", "remark", "comment", "assertion",
                          "charge", "criticism", "resolution"})
_PRESSURE_NOUNS = frozenset({"pressure", "protest", "demand", "strike", "campaign", "call", "outcry", "revolt"})
_MAKER_NOUNS = {"11": _CLAIM_NOUNS, "12": _CLAIM_NOUNS, "08": _PRESSURE_NOUNS}


def _makers_in_phrases(v: Token, nouns: frozenset[str]) -> list[list[int]]:
    """Who a noun of ``nouns`` in the verb's own phrases (not its subject) names by its "by" or "from" phrase, as slot
    groups: who made the claim a rejection answers, or who pressed for a concession (:data:`_MAKER_NOUNS`)."""
    subject = {t.i for c in kids(v) if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    return [[g.i] for t in v.subtree if t.i not in subject and t.pos_ == "NOUN" and t.lemma_.lower() in nouns
            for prep in kids(t) if prep.dep_ == "prep" and prep.lower_ in ("by", "from")
            for g in kids(prep) if g.dep_ == "pobj"]


_MEANWHILE_MARKS = frozenset({"as", "while"})


def _meanwhile_act(clause: Token) -> bool:
    """A finite clause of what others did meanwhile ("marched on the parliament as ministers met inside", "shelled the
    port while talks went on"): the setting of the main clause's act, ranked as an earlier act is. Only with a subject
    of its own other than the main clause's ("left the talks as he had threatened" is the doer's own manner)."""
    if not any(c.dep_ == "mark" and c.lower_ in _MEANWHILE_MARKS for c in kids(clause)):
        return False
    subj = next((c for c in kids(clause) if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ == "PRON":
        return False
    main = next((c for c in kids(clause.head) if c.dep_ in ("nsubj", "nsubjpass")), None)
    return main is None or main.lower_ != subj.lower_


def _claimed_acts(doc: Doc, cands: list[Candidate]) -> dict[int, list[list[int]]]:
    """The words of the acts a sentence's claims of responsibility name (CAMEO 015), each mapped to the claimants'
    slot groups: the claimed act is theirs (``_SentenceCoder._sources``), and so is what it did ("the attack, which
    killed 12"). A claimed act is one the coder reads as an act (a noun candidate, an act noun of force) or a blast;
    a claim of a fault ("responsibility for the outage") claims no deed. Such a claim, or a bare one ("claimed
    responsibility"), also maps the triggers of the sentence's verbs of force: the sentence tells the act it claims
    ("a car bomb killed four ..., and X claimed responsibility for the blast"), and the claimants are its doers where
    the verb names none of its own (an instrument, or no agent)."""
    nouns = {c.trigger for c in cands if c.kind == "noun"}

    def an_act(tok: Token) -> bool:
        return (tok.i in nouns or tok.lemma_.lower() in BLASTS
                or any(e.code[:2] in _ASSAULT_ROOTS for e in knowledge().nouns.get(tok.lemma_.lower(), ())))

    out: dict[int, list[list[int]]] = {}
    for claim in (c for c in cands if c.kind == "verb" and c.code == _CLAIM_CODE):
        told = [g for g in claim.target_groups if doc[g[0]].lemma_.lower() != _RESPONSIBILITY]
        acts = [g for g in told if an_act(doc[g[0]])]
        for group in acts:
            for i in group:
                out[i] = claim.source_groups
        if acts or not told and claim.target_groups:  # (a bare claim: its one group is "responsibility")
            for c in cands:
                if c.kind == "verb" and c is not claim and (c.code or c.reverse)[:2] in _ASSAULT_ROOTS:
                    out.setdefault(c.trigger, claim.source_groups)
    return out


def _earlier_phrase(tok: Token) -> bool:
    """A phrase of what happened before a verb's act ("appealed for help | after a wave of strikes", "resigned |
    following the raid"): the setting, ranked as an earlier clause is (:func:`_earlier_act`)."""
    return tok.dep_ == "prep" and tok.lower_ in _EARLIER_MARKS and tok.head.pos_ in ("VERB", "AUX")


def _reduced_relative(tok: Token) -> bool:
    """A participle clause on a noun ("leaders meeting in X", "troops stationed near Y"): a relative clause without
    its pronoun, describing the party as one does; an infinitive on a noun ("plans to strike") is its content."""
    if tok.tag_ not in ("VBG", "VBN"):
        return False
    if tok.dep_ == "acl":
        return tok.head.pos_ in ("NOUN", "PROPN", "PRON")
    return tok.dep_ in ("pobj", "pcomp") and noun_of_gerund(tok) is not tok  # the parser's reading of the same


def _unarmed_fight(c: Candidate, v: Token, sources: list[Participant], targets: list[Participant], mutual: bool) -> bool:
    """The verb's default act of force (CAMEO 19) has a named doer, and every party to it is of a sector that bears no
    arms (``_UNARMED_SECTORS``), with an opponent: a target, or, for a mutual act whose verb ``v`` has no object, a doer
    of several ("the two leaders clashed"). Without one ("councils broke the law") nothing says the act was a fight."""
    if not sources or not c.pattern.endswith(":verb") or (c.code or c.reverse)[:2] != _FIGHT_ROOT:
        return False
    if not targets and not (mutual and (len(sources) >= 2 or sources[0].plural) and not any(k.dep_ == "dobj" for k in kids(v))):
        return False
    return all(p.sector in _UNARMED_SECTORS and p.etype not in _PLACE_TYPES for p in (*sources, *targets))


def _clause_score(tok: Token) -> float:
    """Main clause +0.1; each subordinate clause between the trigger and the root -0.08 (at most three levels), a
    relative clause counting as two: it describes one of the parties ("met the relatives of X, whose shooting by
    police ..."), background to what the sentence reports. Measured on the tune halves: one as -0.08, two, three;
    two was best (CAMEO dev tune type .706 -> .735, held-out stories tune .316 -> .322; blind records and snippets
    tune unchanged), three lost stories again."""
    return (0.1 if _main_clause(tok) else 0.0) - 0.08 * min(_clause_depth(tok), 3)


def _sentence_field(index: int, text: str, sent: Span) -> dict[str, Any]:
    """The record's sentence: its words without the paragraph break or spaces the parser keeps at its end (a sentence
    that closes a paragraph holds the blank line after it), with the character offsets of what is kept."""
    raw = text[sent.start_char : sent.end_char]
    kept = raw.strip()
    start = sent.start_char + (len(raw) - len(raw.lstrip()))
    return {"index": index, "text": kept, "start": start, "end": start + len(kept)}


def _less(conf: float, by: float) -> float:
    """A confidence lowered by ``by`` (not below 0), rounded as the record writes it: a ranking step must not leave
    float noise ("0.40299999999999997") in a published field."""
    return round(max(0.0, conf - by), 4)


def _acting_sector(actor: Participant) -> str | None:
    """The sector an actor acts in: its own, or for a state named by its name, its government's ("Peru protested":
    Peru's government did, event_crowd_acts.tsv)."""
    if actor.sector is None and actor.named and actor.etype == "GPE":
        return _GOVERNMENT_SECTOR
    return actor.sector


def _confidence(p: float | None, specificity: float, src: Participant | None, tgt: Participant | None, clause: float, negated: bool,
                hypothetical: bool, statement: bool) -> float:
    """0..1: mostly the classifier's probability of the type here; then the evidence (pattern, actors, clause, modality)."""
    if statement:
        conf = 0.15
    else:
        conf = 0.2 + 0.45 * (p if p is not None else 0.4)
    conf += 0.05 * min(specificity, 2.0)
    if src is not None and not src.pronoun_only:
        conf += 0.1 if src.named else 0.06
    if tgt is not None:
        conf += 0.07 if tgt.named else 0.05
    conf += clause
    if hypothetical:
        conf -= HYPOTHETICAL_PENALTY
    if negated:
        conf -= 0.25
    return max(0.0, min(1.0, conf))
