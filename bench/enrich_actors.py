"""Actor typing of entities, with and without the actor dictionaries (issue 14, items 2 and 7).

    .venv/bin/python bench/enrich_actors.py [--half test|tune|all] [--changes N] [--seed-only]

1. 5W1H dev articles (../shared/data/giveme5w1h), split into a tune and a test half by the first byte of
   sha256(dId) (even = tune; the same rule as the event coder's split, computed here, not shared), parsed
   once, resolved three ways on the same docs:
   ``before``  the entity stage without the dictionaries (``named_actor`` switched off);
   ``after``   with them, at the article's date (``published_at``);
   ``nodate``  with them, without a date (today; entities whose typing depended on it are flagged).
   Per half: share of entities with a country, with a sector, with both; with a dictionary code; entities
   whose country / sector the dictionaries changed. This is coverage, not accuracy: ``--changes N`` prints
   N changed entities of the chosen half for a reader to judge (the audit in the report was done by hand on
   the test half, after the tables were final; nothing was tuned on it).
2. Seed article: every required entity is one entity with the expected country (published 2024-03-27).
3. Per-article cost of resolve_entities with and without the dictionaries, interleaved (same docs).

Writes bench/results/enrich_actors.json. Needs ../shared (skipped with a message when it is absent).
"""

from __future__ import annotations

import argparse
import datetime
import glob
import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from enrich_bench import G5, SEED, SEED_EXPECTED, SEED_PUBLISHED  # noqa: E402
from enrich_score import check_seed_entities  # noqa: E402

import streams.extraction.entities as entities  # noqa: E402
from streams.extraction.actor_dictionary import actor_date, named_actor  # noqa: E402
from streams.extraction.gazetteer import warm  # noqa: E402
from streams.extraction.nlp import load_nlp  # noqa: E402
from streams.extraction.trailer import content_end  # noqa: E402

SEED_DATE = actor_date(SEED_PUBLISHED)


def half(item_id: str) -> str:
    """"tune" or "test": first byte of sha256(id), even = tune."""
    return "tune" if hashlib.sha256(item_id.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def articles() -> list[dict[str, Any]]:
    out = []
    for path in sorted(glob.glob(str(G5 / "*.json"))):
        d = json.loads(Path(path).read_text("utf-8"))
        pub = d.get("date_publish")
        d["when"] = actor_date(pub.replace(" ", "T")) if pub and pub != "None" else None
        d["half"] = half(d["dId"])
        out.append(d)
    return out


def resolve(doc, when: datetime.date | None, dictionaries: bool) -> list[dict[str, Any]]:
    entities.named_actor = named_actor if dictionaries else (lambda *a, **k: None)
    try:
        return entities.resolve_entities(doc, when).to_list()
    finally:
        entities.named_actor = named_actor


def coverage(ents: list[dict[str, Any]]) -> dict[str, float | int]:
    n = len(ents) or 1
    return {
        "entities": len(ents),
        "country": round(sum(e["country"] is not None for e in ents) / n, 3),
        "sector": round(sum(e["sector"] is not None for e in ents) / n, 3),
        "both": round(sum(e["country"] is not None and e["sector"] is not None for e in ents) / n, 3),
        "actor_code": round(sum("actor_code" in e for e in ents) / n, 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--half", default="test", choices=("test", "tune", "all"), help="which half to report in detail")
    parser.add_argument("--changes", type=int, default=0, help="print this many changed entities of the half")
    args = parser.parse_args()
    if not G5.is_dir():
        print("../shared/data/giveme5w1h not present: nothing to measure")
        return 0
    t0 = time.perf_counter()
    nlp = load_nlp()
    warm()
    print(f"loaded model + tables in {time.perf_counter() - t0:.1f}s")
    items = articles()
    rows: dict[str, dict[str, list]] = {h: {"before": [], "after": [], "nodate": []} for h in ("tune", "test")}
    changes: dict[str, list] = {"tune": [], "test": []}
    cost = {"before": 0.0, "after": 0.0}
    for d in items:
        text = d["text"][: content_end(d["text"])]
        doc = nlp(text)
        for _ in range(2):  # interleaved, twice: the first round warms the caches of both
            for mode, on in (("before", False), ("after", True)):
                t = time.perf_counter()
                resolve(doc, d["when"], on)
                cost[mode] += time.perf_counter() - t
        before, after, nodate = resolve(doc, d["when"], False), resolve(doc, d["when"], True), resolve(doc, None, True)
        h = d["half"]
        rows[h]["before"] += before
        rows[h]["after"] += after
        rows[h]["nodate"] += nodate
        for b, a in zip(before, after):
            if (b["country"], b["sector"]) != (a["country"], a["sector"]):
                changes[h].append({"article": d["dId"][:12], "date": str(d["when"]), "name": a["canonical"], "type": a["type"],
                                   "before": [b["country"], b["sector"]], "after": [a["country"], a["sector"]],
                                   "code": a.get("actor_code"), "source": a.get("actor_source")})
    result: dict[str, Any] = {"articles": {h: sum(d["half"] == h for d in items) for h in ("tune", "test")}}
    for h in ("tune", "test"):
        result[h] = {mode: coverage(ents) for mode, ents in rows[h].items()}
        result[h]["changed_country"] = sum(c["before"][0] != c["after"][0] for c in changes[h])
        result[h]["changed_sector"] = sum(c["before"][1] != c["after"][1] for c in changes[h])
        result[h]["flagged_date_unresolved"] = sum("date_unresolved" in e.get("actor_flags", []) for e in rows[h]["nodate"])
        print(f"  {h} half ({result['articles'][h]} articles): " + "; ".join(
            f"{mode} country {c['country']:.3f} sector {c['sector']:.3f} both {c['both']:.3f} code {c['actor_code']:.3f} (n={c['entities']})"
            for mode, c in result[h].items() if isinstance(c, dict)))
        print(f"    changed by the dictionaries: country {result[h]['changed_country']}, sector {result[h]['changed_sector']};"
              f" without a date {result[h]['flagged_date_unresolved']} entities flagged date_unresolved")
    n_articles = len(items)
    result["cost_ms_per_article"] = {k: round(v / 2 / n_articles * 1000, 2) for k, v in cost.items()}
    print(f"  resolve_entities per article: {result['cost_ms_per_article']['before']} ms without, {result['cost_ms_per_article']['after']} ms with the dictionaries")
    if SEED.exists():
        expected = json.loads(SEED_EXPECTED.read_text("utf-8"))
        raw = SEED.read_text("utf-8")
        ents = entities.resolve_entities(nlp(raw[: content_end(raw)]), SEED_DATE).to_list()
        seed = check_seed_entities(expected, ents)
        result["seed_entities_ok"] = f"{sum(r['ok'] for r in seed)}/{len(seed)}"
        result["seed_entities"] = seed
        print(f"  seed: required entities one entity with the expected country: {result['seed_entities_ok']}")
    chosen = changes["tune"] + changes["test"] if args.half == "all" else changes[args.half]
    for c in chosen[: args.changes]:
        print(f"    {c['article']} {c['date']} {c['type']:6} {c['name'][:40]!r:42} {c['before']} -> {c['after']} {c['code']} {c['source']}")
    result["changes"] = changes
    out = ROOT / "bench" / "results" / "enrich_actors.json"
    out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
