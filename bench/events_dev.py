"""Score the event coder on the cameo-sentences dev set (bar 2).

Each sentence is wrapped as a CleanArticle and run through the whole
``extract()`` (what ships). Top event = highest confidence, ties by sentence
order. Span match: the predicted text shares at least half of the tokens of
the longer of (prediction, gold span) — "half the tokens shared" read strictly,
so a whole-sentence guess does not match a one-word gold span.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "cameo-sentences" / "sentences.jsonl"


def tokens(text: str | None) -> list[str]:
    return re.findall(r"\w+", (text or "").lower())


def span_match(pred: str | None, golds: list[str]) -> bool:
    p = tokens(pred)
    if not p:
        return False
    for g in golds:
        gt = tokens(g)
        if not gt:
            continue
        shared = sum(min(p.count(w), gt.count(w)) for w in set(gt))
        if shared * 2 >= max(len(p), len(gt)):
            return True
    return False


def top_event(events: list[dict[str, Any]]) -> dict[str, Any] | None:
    if not events:
        return None
    order = {id(e): i for i, e in enumerate(events)}
    return max(events, key=lambda e: (e["confidence"], -order[id(e)]))


def load() -> list[dict[str, Any]]:
    return [json.loads(line) for line in DATA.read_text("utf-8").splitlines() if line.strip()]


def code_sentence(row: dict[str, Any]) -> list[dict[str, Any]]:
    from streams.extraction import extract
    from streams.ids import content_hash
    from streams.records import CleanArticle

    art = CleanArticle(article_id=row["id"], body=row["text"], content_hash=content_hash(row["text"]),
                       cleaner_version="bench", input_format="text", language="en")
    return extract(art).events


def score(rows: list[dict[str, Any]], verbose: bool = False) -> dict[str, Any]:
    ev_rows = [r for r in rows if r["cameo_root"]]
    none_rows = [r for r in rows if not r["cameo_root"]]
    root_ok = src_ok = tgt_ok = src_n = tgt_n = 0
    confusion: list[tuple[str, str | None]] = []
    for r in ev_rows:
        top = top_event(code_sentence(r))
        root = top["cameo_code"][:2] if top else None
        root_ok += root == r["cameo_root"]
        confusion.append((r["cameo_root"], root))
        if r["source_spans"]:
            src_n += 1
            src_ok += bool(top) and span_match(top["source"]["text"], r["source_spans"])
        if r["target_spans"]:
            tgt_n += 1
            tgt_ok += bool(top) and bool(top["target"]) and span_match(top["target"]["text"], r["target_spans"])
        if verbose:
            t = top or {}
            print(f'{r["cameo_root"]} {root} | {r["text"][:90]} | S {(t.get("source") or {}).get("text")!r} vs {r["source_spans"][:1]} | T {(t.get("target") or {}).get("text")!r} vs {r["target_spans"][:1]}')
    fp = 0
    for r in none_rows:
        evs = code_sentence(r)
        fp += bool(evs)
        if verbose and evs:
            t = top_event(evs)
            print(f'FP {t["cameo_code"]} | {r["text"][:100]} | S {t["source"]["text"]!r} T {(t["target"] or {}).get("text")!r}')
    return {
        "event_sentences": len(ev_rows),
        "root_accuracy": round(root_ok / max(len(ev_rows), 1), 3),
        "source_match": round(src_ok / max(src_n, 1), 3),
        "source_denominator": src_n,
        "source_match_all_event_sentences": round(src_ok / max(len(ev_rows), 1), 3),
        "target_match": round(tgt_ok / max(tgt_n, 1), 3),
        "target_denominator": tgt_n,
        "target_match_all_event_sentences": round(tgt_ok / max(len(ev_rows), 1), 3),
        "no_event_sentences": len(none_rows),
        "no_event_false_positive_rate": round(fp / max(len(none_rows), 1), 3),
    }


if __name__ == "__main__":
    print(json.dumps(score(load(), verbose=True), indent=1))
