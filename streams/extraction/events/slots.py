"""Who acts and who is acted upon, read off the dependency parse (general English syntax, no word lists).

- agent: the active subject; the ``by`` phrase of a passive; inherited down control and
  coordination chains ("X vowed to retaliate", "X met Y and signed...": the subject of the
  governing verb); the noun a relative clause modifies ("the group that claimed...");
  the object of an object-control verb for its infinitive ("urged X to release");
- patient: the passive subject (or the noun a reduced passive participle modifies:
  "two priests kidnapped"); direct and dative objects, predicates;
- coordination: "Brazil and the United States" are two heads;
- datelines ("SEOUL, Nov. 26 (Xinhua) --"): the place before the dash is no actor.
"""

from __future__ import annotations

from bisect import bisect_right

import numpy

from spacy.attrs import HEAD
from spacy.tokens import Doc, Span, Token

from .. import datelines
from ..actor_dictionary import is_agent_phrase
from ..datelines import joins_words
from ..doc_index import per_doc, sentences
from .knowledge import FORCE_ROOTS, INSTRUMENT_BLOCK, PREVENTERS, PROTEST_ROOT, knowledge

_RELPRON = {"who", "that", "which", "whom", "whose"}
# Nouns that count or group what their "of" phrase names (a closed class of English quantifiers).
_COUNT_NOUNS = {"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "score", "scores",
                "number", "group", "couple", "handful", "lot", "lots", "majority", "number", "some", "many", "all", "most",
                # and words that count acts or shots ("a barrage of rockets", "a wave of arrests", "a round of talks")
                "barrage", "salvo", "volley", "hail", "wave", "series", "spate", "flurry", "round", "string"}
TIME_UNITS = frozenset({"hour", "day", "week", "month"})  # what a deadline is counted in ("48 hours", "a week")
_TIME_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"}
_COUNT_ENTS = {"CARDINAL", "QUANTITY"}


_STARTS_KEY = "newsevents.events.sentence_starts"


def sentence_starts(doc) -> list[int]:
    """Token index where each sentence starts, computed once per doc (kept in ``doc.user_data``)."""
    starts = doc.user_data.get(_STARTS_KEY)
    if starts is None:
        starts = doc.user_data[_STARTS_KEY] = [s.start for s in sentences(doc)]
    return starts


def sentence_index(doc, i: int) -> int:
    """Index of the sentence holding token ``i``."""
    return max(bisect_right(sentence_starts(doc), i) - 1, 0)


def sentence_of(tok: Token) -> Span:
    """The sentence of a token without walking the doc (``Token.sent`` scans for boundaries on every call)."""
    return sentences(tok.doc)[sentence_index(tok.doc, tok.i)]


_KIDS_KEY = "newsevents.events.children"


def kids(tok: Token) -> tuple[Token, ...]:
    """``tok.children``, built once per token and doc (spaCy makes new Token objects on every walk, and finds a
    token's children by scanning its whole subtree: the whole sentence for its main verb). The children of every
    token are indexed in one pass over the doc's head array, in the order ``Token.children`` gives (left to right)."""
    doc = tok.doc
    cache = doc.user_data.get(_KIDS_KEY)
    if cache is None:
        cache = doc.user_data[_KIDS_KEY] = (*_children_index(doc), {})
    order, bounds, made = cache
    i = tok.i
    out = made.get(i)
    if out is None:
        out = made[i] = tuple(doc[j] for j in order[bounds[i] : bounds[i + 1]])
    return out


def _children_index(doc: Doc) -> tuple[list[int], list[int]]:
    """(children of every token, grouped by head and left to right within a group; where each head's group starts):
    token ``i``'s children are ``order[bounds[i]:bounds[i + 1]]``. Built with array operations: a list per token
    cost more than all the lookups of an article."""
    n = len(doc)
    at = numpy.arange(n, dtype=numpy.int64)
    heads = at + doc.to_array(HEAD).view("int64")  # the array holds the head's offset from the token; a root's is 0
    children = numpy.flatnonzero(heads != at)
    of = heads[children]
    order = children[numpy.argsort(of, kind="stable")]  # stable: children stay left to right
    bounds = numpy.zeros(n + 1, dtype=numpy.int64)
    numpy.cumsum(numpy.bincount(of, minlength=n), out=bounds[1:])
    return order.tolist(), bounds.tolist()


def measured_by(noun: Token) -> Token | None:
    """The amount that measures ``noun`` ("$500 million in | loans", "20 tonnes of | aid"; "pledged $2 billion | in
    aid", the "in" phrase hung on the verb whose object the amount is), or None."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.lower_ not in ("in", "of"):
        return None
    amount = noun.head.head
    if amount.pos_ in ("VERB", "AUX") and noun.head.lower_ == "in":
        amount = next((c for c in kids(amount) if c.dep_ == "dobj" and c.i < noun.i), amount)
    return amount if _is_amount(amount) else None


def _is_amount(tok: Token) -> bool:
    return tok.ent_type_ in ("MONEY", "QUANTITY", "CARDINAL") or tok.like_num or any(c.dep_ == "nummod" for c in kids(tok))


def has_to(v: Token) -> bool:
    """The verb carries the infinitive marker "to" ("refused | to free", "ordered the envoy | to leave")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(v))


def is_purpose_infinitive(v: Token) -> bool:
    """An infinitive of purpose hung on a clause ("marched to demand", "provide loans to help X")."""
    return v.dep_ == "advcl" and v.tag_ == "VB" and has_to(v)


WHEN_MARKS = frozenset({"when", "as", "after"})  # words that open a clause of what happened as an act did


def is_when_clause(c: Token) -> bool:
    """A "when" / "as" / "after" clause: what happened as the act it hangs on did ("killed when militants attacked").
    The word may hang on a verb coordinated inside the clause ("when a bus skidded and | plunged"): the clause still
    opens with it."""
    return c.dep_ == "advcl" and (any(m.dep_ in ("mark", "advmod") and m.lower_ in WHEN_MARKS for m in kids(c))
                                  or c.left_edge.lower_ in WHEN_MARKS and c.left_edge.dep_ in ("mark", "advmod"))


def _outside_dateline(subjects: list[Token]) -> list[Token]:
    """Two subjects of one verb are a misparse: the ones outside the dateline ("KANNUR: An activist was killed"), else
    the last."""
    return [c for c in subjects if not in_dateline(c)] or subjects[-1:]


def forget_children(doc: Doc) -> None:
    """Drop the children :func:`kids` remembered, and all :func:`parse_memo` holds, after a component changed arcs of
    the parse."""
    doc.user_data.pop(_KIDS_KEY, None)
    doc.user_data.pop(_PARSE_MEMO_KEY, None)


_PARSE_MEMO_KEY = "newsevents.events.parse_memo"


def parse_memo(doc: Doc, name: str) -> dict:
    """A dict kept on the doc for what ``name``, a pure function of the parse, found per token: asked again for the
    same token (each candidate's slots, each coding of each trigger), it answers from here. Dropped with the
    children when a component changes arcs (:func:`forget_children`)."""
    return per_doc(doc, _PARSE_MEMO_KEY, dict).setdefault(name, {})


def conjuncts(tok: Token) -> list[Token]:
    """The token and the nouns coordinated with it ("Brazil and the United States"), at most four. Walks the
    coordination as ``Token.conjuncts`` does (from its first member, breadth first through right "conj" children),
    through the memoised children: spaCy's walk makes new tokens for every head and right child it visits."""
    out = [tok]
    start = tok
    while start.dep_ == "conj" and start.head.i != start.i:
        start = start.head
    queue = [start]
    for word in queue:
        if word.i > tok.i and word.pos_ in _NOUN_TAGS and len(out) < 4:
            out.append(word)
        queue.extend(c for c in kids(word) if c.i > word.i and c.dep_ == "conj")
    return out


_NOUN_TAGS = ("PROPN", "NOUN")


def _reciprocal_pronoun(tok: Token) -> bool:
    """"each other" / "one another", however the parser attached its two words."""
    low = tok.lower_
    if low == "other":
        return any(c.lower_ == "each" for c in kids(tok))
    if low == "one":
        return any(c.lower_ == "another" for c in kids(tok))
    return low == "another" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "one"


def reciprocal_object(v: Token) -> bool:
    """The verb's object, or the object of one of its prepositions, is a reciprocal pronoun ("accused each other",
    "fought with one another"), or is owned by one ("expelled each other's diplomats"): its coordinated subjects act
    on each other."""
    for c in kids(v):
        if c.dep_ in ("dobj", "dative") and (_reciprocal_pronoun(c) or reciprocally_owned(c)):
            return True
        if c.dep_ == "prep" and any(g.dep_ == "pobj" and _reciprocal_pronoun(g) for g in kids(c)):
            return True
    return False


def reciprocally_owned(tok: Token) -> bool:
    """The noun's possessor is a reciprocal pronoun ("each other's diplomats"): each party's own, acted on by the
    other, so the phrase names the parties themselves, no third one."""
    return any(c.dep_ == "poss" and _reciprocal_pronoun(c) for c in kids(tok))


def is_time(tok: Token) -> bool:
    """A time, an amount or a bare number: no participant. A plural common noun inside a count the tagger marked
    ("nine detainees", "forty prisoners" read as QUANTITY or CARDINAL) is what is counted, not the count."""
    if tok.ent_type_ in _COUNT_ENTS and tok.pos_ == "NOUN" and tok.tag_ == "NNS":
        return False
    return tok.ent_type_ in _TIME_ENTS or (tok.like_num and tok.pos_ == "NUM")


def headline_passive(v: Token) -> bool:
    """A headline passive without auxiliary ("Activist released", "Journalist killed in city"), also where the
    tagger read the participle as a past tense beside the state it left its subject in ("MP shot dead outside
    church", "Guard stabbed to death": no one shoots dead or stabs to death without an object), or as a past tense
    of a regular verb of coercion, force or release with no object ("Reporter detained in police raid"): a headline
    tells what was done in the present tense ("Police detain reporter"), so such a form in "-ed" with a subject and no
    object is the passive's. (Not a verb one does without an object: "Protesters marched in X".)"""
    if v.dep_ != "ROOT" or v.tag_ != "VBN" and not (v.tag_ == "VBD" and (_left_dead(v) or _done_to_someone(v))):
        return False
    if any(c.dep_ in ("aux", "auxpass", "dobj") for c in kids(v)) or not any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in kids(v)):
        return False
    # (a headline a feed ended with a full stop is still one where the tagger read a participle of an act one
    # undergoes: "Journalist killed in X." has no finite verb; a past tense it read there stays active)
    return not _ends_like_sentence(v) or _undergone_participle(v)


_UNDERGONE_ROOTS = FORCE_ROOTS | {"08"}  # CAMEO roots of acts done to someone: coercion, force, a release


def _undergone_participle(v: Token) -> bool:
    """A form the tagger read as a participle (VBN), of an act one undergoes (:func:`_done_to_someone`), with no
    object: passive wherever it stands, a full stop after it or not."""
    return v.tag_ == "VBN" and _done_to_someone(v) and not any(c.dep_ == "dobj" for c in kids(v))


def _done_to_someone(v: Token) -> bool:
    """A regular past form of a verb the dictionary codes as coercion, force or a release ("detained", "killed",
    "freed"): one undergoes it."""
    return v.lower_.endswith("ed") and any(e.code[:2] in _UNDERGONE_ROOTS for e in knowledge().verb_forms.get(v.lower_, ()))


def participle_read_as_head(tok: Token) -> Token | None:
    """The plural noun a subject's "-ing" word was read as the head of ("foreign ministers | meeting in Cairo
    expressed ...", "ministers gathering in X pledged ...": the parser made "ministers" a compound of "meeting"): the
    people are the subject, the "-ing" word a participle describing them. Only with a phrase of place or time after
    it, which a noun compound ("peace meeting") does not take."""
    if tok.tag_ != "NN" or not tok.lower_.endswith("ing") or tok.dep_ not in ("nsubj", "nsubjpass") or tok.i == 0:
        return None
    before = tok.doc[tok.i - 1]
    if before.head.i != tok.i or before.dep_ != "compound" or before.tag_ != "NNS":
        return None
    return before if any(c.dep_ == "prep" and c.i == tok.i + 1 for c in kids(tok)) else None


def opening_participle_subject(tok: Token, v: Token) -> Token | None:
    """The subject the parser hung inside a participle clause that opens the sentence ("Speaking in Lagos, the party
    chairman, X, accused ...", "Addressing reporters in Geneva, the minister rejected ..."): it made the "-ing" word
    the verb's clausal subject, or left the verb with no subject and the clause as its modifier, and the real subject
    an apposition of the clause's last noun (as if the chairman were Lagos). The subject is the outermost such
    apposition that ends at the comma before the verb; where the place is described first and the parser joined the
    subject to that description ("in Paris, the French capital, the president, X, thanked ...": capital "and"
    president), the joined phrase. None when the parse is not of that shape."""
    if tok.dep_ not in ("csubj", "advcl") or tok.tag_ != "VBG" or tok.head.i != v.i or v.i < 2 or v.doc[v.i - 1].text != ",":
        return None
    doc, sent = v.doc, sentence_of(v)
    if tok.i not in (sent.start, dateline_end(sent)):
        return None  # the "-ing" word opens the sentence (after a dateline at most)
    chain = [t for t in tok.subtree if t.dep_ == "appos" and t.head.dep_ != "appos" and t.right_edge.i == v.i - 2
             and doc[t.left_edge.i - 1].text == ","]
    if not chain:
        return None
    head = chain[0]
    if head.head.ent_type_ in ("GPE", "LOC", "FAC"):
        joined = [c for c in kids(head) if c.dep_ == "conj"]
        if joined:
            return joined[0]
    return head


def _ends_like_sentence(v: Token) -> bool:
    """The sentence of ``v`` ends with a full stop, a question or an exclamation mark (a headline does not), before
    the blank line that may end its paragraph."""
    last = next((t for t in reversed(sentence_of(v)) if not t.is_space), None)
    return last is not None and last.is_punct and last.text in (".", "!", "?")


def _left_dead(v: Token) -> bool:
    """The verb names the death it caused: "shot dead", "stabbed to death"."""
    return any(c.dep_ in ("acomp", "oprd", "advcl", "xcomp") and c.lower_ == "dead" and c.i > v.i
               or c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in kids(c)) for c in kids(v))


def missed_main_verb(v: Token) -> bool:
    """A participle the parser hung on a noun that it made the root of a whole sentence: the main verb it missed.

    A sentence that ends like one ("Dozens of nurses protested outside the ministry.") has a main verb; when the
    parser reads it as a noun phrase with a reduced relative clause, the noun is the participle's subject, not the
    one acted upon. A headline (no final stop) keeps the passive reading ("Two reporters detained in X").
    """
    if v.dep_ != "acl" or v.head.pos_ not in ("NOUN", "PROPN") or v.tag_ not in ("VBN", "VBD"):
        return False
    if (v.head.dep_ != "ROOT" and not (v.head.dep_ == "appos" and _fronted_phrase_root(v.head))
            and not _subject_of_attribution(v) and _set_off_apposition(v) is None):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") or c.dep_ == "agent" and not by_means(c) for c in kids(v)):
        return False
    # (a participle of an act one undergoes is the passive's even there: "Two aid workers abducted in X." is a
    # headline a feed ended with a full stop)
    return _ends_like_sentence(v) and not _undergone_participle(v)


def by_means(agent: Token) -> bool:
    """A "by" the parser labels an agent names a means, not a doer ("discussed by phone", "delivered by helicopter";
    ``event_means.tsv``)."""
    return any(g.dep_ == "pobj" and g.lemma_.lower() in knowledge().means for g in kids(agent))


_ATTRIBUTING = frozenset({"say", "tell", "report", "add", "state"})
# verbs of holding someone to be or to do something ("men suspected to be smugglers", "men believed to be militants",
# "he is said to have fled"): in a reduced relative the parser makes the participle the root, hanging the real main
# verb on it as a clause (described_subject); in a passive their infinitive is the subject's act (frames._fit)
HELD_TO_BE = frozenset({"suspect", "believe", "think", "say", "allege", "report", "know", "presume", "understand"})


def described_subject(v: Token) -> Token | None:
    """The subject a subjectless finite clause lost to a reduced relative the parser made the root: in "Armed men
    believed to be smugglers shot two guards", "believed" is the root with "men" its subject and "shot" a clause
    under it; the men shot. Only a past participle of holding-to-be with a "to be"
    complement, and a clause in the past tense after it."""
    head = v.head
    if v.dep_ != "ccomp" or v.tag_ != "VBD" or head.tag_ != "VBN" or head.lemma_.lower() not in HELD_TO_BE:
        return None
    if any(c.dep_ in ("aux", "auxpass") for c in kids(head)):
        return None  # "they were suspected to be ..." is a clause of its own
    if not any(c.dep_ == "xcomp" and c.lemma_ == "be" and has_to(c) for c in kids(head)):
        return None
    return next((c for c in kids(head) if c.dep_ == "nsubj" and c.i < head.i), None)


def _subject_of_attribution(v: Token) -> bool:
    """The participle's noun was made the subject of the attribution that follows the clause ("Gunmen | abducted 30
    students ..., officials said": "Gunmen" the subject of "said"), and the participle has a direct object, which a
    passive participle describing the noun would not."""
    noun = v.head
    return (noun.dep_ == "nsubj" and noun.head.i > v.i and noun.head.lemma_.lower() in _ATTRIBUTING
            and any(c.dep_ == "dobj" for c in kids(v)))


def _set_off_apposition(v: Token) -> Token | None:
    """The root noun whose apposition, set off by commas, the parser hung the participle after the second comma on:
    "Hundreds of workers, some carrying banners, marched ...": the small model reads "marched" as a clause of the
    banners. The participle is the sentence's verb, and the noun before the apposition its subject."""
    noun = v.head
    if noun.dep_ != "appos" or noun.head.dep_ != "ROOT" or noun.head.pos_ not in ("NOUN", "PROPN"):
        return None
    doc = v.doc
    if noun.left_edge.i == 0 or doc[noun.left_edge.i - 1].text != "," or v.i < 1 or doc[v.i - 1].text != ",":
        return None
    return noun.head if noun.i < v.i - 1 else None


def participle_subject(v: Token) -> Token:
    """The subject of a participle :func:`missed_main_verb` holds to be the main verb: the noun it hangs on, or the
    noun whose set-off apposition it hangs on."""
    return _set_off_apposition(v) or v.head


def _fronted_phrase_root(noun: Token) -> bool:
    """``noun`` is an apposition after a comma inside a phrase headed by the sentence's root preposition."""
    root = sentence_of(noun).root
    if root.pos_ != "ADP" or noun.i == 0 or noun.doc[noun.left_edge.i - 1].text != ",":
        return False
    head = noun
    while head.i != root.i and head.head.i != head.i:
        head = head.head
    return head.i == root.i


def _shared_passive(v: Token) -> bool:
    """A participle coordinated with a passive verb, with no subject or auxiliary of its own, is passive too
    ("was arrested and charged", "were abducted and killed")."""
    return (v.dep_ == "conj" and v.tag_ == "VBN" and v.head.tag_ == "VBN" and v.head is not v
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj") for c in kids(v))
            and any(c.dep_ in ("nsubjpass", "auxpass") for c in kids(v.head)))


def gapped_passive(v: Token) -> bool:
    """A participle coordinated with a verb, with a subject of its own but no auxiliary and no object, is a passive
    whose "were" the sentence leaves out ("two were killed and dozens | wounded", "left three dead and dozens |
    wounded"): without "have" a participle tells what its subject underwent, which the parser labels its plain subject."""
    return (v.dep_ == "conj" and v.tag_ == "VBN" and v.head.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "nsubj" for c in kids(v))
            and not any(c.dep_ in ("aux", "auxpass", "dobj", "nsubjpass") for c in kids(v)))


def is_passive(v: Token) -> bool:
    """Passive clause, headline passive, or a reduced passive participle ("two priests kidnapped last week"; in a
    headline also one the tagger took for a past tense, which a clause hung on a noun cannot be: "opposition leader
    detained in X"; in a sentence that ends like one, the tagger's past tense may be the main verb the parser missed)."""
    if (any(c.dep_ in ("nsubjpass", "auxpass") for c in kids(v)) or headline_passive(v) or _shared_passive(v)
            or gapped_passive(v) or stated_participle(v)):
        return True
    return ((v.tag_ == "VBN" or v.tag_ == "VBD" and not _ends_like_sentence(v)) and v.dep_ == "acl"
            and not any(c.dep_ in ("nsubj", "aux", "dobj") for c in kids(v))
            and not missed_main_verb(v))


# verbs whose object may be followed by the state it is left, found or kept in, a participle ("left dozens injured",
# "found the guard wounded"; not the causative "had the editor arrested", whose subject had it done)
_STATE_VERBS = frozenset({"leave", "find", "keep", "see"})


def stated_participle(v: Token) -> bool:
    """A participle, with no auxiliary and no object of its own, that says the state the object of a verb of
    :data:`_STATE_VERBS` is in: a passive, whose subject (the parser's, or that verb's object) undergoes it, not does
    it ("the blast left dozens injured": the dozens were injured; "police found the man wounded")."""
    return (v.tag_ == "VBN" and v.dep_ in ("ccomp", "xcomp", "oprd") and v.head.lemma_.lower() in _STATE_VERBS
            and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in kids(v)))


def passive_patients(v: Token) -> list[Token]:
    """Who undergoes a passive verb: its subject, or the noun a participle modifies."""
    subj = [c for c in kids(v) if c.dep_ == "nsubjpass"] or [c for c in kids(v) if c.dep_ == "nsubj" and (headline_passive(v) or gapped_passive(v)
                                                                                                    or stated_participle(v))]
    if not subj and v.dep_ in ("xcomp", "oprd") and stated_participle(v):
        subj = [c for c in kids(v.head) if c.dep_ == "dobj" and c.i < v.i]  # "left dozens | injured": the object
    if len(subj) > 1:
        subj = _outside_dateline(subj)
    if subj:
        if subj[0].lower_ in _RELPRON and v.dep_ == "relcl":
            return conjuncts(v.head)
        return conjuncts(counted(subj[0]))
    if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN"):
        return conjuncts(v.head)
    if _shared_passive(v):
        return passive_patients(v.head)
    if v.dep_ in ("advcl", "pcomp"):
        # a passive clause with no subject of its own ("died after being shot", "freed, having been held for a
        # month") is about the subject of the clause it hangs on
        gov = v.head.head if v.dep_ == "pcomp" and v.head.pos_ == "ADP" else v.head
        if gov.pos_ in ("VERB", "AUX") and gov is not v:
            subj = [c for c in kids(gov) if c.dep_ in ("nsubj", "nsubjpass")]
            if subj and subj[0].lower_ not in _RELPRON:
                return conjuncts(counted(subj[0]))
    return []


_OBJECT_CONTROL_DEPS = ("dobj", "dative")


def _misattached_agent(v: Token) -> list[Token]:
    """The agent of a passive verb that the parser hung on the verb's prepositional object instead ("was imposed on
    the city of X | by the authorities", "were handed to the families | by the army"): a "by" phrase after that object
    or after its "of" phrase, with a determiner, a modifier or a name, or a bare plural that is no means ("beaten with
    sticks | by supporters of X"; not a means: "by road", "by phone", "by trucks")."""
    for c in kids(v):
        if c.dep_ != "prep" or c.lower_ == "by" or c.i < v.i:
            continue
        objs = [o for o in kids(c) if o.dep_ == "pobj"]
        objs += [g for o in objs for p in kids(o) if p.dep_ == "prep" and p.lower_ == "of" for g in kids(p) if g.dep_ == "pobj"]
        for o in objs:  # (and the object of its "of" phrase: "on the family of the envoy | by X")
            for b in kids(o):
                if b.dep_ != "prep" or b.lower_ != "by":
                    continue
                for a in kids(b):
                    if a.dep_ == "pobj" and a.pos_ in ("NOUN", "PROPN") and (
                            a.pos_ == "PROPN" or any(d.dep_ in ("det", "poss", "amod") for d in kids(a))
                            or a.tag_ == "NNS" and a.lemma_.lower() not in knowledge().means):
                        return conjuncts(a)
    return []


_COMPANION_MARKS = frozenset({"along", "together"})  # "along with X", "together with X": X does it beside the subject


def _companions(v: Token, subject: Token) -> list[Token]:
    """Who acts beside the subject, named by "along with", "together with" or "alongside" on the subject or on the
    verb ("the US, along with Britain and France, launched strikes", "Ethiopia, together with Kenya, sent troops"): a
    doer as the subject is (a bare "with" says what the subject has or how it acts: "the man with a gun")."""
    out: list[Token] = []
    for h in (subject, v):
        for c in kids(h):
            if c.dep_ != "prep":
                continue
            if c.lower_ == "alongside" or c.lower_ == "with" and any(m.lower_ in _COMPANION_MARKS for m in kids(c) if m.dep_ == "advmod"):
                out += [t for g in kids(c) if g.dep_ == "pobj" for t in conjuncts(counted(g))]
            elif c.lower_ in _COMPANION_MARKS:
                out += [t for w in kids(c) if w.dep_ == "prep" and w.lower_ == "with"
                        for g in kids(w) if g.dep_ == "pobj" for t in conjuncts(counted(g))]
    return out


def _shared_agent(v: Token) -> list[Token]:
    """The agent of the last of coordinated passive participles, which the parser hangs on that one alone ("were
    beaten and robbed by soldiers", "was detained, questioned and released by the police"): every participle of the
    series is done by it, unless one has a subject of its own (then it is a clause of its own)."""
    cur = v
    for _ in range(4):
        nxt = next((c for c in kids(cur) if c.dep_ == "conj" and c.tag_ == "VBN"), None)
        if nxt is None or any(c.dep_ in ("nsubj", "nsubjpass") for c in kids(nxt)):
            return []
        for c in kids(nxt):
            if c.dep_ == "agent" and not by_means(c):
                pobj = [g for g in kids(c) if g.dep_ == "pobj" and not _measure(g)]
                if pobj:
                    return conjuncts(pobj[0])
        cur = nxt
    return []


_COPULAR = frozenset({"be", "become", "remain"})


def _predicated_subject(v: Token) -> Token | None:
    """The subject of a copula whose predicate noun an infinitive describes: "X became the first country to recognise
    Y", "X is the only party to have backed the bill": X is the one who acts, the noun only says of which kind."""
    if v.dep_ not in ("relcl", "acl") or v.tag_ != "VB" or not has_to(v):
        return None
    noun = v.head
    if noun.pos_ != "NOUN" or noun.dep_ != "attr" or noun.head.lemma_.lower() not in _COPULAR:
        return None
    subject = next((c for c in kids(noun.head) if c.dep_ == "nsubj"), None)
    return None if subject is None or subject.lower_ in _PLACEHOLDERS else subject  # "it was time to act": no one


# words that count a crowd without naming it ("thousands marched", "hundreds of traders")
CROWD_COUNTS = frozenset({"hundreds", "thousands", "dozens", "scores", "millions", "tens"})


def crowd_of_act(tok: Token) -> bool:
    """A crowd count the parser made the number of an act noun of protest, reading a headline's verb as a noun
    ("Thousands rally in X to ...", "Hundreds march against ..."): the count is the crowd that holds the act, a rally
    of thousands, as the subject of the verb would be."""
    head = tok.head
    return (tok.dep_ == "nummod" and tok.lower_ in CROWD_COUNTS and head.i == tok.i + 1 and head.pos_ == "NOUN"
            and any(e.code[:2] == PROTEST_ROOT for e in knowledge().nouns.get(head.lemma_.lower(), ())))


_PLACEHOLDERS = frozenset({"it", "this", "that", "there"})
_FRACTIONS = frozenset({"half", "third", "quarter", "fifth", "tenth", "percent", "cent", "%"})


def _measure(tok: Token) -> bool:
    """A "by" phrase that says by how much, not by whom ("reduced by a third", "fell by 20 percent", "by half")."""
    return tok.lemma_.lower() in _FRACTIONS or tok.ent_type_ in ("PERCENT", "CARDINAL", "MONEY", "QUANTITY") or tok.like_num


def agent_heads(v: Token, depth: int = 0) -> list[Token]:
    """Heads of the agent of verb ``v``; empty when the parse gives none."""
    if depth > 4:
        return []
    # (a "by" the parser labels an agent on a verb with an active subject says how the act was done, not by whom:
    # "X delivered food | by helicopter and road convoy")
    active = any(c.dep_ == "nsubj" for c in kids(v))
    for c in kids(v):
        if c.dep_ == "agent" and not active and not by_means(c):
            pobj = [g for g in kids(c) if g.dep_ == "pobj" and not _measure(g)]
            if pobj:
                return conjuncts(pobj[0])
    if headline_passive(v) or gapped_passive(v) or stated_participle(v):
        return []
    if v.tag_ == "VBG" and v.dep_ not in ("ROOT", "conj", "ccomp", "xcomp", "advcl"):
        for c in kids(v):  # a gerund used as a noun: "shelling by the army", "the killing of X by Y"
            if c.dep_ == "prep" and c.lower_ == "by":
                pobj = [g for g in kids(c) if g.dep_ == "pobj"]
                if pobj:
                    return conjuncts(pobj[0])
    subjects = [c for c in kids(v) if c.dep_ in ("nsubj", "csubj")]
    if not subjects:
        # a subject the parser hung on the verb's auxiliary ("said it | had frozen aid", "it" under "had") is the verb's
        subjects = [c for a in kids(v) if a.dep_ == "aux" and a.i < v.i for c in kids(a) if c.dep_ == "nsubj" and c.i < a.i]
    if len(subjects) > 1:
        # two subjects is a misparse ("N'DJAMENA (AFP) - Chad's government ordered", a hyphenated name cut into
        # pieces): the one nearest before the verb is the subject
        subjects = _outside_dateline(subjects)
        before = [c for c in subjects if c.i < v.i]
        if _headline_pair(before):
            return before  # "Sudan army, RSF agree to ...": a headline's comma is its "and"
        subjects = before[-1:] or subjects[:1]
    if not subjects and v.pos_ == "VERB":
        # a name the parser hung on a verb as a compound, as it does on a noun, is the verb's subject: a headline it
        # read as a noun phrase around the verb ("Manila summons Beijing's envoy after ...")
        subjects = [c for c in kids(v) if c.dep_ == "compound" and c.i < v.i and c.pos_ == "PROPN"][-1:]
    if not subjects and v.dep_ == "ROOT" and v.tag_ in ("VBD", "VBN") and any(c.dep_ == "dobj" for c in kids(v)):
        # a name the parser took for an adverb of the verb right after it ("Sweden | suspended aid to X", a past
        # tense read as a participle) is its subject: a main verb with an object has one, and the name is it
        subjects = [c for c in kids(v) if c.dep_ == "npadvmod" and c.right_edge.i + 1 == v.i
                    and c.pos_ == "PROPN" and c.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")]
    for c in subjects:
        pair = _comma_pair(c, v)
        if pair:
            return pair
        if c.lower_ in _RELPRON and v.dep_ == "relcl":
            return conjuncts(v.head)
        if in_dateline(c):
            c = _after_dateline(c) or c  # "SEOUL, May 2 -- The ministry decided": the parser made the place the subject
        c = participle_read_as_head(c) or c  # "ministers | meeting in Cairo expressed": the ministers
        c = opening_participle_subject(c, v) or c  # "Speaking in X, the chairman, Y, accused": the chairman
        return conjuncts(counted(c)) + _companions(v, c)
    opening = next((c for c in kids(v) if c.dep_ == "advcl" and c.i < v.i), None) if not subjects else None
    found = opening_participle_subject(opening, v) if opening is not None else None
    if found is not None:
        return conjuncts(counted(found))  # "Campaigning in Kaduna, the city, the candidate, X, accused": the candidate
    if v.dep_ == "ROOT" and not any(c.dep_ in ("nsubjpass", "auxpass", "expl") for c in kids(v)):
        held = _held_by_dateline(v)
        if held is not None:
            return conjuncts(counted(held))
    if missed_main_verb(v):
        return conjuncts(counted(participle_subject(v)))
    described = described_subject(v)
    if described is not None:
        return conjuncts(counted(described))
    if is_passive(v):
        return _shared_agent(v) or _misattached_agent(v)
    if v.dep_ == "xcomp":
        head = v.head
        if head.pos_ == "ADJ" and head.dep_ == "acomp" and head.head.pos_ in ("AUX", "VERB"):
            head = head.head  # "X is willing to grant": the one who is willing grants
        obj = [c for c in kids(head) if c.dep_ in _OBJECT_CONTROL_DEPS and c.i < v.i]
        if obj and not _instrument_verb(head) and not protest_on_meeting(head, v) and not _protest_over_a_thing(obj[0], v):
            return conjuncts(obj[0])  # "urged the government to release": the government releases
        if is_passive(head) and not obj:
            patients = passive_patients(head)  # "X was urged by Y to release", "X was ordered to leave": X does it
            if patients:
                return patients
        return agent_heads(head, depth + 1)
    if v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX"):
        if v.head.dep_ == "ccomp" and v.head.head.pos_ in ("VERB", "AUX") and _speaker_act(v):
            return agent_heads(v.head.head, depth + 1)  # "warned that X faced hunger and urged Y to ...": the warner urges
        return agent_heads(v.head, depth + 1)
    if is_purpose_infinitive(v) and v.head.pos_ in ("VERB", "AUX"):
        return agent_heads(v.head, depth + 1)  # a purpose infinitive: "X marched to demand Y" -> X demands
    if (v.dep_ == "advcl" and v.tag_ == "VBG" and v.head.dep_ == "ccomp" and v.head.head.pos_ in ("VERB", "AUX")
            and v.i > 0 and v.doc[v.i - 1].text == "," and (_speaker_act(v) or v.lemma_.lower() in knowledge().namings)):
        # "X said rebels had shelled the town, describing it as a war crime": a participle of speech or of naming
        # (event_namings.tsv: "calling it", "branding it") the parser hung on the reported clause after its comma is
        # the reporter's, who speaks again
        return agent_heads(v.head.head, depth + 1)
    if v.dep_ in ("advcl", "pcomp") and v.tag_ == "VBG" and v.head.pos_ in ("VERB", "AUX"):
        return agent_heads(v.head, depth + 1)  # "X shelled the town, killing ...": the participle's agent is X
    if v.dep_ == "pcomp" and v.tag_ == "VBG" and v.head.pos_ == "ADP" and v.head.dep_ == "prep" \
            and v.head.head.pos_ in ("VERB", "AUX"):
        return _gerund_controller(v.head.head, v.head.lower_, depth)
    if v.dep_ == "pcomp" and v.tag_ == "VBG" and v.head.dep_ == "prep" and v.head.head.pos_ == "ADJ" \
            and v.head.head.dep_ == "acomp" and v.head.head.head.pos_ in ("VERB", "AUX"):
        return agent_heads(v.head.head.head, depth + 1)  # "X is open to resuming talks", "committed to holding": X
    predicated = _predicated_subject(v)
    if predicated is not None:
        return conjuncts(counted(predicated))
    if v.dep_ == "acl" and v.tag_ == "VB" and v.head.pos_ == "NOUN" and has_to(v):
        return _plan_owner(v.head, depth)
    if _purpose_read_as_relative(v):
        return agent_heads(v.head.head, depth + 1)  # "drivers blocked the road | to protest": the drivers protest
    if v.dep_ == "relcl" and v.head.pos_ in ("NOUN", "PROPN"):
        # (a headline's pair before an infinitive the parser read as a relative: "Putin, Erdogan to meet in X")
        return _comma_pair(v.head, v) or conjuncts(v.head)
    if v.dep_ == "attr" and v.tag_ == "VBG" and v.head.lemma_.lower() == "be":
        # a progressive the parser read as "be" with a gerund for its predicate ("Qatar is | mediating between X and
        # Y"): the subject of "be" is the verb's
        subjects = [c for c in kids(v.head) if c.dep_ == "nsubj" and c.i < v.i]
        if subjects:
            return conjuncts(counted(subjects[0]))
    if v.dep_ == "acl" and v.tag_ == "VBG" and v.head.dep_ in ("dobj", "conj") and v.head.lemma_.lower() in knowledge().enactments \
            and v.head.head.pos_ in ("VERB", "AUX"):
        # "passed a law banning protests", "issued a decree dissolving the council": whoever passed or issued it does
        # what it does
        return agent_heads(v.head.head if v.head.dep_ == "dobj" else v.head.head.head, depth + 1) or conjuncts(v.head)
    if v.dep_ == "acl" and v.tag_ == "VBG" and v.head.pos_ in ("NOUN", "PROPN"):
        return conjuncts(v.head)  # "gunmen firing on a crowd"
    if v.tag_ in ("VBD", "VBZ", "VBP") and v.dep_ in ("advcl", "parataxis", "conj"):
        return _previous_subject(v)  # a finite verb whose subject was elided (or lost to a missing "and")
    if v.tag_ in ("VBD", "VBZ", "VBP") and v.dep_ == "ROOT":
        return _adjacent_subject(v)
    return []


_PROTESTING_ROOTS = ("10", "11", "13", "14")  # demand, disapprove, threaten, protest


_PAIRED_NAMES = ("GPE", "NORP", "ORG", "PERSON")


def comma_paired(tok: Token) -> bool:
    """``tok`` is the second name of a headline's opening comma pair that the parser made the first one's apposition
    ("Russia, | Ukraine agree ..."): another party, no part of the first one's phrase."""
    sent = sentence_of(tok)
    return (tok.dep_ == "appos" and tok.i == sent.start + 2 and tok.head.i == sent.start
            and _comma_pair(tok.head, tok.head.head) == [tok.head, tok])


def _headline_pair(subjects: list[Token]) -> bool:
    """Two subjects of one verb, joined by a comma alone, in a headline (no final stop): the headline's "and"
    between two parties ("Sudan army, RSF agree ..."), which the parser gave the verb as two subjects. Each names a
    party: a name, a noun with a name before it, or an agent noun ("Government, rebels sign ...")."""
    if len(subjects) != 2:
        return False
    first, second = subjects
    if _ends_like_sentence(first) or first.right_edge.i + 2 != second.left_edge.i:
        return False
    return first.doc[first.right_edge.i + 1].text == "," and all(
        t.pos_ == "PROPN" or any(c.pos_ == "PROPN" and c.i < t.i for c in t.children) or _agent_word(t)
        for t in subjects)


def _comma_pair(c: Token, v: Token) -> list[Token]:
    """Two names that open a headline joined by a comma, the headline's "and" ("Kenya, Uganda agree to ...", "Russia,
    Ukraine Agree To ..."): both are the subject, whichever of them the parser made it (the other its apposition, a
    second subject or an adverb of the verb). Only at the sentence's start, two states, peoples, bodies or persons by
    name (persons only before the verb: "Erdogan, Putin hold talks"), or two agent nouns ("Police, protesters clash ...")."""
    sent = sentence_of(c)
    first = sent[0]
    if len(sent) < 4 or sent[1].text != ",":
        return []
    second = sent[2]
    names = _one_word_name(first) and _one_word_name(second)
    if (not all(_one_word_name(t) or _agent_word(t) for t in (first, second)) or sent[3].ent_iob_ == "I"
            or not names and sent[3].pos_ not in ("VERB", "AUX", "PART")):
        return []  # (each a one-word name: "Egypt, Sudan"; a longer one is read as the parser reads it)
    infinitive = sent[3].lower_ == "to" and len(sent) > 4 and sent[4].pos_ in ("VERB", "AUX")  # "Putin, Erdogan to meet"
    if any(t.ent_type_ == "PERSON" for t in (first, second)) and sent[3].pos_ not in ("VERB", "AUX") and not infinitive:
        return []  # two leaders' surnames ("Erdogan, Putin hold talks") only before the verb: a list of names is no pair
    if c.i == first.i and second.dep_ == "appos" and second.head.i == first.i:
        return [first, second]
    if c.i == second.i and first.head.i == v.i and first.dep_ in ("nsubj", "npadvmod", "appos", "dep", "advcl"):
        return [first, second]
    return []


def _one_word_name(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.ent_type_ in _PAIRED_NAMES and tok.ent_iob_ == "B"


def _agent_word(tok: Token) -> bool:
    """A common noun of the agents dictionaries standing alone ("police", "rebels"), no thing."""
    return tok.pos_ == "NOUN" and not _a_thing(tok)


def protest_on_meeting(head: Token, v: Token) -> bool:
    """A verb of meeting or calling in (CAMEO 04: "summoned the envoy", "met the ambassador") whose infinitive is a
    protest, a complaint or a demand ("summoned the envoy to protest against the raid"): the infinitive says what the
    meeting is for, and the one who called it does it; the one called in hears it (its target, :mod:`.frames`)."""
    kb = knowledge()
    head_codes = kb.verb_codes(head.lemma_.lower())
    own = kb.verb_codes(v.lemma_.lower())
    return (bool(head_codes) and all(c.startswith("04") for c in head_codes)
            and bool(own) and all(c.startswith(_PROTESTING_ROOTS) for c in own))


def _protest_over_a_thing(obj: Token, v: Token) -> bool:
    """The object before an infinitive of protest, demand or threat names a thing or a place, which does none of these
    ("truckers block highway to protest tolls": the truckers protest, the highway is what they block)."""
    own = knowledge().verb_codes(v.lemma_.lower())
    return _a_thing(obj) and bool(own) and all(c.startswith(_PROTESTING_ROOTS) for c in own)


def _a_thing(tok: Token) -> bool:
    """A common noun with no entity type that is no agent noun: a thing or a place, never a party."""
    return (tok.pos_ == "NOUN" and not tok.ent_type_ and not is_agent_phrase(tok.lower_)
            and not is_agent_phrase(tok.lemma_.lower()) and knowledge().agents.get(tok.lemma_.lower()) is None)


def _instrument_verb(v: Token) -> bool:
    """A verb of using (PETRARCH2's UTILIZE block: "use", "employ", "wield"): its object is the means, and the one who
    uses it does what its complement says ("police used batons to disperse the crowd": the police disperse)."""
    return knowledge().verb_in_block(v.lemma_.lower(), INSTRUMENT_BLOCK)


# A gerund after "of", "for" or "with" on a verb with an object, or on a passive, names the charge or the reason
# ("accused the militia of shelling", "arrested for looting", "charged with fraud"): an allegation, not an act
# the text reports, so it gets no agent. After "from" or "into" the object does it ("barred the envoy from
# entering", "pressed the rebels into signing"); after other prepositions the gerund shares the subject of its
# clause ("X committed to holding talks", "X fled after shelling the town").
_CHARGE_PREPS = {"of", "for", "with"}
_OBJECT_CONTROL_PREPS = {"from", "into", "against"}
# After "against" the act is opposed, not done ("warned NATO against deploying troops": NATO would deploy; "voted
# against sending troops": nobody sends): with no object, no one does it
_OPPOSED_PREPS = {"against"}


def _gerund_controller(gov: Token, prep: str, depth: int) -> list[Token]:
    """Who does what a gerund after a preposition names (see above)."""
    obj = [c for c in kids(gov) if c.dep_ in _OBJECT_CONTROL_DEPS and c.pos_ in ("NOUN", "PROPN", "PRON")]
    passive = is_passive(gov)
    if prep in _CHARGE_PREPS and (obj or passive):
        return []
    if prep == "by" and obj and any(k.dep_ == "prep" and k.lower_ in _CHARGE_PREPS and any(g.tag_ == "VBG" for g in kids(k))
                                    for k in (*kids(gov), *kids(obj[0]))):  # (the charge's "of" hung on the verb or its object)
        return []  # "accused X of escalating tensions by sending troops": how the charge says X did it, a charge too
    if prep in _OBJECT_CONTROL_PREPS and obj:
        return conjuncts(counted(obj[0]))
    if prep in _OPPOSED_PREPS:
        return []
    if passive and prep == "by":
        return []  # the passive's own "by" names its cause ("families cut off by fighting"): who fights is not said
    if passive:
        return passive_patients(gov)
    return agent_heads(gov, depth + 1)


def _purpose_read_as_relative(v: Token) -> bool:
    """An infinitive the parser hung on a verb's object as a relative clause ("blocked the main road | to protest against
    prices", "seized the airport | to stop the flights") where the object names no one who could do it: a thing or a
    place does not protest; the infinitive is the purpose of the verb, whose agent does it. An object that names a
    person, a group or a state may be the infinitive's doer ("chose a general to lead the army") and keeps it."""
    obj = v.head
    return v.dep_ == "relcl" and v.tag_ == "VB" and has_to(v) and obj.dep_ == "dobj" and obj.head.pos_ == "VERB" and _a_thing(obj)


def _plan_owner(noun: Token, depth: int) -> list[Token]:
    """Who would do what an infinitive on a noun of intent names ("the ministry's plan to expel", "reached a deal to
    free"): the noun's possessor, or the name or nationality that stands for one ("the U.S. decision to impose", "the
    Russian plan to"), else the agent of the verb the noun is the object of (who made the plan), unless that verb
    is a reaction to another's plan (praise, criticism, rejection: "Iran condemned the decision to impose sanctions"
    is no decision of Iran's)."""
    for c in kids(noun):
        if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN"):
            return conjuncts(c)
    for c in kids(noun):
        if c.i < noun.i and (c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ in _OWNER_NAMES
                             or c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE")):
            return [c]
    if noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX"):
        codes = knowledge().verb_codes(noun.head.lemma_.lower(), alone=True)
        if codes and all(code[:2] in _REACTION_ROOTS for code in codes) or noun.head.lemma_.lower() in PREVENTERS:
            return []  # (nor by one who foils it: "police foiled a plot to bomb the stadium")
        return agent_heads(noun.head, depth + 1)
    return []


_OWNER_NAMES = frozenset({"GPE", "ORG", "NORP", "PERSON"})
_REACTION_ROOTS = frozenset({"05", "11", "12"})  # support, disapprove, reject: said of another's act


def _held_by_dateline(v: Token) -> Token | None:
    """The subject of a subjectless main verb that the parser hung on the dateline ("By A B Hyderabad: Senior leader
    C D on Sunday hit out at ..." makes C D an apposition of the place): the head of the first phrase after the
    dateline, before the verb, that is attached inside the dateline."""
    sent = sentence_of(v)
    end = dateline_end(sent)
    if end <= sent.start:
        return None
    for t in v.doc[end : v.i]:
        if t.head.i < end and t.pos_ in ("NOUN", "PROPN"):
            return t
    return None


def _adjacent_subject(v: Token) -> list[Token]:
    """A subjectless finite main verb right after a noun the parser attached elsewhere ("In X, A and B decided"):
    that noun (with its coordination) is the subject."""
    i = v.i - 1
    start = sentence_of(v).start
    while i >= start and v.doc[i].pos_ in ("ADV", "AUX", "PART"):
        i -= 1
    if i < start:
        return []
    n = v.doc[i]
    if n.pos_ not in ("NOUN", "PROPN"):
        return []
    while n.dep_ == "conj" and n.head.pos_ in ("NOUN", "PROPN") and n.head.i < n.i and n.head.dep_ not in ("pobj", "dobj"):
        n = n.head  # climb to the first conjunct, but not into a prepositional or object phrase ("in X, A and B")
    return conjuncts(n)


def _speaker_act(v: Token) -> bool:
    """A verb coordinated with the clause another verb reports, that is itself an act of speech: a statement, an
    appeal, an accusation or a rejection (CAMEO 01, 02, 11, 12), or a demand or a threat with a clause of its own
    ("urged donors to give", "warned that ..."). The parser hangs it on the reported clause's verb, but the one who
    reports is the one who speaks again; a deed ("said the rebels attacked and looted") stays with the clause's
    subject."""
    codes = knowledge().verb_codes(v.lemma_.lower(), alone=True)
    if not codes:
        return False
    if all(c[:2] in _SPOKEN_ROOTS for c in codes):
        return True
    return (all(c[:2] in _SPOKEN_ROOTS | _SPOKEN_WITH_CLAUSE_ROOTS for c in codes)
            and any(c.dep_ in ("xcomp", "ccomp") for c in kids(v)))


_SPOKEN_ROOTS = frozenset({"01", "02", "11", "12"})
_SPOKEN_WITH_CLAUSE_ROOTS = frozenset({"10", "13"})


def _previous_subject(v: Token) -> list[Token]:
    """The subject of the nearest finite clause before ``v`` in its sentence."""
    start = sentence_of(v).start
    for i in range(v.i - 1, start - 1, -1):
        w = v.doc[i]
        if w.pos_ in ("VERB", "AUX") and w.tag_ in ("VBD", "VBZ", "VBP"):
            subj = [c for c in kids(w) if c.dep_ == "nsubj" and c.i < w.i]
            if subj:
                return conjuncts(counted(subj[0]))
    return []


def after_comma(tok: Token) -> bool:
    """The phrase opens after a comma ("met in Beijing, their first meeting in years"): an apposition that sums up the
    clause, which the parser may read as the verb's object; an object follows its verb with no comma between."""
    edge = tok.left_edge
    return edge.i > 0 and tok.doc[edge.i - 1].text == ","


def object_heads(v: Token) -> list[Token]:
    """Direct / dative objects and predicates of ``v`` (not times, but a sum of money and a deadline given to a
    recipient); a count stands for what it counts. A second
    direct object after a comma sums up the clause ("delivered rice to X, its first shipment there"): no object."""
    out = []
    first = next((c.i for c in kids(v) if c.dep_ == "dobj"), None)
    for c in kids(v):
        if c.dep_ == "dobj" and c.i != first and after_comma(c):
            continue
        deadline = (c.dep_ in ("dobj", "npadvmod") and c.lemma_.lower() in TIME_UNITS and not after_comma(c)
                    and any(n.dep_ == "nummod" for n in kids(c))
                    and any(d.dep_ in ("dative", "dobj") and d.i < c.i and not is_time(d) for d in kids(v)))  # "gave X | 48 hours"
        if c.dep_ == "prt" and c.i > v.i:
            out.extend(o for g in particle_objects(v) for o in conjuncts(counted(g)))
            continue
        if c.dep_ in ("dobj", "dative", "attr", "oprd") or deadline:
            if c.dep_ == "dative" and c.pos_ == "ADP":
                # the parser labels a prepositional recipient's "to"/"for" as the dative ("granted asylum to X"):
                # the recipient is its object
                c = next((g for g in kids(c) if g.dep_ == "pobj"), None)
                if c is None:
                    continue
            c = counted(c)
            if not is_time(c) or c.ent_type_ == "MONEY" and c.pos_ in ("NOUN", "NUM") or deadline:
                # (a sum of money is what is given or lent, "provided 4 billion dollars", "provided $4 billion", and a
                # span of time given to someone is a deadline, "gave the rebels two weeks to surrender": the objects
                # of GRANT's money patterns and of its "hours" / "weeks" patterns, an ultimatum; no participants)
                out.extend(conjuncts(c))
                out.extend(object_predicates(c))
    if not out and finite_modifier(v):
        out.extend(conjuncts(modified_phrase(v)))
    if not out:
        # an object the parser hung on the state word right after the verb ("shot | dead four villagers": "dead" read as
        # the verb's complement, the villagers as its object) is the verb's
        out.extend(o for c in kids(v) if c.dep_ in ("acomp", "oprd") and c.pos_ == "ADJ" and c.i == v.i + 1
                   for g in kids(c) if g.dep_ == "dobj" and g.pos_ in ("NOUN", "PROPN") for o in conjuncts(counted(g)))
    if not out:
        out.extend(clause_read_objects(v))
        for c in kids(v):
            if c.dep_ == "ccomp" and c.i > v.i and c.left_edge.i == v.i + 1 and c.left_edge.lower_ == "what":
                out.extend(_named_by_free_relative(c))
            elif c.dep_ == "ccomp" and c.pos_ == "ADJ" and c.i > v.i:
                out.extend(small_clause(v, c))
    return out


def particle_objects(v: Token) -> list[Token]:
    """The object the parser hung on the verb's particle, as if the particle were a preposition ("broke off | diplomatic
    relations", "called off | the strike" with the noun read as the particle's object): the verb's object."""
    return [g for c in kids(v) if c.dep_ == "prt" and c.i > v.i for g in kids(c) if g.dep_ == "pobj"]


def clause_read_objects(v: Token) -> list[Token]:
    """An object with a participle after it ("attacked farmers tending their fields"), which the parser read as the
    subject of a clause of its own: the noun right after the verb is the verb's object. Also a participle of a
    reduced relative read as a finite verb ("captured a drug lord wanted for murder", :func:`misread_relative`). And
    the one a bare or "to" infinitive is said of ("helped X rebuild", "let the convoy pass", "allowed the inspectors
    to enter"), read as the subject of a clause: the verb acts on them (the help is X's, as in "helped X to
    rebuild"). Not a finite clause with a modal ("said the army will withdraw"), whose subject is no object."""
    out: list[Token] = []
    for c in kids(v):
        if c.i < v.i:
            continue
        if c.dep_ in ("advcl", "ccomp", "xcomp") and (c.tag_ == "VBG" or misread_relative(c)):
            tags = ("NOUN", "PROPN")
        elif c.dep_ == "ccomp" and c.tag_ == "VB" and not any(k.dep_ == "mark" or k.dep_ == "aux" and k.tag_ != "TO" for k in kids(c)):
            tags = ("NOUN", "PROPN", "PRON")  # (an infinitive's subject may be a pronoun: "helped them rebuild")
        else:
            continue
        subj = [s for s in kids(c) if s.dep_ == "nsubj" and s.left_edge.i == v.i + 1 and s.pos_ in tags]
        if subj:
            out.extend(conjuncts(counted(subj[0])))
    return out


def small_clause(v: Token, adj: Token) -> list[Token]:
    """An object and its predicate that the parser read as a clause of their own, the object its subject ("found the
    militia leader guilty", "declared the two men innocent"): the noun right after the verb is the verb's object and
    the adjective its predicate, when a dictionary pattern of the verb names that adjective (as object_predicates)."""
    subj = [s for s in kids(adj) if s.dep_ == "nsubj" and s.left_edge.i == v.i + 1 and s.pos_ in ("NOUN", "PROPN", "PRON")]
    if not subj:
        return []
    if adj.lower_ not in pattern_object_words(v.lemma_.lower()):
        return []
    out = list(conjuncts(counted(subj[0])))
    out.append(adj)
    return out


def object_predicates(obj: Token) -> list[Token]:
    """The predicate of a direct object that the parser hung on it as an adjective after it ("found the colonel
    guilty", "found two men dead"), when a dictionary pattern of the verb names that word: a word of the verb's frame,
    not part of the object's name. Other adjectives after an object modify it ("arrested the men responsible")."""
    if obj.dep_ != "dobj":
        return []
    out = [g for g in kids(obj) if g.dep_ == "amod" and g.pos_ == "ADJ" and g.i > obj.i]
    if not out:
        return []
    named = pattern_object_words(obj.head.lemma_.lower())
    return [g for g in out if g.lower_ in named]


def pattern_object_words(lemma: str) -> set[str]:
    """The object words the dictionary patterns of a verb's blocks name ("guilty" for "find", "convict")."""
    kb = knowledge()
    return {w for e in kb.verbs_by_lemma.get(lemma, ()) for p in kb.patterns.get(e.block, ())
            if p.object is not None for w in p.object.heads}


def finite_modifier(v: Token) -> bool:
    """A past tense with a subject of its own that the parser hung as a modifier on the noun after it, when a title
    or a role noun opens the object's name ("the court sentenced | journalist X", read as "sentenced journalist"):
    a finite verb, whose object is the phrase it hangs on (:func:`object_heads`). A participle that modifies a noun
    ("the detained reporters") has no subject, and a count the parser made one is none ("113 looted bronzes"); a past
    form the tagger read as a participle with a subject of its own ("the army chief | placed troops on alert") is
    finite too."""
    return (v.dep_ == "amod" and v.tag_ in ("VBD", "VBN") and v.i < v.head.i
            and any(c.dep_ == "nsubj" and c.i < v.i and c.pos_ in ("NOUN", "PROPN", "PRON") for c in kids(v)))


def modified_phrase(v: Token) -> Token:
    """The head of the noun phrase a finite modifier hangs on (up its chain of compounds)."""
    head = v.head
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head
    return head


def misread_relative(c: Token) -> bool:
    """A reduced relative the parser read as a clause of the verb before it, its noun as the clause's subject
    ("captured a drug lord wanted for murder"): the noun is that verb's object (:func:`object_heads`)."""
    return (c.dep_ in ("advcl", "ccomp") and c.head.i < c.i and _reduced_relative(c) and _acts_on_objects(c.head)
            and any(s.dep_ == "nsubj" and s.left_edge.i == c.head.i + 1 for s in kids(c)))


# CAMEO roots of verbs that report, claim, demand or warn: their complement may be a whole clause ("said protesters
# gathered in the square" reports a gathering), so a participle after their object is no misread relative
_CLAUSE_TAKING_ROOTS = ("01", "10", "11", "13")


def _acts_on_objects(v: Token) -> bool:
    """The dictionary codes ``v`` by default as an act done to someone ("released", "captured"), not as a verb of
    speech, claim, demand or warning, and not as a verb it does not code at all ("reported", "believed"). A verb
    with a code of force among its defaults acts on its object even when another of its senses is a statement
    (police "disperse" a crowd; nobody disperses a clause)."""
    codes = knowledge().verb_codes(v.lemma_.lower())
    if any(code[:2] in FORCE_ROOTS for code in codes):
        return True
    return bool(codes) and not any(code.startswith(_CLAUSE_TAKING_ROOTS) for code in codes)


def _reduced_relative(c: Token) -> bool:
    """A past participle with no object or clause of its own, before a preposition or a time ("wanted for murder",
    "accused of fraud", "held since March", "detained last week"): a noun's reduced relative clause, whatever tense
    the tagger gave it."""
    if c.tag_ not in ("VBN", "VBD") or c.i + 1 >= len(c.doc):
        return False
    if any(k.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd", "aux", "auxpass") and not _misread_place(k) for k in kids(c)):
        return False
    nxt = next((k for k in kids(c) if k.i > c.i and k.left_edge.i == c.i + 1), None)
    return nxt is not None and (nxt.dep_ == "prep" or nxt.dep_ == "npadvmod" and is_time(nxt) or _misread_place(nxt))


PLACE_PREPS = ("in", "inside", "near", "outside", "across")


def _misread_place(k: Token) -> bool:
    """A place phrase the tagger read as an object, its preposition as an adjective ("gathered | outside parliament",
    "outside" tagged JJ before a bare noun): no object of the verb."""
    edge = k.left_edge
    return k.dep_ == "dobj" and edge.i < k.i and edge.lower_ in PLACE_PREPS and edge.dep_ in ("amod", "advmod")


def _named_by_free_relative(clause: Token) -> list[Token]:
    """What a free relative object names ("shelled what the army said were rebel depots", "hit what they called
    / described as training camps"): the predicate of its clause, or of the clause that clause reports; what the
    act hit, not who described it. An act the clause names ("condemned what it called a massacre") is none: it is
    coded as an act of its own, which the governing verb answers."""
    head = free_relative_head(clause)
    return [] if head is None or head.lemma_.lower() in knowledge().nouns else conjuncts(head)


def free_relative_head(clause: Token) -> Token | None:
    """The head of what a free relative's clause names ("what it called X", "what they described as X", "what the
    army said were X"): the predicate of the clause, or of the clause it reports (counted); None when it names none."""
    h = clause
    for _ in range(3):
        for c in kids(h):
            if c.dep_ in ("attr", "oprd"):
                named = [c]
            elif c.dep_ == "prep" and c.lower_ == "as":
                named = [g for g in kids(c) if g.dep_ == "pobj"]
            else:
                continue
            if named:
                return counted(named[0])
        h = next((c for c in kids(h) if c.dep_ in ("ccomp", "xcomp") and c.i > h.i), None)
        if h is None:
            break
    return None


# Nouns that hold what their compound names ("an aid package", "the alert level", "a bombing campaign"): the
# compound says what the phrase is about, as the counted noun does for a count; and the loads and vehicles goods are
# sent in ("30 trucks of food", "an aid convoy", "a shipment of vaccines"): what is sent is what they carry; and a team
# of people, who are what is sent ("a team of doctors", "a team of investigators"); and a service, which is the
# thing its compound names, provided ("internet services" suspended are the internet cut off, "ferry services" the
# ferries stopped)
_CONTAINER_NOUNS = {"package", "programme", "program", "scheme", "level", "status", "campaign",
                    "truck", "lorry", "convoy", "truckload", "planeload", "shipload", "boatload", "shipment",
                    "consignment", "cargo", "batch", "airlift", "team", "service"}
# Nouns of a state of readiness that the tagger reads as an adjective before a container ("raised its alert level",
# "the alert status of its forces"): the state is what the container holds, as a noun compound's would be
_STATE_NOUNS = frozenset({"alert"})


# Vehicles, and what a participle after one says it carries ("planes loaded with tents", "trucks carrying flour")
_VEHICLE_NOUNS = frozenset({"truck", "lorry", "convoy", "plane", "aircraft", "airplane", "jet", "helicopter", "ship",
                            "vessel", "boat", "barge", "ferry", "train", "van", "vehicle", "flight"})
_LOADED = frozenset({"load", "laden", "pack", "fill", "stack", "stuff", "cram"})
_CARRYING = frozenset({"carry", "transport", "bear", "ferry", "haul"})


def contained(tok: Token) -> Token | None:
    """The noun a container noun holds ("aid" of "a $50 billion aid package", "alert" of "its military alert level",
    "readiness" of "a higher state of combat readiness"): its compound right before it, else the noun of its "of"
    phrase; or what a vehicle is said to carry ("two planes loaded with tents", "a convoy carrying flour"); or None."""
    low = tok.lemma_.lower()
    if low in _VEHICLE_NOUNS:
        load = _carried(tok)
        if load is not None:
            return load
    if low not in _CONTAINER_NOUNS or tok.i == 0:
        return None
    prev = tok.doc[tok.i - 1]
    if prev.head.i == tok.i and (prev.dep_ == "compound" and prev.pos_ == "NOUN"
                                 or prev.dep_ in ("amod", "compound") and prev.lower_ in _STATE_NOUNS):
        return prev
    return next((g for c in kids(tok) if c.dep_ == "prep" and c.lower_ == "of" for g in kids(c) if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)


CONTAINER_DEPTH = 2  # containers read within containers ("a convoy of | trucks carrying | food")


def held_within(tok: Token) -> list[Token]:
    """What ``tok`` holds, :data:`CONTAINER_DEPTH` containers deep (:func:`contained`): "a convoy of trucks carrying
    food" holds the trucks and the food."""
    out: list[Token] = []
    for _ in range(CONTAINER_DEPTH):
        tok = contained(tok)
        if tok is None:
            break
        out.append(tok)
    return out


def _carried(vehicle: Token) -> Token | None:
    for c in kids(vehicle):
        if c.dep_ != "acl" or c.i < vehicle.i:
            continue
        verb = c.lemma_.lower()
        if c.tag_ == "VBN" and verb in _LOADED:
            return next((g for p in kids(c) if p.dep_ == "prep" and p.lower_ == "with" for g in kids(p) if g.dep_ == "pobj"), None)
        if c.tag_ == "VBG" and verb in _CARRYING:
            return next((g for g in kids(c) if g.dep_ == "dobj"), None)
    return None


def counted(tok: Token) -> Token:
    """"dozens of protesters", "three of them", "a group of soldiers" -> the noun counted (else the token); a sum of
    money, what it is in ("$50 million in emergency relief", "2 billion euros in loans": the relief, the loans)."""
    money = tok.ent_type_ == "MONEY" or (tok.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in kids(tok))
                                          and tok.lemma_.lower() in knowledge().currencies)  # "90 million euros" untagged
    if tok.like_num or tok.pos_ == "NUM" or tok.ent_type_ in ("CARDINAL", "QUANTITY") or money or tok.lemma_.lower() in _COUNT_NOUNS:
        preps = ("of", "in") if money else ("of",)
        for c in kids(tok):
            if c.dep_ == "prep" and c.lower_ in preps:
                for g in kids(c):
                    if g.dep_ == "pobj" and (c.lower_ == "of" or g.pos_ == "NOUN" and not g.ent_type_ and not is_time(g)):
                        return g
    return tok


_DATELINE_KEY = "newsevents.events.datelines"


def dateline_end(sent: Span) -> int:
    """``_dateline_end`` once per sentence (kept in ``doc.user_data``)."""
    cache = sent.doc.user_data.get(_DATELINE_KEY)
    if cache is None:
        cache = sent.doc.user_data[_DATELINE_KEY] = {}
    end = cache.get(sent.start)
    if end is None:
        end = cache[sent.start] = _dateline_end(sent)
    return end


def _dateline_end(sent: Span) -> int:
    """Doc index of the first token after a dateline ("SEOUL, Nov. 26 (Xinhua) --", "CUTTACK:"), else the sentence start:
    the test of :mod:`..datelines`, for a dateline its component did not split off (one inside a sentence the parser
    joined across a paragraph, or a text parsed without the component)."""
    return datelines.dateline_end(sent.doc, sent.start, sent.end)


def _after_dateline(tok: Token) -> Token | None:
    """The first noun of ``tok``'s phrase that stands after the dateline ``tok`` is part of."""
    end = dateline_end(sentence_of(tok))
    for t in tok.subtree:
        if t.i >= end and t.head.i < end and t.pos_ in ("NOUN", "PROPN"):
            return t
    return None


def in_dateline(tok: Token) -> bool:
    return tok.i < dateline_end(sentence_of(tok))
