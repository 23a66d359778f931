"""The event coder's spaCy components. Each writes one ``Doc._`` extension; the record builder reads them.

- ``newsevents_event_candidates``: a ``PhraseMatcher`` on ``LOWER`` over every surface
  form of the dictionary's verbs and of the event nouns finds the trigger words in one
  pass; only a found word's own patterns are then tried against its parse
  (``frames.verb_candidates`` / ``noun_candidates``), so the ~4,700 patterns cost a few
  set lookups per trigger, not a matcher pass each. Writes ``doc._.event_candidates``.
- ``newsevents_event_discards``: a ``PhraseMatcher`` over PETRARCH2's discard phrases
  (sport, entertainment, ...): sentences (or, for story-scope phrases, the whole
  document) the dictionary says are not codeable. Writes ``doc._.event_discarded``. Runs before the
  candidates: in a whole story it rules out, no trigger word is read.
- ``newsevents_event_types``: the event-type classifier over every sentence that has a
  candidate. Writes ``doc._.event_type_probs`` (sentence start -> class probabilities).

They run after the stock components of ``en_core_web_sm`` (they need POS, lemmas and
the dependency parse). The first, ``newsevents_headline_verbs``, mends the parse of a headline whose verb the parser took for a noun
(:mod:`.headline_verbs`). The extract stage runs them through :func:`annotate`, outside the
timed spaCy call, so the benchmark's "our parse" stays the stock components alone.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from ..doc_index import sentences
from .classifier import TypeClassifier, load_classifier
from .frames import Candidate, named_as, noun_candidates, verb_candidates
from .headline_verbs import restore_clause_verbs, restore_headline_verb
from .knowledge import Knowledge, knowledge
from .modality import conditional_conjunction
from .participants import inner_name_verb
from .slots import finite_modifier, kids, misread_relative, participle_read_as_head, sentence_index, sentence_of

# (the discards come before the candidates: a story the discard list rules out is coded by no one, and its trigger
# words need not be read)
COMPONENTS = ("newsevents_headline_verbs", "newsevents_event_discards", "newsevents_event_candidates", "newsevents_event_types")
MAX_SENTENCE_TOKENS = 250  # longer "sentences" are lists or broken markup: not coded
_WHEN_TYPES = frozenset({"DATE", "TIME"})
_NAME_TYPES = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"}

for _name, _default in (("headline_verbs", ()), ("event_candidates", None), ("event_discarded", None), ("event_type_probs", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def _verb_like(tok: Token) -> bool:
    """A verb, or a headline verb the tagger took for a name ("Police Arrest Protesters"); not a participle that
    modifies a noun ("a suspected smuggler", "the detained reporters", "a man wanted for murder" however parsed),
    which describes, it reports no act."""
    if (tok.dep_ == "amod" and not finite_modifier(tok)) or misread_relative(tok) or conditional_conjunction(tok):
        return False  # ("provided the rebels free the hostages": a condition, no act of providing)
    if tok.ent_iob_ == "I" and inner_name_verb(tok.doc, tok.i):
        return False  # a word of a name ("a Committee to Protect Journalists" protects no one)
    if tok.pos_ == "VERB" or (tok.tag_.startswith("VB") and tok.pos_ != "AUX"):
        return True
    if tok.pos_ in ("PROPN", "NOUN") and tok.text[:1].isupper():
        return any(c.dep_ in ("nsubj", "dobj") for c in kids(tok))
    return False


def _noun_like(tok: Token) -> bool:
    if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i:
        return False  # an event noun naming another noun's kind ("riot police", "strike force") is no act
    if participle_read_as_head(tok) is not None:
        return False  # "ministers | meeting in Cairo": a participle describing the subject, who act in the main verb
    if _month(tok):
        return False  # "in March", "last March", "5 March": when, no march held
    if tok.pos_ == "NOUN":
        return True
    return tok.pos_ == "PROPN" and tok.ent_type_ not in _NAME_TYPES


def _month(tok: Token) -> bool:
    """A capitalised event noun the tagger reads as part of a date is the month of that name, unless it is what a
    verb acts on or what acts, with no day or year beside it: a headline's "Thousands Join March" names a march held.
    The trigger words are matched by their lower form, so the month "March" met every protest noun's row."""
    if tok.ent_type_ not in _WHEN_TYPES or not tok.text[:1].isupper() or (tok.is_sent_start and tok.pos_ != "PROPN"):
        return False
    doc = tok.doc
    dated = any(doc[j].like_num for j in (tok.i - 1, tok.i + 1) if 0 <= j < len(doc))
    return dated or tok.dep_ not in _ARGUMENT_DEPS


_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})  # what acts or is acted on
_NOMINAL_DEPS = _ARGUMENT_DEPS | {"pobj"}


def _nominal_gerund(tok: Token) -> bool:
    """A gerund the parse uses as a noun, with no subject or object of its own ("fighting between X and Y left 55
    dead", "shelling by the army hit the market"): the act noun of the same form codes it, with the noun's slots (its
    "between", "by" and "on" phrases), which a verb frame does not read."""
    return (tok.tag_ == "VBG" and tok.dep_ in _NOMINAL_DEPS
            and not any(c.dep_ in ("nsubj", "dobj", "aux") for c in kids(tok)))


def _counted_as_a_trend(tok: Token, kb: Knowledge) -> bool:
    """An act noun counted rather than told (``event_trends.tsv``): the subject of a verb of changing amount ("arrests
    have doubled"), or the "of" phrase of a noun of quantity ("the number of attacks")."""
    head = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in kb.trend_verbs:
        return True
    return tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in kb.quantity_nouns


def _plural_read_as_verb(tok: Token) -> bool:
    """A plural noun the tagger read as a verb in "-s" ("held joint drills", "the talks"), which the parser still made
    an argument of another verb, with no subject, object or auxiliary of its own: the act noun of that form."""
    return (tok.tag_ == "VBZ" and tok.dep_ in _NOMINAL_DEPS and tok.head.i != tok.i
            and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "aux", "auxpass") for c in kids(tok)))


def _names_its_parties(tok: Token) -> bool:
    """A gerund used as a noun names an act only with its parties in its own phrase: a possessor or an "of" / "by"
    phrase ("the militia's looting of the depot"); alone ("funding", "training", "housing") it names a thing."""
    return any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("of", "by")) for c in kids(tok))


class HeadlineVerbs:
    """``newsevents_headline_verbs``: the verb of a headline the parser read as a noun phrase, re-attached
    (:mod:`.headline_verbs`) before the candidates are found. Writes ``doc._.headline_verbs`` (their indices)."""

    def __init__(self, kb: Knowledge | None = None) -> None:
        self.kb = kb or knowledge()

    def __call__(self, doc: Doc) -> Doc:
        found = []
        for sent in sentences(doc):
            verb = restore_headline_verb(sent, self.kb)
            if verb is not None:
                found.append(verb.i)
            found += [v.i for v in restore_clause_verbs(sent, self.kb)]
        doc._.headline_verbs = tuple(found)
        return doc


class CandidateFinder:
    """``newsevents_event_candidates``: trigger words by PhraseMatcher, then their patterns (see module doc)."""

    def __init__(self, nlp: Language, kb: Knowledge | None = None) -> None:
        self.kb = kb or knowledge()
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        forms = sorted(set(self.kb.verb_forms) | set(self.kb.noun_forms))
        self.matcher.add("TRIGGER", [nlp.make_doc(f) for f in forms])

    def __call__(self, doc: Doc) -> Doc:
        kb = self.kb
        found: list[Candidate] = []
        seen: set[int] = set()
        if -1 in (doc._.event_discarded or ()):
            doc._.event_candidates = found  # a story the discard list rules out (sport, entertainment): nothing is coded
            return doc
        for _, start, end in self.matcher(doc):
            tok = doc[end - 1] if end - start > 1 else doc[start]
            if tok.i in seen:
                continue
            seen.add(tok.i)
            if len(sentence_of(tok)) > MAX_SENTENCE_TOKENS:
                continue
            form = tok.lower_ if end - start == 1 else doc[start:end].text.lower()
            if form == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                continue  # "according to X" names a source of information (speech.according_to), no act
            verbs = kb.verb_forms.get(form)
            plural = form in kb.noun_forms and _plural_read_as_verb(tok)
            if verbs and _verb_like(tok) and not (form in kb.noun_forms and _nominal_gerund(tok)) and not plural:
                found += named_as(tok, verb_candidates(tok, verbs, kb), kb)
                continue
            noun = kb.noun_forms.get(form)
            if noun is not None and _counted_as_a_trend(tok, kb):
                continue  # "attacks on schools doubled", "the number of arrests": a statistic over many acts, none told
            if noun is not None and kb.in_other_sense(tok):
                continue  # "strong demand": a market's, no demand made; "heart attack": an illness (event_noun_senses.tsv)
            if noun is not None and (_noun_like(tok) or _nominal_gerund(tok) or plural):
                found += noun_candidates(tok, kb.nouns[noun])
            elif verbs and form in kb.gerunds and tok.pos_ == "NOUN" and _names_its_parties(tok):
                found += noun_candidates(tok, kb.gerunds[form])
        doc._.event_candidates = found
        return doc


class DiscardFinder:
    """``newsevents_event_discards``: sentence starts (or ``-1`` for the whole story) the discard list rules out."""

    def __init__(self, nlp: Language, kb: Knowledge | None = None) -> None:
        kb = kb or knowledge()
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.story = set()
        patterns: dict[str, list[Doc]] = {"sentence": [], "story": []}
        for d in kb.discards:
            forms = [d.phrase] if d.whole_word else [d.phrase, d.phrase + "s"]  # a stem also matches its plural
            patterns["story" if d.story else "sentence"] += [nlp.make_doc(f) for f in forms]
        for label, docs in patterns.items():
            if docs:
                self.matcher.add(label, docs)
        self.story_label = nlp.vocab.strings["story"]

    def __call__(self, doc: Doc) -> Doc:
        out: set[int] = set()
        matches = self.matcher(doc)
        if matches:
            sents = sentences(doc)
            for label, start, _ in matches:
                if label == self.story_label:
                    out.add(-1)
                else:
                    out.add(sents[sentence_index(doc, start)].start)
        doc._.event_discarded = frozenset(out)
        return doc


class TypeScorer:
    """``newsevents_event_types``: class probabilities of each sentence that holds a candidate."""

    def __init__(self, classifier: TypeClassifier | None) -> None:
        self.classifier = classifier

    def __call__(self, doc: Doc) -> Doc:
        probs: dict[int, Any] = {}
        cands = doc._.event_candidates or []
        if self.classifier is not None and cands:
            sents = sentences(doc)
            by_sent: dict[int, list[Candidate]] = {}
            for c in cands:
                by_sent.setdefault(sentence_index(doc, c.trigger), []).append(c)
            # a sentence whose candidates are all statements needs no type (statements are not typed events)
            by_sent = {k: g for k, g in by_sent.items() if any(not (c.code or c.reverse).startswith("01") for c in g)}
            for k, group in by_sent.items():
                probs[sents[k].start] = self.classifier.probabilities(sents[k], group)
        doc._.event_type_probs = probs
        return doc


@Language.factory("newsevents_headline_verbs")
def make_headline_verbs(nlp: Language, name: str) -> HeadlineVerbs:
    return HeadlineVerbs()


@Language.factory("newsevents_event_candidates")
def make_candidate_finder(nlp: Language, name: str) -> CandidateFinder:
    return CandidateFinder(nlp)


@Language.factory("newsevents_event_discards")
def make_discard_finder(nlp: Language, name: str) -> DiscardFinder:
    return DiscardFinder(nlp)


@Language.factory("newsevents_event_types")
def make_type_scorer(nlp: Language, name: str) -> TypeScorer:
    return TypeScorer(load_classifier())


def add_components(nlp: Language) -> None:
    """Append the coder's components to a loaded pipeline (idempotent)."""
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)


def annotate(nlp: Language, doc: Doc) -> Doc:
    """Run the coder's components on a parsed doc (the stage parses with them disabled; see module doc)."""
    add_components(nlp)
    for name in COMPONENTS:
        doc = nlp.get_pipe(name)(doc)
    return doc
