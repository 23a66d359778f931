"""Give a headline back the verb the parser took for a noun.

A headline drops its articles and writes its verb in the present tense, and the small model reads some of them as a
noun phrase: "Police detain opposition leader" parses as one noun phrase whose head is "leader", with "detain" an
adjective; "Japan pledges aid to Turkey" makes "pledges" a plural noun. The act then has no verb, and the sentence
codes nothing. A sentence parsed that way is a noun phrase with a subject hung on it (an ``nsubj`` under a noun root),
which no well-formed reading gives. Where a modifier of the root, in no name, before it is a form of a verb of the
event dictionary and the phrase's one subject comes before that word and agrees with it in number (a plural
subject and the base form, a singular subject and the "-s" form), the word is the verb: the subject becomes its,
the root its object. Only the arcs of those three words change. The root may itself be the verb ("Hundreds march
against austerity": a plural subject or count noun right before a verb form that agrees with it).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .knowledge import Knowledge
from .slots import forget_children

_MODIFIER_DEPS = {"amod", "compound", "nmod"}
_PLURAL_TAGS = {"NNS", "NNPS"}


def restore_headline_verb(sent: Span, kb: Knowledge) -> Token | None:
    """Re-attach the verb of a verbless noun-phrase reading of ``sent`` (see module doc); the verb, or None."""
    root = sent.root
    if root.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in _MODIFIER_DEPS for t in sent):
        return None
    verb = _root_as_verb(root, kb)
    if verb is not None:
        return verb
    for verb in sent[1:]:
        if verb.i >= root.i:
            break
        if verb.dep_ not in _MODIFIER_DEPS or verb.head.i != root.i or verb.ent_type_ or not kb.verb_forms.get(verb.lower_):
            continue
        subjects = [c for c in (*verb.children, *root.children) if c.dep_ == "nsubj" and c.i < verb.i]
        if len(subjects) != 1 or subjects[0].pos_ not in ("NOUN", "PROPN") or not _agrees(verb, subjects[0]):
            continue
        subject = subjects[0]
        lemma = kb.verb_forms[verb.lower_][0].lemma
        verb.head, verb.dep_, verb.pos_, verb.lemma_ = verb, "ROOT", "VERB", lemma
        verb.tag_ = "VBP" if verb.lower_ == lemma else "VBZ"
        subject.head, subject.dep_ = verb, "nsubj"
        root.head, root.dep_ = verb, "dobj"
        forget_children(sent.doc)
        return verb
    return None


def _root_as_verb(root: Token, kb: Knowledge) -> Token | None:
    """The root itself is the verb: a form of a verb of the dictionary whose one subject, or a plural count noun
    hung on it as a number ("Hundreds march against austerity", "Thousands rally in X": "thousands" read as the
    rally's size), comes right before it and agrees with it. The subject becomes the verb's; only those two arcs and
    the root's tags change."""
    if root.i == 0 or not kb.verb_forms.get(root.lower_) or root.ent_type_:
        return None
    prev = root.doc[root.i - 1]
    if prev.head.i != root.i or prev.pos_ not in ("NOUN", "PROPN") or not (
            prev.dep_ == "nsubj" or prev.dep_ == "nummod" and prev.tag_ in _PLURAL_TAGS and not prev.like_num):
        return None
    if not _agrees(root, prev):
        return None
    lemma = kb.verb_forms[root.lower_][0].lemma
    root.pos_, root.lemma_ = "VERB", lemma
    root.tag_ = "VBP" if root.lower_ == lemma else "VBZ"
    prev.dep_ = "nsubj"
    forget_children(root.doc)
    return root


def _agrees(verb: Token, subject: Token) -> bool:
    """A plural subject takes the base form ("Police detain"), a singular one the "-s" form ("Japan pledges")."""
    third_person = verb.lower_.endswith("s") and not verb.lower_.endswith("ss")
    return third_person != (subject.tag_ in _PLURAL_TAGS)
