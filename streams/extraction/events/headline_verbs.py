"""Give a headline back the verb the parser took for a noun.

A headline drops its articles and writes its verb in the present tense, and the small model reads some of them as a
noun phrase: "Police detain opposition leader" parses as one noun phrase whose head is "leader", with "detain" an
adjective; "Japan pledges aid to Turkey" makes "pledges" a plural noun. The act then has no verb, and the sentence
codes nothing. A sentence parsed that way is a noun phrase with a subject hung on it (an ``nsubj`` under a noun root),
which no well-formed reading gives. Where a modifier of the root, in no name, before it is a form of a verb of the
event dictionary and the phrase's one subject comes before that word and agrees with it in number (a plural
subject and the base form, a singular subject and the "-s" form), the word is the verb: the subject becomes its,
the root its object. Only the arcs of those three words change. The root may itself be the verb ("Hundreds march
against austerity": a plural subject or count noun right before a verb form that agrees with it), or the parser may
have read the verb as an auxiliary of the noun after it, taken for a verb ("Colombia signs ceasefire with X"), or
the infinitive the verb governs as the root ("Court orders government to release activist"), or the verb an
adjective of the same form with an object of its own ("Taliban free two detained nationals").
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from ..actor_dictionary import is_agent_phrase
from ..doc_index import per_doc
from .knowledge import Knowledge, knowledge
from .participants import ACTOR_ENTITY_TYPES
from .slots import forget_children, is_time, kids, sentence_of

# (a verb form may also hang on the noun root as its auxiliary; a root the parser took for a verb is
# _verb_read_as_auxiliary's case: "Colombia signs ceasefire")
_MODIFIER_DEPS = {"amod", "compound", "nmod", "aux"}
_PLURAL_TAGS = {"NNS", "NNPS"}


def restore_headline_verb(sent: Span, kb: Knowledge) -> Token | None:
    """Re-attach the verb of a verbless noun-phrase reading of ``sent`` (see module doc); the verb, or None."""
    root = sent.root
    if root.pos_ == "VERB":
        return (_verb_read_as_auxiliary(root, kb) or _verb_before_infinitive(root, kb) or _object_read_as_adverb(root, kb)
                or _verb_after_place(root, kb))
    if root.pos_ == "ADJ":
        return _adjective_read_for_verb(root, kb)
    if root.pos_ not in ("NOUN", "PROPN"):
        return None
    infinitive = next((c for c in root.children if c.dep_ == "xcomp" and c.i > root.i and _marked_infinitive(c)), None)
    if infinitive is not None:
        return _verb_before_infinitive(infinitive, kb, root)
    # (a gerund after a preposition is no finite verb, whether the parser made it the preposition's complement or its
    # object: "... over firing", "... at | X crossing"; nor is a name the tagger read as a verb after "to", an
    # infinitive's place: "halts aid to | Zambia")
    # (nor is a participle clause on a noun: "... journalist | covering protest")
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in _MODIFIER_DEPS and not (t.dep_ in ("pcomp", "pobj") and t.tag_ == "VBG")
           and not (t.dep_ == "acl" and t.tag_ in ("VBG", "VBN") and t.i > root.i)
           and not (t.ent_type_ in ACTOR_ENTITY_TYPES and t.tag_ == "VB") for t in sent):
        return None
    verb = (_root_as_verb(root, kb) or (_verb_read_as_auxiliary(root, kb) if _a_name(root, kb) or root.lower_ in kb.noun_forms else None)
            or _pair_read_as_apposition(root, kb) or _verb_after_place(root, kb))
    if verb is not None:
        return verb
    for verb in sent[1:]:
        if verb.i >= root.i:
            break
        if verb.dep_ not in _MODIFIER_DEPS or verb.ent_type_ or not kb.verb_forms.get(verb.lower_):
            continue
        if _plural_before_verb(verb, root, kb):
            continue  # "Security forces | detain journalist": the plural noun is the subject of the verb after it
        # (on the root, or on a noun of the object's own compound after it: "Opposition boycotts | parliament session")
        if verb.head.i != root.i and not (verb.head.dep_ == "compound" and verb.head.head.i == root.i and verb.head.i > verb.i):
            continue
        subjects = [c for c in (*verb.children, *root.children) if c.dep_ == "nsubj" and c.i < verb.i]
        if not subjects:
            subjects = _opening_compound(verb)
        if len(subjects) != 1 or subjects[0].pos_ not in ("NOUN", "PROPN") or not _agrees(verb, subjects[0]):
            continue
        subject = subjects[0]
        _make_verb(verb, kb, verb, "ROOT")
        subject.head, subject.dep_ = verb, "nsubj"
        root.head, root.dep_ = verb, "dobj"
        forget_children(sent.doc)
        return verb
    return None


# conjunctions of time the parser reads as prepositions before a clause it takes for a noun phrase
_CLAUSE_MARKS = frozenset({"as", "after", "when", "while", "before", "since", "until"})


def restore_clause_verbs(sent: Span, kb: Knowledge) -> list[Token]:
    """"Twenty killed as militants storm army base": a clause of time after "as", "after" or "when" whose verb the
    parser read as a noun of one long compound ("militants storm army base" as the object of the preposition "as").
    Where, inside such a phrase, a form of a verb of the dictionary hung on the phrase's head as a compound comes right
    after a noun that agrees with it (a plural noun and the base form, a singular noun and the "-s" form) and before
    the head, the word is the clause's verb: the noun before it its subject, the head its object, the preposition its
    marker; the clause hangs on what the preposition hung on. The restored verbs.

    Both readings start from an object of one of the clause marks, so only the marks' objects are visited (found from
    the doc's word array, once per doc): walking every token of every sentence made a Token object of each, which
    cost more than the whole headline pass besides."""
    found = _clause_marks(sent.doc)
    marks = found[bisect_left(found, sent.start) : bisect_left(found, sent.end)]
    if not marks:
        return []
    doc = sent.doc
    out = []
    for head in _mark_objects(doc, marks):
        mark = head.head
        if head.dep_ != "pobj" or mark.lower_ not in _CLAUSE_MARKS or mark.i != head.left_edge.i - 1:
            continue
        verb = next((w for w in head.lefts if w.dep_ == "compound" and w.i > head.left_edge.i and not w.ent_type_
                     and kb.verb_forms.get(w.lower_)), None)
        if verb is None:
            continue
        subject = doc[verb.i - 1]
        if subject.head.i not in (head.i, verb.i) or subject.pos_ not in ("NOUN", "PROPN") or not _agrees(verb, subject):
            continue
        # the subject's own words ("as heavily armed militants")
        before = [t for t in (*head.lefts, *verb.lefts) if t.i < subject.i]
        _make_verb(verb, kb, mark.head, "advcl")
        mark.head, mark.dep_, mark.pos_ = verb, "mark", "SCONJ"
        subject.head, subject.dep_ = verb, "nsubj"
        for t in before:
            t.head = subject
        head.head, head.dep_ = verb, "dobj"
        forget_children(doc)
        out.append(verb)
    for subject in _mark_objects(doc, marks):
        # or the parser made the clause's subject the preposition's object and hung the verb, read as a noun that
        # nonetheless has a direct object (which no noun takes), on the main verb ("... as militants | storm base")
        if subject.i + 1 >= sent.end:
            continue
        verb = doc[subject.i + 1]
        if verb.pos_ != "NOUN" or not kb.verb_forms.get(verb.lower_) or verb.ent_type_:
            continue
        if not any(c.dep_ == "dobj" for c in verb.children) or verb.head.pos_ != "VERB":
            continue
        mark = subject.head
        if (subject.dep_ != "pobj" or mark.lower_ not in _CLAUSE_MARKS or mark.head.i != verb.head.i
                or subject.pos_ not in ("NOUN", "PROPN") or not _agrees(verb, subject)):
            continue
        _make_verb(verb, kb, verb.head, "advcl")
        mark.head, mark.dep_, mark.pos_ = verb, "mark", "SCONJ"
        subject.head, subject.dep_ = verb, "nsubj"
        forget_children(doc)
        out.append(verb)
    return out


_CLAUSE_MARK_IDS = frozenset(get_string_id(w) for w in _CLAUSE_MARKS)
_MARKS_KEY = "newsevents.events.clause_marks"


def _clause_marks(doc: Doc) -> list[int]:
    """Indices of the doc's words that are clause marks (lower case), in order, from its word array, once per doc
    (each sentence takes its own by bisection: filtering the whole list per sentence was quadratic in a long doc)."""
    return per_doc(doc, _MARKS_KEY, lambda: [i for i, w in enumerate(doc.to_array(LOWER).tolist()) if w in _CLAUSE_MARK_IDS])


def _mark_objects(doc: Doc, marks: list[int]) -> list[Token]:
    """The objects the parse hangs on the given marks now, in the order of the doc."""
    return sorted((c for m in marks for c in kids(doc[m]) if c.dep_ == "pobj"), key=lambda t: t.i)


def _pair_read_as_apposition(root: Token, kb: Knowledge) -> Token | None:
    """"India, Pakistan trade accusations over X": a headline opening with two names joined by a comma (its "and"),
    which the parser read as the first name with an apposition after the comma whose words are the second name and
    the verb in the base form (two parties), both taken for modifiers of the object. The verb gets its subject, the
    second name (the first hangs on the verb beside it, where ``slots._comma_pair`` reads the pair), and its object."""
    sent = sentence_of(root)
    if root.i != sent.start or root.ent_type_ not in ("GPE", "ORG", "NORP", "PERSON") or len(sent) < 5 or sent[1].text != ",":
        return None
    second, verb = sent[2], sent[3]
    obj = verb.head
    if (obj.dep_ != "appos" or obj.head.i != root.i or second.dep_ != "compound" or second.head.i not in (obj.i, verb.i)
            or verb.dep_ != "compound" or obj.i <= verb.i or not _a_name(second, kb) or second.ent_type_ not in ("GPE", "ORG", "NORP", "PERSON")
            or not kb.verb_forms.get(verb.lower_) or verb.lower_ != kb.verb_forms[verb.lower_][0].lemma):
        return None  # (the base form only: the pair is plural)
    _make_verb(verb, kb, verb, "ROOT")
    second.head, second.dep_ = verb, "nsubj"
    root.head, root.dep_ = verb, "npadvmod"
    sent[1].head = verb
    obj.head, obj.dep_ = verb, "dobj"
    forget_children(sent.doc)
    return verb


def _make_verb(word: Token, kb: Knowledge, head: Token, dep: str) -> None:
    """Make ``word`` the present-tense verb of the dictionary its form names, hung on ``head`` as ``dep`` (itself as
    "ROOT"); its lemma and tag from the form ("pledges": pledge, VBZ; "detain": VBP)."""
    lemma = kb.verb_forms[word.lower_][0].lemma
    word.head, word.dep_, word.pos_, word.lemma_ = head, dep, "VERB", lemma
    word.tag_ = "VBP" if word.lower_ == lemma else "VBZ"


def _root_verb_with_subject(root: Token, subject: Token, kb: Knowledge) -> Token:
    """Make the root the verb of the dictionary its form names (tags from the form) and ``subject`` its subject."""
    _make_verb(root, kb, root.head, root.dep_)
    subject.dep_ = "nsubj"
    forget_children(root.doc)
    return root


def _root_as_verb(root: Token, kb: Knowledge) -> Token | None:
    """The root itself is the verb: a form of a verb of the dictionary whose one subject, or a plural count noun
    hung on it as a number ("Hundreds march against austerity", "Thousands rally in X": "thousands" read as the
    rally's size), or a noun hung on it as a compound where it has a direct object, which no noun takes ("Army
    shells rebel positions"), comes right before it and agrees with it. The subject becomes the verb's; only those two arcs and
    the root's tags change."""
    if root.i == 0 or not kb.verb_forms.get(root.lower_) or root.ent_type_:
        return None
    prev = root.doc[root.i - 1]
    # (or a name or a noun hung on it as a modifier, with a noun right after it that the parser made an apposition or
    # an adverbial noun, which no noun takes without a comma: "Pakistan summons Indian envoy", "Niger junta orders
    # French troops out" read as one noun phrase; the noun is the object)
    named_before = prev.dep_ in ("amod", "compound") and (
        prev.pos_ == "NOUN" or prev.ent_type_ in ("GPE", "ORG", "NORP", "PERSON") and _a_name(prev, kb))
    obj = next((c for c in root.children if c.dep_ in ("appos", "npadvmod") and c.left_edge.i == root.i + 1
                and c.pos_ in ("NOUN", "PROPN") and not is_time(c)), None) if named_before else None
    if prev.head.i != root.i or not (prev.pos_ in ("NOUN", "PROPN") or obj is not None) or not (
            prev.dep_ == "nsubj" or prev.dep_ == "nummod" and prev.tag_ in _PLURAL_TAGS and not prev.like_num
            or prev.dep_ == "compound" and any(c.dep_ == "dobj" for c in root.children) or obj is not None):
        return None
    if not _agrees(root, prev):
        return None
    if kb.verb_forms.get(prev.lower_) and any(c.dep_ in ("nsubj", "compound") and c.i == prev.i - 1 and c.pos_ == "PROPN"
                                              for c in prev.children):
        return None  # "Japan pledges aid": the word before, with a name before it, is the verb (_verb_read_as_auxiliary)
    if obj is not None:
        obj.dep_ = "dobj"
    return _root_verb_with_subject(root, prev, kb)


def _object_read_as_adverb(root: Token, kb: Knowledge) -> Token | None:
    """"Mali expels French ambassador": the parser finds the verb but reads the bare noun after it as an adverbial
    noun (as it reads "this week" in "met this week") and the name before it as a modifier of the verb, so the act has
    neither subject nor object. A root in the "-s" form of a verb of the dictionary with no subject and no object, a
    name or noun right before it hung on it, and a noun after it hung on it as an adverbial noun that names no time:
    the one is the subject, the other the object; only those two arcs change."""
    if (not root.lower_.endswith("s") or not kb.verb_forms.get(root.lower_) or root.i == sentence_of(root).start
            or any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in root.children)):
        return None
    prev = root.doc[root.i - 1]
    obj = next((c for c in root.children if c.dep_ == "npadvmod" and c.i > root.i), None)
    if (obj is None or obj.pos_ not in ("NOUN", "PROPN") or is_time(obj) or prev.head.i != root.i
            or prev.pos_ not in ("NOUN", "PROPN") or prev.dep_ not in ("amod", "compound", "npadvmod") or not _agrees(root, prev)):
        return None
    prev.dep_, obj.dep_ = "nsubj", "dobj"
    root.tag_ = "VBZ"
    forget_children(root.doc)
    return root


def _adjective_read_for_verb(root: Token, kb: Knowledge) -> Token | None:
    """"Taliban free two detained nationals": a verb form that is also an adjective ("free", "open", "clear") read as
    an adjective root, yet with a direct object, which no adjective takes. A form of a verb of the dictionary, with a
    name or noun right before it that the parser hung on it (as an adverbial noun or a subject): the word is the verb,
    that noun its subject; only those two words' arcs and tags change."""
    if root.i == 0 or not kb.verb_forms.get(root.lower_) or not any(c.dep_ == "dobj" for c in root.children):
        return None
    prev = root.doc[root.i - 1]
    if prev.head.i != root.i or prev.pos_ not in ("NOUN", "PROPN") or prev.dep_ not in ("npadvmod", "nsubj", "compound"):
        return None
    return _root_verb_with_subject(root, prev, kb)


_AUXILIARIES = frozenset({"be", "have", "do", "will", "shall", "may", "might", "can", "could", "would", "should", "must"})


def _verb_read_as_auxiliary(root: Token, kb: Knowledge) -> Token | None:
    """"Colombia signs ceasefire with X": the parser reads the verb as an auxiliary (or as a plural noun, the
    subject) of the noun after it, taken for a verb. A root with such a word right before it that is no auxiliary
    of English but a form of a verb of the dictionary, whose subject comes before it and agrees with it: the word is
    the verb, the root its object."""
    aux = next((c for c in root.children if c.dep_ in ("aux", "nsubj") and c.i == root.i - 1), None)
    if aux is None or aux.lemma_.lower() in _AUXILIARIES or not kb.verb_forms.get(aux.lower_):
        return None
    if aux.dep_ == "nsubj":
        # or as a plural noun, the subject of the noun taken for a verb ("Chad signs ceasefire": "Chad" its
        # compound): only where the root is an act noun of the dictionary, which a headline's verb takes as object,
        # or a name that the parser gave an object of its own ("Junta rejects X timetable": "X" the root, with the
        # timetable as its object, which no name takes)
        if root.lower_ not in kb.noun_forms and not (_a_name(root, kb) and any(c.dep_ == "dobj" for c in root.children)):
            return None
        subjects = [c for c in aux.children if c.dep_ in ("compound", "nsubj") and c.pos_ in ("PROPN", "NOUN") and c.i == aux.i - 1]
    else:
        subjects = [c for c in (*aux.children, *root.children) if c.dep_ == "nsubj" and c.i < aux.i]
    if len(subjects) != 1 or subjects[0].pos_ not in ("NOUN", "PROPN") or not _agrees(aux, subjects[0]):
        return None
    _make_verb(aux, kb, aux, "ROOT")
    subjects[0].head, subjects[0].dep_ = aux, "nsubj"
    root.head, root.dep_ = aux, "dobj"
    if _a_name(root, kb):  # a name the parser made the root stays a name (the compound of the object after it)
        root.pos_, root.tag_ = "PROPN", "NNP"
    else:
        root.pos_, root.tag_ = "NOUN", "NN"
    root.lemma_ = root.lower_
    forget_children(root.doc)
    return aux


_PLACE_PREPS = frozenset({"in", "at", "from", "across"})
_PLACE_TYPES = frozenset({"GPE", "LOC", "NORP", "FAC"})


def _verb_after_place(root: Token, kb: Knowledge) -> Token | None:
    """"Porters in Sylhet boycotted the depot": after a place named in a phrase on the subject, the small model may
    read the place as an adjective and the verb as a modifier of the noun after it, so the sentence parses as one noun
    phrase, the subject with an "in" phrase whose object is the verb's object ("in [Sylhet boycotted the depot]").
    A form of a verb of the dictionary right after the place (a name, one to three words), hung on that phrase's
    object before it, is the verb: the subject its subject (agreeing with it where the form has a person), the place
    the preposition's object, the noun its object. ``root``: the noun the parser made the root, or an infinitive it
    made the root with that subject ("... boycotted the depot to press for X": the infinitive is the verb's purpose).
    Only the arcs of those words change."""
    purpose = root if root.pos_ == "VERB" else None
    if purpose is not None:
        if not _marked_infinitive(root):
            return None
        subject = next((c for c in kids(root) if c.dep_ == "nsubj" and c.i < root.i), None)
    else:
        subject = root
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    owners = [subject, *(g for c in kids(subject) if c.dep_ == "prep" and c.lower_ == "of" for g in kids(c) if g.dep_ == "pobj")]
    for owner in owners:
        for prep in kids(owner):
            if prep.dep_ != "prep" or prep.lower_ not in _PLACE_PREPS or prep.i < owner.i:
                continue
            verb = _verb_in_place_phrase(prep, kb)
            if verb is None or purpose is not None and verb.i > purpose.i:
                continue
            obj = verb.head if verb.head.dep_ == "pobj" else verb.head.head
            person = _verb_person(verb, kb)
            if person is not None and not _agrees(verb, subject):
                continue
            place = verb.doc[verb.i - 1]
            _make_verb(verb, kb, verb, "ROOT")
            if person is None:
                verb.tag_ = "VBD"  # (a form of the past: _make_verb gives the present's tags)
            subject.head, subject.dep_ = verb, "nsubj"
            for t in verb.doc[prep.i + 1 : place.i]:
                t.head, t.dep_ = place, "compound"
            place.head, place.dep_ = prep, "pobj"
            obj.head, obj.dep_ = verb, "dobj"
            if purpose is not None:
                purpose.head, purpose.dep_ = verb, "advcl"
            forget_children(root.doc)
            return verb
    return None


def _verb_in_place_phrase(prep: Token, kb: Knowledge) -> Token | None:
    """The verb form of :func:`_verb_after_place` in the phrase of ``prep``: one to three words of a name right after
    the preposition, then a form of a verb of the dictionary that is no name, hung as a modifier on an object of the
    preposition after it (or on a compound of one)."""
    doc, end = prep.doc, sentence_of(prep).end
    objects = {g.i for g in kids(prep) if g.dep_ == "pobj"}
    for k in range(1, 4):
        if prep.i + k + 1 >= end:
            return None
        word = doc[prep.i + k]
        if not (word.ent_type_ in _PLACE_TYPES or word.pos_ == "PROPN") or not word.is_title and not word.is_upper:
            return None
        verb = doc[prep.i + k + 1]
        if verb.ent_type_ or verb.dep_ not in _MODIFIER_DEPS or verb.lower_.endswith("ing") or not kb.verb_forms.get(verb.lower_):
            continue
        head = verb.head
        if head.i > verb.i and (head.i in objects or head.dep_ == "compound" and head.head.i in objects and head.head.i > head.i):
            return verb
    return None


def _verb_person(verb: Token, kb: Knowledge) -> str | None:
    """"plural" for a verb's base form, "singular" for its "-s" form, None for a form of the past, which agrees with any subject."""
    lemma = kb.verb_forms[verb.lower_][0].lemma
    if verb.lower_ == lemma:
        return "plural"
    return "singular" if verb.lower_.endswith("s") and not verb.lower_.endswith("ss") else None


def _a_name(tok: Token, kb: Knowledge) -> bool:
    """A proper name, or an acronym however tagged ("ECOWAS" tagged as a verb), not a form of a verb of the dictionary."""
    acronym = tok.is_upper and len(tok.text) > 1 and tok.is_alpha
    return (tok.pos_ == "PROPN" or bool(tok.ent_type_) or acronym) and not kb.verb_forms.get(tok.lower_)


def _marked_infinitive(v: Token) -> bool:
    return v.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" and c.i < v.i for c in v.children)


def _verb_before_infinitive(root: Token, kb: Knowledge, noun_root: Token | None = None) -> Token | None:
    """"Court orders government to release activist", "Junta orders envoy to leave": the parser reads the verb as a
    noun ("orders": a compound, the subject, or the root of a noun phrase) and the infinitive as the root or as that
    noun's complement, which no well-formed reading gives (a root has a tense). An infinitive marked by "to", with
    before it a word in the "-s" form of a verb of the dictionary that the parser took for a noun, a noun right before
    that word (its subject, singular as the form wants) and the infinitive's own subject or an apposition after it
    (its object): the word is the verb, the infinitive its complement. ``noun_root``: the noun the parser made the
    root (the word itself, when it is one)."""
    if not _marked_infinitive(root):
        return None
    sent = sentence_of(root)
    if noun_root is not None:
        verb = noun_root if noun_root.lower_.endswith("s") and kb.verb_forms.get(noun_root.lower_) and not noun_root.ent_type_ else None
    else:
        verb = next((t for t in sent if t.i < root.i and t.pos_ in ("NOUN", "PROPN") and t.i > sent.start and not t.ent_type_
                     and t.lower_.endswith("s") and kb.verb_forms.get(t.lower_)), None)
    if verb is None or verb.i == sent.start:
        return None
    subject = verb.doc[verb.i - 1]
    if subject.pos_ not in ("NOUN", "PROPN") or subject.tag_ in _PLURAL_TAGS or subject.head.i not in (verb.i, root.i):
        return None
    obj = next((c for c in root.children if c.dep_ == "nsubj" and c.i > verb.i), None)
    if obj is None:
        obj = next((c for c in verb.children if c.dep_ in ("appos", "dobj") and c.i > verb.i), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN", "PRON") or obj.i >= root.i:
        return None
    before = [t for t in sent if t.i < subject.i and t.head.i in (verb.i, root.i)]  # "Niger" of "Niger junta orders"
    _make_verb(verb, kb, verb, "ROOT")  # (an "-s" form: VBZ)
    subject.head, subject.dep_ = verb, "nsubj"
    for t in before:
        t.head, t.dep_ = subject, "compound"
    obj.head, obj.dep_ = verb, "dobj"
    root.head, root.dep_ = verb, "xcomp"
    forget_children(root.doc)
    return verb


def _agrees(verb: Token, subject: Token) -> bool:
    """A plural subject takes the base form ("Police detain"), a singular one the "-s" form ("Japan pledges")."""
    forms = knowledge().verb_forms.get(verb.lower_, ())
    # (a base form that ends in "s" is none: "police teargas protesters")
    third_person = verb.lower_.endswith("s") and not verb.lower_.endswith("ss") and not any(e.lemma == verb.lower_ for e in forms)
    return third_person != (subject.tag_ in _PLURAL_TAGS or subject.lower_ in _PLURAL_NOUNS)


# nouns English always makes plural though they have no plural ending ("the police are", "police detain"): the
# tagger tags them as singular
_PLURAL_NOUNS = frozenset({"police", "people", "personnel", "clergy", "cattle"})


def _plural_before_verb(word: Token, root: Token, kb: Knowledge) -> bool:
    """``word``, a plural noun that is also a verb's "-s" form ("forces", "shells"), comes right before the base form
    of a verb of the dictionary that no act noun spells, hung on the same noun: the plural is that verb's subject, as
    the verb after it has no reading but a verb ("Security forces detain journalist", never "forces" done to a
    "detain journalist")."""
    if word.tag_ not in _PLURAL_TAGS or word.i + 1 >= root.i:
        return False
    after = word.doc[word.i + 1]
    forms = kb.verb_forms.get(after.lower_)
    # (where the plural names people, an agent noun, the verb after it may also spell an act noun: "Government forces
    # attack convoy")
    people = is_agent_phrase(word.lower_) or kb.agents.get(word.lower_, ("NON",))[0] != "NON"
    return (bool(forms) and after.lower_ == forms[0].lemma and (people or after.lower_ not in kb.noun_forms)
            and after.dep_ in _MODIFIER_DEPS and after.head.i == root.i and not after.ent_type_)


def _opening_compound(verb: Token) -> list[Token]:
    """The noun that opens a headline the parser read as one noun phrase, hung on the verb form after it as a
    compound, or on the noun that verb form is a compound of ("Police fire tear gas at X": "Police" a compound of
    "fire", itself a compound of "gas"; "Troops fire rubber bullets": both compounds of "bullets"), or a name hung there
    as an adjective ("Sweden halts aid to X"): the subject."""
    sent = sentence_of(verb)
    if verb.i == sent.start:
        return []
    first = verb.doc[verb.i - 1]
    # (a name the parser hung on the object as an adjective is no less its opening: "Sweden | halts aid to X"; nor a
    # plural noun it hung there as a modifier: "Rebels | free kidnapped aid workers")
    if not (first.dep_ == "compound" or first.dep_ == "amod" and first.pos_ == "PROPN" or first.dep_ == "nmod" and first.tag_ in _PLURAL_TAGS):
        return []
    if first.head.i not in (verb.i, verb.head.i, verb.head.head.i):
        return []
    # (after the subject's own modifiers only: "Kenyan police teargas ...", which then hang on it; a comma between two
    # of them is the headline's "and", "Indian, Pakistani troops ...", whatever the parser hung it on)
    mods = list(sent[: first.i - sent.start])
    # (a noun compounded on the subject is of its words too: "Security | forces detain ...", "Riot | police ...")
    if any(not (t.text == "," and 0 < k < len(mods) - 1) and not (t.pos_ == "NOUN" and t.dep_ in ("compound", "nmod") and t.head.i == first.i)
           and (t.pos_ not in ("ADJ", "PROPN") or t.head.i not in (first.i, verb.i, verb.head.i))
           for k, t in enumerate(mods)):
        return []
    for t in mods:
        t.head = first
    return [first]
