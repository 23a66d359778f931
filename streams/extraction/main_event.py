"""The article's main event as who / what / whom / when / where / why / how."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from .entities import EntityTable

_SUBJ = {"nsubj", "nsubjpass"}
_OBJ = {"dobj", "pobj", "attr"}


def find_main_event(doc: Doc, table: EntityTable) -> dict[str, Any] | None:
    """The first lead sentence whose verb has an entity as subject (lead sentences carry the news)."""
    for index, sent in enumerate(doc.sents):
        root = sent.root
        if root.pos_ not in ("VERB", "AUX"):
            continue
        subj = next((t for t in root.children if t.dep_ in _SUBJ), None)
        if subj is None:
            continue
        subj_span = doc[subj.left_edge.i : subj.right_edge.i + 1]
        who = table.at(subj_span.start_char, subj_span.end_char)
        if who is None:
            continue
        obj = next((t for t in root.children if t.dep_ in _OBJ), None)
        whom = None
        if obj is not None:
            obj_span = doc[obj.left_edge.i : obj.right_edge.i + 1]
            target = table.at(obj_span.start_char, obj_span.end_char)
            whom = {"text": obj_span.text, "entity": target.id if target else None}
        when = next((e for e in sent.ents if e.label_ in ("DATE", "TIME")), None)
        where = next((e for e in sent.ents if e.label_ in ("GPE", "LOC", "FAC") and e.start_char != subj_span.start_char), None)
        return {
            "who": {"text": subj_span.text, "entity": who.id},
            "what": {"text": doc[root.i : (obj.right_edge.i + 1) if obj is not None else root.i + 1].text},
            "whom": whom,
            "when": {"text": when.text, "resolved": None} if when is not None else None,
            "where": {"text": where.text, "country": None, "lat": None, "lon": None} if where is not None else None,
            "why": None,
            "how": None,
            "sentence": {"index": index, "text": sent.text},
        }
    return None
