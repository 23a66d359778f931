"""The coder's knowledge, read from the data files: verb patterns, event nouns, discards, reciprocal codes.

All of it is data under ``streams/data/`` (derived from PETRARCH2's CAMEO dictionary by
``tools/build_event_tables.py``, or written by the team with a provenance header), and
the type classifier's weights (``event_types.npz``, ``tools/train_event_types.py``).
:func:`knowledge` reads them once per process into immutable lookups; :func:`knowledge_hash`
fingerprints every file, so the records' ``extractor_version`` changes whenever one does.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ...data import blob, records
from ..actor_dictionary import disaster_phrases, is_agent_phrase

if TYPE_CHECKING:
    from spacy.tokens import Token

# The coder's own tables and weights, then the actor dictionaries it reads sources and targets from
# (``streams.extraction.actor_dictionary``) and role words (``roles``): a change to any of them changes ``extractor_version``.
DATA_FILES = ("cameo_verbs.tsv", "event_verbs.tsv", "cameo_patterns.tsv", "event_patterns.tsv", "cameo_synsets.tsv", "event_synsets.tsv", "event_pattern_nouns.tsv", "event_nouns.tsv", "event_triggers.tsv", "event_threats.tsv", "event_intents.tsv", "event_refusals.tsv", "event_endings.tsv", "event_person_objects.tsv", "event_crowd_acts.tsv", "event_visits.tsv", "event_blame_predicates.tsv", "event_undergoing_verbs.tsv", "event_means.tsv", "event_accidents.tsv", "event_expulsions.tsv", "event_successions.tsv", "event_care_destinations.tsv", "event_force_shows.tsv", "event_open_waters.tsv", "event_relations.tsv", "event_access.tsv", "event_press_inquiries.tsv", "event_occasions.tsv", "event_noun_senses.tsv", "event_witness_verbs.tsv", "event_information_objects.tsv", "event_predicaments.tsv", "event_rescue_work.tsv", "event_discards.tsv",
              "event_reciprocal.tsv", "event_stance_blocks.tsv", "event_trends.tsv", "event_agents.tsv", "event_verbal_settings.tsv", "event_namings.tsv", "event_wantings.tsv", "event_contests.tsv", "cameo_plover.tsv", "cameo_codes.tsv", "event_types.npz",
              "actors_phoenix_countries.tsv", "actors_phoenix_international.tsv", "actors_phoenix_milnonstate.tsv",
              "actors_people.tsv", "actors_agents.tsv", "actors_agent_heads.tsv", "actors_spellings.tsv", "actors_codes.tsv", "roles_sectors.tsv")


# An act of force fought in words ("attacked the minister in a speech": event_verbal_settings.tsv) is a criticism.
VERBAL_CONFLICT_CODE = "111"  # CAMEO: criticize or denounce (PLOVER ACCUSE)
VERBAL_DEFENCE_CODE = "052"  # CAMEO "defend verbally"
OBJECT_SETTING = "object"  # the preps of an event_verbal_settings.tsv row for a thing attacked only in words


@dataclass(frozen=True, slots=True)
class Term:
    """A noun of a pattern: alternatives of its head ("attacks"/"attack", or a synset's words) and modifiers."""

    heads: frozenset[str]
    modifiers: tuple[frozenset[str], ...] = ()
    # heads a synset holds only inside a multi-word member ("gas" of &WEAPON's "tear gas", "mission" of &PKO's
    # "peacekeeping mission"), with the words one of which must stand in the phrase: a bare "natural gas" or "the UN
    # mission" is no weapon and no peacekeeping
    qualified: tuple[tuple[str, frozenset[str]], ...] = ()

    @property
    def weight(self) -> float:
        return 1.0 + 0.5 * len(self.modifiers)


@dataclass(frozen=True, slots=True)
class PrepSpec:
    preps: frozenset[str]
    noun: Term | None


@dataclass(frozen=True, slots=True)
class Pattern:
    """One dictionary pattern: what must be around the verb, where source and target sit, which code."""

    pid: str
    subject: Term | None
    particle: str
    object: Term | None
    extra: tuple[Term, ...]
    preps: tuple[PrepSpec, ...]
    source: str  # "" | subject | object | prep:<p> | none (the pattern names no doer: "FIND * DEAD")
    target: str
    code: str  # "" when only the reversed event is coded, "---" = no event
    reverse: str
    origin: frozenset[str] = frozenset()  # the verbs of the block the pattern was written for (its comment); empty = all

    @property
    def specificity(self) -> float:
        s = 0.0
        if self.subject is not None:
            s += self.subject.weight
        if self.particle:
            s += 1.0
        if self.object is not None:
            s += self.object.weight
        s += sum(t.weight for t in self.extra)
        s += sum(0.5 + (p.noun.weight if p.noun is not None else 0.0) for p in self.preps)
        return s


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """A verb of a synonym block: the words a multi-word verb needs, its own (or block) code, the block's patterns."""

    lemma: str
    after: tuple[str, ...]
    before: tuple[str, ...]
    code: str
    block: str
    reverse: str = ""  # a block or verb code "[A:B]": B is coded for the target acting on the source
    # What the verb needs for this sense (event_verbs.tsv, column object; "" nothing): "needed" a direct object or a
    # passive; "people" one that names people ("executed three men", not "the plan"); "guest" one that names people
    # but no number of them ("received his counterpart", not "received 2,000 refugees"); "actor" people, a state or an
    # organisation ("sanctioned Iran"); "partner" such a one governed by the preposition written with the verb ("worked
    # with Iran", not "with tools"); "information" an object of event_information_objects.tsv ("shared intelligence");
    # "intransitive" no direct object ("took to social media", not "took the fight to X"); "relation" one that names a
    # relation between parties of event_relations.tsv ("deepened ties", "boosted trade", not "escalated the dispute");
    # "forces" armed forces, police or weapons ("moved troops to the border", not "moved the meeting"); "uncounted" any
    # object or none, but not a count of people or things ("welcomed the deal", not "welcomed 28 million tourists");
    # "thing" any object or none, but not one that names people ("dismissed the claims", not "dismissed the minister");
    # "assailants" people or an act of force ("pushed back a rebel assault", not "pushed back the vote"); "active" only
    # in the active voice ("wants talks", not "was wanted by police"); "combatants" an armed party as subject or object
    # ("the army defeated the rebels", not "the party defeated its rivals")
    object_kind: str = ""
    # a team row restating a dictionary entry (event_verbs.tsv): its object kind holds back only the default code, the
    # block's patterns fit whatever the object ("take" 171 needs an actor; "took control of" is a pattern's)
    restated: bool = False


@dataclass(frozen=True, slots=True)
class NounEntry:
    noun: str
    modifier: str
    preps: frozenset[str]
    code: str
    learned: bool = False  # from event_triggers.tsv: names an act only as a noun, never an alternative for a verb
    possessor_undergoes: bool = False  # "his arrest": the possessor is whom the act befalls (event_nouns.tsv)
    of_doer: bool = False  # "the resignation of the minister": the "of" phrase names who does the act (event_nouns.tsv)

    @property
    def specificity(self) -> float:
        return (1.0 if self.modifier else 0.0) + (1.0 if self.preps else 0.0)


@dataclass(frozen=True, slots=True)
class Discard:
    phrase: str
    story: bool
    whole_word: bool


@dataclass(frozen=True, slots=True)
class Knowledge:
    verb_forms: dict[str, tuple[VerbEntry, ...]]  # surface form (lower case) -> verbs
    verbs_by_lemma: dict[str, tuple[VerbEntry, ...]]
    patterns: dict[str, tuple[Pattern, ...]]  # block -> patterns
    index: dict[str, dict[tuple[str, str], tuple[Pattern, ...]]]  # block -> (feature, word) -> patterns that need it
    nouns: dict[str, tuple[NounEntry, ...]]  # noun lemma -> rows
    noun_forms: dict[str, str]  # surface form -> noun lemma
    discards: tuple[Discard, ...]
    reciprocal: frozenset[str]
    stance_blocks: frozenset[str]  # blocks whose verbs' default code is one party's stance, not a mutual act
    trend_verbs: frozenset[str]  # verbs of changing amount: an act noun as their subject is a statistic (event_trends.tsv)
    quantity_nouns: frozenset[str]  # nouns of quantity: an act noun under their "of" is counted, not told (event_trends.tsv)
    instruments: frozenset[str]  # heads that imply a human agent: weapons, aircraft and vessels (synsets), event nouns
    weapons: frozenset[str]  # weapons and aircraft (synsets &WEAPON, &AIRCRAFT): what only acts by force
    vessels: frozenset[str]  # ships, vessels and boats (event_synsets.tsv &VESSEL): craft that imply their crew
    agents: dict[str, tuple[str, bool]]  # agent noun the agents dictionaries lack -> (sector, needs an owner)
    patient_blocks: frozenset[str] = frozenset()  # blocks whose subject undergoes the act (see _patient_blocks)
    hazards: frozenset[str] = frozenset()  # words the agents dictionary lists as disasters (~JNK): never an actor
    hazard_words: frozenset[str] = frozenset()  # every word of those (a phrase holding none of them names no disaster)
    verbal_settings: dict[str, frozenset[str]] = field(default_factory=dict)  # noun -> preps: a fight in words
    namings: dict[str, str] = field(default_factory=dict)  # verb of naming -> code of a name of disapproval (event_namings.tsv)
    wantings: dict[str, str] = field(default_factory=dict)  # verb of wanting -> code of asking another (event_wantings.tsv)
    contests: dict[str, frozenset[str]] = field(default_factory=dict)  # noun -> preps: won or lost by votes (event_contests.tsv)
    verbal_attack_blocks: frozenset[str] = frozenset()  # blocks whose own patterns code a criticism (111)
    verbal_defence_blocks: frozenset[str] = frozenset()  # blocks whose own patterns code a verbal defence (052)
    definite_agents: frozenset[str] = frozenset()  # agent nouns that need an owner but for "the" alone ("the coalition")
    gerunds: dict[str, tuple[NounEntry, ...]] = field(default_factory=dict)  # "beheading" -> the verb's codes as a noun act
    threats: dict[str, str] = field(default_factory=dict)  # CAMEO prefix of a coercive act -> code of its threat
    intents: dict[str, str] = field(default_factory=dict)  # CAMEO prefix of a cooperative act -> code of its intent
    refusals: dict[str, str] = field(default_factory=dict)  # CAMEO prefix of an act -> code of refusing it
    outright: frozenset[str] = frozenset()  # prefixes of refusals whose act, negated outright, is refused
    vowed: frozenset[str] = frozenset()  # prefixes of refusals whose act is refused when negated with "will"/"would"
    refusing: frozenset[str] = frozenset()  # lemmas of the dictionary's REFUSE block ("refuse", "decline", "reject")

    endings: dict[str, str] = field(default_factory=dict)  # CAMEO prefix of an act -> code of ending it
    person_objects: dict[str, tuple[str, str, frozenset[str], frozenset[str], str]] = field(default_factory=dict)  # seizure -> taking people
    crowd_acts: dict[str, tuple[tuple[str, frozenset[str], frozenset[str], bool], ...]] = field(default_factory=dict)  # act -> rows
    visits: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # (verb, prep) -> (code, reverse)
    blame_predicates: dict[str, str] = field(default_factory=dict)  # "responsible", "behind" -> code of the accusation
    departures: dict[str, str] = field(default_factory=dict)  # verb of leaving -> code of ordering someone to do it
    successions: dict[tuple[str, str], tuple[frozenset[str], frozenset[str]]] = field(default_factory=dict)  # (verb, particle) -> (preps, offices)
    information: frozenset[str] = frozenset()  # "released figures": published, a statement (event_information_objects.tsv)
    predicaments: frozenset[str] = frozenset()  # "trapped", "stranded": the people rescued, not released (event_predicaments.tsv)
    rescue_work: frozenset[str] = frozenset()  # "rescue", "evacuation": help given in it is a mishap's (event_rescue_work.tsv)
    care_places: frozenset[str] = frozenset()  # "taken to hospital": a verb bringing someone there codes nothing (event_care_destinations.tsv)
    relations: dict[str, str] = field(default_factory=dict)  # "suspended trade with X": relation noun -> code of ending it (event_relations.tsv)
    access: dict[str, str] = field(default_factory=dict)  # "allowed aid convoys in": noun -> code of the access allowed (event_access.tsv)
    force_shows: frozenset[str] = frozenset()  # "sent jets toward X": forces shown to X, not given (event_force_shows.tsv)
    open_waters: frozenset[str] = frozenset()  # a missile that came down in a gulf: shown, no target (event_open_waters.tsv)
    armed: frozenset[str] = frozenset()  # armed forces, aircraft and weapons (synsets &MILITARY, &AIRCRAFT, &WEAPON)
    currencies: frozenset[str] = frozenset()  # names of money (synset &CURRENCY: "euro", "naira", "money"), singular
    treaties: frozenset[str] = frozenset()  # names of written agreements (synset &TREATY: "accord", "pact", "mou")
    enactments: frozenset[str] = frozenset()  # laws, bills, decrees, orders (event_synsets.tsv &ENACTMENT): act through their enactor
    goods: frozenset[str] = frozenset()  # what the patterns code as aid given (07x objects: "aid", "food", "supplies")
    press_inquiries: frozenset[str] = frozenset()  # "contacted X for comment": a newsroom asking, no event (event_press_inquiries.tsv)
    occasions: frozenset[str] = frozenset()  # "on the sidelines of X": when or where, no target (event_occasions.tsv)
    noun_senses: dict[str, frozenset[str]] = field(default_factory=dict)  # "strong demand", "heart attack": no act (event_noun_senses.tsv)
    ordering: frozenset[str] = frozenset()  # verbs of telling that give an order ("told X to leave")
    deadlines: frozenset[str] = frozenset()  # verbs that give a time to leave ("gave X 48 hours to leave")
    undergoing: frozenset[str] = frozenset()  # verbs whose subject undergoes the act noun they take as object
    witnessing: frozenset[str] = frozenset()  # verbs whose subject perceives the act noun they take as object (event_witness_verbs.tsv)
    means: frozenset[str] = frozenset()  # nouns that after "by" say how an act was done, not by whom (event_means.tsv)
    mishaps: frozenset[str] = frozenset()  # accidents and weather: a death "in a crash" or "during a storm" (event_accidents.tsv)
    mishap_causes: frozenset[str] = frozenset()  # "a gas explosion", "a boiler blast": an accident's cause (event_accidents.tsv)
    charge_blocks: frozenset[str] = frozenset()  # blocks whose "of" after the object is the verb's (see _charge_blocks)

    def verb_codes(self, lemma: str, alone: bool = False) -> list[str]:
        """The codes the dictionary gives a verb by default (its entries' own or their block's; none of "---"), of
        every entry, or with ``alone`` of the one-word entries only ("call", not "call off")."""
        return [e.code for e in self.verbs_by_lemma.get(lemma, ()) if e.code not in ("", "---")
                and not (alone and (e.after or e.before))]

    def is_weapon_fire(self, tok: Token) -> bool:
        """What a weapon fires, named by the weapon ("rocket fire", "artillery rounds", "tank shells") or by who fires it
        ("Israeli fire", "army fire", "sniper fire"): an instrument of whoever fires it, like the weapon itself; a
        weapon's name on anything else ("a gas cylinder") is not, nor is a blaze ("a house fire", "the fire")."""
        return tok.lemma_.lower() in FIRED and any(
            c.dep_ == "compound" and (c.lemma_.lower() in self.weapons or c.lower_ in self.weapons)
            or c.dep_ in ("amod", "compound", "poss") and c.i < tok.i and (c.ent_type_ in _FIRING_NAMES or is_agent_phrase(c.lower_)
                                                                         or self.agents.get(c.lower_, ("NON",))[0] != "NON")
            for c in tok.children)

    def names_money(self, tok: Token) -> bool:
        """Whether a word names money (the dictionary's &CURRENCY: "euros", "the naira"). A longer name that holds such a
        word is the country, club, person or body it names, no sum of money: "Leone" of "Sierra Leone", "Real" of a
        football club, "Rand" of a person (:func:`in_longer_name`); a currency alone the tagger takes for a name ("the
        naira") is still money."""
        return self.is_money_word(tok) and not in_longer_name(tok)

    def is_money_word(self, tok: Token) -> bool:
        """Whether the word is one of the dictionary's &CURRENCY, wherever it stands (see :meth:`names_money`)."""
        return tok.lemma_.lower() in self.currencies or tok.lower_ in self.currencies

    def in_other_sense(self, tok: Token) -> bool:
        """Whether an event noun of ``event_noun_senses.tsv`` is put in a sense that names no act by an adjective or a
        compound of its own ("strong demand", "oil demand": what buyers want; "heart attack": an illness)."""
        mods = self.noun_senses.get(tok.lemma_.lower())
        return mods is not None and any(c.dep_ in ("amod", "compound", "nmod") and c.lemma_.lower() in mods for c in tok.children)

    def is_act_noun(self, tok: Token) -> bool:
        """Whether a noun names an act the coder codes (an event noun or a gerund of a coded verb: "attack", "talks",
        "shelling")."""
        return tok.pos_ == "NOUN" and (tok.lower_ in self.noun_forms or tok.lower_ in self.gerunds)

    def names_act_of_force(self, tok: Token) -> bool:
        """Whether a noun names an act of coercion or force as it is written here: a row of the event nouns with such
        a code whose modifier, if it names one, modifies the noun ("army raids"; "martial law", but a law of no such
        modifier is a measure, whose modifier names its matter: "a foreign agents law")."""
        mods = {w for c in tok.children if c.dep_ in ("compound", "amod", "nmod") for w in (c.lower_, c.lemma_.lower())}
        return any(r.code[:2] in FORCE_ROOTS and (not r.modifier or r.modifier in mods) for r in self.nouns.get(tok.lemma_.lower(), ()))

    def verb_in_block(self, lemma: str, block: str) -> bool:
        """Whether the dictionary (or the team's table) lists the verb ``lemma`` in synonym block ``block``."""
        return any(e.block == block for e in self.verbs_by_lemma.get(lemma, ()))

    def is_peaceful_act_noun(self, tok: Token) -> bool:
        """Whether a noun names an act of no coercion, force or dissent ("pact", "talks", "aid"): a noun modifier of it
        names its matter ("a security pact", "trade talks"), where one of an act of force names its doer ("army raids")
        and so does one of a crowd's act of protest ("opposition rallies", "teacher strikes")."""
        rows = self.nouns.get(tok.lemma_.lower(), ())
        return bool(rows) and not any(r.code[:2] in FORCE_ROOTS or r.code[:2] == PROTEST_ROOT for r in rows)

    def crowd_rows(self, code: str) -> tuple[tuple[str, frozenset[str], frozenset[str], bool], ...]:
        """The rows of ``event_crowd_acts.tsv`` for act ``code`` (longest prefix), or none."""
        return _by_prefix(self.crowd_acts, code) or ()

    def crowd_act(self, code: str, verb: str, source_sectors: set[str | None], by_default: bool) -> str:
        """The code of act ``code`` by ``verb`` (``by_default``: the verb's default code, no pattern) when every source
        is of the row's crowd sectors (``event_crowd_acts.tsv``: "farmers blocked the road" is a protest); "" otherwise."""
        for row in self.crowd_rows(code):
            if verb in row[2] and source_sectors and source_sectors <= row[1] and (by_default or not row[3]):
                return row[0]
        return ""

    def intent_of(self, code: str) -> str:
        """The code of the intent of act ``code`` (longest prefix of ``event_intents.tsv``), or ""."""
        return _by_prefix(self.intents, code)

    def refusal_of(self, code: str) -> str:
        """The code of refusing act ``code`` (longest prefix of ``event_refusals.tsv``), or ""."""
        return _by_prefix(self.refusals, code)

    def outright_refusal_of(self, code: str, vowed: bool = False) -> str:
        """The code of refusing act ``code`` when leaving it undone ("did not accept", "will not back") is refusing it
        (column outright of ``event_refusals.tsv``, read at the act's longest prefix), or "". With ``vowed`` (negated
        with "will" or "would"), also where the column says "vowed": "will not attend the talks" refuses them."""
        prefix = _longest_prefix(self.refusals, code)
        return self.refusals[prefix] if prefix in self.outright or vowed and prefix in self.vowed else ""

    def threat_of(self, code: str) -> str:
        """The code of the threat of act ``code`` (longest prefix of ``event_threats.tsv``), or ""."""
        return _by_prefix(self.threats, code)

    def threatened_act(self, code: str) -> str:
        """The CAMEO prefix of the act threat ``code`` threatens (``event_threats.tsv`` read backwards), or ""."""
        return next((act for act, threat in self.threats.items() if threat == code), "")

    def ending_of(self, code: str) -> str:
        """The code of ending act ``code`` (longest prefix of ``event_endings.tsv``), or ""."""
        return _by_prefix(self.endings, code)

    def taking_people(self, code: str, verb: str, source_sectors: set[str], agentless: bool = False) -> str:
        """The code of seizure ``code`` by ``verb`` when what is seized is people (``event_person_objects.tsv``): by a
        source of the row's authority sectors, its arrest code, else its abduction code; ``agentless`` (a passive that
        names no agent), the row's agentless code if it has one; "" for an act or verb of no row."""
        row = _by_prefix(self.person_objects, code)
        if not row or verb not in row[3]:
            return ""
        by_authority, by_others, sectors, _, unnamed = row
        if agentless and unnamed:
            return unnamed
        return by_authority if source_sectors & sectors else by_others


def _by_prefix(table: dict[str, Any], code: str) -> Any:
    """The row of the longest prefix of ``code`` that ``table`` has, or ""."""
    prefix = _longest_prefix(table, code)
    return table[prefix] if prefix else ""


def _longest_prefix(table: dict[str, Any], code: str) -> str:
    """The longest prefix of ``code`` (two characters at least) that ``table`` has a row for, or ""."""
    for n in range(len(code), 1, -1):
        if table.get(code[:n]):
            return code[:n]
    return ""


# The dictionary's blocks of verbs of ending an act: with an act noun as object they code its ending
# (event_endings.tsv) where none of their patterns fits. CANCEL (end, stop, halt, suspend, cease, call off, ...),
# REVOKE_ (cancel, revoke, repeal, rescind, ...), SCRAP (scrap, trash), LOOSEN (loosen, relax), FREEZE (freeze: an
# act frozen is halted, as the block's own relations, participation and aid say, 160 and 162): every verb of the
# block; LIFT only "lift" itself (its block also holds "rise", "move", "surface": verbs of going up, not of ending).
ENDING_BLOCKS: dict[str, frozenset[str] | None] = {"CANCEL": None, "REVOKE_": None, "SCRAP": None, "LOOSEN": None,
                                                   "FREEZE": None, "LIFT": frozenset({"lift"})}


# Verbs of leaving: with an act noun as the object of "from" ("withdrew from the talks") or, after the particle "out",
# of "of" ("pulled out of the negotiations", "walked out of the talks", "backed out of the deal"), they end the act
# as the verbs of ENDING_BLOCKS do with an object (event_endings.tsv): the talks left are halted (164). The value is
# the particle the verb needs ("" = none). RETREAT's "withdraw", GO_SOMEWHERE's "pull out" and "walk out", and two of
# the same kind the dictionary lacks ("back out", "drop out").
LEAVING_VERBS: dict[str, str] = {"withdraw": "", "pull": "out", "walk": "out", "back": "out", "drop": "out"}


# Verbs that end what their object names only with a particle: "broke off the talks", "cut off aid". They end an act
# noun object as the verbs of ENDING_BLOCKS do (event_endings.tsv); PETRARCH2 codes the particle alone ("BREAK
# - * OFF [130]"), which says nothing of what was broken off. The value is the particle.
ENDING_PARTICLE_VERBS: dict[str, str] = {"break": "off", "cut": "off"}


def ends_acts(entry: VerbEntry) -> bool:
    """The verb is one of ending an act (``ENDING_BLOCKS``)."""
    if entry.block not in ENDING_BLOCKS:
        return False
    verbs = ENDING_BLOCKS[entry.block]
    return verbs is None or entry.lemma in verbs


def _alternatives(word: str) -> frozenset[str]:
    return frozenset(a for a in word.split("/") if a)


def _term(text: str, synsets: dict[str, frozenset[str]], same: dict[str, frozenset[str]] | None = None,
          qualifiers: dict[str, dict[str, frozenset[str]]] | None = None) -> Term | None:
    """"financial aid" -> Term(head {aid}, modifiers ({financial},)); "&WEAPON" -> the synset's heads. A literal word,
    head or modifier, also fits the words that mean the same in the patterns' sense (``same``:
    ``event_pattern_nouns.tsv``: "arrest warrant" fits "detention warrant")."""
    words = text.split()
    if not words:
        return None
    groups = []
    for w in words:
        if w.startswith("&"):
            alts = synsets.get(w.upper().rstrip("_"))
            if alts is None:
                raise KeyError(w)  # a pattern with an undefined synset is ignored (as PETRARCH does)
            groups.append(alts)
        else:
            alts = _alternatives(w)
            groups.append(alts.union(*(same.get(a, frozenset()) for a in alts)) if same else alts)
    last = words[-1].upper().rstrip("_")
    qualified = tuple(sorted((qualifiers or {}).get(last, {}).items())) if words[-1].startswith("&") else ()
    return Term(groups[-1], tuple(groups[:-1]), qualified)


def _pattern_nouns() -> dict[str, frozenset[str]]:
    """The patterns' word -> the words that also fit it (``event_pattern_nouns.tsv``)."""
    out: dict[str, set[str]] = {}
    for row in records("event_pattern_nouns.tsv"):
        out.setdefault(row["pattern"], set()).add(row["word"])
    return {k: frozenset(v) for k, v in out.items()}


def _synsets() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for row in [*records("cameo_synsets.tsv"), *records("event_synsets.tsv")]:  # the dictionary's, then the team's
        word = row["word"]
        # a multi-word member ("armed forces") is matched by its head word; its modifiers are not checked
        out.setdefault(row["synset"].rstrip("_"), set()).update(_alternatives(word.split()[-1]) if word else set())
    return {k: frozenset(v) for k, v in out.items()}


def _synset_qualifiers() -> dict[str, dict[str, frozenset[str]]]:
    """Synset -> head -> the words before it in the synset's multi-word members, for heads that are no member alone
    ("&WEAPON": "gas" -> {"tear"}, "carrier" -> {"aircraft", "armored", "personnel", ...})."""
    alone: dict[str, set[str]] = {}
    before: dict[str, dict[str, set[str]]] = {}
    for row in [*records("cameo_synsets.tsv"), *records("event_synsets.tsv")]:
        words = row["word"].split()
        if not words:
            continue
        synset = row["synset"].rstrip("_")
        for head in _alternatives(words[-1]):
            if len(words) == 1:
                alone.setdefault(synset, set()).add(head)
            else:
                before.setdefault(synset, {}).setdefault(head, set()).update(w for m in words[:-1] for w in _alternatives(m))
    def member(head: str, synset: str) -> bool:  # the head, or its other number, is a member alone ("peacekeepers")
        words = alone.get(synset, set())
        return head in words or head.rstrip("s") in words or head + "s" in words

    return {s: {h: frozenset(ws) for h, ws in heads.items() if not member(h, s)} for s, heads in before.items()}


def _patterns(synsets: dict[str, frozenset[str]], forms: dict[str, dict[str, str]]) -> dict[str, tuple[Pattern, ...]]:
    """Patterns by block. A pattern whose comment names verbs of its block (the dictionary's record of where the
    pattern was found, e.g. "# TAKE" under the block of "arrest", "seize", "take") fits those verbs; for the
    block's other verbs it is only an alternative as weak as their default code ("&MILITARY * [192]" reads
    "troops took [a town]"; for "troops arrested" it competes with arrest's own code, and the classifier chooses)."""
    out: dict[str, list[Pattern]] = {}
    same = _pattern_nouns()
    qualifiers = _synset_qualifiers()
    for row in [*records("cameo_patterns.tsv"), *records("event_patterns.tsv")]:  # the dictionary's, then the team's
        origin = set()
        for word in row["note"].replace(",", " ").replace("/", " ").split():
            lemma = forms.get(row["block"], {}).get(word.lower().replace("+", "").split("_")[0])
            if lemma is None:
                break  # the verb list ends where the coder's remark begins
            origin.add(lemma)
        try:
            preps = []
            for spec in filter(None, row["preps"].split("|")):
                prep, _, noun = spec.partition(":")
                preps.append(PrepSpec(frozenset(prep.split("/")), _term(noun, synsets, same, qualifiers) if noun else None))
            pat = Pattern(
                pid=f"{row['block']}:{row['line']}",
                subject=_term(row["subject"], synsets, same, qualifiers),
                particle=row["particle"],
                object=_term(row["object"], synsets, same, qualifiers),
                extra=tuple(t for t in (_term(w, synsets, None, qualifiers) for w in row["extra"].split()) if t is not None),
                preps=tuple(preps),
                source=row["source"],
                target=row["target"],
                code=row["code"],
                reverse=row["reverse"],
                origin=frozenset(origin),
            )
        except KeyError:
            continue
        out.setdefault(row["block"], []).append(pat)
    # most specific first: the coder takes the first pattern that matches
    return {k: tuple(sorted(v, key=lambda p: -p.specificity)) for k, v in out.items()}


@lru_cache(maxsize=1)
def _hazards() -> frozenset[str]:
    """Disasters that are never an actor: the agents dictionary's (~JNK), and the weather of ``event_accidents.tsv``
    ("hailstorms destroyed the crops"), in the singular and the plural the surface form shows."""
    weather = [r["word"] for r in records("event_accidents.tsv") if r["kind"] == "weather"]
    return frozenset(disaster_phrases()) | frozenset(weather) | frozenset(w + "s" for w in weather)


def pattern_index(patterns: tuple[Pattern, ...]) -> dict[tuple[str, str], tuple[Pattern, ...]]:
    """A block's patterns by one feature each must see: ("o", object head), ("p", preposition),
    ("t", particle), ("s", subject head), ("x", "") for none; a frame only tries the patterns of its features."""
    index: dict[tuple[str, str], list[Pattern]] = {}
    for p in patterns:
        if p.object is not None:
            keys = [("o", h) for h in p.object.heads]
        elif p.preps:
            keys = [("p", x) for x in p.preps[0].preps]
        elif p.particle:
            keys = [("t", p.particle)]
        elif p.subject is not None:
            keys = [("s", h) for h in p.subject.heads]
        else:
            keys = [("x", "")]
        for k in keys:
            index.setdefault(k, []).append(p)
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=1)
def knowledge() -> Knowledge:
    synsets = _synsets()
    verb_forms: dict[str, list[VerbEntry]] = {}
    by_lemma: dict[str, list[VerbEntry]] = {}
    block_forms: dict[str, dict[str, str]] = {}
    team_verbs = [{"verb": r["verb"].split()[0], "after": " ".join(r["verb"].split()[1:]), "before": "", "forms": r["forms"],
                   "code": r["code"], "block": r["block"],
                   "object": r["object"]} for r in records("event_verbs.tsv")]  # verbs the dictionary lacks, as members of its blocks
    dictionary_rows = records("cameo_verbs.tsv")
    for n, row in enumerate([*dictionary_rows, *team_verbs]):
        code, _, reverse = row["code"].partition(":")
        entry = VerbEntry(row["verb"], tuple(row["after"].split()), tuple(row["before"].split()), code, row["block"], reverse,
                          row.get("object") or "")
        # a team row for a verb the dictionary holds in the same block, with the same companions, restates that
        # entry (the object its default sense needs, event_verbs.tsv): it takes the dictionary entry's place
        same = [] if n < len(dictionary_rows) else [
            e for e in by_lemma.get(entry.lemma, []) if (e.after, e.before, e.block) == (entry.after, entry.before, entry.block)]
        for old_entry in same:
            by_lemma[entry.lemma].remove(old_entry)
            for form_entries in verb_forms.values():
                if old_entry in form_entries:
                    form_entries.remove(old_entry)
        if same:
            entry = replace(entry, restated=True)
        by_lemma.setdefault(entry.lemma, []).append(entry)
        for form in row["forms"].split():
            verb_forms.setdefault(form, []).append(entry)
            block_forms.setdefault(entry.block, {}).setdefault(form, entry.lemma)
    nouns: dict[str, list[NounEntry]] = {}
    noun_forms: dict[str, str] = {}
    for row in records("event_nouns.tsv"):
        entry = NounEntry(row["noun"], row["modifier"], frozenset(p for p in row["preps"].split("|") if p), row["code"],
                          possessor_undergoes=row["possessor"] == "undergoer", of_doer=row["of"] == "doer")
        nouns.setdefault(entry.noun, []).append(entry)
        for form in _noun_forms(entry.noun):
            noun_forms[form] = entry.noun
    named_acts = frozenset(nouns)  # the team's event nouns, before the learned ones join them
    _add_learned(verb_forms, by_lemma, nouns, noun_forms)
    discards = tuple(Discard(r["phrase"], r["scope"] == "story", r["whole_word"] == "1") for r in records("event_discards.tsv"))
    reciprocal = frozenset(r["code"] for r in records("event_reciprocal.tsv"))
    patterns = _patterns(synsets, block_forms)
    weapons = synsets.get("&WEAPON", frozenset()) | synsets.get("&AIRCRAFT", frozenset())
    vessels = synsets.get("&VESSEL", frozenset())  # craft that imply their crew, as weapons do, but no weapon
    return Knowledge(
        verb_forms={k: tuple(v) for k, v in verb_forms.items()},
        verbs_by_lemma={k: tuple(v) for k, v in by_lemma.items()},
        patterns=patterns,
        index={block: pattern_index(ps) for block, ps in patterns.items()},
        nouns={k: tuple(sorted(v, key=lambda e: -e.specificity)) for k, v in nouns.items()},
        noun_forms=noun_forms,
        discards=discards,
        reciprocal=reciprocal,
        stance_blocks=frozenset(r["block"] for r in records("event_stance_blocks.tsv")),
        trend_verbs=frozenset(r["word"] for r in records("event_trends.tsv") if r["kind"] == "verb"),
        quantity_nouns=frozenset(r["word"] for r in records("event_trends.tsv") if r["kind"] == "quantity"),
        instruments=weapons | vessels | named_acts,
        weapons=weapons,
        vessels=vessels,
        agents={r["noun"]: (r["sector"], r["owner"] in ("yes", "the")) for r in records("event_agents.tsv")},
        definite_agents=frozenset(r["noun"] for r in records("event_agents.tsv") if r["owner"] == "the"),
        patient_blocks=_patient_blocks(patterns),
        charge_blocks=_charge_blocks(patterns),
        hazards=_hazards(),  # read with the agents table the actor dictionary already holds
        hazard_words=frozenset(w for phrase in _hazards() for w in phrase.split()),
        verbal_settings={r["noun"]: frozenset(r["preps"].split("|")) for r in records("event_verbal_settings.tsv")},
        namings={r["verb"]: r["code"] for r in records("event_namings.tsv")},
        wantings={r["verb"]: r["code"] for r in records("event_wantings.tsv")},
        contests={r["noun"]: frozenset(r["preps"].split("|")) for r in records("event_contests.tsv")},
        verbal_attack_blocks=frozenset(b for b, ps in patterns.items() if any(p.code == VERBAL_CONFLICT_CODE for p in ps)),
        verbal_defence_blocks=frozenset(b for b, ps in patterns.items() if any(p.code == VERBAL_DEFENCE_CODE for p in ps)),
        gerunds=_gerunds(verb_forms, noun_forms),
        threats={r["act"]: r["threat"] for r in records("event_threats.tsv")},
        intents={r["act"]: r["intent"] for r in records("event_intents.tsv")},
        refusals={r["act"]: r["refusal"] for r in records("event_refusals.tsv")},
        outright=frozenset(r["act"] for r in records("event_refusals.tsv") if r["outright"] == "yes"),
        vowed=frozenset(r["act"] for r in records("event_refusals.tsv") if r["outright"] == "vowed"),
        refusing=frozenset(lemma for lemma, entries in by_lemma.items() if any(e.block == REFUSAL_BLOCK and not e.after and not e.before for e in entries)),
        endings={r["act"]: r["ended"] for r in records("event_endings.tsv")},
        person_objects={r["act"]: (r["by_authority"], r["by_others"], frozenset(r["authority_sectors"].split("|")),
                                   frozenset(r["verbs"].split("|")), r["agentless"] if r["agentless"] != "-" else "")
                        for r in records("event_person_objects.tsv")},
        crowd_acts=_crowd_act_rows(),
        visits={(r["verb"], r["prep"]): (r["code"], r["reverse"]) for r in records("event_visits.tsv")},
        blame_predicates={r["word"]: r["code"] for r in records("event_blame_predicates.tsv")},
        departures={r["word"]: r["code"] for r in records("event_expulsions.tsv") if r["role"] == "leave"},
        care_places=frozenset(r["noun"] for r in records("event_care_destinations.tsv")),
        force_shows=frozenset(r["prep"] for r in records("event_force_shows.tsv")),
        open_waters=frozenset(r["noun"] for r in records("event_open_waters.tsv")),
        relations={r["noun"]: r["ended"] for r in records("event_relations.tsv")},
        access={r["noun"]: r["code"] for r in records("event_access.tsv")},
        armed=weapons | synsets.get("&MILITARY", frozenset()),
        currencies=synsets.get("&CURRENCY", frozenset()),
        treaties=synsets.get("&TREATY", frozenset()),
        enactments=synsets.get("&ENACTMENT", frozenset()),
        goods=frozenset(h for ps in patterns.values() for p in ps if p.code.startswith(AID_ROOT) and p.object is not None
                        for h in p.object.heads),
        press_inquiries=frozenset(r["noun"] for r in records("event_press_inquiries.tsv")),
        occasions=frozenset(r["noun"] for r in records("event_occasions.tsv")),
        noun_senses={r["noun"]: frozenset(r["modifiers"].split()) for r in records("event_noun_senses.tsv")},
        information=frozenset(r["noun"] for r in records("event_information_objects.tsv")),
        predicaments=frozenset(r["participle"] for r in records("event_predicaments.tsv")),
        rescue_work=frozenset(r["noun"] for r in records("event_rescue_work.tsv")),
        successions={(r["verb"], r["particle"]): (frozenset(r["preps"].split("|")), frozenset(r["offices"].split("|")))
                     for r in records("event_successions.tsv")},
        ordering=frozenset(r["word"] for r in records("event_expulsions.tsv") if r["role"] == "order"),
        deadlines=frozenset(r["word"] for r in records("event_expulsions.tsv") if r["role"] == "deadline"),
        undergoing=frozenset(r["verb"] for r in records("event_undergoing_verbs.tsv")),
        witnessing=frozenset(r["verb"] for r in records("event_witness_verbs.tsv")),
        means=frozenset(r["noun"] for r in records("event_means.tsv")),
        mishaps=frozenset(r["word"] for r in records("event_accidents.tsv") if r["kind"] != "cause"),
        mishap_causes=frozenset(r["word"] for r in records("event_accidents.tsv") if r["kind"] == "cause"),
    )


def _crowd_act_rows() -> dict[str, tuple[tuple[str, frozenset[str], frozenset[str], bool], ...]]:
    """``event_crowd_acts.tsv`` by act prefix: the rows of each act, in the file's order."""
    out: dict[str, list[tuple[str, frozenset[str], frozenset[str], bool]]] = {}
    for r in records("event_crowd_acts.tsv"):
        out.setdefault(r["act"], []).append((r["crowd_code"], frozenset(r["crowd_sectors"].split("|")),
                                             frozenset(r["verbs"].split("|")), r["coded_by"] == "default"))
    return {k: tuple(v) for k, v in out.items()}


# What weapons fire, as English names it after the weapon ("rocket fire", "mortar rounds", "artillery shells")
FIRED = frozenset({"fire", "round", "shell", "barrage", "salvo", "volley", "shot"})
_FIRING_NAMES = frozenset({"NORP", "GPE", "ORG"})  # who fires: a nationality, a state, a force by its name
FORCE_ROOTS = frozenset({"17", "18", "19", "20"})  # CAMEO roots of coercion and force
# verbs of preventing: the act their object names, or that they keep someone "from" doing, did not take place, and who
# prevents it is not its doer ("stop" is left out: a march stopped had begun)
PREVENTERS = frozenset({"block", "prevent", "thwart", "foil", "forbid", "prohibit", "bar", "avert"})
PROTEST_ROOT = "14"  # CAMEO protest: demonstrations, strikes, boycotts, blockades
FORCE_POSTURE_ROOT = "15"  # CAMEO exhibit force posture: alerts, mobilisations, shows of force
NAME_ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})  # names, never money


AID_ROOT = "07"  # CAMEO: provide aid
CAUSATIVE_BLOCK = "MAKE"  # PETRARCH2's block of "make", "cause", "induce": with an adjective, how its object ends up
INSTRUMENT_BLOCK = "UTILIZE"  # PETRARCH2's block of verbs of using: use, employ, wield, apply ... ("used X to do Y")
REFUSAL_BLOCK = "REFUSE"  # PETRARCH2's block of verbs of refusal: refuse, decline, reject, resist, rule out, ...
REACTION_BLOCK = "REACT"  # PETRARCH2's block of verbs of reacting (respond, react, reply, answer): no act of their own
UNSPECIFIED_THREAT = "130"  # CAMEO: threaten, not specified
LEARNED_BLOCK = "event_triggers"  # the block name of learned verbs: no patterns, only their default code
FORCES_OR_NONE = "forces or none"  # an object kind: no direct object, or one that names forces (frames._companions_ok)


def in_longer_name(tok: Token) -> bool:
    """The token is one word of a named entity (:data:`NAME_ENTITY_TYPES`) of two words or more ("Leone" of "Sierra
    Leone")."""
    if tok.ent_type_ not in NAME_ENTITY_TYPES:
        return False
    return tok.ent_iob_ == "I" or tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].ent_iob_ == "I"


def _add_learned(verb_forms: dict[str, list[VerbEntry]], by_lemma: dict[str, list[VerbEntry]],
                 nouns: dict[str, list[NounEntry]], noun_forms: dict[str, str]) -> None:
    """The trigger words ``tools/learn_event_triggers.py`` learned (``event_triggers.tsv``) join the dictionary's as
    plain entries of the lowest specificity: a learned verb has no pattern, so any fitting pattern of the dictionary
    outranks it, and where the dictionary has only a default code (or ``---``) the learned type is one more alternative
    the type classifier chooses from; a learned noun is an event noun with no modifier or preposition required."""
    for row in records("event_triggers.tsv"):
        if row["pos"] == "verb":
            # a learned verb of a show of force (MOBILIZE, 15) shows forces: with an object that is none ("deployed
            # boats and divers at the bathing points") it tells of no show of force
            kind = FORCES_OR_NONE if row["code"][:2] == FORCE_POSTURE_ROOT else ""
            entry = VerbEntry(row["lemma"], (), (), row["code"], LEARNED_BLOCK, object_kind=kind)
            by_lemma.setdefault(entry.lemma, []).append(entry)
            for form in row["forms"].split():
                verb_forms.setdefault(form, []).append(entry)
        else:
            nouns.setdefault(row["lemma"], []).append(NounEntry(row["lemma"], "", frozenset(), row["code"], learned=True))
            for form in _noun_forms(row["lemma"]):
                noun_forms.setdefault(form, row["lemma"])


def _gerunds(verb_forms: dict[str, list[VerbEntry]], noun_forms: dict[str, str]) -> dict[str, tuple[NounEntry, ...]]:
    """The "-ing" forms of the dictionary's one-word verbs that code an act, as event nouns with the verb's own codes:
    a gerund the tagger reads as a noun ("the looting of shops by soldiers", "the army's shelling of the port") names
    the verb's act. Statements (01) and uncoded verbs are left out; a noun of ``event_nouns.tsv`` keeps its own row."""
    out: dict[str, tuple[NounEntry, ...]] = {}
    for form, entries in verb_forms.items():
        if not form.endswith("ing") or " " in form or form in noun_forms:
            continue
        codes = dict.fromkeys(e.code for e in entries if not e.after and not e.before and e.code
                              and e.code != "---" and not e.code.startswith("01"))
        if codes:
            out[form] = tuple(NounEntry(form, "", frozenset(), code) for code in codes)
    return out


def _patient_blocks(patterns: dict[str, tuple[Pattern, ...]]) -> frozenset[str]:
    """Blocks whose own patterns mostly code the reversed event (``[:code]``: the subject is the one acted upon,
    as in "X died after an assault", "X received aid from Y"): their verbs' default code is reversed too, so
    the subject of a bare "X died" is the target of the act, never its source."""
    out = set()
    for block, ps in patterns.items():
        fwd = sum(1 for p in ps if p.code and p.code != "---")
        rev = sum(1 for p in ps if not p.code and p.reverse)
        if rev >= 2 and rev >= fwd:
            out.add(block)
    return frozenset(out)


def _charge_blocks(patterns: dict[str, tuple[Pattern, ...]]) -> frozenset[str]:
    """Blocks with a pattern that reads an "of" phrase, and nothing else, after the verb's bare object as the verb's
    own complement ("accuse X of torture", "warn X of consequences", "strip X of citizenship", "clear X of charges"):
    in such a verb's "V X of Y", Y is the charge or the matter, not a part of the actor X."""
    return frozenset(block for block, ps in patterns.items()
                     if any(p.object is None and not p.particle and p.preps and p.preps[0].preps == frozenset({"of"})
                            and p.preps[0].noun is not None for p in ps))


def _noun_forms(noun: str) -> list[str]:
    """Singular and regular plural forms, and the British spelling of an "-ization" noun ("mobilisation"): the tables
    are written in American spelling, as the dictionaries they come from."""
    forms = {noun}
    if noun.endswith("ization"):
        forms.update(_noun_forms(noun[: -len("ization")] + "isation"))
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        forms.add(noun[:-1] + "ies")
    elif noun.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(noun + "es")
    else:
        forms.add(noun + "s")
    return sorted(forms)


@lru_cache(maxsize=1)
def knowledge_hash() -> str:
    """Fingerprint of every knowledge file (tables and weights): part of ``extractor_version``."""
    return fingerprint(DATA_FILES, blob)


def fingerprint(names: tuple[str, ...], read) -> str:
    """sha256 over (name, bytes) of each file, 12 hex digits; a missing file counts as such."""
    h = hashlib.sha256()
    for name in names:
        data = read(name)
        h.update(name.encode() + b"\0" + (data if data is not None else b"\0missing"))
    return h.hexdigest()[:12]
