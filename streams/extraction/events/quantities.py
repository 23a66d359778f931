"""Counts of dead, injured, arrested and money amounts stated in a sentence."""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Span

from ..doc_index import ents

_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "dozens": 24, "hundred": 100, "hundreds": 200, "thousand": 1000, "thousands": 2000}
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "bn": 1e9, "m": 1e6, "k": 1e3}
_KINDS = {
    "fatalities": {"kill", "dead", "die", "death", "toll", "fatality", "body", "life", "murder", "slay"},
    "injured": {"injure", "wound", "hurt", "injury", "injured", "wounded"},
    "arrested": {"arrest", "detain", "detention", "jail", "imprison", "capture"},
}
_NUM = re.compile(r"\d[\d,]*(?:\.\d+)?")


def parse_number(text: str) -> float | None:
    """'31,900' -> 31900, 'five' -> 5, '1.2 million' -> 1.2e6, '$50,000' -> 50000."""
    low = text.lower()
    m = _NUM.search(low)
    value: float | None = None
    if m:
        try:
            value = float(m.group(0).replace(",", ""))
        except ValueError:
            value = None
    else:
        for word in re.findall(r"[a-z]+", low):
            if word in _WORDS:
                value = float(_WORDS[word])
                break
    if value is None:
        return None
    for word in re.findall(r"[a-z]+", low):
        if word in _SCALE and not (word in ("m", "k") and not m):
            value *= _SCALE[word]
            break
    return value


def _kind(span: Span) -> str | None:
    """Kind from the words around the number: its head noun, that noun's verb, or neighbours."""
    doc = span.doc
    near = set()
    head = span.root.head
    around = [head, head.head, head.head.head]
    around += [c for t in around[1:] for c in t.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")]
    around += [c for t in around for c in t.children if c.dep_ == "compound"]
    for tok in (*around, *doc[max(span.start - 3, 0) : min(span.end + 3, len(doc))]):
        near.add(tok.lemma_.lower())
        near.add(tok.lower_)
    for kind, words in _KINDS.items():
        if near & words:
            return kind
    return None


def sentence_quantities(sent: Span) -> list[dict[str, Any]]:
    """Every number in the sentence that counts victims or arrests, or is a money amount."""
    out: list[dict[str, Any]] = []
    for ent in ents(sent):
        if ent.label_ not in ("CARDINAL", "MONEY", "QUANTITY"):
            continue
        value = parse_number(ent.text)
        if value is None:
            continue
        if ent.label_ == "MONEY":
            out.append({"kind": "amount", "value": value, "text": ent.text})
            continue
        kind = _kind(ent)
        if kind is not None:
            start = max(ent.start - 2, sent.start)
            text = ent.doc[start : ent.end].text if ent.doc[start].lower_ in ("than", "least", "about", "nearly", "almost", "over") else ent.text
            out.append({"kind": kind, "value": value, "text": text})
    return out
