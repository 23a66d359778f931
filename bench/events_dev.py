"""Score the event coder on the human-coded CAMEO sentences (gold event records), by half.

    .venv/bin/python bench/events_dev.py [--half test|tune|all] [--statements] [--set blind|wild|feed|desk|article|coded|press|wire] [-v]

Each sentence is wrapped as a CleanArticle and run through the whole ``extract()``
(what ships). The top event of a sentence is its most confident one (ties: sentence
order). Scores, on the sentences whose gold has an event:
- ``plover_accuracy``: the top event's PLOVER type is the gold's. The gold gives only a
  CAMEO root; the reference CAMEO->PLOVER table splits some roots between two types
  (08: CONCEDE and RETREAT; 16: SANCTION and COERCE for 163; 17: COERCE and ASSAULT for
  175; 19: ASSAULT and COERCE for 191/192), so the gold type is any type of a code under
  the gold root (02 appeals are REQUEST). ``plover_accuracy_strict`` takes only the type
  the table gives the root itself. Over the sentences whose gold root has a PLOVER type
  (02-20); no event counts as wrong.
- ``statement_sentences_untyped``: of the gold statements (root 01, no PLOVER type),
  the share whose top event is not a typed event (what the default settings should do).
- ``plover_among_events``: the gold type is the type of some event of the sentence, top or not
  (a ceiling for the choice of the top event; a diagnostic, not a bar).
- ``root_accuracy``: CAMEO root of the top event = gold root, over all event sentences
  (statements count as right only when published, i.e. with ``--statements``).
- ``source_match`` / ``target_match``: the top event's source / target text shares at
  least half of the tokens of the longer of (prediction, gold span), over the typed
  sentences with a gold span ("_all" variants: over every event sentence with a span).
- ``typed_sentences_with_no_event``: typed gold sentences for which the coder gave no event at all (a count).
- ``no_event_false_positive_rate``: gold says no codable event, the coder gave a typed one.
The split into halves is ``events_split.half`` on the sentence id.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
DATA = ROOT.parent / "shared" / "data" / "cameo-sentences" / "sentences.jsonl"
BLIND = ROOT / "bench" / "events_records_blind.txt"
WILD = ROOT / "bench" / "events_records_wild.txt"
FEED = ROOT / "bench" / "events_records_feed.txt"
DESK = ROOT / "bench" / "events_records_desk.txt"
ARTICLE = ROOT / "bench" / "events_records_article.txt"
CODED = ROOT / "bench" / "events_records_coded.txt"
PRESS = ROOT / "bench" / "events_records_press.txt"
WIRE = ROOT / "bench" / "events_records_wire.txt"
PAPERS = ROOT / "bench" / "events_records_papers.txt"
LEADS = ROOT / "bench" / "events_records_leads.txt"
# the team's blind sets by name (``--set``): each a file of :func:`load_blind`'s shape
SETS = {"blind": BLIND, "wild": WILD, "feed": FEED, "desk": DESK, "article": ARTICLE, "coded": CODED, "press": PRESS, "wire": WIRE, "papers": PAPERS,
        "leads": LEADS}
SPAN_VARIANTS = " | "  # between the coders' variants of one span (events_records_coded.txt)

from events_split import select  # noqa: E402


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


def load_blind(path: Path = BLIND) -> list[dict[str, Any]]:
    """The team's blind gold-style sentences (``events_records_blind.txt``: comment lines, a header, then id, CAMEO
    root, source, target, text; "-" for none; several coders' variants of a span separated by " | ") as rows of the
    dev set's shape. In the repository, so a clone without ``../shared`` still scores gold-style records."""
    lines = [ln for ln in path.read_text("utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    out = []
    for ln in lines[1:]:
        rid, root, src, tgt, text = ln.split("\t")
        out.append({"id": rid, "text": text, "cameo_root": None if root == "-" else root,
                    "source_spans": [] if src == "-" else src.split(SPAN_VARIANTS),
                    "target_spans": [] if tgt == "-" else tgt.split(SPAN_VARIANTS)})
    return out


def gold_plover(root: str | None) -> str | None:
    from streams.extraction.events.tables import code_info

    return code_info(root).plover_type if root else None


@lru_cache(maxsize=None)
def gold_plover_types(root: str) -> frozenset[str]:
    """Every PLOVER type of a CAMEO code under ``root`` in the project's table."""
    from streams.data import rows

    out = {plover for code, plover, *_ in rows("cameo_plover.tsv") if code.startswith(root) and plover}
    first = gold_plover(root)
    return frozenset(out | ({first} if first else set()))


def code_sentence(row: dict[str, Any]) -> list[dict[str, Any]]:
    from streams.extraction import extract
    from streams.ids import content_hash
    from streams.records import CleanArticle

    art = CleanArticle(article_id=row["id"], body=row["text"], content_hash=content_hash(row["text"]),
                       cleaner_version="bench", input_format="text", language="en")
    return extract(art).events


def score(rows: list[dict[str, Any]], verbose: bool = False) -> dict[str, Any]:
    typed = plover_ok = strict_ok = root_ok = any_ok = 0
    src_ok = src_n = tgt_ok = tgt_n = 0
    src_ok_all = src_n_all = tgt_ok_all = tgt_n_all = 0
    stmt_n = stmt_untyped = 0
    none_n = fp = 0
    typed_no_event = 0
    ev_n = 0
    for r in rows:
        events = code_sentence(r)
        top = top_event(events)
        gold_root = r["cameo_root"]
        if gold_root is None:
            none_n += 1
            fp += bool(top) and top["plover_type"] is not None
            if verbose and top:
                print(f'FP {top["cameo_code"]} {top["plover_type"]} | {r["text"][:100]} | S {top["source"]["text"]!r} T {(top["target"] or {}).get("text")!r}')
            continue
        ev_n += 1
        gp = gold_plover(gold_root)
        root = top["cameo_code"][:2] if top else None
        root_ok += root == gold_root
        s_hit = bool(top) and span_match(top["source"]["text"], r["source_spans"])
        t_hit = bool(top) and bool(top["target"]) and span_match(top["target"]["text"], r["target_spans"])
        if r["source_spans"]:
            src_n_all += 1
            src_ok_all += s_hit
        if r["target_spans"]:
            tgt_n_all += 1
            tgt_ok_all += t_hit
        if gp is None:
            stmt_n += 1
            stmt_untyped += not (top and top["plover_type"])
        else:
            typed += 1
            typed_no_event += not events
            strict_ok += bool(top) and top["plover_type"] == gp
            plover_ok += bool(top) and top["plover_type"] in gold_plover_types(gold_root)
            any_ok += any(e["plover_type"] in gold_plover_types(gold_root) for e in events)
            if r["source_spans"]:
                src_n += 1
                src_ok += s_hit
            if r["target_spans"]:
                tgt_n += 1
                tgt_ok += t_hit
        if verbose:
            t = top or {}
            mark = "ok" if (top and top["plover_type"] in gold_plover_types(gold_root)) else "XX"
            print(f'{mark} {gold_root} {gp} -> {t.get("cameo_code")} {t.get("plover_type")} | {r["text"][:90]} | '
                  f'S {(t.get("source") or {}).get("text")!r}{"+" if s_hit else "-"} vs {r["source_spans"][:1]} | '
                  f'T {(t.get("target") or {}).get("text")!r}{"+" if t_hit else "-"} vs {r["target_spans"][:1]}')

    def rate(a: int, b: int) -> float:
        return round(a / b, 3) if b else float("nan")

    return {
        "sentences": len(rows),
        "typed_event_sentences": typed,
        "plover_accuracy": rate(plover_ok, typed),
        "plover_accuracy_strict": rate(strict_ok, typed),
        "plover_among_events": rate(any_ok, typed),
        "typed_sentences_with_no_event": typed_no_event,
        "source_match": rate(src_ok, src_n),
        "source_denominator": src_n,
        "target_match": rate(tgt_ok, tgt_n),
        "target_denominator": tgt_n,
        "event_sentences": ev_n,
        "root_accuracy": rate(root_ok, ev_n),
        "source_match_all": rate(src_ok_all, src_n_all),
        "target_match_all": rate(tgt_ok_all, tgt_n_all),
        "statement_sentences": stmt_n,
        "statement_sentences_untyped": rate(stmt_untyped, stmt_n),
        "no_event_sentences": none_n,
        "no_event_false_positive_rate": rate(fp, none_n),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--half", default="test", choices=("test", "tune", "all"))
    ap.add_argument("--statements", action="store_true", help="publish CAMEO 01 statements (NEWSEVENTS_EMIT_STATEMENTS=true)")
    ap.add_argument("--set", choices=sorted(SETS), help="score one of the team's blind sets instead of the dev gold "
                    "(bench/events_records_<name>.txt)")
    for name in sorted(SETS):  # the older spelling, one flag a set: --blind, --wild, --feed, --desk, --article, --coded, --press, --wire, --papers, --leads
        ap.add_argument(f"--{name}", action="store_const", const=name, dest="set", help=argparse.SUPPRESS)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    if args.statements:
        os.environ["NEWSEVENTS_EMIT_STATEMENTS"] = "true"
    name = args.set or "dev"
    rows = select(load_blind(SETS[args.set]) if args.set else load(), lambda r: r["id"], args.half)
    print(json.dumps({"half": args.half, "set": name, "statements": args.statements,
                      **score(rows, verbose=args.verbose)}, indent=1))


if __name__ == "__main__":
    main()
