"""Turn the head of a source or target slot into an actor, or into nothing.

A source or target is an actor or null: a named entity of the article that can act
(person, organisation, state or territory, national or ethnic group), or a generic
agent noun phrase the agents dictionary gives a sector ("the police", "Afghan
troops", "protesters"). Objects, quantities, places inside buildings, abstract nouns
("responsibility", "the first time") never are. Pronouns and role phrases ("the
Palestinian leader") are resolved to a person mentioned before (``resolve.Salience``).

Entities come from the entity layer (one per real-world actor, with country and
sector); what it leaves open is asked of the actor dictionaries
(``actor_dictionary.named_actor`` / ``agent_actor``) with the article's date, so an
office-holder is typed for the term the dictionary gives.

Why one module of ~330 lines: the phrase, entity, dictionary and pronoun steps decide together
whether one slot head is an actor (each falls back on the next), so they read as one procedure.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..actor_dictionary import agent_actor, agent_adjective, named_actor, nominal_adjective
from ..doc_index import doc_text, entity_of, ents, sentences
from ..entities import SETTLEMENT_NOUNS, Entity, EntityTable
from ..roles import describe, role_entry
from .frames import country_by_name, forceful_verb
from .knowledge import Knowledge, knowledge
from .resolve import fragment_name
from ..datelines import SEPARATORS
from .slots import CROWD_COUNTS, comma_paired, crowd_of_act, dateline_end, finite_modifier, is_time, joins_words, kids, object_predicates, parse_memo, sentence_index, sentence_of

ACTOR_ENTITY_TYPES = {"PERSON", "ORG", "GPE", "NORP", "LOC"}
_NAME_DEPS = {"compound", "appos", "flat", "nmod"}
PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us"}
_POSSESSIVE_PRONOUNS = {"his": "he", "its": "it", "their": "they", "our": "we", "my": "i"}
_GROUP_TYPES = {"ORG", "GPE", "NORP"}
GROUP_NOUN = "OWN"  # event_agents.tsv: a noun that names its owner group itself ("the Houthi movement")
UNKNOWN_SECTOR = "UNK"  # the agents dictionaries' sector of a noun that names members of anything ("members")
_OWNER_DEPS = {"amod", "compound", "poss", "nmod"}
_STATE_SECTOR, _FIRM_SECTOR = "GOV", "BUS"
# Those who speak or act for someone named by a "for" phrase ("a spokesman for Hamas", "a lawyer for the family"): the
# phrase is part of their name and its actor their owner, as an "of" phrase is for others ("an official of X")
_SPEAKS_FOR = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "representative",
                         "representatives", "lawyer", "lawyers", "attorney", "attorneys"})
_PART_HEADS = {"member", "members", "affiliate", "affiliates", "wing", "branch", "cell", "cells"}  # "an affiliate of X": X
_ARMED_SECTORS = {"MIL", "COP", "REB", "UAF", "SPY"}
_DONE_BY_SUBJECT = {"dobj", "attr", "oprd", "conj"}  # an act noun in these is what its verb's subject does ("launched
# military strikes", "it was a terrorist attack")
_PART_OF_PLACE_HEADS = {"side", "sides"}  # event_agents.tsv parties that, with an "of" phrase, are part of a place
_GROUP_ROLES = {"leader"}  # a role whose plural names a group acting together ("world leaders", "the two leaders")
_CONDITION_HEADS = {"state", "union"}  # an agent noun that, with an "of" complement naming no one, names a condition
# or a joining ("a state of emergency", "the union of two firms")
_COUNT_WORDS = frozenset({"of", "more", "than", "at", "least", "some", "about", "nearly", "over", "around", "several"})
# heads that count or collect the actor rather than name it
_QUANTITY_HEADS = {"hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "score", "scores", "million",
                   "millions", "number", "group", "crowd", "crowds", "handful", "couple", "majority", "minority",
                   "band", "gang", "contingent", "batch", "coalition", "alliance", "panel"}


def _bare_definite(head: Token) -> bool:
    """The noun has "the" and nothing else before it: an anaphor of one named earlier ("the coalition said"); or it is a
    bare modifier of another noun, which the article before that noun makes definite ("the coalition jets", "a
    coalition raid": a raid by the coalition)."""
    before = [c for c in kids(head) if c.i < head.i]
    if not before:
        return head.dep_ == "compound" and head.head.i > head.i
    # (nor with an "of" phrase after it: "the bank of the river" is a place, "the party of the president" one it names)
    return (len(before) == 1 and before[0].dep_ == "det" and before[0].lower_ == "the"
            and not any(c.dep_ == "prep" and c.lower_ == "of" and c.i > head.i for c in kids(head)))


@dataclass(slots=True)
class Participant:
    """A source or target as the coder works with it: the record's actor fields plus where it stands in the text."""

    text: str
    canonical: str | None
    entity: str | None
    country: str | None
    sector: str | None
    start: int
    end: int
    named: bool  # an entity of the article (else an agent noun)
    etype: str | None = None
    plural: bool = False
    pronoun_only: bool = False  # named only by a personal pronoun nothing in the article resolves (unresolved_pronoun)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "canonical": self.canonical, "entity": self.entity, "country": self.country, "sector": self.sector}

    @property
    def key(self) -> str:
        return self.entity or (self.canonical or self.text).lower()


_NAME_ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _name_word(tok: Token) -> bool:
    """A word a multiword name can hold: a name or a noun, or a word that joins them ("Convention on Certain
    Conventional Weapons", "al-Abadi"); not a verb, punctuation between words or a line break."""
    if "\n" in tok.text or tok.pos_ in ("VERB", "AUX", "SPACE"):
        return False
    return joins_words(tok) or not tok.is_punct


_STATE_BODY_SECTORS = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG"}  # bodies every state has one of


def inner_name_verb(doc: Doc, i: int) -> bool:
    """A capitalised verb inside a name the tagger marked, with more of the name after it: names of campaigns and
    advocacy bodies are often built on a verb ("a Committee to Defend Writers", "the League to Save Lakes"). The
    tagger's entity that runs on over a lowercase verb or ends on one ("Marlow hit Benning") is no such name."""
    tok = doc[i]
    if tok.pos_ not in ("VERB", "AUX") or not tok.text[:1].isupper() or tok.is_sent_start or i + 1 >= len(doc):
        return False
    nxt = doc[i + 1]
    return nxt.ent_iob_ == "I" and nxt.text[:1].isupper() and _name_word(nxt)


def _coded_gerund(tok: Token, kb: Knowledge) -> bool:
    """A gerund of a verb the dictionary codes ("beating", "shelling"), as the parser may read it: a modifier."""
    return tok.tag_ == "VBG" and bool(kb.verb_codes(tok.lemma_.lower()))


def _own_preps(tok: Token) -> tuple[str, ...]:
    """The prepositions whose phrase is part of a noun's name: "of", and "for" after one who speaks for someone."""
    return ("of", "for") if tok.lower_ in _SPEAKS_FOR else ("of",)


# Courts are named by the place they sit in ("a court in Quito", "a military court in Lome"): the place says
# which court, and the field's coders keep it in the actor's words, as they do not for the police or the workers of a
# place ("police | in Lahore": where they are)
_SEATED_BODIES = frozenset({"court", "tribunal"})


def _seat_of(body: Token, prep: Token) -> bool:
    """``prep`` is the "in" phrase of a court that names the place it sits in (:data:`_SEATED_BODIES`)."""
    return (body.lemma_.lower() in _SEATED_BODIES and prep.lower_ == "in" and prep.i == body.i + 1
            and any(g.dep_ == "pobj" and (g.ent_type_ in ("GPE", "LOC") or g.tag_ == "NNP" and not g.ent_type_) for g in kids(prep)))


# What a verdict clears someone of or convicts them of ("acquitted the governor | of all charges", the parser hanging
# the verb's "of" on its object): no part of the person's name
_CHARGE_NOUNS = frozenset({"charge", "crime", "offence", "offense", "wrongdoing", "allegation", "accusation"})


def _charged_with(prep: Token) -> bool:
    """``prep`` is an "of" phrase whose object is a charge, a crime or an allegation (:data:`_CHARGE_NOUNS`)."""
    return prep.lower_ == "of" and any(g.dep_ == "pobj" and g.lemma_.lower() in _CHARGE_NOUNS for g in kids(prep))


_RESULTS = frozenset({"dead", "alive", "unconscious", "senseless"})  # "shot dead", "burned alive", "beaten unconscious"


def noun_phrase(doc: Doc, head: Token) -> Span:
    """The head with its name-forming modifiers and "of" complements, without clauses, conjuncts or counts (found
    once per head: each slot and each coding asks again)."""
    memo = parse_memo(doc, "noun_phrase")
    span = memo.get(head.i)
    if span is None:
        span = memo[head.i] = _noun_phrase(doc, head)
    return span


def _noun_phrase(doc: Doc, head: Token) -> Span:
    keep = {head.i}
    predicates = object_predicates(head)
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in kids(tok):
            if child.dep_ in ("conj", "cc", "preconj", "relcl", "acl", "advcl", "ccomp", "punct", "prt"):
                continue  # (a particle is a verb's: "Zambia | over" where the parser made a name a verb)
            if finite_modifier(child):
                continue  # the verb the parser hung on the phrase ("the court sentenced | journalist X") is no part of it
            if child.dep_ == "appos" and (child.pos_ != "PROPN" or comma_paired(child)):
                continue  # a name in apposition is part of the phrase ("the former leader Carlos Mesa"), a description is not
            if child.dep_ == "prep" and (child.lower_ not in _own_preps(tok) or any(g.tag_ == "VBG" for g in kids(child))
                                         or _charged_with(child)):
                if not _seat_of(tok, child):
                    continue
            if tok.i == head.i and child.dep_ == "amod" and child.i > head.i and child in predicates:
                continue  # the object's predicate, not its name ("found the colonel guilty of treason")
            if (child.dep_ == "amod" and child.lower_ in _RESULTS and child.i > 0
                    and doc[child.i - 1].i == head.head.i and head.head.pos_ == "VERB"):
                continue  # what the act left the object ("shot dead opposition leader X"), read by the parser as its modifier
            if tok.i == head.i and child.dep_ == "nummod" and child.i < head.i and not _definite_number(head, child):
                continue  # "at least 28 soldiers" -> "soldiers": the count is no part of the actor (see Participants.actor)
            if tok.i == head.i and child.dep_ == "compound" and child.i < head.i and is_time(child):
                continue  # a time the parser ran into the subject ("by Sunday dawn | marines had ...") is when, not who
            if child.dep_ == "amod" and child.i > tok.i and child.lower_ in _ALLEGIANCE:
                continue  # whom they are loyal to is their patron (Participants.actor), no word of their own name ("gunmen | loyal to a warlord")
            if tok.i == head.i and head.ent_type_ == "PERSON" and child.dep_ == "amod" and not child.ent_type_:
                continue  # a person's name: how the text describes them ("a defiant, tired X") is not the name
            keep.add(child.i)
            stack.append(child)
    if head.ent_iob_ in ("B", "I") and head.ent_type_ in _NAME_ENTITY_TYPES:
        # the whole name the head is part of: the parser sometimes makes each piece of a hyphenated name a head of its
        # own ("Haider al-Abadi" as "al", "-", "Abadi"), and the phrase of the last piece alone would be "Abadi"
        # only over words of a name: the tagger's entity sometimes runs on over a verb, a comma or a line break
        # ("Marlow hit Benning"), which no name spans
        start = end = head.i
        while start > 0 and doc[start].ent_iob_ == "I" and (_name_word(doc[start - 1]) or doc[start - 1].is_quote and head.ent_type_ == "PERSON"):
            start -= 1
        while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I" and (_name_word(doc[end + 1]) or inner_name_verb(doc, end + 1)
                                                                        or doc[end + 1].is_quote and head.ent_type_ == "PERSON"):
            end += 1
        keep.update(range(start, end + 1))
    lo, hi = min(keep), max(keep)
    for i in range(lo, head.i):
        if doc[i].text in SEPARATORS and not joins_words(doc[i]):
            lo = i + 1  # "ROME - police", "LAHORE: police"; a hyphen inside a word ("rebel-held") is no separator
    paired = any(c.dep_ == "conj" for c in kids(head))  # "both X and Y": "both" is the pair's word, not X's
    while lo < hi and (lo not in keep or doc[lo].is_punct or doc[lo].is_space or doc[lo].dep_ in ("det", "case", "cc") and doc[lo].lower_ in ("the", "a", "an")
                       or paired and doc[lo].lower_ in _PAIR_WORDS and doc[lo].dep_ in ("det", "preconj")):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space or doc[hi].dep_ in ("cc", "case")) and not _closes_bracket(doc, lo, hi):
        hi -= 1
    if hi + 1 < len(doc) and _closes_bracket(doc, lo, hi + 1):
        hi += 1
    return doc[lo : hi + 1]


_DEFINITE = frozenset({"the", "these", "those", "its", "their", "his", "her", "our"})
_PAIR_WORDS = frozenset({"both", "either", "neither"})


def _definite_number(head: Token, num: Token) -> bool:
    """A number after a definite article or a possessive says which ones, not how many ("the two sides", "their
    three envoys": the parties named before), and the field's coders write it with the noun; a bare count does not
    ("28 soldiers" is "soldiers")."""
    return num.like_num and any(c.dep_ in ("det", "poss") and c.i < num.i and c.lower_ in _DEFINITE for c in kids(head))


def _closes_bracket(doc: Doc, lo: int, hi: int) -> bool:
    """``doc[hi]`` closes a bracket the phrase opened ("the Election Commission (EC)"): it belongs to the phrase,
    or the text would end "(EC"."""
    return doc[hi].text == ")" and sum(t.text == "(" for t in doc[lo:hi]) > sum(t.text == ")" for t in doc[lo:hi])


class Participants:
    """Participant resolution for one article: its entity table, its date, the persons mentioned so far."""

    def __init__(self, doc: Doc, table: EntityTable, when: datetime.date | None, salience: Any, sents: list[Span] | None = None) -> None:
        self.doc = doc
        self.sents = sents
        self.table = table
        self.when = when
        self.salience = salience
        self._alias: dict[str, Entity] | None = None
        self._memo: dict[tuple[Any, ...], list[Participant]] = {}

    # ------------------------------------------------------------------ entities
    def _entity_at(self, tok: Token) -> Entity | None:
        ent = self.table.at(tok.idx, tok.idx + len(tok.text))
        return ent if ent is not None and ent.type in ACTOR_ENTITY_TYPES else None

    def _head_entity(self, head: Token) -> Entity | None:
        """The entity that *is* the phrase: the head's own, else a person's name in apposition or compound."""
        ent = self._entity_at(head)
        if ent is not None:
            return ent
        for child in kids(head):
            if child.dep_ in _NAME_DEPS:
                ent = self._entity_at(child)
                if ent is not None and (ent.type == "PERSON" or child.dep_ == "appos") and not self._in_agent_phrase(child, head):
                    return ent
        return None

    def _settlement(self, head: Token) -> tuple[Entity, str, int, int] | None:
        """The named place a settlement noun's "of" phrase gives ("the southern city of X"), with its words and offsets;
        None for any other head. The field's coders mark the place by its name, and the noun alone ("town") would be
        an agent of the civilian sector that links to no entity."""
        if head.lemma_.lower() not in SETTLEMENT_NOUNS:
            return None
        for prep in kids(head):
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for name in kids(prep):
                    ent = self._entity_at(name) if name.dep_ == "pobj" else None
                    if ent is not None and ent.type in ("GPE", "LOC", "FAC"):
                        words = self._entity_span(name)
                        return ent, words.text, words.start_char, words.end_char
        return None

    def _in_agent_phrase(self, word: Token, head: Token) -> bool:
        """A capitalised word the tagger took for a name that is a word of an agent phrase with its head ("Riot police"
        at the start of a sentence is the agents dictionary's "riot police", no person called Riot)."""
        if word.dep_ != "compound" or word.i > head.i:
            return False
        agent = agent_actor(self.doc[word.i : head.i + 1], self.when)
        return agent is not None and word.lower_ in agent.canonical.split()

    def _entity_span(self, tok: Token) -> Span:
        """The named entity ``tok`` is in ("Iran" of "Iran's", "United States" of "the United States'"), else the token."""
        ent = entity_of(tok)
        return ent if ent is not None else self.doc[tok.i : tok.i + 1]

    def _by_name(self, name: str) -> Entity | None:
        if self._alias is None:
            self._alias = {}
            for ent in self.table.entities:
                for n in (ent.canonical, *ent.aliases):
                    if isinstance(n, str):
                        self._alias.setdefault(n.lower(), ent)
        return self._alias.get(name.lower())

    def from_entity(self, ent: Entity, text: str, start: int, end: int, plural: bool = False) -> Participant:
        country, sector = ent.country, ent.sector
        if country is None or sector is None and ent.type in ("PERSON", "ORG"):
            info = named_actor(ent.canonical, self.when)
            if info is not None:
                country, sector = country or info.country, sector or info.sector
        if sector is None and ent.type == "ORG":
            # a body the tagger named that no dictionary lists by name, named by the words of an agent ("the electoral
            # commission", "the Kenya Police Service"): of that agent's sector, as the same words untagged would be
            span = self.doc.char_span(start, end, alignment_mode="expand")
            info = agent_actor(span, self.when) if span is not None else None
            if info is not None:
                country, sector = country or info.country, info.sector
        return Participant(text, ent.canonical, ent.id, country, sector, start, end, True, ent.type, plural)

    # ------------------------------------------------------------------ the slot head
    def actor(self, tok: Token, speaker: Participant | None = None, exclude: set[str] | None = None) -> Participant | None:
        """The actor a slot head names, or None (see module doc). A number that counts the actor is no part of its
        text ("at least 28 soldiers" is "soldiers"): the field's human coders write the actor without it, and a
        span scored by the words it shares with theirs is lost when the count outweighs the noun ("more than 3,000
        prisoners"); the count is the event's ``quantities``. So is a crowd's count in words ("hundreds of traders",
        "tens of thousands of supporters"). A phrase that collects the actor stays ("a gang of men", "a coalition of
        tenant groups"): its words say who they are. The head gives the type."""
        if tok.pos_ in ("NOUN", "PROPN"):
            whose = _allegiance(tok)
            patron = self._actor(whose, speaker, exclude) if whose is not None else None
            if patron is not None and (patron.entity is not None or patron.named or patron.country is not None):
                return patron  # "fighters loyal to the Shabab", "militias allied to the army chief": the patron's
        found = self._actor(tok, speaker, exclude)
        if found is None or is_pronoun(tok):
            return found
        found = self._with_agent_word(found, tok)
        if not found.named and found.country is None:
            # an agent noun owned by a pronoun ("its troops", "their warplanes") is of the state or group the pronoun
            # stands for: the military that said "its troops" is Israel's
            poss = next((c for c in kids(tok) if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
            owner = self._pronoun(poss, speaker) if poss is not None else None
            if owner is not None and owner.country:
                found = replace(found, country=owner.country)
        outer = quantity_phrase_start(tok)
        if outer is None or found.start != noun_phrase(self.doc, tok).start_char:
            return found
        if all(t.lower_ in CROWD_COUNTS or t.lower_ in _COUNT_WORDS or t.like_num for t in self.doc[outer.i : tok.left_edge.i]):
            return found  # a crowd counted ("hundreds of traders", "tens of thousands of supporters") is the crowd
        start = outer.idx
        return replace(found, text=doc_text(self.doc)[start : found.end], start=start)

    def _actor(self, tok: Token, speaker: Participant | None = None, exclude: set[str] | None = None) -> Participant | None:
        if is_pronoun(tok):
            return self._pronoun(tok, speaker)
        nominal = nominal_adjective(tok)  # ("sentenced a French academic": the tagger's adjective heads the object)
        if tok.pos_ == "ADJ" and tok.ent_type_ not in ACTOR_ENTITY_TYPES and not nominal:
            return self._agent_modifier(tok)
        if tok.pos_ not in ("NOUN", "PROPN") and tok.ent_type_ not in ACTOR_ENTITY_TYPES and not nominal:
            return None
        if tok.i < dateline_end(sentence_of(tok)):
            return None  # "ISLAMABAD:" is where the story was filed, not who acted
        if any(c.dep_ == "det" and c.lower_ == "no" for c in kids(tok)):
            return None  # "no crew members were hurt", "no group has claimed it": a phrase that names nobody
        if knowledge().names_money(tok):
            return None  # "the naira stabilised", "the euro fell": money (the dictionary's &CURRENCY), which the tagger may name
        if tok.lemma_.lower() in knowledge().treaties or tok.lower_ in knowledge().treaties:
            return None  # "signed 23 MoUs": a written agreement (&TREATY), which the tagger may take for an organisation
        settlement = self._settlement(tok)
        if settlement is not None:
            # "the border town of X", "the rebel-held city of X": the phrase is the place its "of" names, written by its name
            return self.from_entity(*settlement)
        if tok.lower_ == "country" and _bare_definite(tok):
            # "suspended aid to the country": the state named last before it, as a pronoun refers (not one the act's
            # other party names, "France suspended aid to the country" is not France's)
            referent = self._country_before(tok, exclude or set())
            if referent is not None:
                return referent
        span = self._without_charge(noun_phrase(self.doc, tok), tok)
        if not span.text.strip() or is_hazard(span) and not _people_of(span, tok, self.when):
            return None  # "Cyclone Ana", "the floods": a disaster the tagger may take for a name is nobody
        plural = tok.tag_ in ("NNS", "NNPS")
        ent = self._head_entity(tok)
        if ent is not None:
            found = self.from_entity(ent, span.text, span.start_char, span.end_char, plural)
            if ent.type == "ORG" and found.sector in _STATE_BODY_SECTORS:
                # a body of government the gazetteer knows under one state's name is the possessor's own where a state
                # possesses it ("Pakistan's Foreign Office", "Kenya's Interior Ministry")
                owner = self._owner(tok)
                if owner is not None and owner.type == "GPE" and owner.country and owner.id != ent.id:
                    found = replace(found, country=owner.country)
            return found
        if knowledge().agents.get(tok.lower_, ("", False))[0] == "NON":
            return None  # a place or a thing the agents dictionary lists with an unknown sector (event_agents.tsv)
        if tok.lower_ in _CONDITION_HEADS and any(c.dep_ == "prep" and c.lower_ == "of" and not any(
                g.ent_type_ for g in kids(c)) for c in kids(tok)):
            return None  # "a state of emergency", "a state of war": a condition, not the state
        if tok.lower_ in _PART_OF_PLACE_HEADS and any(c.dep_ == "prep" and c.lower_ == "of" for c in kids(tok)):
            return None  # "the Syrian side of the Golan Heights": part of a place, not a party
        agent = agent_actor(span, self.when)
        typed = (agent.country, agent.sector) if agent is not None else _role_type(span, tok)
        if typed is not None and typed[1] in (None, UNKNOWN_SECTOR):
            # "union leaders", "union members": a role or member noun whose sector the dictionary leaves open is of
            # the sector of the body its modifier names
            typed = (typed[0], self._modifier_sector(tok) or typed[1])
        if agent is None and typed is not None and typed[1] in (None, UNKNOWN_SECTOR):
            # "the head of the electoral commission", "the chairman of the bar association": a role held in a body its
            # "of" phrase names is of that body's sector and state, where the role table read none from the words
            body = self._of_actor(tok, pronouns=False)
            if body is not None:
                typed = (typed[0] or body.country, body.sector or typed[1])
        if typed is not None and typed[1] == _STATE_SECTOR and self._firm_owner(tok):
            # "the bank's chief executive", "the carmaker's president": the dictionary's office of a state, held in a
            # firm its owner names: a firm's officer
            typed = (typed[0], _FIRM_SECTOR)
        if typed == (None, None) and plural and agent is None and tok.lemma_.lower() in _GROUP_ROLES:
            # a plural role ("world leaders", "the leaders of the two countries") is a group no one person resolves:
            # an actor of no sector in particular, as "factions" is
            typed = (None, UNKNOWN_SECTOR)
        if typed is not None:
            # the agent's own words, without a place named after them ("police | in Lahore", "workers | at the mine"):
            # the place says where they are, and the field's coders leave it out of the actor's span; the body they
            # come from stays ("officers from the British Transport Police": whose officers)
            span = with_body(span, tok)
            actor = Participant(span.text, None, None, typed[0], typed[1], span.start_char, span.end_char, False, None, plural)
            if agent is None:
                actor = self._of_named_owner(actor, tok)
            if self.sents is not None:
                # a role phrase ending its sentence, named by the next one ("...met the deputy chief. Anna Berg.")
                named = fragment_name(self.sents, sentence_index(self.doc, tok.i), span.end_char, self.table)
                if named is not None:
                    return self.from_entity(named, span.text, span.start_char, span.end_char, plural)
            ref = self.salience.role_reference(actor, tok, exclude or set()) if self.salience is not None else None
            if ref is not None:
                return ref
            return actor if actor.country is not None or actor.sector is not None else None
        known = named_actor(span.text, self.when) if span.text[:1].isupper() else None
        if known is not None:
            linked = self._by_name(known.canonical)
            if linked is not None:  # a name the table holds under another form ("the Zionist regime")
                return self.from_entity(linked, span.text, span.start_char, span.end_char, plural)
        titled = _titled_name(span, tok)
        if titled is not None:
            return Participant(span.text, None, None, titled[0], titled[1], span.start_char, span.end_char, False, "PERSON")
        return self._extra_agent(tok, with_body(span, tok), plural)

    def _country_before(self, tok: Token, exclude: set[str]) -> Participant | None:
        """The country "the country" refers to: the nearest state named by its gazetteer name before it, in its
        sentence or the two before, that is not one of ``exclude``; as the record names a pronoun's referent."""
        doc = self.doc
        lo = sentences(doc)[max(0, sentence_index(doc, tok.i) - _COUNTRY_REACH)].start
        for i in range(tok.i - 1, lo - 1, -1):
            ent = self._entity_at(doc[i])
            if ent is None or ent.type != "GPE" or not country_by_name(doc[i]):
                continue
            words = self._entity_span(doc[i])
            found = self.from_entity(ent, words.text, words.start_char, words.end_char)
            if found.key not in exclude:
                return _at_pronoun(found, tok)
        return None

    def _of_named_owner(self, actor: Participant, head: Token) -> Participant:
        """A role noun the agents dictionary does not hold ("official", "director", "commander", "leaders") with a state,
        a people or an organisation of the article named before it ("a Hamas official", "the FBI director", "Republican
        leaders") stands for that owner, as the field's coders code it (the owner's actor code, the role's sector): the
        record links it to the owner's entity, in the role's own words. An agent noun of the dictionary ("Afghan
        police") keeps no link: its words are its type."""
        found = self._owner_at(head, nearest=True)
        if found is None or found[1].i > head.i or found[1].dep_ not in _OWNER_DEPS:
            return actor
        ent = found[0]
        return replace(actor, canonical=ent.canonical, entity=ent.id, country=actor.country or ent.country)

    def _with_agent_word(self, found: Participant, tok: Token) -> Participant:
        """A state, a people or a body named as a modifier with an agent word right after it, both modifying a thing or an act
        ("Kurdish militant targets", "Israeli military strikes", "Russian army positions"), is that agent of that state
        or people: "Kurdish militant", of the agent's sector. The nationality alone would name the whole people."""
        if (tok.dep_ not in ("amod", "compound") or tok.head.pos_ != "NOUN" or tok.head.i != tok.i + 2
                or found.etype not in ("NORP", "GPE", "ORG") or found.start != tok.idx):
            return found
        word = tok.doc[tok.i + 1]
        if word.head.i != tok.head.i or word.dep_ not in ("amod", "compound") or word.ent_type_:
            return found
        agent = agent_adjective(word) if word.pos_ == "ADJ" else agent_actor(self.doc[word.i : word.i + 1], self.when)
        if agent is None or agent.sector in (None, UNKNOWN_SECTOR):
            return found
        end = word.idx + len(word.text)
        sector = found.sector if found.etype == "ORG" and found.sector else agent.sector  # (an organisation keeps its own)
        return replace(found, text=doc_text(self.doc)[found.start : end], end=end, sector=sector)

    def _agent_modifier(self, tok: Token) -> Participant | None:
        """The actor an adjective names when it is spelt as an agent noun and modifies an act or a thing ("militant
        attacks", "military strikes": acts of militants, of the military; "rebel positions", "militant hideouts":
        theirs), as the noun does ("army posts"). The coder's slots hold such a modifier only where it names the
        doer or the owner (``frames.owner_groups``); not when its head is an agent itself ("military court": the
        court; "militant groups": :meth:`_modifier_sector`), nor when another modifier names the doer ("Israeli
        military strikes" are Israel's: that modifier is the actor)."""
        head = tok.head
        if tok.dep_ not in ("amod", "compound") or head.i <= tok.i or head.pos_ != "NOUN" or self._agent_sector(head) is not None:
            return None
        if head.dep_ in _DONE_BY_SUBJECT and knowledge().is_act_noun(head):
            return None  # "Russia launched military strikes": the subject does the act, the adjective says its kind
        if any(c.i != tok.i and c.i < head.i and c.dep_ in _OWNER_DEPS and (c.ent_type_ in ACTOR_ENTITY_TYPES or c.pos_ == "PROPN")
               for c in kids(head)):
            return None
        agent = agent_adjective(tok)
        if agent is None or agent.sector is None:
            return None
        return Participant(tok.text, None, None, agent.country, agent.sector, tok.idx, tok.idx + len(tok.text), False, None, False)

    def _of_actor(self, head: Token, pronouns: bool = True) -> Participant | None:
        """The first actor with a sector that the noun's own "of" phrase names, after it ("the head | of the electoral
        commission", "a coalition | of tenant groups"); with ``pronouns`` False, not a pronoun's."""
        for prep in kids(head):
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for g in kids(prep):
                    found = self._actor(g) if g.dep_ == "pobj" and g.i > head.i and (pronouns or not is_pronoun(g)) else None
                    if found is not None and found.sector not in (None, UNKNOWN_SECTOR):
                        return found
        return None

    def _firm_owner(self, head: Token) -> bool:
        """A common noun before ``head`` that owns it ("the bank's", "company") names a firm (the agents dictionary's
        business sector)."""
        for c in kids(head):
            if c.i < head.i and c.dep_ in ("poss", "compound") and c.pos_ == "NOUN" and not c.ent_type_:
                agent = agent_actor(self.doc[c.i : c.i + 1], self.when)
                if (agent.sector if agent is not None else knowledge().agents.get(c.lower_, (None,))[0]) == _FIRM_SECTOR:
                    return True
        return False

    def _modifier_sector(self, head: Token) -> str | None:
        """The sector of an agent noun that modifies ``head`` ("union" in "union leaders"), or of those a collecting
        head collects ("a coalition of tenant groups"), or None."""
        kb = knowledge()
        for c in kids(head):
            if c.dep_ in ("amod", "compound") and c.pos_ == "ADJ" and c.i < head.i and not c.ent_type_:
                adjective = agent_adjective(c)  # "militant groups": an adjective spelt as an agent noun
                if adjective is not None and adjective.sector not in (None, UNKNOWN_SECTOR):
                    return adjective.sector
            if c.dep_ != "compound" or c.pos_ not in ("NOUN", "PROPN") or c.ent_type_ or c.i > head.i:
                continue  # (a common noun the tagger takes for a name at the start of a sentence: "Union leaders")
            agent = agent_actor(self.doc[c.i : c.i + 1], self.when)
            if agent is not None and agent.sector not in (None, UNKNOWN_SECTOR):
                return agent.sector
            sector, needs_owner = kb.agents.get(c.lower_, (None, True))
            if sector is not None and not needs_owner and sector != "NON":
                return sector
        if head.lower_ in _QUANTITY_HEADS or head.lemma_.lower() in _QUANTITY_HEADS:
            members = self._of_actor(head)  # "a coalition of tenant groups": of the sector of those it collects
            return members.sector if members is not None else None
        return None

    def _without_charge(self, span: Span, head: Token) -> Span:
        """The object of a verb that takes "V X of Y" (``Knowledge.charge_blocks``: accuse, suspect, warn, strip, clear)
        without the "of Y" the parser hung on it when Y names no one: "accused the army of genocide" names the army.
        An "of" naming an actor stays part of the phrase ("accused the government of Sudan")."""
        verb = head.head
        if head.dep_ != "dobj" or verb.pos_ != "VERB" or head.lower_ in _PART_HEADS or head.lower_ in _QUANTITY_HEADS:
            return span  # "members of the public", "dozens of students": the "of" names who
        kb = knowledge()
        if not any(e.block in kb.charge_blocks for e in kb.verbs_by_lemma.get(verb.lemma_.lower(), ())):
            return span
        for prep in kids(head):
            if prep.dep_ != "prep" or prep.lower_ != "of" or not span.start < prep.i < span.end:
                continue
            if any(c.dep_ == "appos" and c.i > prep.i and c.ent_type_ == "PERSON" for c in kids(head)):
                continue  # a title's own "of" before the holder's name ("charged a former minister of transport, X")
            objs = [g for g in kids(prep) if g.dep_ == "pobj"]
            # (a lower-case word inside a name the tagger drew past the noun, "the ministry of fraud", names no one)
            if any(g.pos_ == "PROPN" or g.ent_type_ in ACTOR_ENTITY_TYPES and not g.is_lower or g.lower_ in kb.agents
                   or agent_actor(self.doc[g.i : g.i + 1], self.when) is not None for g in objs) and not any(
                    _coded_gerund(m, kb) for g in objs for m in kids(g) if m.dep_ == "amod" and m.i < g.i):
                continue  # (an actor after a coded verb's gerund is whom they did it to: "of beating protesters")
            hi = prep.i
            while hi > head.i + 1 and self.doc[hi - 1].is_punct:
                hi -= 1
            return self.doc[span.start : hi]
        return span

    def _extra_agent(self, head: Token, span: Span, plural: bool) -> Participant | None:
        """An agent noun of the coder's own supplement (``event_agents.tsv``), with the country of the state or
        group a modifier or an "of"/"from"/"in" complement names; nouns marked ``owner`` need one. A weapon,
        aircraft or act noun whose owner is named ("Israeli airstrikes", "a Russian drone") stands for that owner."""
        kb = knowledge()
        # (a phrase of the table, "security services", "electoral board": the head with the modifier right before it)
        prev = head.doc[head.i - 1] if head.i > 0 else None
        entry = (kb.agents.get(f"{prev.lower_} {head.lower_}")
                 if prev is not None and prev.head.i == head.i and prev.dep_ in ("compound", "amod") else None)
        entry = entry or kb.agents.get(head.lower_)
        if entry is None and head.tag_ == "NNS":
            # a plural of a noun the table lists in the singular and that names an actor alone ("firms"); a noun
            # that needs an owner is listed in both numbers where both occur ("unit", "units")
            single = kb.agents.get(head.lemma_.lower())
            entry = single if single is not None and not single[1] else None
        if entry is None:
            if head.lower_ in kb.instruments or head.lemma_.lower() in kb.instruments or kb.is_weapon_fire(head):
                found = self._owner_at(head, instrument=True)
                if found is not None:
                    owner, at = found
                    weapon = (head.lower_ in kb.weapons or head.lemma_.lower() in kb.weapons or kb.is_weapon_fire(head)
                              or head.lemma_.lower() in kb.vessels)  # (a ship keeps its words, as a weapon does)
                    if not weapon:
                        # an act or a measure of the owner's ("Iran's release of X", "Georgia's new law") stands for
                        # the owner, in the owner's own words: the act is no actor, whose words the record would show
                        own = self._entity_span(at)
                        # (with an agent word after the owner, that agent of the owner's: "Israeli military strikes")
                        return self._with_agent_word(self.from_entity(owner, own.text, own.start_char, own.end_char,
                                                                      owner.type != "PERSON"), at)
                    # (one ship is "it", whoever owns it)
                    plural = head.tag_ in ("NNS", "NNPS") if head.lemma_.lower() in kb.vessels else owner.type != "PERSON"
                    return self.from_entity(owner, span.text, span.start_char, span.end_char, plural)
                # or an agent noun as modifier: "coalition jets", "army helicopters", "rebel drones", "army raids" are
                # that agent's; the modifier of an act of no force names its matter ("a border security pact", "trade
                # talks"), not who made it
                # (nor of a measure: "a foreign agents law" is about agents, not theirs)
                armed = (head.lower_ in kb.weapons or head.lemma_.lower() in kb.weapons or kb.is_weapon_fire(head)
                         or head.lemma_.lower() in kb.vessels or kb.names_act_of_force(head))
                modifiers = [c for c in kids(head) if c.dep_ == "compound" and c.i < head.i] if armed else []
                # (and a weapon's own: "rebel rocket fire" is the rebels')
                modifiers += [g for c in modifiers if c.lower_ in kb.instruments for g in kids(c) if g.dep_ == "compound" and g.i < c.i]
                for c in modifiers:
                    if c.pos_ in ("NOUN", "PROPN") and c.lower_ not in kb.instruments:
                        agent = self._actor(c)
                        if agent is not None and not agent.named:
                            return replace(agent, text=span.text, start=span.start_char, end=span.end_char)
            return None
        sector, needs_owner = entry
        if sector == UNKNOWN_SECTOR:  # "rebel factions": a noun of members of anything is of its modifier's sector
            sector = self._modifier_sector(head) or sector
        if sector == GROUP_NOUN:  # "the Houthi movement" is the Houthis: the organisation or group (an actor with a
            # sector) its owner names; a nationality alone ("a Yemeni movement") names no group. The name nearest the
            # noun is the group's own; a state before it is where the group is ("Yemen's Houthi movement")
            # (a place nearer the noun than the group says where the part is: "the Sindh chapter of X" is X's)
            owner = self._owner(head, nearest=True, group=True)
            return self.from_entity(owner, span.text, span.start_char, span.end_char, plural) if owner is not None else None
        owner = self._owner(head)
        led_by = None
        if needs_owner and owner is None:
            # or an agent noun as modifier: "artillery units", "police unit" (the modifier's sector wins), also as
            # the modifier of a modifier that names the unit's craft ("a navy helicopter crew")
            mods = [c for c in kids(head) if c.dep_ in ("compound", "amod") and c.pos_ == "NOUN"]
            mods += [g for c in mods for g in kids(c) if g.dep_ == "compound" and g.pos_ == "NOUN"]
            agent = next((a for c in mods for a in [agent_actor(self.doc[c.i : c.i + 1], self.when)]
                          if a is not None and a.sector), None)
            if agent is None:  # (or an agent word the tagger read as an adjective: "the rebel coalition", "militant units")
                agent = next((a for c in kids(head) if c.dep_ == "amod" and c.pos_ == "ADJ" and c.i < head.i
                              for a in [agent_adjective(c)] if a is not None and a.sector not in (None, UNKNOWN_SECTOR)), None)
            if agent is None and sector == UNKNOWN_SECTOR:
                # (or one person a role names as possessor, whose body it is: "the prosecutor's office", "the
                # attorney general's office" act as the prosecutor does; people as possessor are handled below)
                agent = next((a for c in kids(head) if c.dep_ == "poss" and c.pos_ == "NOUN" and c.tag_ == "NN"
                              for a in [agent_actor(self.doc[c.left_edge.i : c.i + 1], self.when)]
                              if a is not None and a.sector not in (None, UNKNOWN_SECTOR)), None)
            if any(c.lower_ == "led" or c.lower_.endswith("-led") for c in kids(head) if c.i < head.i):
                led_by = describe(span.text)[0]  # "the Saudi-led coalition": the state that leads it (roles.describe)
            if agent is not None:
                sector = agent.sector
            elif head.lower_ in kb.definite_agents and _bare_definite(head):
                pass  # "the coalition", "the party": the one the story is about, named before (event_agents.tsv, owner=the)
            elif any(c.dep_ == "amod" and c.lower_ == "foreign" and c.i < head.i for c in kids(head)):
                pass  # "foreign banks", "a foreign force": bodies of other states, which the word says without naming one
            elif led_by is None and (sector in _ARMED_SECTORS or not any(c.dep_ == "poss" and c.tag_ == "NNS" for c in kids(head))):
                # people as possessor say whose it is, and the noun keeps its sector ("miners' union"); an armed body
                # needs a state or a group as owner ("the farmers' coalition" is no army), or a state that leads it
                return None
        return Participant(span.text, None, None, owner.country if owner is not None else led_by, sector, span.start_char,
                     span.end_char, False, None, plural)

    def _owner(self, head: Token, instrument: bool = False, nearest: bool = False, group: bool = False) -> Entity | None:
        found = self._owner_at(head, instrument, nearest, group)
        return found[0] if found is not None else None

    def _owner_at(self, head: Token, instrument: bool = False, nearest: bool = False, group: bool = False) -> tuple[Entity, Token] | None:
        """The state, organisation or group whose agent (or, with ``instrument``, whose weapon or act) ``head`` is.

        An agent noun's place is its owner ("police in Lagos"); a weapon's or an act's place is only where it was
        ("an agreement signed in Doha", "the summit in Geneva", "rockets in Gaza"), so for those a place names no
        owner, neither as an "in" phrase nor as a modifier ("the Geneva talks"); a nationality, a possessor or an
        organisation does ("Israeli jets", "Russia's drones", "Hamas rockets"). ``nearest``: the modifiers before the
        head are tried nearest first; ``group``: only an organisation or an entity with a sector (a known group)."""
        preps = ("of", "from") if instrument else ("from", "in", *_own_preps(head))
        children = list(kids(head))
        if nearest:
            children = [c for c in reversed(children) if c.i < head.i] + [c for c in children if c.i > head.i]
        for child in children:
            cands = [child] if child.dep_ in _OWNER_DEPS else []
            if child.dep_ == "prep" and child.lower_ in preps:
                cands = [g for g in kids(child) if g.dep_ == "pobj"]
            for tok in cands:
                ent = self._entity_at(tok)
                if ent is None or ent.type not in _GROUP_TYPES or group and not (ent.type == "ORG" or ent.sector):
                    continue
                if instrument and ent.type == "GPE" and tok.dep_ == "compound" and tok.ent_type_ in ("GPE", "LOC", "FAC"):
                    continue
                return ent, tok
        return None

    def actors(self, tok: Token, speaker: Participant | None = None, exclude: set[str] | None = None) -> list[Participant]:
        """The actors a slot head names: one, none, or one per owner of a distributive plural
        ("the presidents of Kenya and Tanzania" are two presidents). Remembered per article: a head is
        asked about once for each coding of each trigger."""
        key = (tok.i, speaker.key if speaker is not None else None, frozenset(exclude) if exclude else None)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = self._actors(tok, speaker, exclude)
        return found

    def _actors(self, tok: Token, speaker: Participant | None, exclude: set[str] | None) -> list[Participant]:
        if tok.lemma_.lower() in _QUANTITY_HEADS or tok.pos_ == "NUM":
            # "thousands of workers", "dozens of them", "a group of students": the actor is what is counted
            counted = [g for c in kids(tok) if c.dep_ == "prep" and c.lower_ == "of" for g in kids(c) if g.dep_ == "pobj"]
            if counted:
                found = self._actors(counted[0], speaker, exclude)
                # a state named on the count is theirs ("a Nigerian contingent of peacekeepers", "a Turkish group of
                # reporters"): the counted noun alone names none
                owner = self._owner(tok)
                country = owner.country if owner is not None else None
                return [replace(a, country=country) if country and a.country is None and not a.named else a for a in found]
        if tok.lemma_.lower() in _PART_HEADS and tok.ent_type_ not in ACTOR_ENTITY_TYPES:
            # "members of the party", "a member of the junta": the group's actor, named by the whole phrase
            whole = [g for c in kids(tok) if c.dep_ == "prep" and c.lower_ == "of" for g in kids(c) if g.dep_ == "pobj"]
            if whole:
                found = self._actors(whole[0], speaker, exclude)
                if found:
                    span = noun_phrase(self.doc, tok)
                    a = found[0]
                    return [Participant(span.text, a.canonical, a.entity, a.country, a.sector, span.start_char, span.end_char, a.named,
                                  a.etype, tok.tag_ in ("NNS", "NNPS"))]
        if tok.lower_ in CROWD_COUNTS and tok.ent_type_ not in ACTOR_ENTITY_TYPES:
            if (tok.dep_ == "nsubj" or crowd_of_act(tok)) and not any(c.dep_ == "prep" and c.lower_ == "of" for c in kids(tok)):
                    # "Thousands marched", "hundreds rallied": a crowd counted but not named acts as civilians (CAMEO's
                    # CVL); only as the subject of an act, since as an object a bare count is a quantity ("killed dozens")
                    return [Participant(tok.text, None, None, None, "CVL", tok.idx, tok.idx + len(tok.text), False, None, True)]
        if tok.tag_ in ("NNS", "NNPS") and tok.ent_type_ not in ACTOR_ENTITY_TYPES:
            # "the presidents of Kenya and Tanzania", "delegations from the army and the militia"
            owners = [g for c in kids(tok) if c.dep_ == "prep" and c.lower_ in ("of", "from") for g in kids(c) if g.dep_ == "pobj"]
            if owners and len(owners[0].conjuncts) >= 1:
                group = [owners[0], *[t for t in owners[0].conjuncts if t.i > owners[0].i]]
                sector = self._agent_sector(tok)
                out = []
                for owner in group:
                    ent = self._entity_at(owner)
                    # an owner that is no entity but an actor of its own ("envoys of Chad's army and of
                    # the rebels") lends the delegation its country and sector: they speak for it
                    agent = self.actor(owner) if ent is None and sector is not None else None
                    if sector is None or ent is None and agent is None:
                        out = []
                        break
                    span = noun_phrase(self.doc, owner)
                    text = f"{tok.text} {owners[0].head.lower_} {span.text}"
                    if agent is not None:
                        out.append(Participant(text, agent.canonical, agent.entity, agent.country, agent.sector, span.start_char,
                                               span.end_char, agent.named, agent.etype, True))
                        continue
                    info = self.from_entity(ent, text, span.start_char, span.end_char)
                    out.append(Participant(text, None, None, info.country, sector, span.start_char, span.end_char, False, None, True))
                if out:
                    return out
            shared = self._coordinated_owners(tok, speaker, exclude)
            if shared:
                return shared
        pair = self._pair_reference(tok)
        if pair:
            return pair
        a = self.actor(tok, speaker, exclude)
        return [a] if a is not None else []

    def _agent_sector(self, head: Token) -> str | None:
        """The sector of an agent noun alone, from the agents dictionary or the coder's own table ("delegations")."""
        agent = agent_actor(self.doc[head.i : head.i + 1], self.when)
        if agent is not None:
            return agent.sector
        entry = knowledge().agents.get(head.lower_)
        return entry[0] if entry is not None and entry[0] not in ("NON", GROUP_NOUN) else None

    def _coordinated_owners(self, tok: Token, speaker: Participant | None, exclude: set[str] | None) -> list[Participant]:
        """A plural whose owner modifier is coordinated names one actor per owner, like the "of" form above:
        "Israeli and Palestinian negotiators" are Israeli negotiators and Palestinian ones, "Russian and Ukrainian
        forces" two armies, so a reciprocal act between them codes both ways. The sector is the one the whole phrase
        has; a weapon or aircraft ("US and British jets"), or a phrase with no sector of its own ("French and German
        leaders"), stands for each owner itself. Only states, organisations and nationalities own ("European and
        Asian markets" names no one). A headline joins the owners with a comma alone ("Indian, Pakistani troops trade
        fire"): two such modifiers of the noun with only a comma between them are coordinated as well."""
        mod = next((c for c in kids(tok) if c.dep_ in ("amod", "compound") and c.i < tok.i and c.conjuncts), None)
        if mod is not None:
            group = [mod, *[t for t in mod.conjuncts if mod.i < t.i < tok.i]]
        else:
            group = _comma_joined_owners(tok)
            if not group:
                return []
        owners = [self._entity_at(t) for t in group]
        if len(group) < 2 or any(e is None or e.type not in _GROUP_TYPES or (e.country is None and e.type != "ORG") for e in owners):
            return []  # "Western and Chinese officials": a region's people own no actor of their own
        ids = [e.id for e in owners if e is not None]
        if len(set(ids)) < len(ids):
            return []
        whole = self.actor(tok, speaker, exclude)
        if whole is None or (whole.entity is None and whole.sector is None and whole.country is None):
            return []
        if whole.entity is not None and whole.entity not in ids:
            return []  # the phrase refers to someone named elsewhere (a role reference), not to its owners
        out = []
        for t, ent in zip(group, owners):
            assert ent is not None
            first = t.i
            while first > 0 and self.doc[first].ent_iob_ == "I":
                first -= 1  # the whole name: "New Zealand", "South African"
            text = f"{self.doc[first : t.i + 1].text} {tok.text}"
            info = self.from_entity(ent, text, self.doc[first].idx, t.idx + len(t.text), True)
            if whole.entity is None and whole.sector is not None:
                info = Participant(text, None, None, info.country, whole.sector, info.start, info.end, False, None, True)
            out.append(info)
        return out

    def _pair_reference(self, tok: Token) -> list[Participant]:
        """"the two countries", "both governments": a definite pair of an agent noun of government refers back to the
        last two states named in its sentence or the one before ("Chile and Peru ... the two countries signed"); states
        only, as the countries dictionary codes them (a city or a region is no party to what two governments do)."""
        if tok.tag_ != "NNS" or tok.ent_type_ in ACTOR_ENTITY_TYPES or self.sents is None:
            return []
        mods = {c.lower_ for c in kids(tok) if c.dep_ in ("nummod", "det", "predet")}
        if not ("two" in mods and "the" in mods or "both" in mods):
            return []
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in kids(tok)):
            return []  # "both sides of the border", "the two leaders of the party": the phrase names its own referent
        if knowledge().agents.get(tok.lower_, ("", False))[0] != "GOV" and getattr(agent_actor(self.doc[tok.i : tok.i + 1], self.when), "sector", None) != "GOV":
            return []
        k = sentence_index(self.doc, tok.i)
        found: list[tuple[Entity, Span]] = []
        for sent in self.sents[max(k - 1, 0) : k + 1]:
            start = dateline_end(sent)
            for e in ents(sent):
                if e.start < start or e.end > tok.i:
                    continue
                ent = self.table.at(e.start_char, e.end_char)
                if ent is None or ent.type != "GPE" or not ent.actor_code or ent.actor_code != ent.country:
                    continue  # a state of the countries dictionary (its actor code is its country), not a city
                found = [(x, m) for x, m in found if x.id != ent.id] + [(ent, e)]
        if len(found) < 2:
            return []
        span = noun_phrase(self.doc, tok)
        return [self.from_entity(ent, ent.canonical, span.start_char, span.end_char) for ent, _ in found[-2:]]

    def _pronoun(self, tok: Token, speaker: Participant | None) -> Participant | None:
        """A pronoun's referent: the speaker it agrees with, else (he / she) the person salience gives. The record
        names the referent as the article does (the speaker's phrase, else the entity's name), never "it" or "they":
        a consumer reading one record has no sentence to resolve the pronoun against. A possessive ("his strike",
        "their offensive") refers as its personal pronoun does. The position stays the pronoun's."""
        low = _POSSESSIVE_PRONOUNS.get(tok.lower_, tok.lower_)
        bound = self._clause_subject(tok, low) if tok.dep_ == "poss" else None
        if bound is not None and low == "it":
            return bound
        if low in ("it", "they", "them") and bound is None:
            earlier = _earlier_object(tok, low)
            if earlier is not None:  # "blocked a supply boat and fired at it": the boat, whoever reports it
                found = self.actor(earlier)
                return _at_pronoun(found, tok) if found is not None and agrees(low, found) else None
        if low == "they" and tok.dep_ == "poss":
            harmed = self._owner_under_force(tok, speaker)
            if harmed is not None:  # "fled after troops torched their homes": the homes of those who fled
                return harmed
        voiced = self._voiced_party(speaker, low) if speaker is not None and bound is None else None
        if voiced is not None:  # "a spokesman for the rebels said they had ...": the rebels, not their spokesman
            return _at_pronoun(voiced, tok)
        if speaker is not None and agrees(low, speaker) and bound is None and not _speaks_for_referent(speaker, tok):
            if tok.dep_ == "poss" and low in ("he", "she") and self.salience is not None:
                # "X survived when gunmen fired on his convoy, an official said": a possessive in a clause that hangs
                # on one with a person for its subject is that person's, not the speaker's who reports it all
                local = self._subject_referent(tok, low)
                if local is not None:
                    return local
            return _at_pronoun(speaker, tok)
        if low in ("they", "it"):
            return self._previous_subject(tok, low)
        if self.salience is None or low not in ("he", "she", "him", "her"):
            return None
        local = self._subject_referent(tok, low)
        if local is not None:
            return local
        ent = self.salience.pronoun(tok, self.table)
        if ent is None:
            return None
        written = self._mention_before(tok, ent)
        if written is not None:
            return _at_pronoun(written, tok)
        return self.from_entity(ent, ent.canonical, tok.idx, tok.idx + len(tok.text))

    def _voiced_party(self, speaker: Participant, low: str) -> Participant | None:
        """The party a spokesperson, a representative or a lawyer speaks for ("a spokesman for the rebels", "a
        spokeswoman of the ministry", "a lawyer for the family"), when the pronoun agrees with it: a pronoun in a
        spokesperson's report means whom they speak for ("a spokesman for the president said he had ...": the
        president), as a group's "they" or "it" means the group."""
        span = _written_span(self.doc, speaker)
        if span is None or span.root.lower_ not in _SPEAKS_FOR:
            return None
        for prep in kids(span.root):
            if prep.dep_ == "prep" and prep.lower_ in _own_preps(span.root):
                for obj in kids(prep):
                    if obj.dep_ == "pobj":
                        party = self.actor(obj)
                        if party is not None and agrees(low, party):
                            return party
        return None

    def _mention_before(self, tok: Token, ent: Entity) -> Participant | None:
        """The person a pronoun refers to as its own sentence names them before it, title and all ("the former
        minister X ... his role"): the phrase a reader of the sentence takes the pronoun up from, as the speaker's
        phrase is for a pronoun that refers to the speaker; None when the sentence names them only after it or not at
        all (the record then names the entity)."""
        for e in reversed([e for e in ents(sentence_of(tok)) if e.label_ == "PERSON" and e.end <= tok.i]):
            if self.table.at(e.start_char, e.end_char) is ent:
                head = e.root.head if e.root.dep_ == "appos" and e.root.head.pos_ == "NOUN" else e.root
                found = self.actor(head)  # (a name in apposition to its title: "the former minister, X")
                if (found is None or found.entity != ent.id) and head is not e.root:
                    found = self.actor(e.root)
                return found if found is not None and found.entity == ent.id else None
        return None

    def _clause_subject(self, tok: Token, low: str) -> Participant | None:
        """The subject of the clause whose object holds a possessive pronoun, when it names an actor the pronoun agrees
        with. "its" then refers to it ("the navy moved its ships", "Japan put its forces on alert": a state's or a
        body's own), and no pronoun refers to a speaker the sentence ends on ("..., the ministry said") past it;
        he / she / they may still mean another ("a judge ordered his detention", "police arrested their leader")."""
        noun = tok.head
        while noun.dep_ in ("conj", "appos") and noun.head.i != noun.i:
            noun = noun.head
        if noun.dep_ not in ("dobj", "dative"):
            return None  # (in a phrase of circumstance, "in its report", the pronoun may be anyone's)
        subj = next((c for c in kids(noun.head) if c.dep_ == "nsubj" and c.i < tok.i), None)
        if subj is None or is_pronoun(subj):
            return None
        a = self.actor(subj)
        if a is None or not agrees(low, a):
            return None
        return _at_pronoun(a, tok)

    def _owner_under_force(self, tok: Token, speaker: Participant | None) -> Participant | None:
        """"their" on what an act of force is done to (its object, or the object of its preposition: "torched their
        homes", "opened fire on their bus") is never the doer's: the owners are whom the clause the act's own clause
        hangs on has for subject ("villagers fled after troops torched their homes"), else the speaker who reports it
        ("militants ambushed their convoy, the soldiers said"). The act is one of force when every coding the
        candidates give its verb is one of coercion or force (``frames.forceful_verb``); None when nothing names the owners."""
        noun = tok.head
        while noun.dep_ in ("conj", "appos") and noun.head.i != noun.i:
            noun = noun.head
        verb = noun.head if noun.dep_ == "dobj" else noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else None
        if verb is None or verb.pos_ != "VERB":
            return None
        if not forceful_verb(self.doc, verb.i):
            return None
        doer = next((c for c in kids(verb) if c.dep_ == "nsubj"), None)
        if doer is None or is_pronoun(doer):
            return None  # (a pronoun doer may be anyone, the owners too)
        doer_actor = self.actor(doer)
        clause = verb
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head
        found = None
        if clause.dep_ in ("advcl", "ccomp") and clause.head.i != clause.i:
            subj = next((c for c in kids(clause.head) if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and not is_pronoun(subj):
                found = self.actor(subj)
        if found is None and speaker is not None and not _speaks_for_referent(speaker, tok):
            found = speaker
        if found is None or not agrees("they", found) or (doer_actor is not None and found.key == doer_actor.key):
            return None
        return _at_pronoun(found, tok)

    def _previous_subject(self, tok: Token, low: str) -> Participant | None:
        """"they" / "it" that opens a sentence as the subject of its main verb refers to the subject of the sentence
        before, when that names an actor the pronoun agrees with ("Kenyan police raided the camp. They arrested five
        men.", "The army launched an offensive. It killed twenty militants."): news carries its doer on that way.
        Nothing else: a pronoun after a noun of its own sentence, or in a subordinate clause, may mean that noun."""
        if self.sents is None or tok.dep_ not in ("nsubj", "nsubjpass"):
            return None
        verb = tok.head
        if not (verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT") or verb.lemma_.lower() in _LINKING_VERBS:
            return None  # (a linking verb's "it" is often no referent at all: "it is not about ...", "they became targets")
        k = sentence_index(self.doc, tok.i)
        sent = self.sents[k]
        if k == 0 or any(t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in ("DATE", "TIME") for t in self.doc[sent.start : tok.i]):
            return None
        prev = self.sents[k - 1].root
        subjects = [c for c in kids(prev) if c.dep_ in ("nsubj", "nsubjpass") and not is_pronoun(c)]
        if not subjects:
            return None
        a = self.actor(subjects[0])
        if a is None or not agrees(low, a):
            return None
        return _at_pronoun(a, tok)

    def _subject_referent(self, tok: Token, low: str) -> Participant | None:
        """he / she in a sentence that names no person before it refers to the subject of the clause its own clause
        hangs on, when that is a person the agents dictionary types ("a student collapsed after he had been beaten",
        "the minister quit once she was accused"); the record names that subject, as it would have without the pronoun."""
        sent = sentence_of(tok)
        if any(e.label_ == "PERSON" and e.end <= tok.i for e in ents(sent)):
            return None  # the salience of named persons decides
        subj = None
        for v in list(tok.ancestors)[1:6]:  # the clauses the pronoun's own clause hangs on, nearest first
            found = [c for c in kids(v) if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i]
            if found and found[0].tag_ in ("NNS", "NNPS"):
                continue  # a plural subject is no "he" or "she" ("escaped when gunmen fired on his car": not theirs)
            if found:
                subj = found[0]
                break
        if subj is None or subj.pos_ != "NOUN" or subj.tag_ != "NN":
            return None
        a = self.actor(subj)
        if a is None or a.named or not agrees(low, a):
            return None
        return _at_pronoun(a, tok)


def _earlier_object(tok: Token, low: str) -> Token | None:
    """The object of the first of two coordinated verbs of one doer, when the pronoun ``tok`` ("it" / "them") is the
    object of the second, directly or in its phrase, and the two agree in number ("rammed the boat and fired at it",
    "stopped two trucks and searched them"): the pronoun takes up that object, not someone the sentence reports."""
    verb = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok.head
    if tok.dep_ not in ("dobj", "pobj") or verb.dep_ != "conj" or verb.head.i >= verb.i or verb.head.pos_ != "VERB":
        return None
    plural = low in ("they", "them")
    for obj in kids(verb.head):
        if obj.dep_ == "dobj" and obj.pos_ in ("NOUN", "PROPN") and (obj.tag_ in ("NNS", "NNPS")) == plural:
            return obj
    return None


_SUBJECT_PRONOUNS = frozenset({"he", "she", "they"})


def unresolved_pronoun(tok: Token) -> Participant | None:
    """The doer as the sentence names it when that is a third-person subject pronoun the article gives no referent
    for ("he accused the ministry ..." opening a text). The field's gold records write such a source as the pronoun,
    and it is truer than no source at all: someone named did it. It is never a target (``pronoun_only``): the
    target of a record must be an actor a consumer can look up. First persons stay out: "we" and "I" speak in
    quotes whose speaker the coder resolves or cannot know."""
    if tok.pos_ != "PRON" or tok.lower_ not in _SUBJECT_PRONOUNS or tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    return Participant(tok.text, None, None, None, None, tok.idx, tok.idx + len(tok.text), False, None,
                       tok.lower_ == "they", pronoun_only=True)


# the person and number of a pronoun, whatever its case ("him", "his" and "he" refer alike)
_PRONOUN_REFERENT = {"he": "he", "him": "he", "his": "he", "himself": "he", "she": "she", "her": "she", "hers": "she",
                     "herself": "she", "they": "they", "them": "they", "their": "they", "themselves": "they", "it": "it",
                     "its": "it", "itself": "it"}


def _written_span(doc: Doc, actor: Participant) -> Span | None:
    """The words of the doc an actor's record stands on (its character offsets), or None."""
    return doc.char_span(actor.start, actor.end, alignment_mode="expand")


def _speaks_for_referent(speaker: Participant, tok: Token) -> bool:
    """The speaker is named through a possessive of the pronoun's own person ("her lawyer", "his spokesman", "their
    relatives" said): whoever that possessive refers to is who the pronoun refers to, and the speaker speaks for them
    ("police detained him, his brother said": the brother was not detained)."""
    person = _PRONOUN_REFERENT.get(tok.lower_)
    if person is None:
        return False
    span = _written_span(tok.doc, speaker)
    return span is not None and any(t.dep_ == "poss" and t.i != tok.i and _PRONOUN_REFERENT.get(t.lower_) == person for t in span)


_COUNTRY_REACH = 2  # sentences before the one of "the country" where the state it refers to may be named


def _at_pronoun(referent: Participant, tok: Token) -> Participant:
    """The referent of pronoun ``tok`` as the record names it, standing where the pronoun stands (no place of its own)."""
    return Participant(referent.text, referent.canonical, referent.entity, referent.country, referent.sector, tok.idx,
                       tok.idx + len(tok.text), referent.named, referent.etype, referent.plural)


_LINKING_VERBS = {"be", "become", "remain", "seem", "appear", "look", "sound", "feel", "get", "grow", "stay"}


def is_pronoun(tok: Token) -> bool:
    """A personal pronoun, not a name spelt like one: "US" (the United States), which the tagger reads as a proper
    noun, is no "us"."""
    return tok.pos_ == "PRON" or tok.lower_ in PRONOUNS and tok.pos_ != "PROPN"


# Adjectives of allegiance: fighters "loyal to" or "allied to" a named party act for it, and the field's coders code
# them as that party (the PLOVER and CAMEO actor is whom the armed men serve; their own noun says only their kind).
_ALLEGIANCE = frozenset({"loyal", "allied"})


def _comma_joined_owners(tok: Token) -> list[Token]:
    """A modifier of ``tok`` and the modifier a comma alone sets before it ("Indian, Pakistani | troops"), the first
    of them, or none: the headline's "and" between owners (``Participants._coordinated_owners`` asks whether they are).
    The first is found by its place: the parser often hangs it on the headline's verb."""
    doc = tok.doc
    for second in kids(tok):
        if second.dep_ in ("amod", "compound") and 2 <= second.i < tok.i and doc[second.i - 1].text == ",":
            first = doc[second.i - 2]
            # (an adjective the parser made a clause of the verb, "Indian | , Chinese troops trade", is a modifier too)
            if (first.dep_ in ("amod", "compound") or first.dep_ == "advcl" and first.tag_ == "JJ") and first.ent_type_:
                return [first, second]
    return []


def _allegiance(head: Token) -> Token | None:
    """The party an adjective of allegiance after the noun names ("troops loyal to the general": "general"), or
    None."""
    for adj in kids(head):
        if adj.dep_ == "amod" and adj.i > head.i and adj.lower_ in _ALLEGIANCE:
            for prep in kids(adj):
                if prep.dep_ == "prep" and prep.lower_ in ("to", "with"):
                    return next((g for g in kids(prep) if g.dep_ == "pobj"), None)
    return None


def quantity_phrase_start(head: Token) -> Token | None:
    """The first word of the phrase that counts or collects ``head`` ("tens of thousands of | supporters", "a gang of |
    men", "more than 200 of | the workers"), without its article; None when nothing does."""
    top = head
    while top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.dep_ == "prep":
        q = top.head.head
        if q.i > top.i or not (q.lower_ in _QUANTITY_HEADS or q.lemma_.lower() in _QUANTITY_HEADS or q.lower_ in CROWD_COUNTS
                               or q.pos_ == "NUM"):
            break
        top = q
    if top is head:
        return None
    first = top.left_edge
    while first.i < top.i and (first.is_punct or first.lower_ in ("the", "a", "an")):
        first = first.doc[first.i + 1]
    return first


def with_body(span: Span, head: Token) -> Span:
    """An agent noun's phrase with the organisation named in a "from" phrase right after it, whose agents they are
    ("officers from the British Transport Police", "monitors from the African Union"): the text names them by their
    body. Only for the doer (a subject, or the agent of a passive): after an object a "from" phrase is mostly where the
    act took someone or something from ("freed hostages from the militia")."""
    first = head
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if not (first.dep_ == "nsubj" or first.dep_ == "pobj" and first.head.dep_ == "agent"):
        return span
    for child in kids(head):
        if child.dep_ != "prep" or child.i != span.end or child.lower_ != "from":
            continue
        objs = [g for g in kids(child) if g.dep_ == "pobj"]
        if objs and _names_body(objs[0]):
            end = max(t.i for t in objs[0].subtree if t.dep_ not in ("relcl", "acl", "punct", "cc", "conj")) + 1
            return span.doc[span.start : end]
    return span


def _names_body(tok: Token) -> bool:
    """The object of a doer's "from" phrase names whom they come from: an organisation, a people or a state, by a
    name of its own or a name that modifies its noun ("the Shabaab militia", "Kenya")."""
    return any(t.ent_type_ in ("ORG", "NORP", "GPE") for t in (tok, *(c for c in kids(tok) if c.dep_ in ("compound", "amod") and c.i < tok.i)))


def is_hazard(span: Span) -> bool:
    """The phrase holds a disaster of the agents dictionary (``~JNK``: "hurricane", "flash flood"); the first part of
    a hyphenated modifier is no head ("flood-hit Pakistan" is Pakistan)."""
    kb = knowledge()
    hazards = kb.hazards
    if kb.hazard_words.isdisjoint([t.lower_ for t in span]):
        return False  # no word of any disaster's name (most phrases): nothing to read
    words = [t.lower_ for t in span if t.i + 1 >= len(t.doc) or not joins_words(t.doc[t.i + 1])]
    return any(w in hazards for w in words) or any(f"{a} {b}" in hazards for a, b in zip(words, words[1:]))


def _people_of(span: Span, head: Token, when: datetime.date | None) -> bool:
    """The phrase's head names people the agents dictionary types, a disaster only its modifier ("flood victims",
    "earthquake survivors"): the people it befell, no disaster."""
    return head.i == span.root.i and head.lower_ not in knowledge().hazard_words and agent_actor(span.doc[head.i : head.i + 1], when) is not None


def _titled_name(span: Span, head: Token) -> tuple[str | None, str | None] | None:
    """(country, sector) of a name the entity tagger missed or cut ("Vice Premier Han Zhiwei" read as a nationality
    and a stray word), when a title of the role table stands before it in its phrase: a titled name is a person,
    typed by the title ("Chinese Vice Premier": CHN, GOV). None for any other phrase."""
    if head.pos_ != "PROPN" or head.ent_type_ in ("PERSON", "ORG", "GPE") or not head.is_title:
        return None
    titles = [t for t in span if t.i < head.i and t.dep_ == "compound" and t.is_title and role_entry(t.lower_)[1] == "role"]
    if not titles:
        return None
    country, sector = describe(span.text)
    return (country, sector) if sector is not None else None


def _role_type(span: Span, head: Token) -> tuple[str | None, str | None] | None:
    """(country, sector) of a role phrase the agents dictionary leaves out because its sector is whose role it is
    ("the political head of <a movement>", "the Kenyan leader"), read by the entity stage's role table
    (``roles.describe``); None when the head is no role noun. A role phrase that states neither country nor
    sector is an actor only once resolved to a person the article names."""
    if role_entry(head.lower_)[1] not in ("role", "mod"):  # "chief" is listed as both; as a head noun it is a role
        return None
    return describe(span.text)


def _office_holder(text: str) -> bool:
    """The phrase names one holding an office (the role table's kind "role": "the foreign secretary", "the defence
    secretary", by the phrase or its last word), a person, not a body."""
    words = text.split()
    return bool(words) and (role_entry(text)[1] == "role" or role_entry(words[-1])[1] == "role")


def agrees(pronoun: str, actor: Participant) -> bool:
    """Can the pronoun refer to the actor? "he" is no group; "they" / "it" are no single person."""
    if pronoun in ("he", "she", "him", "her", "i"):
        return not actor.plural and actor.etype not in _GROUP_TYPES and (actor.etype == "PERSON" or not actor.named)
    if pronoun in ("they", "them", "we", "us"):
        return actor.plural or actor.etype in _GROUP_TYPES
    if pronoun == "it":
        # (an unnamed office-holder is a person: "the foreign secretary said Britain stood behind its ally" is Britain's)
        return (not actor.plural and actor.etype != "PERSON" and (actor.etype is not None or actor.sector is not None)
                and not (actor.etype is None and not actor.named and _office_holder(actor.text)))
    return False
