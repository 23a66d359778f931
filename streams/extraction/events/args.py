"""Who and whom of a trigger, from the dependency parse.

Subjects (inherited through xcomp / conj / participles), passive agents
("was attacked by X"), objects, prepositional targets ("met with X", "attack on
X"), possessors and compounds of noun triggers ("Hamas attack", "Israel's
offensive"), and coordination ("Brazil and the United States agreed" gives two
actors).
"""

from __future__ import annotations

from spacy.tokens import Token

TARGET_PREPS = {"with", "against", "on", "upon", "at", "to", "toward", "towards", "for", "into"}
_NOUN_TARGET_PREPS = {"with", "against", "on", "upon", "to", "for", "of", "toward", "towards", "between"}
_SKIP_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"}
_RELPRON = {"who", "that", "which", "whom"}
_OBJECT_CONTROL = {"urge", "ask", "order", "call", "force", "direct", "tell", "encourage", "invite", "press", "allow", "help"}


_DATELINE_SEPS = {"--", "—", "–", ":", "|", "-"}
_DATELINE_POS = {"PROPN", "NUM", "PUNCT", "NOUN", "SPACE", "X"}
TRANSFER = {"provide", "give", "send", "offer", "grant", "deliver", "donate", "contribute", "supply", "extend", "sell",
            "ship", "transfer", "hand", "allocate", "lend", "loan", "pledge", "dispatch", "airlift"}
_ABSTRACT_PREPS = {"against", "with", "on", "upon", "to", "toward", "towards", "for", "into", "at"}


def dateline_end(sent) -> int:
    """Doc index of the first token after a dateline ("SEOUL, Nov. 26 (Xinhua) --", "CUTTACK:"), else the sentence start.

    A dateline is a short run of names, numbers and punctuation (no verb) closed by a
    dash, colon or bar within the first 14 tokens; what precedes it is a place/agency,
    never an actor.
    """
    start = sent.start
    end = min(sent.end, start + 14)
    for i in range(start + 1, end - 1):
        tok = sent.doc[i]
        if tok.text in _DATELINE_SEPS:
            if tok.text == "-" and not (tok.whitespace_ and i > 0 and sent.doc[i - 1].whitespace_):
                continue  # a hyphen inside a word ("Tehreek-e-Insaf") is no separator
            head = sent.doc[start:i]
            if all(t.pos_ in _DATELINE_POS or t.text in "()," for t in head) and head[0].text[:1].isupper():
                return i + 1
            return start
        if tok.pos_ in ("VERB", "AUX") and tok.text not in ("(", ")"):
            return start
    return start


def in_dateline(tok: Token) -> bool:
    return tok.i < dateline_end(tok.sent)


def conjuncts(tok: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("Brazil and the United States")."""
    out = [tok]
    for t in tok.conjuncts:
        if t.i > tok.i and t.pos_ in ("PROPN", "NOUN") and len(out) < 4:
            out.append(t)
    return out


def _is_time(tok: Token) -> bool:
    return tok.ent_type_ in _SKIP_ENTS or tok.like_num and tok.pos_ == "NUM"


def is_passive(v: Token) -> bool:
    """Passive clause, or a reduced passive participle ("two priests kidnapped"); "X has directed" (acl + have) is active."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children) or headline_passive(v):
        return True
    return v.tag_ == "VBN" and v.dep_ == "acl" and not any(c.dep_ in ("nsubj", "aux", "dobj") for c in v.children)


def headline_passive(v: Token) -> bool:
    """Headline passive without auxiliary: "Egypt activist released", "Journalist killed in Gaza"."""
    last = v.sent[-1]
    if last.is_punct and last.text in (".", "!", "?"):
        return False  # a full sentence: "offered" tagged VBN there is a tagging slip, not a headline
    return v.tag_ == "VBN" and v.dep_ == "ROOT" and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in v.children) \
        and any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in v.children)


def verb_source(v: Token, depth: int = 0) -> list[Token]:
    """Heads of the agent of verb ``v`` (empty when the parse gives none)."""
    if depth > 4:
        return []
    for c in v.children:
        if c.dep_ == "agent":
            pobj = [g for g in c.children if g.dep_ == "pobj"]
            if pobj:
                return conjuncts(pobj[0])
    if headline_passive(v):
        return []
    subjects = [c for c in v.children if c.dep_ in ("nsubj", "csubj")]
    if len(subjects) > 1:
        subjects = [c for c in subjects if not in_dateline(c)] or subjects[-1:]
    for c in subjects:
        if c.lower_ in _RELPRON and v.dep_ == "relcl":
            return conjuncts(v.head)
        return conjuncts(c)
    if is_passive(v):
        return []
    if v.dep_ == "xcomp":
        head = v.head
        obj = [c for c in head.children if c.dep_ in ("dobj", "dative")]
        if obj and head.lemma_.lower() in _OBJECT_CONTROL:
            return conjuncts(obj[0])
        return verb_source(head, depth + 1)
    if v.dep_ in ("conj", "advcl", "acl", "pcomp", "ccomp") and v.head.pos_ in ("VERB", "AUX"):
        if v.dep_ == "ccomp":
            return []
        return verb_source(v.head, depth + 1)
    if v.dep_ == "relcl" and v.head.pos_ in ("NOUN", "PROPN"):
        return conjuncts(v.head)
    return []


def _prep_objects(tok: Token, preps: set[str], exclude: set[int]) -> list[Token]:
    out = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            out += [g for g in c.children if g.dep_ == "pobj" and not _is_time(g) and g.i not in exclude]
    return out


def verb_target_candidates(v: Token, source_ids: set[int], consumed: set[int]) -> list[list[Token]]:
    """Candidate patients in order of syntactic preference; the caller prefers one that is an actor."""
    if is_passive(v):
        subj = [c for c in v.children if c.dep_ == "nsubjpass"] or [c for c in v.children if c.dep_ == "nsubj" and headline_passive(v)]
        if subj:
            if subj[0].lower_ in _RELPRON and v.dep_ == "relcl":
                return [conjuncts(v.head)]
            return [conjuncts(subj[0])]
        if v.dep_ == "acl":
            return [[v.head]]
    out: list[list[Token]] = []
    if v.lemma_.lower() in TRANSFER:
        # "provide subsidies to X", "offered X support", "contribute salaries to the fund": the recipient is the target
        out += [[c] for c in v.children if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN") and c.i not in source_ids]
        for c in v.children:  # "offered the United States broad support" misparsed as a modifier of the object
            if c.dep_ == "dobj":
                out += [[g] for g in c.children if g.dep_ == "nmod" and g.i < c.i and g.ent_type_ in ("GPE", "ORG", "PERSON", "NORP")
                        and g.i not in source_ids and not any(d.dep_ == "case" for d in g.children)]
        out += [conjuncts(g) for g in _prep_objects(v, {"to", "for"}, source_ids)]
        for c in v.children:  # "subsidies of 80 per cent to X": "to X" attached inside the object
            if c.dep_ == "dobj":
                inner = [c] + [g for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
                out += [conjuncts(g) for n in inner for g in _prep_objects(n, {"to"}, source_ids)]
    for c in v.children:
        if c.dep_ == "dobj" and c.like_num and c.i not in source_ids:
            c = next((g for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"), c)
        if c.dep_ in ("dobj", "dative", "pobj") and c.i not in source_ids and not _is_time(c):
            if c.i in consumed or c.lemma_.lower() in ("action", "measure", "step"):
                out += [[g] for g in _prep_objects(c, _ABSTRACT_PREPS, source_ids)]
            else:
                out.append(conjuncts(c))
                out += [[g] for g in _prep_objects(c, {"against", "with", "on", "toward", "towards"}, source_ids)]
    for g in _prep_objects(v, TARGET_PREPS, source_ids):
        out.append(conjuncts(g))
        # "called for action against X", "pressed for talks with X": the actor inside the abstract object
        out += [[n] for n in _prep_objects(g, _ABSTRACT_PREPS, source_ids)]
    return out


def verb_targets(v: Token, source_ids: set[int]) -> list[Token]:
    """Patient of ``v``: passive subject, direct/indirect object, or a target preposition's object."""
    if is_passive(v):
        subj = [c for c in v.children if c.dep_ == "nsubjpass"]
        if subj:
            if subj[0].lower_ in _RELPRON and v.dep_ == "relcl":
                return conjuncts(v.head)
            return conjuncts(subj[0])
        if v.dep_ == "acl":
            return [v.head]
    for c in v.children:
        if c.dep_ in ("dobj", "dative") and c.i not in source_ids and not _is_time(c):
            return conjuncts(c)
    for c in v.children:
        if c.dep_ == "prt":
            continue
        if c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
            pobj = [g for g in c.children if g.dep_ == "pobj" and not _is_time(g)]
            if pobj and pobj[0].i not in source_ids:
                return conjuncts(pobj[0])
    return []


def noun_source(n: Token) -> list[Token]:
    """Agent of a noun trigger: possessor, actor compound / nationality adjective, "by X"."""
    for c in n.children:
        if c.dep_ == "poss" and c.pos_ != "PRON":
            return [c]
    for c in n.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            pobj = [g for g in c.children if g.dep_ == "pobj"]
            if pobj:
                return conjuncts(pobj[0])
    for c in n.children:
        if c.dep_ in ("compound", "amod") and (c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or c.pos_ == "PROPN"):
            return [c]
    return []


LIGHT_VERBS = {"reiterate", "express", "offer", "give", "hold", "announce", "voice", "pledge", "extend", "show", "declare",
               "provide", "launch", "stage", "start", "begin", "lead", "organize", "organise", "join", "attend", "call",
               "conduct", "carry", "make", "have", "vote", "adopt", "pass", "approve", "issue", "file", "lodge", "continue",
               "resume", "step", "intensify", "mount", "wage", "end", "host", "receive", "seek", "reaffirm", "confirm"}
_NOUN_PLACE_PREPS = {"in", "at", "during"}


def noun_governor(n: Token) -> Token | None:
    """The verb a noun trigger hangs from ("reiterated its support", "in a meeting"), if any.

    Only light verbs lend their subject ("X held talks", "X launched an attack"); a noun
    inside some other verb's object ("attracted the support of voters") is not X's act.
    """
    cur = n
    for _ in range(3):
        if cur.dep_ in ("dobj", "nsubjpass", "attr", "oprd"):
            gov = cur.head
            return gov if gov.pos_ in ("VERB", "AUX") and gov.lemma_.lower() in LIGHT_VERBS else None
        if cur.dep_ == "pobj" and cur.head.dep_ == "prep":
            gov = cur.head.head
            if gov.pos_ in ("VERB", "AUX"):
                if cur.head.lower_ in _NOUN_PLACE_PREPS or gov.lemma_.lower() in LIGHT_VERBS:
                    return gov
                return None
            cur = gov
            continue
        if cur.dep_ == "conj":
            cur = cur.head
            continue
        return None
    return None


def noun_targets(n: Token, source_ids: set[int]) -> list[Token]:
    """Object of a noun trigger's preposition ("support for Hamas", "a meeting with X")."""
    for c in n.children:
        if c.dep_ == "prep" and c.lower_ in _NOUN_TARGET_PREPS:
            pobj = [g for g in c.children if g.dep_ == "pobj" and not _is_time(g)]
            if pobj and pobj[0].i not in source_ids:
                return conjuncts(pobj[0])
    return []


def with_target(sent_tokens: list[Token], near: Token, source_ids: set[int]) -> list[Token]:
    """A "with X" phrase anywhere after the trigger in its clause ("a meeting in Tehran this Tuesday with X")."""
    for tok in sent_tokens:
        if tok.i > near.i and tok.lower_ == "with" and tok.dep_ == "prep":
            pobj = [g for g in tok.children if g.dep_ == "pobj" and not _is_time(g)]
            if pobj and pobj[0].i not in source_ids:
                return conjuncts(pobj[0])
    return []
