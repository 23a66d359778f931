"""The event-type classifier: which PLOVER type (or none) a sentence reports, from its words and its candidates.

A multinomial logistic regression over hashed binary features, trained offline by
``tools/train_event_types.py`` (synthetic news stories with document labels, weak labels
from the dictionary, team-written negatives; the run is recorded in
``streams/data/event_types.json``) and shipped as ``streams/data/event_types.npz``:
the hash buckets that carry weight, their weights (float16) and the intercepts. Nothing is
trained or downloaded at run time, and scoring needs only numpy.

Features (:func:`sentence_features`, shared with the training script so both sides see
the same thing): content lemmas and their bigrams, named entities as their type only
(``E:GPE``; names are not evidence of an event type), the candidates' trigger lemmas,
CAMEO codes and PLOVER types, trigger + object (a name as its entity type), negation and modal cues.

The coder uses the probabilities to choose between a sentence's candidate codes, to
drop dictionary hits the sentence does not support (a game result, a market move, an
accident) and as the main term of ``confidence``.
"""

from __future__ import annotations

import zlib
from functools import lru_cache
from typing import Iterable

import numpy as np
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, IS_PUNCT, IS_SPACE, IS_STOP, LEMMA, LIKE_NUM, POS, TAG
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from ...data import blob
from ..doc_index import per_doc
from .frames import Candidate
from .tables import code_info

CLASSES = ("NONE", "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
           "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
N_BUCKETS = 1 << 20
WEIGHTS_FILE = "event_types.npz"
_ENTITY_TYPES = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"}
_NUMERIC = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"}
_CONTENT_POS = {"NOUN", "VERB", "ADJ", "ADV", "PROPN", "NUM"}


_ENTITY_IDS = {get_string_id(label): label for label in _ENTITY_TYPES}
_NUMERIC_IDS = frozenset(get_string_id(label) for label in _NUMERIC)
_CONTENT_POS_IDS = frozenset(POS_IDS[p] for p in _CONTENT_POS)
_NEG, _MODAL = get_string_id("neg"), get_string_id("MD")
_IOB_BEGIN = 3  # Token.ent_iob for "B"


_ROWS_KEY = "newsevents.events.feature_rows"
_ROW_ATTRS = [ENT_TYPE, ENT_IOB, LIKE_NUM, IS_PUNCT, IS_SPACE, IS_STOP, POS, DEP, TAG, LEMMA]


def _rows(sent: Span) -> list[list[int]]:
    """The attributes the features read, for every token of the sentence, sliced from one array read once per doc: a
    Token made and asked eight questions per word of every sentence scored cost more than the scoring. Only the
    scored sentence's rows become Python lists (the conversion of a whole article's ids cost more than its scoring)."""
    doc = sent.doc
    return per_doc(doc, _ROWS_KEY, lambda: doc.to_array(_ROW_ATTRS))[sent.start : sent.end].tolist()


def sentence_features(sent: Span, cands: Iterable[Candidate] = ()) -> list[str]:
    """The sentence's features (strings); see module doc. Token attributes are compared as the ids spaCy stores
    (no string made for a word the features skip): the same features as comparing their strings."""
    feats: list[str] = []
    seq: list[str] = []
    last_ent = -1
    doc = sent.doc
    strings = doc.vocab.strings
    for i, (ent, iob, like_num, punct, space, stop, pos, dep, tag, lemma) in enumerate(_rows(sent), sent.start):
        if ent in _ENTITY_IDS:
            if iob == _IOB_BEGIN or last_ent != i - 1:
                seq.append("E:" + _ENTITY_IDS[ent])
            last_ent = i
            continue
        if ent in _NUMERIC_IDS or like_num:
            if seq and seq[-1] != "#":
                seq.append("#")
            continue
        if punct or space or stop or pos not in _CONTENT_POS_IDS:
            if dep == _NEG:
                feats.append("cue:neg")
            elif tag == _MODAL:
                feats.append("cue:modal")
            continue
        seq.append(strings[lemma].lower())
    feats += ["w:" + w for w in seq]
    feats += [f"b:{a}_{b}" for a, b in zip(seq, seq[1:])]
    for c in cands:
        info = code_info(c.code or c.reverse)
        feats.append("t:" + c.lemma)
        feats.append("c:" + (c.code or c.reverse)[:2])
        feats.append("c3:" + (c.code or c.reverse)[:3])
        feats.append("p:" + (info.plover_type or "STATEMENT"))
        feats.append(f"k:{c.kind}:{info.plover_type or 'STATEMENT'}")
        for group in c.target_groups[:1]:
            feats.append(f"to:{c.lemma}_{_arg(doc[group[0]])}")
        for i in c.consumed[:2]:
            feats.append(f"tc:{c.lemma}_{_arg(doc[i])}")
    return feats


def _arg(tok: Token) -> str:
    """A trigger's argument as a feature: its entity type for a name (names are not evidence of an event type: a
    target's name learned from one story template would stand for that template), else its lemma."""
    ent = tok.ent_type
    return "E:" + _ENTITY_IDS[ent] if ent in _ENTITY_IDS else tok.lemma_.lower()


def bucket(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & (N_BUCKETS - 1)


class TypeClassifier:
    """Scores with the shipped weights: logits = intercept + the rows of the sentence's buckets."""

    def __init__(self, rows: np.ndarray, weights: np.ndarray, intercept: np.ndarray, classes: tuple[str, ...]) -> None:
        self.rows = rows
        self.row_of = {int(b): i for i, b in enumerate(rows.tolist())}  # bucket -> row of weights
        self.weights = weights.astype(np.float32)
        self.intercept = intercept.astype(np.float32)
        self.classes = classes
        self.index = {c: i for i, c in enumerate(classes)}

    def probabilities_of(self, features: Iterable[str]) -> np.ndarray:
        row_of = self.row_of
        idx = [row_of[b] for b in {bucket(f) for f in features} if b in row_of]  # binary features: each bucket once
        logits = self.intercept + self.weights[idx].sum(axis=0) if idx else self.intercept.copy()
        logits -= logits.max()
        e = np.exp(logits)
        return e / e.sum()

    def probabilities(self, sent: Span, cands: Iterable[Candidate]) -> np.ndarray:
        return self.probabilities_of(sentence_features(sent, cands))

    def prob(self, probs: np.ndarray | None, plover_type: str | None) -> float | None:
        if probs is None or plover_type is None:
            return None
        i = self.index.get(plover_type)
        return float(probs[i]) if i is not None else None


@lru_cache(maxsize=1)
def load_classifier() -> TypeClassifier | None:
    """The shipped classifier, or None when the weights file is absent (the coder then ranks by the dictionary alone)."""
    raw = blob(WEIGHTS_FILE)
    if raw is None:
        return None
    import io

    with np.load(io.BytesIO(raw), allow_pickle=False) as z:
        classes = tuple(str(c) for c in z["classes"])
        return TypeClassifier(z["rows"].astype(np.int64), z["weights"], z["intercept"], classes)
