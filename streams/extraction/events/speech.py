"""Reported speech: who speaks, and which part of the sentence is what they said.

"X said Y attacked Z" is an attack by Y attributed to X: a reporting verb never takes
the place of the act it reports. Only when what was said holds no codable act is the
sentence a CAMEO 01 statement by X (counted, published only on request).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..doc_index import doc_text
from .slots import agent_heads, kids


def speaker(v: Token) -> list[Token]:
    """Subject of a reporting verb ("Haniye said", "officials said", "said Catholic Church officials")."""
    return agent_heads(v)


def content_ids(v: Token) -> set[int]:
    """Token indices of what was said: clausal complements, and the quoted main clause for a parenthetical "X said"."""
    ids: set[int] = set()
    for c in kids(v):
        if c.dep_ in ("ccomp", "xcomp", "parataxis"):
            ids.update(t.i for t in c.subtree)
        elif c.dep_ == "dobj":
            ids.add(c.i)  # "reiterated its support": the object noun itself is what was said
        if c.dep_ == "prep" and c.lower_ in ("of", "about", "on"):
            ids.update(t.i for t in c.subtree)
    # (a saying that is a clause of time or cause is no parenthetical: "..., after officials said X" reports X only)
    if (v.dep_ in ("parataxis", "advcl", "ccomp") and v.head.pos_ in ("VERB", "AUX")
            and not any(m.dep_ == "mark" and m.lower_ != "as" for m in kids(v))):
        own = {s.i for s in v.subtree}
        ids.update(t.i for t in v.head.subtree if t.i not in own)
    return ids


def according_to(sent: Span) -> Token | None:
    """Head of an "according to X" source phrase, if the sentence has one."""
    if "ccording" not in doc_text(sent.doc)[sent.start_char : sent.end_char]:
        return None
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor(1).lower_ == "to":
            for t in tok.nbor(1).children:
                if t.dep_ == "pobj":
                    return t
            nxt = tok.nbor(1)
            for t in sent[nxt.i - sent.start + 1 :]:
                if t.pos_ in ("PROPN", "NOUN"):
                    return t
    return None


__all__ = ["speaker", "content_ids", "according_to"]
