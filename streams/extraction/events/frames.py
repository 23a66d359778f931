"""A trigger's syntactic frame, and the dictionary patterns that fit it.

A verb's frame is what the dependency parse puts around it: the agent (active subject
or passive ``by`` phrase), the objects (direct object, passive subject, predicate,
infinitival complement), particles, and prepositional phrases of the verb and of its
objects. A dictionary pattern fits when its subject noun, particle, object noun,
prepositional phrases and extra words are all found there (nouns compared as lemmas,
synsets as sets of lemmas, modifiers anywhere in the noun's phrase). The most specific
fitting patterns decide the code and where source and target sit; a verb with no
fitting pattern takes its own (or its block's) default code.

Candidates are returned as plain data (token indices, no Token objects), so a Doc's
extension values never hold references back into it.

Why one module of ~450 lines: a verb's frame, the index keys it offers, the fitting
of a pattern's parts to it and the slots a fit places are one matching procedure
over one data structure; the noun side is its smaller mirror.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from spacy.tokens import Token

from ..actor_dictionary import agent_actor, agent_adjective, is_agent_phrase, named_actor
from ..doc_index import entity_of
from ..entities import SETTLEMENT_NOUNS
from ..gazetteer import norm, person, places, role_nouns, role_words
from .modality import FUTURE_INTENT_ROOTS, agreed_to, announced_cooperation, going_to, is_intended, is_promised, is_promised_object, is_sworn, on_condition
from .knowledge import AID_ROOT, CAUSATIVE_BLOCK, ENDING_PARTICLE_VERBS, FORCE_POSTURE_ROOT, FORCE_ROOTS, FORCES_OR_NONE, PREVENTERS, PROTEST_ROOT, LEAVING_VERBS, Knowledge, NounEntry, OBJECT_SETTING, Pattern, PrepSpec, Term, VERBAL_DEFENCE_CODE, VerbEntry, REACTION_BLOCK, REFUSAL_BLOCK, UNSPECIFIED_THREAT, ends_acts, in_longer_name, knowledge
from .slots import CONTAINER_DEPTH, crowd_of_act, HELD_TO_BE, PLACE_PREPS, TIME_UNITS, agent_heads, clause_read_objects, conjuncts, contained, counted, finite_modifier, free_relative_head, has_to, held_within, is_passive, is_time, is_when_clause, kids, measured_by, modified_phrase, object_heads, object_predicates, particle_objects, passive_patients, protest_on_meeting
from .tables import code_info

# Prepositions that introduce the one acted upon, in order of preference (after the direct object): "among" names
# those in whose midst an act was done ("blew himself up among the faithful at a shrine": the faithful).
TARGET_PREPS = ("against", "on", "upon", "among", "with", "to", "toward", "towards", "at", "into", "for", "over", "from", "of")
_NAMED = {"PERSON", "ORG", "GPE", "NORP"}
SETTING_PREPS = ("in", "at", "during")  # "spoke at a summit", "agreed in talks": the noun act is the verb's occasion
# Prepositions that make an event noun the act of the verb they hang on, or its occasion ("went on strike", "took
# part in talks", "carried out a wave of raids", "responded by an offensive"); any other ("over", "after", "for",
# "against", "amid") makes it another act, done by someone the verb's subject need not be.
PARTICIPATION_PREPS = frozenset({"on", "upon", "in", "at", "into", "during", "of", "by"})
# verbs of taking an act up again through "to" ("returned to negotiations", "went back to the table"): the act is the
# verb's subject's own; "to" under other verbs is as often a cause or an answer ("responded to the attack")
_RESUMING_VERBS = frozenset({"return", "go", "come"})
NOUN_TARGET_PREPS = ("against", "on", "upon", "with", "between", "to", "toward", "towards", "at", "into", "of", "for")
# The dictionary spells its prepositions the American way; a frame reads the British spelling as that one
_PREP_SPELLINGS = {"towards": "toward"}
_OWNED_TARGET_PREPS = frozenset({"against", "on", "upon", "with", "toward", "towards", "at"})
_MEETING_TARGET_PREPS = ("with", *(p for p in NOUN_TARGET_PREPS if p != "with"))
_TOPIC_PREPS = frozenset({"on", "upon"})  # what a meeting is on is its matter, after the parties it is held with


def at_is_venue(code: str) -> bool:
    """Whether an "at" phrase names where the act happened rather than whom it was aimed at. Only an act that is
    directed at someone takes its target with "at": criticism ("lashed out at X"), threats ("pointed guns at X"),
    protest ("protested at X's ruling"), a show of force, which faces whoever is across ("massed troops at the X
    border"), repression and force ("fired tear gas at X", "hurled stones at X"; CAMEO 11, 13, 14, 15, 175, 18, 19,
    20), and a visit, whose host the place names (042, 043). Every other act is done *at* a place: one meets, signs, appeals or arrests
    somewhere ("met at the labour court", "signed the accord at a summit", "arrested dozens at the rally"), and the
    place, or the crowd of the gathering held there, is not who the act befell."""
    return not code.startswith(_AT_TARGET_CODES)


_AT_TARGET_CODES = ("11", "13", "14", "15", "175", "18", "19", "20", "042", "043")  # CAMEO code prefixes (at_is_venue)


@dataclass(slots=True)
class Candidate:
    """One way to code one trigger: CAMEO code, how specific the evidence is, where its actors may be.

    ``source_groups`` / ``target_groups`` are token-index groups in order of preference (each group is
    a head with its coordinated heads); the record builder takes the first group that holds an actor.
    ``reverse`` is the code of the reversed event (the target acting on the source) or "".
    """

    trigger: int
    kind: str  # "verb" | "noun"
    lemma: str
    code: str
    reverse: str
    specificity: float
    pattern: str
    source_groups: list[list[int]] = field(default_factory=list)
    target_groups: list[list[int]] = field(default_factory=list)
    consumed: list[int] = field(default_factory=list)
    governor: int | None = None  # noun triggers: the verb whose object or prepositional object the noun is
    between: list[int] = field(default_factory=list)  # noun triggers: the parties of "talks between A and B"
    place_groups: list[list[int]] = field(default_factory=list)  # where the act happened ("struck targets in X")
    setting: bool = False  # noun triggers: the noun is the occasion of its governor's act ("said in a meeting")


# ----------------------------------------------------------------------------- term matching
def forceful_verb(doc, i: int) -> bool:
    """Every coding the candidates give the verb at ``i`` is one of coercion or force ("shot", "arrested", "opened
    fire"; ``doc._.event_candidates``, as the candidate finder wrote them)."""
    codes = [c.code or c.reverse for c in doc._.event_candidates or () if c.trigger == i and c.kind == "verb"]
    return bool(codes) and all(code[:2] in FORCE_ROOTS for code in codes)


def _keys(tok: Token) -> tuple[str, str]:
    return tok.lemma_.lower(), tok.lower_


def term_matches(term: Term, tok: Token) -> bool:
    lemma, lower = _keys(tok)
    if lemma not in term.heads and lower not in term.heads:
        return False
    kb = knowledge()
    if in_longer_name(tok) and kb.is_money_word(tok):
        return False  # a word of money inside a name ("Sierra Leone") is the name: no pattern of money reads it
    if kb.in_other_sense(tok):
        return False  # "citing strong demand": what buyers want, no pattern of a demand made reads it
    if not any("no" in group for group in term.modifiers) and any(c.dep_ == "det" and c.lower_ == "no" for c in kids(tok)):
        return False  # "a vote of no confidence" is no vote "of confidence": "no" denies the noun a term names bare
    need = next((mods for head, mods in term.qualified if head == lemma or head == lower), None)
    if not term.modifiers and need is None:
        return True
    around = set()
    # (a container's compound: its modifiers hang on the container, "military" of "its military alert level")
    for t in _modifier_words(tok.head if tok.dep_ == "compound" and contained(tok.head) is tok else tok):
        if t.i != tok.i:
            around.update(_keys(t))
    if need is not None and not need & around:
        return False  # a head the synset holds only with a modifier ("tear gas"), without it ("natural gas")
    return all(group & around for group in term.modifiers)


def term_modifiers(term: Term, tok: Token) -> set[int]:
    """The words of ``tok``'s phrase that a matching term names besides its head ("military" of "&MILITARY operation")."""
    if not term.modifiers:
        return set()
    return {t.i for t in _modifier_words(tok) if t.i != tok.i and any(group & set(_keys(t)) for group in term.modifiers)}


# prepositions whose object is a party to the act the noun names, never a word of what kind of act it is
_PARTY_PREPS = frozenset({"with", "between", "by", "against", "from", "to"})


def _modifier_words(tok: Token) -> Iterable[Token]:
    """The words of ``tok``'s phrase that may say what kind of thing it is, for a pattern's modifiers: its subtree but
    the phrases that name a party ("a peace agreement | with the army" is no "&MILITARY &TREATY"; "joint patrols | along
    the border" are "joint border patrols")."""
    skip = [(c.left_edge.i, c.right_edge.i) for c in kids(tok) if c.dep_ in ("prep", "agent") and c.i > tok.i and c.lower_ in _PARTY_PREPS]
    if not skip:
        return tok.subtree
    return [t for t in tok.subtree if not any(lo <= t.i <= hi for lo, hi in skip)]


def _first_match(term: Term, toks: list[Token]) -> Token | None:
    for t in toks:
        if term_matches(term, t):
            return t
    return None


# ----------------------------------------------------------------------------- the verb's frame
@dataclass(slots=True)
class VerbFrame:
    verb: Token
    passive: bool
    subjects: list[Token]
    objects: list[Token]
    particles: set[str]
    preps: list[tuple[str, Token]]  # (preposition, its object's head)
    bare_preps: set[str]  # prepositions with no object of their own ("rushed to" + clause)
    xcomps: list[Token]
    # a preposition of two words the parser nests ("drove them out | of the villages": "of" under "out"), as (outer,
    # inner, the inner one's object): read only by a pattern that names both ("OUT OF"); elsewhere the outer one says
    # where the verb goes ("walked out of the hall": no meeting with the hall)
    nested: list[tuple[str, str, Token]] = field(default_factory=list)
    _after: list[Token] | None = None
    _given: list[Token] | None = None

    @property
    def given(self) -> list[Token]:
        """The objects a pattern's object is matched against: with both an indirect and a direct object ("gave the
        army an ultimatum", "sent the rebels a warning"), what is given, not whom it is given to (PETRARCH2's patterns
        name the thing: "GIVE &MILITARY" is troops given, no army handed an ultimatum); the recipient stays an object
        of the frame for the act's target."""
        if self._given is None:
            objects = self.objects
            if any(o.dep_ == "dobj" and o.head.i == self.verb.i for o in objects):
                objects = [o for o in objects if not (o.dep_ == "dative" or o.dep_ == "conj" and o.head.dep_ == "dative")]
            self._given = objects
        return self._given

    @property
    def after(self) -> list[Token]:
        """The verb's subtree after the verb (a pattern's extra words), computed when first asked."""
        if self._after is None:
            self._after = [t for t in self.verb.subtree if t.i > self.verb.i]
        return self._after

    def keys(self) -> set[tuple[str, str]]:
        out: set[tuple[str, str]] = set()
        for t in self.objects + self.xcomps:
            out.update(("o", k) for k in _keys(t))
        out.update(("p", p) for p, _ in self.preps)
        out.update(("p", p) for p in self.bare_preps)
        out.update(("t", p) for p in self.particles)
        for t in self.subjects:
            out.update(("s", k) for k in _keys(t))
        out.add(("x", ""))
        return out


def noun_of_gerund(p: Token) -> Token:
    """The noun a preposition governs, where the parser made a participle after it the object, with the noun as its
    subject ("pleaded with leaders meeting in X": the leaders are pleaded with; the meeting describes them). Not after a
    comma or opening the sentence, where "with" and a clause say what went with the act ("..., with X leading")."""
    if p.tag_ != "VBG" or p.dep_ not in ("pobj", "pcomp"):
        return p
    prep = p.head
    if prep.i == 0 or prep.is_sent_start or prep.doc[prep.i - 1].is_punct:
        return p  # ", with X carrying out most of the attacks": a clause of circumstance, whose subject is no object
    subject = next((c for c in kids(p) if c.dep_ == "nsubj" and c.i < p.i and c.pos_ in ("NOUN", "PROPN")), None)
    if subject is None and p.i == prep.i + 1 and p.lemma_.lower() in _ATTRIBUTIVE_PARTICIPLES:
        # "met with visiting Prime Minister X": the participle describes the one met, whom the parser made its object
        subject = next((c for c in kids(p) if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
    return subject if subject is not None else p


# Participles news sets before a title as an adjective ("visiting", "outgoing"), which the parser reads as verbs
_ATTRIBUTIVE_PARTICIPLES = frozenset({"visit", "outgo"})


def verb_frame(v: Token) -> VerbFrame:
    passive = is_passive(v)
    subjects = agent_heads(v)
    patients = passive_patients(v) if passive else []
    objects = list(patients)
    objects += object_heads(v)
    for _ in range(CONTAINER_DEPTH):  # "approved an aid package": aid too; "a convoy of trucks carrying food": both
        seen = {o.i for o in objects}
        objects += [h for o in objects for h in [contained(o)] if h is not None and h.i not in seen]
    particles = {c.lower_ for c in kids(v) if c.dep_ in ("prt", "advmod") and c.i > v.i}
    preps: list[tuple[str, Token]] = []
    bare: set[str] = set()
    nested: list[tuple[str, str, Token]] = []
    # (and the count an object was read through: "a barrage of rockets | at Israel" hangs its "at" on the count)
    counts = [c for c in kids(v) if c.dep_ == "dobj" and counted(c).i != c.i]
    # (and a preposition the parser hung on the verb's particle: "handed the town back | to X", "pulled out | of X")
    particle_words = [c for c in kids(v) if c.dep_ in ("prt", "advmod") and c.i > v.i and c.lower_ in _DIRECTION_PARTICLES]
    for owner in [v] + particle_words + objects + counts + [w for o in objects for w in _worth(o)]:
        if owner.dep_ == "oprd" and owner.head.i == v.i:
            continue  # a predicate noun's phrases are its own ("calling the deal a triumph | for farmers"), none of the verb's
        for c in kids(owner):
            if c.dep_ == "prep" or (c.dep_ == "agent" and owner is v):
                pobjs = [g for g in kids(c) if g.dep_ in ("pobj", "pcomp")]
                if pobjs:
                    for p in pobjs:
                        p = counted(noun_of_gerund(p))
                        if is_time(p) and p.dep_ == "pobj":
                            continue  # "on Sunday", "in March"
                        for h in conjuncts(p):
                            preps.append((_PREP_SPELLINGS.get(c.lower_, c.lower_), h))
                            held = contained(h)  # "on a higher state of combat readiness": on readiness too
                            if held is not None:
                                preps.append((_PREP_SPELLINGS.get(c.lower_, c.lower_), held))
                else:
                    bare.add(_PREP_SPELLINGS.get(c.lower_, c.lower_))
                    if owner is v:
                        nested += [(_PREP_SPELLINGS.get(c.lower_, c.lower_), _PREP_SPELLINGS.get(d.lower_, d.lower_), counted(g))
                                   for d in kids(c) if d.dep_ == "prep" for g in kids(d) if g.dep_ == "pobj" and not is_time(g)]
    preps += _clause_with_for(v) + _purpose_after_place(v)
    if passive:
        # a preposition the passive left stranded takes the passive's subject as its object ("rebels were called on to
        # disarm", "the village was fired on", "the case was looked into"): the active's "called on the rebels"
        stranded = next((c for c in kids(v) if c.dep_ in ("prt", "prep") and c.i > v.i and c.lower_ in _STRANDED_PREPS
                         and not any(g.dep_ in ("pobj", "pcomp") for g in kids(c))), None)
        if stranded is not None and patients:
            spelled = _PREP_SPELLINGS.get(stranded.lower_, stranded.lower_)
            preps += [(spelled, h) for h in patients]
            objects = [o for o in objects if o not in patients]
            particles.discard(stranded.lower_)
            bare.discard(spelled)
    xcomps = [c for c in kids(v) if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
    return VerbFrame(v, passive, subjects, objects, particles, preps, bare, xcomps, nested)


_PLACE_PHRASE_PREPS = frozenset({"in", "at", "to", "into", "on", "outside", "near", "around", "across", "through"})


def _purpose_after_place(v: Token) -> list[tuple[str, Token]]:
    """The "for" of a purpose the parser hung on the place of the verb's phrase before it ("gathered in the square |
    for the festival", "flocked to the stadium | for the final"): a place takes no purpose, the verb does. Not a "for"
    inside a name ("outside the Office for Human Rights")."""
    return [("for", counted(g)) for c in kids(v) if c.dep_ == "prep" and c.lower_ in _PLACE_PHRASE_PREPS
            for p in kids(c) if p.dep_ == "pobj"
            for d in kids(p) if d.dep_ == "prep" and d.lower_ == "for" and not d.ent_type_
            for g in kids(d) if g.dep_ == "pobj" and not is_time(g)]


_DIRECTION_PARTICLES = frozenset({"back", "out", "away", "off", "down", "over"})


def _clause_with_for(v: Token) -> list[tuple[str, Token]]:
    """The "for" of an infinitive clause with a subject of its own right after the verb ("called for the government
    to resign", "pressed for both sides to return to talks"): the parser makes "for" the clause's marker, not the verb's
    preposition, so a pattern written for "call for" never saw it. The clause's subject stands as the preposition's
    object: it is who is to act."""
    out = []
    for c in kids(v):
        if c.dep_ not in ("advcl", "ccomp", "xcomp") or c.i < v.i or not has_to(c):
            continue
        mark = next((m for m in kids(c) if m.dep_ == "mark" and m.lower_ == "for"), None)
        if mark is None or any(t.is_punct for t in v.doc[v.i + 1 : mark.i]):
            continue
        out += [("for", h) for s in kids(c) if s.dep_ == "nsubj" and mark.i < s.i < c.i for h in conjuncts(s)]
    return out


_STRANDED_PREPS = frozenset({"on", "upon", "at", "for", "with", "against", "to", "into"})


def quick_keys(v: Token) -> set[tuple[str, str]]:
    """The index keys a verb's frame can have, from its children alone (a cheap first filter)."""
    out: set[tuple[str, str]] = {("x", "")}
    for c in kids(v):
        dep = c.dep_
        if dep in ("dobj", "dative", "attr", "oprd", "nsubjpass", "xcomp"):
            t = counted(c) if dep != "xcomp" else c
            out.add(("o", t.lemma_.lower()))
            out.add(("o", t.lower_))
            for held in held_within(t):  # (as deep as verb_frame reads them)
                out.update((("o", held.lemma_.lower()), ("o", held.lower_)))
            for g in t.conjuncts:
                out.add(("o", g.lemma_.lower()))
                out.add(("o", g.lower_))
            out.update(("o", g.lower_) for g in object_predicates(t))  # "found the colonel guilty"
        elif dep == "ccomp" and c.pos_ == "ADJ":
            out.add(("o", c.lower_))  # the same, read as a clause of its own (slots.small_clause)
        elif dep in ("prep", "agent"):
            out.add(("p", _PREP_SPELLINGS.get(c.lower_, c.lower_)))
        elif dep in ("prt", "advmod"):
            out.add(("t", c.lower_))
        elif dep in ("nsubj", "csubj"):
            t = counted(c)
            out.add(("s", t.lemma_.lower()))
            out.add(("s", t.lower_))
    objects = [c for c in kids(v) if c.dep_ in ("dobj", "nsubjpass")]
    if finite_modifier(v):  # the object is the phrase the verb hangs on ("the chief | placed troops on alert")
        o = modified_phrase(v)
        objects.append(o)
        out.update((("o", o.lemma_.lower()), ("o", o.lower_)))
    for c in objects:  # prepositions attached to the object ("imposed sanctions on X")
        for g in kids(c):
            if g.dep_ == "prep":
                out.add(("p", _PREP_SPELLINGS.get(g.lower_, g.lower_)))
    return out


def _prep_fits(spec: PrepSpec, frame: VerbFrame, used: set[int], named: frozenset[str] = frozenset()) -> Token | None | bool:
    """The prepositional object a spec fits (a Token), True for a bare preposition, None when absent. ``named``: the
    prepositions the whole pattern names, which let a nested one ("of" under "out") count as the verb's."""
    inner = [(prep, obj) for outer, prep, obj in frame.nested if outer in named]
    for prep, obj in frame.preps + inner:
        if prep in spec.preps and obj.i not in used and (spec.noun is None or term_matches(spec.noun, obj)):
            return obj
    if spec.noun is not None and "to" in spec.preps:
        for x in frame.xcomps:  # "(TO CONGRATULATE)": an infinitival complement of that verb
            if term_matches(spec.noun, x):
                return x
    if spec.noun is None and (spec.preps & frame.bare_preps):
        return True
    return None


def _fit(p: Pattern, frame: VerbFrame) -> dict[str, object] | None:
    """Which words of the frame the pattern consumed (None if it does not fit)."""
    used: set[int] = set()
    slots: dict[str, object] = {}
    if p.subject is not None:
        s = _first_match(p.subject, frame.subjects)
        if s is None:
            return None
        slots["subject"] = s
    if p.particle and p.particle not in frame.particles:
        return None
    if p.object is not None:
        # (the infinitive of a passive verb of expecting or believing is its subject's act, no object of the verb's:
        # "the minister is expected to visit" is no visit expected by anyone, "X expects a visit" is; one ordered or
        # asked to act is still the object of the order, "were ordered to attack")
        raised = frame.passive and frame.verb.lemma_.lower() in _RAISING_VERBS
        o = _first_match(p.object, frame.given + ([] if raised else frame.xcomps))
        if o is None:
            return None
        if o.lemma_.lower() in TIME_UNITS and any(c.dep_ == "prep" and c.lower_ == "of" for c in kids(o)):
            return None  # "two months of funding": a span that measures what follows, not one given as a deadline
        used.add(o.i)
        used |= term_modifiers(p.object, o)
        slots["object"] = o
    named = frozenset().union(*(spec.preps for spec in p.preps))
    for spec in p.preps:
        hit = _prep_fits(spec, frame, used, named)
        if hit is None:
            return None
        if isinstance(hit, Token):
            if spec.noun is not None:
                used.add(hit.i)
            for prep in spec.preps:
                slots.setdefault(f"prep:{prep}", hit)
    for t in p.extra:
        if _first_match(t, frame.after) is None:
            return None
    slots["_used"] = used
    return slots


# verbs whose passive with an infinitive says what its subject is expected, believed or said to do ("is expected to
# visit", "is believed to have fled", "is scheduled to meet"): the infinitive is the subject's act
_RAISING_VERBS = HELD_TO_BE | {"expect", "schedule", "rumour", "rumor", "consider"}


def _group(tok: Token) -> list[int]:
    return [t.i for t in conjuncts(tok)]


def place_groups(owners: list[Token]) -> list[list[int]]:
    """Places of the act: "in X" phrases of the verb or its objects, and "of X" of an object ("areas of X"); each
    followed by the state or body that owns it ("in Pakistan's mining sector")."""
    out: list[list[int]] = []
    for owner in owners:
        for c in kids(owner):
            if c.dep_ == "prep" and (c.lower_ in PLACE_PREPS or (c.lower_ == "of" and owner is not owners[0])):
                for g in kids(c):
                    if g.dep_ == "pobj" and not is_time(g):
                        out += [[g.i], *([p.i] for p in kids(g) if p.dep_ == "poss" and p.pos_ != "PRON")]
    return out


THEME_ROOTS = {"06", "07", "15"}
# participles of what is sent whose "to" phrase names an owner or a relation, no recipient ("X belonging to Y")
_NOT_CARRYING = frozenset({"belong", "relate", "link", "tie", "connect", "attach", "affiliate", "close", "owe"})
PROPERTY_RETURN_CODE = "0842"  # CAMEO "return, release property": its object is what goes back, its "to" whom to
ASKING_ROOTS = {"02", "10"}  # appeals and demands: aimed at whoever is to act
PARTNER_ROOTS = {"03", "04", "05", "06"}  # acts done "with" a partner: intents, consultations, cooperation
_MESSAGE_NOUNS = frozenset({"letter", "message", "note", "statement", "speech", "address", "call"})  # what carries words to someone
# goods a cut in relations bans or halts stand for whose they are ("banned imports | of Russian oil": Russia's)
_REDUCING_ROOT = "16"  # CAMEO "reduce relations": embargoes, cuts in aid, trade and ties
_OCCUPATION_CODE = "192"  # CAMEO "occupy territory": what is taken is a place, whom it is taken from the party
THREAT_ROOT = "13"
_DISAPPROVING_ROOT = "11"  # CAMEO 11, disapprove: criticise, condemn, accuse
_AVERTING_MARKS = {"unless", "if"}  # the clause of what would avert a threat: "unless X pays", "if X does not withdraw"
_OWNER_MODIFIERS = {"NORP", "GPE", "ORG"}


def averting_parties(heads: Iterable[Token]) -> list[list[int]]:
    """Whose act would avert a threat, told in an "if" or "unless" clause of one of ``heads`` ("unless the government
    pays", "if X does not withdraw"), or whose act would bring it on, told in the passive ("if attacked by X"): the
    one the threat is aimed at."""
    averting = [(c, m.lower_) for h in heads for c in kids(h) if c.dep_ == "advcl"
                for m in kids(c) if m.dep_ == "mark" and m.lower_ in _AVERTING_MARKS]
    return ([_group(counted(s)) for c, _ in averting for s in kids(c) if s.dep_ == "nsubj" and s.pos_ != "PRON"]
            + [_group(counted(g)) for c, mark in averting if mark == "if"
               for a in kids(c) if a.dep_ == "agent" for g in kids(a) if g.dep_ == "pobj"])


def _doers_hung_on_victim(n: Token) -> list[list[int]]:
    """The doer of a nominalised act whose "by" the parser hung on the victim: "the killing of [X by Y]" -> Y."""
    return [_group(b) for c in kids(n) if c.dep_ == "prep" and c.lower_ == "of" for g in kids(c) if g.dep_ == "pobj"
            for p_ in kids(g) if p_.dep_ == "prep" and p_.lower_ == "by" for b in kids(p_) if b.dep_ == "pobj"]


def _partners_of_setting(frame: VerbFrame) -> list[list[int]]:
    """The party of the talks an act was done in, whether the phrase hangs on the verb or on its object ("ruled out
    concessions in talks with X", "demanded guarantees during negotiations with X"): what is done there is aimed at
    the other side of the table. A meeting is an event noun of consultation (CAMEO 04)."""
    out: list[list[int]] = []
    for head in (frame.verb, *frame.objects):
        for c in kids(head):
            if c.dep_ != "prep" or c.lower_ not in SETTING_PREPS:
                continue
            for g in kids(c):
                if g.dep_ == "pobj" and _meeting_noun(g):
                    out += _with_parties(g)
    return out


def _meeting_noun(g: Token) -> bool:
    """``g`` is an event noun of consultation (CAMEO 04: "talks", "negotiations", "a meeting")."""
    return any(r.code.startswith(_CONSULT_ROOT) for r in knowledge().nouns.get(g.lemma_.lower(), ()))


def _parties_of_proposed_talks(o: Token) -> list[list[int]]:
    """The parties of talks a proposal, an offer or a call names ("rejected the proposal for talks with X", "accepted an
    offer of talks from X"): the other side of the talks, or the one who offers them, is whom the answer is aimed at."""
    return [grp for c in kids(o) if c.dep_ == "prep" for g in kids(c) if g.dep_ == "pobj" and _meeting_noun(g)
            for grp in _with_parties(g) + _phrase_parties([g], ("from",))]


def _phrase_parties(holders: Iterable[Token], preps: tuple[str, ...]) -> list[list[int]]:
    """The objects of the phrases of ``preps`` that the words ``holders`` govern."""
    return [_group(counted(w)) for h in holders for p_ in kids(h) if p_.dep_ == "prep" and p_.lower_ in preps
            for w in kids(p_) if w.dep_ == "pobj"]


def _with_parties(*holders: Token) -> list[list[int]]:
    """The objects of the "with" phrases the words ``holders`` govern: the other side of the talks or the deal they
    name ("talks with X", "reached a deal with X")."""
    return _phrase_parties(holders, ("with",))


_BARGAINING_ROOTS = ("03", "04", "057")  # intents, meetings and agreements signed: the nouns of a negotiation
_SETTING_MARKS = frozenset({"after", "while", "following"})


def partners_of_clause(v: Token) -> list[list[int]]:
    """The party a clause of time on the verb names as the other side of talks or an agreement ("called off the strike
    after reaching a deal with X", "will pause protests while talks continue with X"): a concession made then is made
    to that party (read by the builder for yielding acts that name no target)."""
    nouns = knowledge().nouns
    out: list[list[int]] = []
    for c in kids(v):
        if c.dep_ not in ("advcl", "prep") or c.i < v.i:
            continue
        if not (c.lower_ in _SETTING_MARKS or any(m.dep_ == "mark" and m.lower_ in _SETTING_MARKS for m in kids(c))):
            continue
        for g in c.subtree:
            if g.pos_ == "NOUN" and any(r.code.startswith(_BARGAINING_ROOTS) for r in nouns.get(g.lemma_.lower(), ())):
                out += _with_parties(g, g.head)
    return out


_ANSWERING_ROOTS = ("10", "11", "12", "13")  # demand, disapprove, reject, threaten: acts upon a thing, not its making


def _answering_verb(v: Token) -> bool:
    """Every default code the dictionary gives the verb answers something ("condemned", "rejected", "demanded"): its
    agent did that to the thing, it did not make it ("the attack, condemned by X" is not X's attack)."""
    codes = knowledge().verb_codes(v.lemma_.lower())
    return bool(codes) and all(code[:2] in _ANSWERING_ROOTS for code in codes)


# a deal "mediated", "brokered" or "facilitated by X" is the parties' deal, X its go-between: no owner of it
_MEDIATING_VERBS = frozenset({"mediate", "broker", "facilitate"})


def owner_groups(obj: Token, of_owner: bool = True) -> list[list[int]]:
    """Whose thing an object is, for when the thing is no actor: what is done to a decision, an office, a base or a
    petition is done to its owner. The possessor ("rejected Washington's offer", "overran the army's base"), the
    agent of a participle ("a plan put forward by X", "the role played by X"), the doer of an act the noun names
    ("the killing of X by Y"), an "of" owner ("the offices of X") or a "from" origin ("imports from X")
    and a nationality, organisation or agent-noun modifier ("shelled Ukrainian positions", "army posts", "rebel positions"), in that order. The builder keeps a
    group only if it names an actor, and only when the object itself named none. Without ``of_owner`` (for a
    subject: "the shelling of X killed" names X's harm, not its doer) the "of" owner is left out."""
    out: list[list[int]] = []
    for c in kids(obj):
        if c.dep_ == "poss":
            out.append(_group(c))
    out += _holders(obj)
    for c in kids(obj):
        if c.dep_ == "acl" and c.tag_ == "VBN" and not _answering_verb(c) and c.lemma_.lower() not in _MEDIATING_VERBS:
            out += [_group(g) for a in kids(c) if a.dep_ == "agent" for g in kids(a) if g.dep_ == "pobj"]
        elif c.dep_ == "acl" and c.lemma_.lower() == "belong":  # "properties belonging to X"
            out += [_group(g) for a in kids(c) if a.dep_ == "prep" and a.lower_ == "to" for g in kids(a) if g.dep_ == "pobj"]
    for c in kids(obj):  # the doer of a nominalised act ("condemned the killing of X by Y": Y is condemned)
        if c.dep_ in ("prep", "agent") and c.lower_ == "by":
            out += [_group(g) for g in kids(c) if g.dep_ == "pobj"]
    if knowledge().is_act_noun(obj):  # or its parties: "welcomed the agreement between X and Y" is aimed at X and Y
        out += [_group(g) for c in kids(obj) if c.dep_ == "prep" and c.lower_ == "between" for g in kids(c) if g.dep_ == "pobj"]
    verb = obj.head
    if obj.dep_ == "dobj" and verb.pos_ == "VERB" and not is_passive(verb):
        # the same "by" phrase the parser hung on the active verb right after its object ("turned down an offer | by
        # X to mediate"): an active verb's doer is its subject, so a "by" there names the object's author
        out += [_group(g) for c in kids(verb) if c.dep_ == "prep" and c.lower_ == "by" and c.i == obj.right_edge.i + 1
                for g in kids(c) if g.dep_ == "pobj"]
    out += _doers_hung_on_victim(obj)
    for c in kids(obj):
        if of_owner and c.dep_ == "prep" and c.lower_ in ("of", "from"):
            # ("the offices of X"; where a thing comes from is whose it is: "imports from X", "a letter from X")
            out += [_group(g) for g in kids(c) if g.dep_ == "pobj" and not is_time(g)]
        elif c.dep_ == "prep" and c.lower_ == "with" and obj.lemma_.lower() in _BOUNDARY_NOUNS:
            out += [_group(g) for g in kids(c) if g.dep_ == "pobj"]  # "troops to the border with X": X's side
    # (a law's, a bill's or a decree's noun modifier names what it is about, not whose it is: "a foreign agents law",
    # "a police reform bill"; its owner is its enactor, named by a possessor or a nationality)
    enactment = obj.lemma_.lower() in knowledge().enactments
    for c in kids(obj):
        if c.dep_ in ("amod", "compound", "nmod") and c.i < obj.i and (c.ent_type_ in _OWNER_MODIFIERS
                                                                       or c.dep_ == "compound" and c.pos_ == "NOUN" and not knowledge().is_peaceful_act_noun(obj)
                                                                       and not enactment
                                                                       or c.pos_ == "ADJ" and not knowledge().is_act_noun(obj) and agent_adjective(c) is not None):
            out.append([c.i])  # ("government positions", "police stations": the builder keeps it only if it is an actor)
    return out


# Participles of holding ground: a place "rebel-held", "Taliban-controlled" or "army-run" is held by the party
# hyphened before it, whose it is as a possessor's would be
_HOLDING = frozenset({"hold", "control", "occupy", "run", "administer", "dominate", "besiege"})


def _holders(obj: Token) -> list[list[int]]:
    """The party a hyphened participle of holding before ``obj`` names ("shelled rebel-held districts": the rebels')."""
    return [_group(h) for c in kids(obj) if c.dep_ == "amod" and c.tag_ == "VBN" and c.i < obj.i and c.lemma_.lower() in _HOLDING
            for h in kids(c) if h.dep_ in ("npadvmod", "compound", "nmod", "amod") and h.i == c.i - 2
            and c.doc[c.i - 1].text == "-"]


# Modifiers that say what kind of meeting or visit it is, not who holds it: a "state visit" is one made with the
# honours of a state, by a head of state or government; the state is no visitor (a "state crackdown" stays the state's)
_MEETING_KINDS = frozenset({"state"})


def _kind_of_meeting(mod: Token, codes: list[str]) -> bool:
    """``mod`` says the kind of the meeting or visit the noun names (codes of CAMEO 04 only), not its maker."""
    return mod.lower_ in _MEETING_KINDS and bool(codes) and all(c.startswith(_CONSULT_ROOT) for c in codes)


# A boundary "with" a state faces that state: forces moved to it are shown to the one across ("to its border with X")
_BOUNDARY_NOUNS = frozenset({"border", "frontier", "boundary"})
_FACING_ROOTS = frozenset({"13", "15", "17", "18", "19", "20"})  # threats, shows of force, coercion and force
AIMED_PREPS = frozenset({"against", "on", "upon", "at", "into"})
_FOR_OWNER_PREPS = AIMED_PREPS | {"for"}  # what a consumed noun is for or against: its owner is acted upon ("support for
# X's proposal"); a recipient's phrase ("a demand to Y") lends no owner
# prepositions whose object an intended or threatened act is for or against ("to suspend aid to X", "to impose curbs
# on X", "would withhold funds from X")
_XCOMP_PREPS = AIMED_PREPS | {"to", "with", "for", "from"}
# what one stands behind or rallies around is backed, and so is its owner ("rallied behind the governor's bid")
_BACKING_PREPS = frozenset({"behind", "around"})


_BEFALLEN_PREPS = frozenset({"of", "on", "upon", "against"})  # an act noun's phrases naming whom it befell


def _criticised_act(obj: Token, code: str) -> bool:
    """``obj`` is an act noun a criticism (CAMEO 11) is aimed at: the act is its doer's ("condemned the killing of X by
    Y", "criticised Y's shelling of X" criticise Y); those it befell, its "of" phrase, are no target of the criticism."""
    if code[:2] != _DISAPPROVING_ROOT or not (knowledge().is_act_noun(obj) or _use_of_force(obj)):
        return False
    # (a noun of disapproval itself is the act the verb does, not one it criticises: "filed a lawsuit | against X",
    # "lodged a complaint | against X" are aimed at X)
    rows = knowledge().nouns.get(obj.lemma_.lower(), ())
    # (nor is a noun whose "of" phrase names its doer, as the event nouns' table says: "criticised the visit of X", "the
    # resignation of X": X visited or resigned, and is what the criticism is aimed at)
    return not (rows and (all(r.code[:2] == _DISAPPROVING_ROOT for r in rows) or all(r.of_doer for r in rows)))


def _use_of_force(obj: Token) -> bool:
    """"The use of force", "the use of tear gas": a noun of using whose "of" phrase names force or a weapon names an act
    of force as an act noun does (criticised, it is aimed at its user, not at those it was used against)."""
    kb = knowledge()
    return obj.lemma_.lower() == "use" and any(
        g.lemma_.lower() == "force" or g.lemma_.lower() in kb.weapons or g.lower_ in kb.weapons
        for c in kids(obj) if c.dep_ == "prep" and c.lower_ == "of" for g in kids(c) if g.dep_ == "pobj")


def _object_owners(obj: Token, code: str) -> list[list[int]]:
    """Whose an object is (``owner_groups``); a criticised act's, without those it befell (:func:`_criticised_act`)."""
    return owner_groups(obj, of_owner=not _criticised_act(obj, code))


def _befell_criticised(o: Token, frame: VerbFrame, code: str) -> bool:
    """``o`` is the "of" (or "on", "against") phrase of a criticised act-noun object ("condemned the arrest of X", "the
    attack on X": X is no target)."""
    prep = o.head
    return prep.lower_ in _BEFALLEN_PREPS and any(prep.head.i == b.i for b in frame.objects) and _criticised_act(prep.head, code)


def _aimed_phrases(obj: Token) -> list[list[int]]:
    """The objects of the phrases that aim ``obj`` at someone ("a lawsuit against X", "sanctions on X")."""
    return [_group(g) for c in kids(obj) if c.dep_ == "prep" and c.lower_ in AIMED_PREPS for g in kids(c) if g.dep_ == "pobj"]


def _aimed_at_owners(prep: str, obj: Token, code: str) -> list[list[int]]:
    """Owners of what a force is aimed at ("fired on army posts", "rockets at Ukrainian positions") or a protest is
    over ("marched over the ministry's decision"); other
    prepositions ("to", "with", "for") name a recipient or partner that is itself the actor or no one, but for an act of
    force done "to" a thing ("set fire to the offices of X", "did damage to X's homes"): its owner is whom it harms."""
    if prep in AIMED_PREPS or prep in _BACKING_PREPS or (prep == "to" and code[:2] in FORCE_ROOTS):
        return owner_groups(obj)
    if prep == "over" and code[:2] == PROTEST_ROOT:
        # a protest "over" a matter is aimed at the one it names as its possessor ("struck over X's decision"); a
        # modifier only says what kind of matter it is ("over prison conditions", "over a Japanese textbook")
        return [_group(c) for c in kids(obj) if c.dep_ == "poss" and c.pos_ != "PRON"]
    # forces shown at a boundary face the state across it ("moved troops to its border with X"); troops sent there
    # are no help to that state
    if code[:2] not in _FACING_ROOTS or obj.lemma_.lower() not in _BOUNDARY_NOUNS:
        return []
    return [g for g in owner_groups(obj) if obj.doc[g[0]].pos_ != "PRON"]  # "its border": the mover's own side


def _verb_slots(frame: VerbFrame, slots: dict[str, object], p: Pattern | None, code: str) -> tuple[list[list[int]], list[list[int]], list[int]]:
    used: set[int] = set(slots.get("_used", set())) if slots else set()  # type: ignore[arg-type]
    # the container of what the pattern named is part of the act's words too ("delivered a batch of | jets"): no target
    used |= {o.i for o in frame.objects if (held := contained(o)) is not None and held.i in used}
    source_spec = p.source if p is not None else ""
    target_spec = p.target if p is not None else ""

    def named(spec: str) -> list[list[int]]:
        if spec == "none":
            return []  # the pattern names no doer ("found X dead": the finder did not kill)
        if spec == "subject":
            return [[t.i for t in frame.subjects]] if frame.subjects else []
        if spec == "object":
            obj = slots.get("object") if slots else None
            objs = [obj] if isinstance(obj, Token) else [o for o in frame.objects if o.i not in used]
            if objs and objs[0].lemma_.lower() in TIME_UNITS:
                # a deadline given ("gave the envoy | 48 hours"): the act falls on whom it is given to
                objs = [o for o in frame.objects if o.i not in used and o.lemma_.lower() not in TIME_UNITS] or objs
            # (then whom the object is aimed at, when it names no actor and has no owner that does: "filed a lawsuit
            # | against X", "imposed a ban on X")
            return [g for o in objs[:1] for g in (_group(o), *_object_owners(o, code), *_aimed_phrases(o))]
        if spec.startswith("prep:"):
            prep = spec[5:]
            hit = slots.get(spec) if slots else None
            if isinstance(hit, Token):
                # (a thing the pattern names there stands for its owner: "agreed to the union's demands", "to the
                # demands of the doctors"; not a pronoun's, the doer's own)
                named_owners = [g for g in owner_groups(hit) if hit.doc[g[0]].pos_ != "PRON"] if hit.i in used else []
                return [_group(hit), *_aimed_at_owners(prep, hit, code), *named_owners]
            return [g for o in [o for p_, o in frame.preps if p_ == prep][:1] for g in (_group(o), *_aimed_at_owners(prep, o, code))]
        return []

    sources = named(source_spec) if source_spec else ([[t.i for t in frame.subjects]] if frame.subjects else [])
    if sources and sources[0] == [t.i for t in frame.subjects] and len(frame.subjects) == 1 and _instrument(frame.subjects[0]):
        # a subject that is an act or an instrument stands for its doer ("an air strike by X killed", "a police raid
        # netted", "Israel's shelling hit"): the builder takes these only when the subject itself names no one
        # (not a town named before it: "the Kabul attack killed")
        sources += [g for g in owner_groups(frame.subjects[0], of_owner=False) if not _scene_of_force(frame.verb.doc[g[0]], [code])]
        sources += [g for g in act_noun_doers(frame.subjects[0]) if g not in sources]
    elif sources and len(frame.subjects) == 1 and frame.subjects[0].lemma_.lower() in BLASTS:
        sources += act_noun_doers(frame.subjects[0])  # a blast is someone's act only where it is blamed on or claimed by one
    targets = named(target_spec) if target_spec else []
    if not target_spec and frame.verb.lemma_.lower() in _BLAMING:
        # whom the blame is laid on ("blamed the unrest on X"), before what is blamed; a cause that names no one ("on
        # poor drainage") is no party
        targets += [g for g in _claimed_phrase(frame.verb) if _a_party(frame.verb.doc[g[-1]])]
    if not target_spec or (target_spec == "object" and not targets and not frame.objects):
        # a pattern's target after the verb is its first party there: with no object, the verb's own phrases name it
        # ("a DEMONSTRATOR * + pattern: protesters clashed | with police"), as they do for a pattern that places none
        if code.startswith(PROPERTY_RETURN_CODE) or code[:2] in THEME_ROOTS:
            # what is handed back is property ("handed back four villages to X", "returned the looted bronzes to X"),
            # and what is sent, given or deployed is the act's theme ("deployed 1,000 police officers to X"): the one
            # it goes to comes first, however the object's noun reads (villages, as villagers, and officers can be actors)
            # (or, where that names no one, whose it is: "to flood-hit areas of X", "to Gaza's hospitals"; not a
            # pronoun's, the sender's own: "moved troops to its border with X")
            targets += [g for p_, o in frame.preps if p_ == "to" and o.i not in used
                        for g in (_group(o), *(g for g in owner_groups(o) if o.doc[g[0]].pos_ != "PRON"))]
            # (or hung on a participle of the object: "sent ships carrying food | to Yemen", "planes loaded with tents |
            # to X"; what something belongs or relates to is its owner, no recipient)
            targets += [_group(g) for o in frame.objects for a in kids(o)
                        if a.dep_ == "acl" and a.tag_ in ("VBN", "VBG") and a.lemma_.lower() not in _NOT_CARRYING
                        for p_ in kids(a) if p_.dep_ == "prep" and p_.lower_ == "to" and p_.i > a.i
                        for g in kids(p_) if g.dep_ == "pobj" and g.i not in used]
        if code[:2] in (_DISAPPROVING_ROOT, PROTEST_ROOT):
            # whom a complaint or a protest is "against", whatever phrase the parser hung it on ("filed a complaint
            # with the UN | against X", "protested to the envoy | against X's raids"), before the body it went to
            targets += [g for _, o in frame.preps for c in kids(o) if c.dep_ == "prep" and c.lower_ == "against"
                        for w in kids(c) if w.dep_ == "pobj" for g in (_group(w), *_aimed_at_owners("against", w, code))]
        if code.startswith(_OCCUPATION_CODE) and all(not _names_people(o) or _a_place(o) for o in frame.objects):
            # territory taken "from" a party is taken from it: the party comes before the place ("recaptured the town
            # from the insurgents", "took the airport from government forces"), which says only what was taken (people
            # taken are the act's target themselves: "arrested fishermen from X")
            # (the verb's own "from", not an object's origin: "arrested 14 fishermen from X")
            targets += [_group(g) for c in kids(frame.verb) if c.dep_ == "prep" and c.lower_ == "from"
                        for g in kids(c) if g.dep_ == "pobj" and g.i not in used]
        if code[:2] == _CONSULT_ROOT:
            # talks a pattern names in a phrase of the verb are held with their own "with" party, before the place
            # visited for them ("flew to X for talks with Y's officials", "visited X for talks with Y")
            targets += [g for _, o in frame.preps if o.i in used for g in _with_parties(o)]
        if code[:2] not in THEME_ROOTS and code[:2] != _CONSULT_ROOT:
            # people a pattern names as its object ("CONDEMN * &MILITARY": "accused soldiers of beating nurses") are the
            # ones acted upon, before the phrases after them (a charge, a reason): the pattern's word says who, not what
            # the act is. (Not those sent, given or deployed, nor those met or received, who stand for the party that
            # sent them: "received a delegation | from X")
            targets += [_group(o) for o in frame.objects if o.i in used and o.dep_ in ("dobj", "nsubjpass") and _names_people(o)]
        for o in frame.objects:
            if o.i not in used:
                targets += [_group(o), *_object_owners(o, code)]
        # what the pattern named is part of the act's words, but the possessor it names still says on whom the act
        # falls ("cancelled Ghana's debt"; not a modifier, "the Russian diplomat", nor "its", the actor's own); a
        # named object that is itself a party comes before its possessor ("arrested X's opposition leader": the leader;
        # the builder passes over an object that names no actor, "debt")
        for o in (o for o in frame.objects if o.i in used):
            owners = [_group(c) for c in kids(counted(o)) if c.dep_ == "poss" and c.pos_ != "PRON"]
            if owners and code[:2] not in THEME_ROOTS:
                targets.append(_group(o))
            targets += owners
        if code[:2] == _DISAPPROVING_ROOT and not frame.objects:
            # "condemned what it called the killing of X by Y": the doer of the act its free relative names
            targets += [g for c in kids(frame.verb) if c.dep_ == "ccomp" and c.i > frame.verb.i and c.left_edge.lower_ == "what"
                        for act in [free_relative_head(c)] if act is not None and _criticised_act(act, code)
                        for g in owner_groups(act, of_owner=False)]
        present = {p_ for p_, _ in frame.preps}
        topics: list[list[int]] = []
        for prep in TARGET_PREPS:
            if prep not in present or prep == "at" and (at_is_venue(code) or _guest_named(frame, code)):
                continue
            found = [g for p_, o in frame.preps if p_ == prep and o.i not in used and not _befell_criticised(o, frame, code)
                     and not _occasion(o) for g in (_group(o), *_aimed_at_owners(prep, o, code))]
            if code[:2] == _CONSULT_ROOT and prep in _TOPIC_PREPS:
                topics += found  # "held talks with X on Y": the meeting's matter comes after its partners
            else:
                targets += found
        consumed = [o for o in frame.objects if o.i in used] + [o for _, o in frame.preps if o.i in used]
        for o in consumed:  # the actor inside a consumed object ("called for action against X", "came for talks with X"),
            # or the owner of a thing named there ("voiced support for X's proposal"); not those a criticised act befell
            # ("condemned the killing of X", "the attack on X": of its doer, see _object_owners)
            criticised = _criticised_act(o, code)
            held = contained(o)  # (what a container the pattern named holds is the act's words too: "a team | of doctors")
            targets += [grp for c in kids(o) if c.dep_ == "prep" and c.lower_ in TARGET_PREPS
                        and not (criticised and c.lower_ in _BEFALLEN_PREPS)
                        and not (c.lower_ == "at" and (at_is_venue(code) or _guest_named(frame, code)))
                        and not (c.lower_ == "of" and held is not None and held.i in used)
                        for g in kids(c) if g.dep_ == "pobj" and not _occasion(g)
                        for grp in (_group(g), *(owner_groups(g, of_owner=False) if c.lower_ in _FOR_OWNER_PREPS
                                                 or c.lower_ == "of" and code[:2] == _REDUCING_ROOT else ()))]
            targets += [grp for grp in _parties_of_proposed_talks(o) if grp not in targets]
        targets += topics
        for o in frame.objects:  # a recipient the parser took for a modifier of the object ("offered X broad support")
            targets += [[g.i] for g in kids(o) if g.dep_ in ("nmod", "compound") and g.i < o.i and g.ent_type_ in _NAMED
                        and not any(d.dep_ == "case" for d in kids(g))]
        # a consumed object noun can itself be the one acted upon ("arrested protesters"); the builder keeps
        # only groups that name an actor, so a consumed non-actor ("imposed sanctions") is never a target. What
        # is sent, given or deployed (cooperation, aid, mobilisation: "sent troops") is the act's theme, not its target.
        if code[:2] not in THEME_ROOTS:
            # (or its owner: "dismissed X's offer", "rejected a petition filed by X"; a possessive pronoun that
            # stands for the source, "lifted its curfew", is no target)
            # (a modifier the pattern names is part of the act's words, no owner: "CARRY OUT * MILITARY OPERATIONS")
            targets += [g for o in frame.objects if o.i in used for g in (_group(o), *_object_owners(o, code)) if not set(g) <= used - {o.i}]
            # so can a consumed preposition's noun ("POLICE * WITH DEMONSTRATOR": "clashed with protesters")
            targets += [_group(o) for p_, o in frame.preps if o.i in used and p_ in TARGET_PREPS]
        # (a threat's infinitive the parser made an adverbial clause is the act threatened all the same: "threatened
        # on Friday | to impose sanctions on X")
        threatened = [c for c in kids(frame.verb) if c.dep_ == "advcl" and has_to(c)] if code[:2] == THREAT_ROOT else []
        for x in [*frame.xcomps, *threatened]:  # the one an intended act is aimed at ("pledged to protect X", "agreed to help X"), else
            objs = object_heads(x)  # the one its object is for or against ("threatened to cut aid to X")
            # (not information it gives or shares, "agreed to share intelligence": no party, though the agents
            # dictionary reads "intelligence" as the agency)
            targets += [_group(o) for o in objs if o.lemma_.lower() not in knowledge().information]
            targets += [_group(g) for h in (x, *objs) for c in kids(h) if c.dep_ == "prep" and c.lower_ in _XCOMP_PREPS
                        for g in kids(c) if g.dep_ == "pobj"]
        if code[:2] == PROTEST_ROOT:
            targets += protest_sites([frame.verb, *frame.objects])
            targets = pressed_first(frame.verb, targets)
        if code[:2] in ASKING_ROOTS:  # who is asked to act is the subject of the clause that says what
            # ("demanded that X resign"; or whose it is when it names no actor: "that the UN mission leave")
            targets += [g for c in kids(frame.verb) if c.dep_ == "ccomp"
                        for s in kids(c) if s.dep_ == "nsubj" and s.pos_ != "PRON"
                        for g in (_group(counted(s)), *owner_groups(counted(s), of_owner=False))]
            # or to whom the message that carries the request went ("in a letter to X, ... requested")
            targets += [_group(r) for c in kids(frame.verb) if c.dep_ == "prep" and c.lower_ == "in"
                        for m in kids(c) if m.dep_ == "pobj" and m.lemma_.lower() in _MESSAGE_NOUNS
                        for t in kids(m) if t.dep_ == "prep" and t.lower_ == "to" for r in kids(t) if r.dep_ == "pobj"]
        if code[:2] in PARTNER_ROOTS:
            # the partner of a talk or a cooperation the parser hung inside the object ("discussed the security of
            # shipping | with X", "discussed efforts to secure a truce | with X"), after the verb's own phrases
            targets += [_group(g) for o in frame.objects for t in o.subtree if t.dep_ == "prep" and t.lower_ == "with"
                        and t.head.i != frame.verb.i for g in kids(t) if g.dep_ == "pobj"]
        if code[:2] == THREAT_ROOT:  # who would undergo a threatened act is what the clause saying it acts on
            for c in kids(frame.verb):  # ("warned that it would ban X", "... would take measures against X")
                if c.dep_ == "ccomp":
                    objs = object_heads(c)
                    # (or the clause's subject, when its verb is one of undergoing: "warned that X would face a harsh
                    # response", event_undergoing_verbs.tsv)
                    if c.lemma_.lower() in knowledge().undergoing:
                        targets += [_group(counted(s)) for s in kids(c) if s.dep_ == "nsubj" and s.pos_ != "PRON"]
                    targets += [_group(o) for o in objs]
                    targets += [_group(g) for h in (c, *objs) for p_ in kids(h) if p_.dep_ == "prep" and p_.lower_ in _XCOMP_PREPS
                                for g in kids(p_) if g.dep_ == "pobj"]
            # a threat is aimed at the one whose act would avert it ("threatened to strike unless the government pays")
            clauses = [c for c in kids(frame.verb) if c.dep_ == "ccomp"]  # ("warned that X would act if Y ...")
            targets += averting_parties((frame.verb, *frame.xcomps, *clauses))
        if code[:2] == _INQUIRY_ROOT:
            targets += [g for g in _investigated(frame) if g not in targets]
        if code[:2] == FORCE_POSTURE_ROOT:
            targets += [g for g in across_border(frame.verb) if g not in targets]
    v = frame.verb
    if (v.dep_ == "xcomp" or v.dep_ == "advcl" and has_to(v)) and protest_on_meeting(v.head, v):
        # a protest an envoy is summoned for is made to the one called in, after whatever it is against
        targets += [_group(o) for o in object_heads(v.head)]
    if p is not None and p.subject is not None and not source_spec and len(frame.subjects) > 1:
        # a pattern that names its doer picks it out of coordinated subjects ("police and protesters clashed" under a
        # pattern of demonstrators): the subjects it does not name are the other party, the act's target
        doers = [t.i for t in frame.subjects if term_matches(p.subject, t)]
        others = [t.i for t in frame.subjects if t.i not in doers]
        if doers and others:
            sources = [doers]
            if not (target_spec and targets):  # (a target the pattern places itself stays first)
                targets = [others, *targets]
    if not sources and frame.passive and code[:2] in _GIVING_ROOTS:
        # aid cut, suspended or given with no "by" phrase names its giver in the aid's own "from" phrase ("its grant from
        # the ministry was cut", "funds from the EU were frozen"), and the aid's owner is the one it was for
        givers = [_group(counted(g)) for o in frame.objects for c in kids(o) if c.dep_ == "prep" and c.lower_ == "from"
                  for g in kids(c) if g.dep_ == "pobj"]
        if givers:
            sources = givers[:1]
            targets = [g for o in frame.objects for g in owner_groups(o)] + [g for g in targets if g not in givers]
    if not sources and frame.passive and code[:2] == _FORCE_ROOT and code != _OCCUPATION_CODE:
        # force done with no "by" phrase names where it came from in the verb's own "from" ("rockets fired | from
        # Lebanon", "the patrol was shot at from across the border"): the side it came from did it, and the one hit
        # is named after (territory taken "from" a party is taken from it: _OCCUPATION_CODE, above)
        origins = [_group(o) for p_, o in frame.preps if p_ == "from" and o.i not in used]
        if origins:
            sources = origins[:1]
            targets = [g for g in targets if g not in origins]
    src_ids = {i for g in sources for i in g}
    unique: list[list[int]] = []
    for g in targets:
        if not (set(g) & src_ids) and g not in unique:
            unique.append(g)
    return sources, unique, sorted(used)


def _guest_named(frame: VerbFrame, code: str) -> bool:
    """A visit whose guest the verb's object names was held *at* its "at" phrase: one receives or hosts a party at a
    palace or a residence, and the place is the venue, not the host ("at" names the host only of a visit told without
    its guest, "arrived at the ministry")."""
    return code.startswith(("042", "043")) and any(_names_actor(o) for o in frame.objects)


def _occasion(tok: Token) -> bool:
    """``tok`` names when or beside what an act happened ("on the sidelines of the summit", ``event_occasions.tsv``):
    no party to it, and neither is what its "of" phrase names."""
    return tok.lemma_.lower() in knowledge().occasions


_PRESSING = frozenset({"press", "pressure", "pressurise", "pressurize", "push", "urge", "force", "compel", "demand", "persuade"})


_GIVING_ROOTS = frozenset({"07", "16"})  # aid given; aid reduced, suspended or stopped (162, 1621, ...)


def _investigated(frame: VerbFrame) -> list[list[int]]:
    """Who an inquiry looks into: the doer of the act its object tells of. The object is a claim, a report or a crime
    (what is investigated, looked into, examined), and its doer is the subject of the claim's "that" clause ("reports
    that X killed villagers"), the "by" agent of the participle on it ("crimes committed by X"), the "by" phrase of its
    act ("allegations of killings by X") or whom it is "against" ("allegations against X")."""
    nouns = frame.objects + [o for p_, o in frame.preps if p_ == "into"]
    out: list[list[int]] = []
    for n in nouns:
        for c in kids(n):
            if c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in kids(c)):
                out += [_group(counted(s)) for s in kids(c) if s.dep_ in ("nsubj", "nsubjpass") and s.pos_ != "PRON"]
            elif c.dep_ == "acl" and c.tag_ == "VBN":
                out += [_group(g) for a in kids(c) if a.dep_ == "agent" for g in kids(a) if g.dep_ == "pobj"]
            elif c.dep_ == "prep" and c.lower_ == "against":
                out += [_group(g) for g in kids(c) if g.dep_ == "pobj"]
            elif c.dep_ == "prep" and c.lower_ == "of":
                out += [_group(g) for act in kids(c) if act.dep_ == "pobj" for b in kids(act)
                        if b.dep_ == "prep" and b.lower_ == "by" for g in kids(b) if g.dep_ == "pobj"]
    return out


def across_border(v: Token) -> list[list[int]]:
    """The state across the border a show or a build-up of force is held at ("massed troops near the border with X",
    "drills close to its frontier with X"): whom it faces."""
    return [_group(g) for t in v.subtree if t.lemma_.lower() in _BOUNDARY_NOUNS and t.i > v.i
            for c in kids(t) if c.dep_ == "prep" and c.lower_ == "with" for g in kids(c) if g.dep_ == "pobj"]


def pressed_first(v: Token, targets: list[list[int]]) -> list[list[int]]:
    """A protest's target groups with those it is done to press first, by its purpose infinitive ("blocked the port to
    press the government to ban trawlers", "to force the company to reinstate workers", also where the parser hung it
    on a noun of the clause): what it blocks or where it is held is only how."""
    pressed = [_group(counted(o)) for c in v.subtree if c.dep_ in ("advcl", "xcomp", "relcl", "acl") and c.lemma_.lower() in _PRESSING
               and has_to(c) and _within_clause(c.head, v) for o in kids(c) if o.dep_ == "dobj"]
    return [g for g in pressed if g not in targets] + targets


def _within_clause(t: Token, v: Token) -> bool:
    """``t`` is ``v`` or hangs on it through nouns and prepositions only (the parser may hang a purpose infinitive on
    a noun of the clause: "blocked roads with hundreds of tractors | to press X"), no verb of another clause between."""
    for _ in range(8):
        if t.i == v.i:
            return True
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            return False
        t = t.head
    return False


def protest_sites(heads: list[Token]) -> list[list[int]]:
    """A protest held outside someone's seat is aimed at its holder ("rallied outside parliament", "a sit-in outside
    the governor's residence"): the site, then its owners (the builder keeps the groups that name an actor). Outside
    a place ("outside the city", "outside Lagos") is only where."""
    return [g for h in heads for c in kids(h) if c.dep_ == "prep" and c.lower_ == "outside"
            for o in kids(c) if o.dep_ == "pobj" and o.ent_type_ not in ("GPE", "LOC") and o.lemma_.lower() not in SETTLEMENT_NOUNS
            for g in (_group(o), *owner_groups(o))]


def _instrument(tok: Token) -> bool:
    """An act noun, a weapon or an aircraft (``Knowledge.instruments``): a head that implies a human agent."""
    inst = knowledge().instruments
    return tok.lower_ in inst or tok.lemma_.lower() in inst


def _bare_prepositions(p: Pattern) -> bool:
    """The pattern names nothing but prepositions with no noun ("- * FOR", "- * IN"): what it says is its verb's
    sense with that preposition, which another verb of its block need not share."""
    return (p.subject is None and p.object is None and not p.extra and not p.particle and bool(p.preps)
            and all(spec.noun is None for spec in p.preps))


def _a_relation(tok: Token) -> bool:
    """``tok`` (or the noun its container holds: "the trade relationship", "their cooperation programme") names a
    standing relation between parties (event_relations.tsv: trade, ties, cooperation, aid ...)."""
    relations = knowledge().relations
    return any(t is not None and (t.lemma_.lower() in relations or t.lower_ in relations) for t in (tok, contained(tok)))


_COMPANION_BARRIERS = frozenset({"advcl", "xcomp", "ccomp", "conj", "parataxis"})  # clauses a verb's particle never follows


def _companions_ok(entry: VerbEntry, v: Token) -> bool:
    kind = entry.object_kind
    if kind in _OBJECT_TESTS and not any(_OBJECT_TESTS[kind](c) for c in _tested_objects(v)):
        return False
    if kind == "partner" and not any(c.dep_ == "prep" and c.lower_ in entry.after and c.i > v.i and _names_actor(counted(noun_of_gerund(g)))
                                       for c in kids(v) for g in kids(c) if g.dep_ == "pobj"):
        return False  # "worked with Kenya", not "worked with tools" nor "worked with a smile"
    if kind == "thing" and any(_names_people(c) for c in _tested_objects(v)):
        return False  # "dismissed the claims", "fired rockets", not "dismissed the minister" nor "fired the coach" (from a post)
    if kind == "uncounted" and any(_a_count(c) for c in _tested_objects(v)):
        return False  # "welcomed the deal", "welcomed the envoy", not "welcomed 28 million tourists" (a count taken in)
    if (kind == FORCES_OR_NONE and any(not _forces(counted(x), knowledge()) and x.pos_ != "PRON"
                                       for c in _tested_objects(v) for x in conjuncts(c))
            and not any(_forces(a, knowledge()) for a in agent_heads(v))):
        # "deployed troops", "troops deployed along the border", "the navy deployed a radar battery" (what armed
        # forces deploy is theirs to show), not "the administration deployed boats and divers"
        return False
    if kind == "assailants" and not _particles_there(entry, v):
        return False  # "held off the attack", not "held patrols off the coast": a particle, no preposition of a place
    if kind == "combatants" and not any(_combatant(x, knowledge()) for x in agent_heads(v) + _tested_objects(v)):
        return False  # "the army defeated the rebels", "fighters overwhelmed the garrison", not "the party defeated its
        # rivals in the vote", "India overtook Britain", "must overcome divisions": a contest or a difficulty
    if kind == "active" and (is_passive(v) or v.dep_ == "acl" and v.tag_ == "VBN"):
        return False  # "wants talks", "wants the army to withdraw", not "was wanted by police", "a man wanted for murder"
    if kind == "intransitive" and any(c.dep_ == "dobj" for c in kids(v)):
        return False  # "took to social media", not "took the fight to the militants"
    if kind == "information" and not any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in knowledge().information for c in kids(v)):
        return False  # "shared intelligence with X", not "shared a border" nor "shared the prize"
    if kind == "relation" and not any(c.dep_ in ("dobj", "nsubjpass") and _a_relation(c) for c in kids(v)):
        return False  # "deepened ties with X", "boosted trade", not "escalated the dispute" nor "stepped up attacks"
    if entry.after:
        # a word after the verb, or a dependent after it ("called the strike off"); a phrase before the verb is no
        # particle of it ("over breakfast, she handed me a book" is no handing over), nor is one past a clause of the
        # verb ("gave the council two days to resign, | in a video": no giving in)
        barrier = min((c.i for c in kids(v) if c.i > v.i and c.dep_ in _COMPANION_BARRIERS), default=len(v.doc))
        near = ({c.lower_ for c in kids(v) if v.i < c.i <= barrier} | {t.lower_ for t in v.doc[v.i + 1 : v.i + 1 + len(entry.after)]})
        if not all(w in near for w in entry.after):
            return False
    if entry.before:
        prev = {t.lower_ for t in v.doc[max(v.i - len(entry.before), 0) : v.i]} | {c.lower_ for c in kids(v) if c.i < v.i}
        if not all(w in prev for w in entry.before):
            return False
    return True


# Sectors of bodies that act by force when they strike (the police, who also strike in the other sense, are not one)
_FORCE_SECTORS = frozenset({"MIL", "REB", "UAF", "SPY"})


def _agent_sector(tok: Token, kb: Knowledge) -> str | None:
    """The sector of a common noun that is an agent noun ("troops" MIL, "teachers" EDU): the agents dictionaries',
    else the coder's own (event_agents.tsv); None for anything else (a name's sector is the builder's to read)."""
    if tok.pos_ != "NOUN":
        return None
    agent = agent_actor(tok.doc[tok.i : tok.i + 1], None)
    return agent.sector if agent is not None else (kb.agents.get(tok.lower_, (None, False))[0] or None)


_PERSONAL_PRONOUNS = frozenset({"him", "her", "them", "us", "me", "he", "she", "they", "we", "i"})


def _tested_objects(v: Token) -> list[Token]:
    """What an entry's object kind is tested on: the verb's object or passive subject, else the noun the parser read
    as the subject of a clause after the verb (:func:`slots.clause_read_objects`: "dispersed protesters gathered
    outside parliament")."""
    return [c for c in kids(v) if c.dep_ in ("dobj", "nsubjpass")] or clause_read_objects(v)


def _names_people(tok: Token) -> bool:
    """The word names people: a person or a people by name, a personal pronoun, or an agent noun ("three men",
    "the prisoners", "a Yemeni national"; counted: "hundreds of students"), as opposed to a thing ("the plan", "a search
    warrant")."""
    tok = counted(tok)
    return (tok.ent_type_ in ("PERSON", "NORP") or tok.lower_ in _PERSONAL_PRONOUNS
            or _agent_sector(tok, knowledge()) is not None
            # a known person's name the tagger missed or took for an organisation ("received Zelenskiy")
            or (tok.pos_ == "PROPN" and tok.ent_type_ in ("", "ORG") and person(tok.text) is not None)
            # or an office-holder the role gazetteer knows ("the permanent secretary", "two commissioners"; a title the
            # tagger took for a name, capitalised and of no entity: "the Assistant Commissioner")
            or (_common_or_title(tok) and tok.lemma_.lower() in role_nouns()))


def _a_party(tok: Token) -> bool:
    """The word names a party: a person, a people, a state or a body by name, a personal pronoun, or an agent noun of a
    known sector ("the opposition", "militants"); not a word of no sector in particular ("both sides", "others")."""
    tok = counted(tok)
    if tok.ent_type_ in ("PERSON", "NORP", "GPE", "ORG") or tok.lower_ in _PERSONAL_PRONOUNS:
        return True
    return _agent_sector(tok, knowledge()) not in (None, "UNK")


def _names_assailants(tok: Token) -> bool:
    """The word names people (``_names_people``), or an act of force (an event noun coded only as coercion or force:
    "an assault", "the offensive"): what a force is driven back from or beaten back as ("pushed back the rebels",
    "pushed back a rebel assault"), as opposed to a date or a plan put off ("pushed back the vote")."""
    rows = knowledge().nouns.get(counted(tok).lemma_.lower(), ())
    return _names_people(tok) or (bool(rows) and all(r.code[:2] in FORCE_ROOTS for r in rows))


def _names_actor(tok: Token) -> bool:
    """The word names people (``_names_people``), or a state or an organisation by name or by its owner ("Iran", "three
    Russian banks", "the army's suppliers"), as opposed to a thing ("the plan", "the use of the hall")."""
    head = counted(tok)
    return (_names_people(tok) or tok.ent_type_ in _STATE_ENTITIES
            or tok.pos_ == "PROPN" and country_by_name(tok)  # a state whose name the tagger took for something else
            or any(c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in _STATE_ENTITIES for c in kids(tok))
            or _hyphenated_name_tail(tok)
            # or an office or a body the role gazetteer knows ("union leaders", "officials", "the ministry"), which the
            # agents dictionaries lack
            or _common_or_title(head) and head.lemma_.lower() in role_words())


def _hyphenated_name_tail(tok: Token) -> bool:
    """The word is the last part of a hyphenated given name, joined to a person's name the tagger cut short ("Lee
    Sang-woo", "Kim Jong-un": the entity ends before the hyphen and the tail is read as a common noun)."""
    i = tok.i
    if i < 2:
        return False
    doc = tok.doc
    hyphen, before = doc[i - 1], doc[i - 2]
    return hyphen.text in ("-", "\u2010") and not hyphen.whitespace_ and not before.whitespace_ and before.ent_type_ == "PERSON"


def _common_or_title(tok: Token) -> bool:
    """A common noun, or a capitalised title the tagger read as a proper noun but found no name in ("the Deputy
    Commissioner", "the Chief Secretary")."""
    return tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and not tok.ent_type_


def _names_guest(tok: Token) -> bool:
    """The word names people (``_names_people``) but no number of them: a visitor received ("received his counterpart",
    "received the delegation"), not a crowd taken in ("received 2,000 refugees", "received hundreds of migrants")."""
    return (_names_people(tok) and counted(tok).i == tok.i and not is_time(tok)
            and not any(c.dep_ == "nummod" or c.like_num for c in kids(tok)))


def _a_count(tok: Token) -> bool:
    """The word is a number of people or things, not a party nor a thing named ("22 million visitors", "hundreds of
    migrants"; not "the two leaders", "the deal")."""
    if counted(tok).i != tok.i:
        return True
    return tok.tag_ in ("NNS", "NNPS") and not any(c.dep_ == "det" for c in kids(tok)) and any(
        c.dep_ == "nummod" and (c.like_num or c.ent_type_ == "CARDINAL") for c in kids(tok))


# The direct object each object kind of event_verbs.tsv needs (VerbEntry.object_kind)
_OBJECT_TESTS = {"needed": lambda tok: True, "people": _names_people, "guest": _names_guest, "actor": _names_actor,
                 "assailants": _names_assailants,
                 "forces": lambda tok: _forces(counted(tok), knowledge())}


_YIELD_ROOT = "08"  # CAMEO "yield": a release's default code (free 080, release 084)


def _left_in_a_state(v: Token, frame: VerbFrame) -> bool:
    """The verb's object has a bare predicate of state ("left 55 people dead", "left thousands homeless", "found him
    dead", "left dozens detained"): it says what state the object ends up or is found in. A predicate with words of
    its own describes the object instead ("properties worth $5 million", "prisoners detained last month")."""
    def bare(t: Token) -> bool:
        return all(k.dep_ in ("advmod", "neg") for k in kids(t))
    if not frame.objects:
        return False
    if any(c.dep_ == "oprd" and c.pos_ == "ADJ" and bare(c) for c in kids(v)):
        return True
    if any(c.dep_ in ("oprd", "advcl", "xcomp", "ccomp") and c.tag_ == "VBN" and bare(c)
           and any(c.i == o.right_edge.i + 1 for o in frame.objects) for c in kids(v)):
        return True  # a participle of state right after the object, however the parser hung it ("left dozens | wounded")
    return any(c.dep_ == "acl" and c.tag_ == "VBN" and c.i == o.i + 1 and bare(c) and c.i == c.right_edge.i
               for o in frame.objects for c in kids(o))


def _in_predicament(frame: VerbFrame, kb: Knowledge) -> bool:
    """Every object of the verb is people caught by a mishap (``event_predicaments.tsv``: "people trapped in the
    rubble", "villagers stranded by floods"): freeing or helping them is a rescue."""
    return bool(frame.objects) and all(
        any(c.dep_ in ("acl", "amod", "relcl") and c.lemma_.lower() in kb.predicaments for c in kids(o)) for o in frame.objects)


def _striving(frame: VerbFrame, kb: Knowledge) -> bool:
    """A verb of fighting in its sense of striving: an infinitive of what is striven for ("battled for hours to free
    the trapped", "fought to save his life", "fought to block the bill"), no opponent (no object, no "with" or
    "against" party) and doers that bear no arms (no armed agent noun, state, organisation or group by name: "troops
    fought to retake the town" is a fight). What is striven for is coded on its own verb."""
    v = frame.verb
    if frame.objects or not frame.subjects or any(p in _OPPONENT_PREPS for p, _ in frame.preps):
        return False
    if not any(c.dep_ in ("xcomp", "advcl") and has_to(c) for c in kids(v)):
        return False
    return not any(_agent_sector(s, kb) in _FIGHTING_SECTORS or s.ent_type_ in _NAMED_PARTY_TYPES or s.lemma_.lower() in kb.weapons
                   for s in frame.subjects)


_OPPONENT_PREPS = frozenset({"with", "against", "alongside"})
_NAMED_PARTY_TYPES = frozenset({"ORG", "GPE", "NORP"})
_FIGHTING_SECTORS = _FORCE_SECTORS | {"CRM"}  # armed bodies, and gangs and criminals, who fight with arms too


def _combatant(tok: Token, kb: Knowledge) -> bool:
    """The word names an armed party: forces or weapons (``_forces``), an agent noun of an armed body ("troops",
    "militants"), or a named group the actor dictionary holds as armed ("the Islamic State")."""
    tok = counted(tok)
    if _forces(tok, kb) or _armed_agent(tok, kb):
        return True
    ent = entity_of(tok) if tok.ent_type_ in ("ORG", "NORP") else None
    info = named_actor(ent.text, None, label=ent.label_) if ent is not None else None
    return info is not None and info.sector in _FORCE_SECTORS


def _armed_agent(tok: Token, kb: Knowledge) -> bool:
    """The word is an agent noun of an armed body ("troops", "coalition", "militants")."""
    return _agent_sector(tok, kb) in _FORCE_SECTORS


def _crowd_acts(cands: list[Candidate], frame: VerbFrame, kb: Knowledge) -> list[Candidate]:
    """A verb whose subjects are all agent nouns of a crowd ("teachers walked out", "farmers blocked the road") codes
    the crowd's act (``event_crowd_acts.tsv``) here already, so the type classifier reads it as such; the builder does
    the same for named sources, whose sectors only it knows."""
    if not frame.subjects or not any(c.code and any(c.lemma in row[2] for row in kb.crowd_rows(c.code)) for c in cands):
        return cands  # (no candidate a crowd could do: the agent lookups are skipped)
    sectors = {_agent_sector(t, kb) for t in frame.subjects}
    if None in sectors:
        return cands
    out = []
    for c in cands:
        crowd = kb.crowd_act(c.code, c.lemma, sectors, c.pattern.endswith(":verb")) if c.code else ""
        # (a protest is aimed first at whom it is held to press, as a protest verb's own is in _verb_slots)
        out.append(replace(c, code=crowd, target_groups=pressed_first(frame.verb, c.target_groups)) if crowd else c)
    return out


def _cause_of_mishap(tok: Token, kb: Knowledge) -> bool:
    """A thing its modifier names as an accident's cause (``event_accidents.tsv`` kind "cause": "a gas tanker", "a
    gas cylinder", "a boiler")."""
    return tok.lemma_.lower() in kb.mishap_causes or any(
        k.dep_ in ("compound", "amod") and k.lemma_.lower() in kb.mishap_causes for k in kids(tok))


_OUTBREAKS = frozenset({"outbreak", "spread"})  # what a hazard does, named for it ("the Ebola outbreak", "the spread of cholera")


def _hazard_fought(o: Token, kb: Knowledge) -> bool:
    """The object of a verb of force or coercion is a hazard, not a party: a disaster of the agents dictionary
    ("the floods", ``kb.hazards``), a fire, a storm or an illness of ``event_accidents.tsv`` ("the blaze", "the
    epidemic"), or the outbreak or spread of one ("the cholera outbreak", "the spread of Ebola"). Fighting, battling
    or containing it is work against the hazard: no act of force on anyone. (A pattern that names its object, "opened
    fire", is no such reading: the caller asks only of objects the pattern leaves open.)"""
    def hazard(t: Token) -> bool:
        return t.lemma_.lower() in kb.mishaps or t.lower_ in kb.hazards or t.lemma_.lower() in kb.hazards
    if hazard(o):
        return True
    if o.lemma_.lower() not in _OUTBREAKS:
        return False
    named = [c for c in kids(o) if c.dep_ == "compound"]  # "the Ebola outbreak"
    named += [g for c in kids(o) if c.dep_ == "prep" and c.lower_ == "of" for g in kids(c) if g.dep_ == "pobj"]  # "the spread of cholera"
    return any(hazard(t) for t in named)


def _phrasal_sense(entry: VerbEntry, v: Token) -> bool:
    """A phrasal verb's entry that names a kind of object, whose particles all follow the verb as its particles
    ("pushed | back the vote", "pushed the vote | back"): the verb is used in that sense."""
    return bool(entry.after and entry.object_kind and entry.lemma == v.lemma_.lower()) and _particles_there(entry, v)


def _particles_there(entry: VerbEntry, v: Token) -> bool:
    """Every word the entry needs after the verb is a particle of it (a "prt" or "advmod" after it), not a preposition
    that governs a phrase of its own ("held | off the rebels", not "held patrols | off the coast")."""
    return all(any(c.dep_ in ("prt", "advmod") and c.i > v.i and c.lower_ == w for c in kids(v)) for w in entry.after)


def _comes_under_an_act(frame: VerbFrame, kb: Knowledge) -> bool:
    """The verb is "come" with an "under" phrase that names an act ("came under attack", "came under heavy
    shelling"): its subject undergoes that act, which the noun codes (``victims_of``); only the dictionary's patterns
    written for "under" ("came under fire", "under pressure") code the verb, never its sense of arriving."""
    return frame.verb.lemma_.lower() == "come" and any(p_ == "under" and o.lemma_.lower() in kb.nouns for p_, o in frame.preps)


def _contents_read(found: list[tuple[float, VerbEntry, Pattern | None, dict[str, object]]]) -> list[tuple[float, VerbEntry, Pattern | None, dict[str, object]]]:
    """The fitting patterns less those that read a container whose contents another fitting pattern reads: "sent a
    team | of medics" is medics sent ("* DOCTORS/MEDICS", 073), not a team sent to talks ("* TEAM", 036); "approved an
    aid | package" is aid. What a container holds says what was sent; the container only how it went."""
    read = {o.i for _, _, p, sl in found if p is not None and isinstance(o := sl.get("object"), Token)}
    if len(read) < 2:
        return found
    return [f for f in found if f[2] is None or not isinstance(o := f[3].get("object"), Token)
            or not any(h.i in read for h in held_within(o))]


def _doer_only(p: Pattern | None) -> bool:
    return p is not None and p.subject is not None and p.object is None and not p.particle and not p.preps and not p.extra


def _object_read(found: list[tuple[float, VerbEntry, Pattern | None, dict[str, object]]], kb: Knowledge) -> list[tuple[float, VerbEntry, Pattern | None, dict[str, object]]]:
    """The fitting patterns less those that name only the doer where another fitting pattern reads an object that
    names an act (an event noun): that act is what is done, the doer only says who does it. PETRARCH2's "&MILITARY *"
    under "step up" codes troops that step up their presence (154); troops that step up attacks step up attacks
    ("* ATTACKS", 190)."""
    if not any(p is not None and p.object is not None and isinstance(o := sl.get("object"), Token) and o.lemma_.lower() in kb.nouns
               for _, _, p, sl in found):
        return found
    return [f for f in found if not _doer_only(f[2])]


def verb_candidates(v: Token, entries: tuple[VerbEntry, ...], kb: Knowledge) -> list[Candidate]:
    """The most specific codings of verb ``v`` (several when equally specific alternatives remain)."""
    # (the entries that fit come first: most trigger words have none, and the readings of no act below, each a walk
    # over the verb's dependents, then need not be asked)
    fitting = [e for e in entries if _companions_ok(e, v)]
    # a restated dictionary entry whose object is not of its kind still brings its block's patterns, not its default
    patterns_only = [e for e in entries if e.restated and not any(f is e for f in fitting)
                     and _companions_ok(replace(e, object_kind=""), v)] if any(e.restated for e in entries) else []
    fitting += patterns_only
    if not fitting:
        return []
    phrasal_held: list[VerbEntry] = []
    if any(not any(f is e for f in fitting) and _phrasal_sense(e, v) for e in entries):
        # the particle of a phrasal verb is there but the object is not of its kind ("pushed back the vote"): the
        # verb is in that phrasal sense, which codes no act here; the bare verb's default (push: demand) is no
        # reading of it, nor is a pattern of the bare verb that reads its direct object ("PUSH * TRIAL": "pushed back
        # the trial" puts it off); its patterns of a preposition still are ("pushed back into the town")
        phrasal_held = [e for e in fitting if not e.after and not e.before]
        patterns_only += phrasal_held
    if (v.lemma_.lower() in kb.departures or v.dep_ == "xcomp") and _ordered_to_leave(v, kb):
        return []
    if v.dep_ in ("xcomp", "advcl", "relcl", "acl", "conj") and _demanded_by_ultimatum(v, kb):
        return []
    if _succession(v, kb) or _conveyed_for_care(v, kb) or _sought_for_comment(v, kb) or _asked_about(v, kb):
        return []
    if v.dep_ == "conj" and v.tag_ == "VBN" and v.head.dep_ in ("oprd", "acomp"):
        return []  # "leaving four dead and dozens injured": a state the act left them in, beside another
    lemma = v.lemma_.lower()
    if any(e.lemma == lemma for e in fitting):
        # a form two verbs share ("found": find / found, "lay": lie / lay) is the verb the lemmatizer reads
        fitting = [e for e in fitting if e.lemma == lemma]
    if any(e.after or e.before for e in fitting):
        fitting = [e for e in fitting if e.after or e.before]  # "called off" is not "called"
    if not fitting:
        return []
    # ("will lift the siege": the intent to yield, as an act is; "will halt deliveries if ...": the threat of the cut)
    ending = _threats(_intents(_ending(v, fitting, kb), v, kb), v, kb)
    refusing_to_act = any(e.block == REFUSAL_BLOCK for e in fitting) and _refuses_to_act(v, kb)
    if all(e.code == "---" for e in fitting) and any(e.block == REACTION_BLOCK for e in fitting):
        reply = _reply_held_over(v)
        if reply is not None:
            return ending + [reply]
    if all(e.code == "---" for e in fitting) and not refusing_to_act:
        # no default event: only a pattern can code this verb; most such verbs ("make", "take") have none that fits
        rough = quick_keys(v)
        if not any(k in kb.index.get(e.block, {}) for e in fitting for k in rough):
            return ending
    frame = verb_frame(v)
    keys = frame.keys()
    undergoing = _comes_under_an_act(frame, kb)
    found: list[tuple[float, VerbEntry, Pattern | None, dict[str, object]]] = []
    for entry in fitting:
        multi = 1.0 if entry.after or entry.before else 0.0  # "called off" is more specific than "called"
        base = 0.5 * multi  # what the verb's default code weighs
        patterns = kb.patterns.get(entry.block, ())
        best: list[tuple[float, Pattern, dict[str, object]]] = []
        if patterns:
            index = kb.index[entry.block]
            seen: set[str] = set()
            for key in sorted(keys):  # a set: its order changes from process to process, the first fit must not
                for p in index.get(key, ()):
                    if p.pid in seen:
                        continue
                    seen.add(p.pid)
                    if p.object is not None and any(entry is e for e in phrasal_held):
                        continue
                    slots = _fit(p, frame)
                    if slots is not None and undergoing and not any("under" in spec.preps for spec in p.preps):
                        continue  # "peacekeepers came under attack": no arrival of peacekeepers
                    if slots is not None:
                        own = not p.origin or entry.lemma in p.origin
                        if not own and _bare_prepositions(p):
                            continue  # another verb's "ATTACK * FOR" tells nothing of "retaliate for"
                        if not own and entry.lemma in kb.witnessing:
                            continue  # "REPORT * ATTACK" tells nothing of "described the attack": a witness's words
                        # another verb's pattern is no stronger than this verb's default code
                        best.append((p.specificity + multi if own else base, p, slots))
        top = max((s for s, _, _ in best), default=base)
        found += [(s, entry, p, sl) for s, p, sl in best if s >= top]
        if top <= base and not any(entry is e for e in patterns_only) and not undergoing:
            found.append((base, entry, None, {}))
    if not found:
        return ending  # only restated entries whose object is not of their kind, and none of their patterns fits
    found = _object_read(_contents_read(found), kb)
    top = max(s for s, _, _, _ in found)
    if ending and not any(p is not None for s, _, p, _ in found if s >= top):
        return ending  # no pattern fits: ending the act its object names says more than the verb's default code
    if ending and ending[0].pattern.startswith(LEFT_PATTERN) and top < 1.0:
        return ending  # an act left ("withdrew from the talks") says more than a bare "from" ("withdrew from X")
    if ending and _ended_with_particle(v) and all(p is None or _particle_only(p) for s, _, p, _ in found if s >= top):
        return ending  # the act broken off ("broke off talks") says more than the particle alone ("BREAK - * OFF")
    if top <= 0.0 and v.lemma_.lower() in kb.nouns:
        # a verb coded by its default only, that is also an event noun ("they rallied" / "a rally",
        # "workers struck" / "a strike"): the noun's codes are alternatives the type classifier chooses from;
        # a weapon or an aircraft, or an armed body, as subject acts by force ("jets struck", "the coalition struck"),
        # and so does a state or a place named as the actor (its people strike and march, it does not: "Israel struck
        # targets in Gaza" is no walkout): only the verb's own sense is left
        armed = any(s.lemma_.lower() in kb.weapons or s.lower_ in kb.weapons or _armed_agent(s, kb) or kb.is_weapon_fire(s)
                    or s.ent_type_ == "GPE" for s in frame.subjects)
        for row in kb.nouns[v.lemma_.lower()] if not armed else ():
            if not row.modifier and not row.preps and not row.learned:
                found.append((0.0, VerbEntry(v.lemma_.lower(), (), (), row.code, "event_nouns"), None, {}))
    # a pattern that fits with an act's code says more than another block's default at the same specificity
    # ("handed over medical equipment": GRANT's "medical equipment" pattern, not YIELD's bare "hand over", which the
    # particle alone fits); a statement's pattern ("gave information", 010) does not. So does, at any specificity, a
    # pattern of aid whose object is a sum of money paid out ("released 50 million dollars to the districts": GRANT's
    # "&CURRENCY", not RELEASE's bare default: it frees nothing held)
    if (top > 0.0 and any(p is not None and p.code[:2] not in ("", "--", "01") for s, _, p, _ in found if s >= top)
            or any(p is not None and p.code[:2] == AID_ROOT and _paid_out(sl.get("object"), kb) for s, _, p, sl in found if s >= top)):
        found = [f for f in found if f[2] is not None or f[0] < top]
    out: list[Candidate] = []
    seen_codes: set[tuple[str, str]] = set()
    # a verb with a noun as object predicate is in its sense of naming or making something so, not its default one:
    # only a pattern that fits codes it ("shot dead" has no noun predicate and keeps its sense); likewise a verb with
    # no object whose complement is an adjective says how its subject is ("pleaded not guilty", "remained defiant"),
    # no act of its default code
    predicated = any(c.dep_ == "oprd" and c.pos_ in ("NOUN", "PROPN") for c in kids(v)) or (
        any(c.dep_ == "acomp" and c.pos_ == "ADJ" for c in kids(v)) and not frame.objects and not frame.passive)
    if any(e.block == CAUSATIVE_BLOCK for e in entries) and any(c.dep_ in ("oprd", "ccomp") and c.pos_ == "ADJ" for c in kids(v)):
        return []  # "made day trips impossible", "made visits difficult": how the object ends up, not an act on it
    setting_partners = _partners_of_setting(frame)  # the same for every coding of the verb
    for spec, entry, p, slots in found:
        if spec < top:
            continue
        code = p.code if p is not None else entry.code
        reverse = p.reverse if p is not None else entry.reverse
        by_default = p is None  # coded by the verb's default code (a pattern may still place the slots)
        if p is None and entry.block in kb.patient_blocks and code != "---" and not reverse:
            code, reverse = "", code  # the subject undergoes the act (knowledge._patient_blocks)
        elif entry.block in kb.patient_blocks and code and code == reverse:
            # a paired pattern of such a block ("died in clashes", [190:190]) would make those who died a party that
            # fought, and the civilians killed in a war its doers: they undergo it; its doer is who the sentence names
            code = ""
        if (p is not None and _circumstantial(p) and code and entry.code not in ("", "---") and code[:2] == entry.code[:2]
                and code_info(code).plover_type != code_info(entry.code).plover_type and not _unspecified(entry.code)):
            # a pattern that only names the class of the object ("* PROTESTERS") or the occasion ("* (DURING
            # PROTEST)") says who is acted upon or when, not what the act is: within the verb's own CAMEO root the
            # verb's PLOVER type stays ("arrested protesters", "arrested people during a protest" are arrests, not
            # assaults); the pattern still places the slots and the reversed event. A verb whose default is its root's
            # "not specified" code ("withdraw": 080, yield) takes the pattern's: there what is yielded says what the
            # act is ("withdrew its troops" 0874 is a retreat, "withdrew from the treaty" 161 a sanction)
            code = entry.code
            by_default = True
        if code[:2] in _RESCUE_ROOTS and _in_predicament(frame, kb):
            continue  # "freed four people trapped in a building", "rescued villagers stranded by floods": a rescue
        if p is None and code[:2] == _FORCE_ROOT and _striving(frame, kb):
            continue  # "rescuers battled to free the trapped", "doctors fought to save him": an effort, no fight
        if (code or reverse)[:2] in FORCE_ROOTS and not frame.objects and frame.subjects and all(
                _cause_of_mishap(s, kb) for s in frame.subjects):
            continue  # "a gas tanker exploded", "a gas cylinder blew up": an accident, whatever the tanker's owner
        if (code[:2] in FORCE_ROOTS and (p is None or p.object is None) and frame.objects
                and all(_hazard_fought(o, kb) for o in frame.objects)):
            continue  # "battled the flames", "contained the cholera epidemic": a fire, a flood or a disease fought
        handed_to: list[Token] = []
        # a verb of giving coded by its default act, or by a pattern that reads giving information as a statement
        # ("GIVE * INFORMATION"), whose objects are all information: "released figures", "provided an update" are
        # published, no act of giving; "passed the details to the police", "handed over evidence to X" share it
        # with a party (its recipient is the target, the information no party)
        if code[:2] in _HANDING_ROOTS if p is None else (code == _STATEMENT_CODE and entry.code[:2] in _HANDING_ROOTS):
            handed = recipients(frame)
            given = [o for o in frame.objects if o not in handed]
            if given and all(o.lemma_.lower() in kb.information and not _held_people(o, kb) for o in given):
                # (information given to the press is published: "gave figures to reporters" tells, shares with no party)
                handed_to = [r for r in handed if _agent_sector(r, kb) != _PRESS_SECTOR]
                code, reverse = (_SHARING_CODE if handed_to else _STATEMENT_CODE), ""
        if p is None and code == "---" and entry.block == REFUSAL_BLOCK and refusing_to_act:
            # "refused to accredit the observers": to refuse to do something is a rejection (CAMEO 120, "all
            # rejections and refusals not otherwise specified"), as the block's "decline" codes by default; the
            # dictionary leaves "refuse" alone uncoded for its other objects ("refused the offer" has patterns)
            code = _REJECTION
        if p is None and code[:2] == _THREAT_ROOT and not _threatens_in_clause(v, kb):
            code = _PESSIMISTIC_COMMENT  # "warned that millions faced hunger": a danger foretold, not a threat
        if code == "---" or (not code and not reverse):
            continue
        if p is None and predicated:
            continue  # "called the protesters traitors", "called the vote a farce": a naming, not a call
        if p is None and code[:2] not in FORCE_ROOTS and code[:2] != _YIELD_ROOT and _left_in_a_state(v, frame):
            continue  # "the fighting left 55 people dead", "found the journalist dead": a result or a finding, no act
            # of the verb's default ("shot two men dead" keeps its act of force; "were freed unhurt" its release:
            # the state is how the freed come out of it)
        if (code, reverse) in seen_codes:
            continue
        seen_codes.add((code, reverse))
        sources, targets, used = _verb_slots(frame, slots, p, code or reverse)
        if (code or reverse)[:2] != _CONSULT_ROOT:  # "ruled out concessions in talks with X": aimed at X, after any other
            targets = targets + [g for g in setting_partners if g not in targets]
        if handed_to:
            targets = [_group(r) for r in handed_to]  # who receives it; the information itself is no party
        if not sources and frame.passive and code[:2] in FORCE_ROOTS:
            sources = _doers_of_setting(v, kb)  # "three soldiers were killed in a clash with X": X did it
        elif not code and reverse[:2] in FORCE_ROOTS and v.lemma_.lower() in _SUFFER_VERBS:
            # the one who died underwent the reversed act; its doer sits in the target slot ("two guards died when
            # gunmen stormed the bank", "died in an ambush by X"), before what the act was aimed at ("died in a
            # police raid | on the warehouse")
            targets = _doers_of_setting(v, kb) + targets
        pid = f"{entry.block}:verb" if p is None else p.pid + (":verb" if by_default else "")
        out.append(Candidate(v.i, "verb", entry.lemma, code, reverse, spec, pid,
                             sources, targets, used, between=parties_between(v) or _related_parties(frame),
                             place_groups=place_groups([v] + frame.objects)))
    if not out:
        return out  # the readings below each rewrite the codings found: with none there is nothing to read again
    out = _blaming_statements(_expulsions(out, v, kb), v, kb)
    out = _refused_outright(_refusals(_visits(_declined_statements(_crowd_acts(out, frame, kb), v, kb), v, kb), v, kb), v, kb)
    # (what is promised or announced is read once the act is known: forces sent to a border are deployed, not given)
    out = _intents(_access_allowed(_forces_ordered(_orders_given(_fired_into_open_water(_shows_of_force(out, v, frame, kb), v, frame, kb), frame), frame, kb), frame, kb), v, kb)
    return _questions(_defended_in_words(_wanted_of_others(_fire_taken(_own_forces_shown(_threats(out, v, kb), frame, kb), frame, kb), frame, kb), frame, kb), frame)


_ASKED_WHETHER = frozenset({"whether", "if"})


def _question_clause(c: Token) -> bool:
    """A clause that is an indirect question: "whether"/"if" marks it, or a wh-word opens it ("why the army had not
    intervened")."""
    return (any(m.dep_ == "mark" and m.lower_ in _ASKED_WHETHER for m in kids(c))
            or any(t.tag_ in ("WDT", "WP", "WRB") and t.i < c.i for t in c.subtree))


def _asked_about(v: Token, kb: Knowledge) -> bool:
    """The verb is the act an indirect question asks about ("asked whether troops would be sent"): the question
    asserts no act."""
    head = v.head
    return (v.dep_ == "ccomp" and head.i < v.i and any(code[:2] in ASKING_ROOTS for code in kb.verb_codes(head.lemma_.lower()))
            and _question_clause(v))


def _questions(cands: list[Candidate], frame: VerbFrame) -> list[Candidate]:
    """A verb of asking whose clause is a question ("asked whether troops would be sent", "asked why the army had not
    intervened"), with no infinitive of what is asked for, asks to know, not for an act: a statement (010), no
    appeal; and what it asks about is no act (:func:`_asked_about`)."""
    v = frame.verb
    if not any(c.kind == "verb" and c.pattern.endswith(":verb") and c.code[:2] in ASKING_ROOTS for c in cands):
        return cands
    clauses = [c for c in kids(v) if c.dep_ in ("ccomp", "xcomp", "advcl") and c.i > v.i]
    if any(has_to(c) for c in clauses):
        return cands
    if not any(_question_clause(c) for c in clauses):
        return cands
    return [replace(c, code=_STATEMENT_CODE, reverse="", pattern=c.pattern + "+question")
            if c.kind == "verb" and c.pattern.endswith(":verb") and c.code[:2] in ASKING_ROOTS else c for c in cands]


def _defended_in_words(cands: list[Candidate], frame: VerbFrame, kb: Knowledge) -> list[Candidate]:
    """A verb of a block whose own patterns code a verbal defence (052: DEFEND's "decision", "plan", "comment"),
    coded by a default of protection (07: "defend", 074, military protection), whose direct object is a word, a policy or a decision
    (``event_verbal_settings.tsv`` "object" rows: "defended the cabinet's handling of the floods", "defended the
    new law"), defends it in words, as the block's patterns do for the few objects they name; the object's owner
    is the target."""
    def protecting(c: Candidate) -> bool:
        return (c.kind == "verb" and c.pattern.endswith(":verb") and c.code[:2] == AID_ROOT
                and c.pattern.split(":")[0] in kb.verbal_defence_blocks)

    if not any(protecting(c) for c in cands):
        return cands
    if not any(OBJECT_SETTING in kb.verbal_settings.get(o.lemma_.lower(), ()) for o in frame.objects if o.dep_ == "dobj"):
        return cands
    return [replace(c, code=VERBAL_DEFENCE_CODE, reverse="", pattern=c.pattern + "+words") if protecting(c) else c for c in cands]


def _wanted_of_others(cands: list[Candidate], frame: VerbFrame, kb: Knowledge) -> list[Candidate]:
    """A verb of wanting (``event_wantings.tsv``) coded by its default, whose want is another party's act or a thing
    from another party, asks it: an infinitive clause with a subject of its own, or an object with an infinitive
    after it ("wants the neighbours to hand over the suspect"), or a "from" phrase ("sought guarantees from the
    lenders"), or an act noun whose doer its phrase names ("sought the resignation of the mayor"). It codes as the row's appeal or demand; wanting one's own act ("wants to meet them") stays an intent."""
    code = kb.wantings.get(frame.verb.lemma_.lower())
    if not code or not any(c.kind == "verb" and c.pattern.endswith(":verb") for c in cands):
        return cands
    v = frame.verb
    other_doer = any(c.dep_ in ("ccomp", "xcomp") and c.i > v.i and has_to(c) and (
        any(s.dep_ == "nsubj" for s in kids(c)) or any(o.dep_ == "dobj" and o.i < c.i for o in kids(v))) for c in kids(v))
    from_party = any(p_ == "from" and not is_time(o) for p_, o in frame.preps)
    others_act = any(o.lemma_.lower() in kb.nouns and any(
        c.dep_ == "poss" and c.pos_ != "PRON" or c.dep_ == "prep" and c.lower_ == "of" for c in kids(o)) for o in frame.objects)
    if not (other_doer or from_party or others_act):
        return cands
    return [replace(c, code=code, reverse="", pattern=c.pattern + "+asked") if c.kind == "verb" and c.pattern.endswith(":verb")
            else c for c in cands]


_SHOT_AT_SECTORS = _FORCE_SECTORS | {"COP"}  # bodies that are shot at in the news, not only criticised
_REASON_PREPS = ("over", "for")  # what criticism is "over" or "for"


def _fire_taken(cands: list[Candidate], frame: VerbFrame, kb: Knowledge) -> list[Candidate]:
    """ "Came under fire" is criticism (the dictionary's "COME under fire", 111) of whoever draws it ("the minister
    came under fire from lawmakers over the deal"), but shooting (190) at an armed body, a police force or military
    hardware, or by one: "a patrol of soldiers came under fire", "police came under fire from gunmen". The literal
    reading needs an armed party who fires, where the "from" phrase names who ("the army came under fire from rights
    groups" is criticism), else an armed party who draws it; and no reason given ("over its handling", "for the
    delays")."""
    if not any(p_ == "under" and o.lemma_.lower() == "fire" for p_, o in frame.preps):
        return cands
    v = frame.verb
    if any(c.dep_ == "prep" and c.lower_ in _REASON_PREPS and any(g.dep_ in ("pobj", "pcomp") for g in kids(c))
           for t in [v] + [o for p_, o in frame.preps if p_ == "under"] for c in kids(t)):
        return cands
    doers = [o for p_, o in frame.preps if p_ == "from"]

    def armed(t: Token) -> bool:
        return (_agent_sector(t, kb) in _SHOT_AT_SECTORS or t.lemma_.lower() in kb.armed
                or any(c.dep_ == "compound" and (c.lemma_.lower() in kb.armed or _agent_sector(c, kb) in _SHOT_AT_SECTORS)
                       for c in kids(t)))
    if not any(armed(t) for t in doers or frame.subjects):  # (who fires decides, where named)
        return cands
    return [replace(c, code="", reverse=_FORCE_ROOT + "0", pattern=c.pattern + "+fire")
            if (c.code or c.reverse).startswith(_DISAPPROVING_ROOT) else c for c in cands]


NAMING_VALENCE = -1.0  # VADER valence (-4..+4) at or below which a name given is one of disapproval (event_namings.tsv)
_NAMING_PATTERN = "NAMING"


def named_as(v: Token, cands: list[Candidate], kb: Knowledge) -> list[Candidate]:
    """A verb of naming (``event_namings.tsv``: "called", "described ... as", "branded", "labelled", "termed") that
    gives a party, an act, or a word, policy or decision a name of disapproval criticises it: "called the ruling a
    disgrace", "described the offer as an insult", "termed the remarks unacceptable". The name is the verb's object
    predicate, its "as" phrase, a noun set beside the object, or an adjective the parser hung after the object; it is
    one of disapproval when a word of it scores at or below ``NAMING_VALENCE`` in VADER's human-rated lexicon (not
    negated). The verb's other codings (a call, a description) give way to the row's code, with the named, then its
    owner, as the target; a pattern of the dictionary that fits with a code of its own ("CALL * LIAR", "CALL *
    SUCCESS") keeps it. A situation named so ("described the flooding as the worst in decades") is no one's act."""
    lemma = v.lemma_.lower()
    code = kb.namings.get(lemma)
    if code is None or v.pos_ not in ("VERB", "AUX"):
        return cands
    if any(_own_pattern(c, lemma, kb) and (c.code or c.reverse)[:2] not in ("01", "") for c in cands):
        return cands  # (a pattern the dictionary wrote for this verb fits: its code says more)
    frame = verb_frame(v)
    named = next((o for o in frame.objects if o.pos_ in ("NOUN", "PROPN", "PRON")), None)
    if named is None or not frame.subjects or named.tag_ in ("WP", "WDT"):
        return cands  # ("condemned what it called a massacre": the name is the condemnation's object, no act of its own)
    name = _name_given(v, named)
    if not name or not _disapproving(name):
        return cands
    owners = _object_owners(named, code)
    if not (named.pos_ in ("PROPN", "PRON") or owners or _agent_sector(named, kb) is not None
            or OBJECT_SETTING in kb.verbal_settings.get(named.lemma_.lower(), ()) or kb.is_act_noun(named)):
        return cands  # a situation or a thing of no one's named so
    sources = [[t.i for t in frame.subjects]]
    targets = [_group(named), *owners]
    # (nothing consumed: an act the name or the named is, "called the killing of X a massacre", is still coded)
    return [Candidate(v.i, "verb", lemma, code, "", 1.0, f"{_NAMING_PATTERN}:{lemma}", sources, targets)]


def _own_pattern(c: Candidate, lemma: str, kb: Knowledge) -> bool:
    """The candidate was coded by a pattern the dictionary wrote for this verb (not by the verb's default code, nor by
    a pattern of another verb of its block: "ANNOUNCE * &PROPOSAL" says nothing of "described the offer as ...")."""
    if c.pattern.endswith(":verb") or ":" not in c.pattern:
        return False
    block = c.pattern.split(":", 1)[0]
    p = next((p for p in kb.patterns.get(block, ()) if p.pid == c.pattern), None)
    return p is not None and (not p.origin or lemma in p.origin)


def _name_given(v: Token, named: Token) -> list[Token]:
    """The words of the name a verb of naming gives ``named`` (see :func:`named_as`): the verb's object predicate or
    adjective complement, its "as" phrase, a noun in apposition to the object, or an adjective after the object that
    the parser hung on a word of the object's phrase ("termed the remarks by the envoy | unacceptable"); each with its
    own modifiers ("a shameful attack")."""
    from ..gdelt.tone import valence

    heads: list[Token] = []
    for c in kids(v):
        if c.dep_ in ("oprd", "acomp") or c.dep_ in ("ccomp", "xcomp") and c.pos_ == "ADJ":
            heads.append(c)
        elif c.dep_ == "advmod" and c.i > named.i and valence(c.lower_) != 0:
            heads.append(c)  # a word of judgement the parser read as an adverb ("called the attack | cowardly")
        elif c.dep_ == "prep" and c.lower_ == "as":
            heads += [g for g in kids(c) if g.dep_ in ("pobj", "pcomp", "amod", "acomp")]
    heads += [c for c in kids(named) if c.dep_ == "appos"]
    if not heads:
        heads = [t for t in named.subtree if t.pos_ == "ADJ" and t.dep_ in ("amod", "conj") and t.i > t.head.i and t.i > named.i]
    words: list[Token] = []
    for h in heads:
        words += [h] + [m for m in kids(h) if m.dep_ in ("amod", "compound", "conj", "advmod", "neg") and m.i < h.i + 3]
    return words


def _disapproving(words: list[Token]) -> bool:
    """A word of the name scores at or below ``NAMING_VALENCE`` in VADER's lexicon, and the name is not negated."""
    from ..gdelt.tone import valence

    if any(w.dep_ == "neg" or w.lower_ in ("not", "never", "no") for w in words):
        return False
    return any(min(valence(w.lower_), valence(w.lemma_.lower())) <= NAMING_VALENCE for w in words)


_RELIEF_WORDS = frozenset({"rescue", "relief", "evacuate", "evacuation", "help", "assist", "search", "aid"})


def _own_forces_shown(cands: list[Candidate], frame: VerbFrame, kb: Knowledge) -> list[Candidate]:
    """Forces deployed or put on alert by no one named (a passive show or build-up of force, CAMEO 15) show their own
    side's force: they are the act's doers, no target of it ("troops were deployed to the border", "police were
    placed on high alert"). Forces a named party moves or builds up are its own, its means, no target either
    ("moved thousands of troops closer to the border": aimed at whoever the rest of the phrase names)."""
    if not frame.passive:
        doc = frame.verb.doc
        return [replace(c, target_groups=[g for g in c.target_groups if not _own_forces(doc[g[0]], kb)])
                if c.source_groups and c.code[:2] == FORCE_POSTURE_ROOT else c for c in cands]
    if any(t.lemma_.lower() in _RELIEF_WORDS for t in frame.after):
        return cands  # (forces sent to rescue or to help after a disaster show no force: "deployed to help with rescue efforts")
    # ("forces", which the dictionary names only with a modifier, "armed forces", while news also writes "security
    # forces were deployed": here the verb's own pattern already codes a deployment)
    forces = [_group(counted(p)) for p in passive_patients(frame.verb) if _forces(counted(p), kb) or counted(p).lemma_.lower() == "force"]
    if not forces:
        return cands
    return [replace(c, source_groups=forces, target_groups=[g for g in c.target_groups if g not in forces])
            if not c.source_groups and c.code[:2] == FORCE_POSTURE_ROOT else c for c in cands]


def _own_forces(tok: Token, kb: Knowledge) -> bool:
    """Forces with no other party's possessor ("troops", "thousands of troops", not "the rebels' fighters")."""
    return _forces(counted(tok), kb) and not any(k.dep_ == "poss" and k.lower_ not in ("its", "their") for k in kids(tok))


SHOW_OF_FORCE_CODE = "150"  # CAMEO "demonstrate military or police power"
_SHOWN_INSTEAD = ("06", "07", "166")  # codings of cooperation, of aid and of withdrawal (code prefixes)


def _shows_of_force(cands: list[Candidate], v: Token, frame: VerbFrame, kb: Knowledge) -> list[Candidate]:
    """Armed forces, aircraft or weapons sent toward, near, around, along or off a party (``event_force_shows.tsv``)
    with no "to" phrase: forces shown to it ("sent warships around the island"), not given to it. The verb's codings
    of cooperation, aid or withdrawal become one show of force (150), aimed at the phrase's object or at the owner
    it names ("off the coast of X"); its other codings stay."""
    if not cands or not kb.force_shows:
        return cands
    sending = any(map(_read_as_sending, cands))
    if not sending and not any(map(_sent_to_a_state_instead, cands)):
        return cands
    # (or the forces whose sending the object names: "ordered the deployment of two battalions to X")
    sent = [o for o in frame.objects if o.lemma_.lower() in _SENDING_NOUNS]
    forces = [counted(o) for o in frame.objects if not _destination(o)] + [counted(g) for o in sent for c in kids(o) if c.dep_ == "prep" and c.lower_ == "of"
                                                    for g in kids(c) if g.dep_ == "pobj"]
    armed = any(_forces(f, kb) for f in forces)
    people = any(_armed_people(f, kb) for f in forces)
    if not armed and not people:
        return cands
    places = [o for p_, o in frame.preps if p_ == "to"]
    places += [g for h in (v, *sent) for c in kids(h) if c.dep_ in ("dative", "prep") and c.lower_ == "to" and (h is not v or c.dep_ == "dative")
               for g in kids(c) if g.dep_ == "pobj"]
    states = [o for o in places if country_by_name(o)] if people else []
    if states:
        return _protection_sent(cands, states)
    if not sending or not armed:
        return cands
    if places:
        if any(_a_party(o) for o in places):
            # forces sent to someone are given to them (or sent into their war): the dictionary's reading, in which a
            # show of force (GIVE's "&MILITARY", 150) is no alternative to the aid its other patterns code (07x)
            given = [c for c in cands if c.code != SHOW_OF_FORCE_CODE]
            return given if any(c.code.startswith("07") for c in given) else cands
        return _deployed(cands, places)
    shown_to = [o for p_, o in frame.preps if p_ in kb.force_shows]
    shown_to += [g for o in frame.objects for h in {o, counted(o)} for c in kids(h)  # "sent dozens of jets | toward X"
                 if c.dep_ == "prep" and _PREP_SPELLINGS.get(c.lower_, c.lower_) in kb.force_shows for g in kids(c) if g.dep_ == "pobj"]
    if not shown_to:
        return cands
    return _sending_read_as(cands, SHOW_OF_FORCE_CODE, "+shown", [g for o in shown_to for g in (_group(o), *owner_groups(o))])


PROTECTION_CODE = "074"  # CAMEO "provide military protection or peacekeeping" (PLOVER AID)
# (the codings of a sending verb that forces sent to a state replace: intents, cooperation, force posture, occupation and
# withdrawal, CAMEO 03, 06, 15, 19 and 166; its own codings of aid, 07, stay)
_SENT_TO_A_STATE_INSTEAD = ("03", "06", "15", "19", "166")


def _protection_sent(cands: list[Candidate], states: list[Token]) -> list[Candidate]:
    """Armed forces or police sent "to" a state by name ("deployed 600 police officers to X", "sent peacekeepers to
    X") protect it or keep its peace: the CAMEO codebook's 074, provide military protection or peacekeeping (PLOVER
    AID), aimed at that state, however the dictionary's patterns of the sending verb read the forces (a show of force,
    153/154; military cooperation, 062; an intent, 0334; an occupation, 192). A coding of aid the patterns give
    (072, military aid) stays instead, with the verb's other codings of aid. Forces sent to a place that is no state
    (a region, a border, a town) are deployed there (:func:`_deployed`); only a "to" phrase is read here ("into" a
    state is left to the dictionary's patterns)."""
    if not any(map(_sent_to_a_state_instead, cands)):
        return cands
    if any(c.code.startswith(AID_ROOT) for c in cands):
        return [c for c in cands if not _sent_to_a_state_instead(c)]
    return _one_reading(cands, _sent_to_a_state_instead, PROTECTION_CODE, "+protection", [_group(o) for o in states])


def _sent_to_a_state_instead(c: Candidate) -> bool:
    return c.code.startswith(_SENT_TO_A_STATE_INSTEAD)


# a weapon fired at, on or toward someone is an attack on them ("into" is where it lands: AIMED_PREPS holds it)
_FIRED_AT_PREPS = frozenset({"at", "on", "against", "toward", "towards"})


def _fired_into_open_water(cands: list[Candidate], v: Token, frame: VerbFrame, kb: Knowledge) -> list[Candidate]:
    """A weapon fired or launched into open water (``event_open_waters.tsv``: a missile launched to come down in a gulf), or
    test-fired, strikes no party: a demonstration of military capability (PLOVER MOBILIZE 'weapons', CAMEO 150), with
    no target; the water is where it fell. The verb's codings of force become that one act; a weapon fired at, on or
    against anyone stays an attack."""
    if not cands or not any(c.code[:2] in FORCE_ROOTS for c in cands):
        return cands
    if not any(counted(o).lemma_.lower() in kb.weapons for o in frame.objects):
        return cands
    if any(p_ in _FIRED_AT_PREPS for p_, _ in frame.preps):
        return cands
    into_water = any(p_ == "into" and o.lemma_.lower() in kb.open_waters for p_, o in frame.preps)
    doc = v.doc
    tested = v.i >= 2 and doc[v.i - 1].text == "-" and doc[v.i - 2].lower_ == "test"  # "test-fired", "test-launched"
    if not into_water and not tested:
        return cands
    return _one_reading(cands, lambda c: c.code[:2] in FORCE_ROOTS, SHOW_OF_FORCE_CODE, "+shown", [])


def _read_as_sending(c: Candidate) -> bool:
    """A coding of cooperation, aid or withdrawal, or a verb's default deployment ("moved troops to X",
    event_verbs.tsv: "move" with armed forces as its object), which the sending rules read by where the forces go."""
    return c.code.startswith(_SHOWN_INSTEAD) or c.code == DEPLOYMENT_CODE and c.pattern.endswith(":verb")


def _sending_read_as(cands: list[Candidate], code: str, mark: str, targets: list[list[int]]) -> list[Candidate]:
    """The codings of cooperation, aid or withdrawal among ``cands`` become one act ``code`` aimed at ``targets``;
    the other codings stay."""
    return _one_reading(cands, _read_as_sending, code, mark, targets)


def _one_reading(cands: list[Candidate], reread: Callable[[Candidate], bool], code: str, mark: str,
                 targets: list[list[int]]) -> list[Candidate]:
    """The codings ``reread`` picks among ``cands`` become one act ``code`` (its pattern marked ``mark``) aimed at
    ``targets``, in the place of the first of them; the other codings stay."""
    out: list[Candidate] = []
    done = False
    for c in cands:
        if not reread(c):
            out.append(c)
        elif not done:
            done = True
            out.append(replace(c, code=code, reverse="", pattern=c.pattern + mark, target_groups=targets))
    return out


# bodies of armed men and police a state sends, beside the dictionary's &MILITARY ("personnel", "officers", "units")
_FORCE_WORDS = frozenset({"personnel", "officer", "officers", "police", "policeman", "policemen", "guard", "guards", "unit", "units",
                          "squadron", "squadrons", "reinforcement", "reinforcements", "company", "companies"})
_POLICE_WORDS = frozenset({"police", "policeman", "policemen", "officer", "officers"})
_PEACEKEEPERS = frozenset({"peacekeeper", "peacekeepers"})  # sent to a state, they keep its peace (_protection_sent)
_DEMAND_CODE = "100"  # the ordering verbs' default code (OVERSEE_MANAGE, DEMAND): a demand
_DESTINATION_PREPS = ("to", "onto", "into")
POLICE_DEPLOYMENT_CODE = "153"  # CAMEO "mobilize or increase police power"


_ALLOW_BLOCK = "ALLOW"
_AID_MODIFIERS = frozenset({"aid", "relief", "humanitarian", "food", "medical"})
_NEEDS_AID_MODIFIER = frozenset({"worker", "agency", "truck", "lorry", "convoy", "supply"})


ACCESS_PATTERN = "+access"  # the pattern suffix of a candidate _access_allowed recoded


def _allowing(c: Candidate, entering: bool) -> bool:
    """The ALLOW block's default; or one of its aid patterns, which fits the aid an "aid convoy" carries, when the aid
    is let in or through somewhere ("allowed aid convoys into the north" is access; "approved an aid package" no entry)."""
    if c.pattern == f"{_ALLOW_BLOCK}:verb":
        return True
    return entering and c.pattern.startswith(f"{_ALLOW_BLOCK}:") and c.code.startswith(AID_ROOT)


def _access_allowed(cands: list[Candidate], frame: VerbFrame, kb: Knowledge) -> list[Candidate]:
    """A verb of the ALLOW block coded by its default (080, yield) whose direct object is inspectors, peacekeepers or
    aid (``event_access.tsv``: "allowed IAEA inspectors into the plant", "let the first aid convoys in") allows access:
    the row's code (0861-0863), with the verb's slots. Workers, agencies, trucks, convoys and supplies count only with a
    modifier of aid, relief, food or medicine ("food trucks", "aid workers"): "allowed trucks into the centre" is traffic."""
    # (let in or through somewhere, or let do something there: "allowed aid trucks to enter X")
    entering = ("in" in frame.particles or any(p_ in ("into", "through") for p_, _ in frame.preps)
                or any(c.dep_ in ("ccomp", "xcomp") and has_to(c) for c in kids(frame.verb)))
    if not cands or not kb.access or not all(_allowing(c, entering) for c in cands):
        return cands
    # (or those allowed to do something, whom the parser makes the subject of the infinitive: "allowed aid trucks |
    # to enter", "allowed inspectors | to visit the site")
    allowed = frame.objects + [s for c in kids(frame.verb) if c.dep_ in ("ccomp", "xcomp") and has_to(c)
                               for s in kids(c) if s.dep_ == "nsubj"]
    for o in allowed:
        if _destination(o):
            continue
        for n in (o, counted(o)):
            code = kb.access.get(n.lemma_.lower())
            if code and (n.lemma_.lower() not in _NEEDS_AID_MODIFIER
                         or any(c.lower_ in _AID_MODIFIERS for c in kids(n) if c.dep_ in ("compound", "amod"))):
                # (the act is the letting: what is let in is its target's matter, no word of the act)
                return [replace(cands[0], code=code, reverse="", pattern=cands[0].pattern + ACCESS_PATTERN, consumed=[])]
    return cands


def _destination(o: Token) -> bool:
    """An object the frame holds that is where or to whom something is sent ("to forward bases", "to Spanish police")."""
    return o.dep_ == "pobj" and (o.head.dep_ == "dative" or o.head.lower_ in _DESTINATION_PREPS)


def _armed_people(tok: Token, kb: Knowledge) -> bool:
    """Armed forces as people (``&MILITARY``: "troops", "soldiers", "marines"; no weapon or aircraft), police or
    peacekeepers: whom a state is sent to protect it (:func:`_protection_sent`); arms sent are aid (072), not this."""
    low = tok.lemma_.lower()
    return low in kb.armed and low not in kb.weapons or low in _POLICE_WORDS or tok.lower_ in _POLICE_WORDS or low in _PEACEKEEPERS


def _forces(tok: Token, kb: Knowledge) -> bool:
    low = tok.lemma_.lower()
    return low in kb.armed or low in _FORCE_WORDS or tok.lower_ in _FORCE_WORDS


# Verbs of managing that, with a party as object and an infinitive, give an order ("directed the army to withdraw",
# "commanded troops to leave"): coded as PETRARCH2 codes "order" (100, a demand made of the party), where their
# block's default reads cooperation (060). Without the infinitive they say who runs something ("directs the health
# programme", "commands the northern division"), a standing role as the block's other verbs of running are
# (event_verbs.tsv withholds their default): no act
_ORDER_GIVING = frozenset({"direct", "command"})


def _orders_given(cands: list[Candidate], frame: VerbFrame) -> list[Candidate]:
    """A verb of :data:`_ORDER_GIVING` coded by its default is an order (100) made of its object where it has an
    object and an open infinitive complement, and no act otherwise."""
    if frame.verb.lemma_.lower() not in _ORDER_GIVING or not cands or any(not c.pattern.endswith(":verb") for c in cands):
        return cands
    if not frame.objects or not any(has_to(x) for x in frame.xcomps):
        return []
    return [replace(c, code=_DEMAND_CODE, reverse="") for c in cands]


def _forces_ordered(cands: list[Candidate], frame: VerbFrame, kb: Knowledge) -> list[Candidate]:
    """Forces or police ordered "to", "onto" or "into" a place that is no party ("ordered 500 troops to the border",
    "ordered extra police officers onto the streets") are deployed there (154; police: 153), aimed at the party a
    border phrase names; the ordering verb's default code read it as a demand (100) made of the forces. Only when no
    pattern of the verb fits."""
    if not cands or not all(c.code == _DEMAND_CODE and c.pattern.endswith(":verb") for c in cands):
        return cands
    objects = [c for o in frame.objects if not _destination(o) for c in conjuncts(o)]
    named = [counted(o) for o in objects] + [counted(g) for o in objects if o.lemma_.lower() in _SENDING_NOUNS for c in kids(o)
                                             if c.dep_ == "prep" and c.lower_ == "of" for g in kids(c) if g.dep_ == "pobj"]
    forces = [f for f in named if _forces(f, kb)]
    places = [o for p_, o in frame.preps if p_ in _DESTINATION_PREPS]
    places += [g for f in (frame.verb, *objects, *named) for c in kids(f) if c.dep_ in ("prep", "dative") and c.lower_ in _DESTINATION_PREPS
               and (c.dep_ == "dative" or f is not frame.verb) for g in kids(c) if g.dep_ == "pobj"]
    if not forces or not places or any(_a_party(o) for o in places):
        return cands
    police = any(f.lemma_.lower() in _POLICE_WORDS or any(c.lower_ == "police" for c in kids(f)) for f in forces)
    code = POLICE_DEPLOYMENT_CODE if police else DEPLOYMENT_CODE
    return [replace(cands[0], code=code, reverse="", pattern=cands[0].pattern + "+deployed", target_groups=_border_parties(places))]


_SENDING_NOUNS = frozenset({"deployment", "dispatch", "redeployment", "transfer"})  # an act of sending forces somewhere
DEPLOYMENT_CODE = "154"  # CAMEO "mobilize or increase armed forces" (PLOVER MOBILIZE)
_PARTY_ENTITY_TYPES = {"PERSON", "ORG", "NORP"}
# sectors the agents dictionary gives words of places ("province" CVL, "state" and "capital" GOV, "region" UNK)
_PLACE_LIKE_SECTORS = frozenset({None, "UNK", "CVL", "GOV"})
_NO_BODY_SECTORS = frozenset({"NON", "OWN"})  # the coder's agents table: no actor, or a group noun that needs its owner


def _a_party(o: Token) -> bool:
    """A "to" phrase's object that forces can be given to: a state (a country by name), an organisation, a people or a
    person, rather than a place ("to its border", "to the region", "to Kaduna"; the agents dictionary lists "province",
    "state" and "capital" as agents, so an agent noun is no test)."""
    if o.ent_type_ in _PARTY_ENTITY_TYPES:
        # (a name the tagger took for an organisation or a person that ends in a word of a place is a place: "Ondo
        # State")
        return o.lemma_.lower() not in SETTLEMENT_NOUNS | {"state"}
    agent = agent_actor(o.doc[o.i : o.i + 1], None)
    if agent is not None and agent.sector not in _PLACE_LIKE_SECTORS:
        return True  # "passed information to Spanish police", "sent arms to the rebels": a body of people
    # (or one of the coder's own table that names an actor alone: "handed its guns to the peacekeepers")
    entry = knowledge().agents.get(o.lower_) or knowledge().agents.get(o.lemma_.lower())
    if entry is not None and not entry[1] and entry[0] not in _PLACE_LIKE_SECTORS | _NO_BODY_SECTORS:
        return True
    return o.ent_type_ in ("GPE", "LOC") and country_by_name(o)


def _a_place(o: Token) -> bool:
    """The word names a place: a settlement noun ("the town"), a place by the tagger's type, or a name the gazetteer
    holds (the tagger takes many towns for persons)."""
    return (o.lemma_.lower() in SETTLEMENT_NOUNS or o.ent_type_ in ("GPE", "LOC", "FAC")
            or o.pos_ == "PROPN" and places().get(norm((entity_of(o) or o).text)) is not None)


def _scene_of_force(mod: Token, codes: list[str]) -> bool:
    """A town, a capital or a region named before an act of force ("a Kabul raid", "the Lagos bombing") is where it
    happened, not who did it: force is done in a city, and a capital stands for its state's government in acts of
    words and of policy ("Washington sanctions"), not in a raid. A country's name ("Israeli raid", "Niger attack")
    stays the doer."""
    if mod.pos_ != "PROPN" or not codes or not all(code[:2] in FORCE_ROOTS for code in codes):
        return False
    ent = entity_of(mod)
    if ent is None or ent.label_ not in ("GPE", "LOC"):
        return False  # (a group's name may spell a town's other name: the tagger's place, or none)
    place = places().get(norm(ent.text))
    return place is not None and place.kind in ("city", "capital", "region")


def country_by_name(tok: Token) -> bool:
    """The name ``tok`` is in is a country's in the gazetteer ("Niger", which the tagger may take for a facility or a
    work of art)."""
    ent = entity_of(tok)
    place = places().get(norm(ent.text if ent is not None else tok.text))
    return place is not None and place.kind == "country"


def _deployed(cands: list[Candidate], places: list[Token]) -> list[Candidate]:
    """Armed forces sent or moved "to" a place that is no party (a border, a region, a town: "moved troops to its border
    with X", "deployed two battalions to the north") are deployed there (154), not given to anyone as the dictionary's
    "SEND * &MILITARY" (072) reads them; aimed at the party a border phrase names ("its border with X"), if any."""
    return _sending_read_as(cands, DEPLOYMENT_CODE, "+deployed", _border_parties(places))


def _border_parties(places: list[Token]) -> list[list[int]]:
    """The parties a place's "with" phrase names ("its border with X"): those forces deployed there are aimed at. The
    parser may hang the phrase on the verb instead; it still follows the place's own words."""
    withs = [c for o in places for c in kids(o) if c.dep_ == "prep" and c.lower_ == "with"]
    withs += [t for o in places if o.right_edge.i + 1 < len(o.doc) for t in [o.doc[o.right_edge.i + 1]]
              if t.dep_ == "prep" and t.lower_ == "with" and t.head.i != o.i]
    return [[g.i] for c in withs for g in kids(c) if g.dep_ == "pobj"]


_HOLDING_CODES = ("173", "181")  # arrest or detain, abduct or take hostage: what is done to people


def _held_people(o: Token, kb: Knowledge) -> bool:
    """A noun of the information table in its sense of people ("released detained opposition figures"): a participle
    of a verb whose act is done to people (arrested, detained, kidnapped) or an agent noun of the opposition or of an
    armed group modifies it. Numbers are not detained, and "opposition figures" are its leaders."""
    for c in kids(o):
        if c.dep_ == "amod" and c.tag_ == "VBN" and any(e.code.startswith(_HOLDING_CODES) for e in kb.verbs_by_lemma.get(c.lemma_.lower(), ())):
            return True
        if c.dep_ in ("compound", "amod"):
            agent = agent_actor(c.doc[c.i : c.i + 1], None)
            sector = agent.sector if agent is not None else kb.agents.get(c.lemma_.lower(), ("", False))[0]
            if sector in _OPPOSING_SECTORS:
                return True
    return False


_OPPOSING_SECTORS = frozenset({"OPP", "REB", "INS"})  # PLOVER sectors of the opposition and of armed groups


def _succession(v: Token, kb: Knowledge) -> bool:
    """``v`` is a successor taking over an office (``event_successions.tsv``: "took over from X", "took over as
    chairman", "took over the post"): no act of one party on another, however the verb codes taking control."""
    lemma = v.lemma_.lower()
    if not any(lemma == verb for verb, _ in kb.successions):
        return False
    deps = kids(v)
    for c in deps:
        row = kb.successions.get((lemma, c.lower_)) if c.dep_ == "prt" else None
        if row is None:
            continue
        preps, offices = row
        objects = [o for o in deps if o.dep_ == "dobj"]
        if objects:
            return all(o.lemma_.lower() in offices for o in objects)
        return any(p.dep_ == "prep" and p.lower_ in preps for p in deps)
    return False


def _conveyed_for_care(v: Token, kb: Knowledge) -> bool:
    """``v`` brings someone to a place of care (``event_care_destinations.tsv``: "were taken to hospital", "rushed
    to a clinic"): a conveyance for treatment, no act of one party on another. Goods brought there ("delivered
    medical supplies to hospitals": an object the patterns code as aid, ``Knowledge.goods``) are aid, not a patient."""
    if any(c.dep_ == "dobj" and (c.lemma_.lower() in kb.goods or c.lower_ in kb.goods) for c in kids(v)):
        return False
    return _prep_object_in(v, "to", kb.care_places, ("prep", "dative"))


def _prep_object_in(v: Token, prep: str, nouns: frozenset[str], deps: tuple[str, ...] = ("prep",)) -> bool:
    """``v`` has a ``prep`` phrase (as one of ``deps``) whose object's lemma is one of ``nouns``."""
    return any(c.dep_ in deps and c.lower_ == prep and any(g.dep_ == "pobj" and g.lemma_.lower() in nouns for g in kids(c))
               for c in kids(v))


def _sought_for_comment(v: Token, kb: Knowledge) -> bool:
    """``v`` asks someone for a reporter's quote (``event_press_inquiries.tsv``: "contacted the ministry for comment",
    "could not be reached for comment", :func:`_bare_request`): the newsroom's own reporting, no act of one party on
    another."""
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(g.dep_ == "pobj" and g.lemma_.lower() in kb.press_inquiries
                                                              and _bare_request(g) for g in kids(c))
               for c in kids(v)) or _asked_by_reporter(v)


def _bare_request(noun: Token) -> bool:
    """The noun stands alone but for an article ("for comment", "for an interview"): a reporter's request. Words of its
    own say whose words they are ("apologised for remarks a deputy had made", "for his comments on the war"): an act
    about them."""
    return all(c.dep_ == "det" and c.lower_ in ("a", "an") or c.dep_ == "prep" and any(is_time(g) for g in kids(c))
               for c in kids(noun))  # (a time the parser hung on it, "for comment on Monday", is the request's)


_QUESTION_MARKS = frozenset({"when", "if", "as"})


def _asked_by_reporter(v: Token) -> bool:
    """``v`` is a passive of asking in a clause of its own that names no asker ("..., she said when asked whether the
    bridge would open", "if questioned about the deal"): the question a reporter put to the speaker, no request of one
    party to another."""
    # (the parser may read the participle as a past tense hung on the speaker: "said the mayor, when asked")
    return (v.tag_ in ("VBN", "VBD") and v.lemma_.lower() in ("ask", "question", "press")
            and v.dep_ in ("advcl", "conj", "relcl", "acl")
            and any(c.dep_ in ("mark", "advmod") and c.lower_ in _QUESTION_MARKS and c.i < v.i for c in kids(v))
            and not any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in kids(v)))


def _departure_ordered(v: Token, kb: Knowledge) -> Token | None:
    """The infinitive of leaving that ``v`` orders its direct object to do ("ordered the envoy | to leave"), or that
    ``v``, a verb of giving a deadline, gives its recipient a time to do ("gave the envoy | 48 hours | to leave", "was
    given 72 hours to leave"); None when there is none, or when those ordered out are nobody's people."""
    if v.lemma_.lower() in kb.deadlines:
        time = next((c for c in kids(v) if c.dep_ in ("dobj", "npadvmod") and _is_time_span(c)), None)
        if time is None:
            return None
        ordered = next((c for c in kids(v) if c.dep_ in ("dative", "nsubjpass")), None)
        leaving = [x for x in kids(v) if x.dep_ in ("xcomp", "advcl")] + [x for x in kids(time) if x.dep_ in ("relcl", "acl")]
    else:
        ordered = next((c for c in kids(v) if c.dep_ == "dobj"), None)
        leaving = [x for x in kids(v) if x.dep_ == "xcomp"]
    if ordered is None or not _named_by_a_state(ordered):
        return None  # ("ordered the protesters to leave the square": a demand; only a state's or a body's people are expelled)
    # (or a conjunct of the infinitive, which shares its "to": "ordered X to close its office and leave")
    leaving = [c for x in leaving if has_to(x) for c in (x, *(k for k in x.conjuncts if k.i > x.i and k.pos_ == "VERB"))]
    # (or the word "out" after those ordered: "ordered the peacekeepers out", "ordered them out of the country")
    leaving += [c for c in kids(v) if c.lower_ == "out" and c.dep_ in ("prt", "advmod", "prep") and c.i > ordered.i]
    return next((x for x in leaving if x.lower_ in kb.departures or x.lemma_.lower() in kb.departures), None)


def _is_time_span(tok: Token) -> bool:
    """A span of time given as a deadline ("48 hours", "a week", "until Friday")."""
    return tok.ent_type_ in ("TIME", "DATE") or tok.lemma_.lower() in TIME_UNITS


_STATE_ENTITIES = frozenset({"NORP", "GPE", "ORG"})


def _named_by_a_state(obj: Token) -> bool:
    """The object is a state, a people or a body, or is named by one ("the French ambassador", "Germany's envoy", "the
    UN mission"): those whom CAMEO's expulsion (166) orders out are personnel or citizens of another state or body."""
    return obj.ent_type_ in _STATE_ENTITIES or any(
        c.dep_ in ("amod", "compound", "poss", "nmod") and c.ent_type_ in _STATE_ENTITIES for c in kids(obj))


def _expulsions(cands: list[Candidate], v: Token, kb: Knowledge) -> list[Candidate]:
    """An order to leave expels those ordered out (``event_expulsions.tsv``: "ordered the ambassador to leave", "told
    the troops to quit", "gave the envoy 48 hours to leave"): a demand (CAMEO 10), a verb of telling that gives an
    order, or a verb that gives a deadline, codes as the row's code with the same slots and no reversed reading. The leaving is the order's content, no act (see ``verb_candidates``)."""
    lemma = v.lemma_.lower()
    if not cands or lemma not in kb.ordering and lemma not in kb.deadlines and not any(c.code[:2] == "10" for c in cands):
        return cands
    leaving = _departure_ordered(v, kb)
    if leaving is None:
        return _ultimatums(cands, v, kb)
    code = kb.departures.get(leaving.lemma_.lower()) or kb.departures[leaving.lower_]
    return [replace(c, code=code, reverse="", pattern=c.pattern + "+expelled")
            if c.code[:2] == "10" or (c.lemma in kb.ordering and c.code[:2] == "01") or c.lemma in kb.deadlines else c
            for c in cands]


NO_ACT = "---"  # a table's code of no event
ULTIMATUM = "139"  # CAMEO give ultimatum (PETRARCH2's GRANT "* DEADLINE", "* ULTIMATUM")


def _ultimatum(v: Token, kb: Knowledge) -> tuple[Token, list[Token]] | None:
    """(the recipient, the acts demanded) when ``v``, a verb of giving a deadline, gives a party a span of time to do
    something ("gave the council ten days to answer", "were given a week to meet the terms"), else None."""
    if v.lemma_.lower() not in kb.deadlines:
        return None
    time = next((c for c in kids(v) if c.dep_ in ("dobj", "npadvmod") and _is_time_span(c)), None)
    recipient = next((c for c in kids(v) if c.dep_ in ("dative", "nsubjpass")), None)
    if time is None or recipient is None:
        return None
    acts = [x for x in kids(v) if x.dep_ in ("xcomp", "advcl")] + [x for x in kids(time) if x.dep_ in ("relcl", "acl")]
    acts = [c for x in acts if x.pos_ in ("VERB", "AUX") and has_to(x) for c in (x, *(k for k in x.conjuncts if k.i > x.i and k.pos_ == "VERB"))]
    return (recipient, acts) if acts else None


def _ultimatums(cands: list[Candidate], v: Token, kb: Knowledge) -> list[Candidate]:
    """A deadline given to a party to do something other than leave ("gave the council ten days to answer") is an
    ultimatum (139) to that party, as the dictionary codes a deadline or an ultimatum given ("GIVE * HOURS", "* TWO
    WEEKS"), whatever the span, not the material gift the verb's default reads."""
    found = _ultimatum(v, kb)
    if found is None:
        return cands
    recipient = _group(found[0])
    return [replace(c, code=ULTIMATUM, reverse="", target_groups=[recipient, *(g for g in c.target_groups if g != recipient)],
                    pattern=c.pattern + ("+ultimatum" if c.code != ULTIMATUM else ""))
            if c.lemma in kb.deadlines else c for c in cands]


def _demanded_by_ultimatum(v: Token, kb: Knowledge) -> bool:
    """``v`` is what an ultimatum demands ("gave the army ten days | to withdraw"): its content, not an act."""
    gov = v.head.head if v.dep_ in ("relcl", "acl") else v.head
    if v.dep_ == "conj":
        gov = v.head.head.head if v.head.dep_ in ("relcl", "acl") else v.head.head
    if gov.i == v.i:
        return False
    found = _ultimatum(gov, kb)
    return found is not None and any(a.i == v.i for a in found[1])


def _ordered_to_leave(v: Token, kb: Knowledge) -> bool:
    """``v`` is the leaving an order to leave orders (``_expulsions``): the order's content, not an act."""
    conjunct = v.dep_ == "conj" and v.head.pos_ == "VERB"
    inf = v.head if conjunct else v  # "to close its office and leave": the leaving shares the first infinitive's order
    if inf.dep_ in ("xcomp", "advcl"):
        gov = inf.head  # "ordered the envoy to leave", "gave the envoy 48 hours to leave"
    elif inf.dep_ in ("relcl", "acl") and not conjunct:
        gov = inf.head.head  # "was given 72 hours to leave": the infinitive hangs on the time given
    else:
        return False
    if gov.i == inf.i:
        return False
    leaving = _departure_ordered(gov, kb)
    # (the infinitive the leaving is a conjunct of is the order's content too: "to close its office and leave")
    return leaving is not None and (leaving.i == v.i or not conjunct and any(k.i == leaving.i for k in v.conjuncts))


_TAKING_PART = frozenset({"participation", "involvement", "part"})


def _taken_part_in(o: Token) -> Token:
    """The act a noun of taking part names in its "in" phrase ("suspended its participation in the talks": the talks,
    for the party that suspends its part), else the noun itself."""
    if o.lemma_.lower() not in _TAKING_PART:
        return o
    acts = [g for c in kids(o) if c.dep_ == "prep" and c.lower_ == "in" for g in kids(c) if g.dep_ == "pobj" and g.pos_ == "NOUN"]
    return acts[0] if acts else o


def _paid_out(o: object, kb: Knowledge) -> bool:
    """The object is a sum of money ("50 million dollars", "$2 billion"): a currency word or a money amount."""
    return isinstance(o, Token) and (kb.names_money(o) or o.ent_type_ == "MONEY")


def _ending(v: Token, entries: list[VerbEntry], kb: Knowledge) -> list[Candidate]:
    """A verb of ending (``knowledge.ends_acts``) whose object is an act noun codes the ending of that act
    (``event_endings.tsv``): "the rebels halted their offensive", "the curfew was lifted by the army". The noun is
    consumed (it is the act ended, not one that happened); the source is the verb's agent, the targets those the
    ended act was aimed at ("lifted the siege of X", "ended its offensive against Y") or the verb's own."""
    left = _left_acts(v)
    if left:
        ended = left  # "withdrew from the talks": the act left
    elif any(ends_acts(e) for e in entries) or _ended_with_particle(v):
        ended = [o for o in kids(v) if o.dep_ in ("dobj", "nsubjpass")] + particle_objects(v)  # "halted the offensive", "broke off talks"
        ended = [_taken_part_in(_amount_of(o, v, kb)) for o in ended]
    else:
        return []
    for o in ended:
        if o.pos_ != "NOUN":
            continue
        rows = kb.nouns.get(o.lemma_.lower()) or kb.gerunds.get(o.lower_)
        fitting = [r for r in rows or () if _noun_fits(r, o)]
        relation = kb.relations.get(o.lemma_.lower()) if not fitting and not left else None
        if relation:  # a relation ended ("suspended trade with X", "halted X's membership"): event_relations.tsv
            codes = [relation]
        elif not fitting:
            continue
        else:
            top = max(r.specificity for r in fitting)
            codes = [kb.ending_of(r.code) for r in fitting if r.specificity >= top]
            codes = [c for c in dict.fromkeys(codes) if c]
        if not codes:
            continue
        frame = verb_frame(v)
        sources = [[t.i for t in frame.subjects]] if frame.subjects else []
        targets = [grp for c in kids(o) if c.dep_ == "prep" and c.lower_ in NOUN_TARGET_PREPS
                   for g in kids(c) if g.dep_ == "pobj" and not is_time(g)
                   for grp in (_group(counted(g)), *(owner_groups(g, of_owner=False)
                                                     if c.lower_ == "of" and all(k[:2] == _REDUCING_ROOT for k in codes) else ()))]
        if relation:
            targets += [_group(c) for c in kids(o) if c.dep_ == "poss" and c.pos_ != "PRON"]  # "X's membership"
        targets += [_group(g) for p_, g in frame.preps if p_ in TARGET_PREPS and g.i != o.i]
        targets = [g for i, g in enumerate(targets) if g not in targets[:i]]
        kind = LEFT_PATTERN if left else ENDING_PATTERN
        return [Candidate(v.i, "verb", v.lemma_.lower(), code, "", 1.0, kind + o.lemma_.lower(), sources, targets, [o.i],
                          place_groups=place_groups([v, o])) for code in codes]
    return []


def _amount_of(o: Token, v: Token, kb: Knowledge) -> Token:
    """What a sum of money the verb acts on is in ("stopped $8 million in budget aid", "cut 90 million crowns of
    loans": the aid, the loans), also where the parser hung the "in" phrase on the verb; else the object itself."""
    inner = counted(o)
    if inner.i == o.i and _paid_out(o, kb):
        inner = next((g for c in kids(v) if c.dep_ == "prep" and c.lower_ == "in" and c.i > o.i for g in kids(c) if g.dep_ == "pobj"), o)
    return inner


def _particle_only(p: Pattern) -> bool:
    """The pattern names the verb's particle and nothing else around it."""
    return bool(p.particle) and p.subject is None and p.object is None and not p.extra and not p.preps


def _ended_with_particle(v: Token) -> bool:
    """A verb that ends its object with its particle (``knowledge.ENDING_PARTICLE_VERBS``: "broke off", "cut off")."""
    particle = ENDING_PARTICLE_VERBS.get(v.lemma_.lower())
    return particle is not None and any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ == particle for c in kids(v))


ENDING_PATTERN = "ending:"  # the pattern id of an act ended by a verb of ending (_ending)
LEFT_PATTERN = "ending-left:"  # the pattern id of an act ended by leaving it (_left_acts)


def _left_acts(v: Token) -> list[Token]:
    """The nouns a verb of leaving leaves (``knowledge.LEAVING_VERBS``): "withdrew from the talks", "pulled out of the
    negotiations"; [] for any other verb."""
    particle = LEAVING_VERBS.get(v.lemma_.lower())
    if particle is None:
        return []
    heads = [v]
    if particle:  # the particle, which the parser may read as a preposition with "of" under it ("pulled out of")
        heads += [c for c in kids(v) if c.dep_ in ("prt", "prep", "advmod") and c.lower_ == particle]
        if len(heads) == 1:
            return []
    preps = ("from",) if not particle else ("of", "from")
    return [g for h in heads for c in kids(h) if c.dep_ == "prep" and c.lower_ in preps for g in kids(c) if g.dep_ == "pobj"]


REFUSAL_ROOT = "12"
DECLINED_COMMENT = "011"  # CAMEO 011 "Decline comment" (a statement: no PLOVER type)
STATEMENT_ROOT = "01"


def _is_statement_verb(v: Token, kb: Knowledge) -> bool:
    """Every coding the dictionary gives the verb is a statement (CAMEO 01: "say", "comment", "speak")."""
    codes = kb.verb_codes(v.lemma_.lower())
    return bool(codes) and all(code.startswith(STATEMENT_ROOT) for code in codes)


def _declined_statements(cands: list[Candidate], v: Token, kb: Knowledge) -> list[Candidate]:
    """A refusal whose complement is a statement ("declined to comment", "refused to say whether ...") declines
    comment (CAMEO 011), a statement: it rejects nothing. Whether the complement is a statement is the
    dictionary's code for its verb (every coding of "say", "comment", "speak" is 01)."""
    if not any(c.code.startswith(REFUSAL_ROOT) for c in cands):
        return cands
    x = next((c for c in kids(v) if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
    if x is None or not _is_statement_verb(x, kb):
        return cands
    return [replace(c, code=DECLINED_COMMENT, reverse="", pattern=c.pattern + "+statement") if c.code.startswith(REFUSAL_ROOT)
            else c for c in cands]


def _blamed(v: Token, kb: Knowledge) -> tuple[str, Token] | None:
    """(code, the one blamed) when a clausal complement of ``v`` lays blame on its subject (``event_blame_predicates.tsv``:
    "said the militia was responsible", "said a gang was behind the shooting", "said the police were to blame")."""
    for clause in kids(v):
        if clause.dep_ != "ccomp" or clause.lemma_.lower() != "be" or any(c.dep_ == "neg" for c in kids(clause)):
            continue
        subject = next((c for c in kids(clause) if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ == "PRON":
            continue  # "said it was responsible for security": a duty, or a claim of one's own deed, or no one named
        for c in kids(clause):
            word = c.lemma_.lower()
            if ((c.dep_ == "acomp" and word not in ("behind", "blame")) or (c.dep_ == "prep" and word == "behind")
                    or (c.dep_ == "xcomp" and word == "blame" and any(a.dep_ == "aux" and a.lower_ == "to" for a in kids(c)))):
                code = kb.blame_predicates.get(word)
                if code:
                    return code, subject
    return None


def _blaming_statements(cands: list[Candidate], v: Token, kb: Knowledge) -> list[Candidate]:
    """A statement whose clause lays blame on someone accuses them (``_blamed``): the statement codes (CAMEO 01)
    become the row's code, the clause's subject the target. Blame denied in the clause ("was not responsible") is
    no accusation."""
    if not cands or not all(c.code.startswith(STATEMENT_ROOT) for c in cands):
        return cands
    blamed = _blamed(v, kb)
    if blamed is None:
        return cands
    code, subject = blamed
    return [replace(c, code=code, reverse="", target_groups=[_group(counted(subject))], pattern=c.pattern + "+blamed")
            for c in cands]


def _visits(cands: list[Candidate], v: Token, kb: Knowledge) -> list[Candidate]:
    """An appeal to someone that asks nothing of them is a visit to them (``event_visits.tsv``: "called on the
    governor"): the appeal codes (CAMEO 02) of the verb become the row's, with the same slots."""
    lemma = v.lemma_.lower()
    row = next((kb.visits[(lemma, c.lower_)] for c in kids(v) if c.dep_ == "prep" and (lemma, c.lower_) in kb.visits), None)
    if row is None or _asks_something(v):
        return cands
    code, reverse = row
    return [replace(c, code=code, reverse=reverse, pattern=c.pattern + "+visit") if c.code[:2] == "02" else c for c in cands]


def _asks_something(v: Token) -> bool:
    """The verb has a complement that says what is asked: a clause, a "for" phrase, or an infinitive on it or on its
    prepositional object ("called on X to free", "called for calm", "called on X to say that ...")."""
    for c in kids(v):
        if c.dep_ in ("xcomp", "ccomp") or c.dep_ == "prep" and c.lower_ == "for":
            return True
        if c.dep_ == "prep":
            if any(t.dep_ in ("aux", "mark") and t.lower_ in ("to", "that") for g in kids(c) for t in g.subtree):
                return True
        if c.dep_ == "advcl" and has_to(c):
            return True
    return False


def _intents(cands: list[Candidate], v: Token, kb: Knowledge) -> list[Candidate]:
    """A cooperative act offered, promised or stood ready for ("pledged to send troops", "is willing to grant loans")
    has not happened: it codes as the intent of it (``event_intents.tsv``, CAMEO 03), with the act's slots and
    none of its reversed reading. So does a meeting, support, cooperation or aid its actor says it will give or plans
    ("will visit", "said it would send aid", "plans to hold talks": :func:`modality.announced_cooperation`)."""
    promised = is_promised(v)
    if not promised and not (any(c.code[:2] in FUTURE_INTENT_ROOTS for c in cands) and announced_cooperation(v)):
        return cands
    out = []
    for c in cands:
        intent = kb.intent_of(c.code) if c.code and (promised or c.code[:2] in FUTURE_INTENT_ROOTS) else ""
        out.append(replace(c, code=intent, reverse="", pattern=c.pattern + PROMISED) if intent else c)
    return out


PROMISED = "+promised"  # pattern suffix of an act coded as the intent of it (:func:`_intents`)
REFUSED = "+refused"  # pattern suffix of an act coded as its refusal: its negation and modality are the refusing verb's
REFUSED_OUTRIGHT = "+not"  # pattern suffix of a negated act coded as its refusal: the refusal itself is not negated
SWORN = "+sworn"  # pattern suffix of an act coded as the threat of it that its actor swore: as REFUSED, the swearing verb's


def _refusing_verb(v: Token, kb: Knowledge) -> Token | None:
    """The verb of refusal whose infinitive or gerund complement ``v`` is ("refused to free", "declined to attend",
    "ruled out holding talks", "rejected sending troops"), or None. A phrasal member of the dictionary's REFUSE block
    counts with its particle there ("ruled out"; "ruled" alone is governing)."""
    head = v.head
    if head.i == v.i or head.i > v.i:
        return None
    infinitive = v.dep_ == "xcomp" and has_to(v)
    gerund = v.tag_ == "VBG" and v.dep_ in ("xcomp", "advcl", "ccomp", "dobj")
    if not (infinitive or gerund):
        return None
    lemma = head.lemma_.lower()
    if lemma in kb.refusing or any(e.block == REFUSAL_BLOCK and e.after and _companions_ok(e, head)
                                   for e in kb.verbs_by_lemma.get(lemma, ())):
        return head
    return None


_REJECTION = "120"  # CAMEO "reject, not specified below"
_APPEAL_ROOT = "02"  # CAMEO: make an appeal or request


def _refuses_to_act(v: Token, kb: Knowledge) -> bool:
    """``v`` has a to-infinitive complement that the dictionary codes nothing for by default, an act it refuses to do
    ("refused to register the party"). An act it codes is refused as that act (:func:`_refusals`: "refused to
    release" rejects a release, 1243), which says more."""
    return any(c.dep_ == "xcomp" and c.pos_ == "VERB" and has_to(c) and not kb.verb_codes(c.lemma_.lower())
               for c in kids(v))


def _refusals(cands: list[Candidate], v: Token, kb: Knowledge) -> list[Candidate]:
    """An act refused ("refused to free the prisoners", "declined to join the talks") has not happened; the refusal
    has: it codes as the refusal of that act (``event_refusals.tsv``, CAMEO 12), with the act's slots and none of its
    reversed reading. An act of no row ("refused to fire on the crowd") stays the act, negated (``modality``)."""
    if _refusing_verb(v, kb) is None:
        return cands
    out = []
    for c in cands:
        # an appeal made to the one who refuses to hear it ("refused to hear an appeal by X", reversed: X appealed) is
        # rejected: the refuser rejects it (120, "reject, not specified"; CAMEO has no code of its own for an appeal
        # turned down), aimed at whoever made it
        refusal = kb.refusal_of(c.code) if c.code else _REJECTION if c.reverse[:2] == _APPEAL_ROOT else ""
        out.append(replace(c, code=refusal, reverse="", pattern=c.pattern + REFUSED) if refusal else c)
    return out


_VOWING_AUX = frozenset({"will", "would", "wo", "shall"})  # ("wo" of "won't"): a negated act of will, not a fact


def _refused_outright(cands: list[Candidate], v: Token, kb: Knowledge) -> list[Candidate]:
    """An act of assent or of yielding that its actor leaves undone, negated outright ("did not accept the offer",
    "will not back the bill", "has never recognised the state"), is refused: it codes as the refusal of that act
    where ``event_refusals.tsv`` says so (column outright). "Not yet" is pending, no refusal; "not only" and "not just"
    negate no act; an infinitive ("agreed not to deploy") is a promise to refrain, which its governing verb codes."""
    going = going_to(v)  # "is not going to sign": the future's negation sits on "going", as on "will"
    said = v if going is None else going
    negs = [c for c in kids(said) if c.dep_ == "neg"]
    if not negs or going is None and has_to(v):
        return cands  # "agreed not to deploy", "vowed never to sign": what is promised is to refrain, not a refusal
    if any(c.lower_ == "yet" or c.lower_ in ("only", "just", "merely") and c.i == negs[0].i + 1 for c in kids(said)):
        return cands
    vowed = going is not None or any(c.dep_ == "aux" and c.lower_ in _VOWING_AUX for c in kids(v))
    out = []
    for c in cands:
        refusal = kb.outright_refusal_of(c.code, vowed) if c.code and not c.pattern.endswith(REFUSED) else ""
        out.append(replace(c, code=refusal, reverse="", pattern=c.pattern + REFUSED_OUTRIGHT) if refusal else c)
    return out


_THREAT_ROOT = "13"
_RESCUE_ROOTS = frozenset({"07", "08"})  # aid, release: what freeing or rescuing people codes
_FORCE_ROOT = "19"  # CAMEO "use conventional military force": the default of the verbs of fighting
_HANDING_ROOTS = frozenset({"06", "07", "08"})  # cooperation, aid, yielding: what a verb of giving or releasing codes
_STATEMENT_CODE = "010"  # CAMEO "make statement": information published (event_information_objects.tsv)
_PRESS_SECTOR = "JRN"  # the agents dictionaries' journalists, reporters and media
_SHARING_CODE = "064"  # CAMEO "share intelligence or information": information handed to a party (the same table)
_PESSIMISTIC_COMMENT = "012"  # CAMEO "make pessimistic comment": PETRARCH2's WARN patterns code warnings of a danger so


def recipients(frame: VerbFrame) -> list[Token]:
    """Who a verb of giving hands its object to: the object of its "to" or "with" phrase ("passed the file to the
    police", "shared the findings with X") or its indirect object ("gave the police the file"), when that names someone
    (a name, a noun or a pronoun)."""
    out = [head for prep, head in frame.preps if prep in ("to", "with")]
    if not out:
        # a "to" the parser hung on a noun of the object's phrase or of the verb's other phrases ("passed details of
        # the plot | to the police", "passed information on the plot | to the police"), naming a party: the recipient
        phrases = [*frame.objects, *(c for c in kids(frame.verb) if c.dep_ == "prep" and c.i > frame.verb.i)]
        out = [g for o in phrases for t in o.subtree if t.dep_ == "prep" and t.lower_ == "to" and t.head.i != frame.verb.i
               and t.head.dep_ == "pobj" for g in kids(t) if g.dep_ == "pobj" and _names_actor(g)][:1]
    for c in kids(frame.verb):
        if c.dep_ == "dative":  # the parser labels both the indirect object and, at times, the "to" of a recipient so
            out += [g for g in kids(c) if g.dep_ == "pobj"] if c.lower_ == "to" else [c]
    return [t for t in out if t.pos_ in ("NOUN", "PROPN", "PRON")]


def _done_by_a_thing(verb: Token, kb: Knowledge) -> bool:
    """The verb's subject is a common noun that names no party: no agent noun, no armed force or weapon, no name
    ("inflation could breach the target", "prices would hit records", "the storm could destroy the harvest"): what it
    does foretells a danger, no act anyone threatens."""
    if verb.pos_ != "VERB":
        return False
    subject = next((c for c in kids(verb) if c.dep_ == "nsubj"), None)
    return (subject is not None and subject.pos_ == "NOUN" and not subject.ent_type_ and _agent_sector(subject, kb) is None
            and subject.lemma_.lower() not in kb.armed and subject.lower_ not in kb.armed)


# what a warning threatens when it names no act: a retribution to come ("warned of consequences", "of reprisals")
_RETRIBUTIONS = frozenset({"consequence", "repercussion", "reprisal", "retaliation", "retribution", "response", "action",
                           "measure", "step", "punishment", "sanction", "force"})


def _threatens_in_clause(v: Token, kb: Knowledge) -> bool:
    """A threatening verb's clausal complement, if it has one, names a coercive or violent act (one of
    ``event_threats.tsv``: "warned that it would cut aid", "threatened that troops would march in"). A verb coded
    by its default as a threat whose clause tells only of a danger ("warned that the harvest would fail") foretells,
    and is a statement; one with no clause ("warned the rebels") stays a threat."""
    clauses = [c for c in kids(v) if c.dep_ == "ccomp"]
    if not clauses:
        # "warned of rising inflation", "warned about the risk of floods": a danger foretold, as PETRARCH2's own "WARN *
        # (OF RISK)" codes it (012); what is warned of that is an act ("warned of a crackdown") or a retribution
        # ("warned of consequences") stays a threat
        warned_of = [g for c in kids(v) if c.dep_ == "prep" and c.lower_ in ("of", "about") for g in kids(c) if g.dep_ == "pobj"]
        return not warned_of or any(kb.is_act_noun(g) or g.lemma_.lower() in _RETRIBUTIONS for g in warned_of)
    for clause in clauses:
        for t in clause.subtree:
            # (a noun counts as the act a verb names only as that verb's gerund, "the shelling": "a target range" is no act)
            if (t.pos_ == "VERB" or t.pos_ == "NOUN" and t.lower_ in kb.gerunds) and any(
                    kb.threat_of(e.code) for e in kb.verbs_by_lemma.get(t.lemma_.lower(), ()) if e.code not in ("", "---")
                    ) and not _done_by_a_thing(t, kb):
                return True
            if t.pos_ == "NOUN" and any(kb.threat_of(e.code) for e in kb.nouns.get(t.lemma_.lower(), ())):
                return True
            if (t.pos_ == "VERB" and any(e.block == REACTION_BLOCK for e in kb.verbs_by_lemma.get(t.lemma_.lower(), ())) and on_condition(t)
                    and not _done_by_a_thing(t, kb)):
                return True  # a reaction on a condition ("warned that it would respond if ..."): :func:`_reply_held_over`
    return False


def _reply_held_over(v: Token) -> Candidate | None:
    """A reaction its actor says it will make on a condition the other side is to meet, or vows ("would respond if X
    deploys missiles", "vowed to retaliate" is the dictionary's own): a threat, unspecified (130), held over that side.
    What the reaction would be is not said, so no threat of a kind; a reaction told as done or with no condition
    ("responded to the letter", "will reply next week") is no act."""
    conditional = on_condition(v)
    if any(k.dep_ == "neg" for k in kids(v)) or not (conditional or is_sworn(v)):
        return None
    sources, targets, consumed = _verb_slots(verb_frame(v), {}, None, UNSPECIFIED_THREAT)
    if not sources:
        return None
    averting = averting_parties([v]) if conditional else []
    return Candidate(v.i, "verb", v.lemma_.lower(), UNSPECIFIED_THREAT, "", 0.0, f"{REACTION_BLOCK}:verb+intent", sources,
                     averting + [g for g in targets if g not in averting], consumed)


def _threats(cands: list[Candidate], v: Token, kb: Knowledge) -> list[Candidate]:
    """A coercive or violent act its actor says it will do ("will ban", "plans to expel") is also the threat of it
    (``event_threats.tsv``): an alternative with the threat's code and the act's slots, for the classifier to choose.
    One its actor vows, pledges or threatens to do ("vowed to storm the town"), or will do on a condition the other
    side is to meet ("will cut supplies if ..."), has not happened: only the threat has, as a promised cooperative act
    is only its intent (:func:`_intents`)."""
    threats = [(c, kb.threat_of(c.code)) for c in cands if c.code]
    threats = [(c, t) for c, t in threats if t]
    if not threats or any(k.dep_ == "neg" for k in kids(v)):
        return cands
    conditional = on_condition(v)
    if not conditional and not is_intended(v):
        return cands
    sworn = is_sworn(v)
    held_over = sworn or conditional  # ("will cut supplies if the debt is not paid": only the threat is made)
    out = [c for c in cands if not (held_over and kb.threat_of(c.code))]
    seen = {c.code for c in out}
    # a threat held over a condition is aimed first at the one whose act the condition waits on ("will cut supplies
    # if X does not pay": X), as a threat verb's own "if" clause is (``_verb_slots``)
    averting = averting_parties([v]) if conditional else []
    for c, code in threats:
        if code not in seen:
            seen.add(code)
            targets = averting + [g for g in c.target_groups if g not in averting]
            out.append(Candidate(c.trigger, c.kind, c.lemma, code, "", c.specificity, c.pattern + (SWORN if sworn else "+intent"), c.source_groups,
                                 targets, c.consumed, c.governor, c.between, c.place_groups, c.setting))
    return out


_SUFFER_VERBS = {"die", "perish", "lose"}  # died, perished or lost one's life in an act


def victims_of(n: Token) -> list[list[int]]:
    """Those an act noun befell when the sentence tells what happened to them in it: the subject of a passive verb
    or of a verb of dying whose "in"/"during" phrase the noun heads ("two were killed in an air strike", "three
    guards died during the raid"), or of a passive that puts them "under"/"into" it ("was placed under house arrest",
    "were taken into detention"), or of "came under" ("the convoy came under attack")."""
    if n.dep_ != "pobj" or n.head.lower_ not in ("in", "during", "under", "into") or n.head.head.pos_ not in ("VERB", "AUX"):
        return []
    v = n.head.head
    if v.lemma_.lower() in _SUFFER_VERBS and n.head.lower_ in ("in", "during") or v.lemma_.lower() == "come" and n.head.lower_ == "under":
        subjects = [c for c in kids(v) if c.dep_ == "nsubj"]
    else:
        subjects = [c for c in kids(v) if c.dep_ == "nsubjpass"] or _put_under(n)
    # (or the owner of what it befell: "an army convoy came under attack" befell the army)
    return [g for s in subjects[:1] for g in (_group(counted(s)), *owner_groups(s, of_owner=False))]


_STATE_VERBS = {"be", "remain", "stay"}  # "is under investigation", "remained under arrest": a state, not a deed


def held_under(n: Token) -> list[Token]:
    """Whom an act noun holds in a state, as the predicate of being ("the mayor is under investigation", "the town
    remained under siege"): the subject undergoes the act; its doer is not named there (a "by" phrase may name it),
    and whoever reports the state has not done it."""
    if n.dep_ != "pobj" or n.head.lower_ != "under" or n.head.head.lemma_.lower() not in _STATE_VERBS:
        return []
    return [c for c in kids(n.head.head) if c.dep_ in ("nsubj", "nsubjpass")][:1]


def _undergone_from(n: Token) -> list[list[int]]:
    """Who did the act a subject "came under", named by the verb's "from" phrase ("came under attack from militiamen",
    "came under fire from the rebels")."""
    if n.dep_ != "pobj" or n.head.lower_ != "under" or n.head.head.lemma_.lower() != "come":
        return []
    return [_group(counted(g)) for c in kids(n.head.head) if c.dep_ == "prep" and c.lower_ == "from"
            for g in kids(c) if g.dep_ == "pobj" and not is_time(g)] + [
        _group(counted(g)) for c in kids(n) if c.dep_ == "prep" and c.lower_ == "from" for g in kids(c) if g.dep_ == "pobj"]


def _put_under(n: Token) -> list[Token]:
    """The direct object an active verb puts "under" or "into" an act noun ("placed the envoy under house arrest",
    "took two reporters into custody"): who undergoes it; the verb's subject does it (``_putters``)."""
    if n.dep_ != "pobj" or n.head.lower_ not in ("under", "into"):
        return []
    return [c for c in kids(n.head.head) if c.dep_ == "dobj"]


def _putters(n: Token) -> list[list[int]]:
    """Who puts someone under or into an act noun, its doer: the subject of the active verb (``_put_under``) or the
    "by" agent of the passive ("was placed under arrest by the junta")."""
    if n.dep_ != "pobj" or n.head.lower_ not in ("under", "into"):
        return []
    v = n.head.head
    if _put_under(n):
        return [_group(counted(s)) for s in kids(v) if s.dep_ == "nsubj"]
    return [_group(counted(g)) for a in kids(v) if a.dep_ == "agent" for g in kids(a) if g.dep_ == "pobj"]


def _fight_parties(n: Token) -> list[list[int]]:
    """Who fought those an act noun befell, as its own phrase names them: its "with" party ("killed in a clash with
    X", "wounded in fighting with X"), since the victims are the other side."""
    return [_group(counted(g)) for c in kids(n) if c.dep_ == "prep" and c.lower_ == "with"
            for g in kids(c) if g.dep_ == "pobj" and not is_time(g)]


# An act noun's participle that names who did it: "an attack claimed by X" (who claims an attack owns it), "a bombing
# blamed on X" (the doer the report gives), and the verbs of performing an act, whose agent is its doer ("air strikes
# carried out by X", "raids conducted by X", "a rally organised by X"); not a verb that does something to the act
# ("an attack condemned by X", "a truce brokered by X")
_PERFORMING = ("carry", "conduct", "launch", "stage", "mount", "wage", "perpetrate", "commit", "orchestrate", "organise",
               "organize", "undertake", "spearhead",
               # and of calling, leading or ordering one: "a strike called by the union", "protests led by students"
               "call", "lead", "order", "declare")
_CLAIMED = ({("claim", "agent"), ("claim", "by"), ("blame", "on"), ("attribute", "to"), ("ascribe", "to")}
            | {(verb, "agent") for verb in _PERFORMING})
# What a claim of responsibility or a blame makes an attack though the coder reads no act in the word ("claimed the
# blast", "died in a blast blamed on X"); a fault claimed ("responsibility for the outage") is no deed of force
BLASTS = frozenset({"blast", "explosion", "detonation"})
_RELATIVES = frozenset({"WDT", "WP"})  # "that", "which", "who": a relative clause's word for the noun it modifies


def _claimants(n: Token) -> list[list[int]]:
    """Who an act noun's participle or relative clause says did it ("an attack claimed by X", "a blast blamed on X",
    "strikes carried out by X"; "a raid that officials attributed to X", "a bombing which X claimed"): the relative
    clause's own subject, where the relative word is not it, is who claims the act."""
    out = []
    for acl in kids(n):
        if acl.dep_ == "relcl" and acl.pos_ == "VERB":
            subjects = [s for s in kids(acl) if s.dep_ in ("nsubj", "nsubjpass")]
            if subjects and all(s.tag_ in _RELATIVES for s in subjects) and not is_passive(acl):
                continue  # "an attack that killed 12": the act is the subject, and no one is said to have done it
            # (a relative word the parser made a second subject beside a noun is the clause's object: "an ambush which
            # X claimed", both "which" and X read as subjects)
            if acl.lemma_.lower() == "claim" and not is_passive(acl):
                if not any(k.dep_ == "ccomp" for k in kids(acl)):  # ("which officials claimed was X's": X's, not theirs)
                    out += [_group(s) for s in subjects if s.dep_ == "nsubj" and s.tag_ not in _RELATIVES]
                continue
        elif acl.dep_ != "acl" or acl.tag_ != "VBN" or any(k.dep_ == "oprd" for k in kids(acl)):
            continue  # (not a naming: "an attack called an act of terror by X" is X's word for it, not X's deed)
        out += _claimed_phrase(acl)
    if n.dep_ == "nsubjpass" or n.dep_ == "dobj" and n.head.lemma_.lower() in _BLAMING:
        # the act told as the subject of the passive ("the bombing was blamed on X", "was claimed by X") or as what is
        # blamed on someone ("police blamed the bombing on X")
        out += _claimed_phrase(n.head)
    return out


def _claimed_phrase(v: Token) -> list[list[int]]:
    """The groups of the phrase of ``v`` that names whom an act is blamed on or claimed by (``_CLAIMED``); of a verb of
    blaming, also that phrase where the parser hung it on the verb's object ("blamed the unrest | on X")."""
    lemma = v.lemma_.lower()
    holders = [v, *(o for o in kids(v) if o.dep_ == "dobj")] if lemma in _BLAMING else [v]
    return [_group(g) for h in holders for b in kids(h) if b.dep_ in ("agent", "prep")
            and (lemma, b.dep_ if b.dep_ == "agent" else b.lower_) in _CLAIMED and (h is v or b.dep_ == "prep")
            for g in kids(b) if g.dep_ == "pobj"]


_BLAMING = frozenset({"blame", "attribute", "ascribe"})  # verbs whose "on"/"to" phrase names whom an act is laid on


def blame_without_blamer(v: Token) -> Token | None:
    """The act noun an agentless participle or passive of blaming lays on someone ("an attack blamed on X", "the
    bombing was attributed to X"): the verb only names the act's doer, as "claimed by" does; nobody accuses anyone.
    None where a blamer is named ("police blamed X for", "was blamed by officials on X") or the noun names no act."""
    if v.lemma_.lower() not in _BLAMING or any(c.dep_ in ("agent", "nsubj") for c in kids(v)):
        return None
    if v.dep_ == "acl" and v.tag_ == "VBN":
        n = v.head
    else:
        n = next((c for c in kids(v) if c.dep_ == "nsubjpass"), None)
    if n is None or not (knowledge().is_act_noun(n) or n.lemma_.lower() in BLASTS):
        return None
    return n if _claimed_phrase(v) else None


def act_noun_doers(n: Token) -> list[list[int]]:
    """Who an act noun of force says did it, told as the verb of its harm's subject ("a rebel ambush killed",
    "a bombing blamed on X wounded", "an attack which X claimed destroyed"): whom its participle or relative clause
    names (:func:`_claimants`), else a modifier before it that is no town (``_scene_of_force``; an adjective spelt as
    an agent noun, "rebel", "militant", is kept: the builder keeps only modifiers that name an actor). Empty for a
    noun that names no act of force ("a car killed", "the decision angered")."""
    codes = [r.code for r in knowledge().nouns.get(n.lemma_.lower(), ())]
    if not any(code[:2] in FORCE_ROOTS for code in codes):
        return _claimants(n) if n.lemma_.lower() in BLASTS else []
    return _claimants(n) or _doer_modifiers(n, codes)


def _doer_modifiers(n: Token, codes: list[str]) -> list[list[int]]:
    """The modifiers before an act noun of force that may name its doer ("a Taliban ambush", "a police raid"), not a
    town's name, which says where (``_scene_of_force``); the builder keeps only those that name an actor."""
    return [[m.i] for m in kids(n) if m.dep_ in ("compound", "amod", "nmod") and m.i < n.i and not _scene_of_force(m, codes)]


def _doers_of_setting(v: Token, kb: Knowledge) -> list[list[int]]:
    """The doers of a passive act of force that names no agent, from the act of force its "in"/"during" phrase names:
    that act's "by" agent or possessor ("killed in an ambush by X", "in X's offensive") or the party its victims
    fought ("killed in a clash with X"). A phrase the parser hung on a coordinated participle serves both ("two were
    killed and five injured in an ambush by X"), also where the parser made the second participle a modifier of the
    coordinated noun ("two were killed and seven others | injured in a clash with X"). Else the doer of the act of
    force its "when" clause tells of, told in the active or the passive (see below)."""
    verbs = [v] + [c for c in kids(v) if c.dep_ == "conj" and c.tag_ == "VBN" and c.i > v.i]
    verbs += [g for c in kids(v) if c.dep_ == "conj" and c.pos_ in ("NOUN", "PRON") and c.i > v.i
              for g in kids(c) if g.dep_ == "acl" and g.tag_ == "VBN"]
    for c in (k for w in verbs for k in kids(w)):
        if c.dep_ != "prep" or c.lower_ not in ("in", "during"):
            continue
        for n in kids(c):
            # (the act noun, or a gerund the parser made of it: "died in shelling by X" hangs "shelling" as a verb)
            nouns = kb.nouns.get(n.lemma_.lower(), ()) or (kb.nouns.get(n.lower_, ()) if n.tag_ == "VBG" else ())
            if n.dep_ not in ("pobj", "pcomp"):
                continue
            if not any(r.code[:2] in FORCE_ROOTS for r in nouns):
                blamed = act_noun_doers(n)  # (of a noun of no act of force: whom a blast is blamed on or claimed by)
                if blamed:
                    return blamed  # a blast someone claimed or is blamed for ("died in a blast blamed on X")
                continue
            doers = [_group(g) for b in kids(n) if b.dep_ == "prep" and b.lower_ == "by" for g in kids(b) if g.dep_ == "pobj"]
            doers += [_group(g) for g in kids(n) if g.dep_ == "poss" and g.pos_ != "PRON"]
            doers += _claimants(n)
            # else a modifier naming who did it ("wounded in a Taliban rocket attack", "died in a police raid"); a
            # town's name there is where (``_scene_of_force``), and the builder keeps a modifier only if it is an actor
            doers += _doer_modifiers(n, [r.code for r in nouns]) if not doers else []
            return doers or _fight_parties(n)
    for c in (k for w in verbs for k in kids(w)):
        # "two were killed when militants ambushed their patrol": the "when" clause's act of force is the one they
        # suffered, and its subject did it (a weapon or a blast as subject names no doer: the builder keeps actors only)
        if is_when_clause(c) and c.i > v.i and _acts_by_force(c, kb):
            if not is_passive(c):
                # (a thing its modifier names as an accident's cause did nothing: "when a gas tanker exploded")
                return [_group(s) for s in kids(c) if s.dep_ == "nsubj" and not _cause_of_mishap(s, kb)]
            # told in the passive, its "by" agent did it, or whoever owns or set the weapon named there ("died when
            # their truck was hit by a mine laid by X")
            agents = [g for a in kids(c) if a.dep_ == "agent" for g in kids(a) if g.dep_ == "pobj"]
            if agents:
                return [grp for g in agents for grp in (_group(g), *owner_groups(g, of_owner=False))]
    return []


def _acts_by_force(v: Token, kb: Knowledge) -> bool:
    """The dictionary codes verb ``v`` as force by default, or by a pattern its object fits ("opened fire": START's
    "OPEN * FIRE", 193)."""
    lemma = v.lemma_.lower()
    if any(code[:2] in FORCE_ROOTS for code in kb.verb_codes(lemma)):
        return True
    objects = [c for c in kids(v) if c.dep_ == "dobj"]
    return bool(objects) and any(p.code[:2] in FORCE_ROOTS and p.object is not None and p.subject is None and not p.preps
                                 and any(term_matches(p.object, o) for o in objects)
                                 for e in kb.verbs_by_lemma.get(lemma, ()) for p in kb.patterns.get(e.block, ()))


def parties_between(t: Token) -> list[int]:
    """The parties of an act named with "between": its own phrase ("talks between A and B"), or, for an act that is
    the subject of a verb of happening, that verb's ("clashes broke out between A and B", "fighting erupted between
    A and B")."""
    owners = [t]
    if t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX"):
        owners.append(t.head)
    for owner in owners:
        for c in kids(owner):
            if c.dep_ == "prep" and c.lower_ == "between":
                for g in kids(c):
                    if g.dep_ == "pobj" and not is_time(g):
                        return _group(counted(g))
    return []


def _related_parties(frame: VerbFrame) -> list[int]:
    """The parties of a relation a passive with no agent acts on ("ties between A and B were severed", "trade between
    A and B was suspended"): the relation is theirs, and the act, done by no one named, is theirs on each other, as
    "A severed ties with B" is A's on B (event_relations.tsv names the relations)."""
    if not frame.passive or frame.subjects:
        return []
    for o in frame.objects:
        if o.dep_ == "nsubjpass" and _a_relation(o):
            return parties_between(o)
    return []


def _unspecified(code: str) -> bool:
    """A root's "not specified below" code (three digits ending in 0: "080", "170")."""
    return len(code) == 3 and code.endswith("0")


def _circumstantial(p: Pattern) -> bool:
    """The pattern adds to the bare verb only the object's class or a prepositional phrase that holds no actor, and
    at most the class of its doer ("POLICE DETAIN * DEMONSTRATOR": who detains whom, not what the act is)."""
    if p.subject is not None and not (p.subject.heads and not p.subject.modifiers and all(map(is_agent_phrase, p.subject.heads))):
        return False
    if p.particle or p.extra or (p.object is None and not p.preps):
        return False
    return not p.source.startswith("prep:") and not p.target.startswith("prep:")


# ----------------------------------------------------------------------------- nouns
def _noun_fits(entry: NounEntry, n: Token) -> bool:
    if entry.modifier and not any(c.lemma_.lower() == entry.modifier or c.lower_ == entry.modifier
                                  for c in _modifiers(n)) and not _of_plural(n, entry.modifier):
        return False
    if entry.preps and not any(c.lower_ in entry.preps for c in noun_preps(n)):
        return False
    return True


def _modifiers(n: Token) -> list[Token]:
    """The noun's modifiers, and those the parser hung on a noun of its compound before it ("joint air force drills":
    "joint" on "force"; "a joint naval exercise" reads the same)."""
    own = [c for c in kids(n) if c.dep_ in _MODIFIER_DEPS]
    return own + [g for c in own if c.dep_ == "compound" and c.i < n.i for g in kids(c) if g.dep_ in _MODIFIER_DEPS and g.i < c.i]


_MODIFIER_DEPS = ("compound", "amod", "nmod")


def _of_plural(n: Token, word: str) -> bool:
    """The noun's own "of" phrase names, in the plural, what its modifier would ("an exchange of prisoners" is a
    prisoner exchange, "a shipment of weapons" a weapons shipment): the same kind of act, written the other way."""
    return any(g.tag_ == "NNS" and word in (g.lemma_.lower(), g.lower_)
               for c in kids(n) if c.dep_ == "prep" and c.lower_ == "of" for g in kids(c) if g.dep_ == "pobj")


def noun_preps(n: Token) -> list[Token]:
    """The prepositions of a noun's own phrase, and those the parser hung on the verb it is the object of, after it and
    not of time ("voiced dissatisfaction [with X]", however attached: "a strike on Monday" is no strike on a place)."""
    own = [c for c in kids(n) if c.dep_ == "prep" and not _of_time(c)]
    own += [c for w in _worth(n) for c in kids(w) if c.dep_ == "prep" and not _of_time(c)]
    if n.dep_ == "pobj" and n.i + 1 < len(n.doc):
        after = n.doc[n.i + 1]  # "in protest at X", "in response to X", the parser hanging the phrase on the verb
        if after.dep_ == "prep" and after.head.i != n.i and _after_act_noun(after) and not _of_time(after):
            own.append(after)
    if n.dep_ != "dobj" or n.head.pos_ not in ("VERB", "AUX"):
        return own
    return own + [c for c in kids(n.head) if c.dep_ == "prep" and c.i > n.i and not _of_time(c)]


def _worth(n: Token) -> list[Token]:
    """The "worth" that values ``n`` ("aid worth 3 million dollars | to X"), where the parser hangs the phrases that
    follow the sum: they are the noun's own."""
    return [c for c in kids(n) if c.dep_ == "amod" and c.lower_ == "worth"]


def _of_time(prep: Token) -> bool:
    return any(g.dep_ == "pobj" and is_time(g) for g in kids(prep))


def noun_governor(n: Token, meeting: bool = False) -> Token | None:
    """The verb a noun trigger is the object of ("launched an attack", "took part in a protest"), also through an
    amount that measures it ("pledged $2 billion in aid").

    Through a preposition only when it makes the noun the verb's own doing or its occasion
    (:data:`PARTICIPATION_PREPS`): a noun of cause or time ("suspended the officers over the beating", "marched
    after the killing", "were arrested for rioting") names another act, whose doer the sentence does not say.
    A ``meeting`` (a noun of consultation) is also the purpose of a journey: "flew to Amman for talks" (see
    :func:`_journey_for`)."""
    gov = _noun_governor(n, meeting)
    if gov is not None and gov.lemma_.lower() in PREVENTERS:
        return None  # "foiled an attack", "blocked the deployment": who prevents an act is not its doer
    return None if gov is not None and _audience_of_words(n, gov) else gov


def _audience_of_words(n: Token, gov: Token) -> bool:
    """A verb of saying whose "at", "to" or "before" phrase, or whose object beside the words it reports, the act noun
    heads ("speaking at a rally", "told a rally that ..."): the gathering is the audience or the occasion of the
    words, no act of the speaker's ("said in a meeting with X" is said taking part in it). What such a verb names as its object alone is what it announces ("announced the deployment of
    troops", "declared a ceasefire"): the announcer's own act."""
    if not _is_statement_verb(gov, knowledge()):
        return False
    if n.dep_ == "pobj":
        return n.head.lower_ in _AUDIENCE_PREPS
    return n.dep_ == "dobj" and any(c.dep_ == "ccomp" for c in kids(gov))


_AUDIENCE_PREPS = ("at", "to", "before")  # spoke at / to / before a rally; "said in a meeting with X" takes part in it


def _noun_governor(n: Token, meeting: bool) -> Token | None:
    manner = _manner_on_a_noun(n)
    if manner is not None:
        return manner
    cur = n
    for _ in range(3):
        if cur.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and cur.head.pos_ in ("VERB", "AUX"):
            return cur.head
        if cur.dep_ == "pobj" and (cur.head.dep_ == "agent" or cur.head.dep_ == "prep" and (
                cur.head.lower_ in PARTICIPATION_PREPS or cur.head.lower_ == "to" and cur.head.head.lemma_.lower() in _RESUMING_VERBS)):
            gov = cur.head.head
            if _after_act_noun(cur.head):
                return None  # "in protest at the deal", the parser hanging "at" on the verb: the deal is the protest's
            if gov.pos_ in ("VERB", "AUX"):
                return gov
            if is_time(gov) or gov.ent_type_ in ("DATE", "TIME"):
                # a manner the parser hung on a span of time, which says how long the verb went on ("fasted for two
                # weeks in protest"): the verb's
                up = gov.head.head if gov.dep_ == "pobj" else gov.head
                return up if up.pos_ in ("VERB", "AUX") and up.i < gov.i else None
            if gov.lemma_.lower() in knowledge().nouns:
                return None  # "in protest at the deal": the deal is what the protest is about, no act of the protesters
            cur = gov  # "took part in a protest": through a noun that names no act
            continue
        if meeting and cur.dep_ == "pobj" and cur.head.dep_ == "prep" and cur.head.lower_ == "for" and _journey_for(cur.head.head):
            return cur.head.head
        if cur.dep_ == "conj":
            cur = cur.head
            continue
        amount = measured_by(cur)
        if amount is not None:
            cur = amount  # "provide $500 million in loans", "sent 20 tonnes of aid": the act the amount measures
            continue
        return None
    return None


def _manner_on_a_noun(n: Token) -> Token | None:
    """The verb of the clause when a bare act noun of manner ("in protest", no article, no possessor) hangs on a noun
    of the verb's phrase ("walked out of the hall | in protest", "in protest" under "hall"): the manner is the
    verb's, whatever noun the parser put it on. None when it does not hang so."""
    if n.dep_ != "pobj" or n.head.lower_ != "in" or n.head.head.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(k.dep_ in ("det", "poss", "prep") for k in kids(n)):
        return None  # "in a protest" names a particular one, "in protest at X" is hung as the parser chose
    up = n.head.head
    for _ in range(4):
        if up.dep_ not in ("pobj", "dobj", "prep") or up.head.i == up.i:
            return None
        up = up.head
        if up.pos_ == "VERB":
            return up
    return None


def _after_act_noun(prep: Token) -> bool:
    """``prep`` comes right after an act noun that is itself a prepositional object ("in protest at", "in response
    to"): whatever the parser attached it to, its phrase belongs to that noun."""
    if prep.i == 0:
        return False
    before = prep.doc[prep.i - 1]
    return before.dep_ == "pobj" and before.head.i != prep.i and before.lemma_.lower() in knowledge().nouns


_CONSULT_ROOT = "04"


def _journey_for(v: Token) -> bool:
    """``v`` is a journey or a coming together whose "for" phrase is its purpose: an active verb with no object that
    the dictionary codes as a meeting or a visit (CAMEO 04: "arrived", "travelled", "gathered"), or that goes "to"
    somewhere ("flew to Amman"). Who travels for talks takes part in them; who "pressed for talks", "was praised for the
    talks" or "thanked X for the talks" does not."""
    if v.lemma_ == "be" and _placed(v) and any(c.dep_ == "nsubj" for c in kids(v)):
        return True  # "the minister is in Kampala for talks": who is somewhere for them came for them
    if v.pos_ != "VERB" or is_passive(v) or any(c.dep_ in ("dobj", "dative") for c in kids(v)):
        return False
    return (any(code.startswith(_CONSULT_ROOT) for code in knowledge().verb_codes(v.lemma_.lower()))
            or any(c.dep_ == "prep" and c.lower_ == "to" and any(g.dep_ == "pobj" for g in kids(c)) for c in kids(v)))


_WHERE_PREPS = ("in", "at")


def _placed(head: Token) -> bool:
    """``head`` has an "in" or "at" phrase naming a place ("is | in Kampala", "minister | in Kampala")."""
    return any(c.dep_ == "prep" and c.lower_ in _WHERE_PREPS and any(
        g.dep_ == "pobj" and g.ent_type_ in ("GPE", "LOC", "FAC") for g in kids(c)) for c in kids(head))


def present_for(n: Token) -> list[list[int]]:
    """The party of a headline with no verb that places it somewhere for a meeting or a visit ("Ugandan minister in
    Nairobi for talks", "Pope in Baghdad for a visit"): the phrase the headline is about came for it, and is its
    doer. The "for" phrase may hang on the phrase or on its place."""
    if n.dep_ != "pobj" or n.head.lower_ != "for" or n.head.dep_ != "prep":
        return []
    head = n.head.head
    if head.dep_ == "pobj" and head.ent_type_ in ("GPE", "LOC", "FAC") and head.head.lower_ in _WHERE_PREPS:
        head = head.head.head  # "in Nairobi | for talks" read as the place's phrase
    if head.dep_ != "ROOT" or head.pos_ not in ("NOUN", "PROPN") or not _placed(head):
        return []
    return [_group(head)]


def undergone(n: Token, gov: Token) -> list[Token]:
    """When act noun ``n`` is, or heads, the direct object of ``gov``, a verb of undergoing ("faced protests",
    "suffered a wave of attacks": an act the verb's subject bears, not one it does), the words from the verb down to
    the noun, whose "by" phrases name the doer wherever the parser hung them; else []."""
    undergoing = knowledge().undergoing
    lemma = gov.lemma_.lower()
    if any(c.dep_ == "prep" and c.lower_ == "as" for c in kids(gov)):
        return []  # (who "sees the rallies as a threat" judges them)
    if lemma in undergoing:
        return _object_chain(n, gov)
    # (or the object of the verb's own preposition, where the table writes the verb with it: "acted on warnings",
    # "bowed to demands", "responded to the attack")
    prep = n.head
    if n.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.i == gov.i and f"{lemma} {prep.lower_}" in undergoing:
        return [gov, prep, n]
    return []


def witnessed(n: Token, gov: Token) -> bool:
    """Act noun ``n`` is, or heads, the direct object of ``gov``, a verb of witnessing ("heard gunfire", "filmed the
    beating": ``event_witness_verbs.tsv``), or the direct object a verb of naming gives a name ("called the attack
    an act of cowardice", "branded the raid illegal": ``event_namings.tsv``, whether or not the name disapproves): the
    verb's subject perceived or judged the act, and is no party to it."""
    kb = knowledge()
    lemma = gov.lemma_.lower()
    if lemma not in kb.witnessing and lemma not in kb.namings:
        return False
    chain = _object_chain(n, gov)
    return bool(chain) and (lemma in kb.witnessing or bool(_name_given(gov, chain[-1])))


def _object_chain(n: Token, gov: Token) -> list[Token]:
    """The words from ``gov`` down to ``n`` when ``n`` is, or heads within four steps, ``gov``'s direct object (the
    last word of the chain); else []."""
    chain, cur = [gov, n], n
    for _ in range(4):
        if cur.head.i == gov.i:
            return chain if cur.dep_ == "dobj" else []
        cur = cur.head
        chain.append(cur)
    return []


_INQUIRY_ROOT = "09"  # CAMEO "investigate"


def _finding_reported(n: Token) -> bool:
    """``n`` is the subject of a verb that reports a clause ("..., a UN inquiry found"; "the investigation concluded
    that police had fired first"): an inquiry named so is the source of what the sentence reports, which is the act;
    the inquiry itself is no news of the sentence (:data:`_INQUIRY_ROOT` codes only)."""
    if n.dep_ != "nsubj":
        return False
    v = n.head
    return v.pos_ == "VERB" and (v.dep_ == "parataxis" or any(c.dep_ == "ccomp" for c in kids(v)))


def _taken_up(n: Token) -> bool:
    """The act noun is what its subject "went on" ("went on strike", "went on a hunger strike") or "observed" ("traders
    observed a strike", "a shutdown was observed": a walkout kept, in the English of South Asian news): an activity
    taken up, whose reading of force, where the noun has another, is not meant (one launches a military strike, and
    nobody observes one of his own; "went on the offensive" has no other reading and keeps it)."""
    return (n.dep_ == "pobj" and n.head.lower_ == "on" and n.head.head.lemma_.lower() == "go"
            or n.dep_ in ("dobj", "nsubjpass") and n.head.lemma_.lower() == "observe")


def noun_candidates(n: Token, entries: tuple[NounEntry, ...]) -> list[Candidate]:
    fitting = [e for e in entries if _noun_fits(e, n)]
    if not fitting:
        return []
    if _taken_up(n) and any(e.code[:2] not in FORCE_ROOTS for e in fitting):
        fitting = [e for e in fitting if e.code[:2] not in FORCE_ROOTS]  # "went on strike": a walkout, no air strike
    top = max(e.specificity for e in fitting)
    codes = [e.code for e in fitting if e.specificity >= top and e.code != NO_ACT]  # (a row of no act: "an appeal against a verdict")
    if not codes:
        return []
    if _finding_reported(n):
        codes = [code for code in codes if code[:2] != _INQUIRY_ROOT]
        if not codes:
            return []
    sources: list[list[int]] = []
    # "his arrest", "the activist's trial": the possessor undergoes the act, unless the noun names that one itself
    # ("the army's detention of journalists", "the jury's indictment against five men")
    possessors = [c for c in kids(n) if c.dep_ == "poss"]
    undergoer = (bool(possessors) and all(e.possessor_undergoes for e in fitting if e.specificity >= top)
                 and not any(c.dep_ == "prep" and c.lower_ in ("of", "against") for c in kids(n)))
    for c in possessors if not undergoer else ():
        if c.pos_ != "PRON":
            sources.append(_group(c))
    for c in kids(n):
        if c.dep_ == "prep" and c.lower_ == "by":
            sources += [_group(g) for g in kids(c) if g.dep_ == "pobj"]
    sources += _doers_hung_on_victim(n)
    sources += [g for g in _claimants(n) if g not in sources]  # "air strikes carried out by X"
    for c in possessors if not undergoer else ():
        if c.pos_ == "PRON":
            sources.append([c.i])  # "his hunger strike", "their offensive": whom the pronoun refers to
    # (the modifier a row of the table names says what kind of act it is, not who does it: a "prisoner swap")
    kinds = {e.modifier for e in fitting if e.specificity >= top and e.modifier}
    for c in kids(n):
        if c.dep_ in ("compound", "amod", "nmod") and c.i < n.i and not _scene_of_force(c, codes) and not _kind_of_meeting(c, codes):
            if c.lemma_.lower() in kinds or c.lower_ in kinds:
                continue
            sources.append([c.i])
        elif crowd_of_act(c):
            sources.append([c.i])  # "Thousands rally in X": the crowd counted holds the rally
    targets: list[list[int]] = [_group(c) for c in possessors] if undergoer else []
    between: list[int] = []
    preps = noun_preps(n)
    # a meeting's partner before its topic: "talks with X on Y" are held with X, whatever Y is ("on border security"
    # names a matter, even where the agents dictionary has a phrase of the same words)
    order = _MEETING_TARGET_PREPS if all(code.startswith(_CONSULT_ROOT) for code in codes) else NOUN_TARGET_PREPS
    for prep in order:
        if prep == "at" and all(at_is_venue(code) for code in codes):
            continue
        if prep == "of" and all(code[:2] in THEME_ROOTS for code in codes):
            continue  # what is sent, given or deployed is the act's theme ("the deployment of troops", "a mobilisation of reservists")
        if prep == "of" and all(e.of_doer for e in fitting if e.specificity >= top):
            # "the resignation of the minister", "the visit of the president": the one who resigns or visits
            sources += [_group(counted(g)) for c in preps if c.lower_ == "of" for g in kids(c)
                        if g.dep_ == "pobj" and not is_time(g) and g.ent_type_ not in ("LOC", "FAC")
                        and _group(counted(g)) not in sources]
            continue
        for c in preps:
            if c.lower_ == prep:
                for g in kids(c):
                    if g.dep_ == "pobj" and not is_time(g) and not _occasion(g):
                        g = counted(g)
                        if prep == "between":
                            between = _group(g)
                        else:
                            targets.append(_group(g))
                            if prep in _OWNED_TARGET_PREPS:  # a thing aimed at stands for its possessor ("anger at X's decision")
                                targets += [_group(c) for c in kids(g) if c.dep_ == "poss" and c.pos_ != "PRON"]
                                # and for its maker ("a strike against the price rise announced by X")
                                targets += [_group(b) for a in kids(g) if a.dep_ == "acl" and a.tag_ == "VBN"
                                            for c in kids(a) if c.dep_ == "agent" for b in kids(c) if b.dep_ == "pobj"]
                                if g.lemma_.lower() in knowledge().nouns:  # and an act for its doer ("a protest at her arrest by X")
                                    targets += [_group(b) for c in kids(g) if c.dep_ in ("prep", "agent") and c.lower_ == "by"
                                                for b in kids(c) if b.dep_ == "pobj"] + _doers_hung_on_victim(g)
                            if prep in AIMED_PREPS and any(code[:2] in FORCE_ROOTS for code in codes):
                                # what force is aimed at stands for whose it is, as on a verb ("strikes on Syrian
                                # government targets", "an attack on army posts")
                                targets += [grp for grp in owner_groups(g) if grp not in targets]
    if not between:
        between = parties_between(n)
    # those the act befell are its targets after any its own phrase names ("killed in an attack on the market": the
    # market is where, the dead are whom), and never its agents
    victims = victims_of(n) if any(code[:2] in FORCE_ROOTS for code in codes) else []
    sources += [g for g in _putters(n) + _undergone_from(n) if g not in sources] if victims else []  # "the junta
    # placed X under arrest", "came under attack from X"
    if victims and not sources:  # "killed in a clash with X": X fought the victims, and is the doer
        sources += _claimants(n)  # "killed in an attack claimed by X"
        fought = _fight_parties(n)
        sources += fought
        targets = [g for g in targets if g not in fought]
    targets = targets + [g for g in victims if g not in targets]
    held = held_under(n) if not victims else []
    targets += [g for s in held for g in (_group(counted(s)),) if g not in targets]
    if held:  # "remained under siege by X", the parser hanging "by" on the verb: X holds it there
        sources += [g for g in _phrase_parties([n.head.head], ("by",)) if g not in sources]
    meeting = all(code.startswith(_CONSULT_ROOT) for code in codes)
    if meeting:
        sources += [g for g in present_for(n) if g not in sources]
    gov = noun_governor(n, meeting) if not victims else None  # the dead are no agents of the act they died in
    bearing = undergone(n, gov) if gov is not None else []
    if bearing:
        # "the regime faced mass rallies", "the garrison sustained heavy shelling": the verb's subject bears the act
        # (event_undergoing_verbs.tsv); it is no doer: a "by" or "from" phrase ("faced an offensive by the army", "drew
        # criticism from X") names the doer
        sources += [_group(g) for w in bearing[::-1] for c in kids(w) if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from")
                    for g in kids(c) if g.dep_ == "pobj" and _group(g) not in sources]
        # (and whose the subject is: "the government's decision sparked protests" is answered by protests at the government)
        bearers = [g for s in agent_heads(gov) for g in (_group(counted(s)), *owner_groups(s, of_owner=False))]
        targets = bearers + [g for g in targets if g not in bearers]
    if gov is not None and is_promised(gov):  # "is willing to grant loans": the loans are offered, not given
        codes = [knowledge().intent_of(code) or code for code in codes]
    elif gov is not None and announced_cooperation(gov):  # "will hold talks", "plans to fly to X for talks"
        codes = [knowledge().intent_of(code) or code if code[:2] in FUTURE_INTENT_ROOTS else code for code in codes]
    elif gov is None and (agreer := agreed_to(n)) is not None:
        # "agreed to talks with X", "agreed to a truce": the act is promised, and the one who agrees is its doer
        codes = [knowledge().intent_of(code) or code for code in codes]
        sources += [g for g in (_group(s) for s in agent_heads(agreer)) if g not in sources]
    elif gov is not None and is_promised_object(n):
        # "pledged aid to X", "offered talks": the act is promised, and the one who promises it is its doer (the verb
        # is a trigger of its own, whose agent the builder lends no noun)
        codes = [knowledge().intent_of(code) or code for code in codes]
        sources += [g for g in (_group(s) for s in agent_heads(gov)) if g not in sources]
    if any(code[:2] == PROTEST_ROOT for code in codes):
        targets += [g for g in protest_sites([n] + ([gov] if gov is not None else [])) if g not in targets]
        # a protest "over" a matter is aimed at whose it is ("a strike over the ministry's decision"), as on a verb
        targets += [g for c in preps if c.lower_ == "over" for o in kids(c) if o.dep_ == "pobj"
                    for g in _aimed_at_owners("over", o, PROTEST_ROOT) if g not in targets]
        if gov is not None:  # "launched a strike to press the government for ...": the strike is aimed at it
            targets = pressed_first(gov, targets)
    places = place_groups([n])
    setting = n.dep_ == "pobj" and n.head.lower_ in SETTING_PREPS
    if undergoer and all(c.pos_ == "PRON" for c in possessors):
        gov = None  # who speaks "at his trial" or is freed "after her release" is its undergoer: no doer of it
    return [Candidate(n.i, "noun", n.lemma_.lower(), code, "", 0.25 + 0.5 * top, f"noun:{n.lemma_.lower()}", list(sources),
                      list(targets), [], gov.i if gov is not None else None, between, places, setting) for code in dict.fromkeys(codes)]
