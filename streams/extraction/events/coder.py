"""One coded event per verb whose lemma is in the event lexicon."""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Token

from ...ids import stable_hash
from ...records import EVENT_SCHEMA_VERSION, CleanArticle
from ..entities import EntityTable

EVENTS_VERSION = "0.1.0"
_SUBJ = {"nsubj", "nsubjpass"}
_OBJ = {"dobj", "pobj", "dative"}


@lru_cache(maxsize=1)
def lexicon() -> dict[str, dict[str, str]]:
    text = resources.files("streams.data").joinpath("event_verbs.tsv").read_text("utf-8")
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")
    return {row["lemma"]: row for row in rows}


def _actor(doc: Doc, token: Token | None, table: EntityTable) -> dict[str, Any] | None:
    if token is None:
        return None
    span = doc[token.left_edge.i : token.right_edge.i + 1]
    ent = table.at(span.start_char, span.end_char)
    return {
        "text": span.text,
        "canonical": ent.canonical if ent else None,
        "entity": ent.id if ent else None,
        "country": ent.country if ent else None,
        "sector": ent.sector if ent else None,
    }


def code_events(doc: Doc, table: EntityTable, article: CleanArticle) -> list[dict[str, Any]]:
    article_id, content_hash = article.article_id, article.content_hash
    lex = lexicon()
    events = []
    for index, sent in enumerate(doc.sents):
        for tok in sent:
            row = lex.get(tok.lemma_.lower())
            if row is None or tok.pos_ != "VERB":
                continue
            subj = next((c for c in tok.children if c.dep_ in _SUBJ), None)
            source = _actor(doc, subj, table)
            if source is None or source["entity"] is None:
                continue
            obj = next((c for c in tok.children if c.dep_ in _OBJ), None)
            if obj is None:
                prep = next((c for c in tok.children if c.dep_ == "prep"), None)
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
            events.append(
                {
                    "schema_version": EVENT_SCHEMA_VERSION,
                    "event_id": stable_hash(article_id, content_hash, index, tok.idx, row["cameo"]),
                    "article_id": article_id,
                    "plover_type": row["plover"] or None,
                    "plover_mode": None,
                    "cameo_code": row["cameo"],
                    "quad_class": row["quad"],
                    "source": source,
                    "target": _actor(doc, obj, table),
                    "action": {"text": tok.text, "lemma": tok.lemma_},
                    "negated": any(c.dep_ == "neg" for c in tok.children),
                    "hypothetical": False,
                    "attribution": None,
                    "date": None,
                    "location": None,
                    "quantities": [],
                    "sentence": {"index": index, "text": sent.text, "start": sent.start_char, "end": sent.end_char},
                    "confidence": 0.5,
                    "extractor_version": EVENTS_VERSION,
                }
            )
    return events
