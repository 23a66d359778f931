"""Choose the coder's classifier thresholds on the tune halves only (never the test halves).

    .venv/bin/python bench/events_tune.py [--values 0.05,0.1,0.2]

Parses the tune halves of the gold CAMEO sentences, of the blind gold-style and wild-feed records and of the snippet
proxies (team, blind, stories) once, then codes them under each value of a threshold of ``builder`` (``--name``) and prints the
figures the issue's bars use. The value in ``streams/extraction/events/builder.py`` is the one chosen
here (see its comment); the test halves are then scored once with bench/events_bench.py.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import events_dev  # noqa: E402
import events_snippets  # noqa: E402
from events_split import select  # noqa: E402


def prepared(items: list[dict]) -> list[tuple[dict, object, object, object]]:
    from streams.extraction.entities import resolve_entities
    from streams.extraction.events import annotate
    from streams.extraction.nlp import load_nlp, parse
    from streams.ids import content_hash
    from streams.records import CleanArticle

    nlp = load_nlp()
    out = []
    for x, doc in zip(items, parse([x["text"] for x in items])):
        doc = annotate(nlp, doc)
        art = CleanArticle(article_id=x["id"], body=x["text"], content_hash=content_hash(x["text"]), cleaner_version="tune",
                           input_format="text", language="en")
        out.append((x, doc, resolve_entities(doc), art))
    return out


def top(events: list[dict]) -> dict | None:
    typed = [e for e in events if e["plover_type"]]
    return max(typed, key=lambda e: e["confidence"]) if typed else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--values", default="0.0,0.05,0.08,0.12,0.16,0.2,0.25,0.3")
    ap.add_argument("--name", default="VETO_TYPE_MIN", choices=("VETO_TYPE_MIN", "VETO_NONE_MIN", "HYPOTHETICAL_PENALTY", "CONDITION_PENALTY", "STATEMENT_PRIOR", "NON_ACTOR_AGENT_VETO"))
    args = ap.parse_args()
    from streams.extraction.events import builder

    dev = prepared([{"id": r["id"], "text": r["text"], "gold": r} for r in select(events_dev.load(), lambda r: r["id"], "tune")])
    blind_dev = prepared([{"id": r["id"], "text": r["text"], "gold": r} for r in select(events_dev.load_blind(), lambda r: r["id"], "tune")])
    wild_dev = prepared([{"id": r["id"], "text": r["text"], "gold": r} for r in select(events_dev.load_blind(events_dev.WILD), lambda r: r["id"], "tune")])
    snips = select(events_snippets.team_snippets(), lambda x: x["id"], "tune") + select(events_snippets.story_snippets(), lambda x: x["id"], "tune")
    snip = prepared(snips)
    blind_snip = prepared(select(events_snippets.team_snippets(events_snippets.BLIND), lambda x: x["id"], "tune"))
    for value in [float(v) for v in args.values.split(",")]:
        setattr(builder, args.name, value)
        figures = {}
        for label, rows in (("blind_records_plover", blind_dev), ("wild_records_plover", wild_dev), ("dev_plover", dev)):
            typed = ok = none = fp = 0
            for x, doc, table, art in rows:
                t = top(builder.code_article(doc, table, art, emit_statements=False).events)
                g = x["gold"]["cameo_root"]
                if g is None:
                    none += 1
                    fp += t is not None
                elif events_dev.gold_plover(g):
                    typed += 1
                    ok += t is not None and t["plover_type"] in events_dev.gold_plover_types(g)
            figures[label] = round(ok / typed, 3)
            figures[label.replace("plover", "no_event_fp")] = round(fp / none, 3) if none else None
        for label, rows in (("blind", blind_snip),):
            ev = ev_ok = ne = ne_ok = 0
            for x, doc, table, art in rows:
                t = top(builder.code_article(doc, table, art, emit_statements=False).events)
                if x["category"] in events_snippets.NO_EVENT:
                    ne += 1
                    ne_ok += t is None
                else:
                    ev += 1
                    ev_ok += t is not None and t["plover_type"] in events_snippets.EXPECTED[x["category"]]
            figures[f"{label}_events"], figures[f"{label}_no_event"] = round(ev_ok / ev, 3), round(ne_ok / ne, 3)
        ev = ev_ok = ne = ne_ok = st = st_ok = 0
        for x, doc, table, art in snip:
            t = top(builder.code_article(doc, table, art, emit_statements=False).events)
            cat = x["category"]
            if cat.startswith("story:"):
                st += 1
                st_ok += t is not None and t["plover_type"] == x["label"]
            elif cat in events_snippets.NO_EVENT:
                ne += 1
                ne_ok += t is None
            else:
                ev += 1
                ev_ok += t is not None and t["plover_type"] in events_snippets.EXPECTED[cat]
        print(json.dumps({args.name: value, "dev_plover": figures.pop("dev_plover"), "dev_no_event_fp": figures.pop("dev_no_event_fp"),
                          "team_events": round(ev_ok / ev, 3), "team_no_event": round(ne_ok / ne, 3),
                          "stories": round(st_ok / st, 3) if st else None, **figures}))


if __name__ == "__main__":
    main()
