"""Scoring rules of issue 5 (who/what/when/where of the main event, seed expectations), shared by bench and tests."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

_TOKEN = re.compile(r"\w+")


def tokens(text: str | None) -> list[str]:
    text = unicodedata.normalize("NFKD", text or "")
    return _TOKEN.findall("".join(c for c in text if not unicodedata.combining(c)).lower())


def phrase_match(ours: str | None, gold: list[str]) -> bool:
    """Our text shares at least half of its tokens with one gold phrase."""
    mine = set(tokens(ours))
    if not mine:
        return False
    return any(len(mine & set(tokens(g))) * 2 >= len(mine) for g in gold if g)


def gold_phrases(article: dict[str, Any], field: str) -> list[str]:
    return [a["text"] for a in article["fiveWoneH"][field]["annotated"] if a.get("text")]


def gold_dates(article: dict[str, Any]) -> list[str]:
    return [a["parsed"][:10] for a in article["fiveWoneH"]["when"]["annotated"] if a.get("parsed")]


def score_article(article: dict[str, Any], event: dict[str, Any] | None) -> dict[str, bool | None]:
    """True/False per field, None when the article has no gold for it (when: a phrase or a parsed date)."""
    event = event or {}
    out: dict[str, bool | None] = {}
    for field in ("who", "where"):
        gold = gold_phrases(article, field)
        part = event.get(field) or {}
        out[field] = phrase_match(part.get("text"), gold) if gold else None
    gold, dates = gold_phrases(article, "when"), gold_dates(article)
    part = event.get("when") or {}
    if gold or dates:
        out["when"] = (part.get("resolved") is not None and part["resolved"][:10] in dates) or phrase_match(part.get("text"), gold)
    else:
        out["when"] = None
    # the same, only over articles whose coders wrote a time phrase (not just a date they inferred)
    out["when_phrase_gold"] = out["when"] if gold else None
    return out


def _names(item: dict[str, Any]) -> set[str]:
    return {" ".join(tokens(n)) for n in [item["canonical"], *item.get("aliases", [])]}


def check_seed_entities(expected: dict[str, Any], entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per required entity: how many of our entities carry one of its names, and whether that one has its country."""
    rows = []
    for item in expected["entities"]["required"]:
        names = _names(item)
        hits = [e for e in entities if _names(e) & names]
        rows.append({
            "canonical": item["canonical"],
            "entities": [f'{e["id"]}:{e["canonical"]}:{e["country"]}' for e in hits],
            "ok": len(hits) == 1 and hits[0]["country"] == item["country"],
        })
    return rows


def forbidden_actors(expected: dict[str, Any], entities: list[dict[str, Any]]) -> list[str]:
    bad = []
    for rule in expected["events"]["forbidden"]:
        for name in rule["any_actor_matches"]:
            key = set(tokens(name))
            bad += [e["canonical"] for e in entities if any(key <= set(tokens(a)) for a in [e["canonical"], *e["aliases"]])]
    return sorted(set(bad))
