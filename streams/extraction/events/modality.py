"""Negation and hypotheticality of a trigger, read off its own dependents and its governors.

"refused to attack" is a negated attack; "will not hesitate to support" is a
hypothetical support (the negation belongs to "hesitate", not to "support"). "denied attacking" is a denied
attack (``is_denied``): no event of the sentence, whose event is the denial.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..doc_index import doc_text, per_doc
from .knowledge import PREVENTERS
from .slots import has_to, is_purpose_infinitive, kids, measured_by

_MODALS = {"will", "would", "could", "may", "might", "should", "can", "shall", "must", "'ll", "wo", "ca"}
_INTENT = {"hesitate", "threaten", "plan", "intend", "want", "seek", "vow", "promise", "pledge", "propose", "consider",
           "hope", "aim", "expect", "try", "offer", "agree", "decide", "prepare", "wish", "urge", "call", "ask",
           "demand", "warn", "need", "set", "be", "going", "refuse", "decline", "fail"}
# a will of the actor's own: what it says it will do, not what may happen or what others ask of it
_FUTURE = {"will", "would", "shall", "'ll", "wo"}
_COMMIT = {"threaten", "vow", "warn", "pledge", "promise", "plan", "intend", "prepare", "go"}
# Words of promise or readiness whose complement is an act offered, not done ("pledged to send", "is willing to grant")
_SWEAR = {"threaten", "vow", "pledge", "promise", "swear"}
PROMISE_HEADS = {"pledge", "promise", "vow", "offer", "agree", "intend", "decide", "commit", "ready", "willing", "prepared", "open",
                 "keen", "eager"}
PROMISED_OBJECT_HEADS = {"pledge", "promise", "vow", "offer"}  # verbs whose direct object is what is promised
_NEGATORS = {"deny", "refuse", "decline", "fail", "reject"}
# verbs of attempting or setting out: negated, the act their infinitive names was not done ("hesitate" is left out: who
# "did not hesitate to strike" struck)
_ATTEMPTING = {"attempt", "try", "seek", "manage", "dare", "bother", "move", "begin", "start", "plan", "intend", "want"}
# what a claim rejected says is denied too ("denied allegations that he took bribes", "dismissed reports that troops
# shelled the town"): nouns that name a claim, and verbs that reject one besides the negators
_CLAIM_NOUNS = {"allegation", "claim", "report", "accusation", "charge", "suggestion", "rumour", "rumor", "speculation",
                "assertion"}
_CLAIM_REJECTORS = _NEGATORS | {"dismiss", "refute", "rebut"}
_CONDITIONAL = {"if", "unless", "whether"}
# Modifiers of an act noun that say the act has not (yet) happened; "attempted" is left out (an attempt happened)
_UNREALIZED = {"planned", "proposed", "possible", "potential", "imminent", "threatened", "foiled", "thwarted", "looming",
               "prospective", "future", "expected"}
# nouns of what may come: an act in their "of" phrase has not happened ("raised the prospect of strikes", "the risk of
# clashes", "fears of a crackdown")
# nouns whose infinitive is an act sought, offered, asked for or left undone, not one done ("a bid to join", "an
# attempt to mediate", "calls to expel", "its failure to protect"); not "the decision to expel" or "an order to
# release", which news writes of acts carried out as often as of acts to come
# (a pledge, a promise or an offer to act states an intent, which the coder reads as one: not here); a warning, an
# ultimatum or an invitation to act asks for the act, as a call does
_UNDONE_NOUNS = frozenset({"bid", "attempt", "effort", "plan", "push", "campaign", "drive", "proposal", "threat",
                           "intention", "ambition", "hope", "call", "demand", "request", "appeal", "pressure", "refusal",
                           "failure", "reluctance", "chance", "opportunity", "right", "need", "wish", "desire",
                           "warning", "ultimatum", "invitation"})
# verbs whose object, an order or a ruling, is not carried out: the act its infinitive names is undone ("ignored a court
# order to release the detainees", "defied instructions to disperse")
_DISREGARDING = frozenset({"ignore", "disregard", "defy", "flout", "reject", "rebuff", "spurn"})
# adjectives whose gerund says what their subject can or fears to do, not what it did ("capable of striking", "afraid
# of losing"); not "responsible for killing", which tells of a deed. (Readiness, "open to resuming talks", makes the
# act an intent: PROMISE_HEADS.)
_ABLE_OR_READY = frozenset({"capable", "incapable", "able", "unable", "afraid", "fearful", "wary", "close"})
_POSSIBILITY_HEADS = {"prospect", "possibility", "risk", "danger", "threat", "fear", "spectre", "specter", "likelihood",
                      "chance", "probability"}

# nouns of a deal or a plan: an act in their "for" / "on" phrase is what is sought or agreed, not done yet ("a deal for
# the release of the hostages", "talks on a ceasefire", "a plan for the withdrawal of troops")
_PROVISION_HEADS = {"deal", "agreement", "accord", "plan", "proposal", "talks", "negotiations", "framework", "roadmap",
                    "effort", "efforts", "initiative", "bid", "push"}

# nouns of a rule that forbids or limits: an act in their "on" phrase is what the rule keeps from happening ("a ban on
# rallies", "curbs on street protests", "a moratorium on executions"), not an act that happened
_RESTRICTION_HEADS = {"ban", "restriction", "curb", "moratorium", "prohibition", "limit", "curfew"}


def _provided_for(head: Token) -> bool:
    """``head`` (what a "for" / "on" phrase hangs on) is a noun of a deal or a plan, or a verb whose object is one
    (the parser hangs the phrase on the verb as often: "brokered a deal between X and Y for the release of Z")."""
    if head.lemma_.lower() in _PROVISION_HEADS or head.lower_ in _PROVISION_HEADS:
        return True
    return head.pos_ == "VERB" and any(c.dep_ == "dobj" and (c.lemma_.lower() in _PROVISION_HEADS or c.lower_ in _PROVISION_HEADS)
                                       for c in kids(head))


def _governors(tok: Token, limit: int = 4) -> list[Token]:
    """Verbs that embed the trigger through xcomp / ccomp / conj chains (closest first)."""
    out, cur = [], tok
    for _ in range(limit):
        if cur.dep_ not in ("xcomp", "ccomp", "conj", "pcomp", "pobj", "dobj", "prep", "advcl") or cur.head is cur:
            break
        cur = cur.head
        out.append(cur)
    return out


# Verbs that say whether an act named by their subject takes place ("the talks did not take place", "were not held")
_OCCURRING = frozenset({"be", "take", "happen", "occur", "hold", "go", "proceed", "resume", "start", "begin", "materialise",
                        "materialize"})


_CORE_ARGS = frozenset({"nsubj", "nsubjpass", "dobj"})


def going_to(tok: Token) -> Token | None:
    """The "going" of a future told with "be going to" whose open complement ``tok`` is ("is going to strike", "are not
    going to negotiate"), or None. It is an auxiliary of the future in all but its tag: the parser makes it the verb
    and the act its complement, so a "not" on it negates the act."""
    head = tok.head
    if (tok.dep_ == "xcomp" and head.i != tok.i and head.tag_ == "VBG" and head.lemma_.lower() == "go" and has_to(tok)
            and any(c.dep_ == "aux" and c.lemma_.lower() == "be" for c in kids(head))):
        return head
    return None


def _says_none(tok: Token) -> bool:
    """``tok`` is a noun quantified by "no" ("no arrests", "no country") or by "neither" ("neither side", "neither X nor
    Y", "signed neither the treaty nor ...")."""
    return any(c.dep_ in ("det", "preconj") and c.lower_ in _NONE_WORDS for c in kids(tok))


_NONE_WORDS = frozenset({"no", "neither"})


def is_negated(tok: Token) -> bool:
    """The trigger itself is negated, or it is the content of a denial or refusal. A verb is negated by "no" on its
    subject or object ("made no arrests"); an act noun by "no" ("no arrests were made") and as the subject of a negated verb of occurring or a negated copula ("talks were not
    possible", "the march did not go ahead"); not as the subject of another negated verb ("the strike did not stop
    the vote": the strike happened)."""
    if any(c.dep_ == "neg" for c in kids(tok)):
        return True
    if tok.pos_ == "NOUN" and _says_none(tok):
        return True
    if tok.pos_ == "VERB" and any(c.dep_ in _CORE_ARGS and _says_none(c) for c in kids(tok)):
        return True  # "police made no arrests", "no country condemned it", "no casualties were reported"
    head = tok.head  # (a subject is a noun whatever its tag: the tagger reads some plurals as verbs, "talks")
    if (tok.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in _OCCURRING
            and any(c.dep_ == "neg" for c in kids(head))):
        return True
    if tok.dep_ == "conj" and any(c.dep_ == "neg" for c in kids(tok.head)) and tok.head.pos_ == tok.pos_:
        return False
    if tok.dep_ == "xcomp" and head.lemma_.lower() in _ATTEMPTING and any(c.dep_ == "neg" for c in kids(head)):
        return True  # "did not try to block", "never sought to expel": what was not even attempted was not done
    going = going_to(tok)
    if going is not None and any(c.dep_ == "neg" for c in kids(going)):
        return True  # "is not going to resign": as "will not resign"
    if (tok.dep_ == "acl" and _says_none(head)) or (tok.dep_ == "pcomp" and head.dep_ == "prep" and _says_none(head.head)):
        return True  # "has no plans to visit", "had no intention of meeting": the act a "no" noun is about is not done
    for gov in _governors(tok, 2):
        if gov.lemma_.lower() in _NEGATORS:
            return True
    if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in PREVENTERS:
        return True  # "blocked the deployment", "the extradition was blocked": an act prevented did not take place
    if tok.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ == "from" and head.head.lemma_.lower() in PREVENTERS:
        return True  # "prevented the rebels from entering the town"
    if tok.dep_ == "acl" and head.dep_ in ("dobj", "nsubjpass") and head.head.lemma_.lower() in PREVENTERS:
        return True  # "foiled a plot to bomb the stadium": what the plot planned was not done
    return _in_rejected_claim(tok)


_DENYING = frozenset({"deny"})


def is_denied(tok: Token) -> bool:
    """The act is told only as what a denial says was not done: the content of "deny" ("denied that its troops had
    crossed", "denied killing the hostages") or of a claim its subject rejects ("dismissed reports that troops shelled
    the town"). The sentence's event is the denial (CAMEO 016, deny responsibility, a statement), not the act others
    allege; an act refused or failed ("refused to release", "failed to stop") is negated, and its refusal is an event."""
    # (the content follows the verb: a clause before it is one the parser hung on it from a closing remark, "X accused Y
    # of Z, allegations Y has denied", where the accusation was made)
    return any(gov.lemma_.lower() in _DENYING and gov.i < tok.i for gov in _governors(tok, 2)) or _in_rejected_claim(tok)


def _in_rejected_claim(tok: Token) -> bool:
    """The act is told in the "that" clause of a claim that the sentence's subject rejects ("denied allegations that he
    had received bribes", "rejected claims that its soldiers killed civilians"): as the content of a denial."""
    if tok.dep_ != "acl" or not any(c.dep_ == "mark" and c.lower_ == "that" for c in kids(tok)):
        return False
    claim = tok.head
    return (claim.lemma_.lower() in _CLAIM_NOUNS and claim.dep_ in ("dobj", "nsubjpass")
            and claim.head.lemma_.lower() in _CLAIM_REJECTORS)


# verbs that take a claim as established: an act told in its "that" clause happened ("confirmed reports that ...")
_CONFIRMING = frozenset({"confirm", "corroborate", "acknowledge", "admit", "verify"})


def _in_unconfirmed_claim(tok: Token) -> bool:
    """The act is told in the "that" clause of a claim someone else made ("reports that soldiers executed prisoners",
    "allegations that the army shelled the town") which the sentence investigates, comments on or repeats without
    confirming it: a claim, not an act the sentence reports as done. Denied claims are negated (:func:`_in_rejected_claim`)."""
    if tok.dep_ != "acl" or not any(c.dep_ == "mark" and c.lower_ == "that" for c in kids(tok)):
        return False
    claim = tok.head
    if claim.lemma_.lower() not in _CLAIM_NOUNS:
        return False
    gov = claim.head.head if claim.dep_ == "pobj" else claim.head
    return gov.lemma_.lower() not in _CONFIRMING and gov.lemma_.lower() not in _CLAIM_REJECTORS


def is_hypothetical(tok: Token) -> bool:
    """Modal or future auxiliary, intent verb above it, or an if-clause."""
    if tok.pos_ == "NOUN" and any(c.dep_ in ("amod", "compound") and c.i < tok.i and c.lower_ in _UNREALIZED for c in kids(tok)):
        return True  # "a planned attack", "the proposed talks", "a foiled bombing": an act that has not happened
    if (tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "of"
            and tok.head.head.lemma_.lower() in _POSSIBILITY_HEADS):
        return True  # "the prospect of further strikes", "the threat of sanctions": what may come, not what happened
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in ("for", "on") and _provided_for(tok.head.head):
        return True  # "a deal for the release of hostages": the release is what the deal provides for
    if (tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "on"
            and tok.head.head.lemma_.lower() in _RESTRICTION_HEADS):
        return True  # "lifted the ban on rallies": the rallies are what the rule forbade
    if tok.pos_ == "NOUN" and _approached(tok):
        return True  # "close to a deal", "on the verge of a ceasefire", "nearing an agreement": not reached yet
    if tok.dep_ == "pcomp" and tok.head.lower_ == "against":
        return True  # "warned X against deploying troops", "voted against sending aid": an act opposed, not done
    if tok.dep_ == "acl" and tok.head.pos_ == "NOUN" and has_to(tok) and (
            tok.head.lemma_.lower() in _UNDONE_NOUNS
            or tok.head.dep_ == "dobj" and tok.head.head.lemma_.lower() in _DISREGARDING):
        # "its bid to join the bloc", "an attempt to mediate", "calls to expel the envoy": sought, not done; "ignored an
        # order to free the prisoners": what the order asked was not done
        return True
    if (tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.dep_ == "acomp"
            and tok.head.head.lemma_.lower() in _ABLE_OR_READY):
        return True  # "is capable of striking", "is afraid of losing": what its subject could or fears to do
    if any(map(_in_unconfirmed_claim, [tok] + _governors(tok))):
        return True  # "looking into allegations that militiamen shot farmers": told by others, not yet established
    if in_condition(tok) or is_subjunctive(tok):
        return True  # ", provided the rebels free the hostages": a condition, as an if-clause is; "that X withdraw"
    chain = [tok] + _governors(tok)
    for i, t in enumerate(chain):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _MODALS for c in kids(t)):
            return True
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL for c in kids(t)):
            return True
        if i > 0 and t.lemma_.lower() in _INTENT and chain[i - 1].dep_ == "xcomp":
            return True
    return False


_NEAR = frozenset({"close", "closer", "near", "nearer"})  # "close to a deal"
_EDGE = frozenset({"verge", "brink", "cusp", "threshold", "edge"})  # "on the verge of a deal"
_APPROACHING = frozenset({"near", "approach"})  # "nearing a deal", "approaching an agreement"


def _approached(noun: Token) -> bool:
    """The act noun is what its phrase says someone is close to: "close to a deal", "nearer to an agreement", "near a
    ceasefire", "on the verge of a breakthrough", "nearing a deal". An act approached has not happened."""
    head = noun.head
    if noun.dep_ == "dobj":
        return head.pos_ == "VERB" and head.lemma_.lower() in _APPROACHING
    if noun.dep_ != "pobj":
        return False
    prep = head.lower_
    if prep == "to":
        return head.head.lower_ in _NEAR
    if prep in ("near", "nearer"):
        return head.head.pos_ in ("AUX", "VERB") and head.head.lemma_.lower() in ("be", "come", "draw", "edge", "move", "get")
    return prep == "of" and head.head.lower_ in _EDGE and head.head.head.lower_ == "on"


_CONDITION_MARKS = {"if", "unless", "provided", "providing"}
_CLAUSE_CLIMB = {"conj", "xcomp", "dobj", "pobj", "prep", "nsubj", "nsubjpass", "advcl"}


def is_condition(tok: Token) -> bool:
    """The act is the condition of another ("will hold talks if the army halts its offensive", "unless the talks
    resume"): the trigger's own clause is introduced by "if" or "unless". A condition is what another act waits on,
    not what the sentence reports, so it ranks below the act it conditions (``builder.CONDITION_PENALTY``)."""
    if in_condition(tok):
        return True  # "..., provided the rebels free the hostages" (the parse of "provided" varies)
    cur = tok
    for _ in range(5):
        if any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in kids(cur)):
            return True
        if cur.dep_ == "advcl" or cur.dep_ not in _CLAUSE_CLIMB:
            return False  # the top of the trigger's clause, with no condition on it
        cur = cur.head
    return False


_CONDITION_VERBS = ("provided", "providing")  # "..., provided the army withdraws": a conjunction of condition
_NOT_CONDITION_NEXT = frozenset({"by", "to", "with", "for", "in", "as", "on", "at", "from", "under", "."})


def conditional_conjunction(tok: Token) -> bool:
    """"provided" or "providing" after a comma and before a clause: a conjunction of condition ("will resume talks,
    provided the rebels free the hostages"), however the parser attached it (a verb with the clause as complement, a
    conjunct, an object of its own). Read from the words, as the parse of it varies: a participle of giving is not
    preceded by a comma and followed by a clause ("aid provided by the UN", "the army provided food")."""
    if tok.lower_ not in _CONDITION_VERBS or tok.i == 0 or tok.nbor(-1).text != ",":
        return False
    doc = tok.doc
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ in _NOT_CONDITION_NEXT:
        return False
    for t in doc[tok.i + 1 : tok.i + 25]:
        if t.is_sent_start or t.text in (";", ":"):
            return False
        if t.tag_ in ("VBZ", "VBP", "VBD", "MD"):
            return True  # the condition's own finite verb
    return False


_SINGULAR_SUBJECT_TAGS = frozenset({"NN", "NNP"})


def is_subjunctive(tok: Token) -> bool:
    """A verb in the base form after "that" with a singular noun subject and no auxiliary: the mandative subjunctive
    ("demanded that the army withdraw", "insisted that Turkey pull out its troops"), which says what someone wants
    done, not what was done. The parse may hang the clause anywhere ("a statement that X withdraw"); the form tells
    (the tagger reads the bare form after a singular subject as VB or as VBP, neither of which agrees with it)."""
    if tok.tag_ not in ("VB", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in kids(tok)):
        return False
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in kids(tok)):
        return False
    # a common noun with a plural verb may be a collective in British usage ("the police arrest", "the government
    # insist"): with one, only the tag of the bare form (VB) counts
    return any(c.dep_ == "nsubj" and c.tag_ in _SINGULAR_SUBJECT_TAGS and (tok.tag_ == "VB" or c.tag_ == "NNP")
               and not any(k.dep_ == "cc" for k in kids(c)) for c in kids(tok))


def in_condition(tok: Token) -> bool:
    """``tok`` stands in the clause a conjunction of condition opens (``conditional_conjunction``), before the end of
    the sentence or a semicolon. The conjunctions of a doc are found once (most docs have none); only the nearest one
    within 25 words before ``tok`` can open its clause (a break after it also cuts off any before it)."""
    doc = tok.doc
    nearest = next((j for j in reversed(_condition_conjunctions(doc)) if max(0, tok.i - 25) <= j < tok.i), None)
    if nearest is None:
        return False
    return not any(t.is_sent_start or t.text in (";", ":") for t in doc[nearest + 1 : tok.i])


_CONJUNCTIONS_KEY = "newsevents.events.condition_conjunctions"


def _condition_conjunctions(doc: Doc) -> list[int]:
    """Indexes of the doc's conjunctions of condition, in order (found once per doc, ``doc_index.per_doc``)."""
    def find() -> list[int]:
        if not any(w in doc_text(doc).lower() for w in _CONDITION_VERBS):
            return []
        return [t.i for t in doc if t.lower_ in _CONDITION_VERBS and conditional_conjunction(t)]
    return per_doc(doc, _CONJUNCTIONS_KEY, find)


_ASPECT = frozenset({"keep", "continue", "resume", "start", "begin"})  # "vowed to keep attacking": the phase of the act


def _through_aspect(tok: Token) -> Token:
    """The verb of phase that carries ``tok`` ("keep" in "vowed to keep attacking ships", "continue" in "will continue
    to shell"), up to two of them: the modality of the act is that of its phase verb."""
    for _ in range(2):
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _ASPECT:
            tok = tok.head
        else:
            break
    return tok


def is_intended(tok: Token) -> bool:
    """The act is what its actor says it will do: a future auxiliary on the trigger ("will ban", "would retaliate")
    or a verb of commitment whose complement it is ("vowed to storm", "threatened to cut", "is going to strike"), also
    through a verb of phase ("vowed to keep attacking"). Possibility ("could", "may"), requests ("urged to") and
    conditions are not intent."""
    phase = first_conjunct(_through_aspect(tok))
    return _future_auxiliary(tok, phase) or phase.dep_ == "xcomp" and phase.head.lemma_.lower() in _COMMIT


def _future_auxiliary(tok: Token, phase: Token) -> bool:
    """A future auxiliary on the act or on its verb of phase ("will ban", "would continue to shell")."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE for t in {tok, phase} for c in kids(t))


# CAMEO roots of the cooperative acts whose announcement for the future is coded as the intent of them: meetings (04),
# diplomatic (05) and material cooperation (06), aid (07). The PLOVER manual (AGREE): "cooperative actions of types
# CONSULT, SUPPORT, COOPERATE, and AID reported in future tense are also taken to imply intentions and should be coded
# as AGREE", as CAMEO's 036, 032, 031 and 033 are. A yielding act told for the future ("will withdraw", "will hand
# over its weapons", "will release the prisoners") is coded as CAMEO's coders code it, the intent to yield (035x, in
# the reference mapping AGREE), not as done; the PLOVER manual counts such promises among its verbal concessions.
FUTURE_INTENT_ROOTS = frozenset({"04", "05", "06", "07", "08"})
_PLANNING = {"plan", "intend", "prepare", "go", "aim", "hope", "schedule", "set", "due", "expect"}


def announced_cooperation(tok: Token) -> bool:
    """The act is told as what will happen, not as done: a future auxiliary on it ("will visit", "said it would send
    aid"), or it is the complement of a word of planning ("plans to hold talks", "is due to sign", "is expected to
    meet", "is set to visit"), unnegated. Possibility ("could", "may") is not."""
    phase = _through_aspect(tok)
    if any(c.dep_ == "neg" for t in {tok, phase} for c in kids(t)):
        return False
    return _future_auxiliary(tok, phase) or phase.dep_ == "xcomp" and _unnegated_word_of(phase.head, _PLANNING)


_POSSIBLE = {"could", "may", "might"}


def on_condition(tok: Token) -> bool:
    """The act is told for the future on a condition its own clause sets ("will cut supplies if the debt is not
    paid", "would strike unless the firm gives in"): an act that waits on what another party does is held over that
    party, a threat when the act is coercive or violent (``frames._threats``), not an act done. An act its actor says
    it could do on such a condition is held over the other party the same way ("could close the border if the
    shelling goes on"); a possibility with no condition ("could close the border") is no threat."""
    phase = first_conjunct(_through_aspect(tok))
    if not _future_auxiliary(tok, phase) and not any(c.dep_ == "aux" and c.lower_ in _POSSIBLE for t in {tok, phase} for c in kids(t)):
        return False
    return any(c.dep_ == "advcl" and c.i > t.i and any(m.dep_ == "mark" and m.lower_ in _CONDITION_MARKS for m in kids(c))
               for t in {tok, phase} for c in kids(t))


def is_sworn(tok: Token) -> bool:
    """The act is the complement of a word that binds its actor to it, unnegated ("vowed to storm", "pledged to
    crush", "threatened to expel", "vowed to keep attacking"): said, not done."""
    return _complement_of(_through_aspect(tok), _SWEAR)


def is_promised(tok: Token) -> bool:
    """The act is the complement of a word of promise or readiness (:data:`PROMISE_HEADS`): "pledged to send
    troops", "is willing to grant loans", "offered to free the hostages", "agreed to hold talks"; or the purpose of
    such an act ("is ready to provide loans to help X": the help is offered with the loans)."""
    if _complement_of(tok, PROMISE_HEADS):
        return True
    return is_purpose_infinitive(tok) and _complement_of(tok.head, PROMISE_HEADS)


def is_promised_object(noun: Token) -> bool:
    """An act noun that is the object of an unnegated verb of promising (:data:`PROMISED_OBJECT_HEADS`): "pledged
    aid", "offered talks", "promised reforms" are offered, not done; so is the act an amount measures ("pledged $2
    billion in aid")."""
    noun = measured_by(noun) or noun
    return noun.dep_ == "dobj" and _unnegated_word_of(noun.head, PROMISED_OBJECT_HEADS)


def agreed_to(noun: Token) -> Token | None:
    """The unnegated verb of promising (:data:`PROMISE_HEADS`) whose "to" phrase the act noun is ("agreed to talks
    with X", "agreed to a truce"; or read by the parser as its infinitive, "to | talks"): the act is promised, by that
    verb's subject. None when it is not."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.dep_ == "prep":
        verb = noun.head.head
    elif noun.dep_ == "xcomp" and noun.tag_ in ("NN", "NNS") and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(noun)):
        verb = noun.head
    else:
        return None
    return verb if verb.pos_ == "VERB" and _unnegated_word_of(verb, PROMISE_HEADS) else None


def _complement_of(tok: Token, heads: set[str]) -> bool:
    """``tok`` is the open complement of an unnegated word of ``heads``, or a verb coordinated with it ("vowed to
    reopen the port and to restore the ferry service": the restoring is vowed too)."""
    tok = first_conjunct(tok)
    if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.lower_ == "to" and tok.head.dep_ == "prep":
        return _unnegated_word_of(tok.head.head, heads)  # "is open to resuming talks", "committed to holding a vote"
    return tok.dep_ == "xcomp" and _unnegated_word_of(tok.head, heads)


def first_conjunct(tok: Token) -> Token:
    """The first of the verbs ``tok`` is coordinated with ("to storm the city and to kill its defenders": "storm"),
    which holds the coordination's place in the clause; ``tok`` itself when it is coordinated with none."""
    while tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX") and tok.head.i < tok.i:
        tok = tok.head
    return tok


def _unnegated_word_of(tok: Token, words: set[str]) -> bool:
    return tok.lemma_.lower() in words and not any(k.dep_ == "neg" for k in kids(tok))
