"""Actor typing of entities, with and without the actor dictionaries (issue 14, items 2 and 7).

    .venv/bin/python bench/enrich_actors.py [--half test|tune|all] [--changes N] [--seed-only]

1. 5W1H dev articles (../shared/data/giveme5w1h), split into a tune and a test half by the first byte of
   sha256(dId) (even = tune; the same rule as the event coder's split, computed here, not shared), parsed
   once, resolved three ways on the same docs:
   ``baseline`` the entity stage of another revision (``--baseline``, default main: before this work);
   ``before``  this entity stage without the dictionaries (``named_actor`` switched off);
   ``after``   with them, at the article's date (``published_at``);
   ``nodate``  with them, without a date (today; entities whose typing depended on it are flagged).
   Per half: share of entities with a country, with a sector, with both; with a dictionary code; entities
   whose country / sector changed against the baseline (against ``before`` without one). This is coverage, not accuracy: ``--changes N`` prints
   N changed entities of the chosen half for a reader to judge (the audit in the report was done by hand on
   the test half, after the tables were final; nothing was tuned on it).
2. Seed article: every required entity is one entity with the expected country (published 2024-03-27).
3. Per-article cost of resolve_entities with and without the dictionaries, interleaved (same docs).

The baseline runs from a ``git archive`` of the revision in a subprocess, on the same articles and halves.

Writes bench/results/enrich_actors.json. Needs ../shared (skipped with a message when it is absent).
"""

from __future__ import annotations

import argparse
import datetime
import glob
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from enrich_bench import G5, SEED, SEED_EXPECTED, SEED_PUBLISHED  # noqa: E402
from enrich_score import check_seed_entities  # noqa: E402

import streams.extraction.entities as entities  # noqa: E402
from streams.extraction.actor_dictionary import actor_date, agent_actor, named_actor  # noqa: E402
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


BASELINE = """
import hashlib, json, sys, glob
from pathlib import Path
sys.path.insert(0, '.')
from streams.extraction.entities import resolve_entities
from streams.extraction.nlp import load_nlp
from streams.extraction.trailer import content_end
nlp = load_nlp()
out = {}
for path in sorted(glob.glob(sys.argv[1] + '/*.json')):
    d = json.loads(Path(path).read_text('utf-8'))
    out[d['dId']] = resolve_entities(nlp(d['text'][: content_end(d['text'])])).to_list()
print(json.dumps(out))
"""


def baseline(rev: str) -> dict[str, list[dict[str, Any]]]:
    """Entities of another revision's entity stage (no dictionaries, no dates) per article id."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "archive", rev], cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        run = subprocess.run([sys.executable, "-c", BASELINE, str(G5)], cwd=tmp, capture_output=True, text=True, check=True)
    return json.loads(run.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--half", default="test", choices=("test", "tune", "all"), help="which half to report in detail")
    parser.add_argument("--changes", type=int, default=0, help="print this many changed entities of the half")
    parser.add_argument("--baseline", metavar="REV", default="main", help="also measure REV's entity stage on the same halves "
                        "and list changes against it (default main; '' to skip)")
    args = parser.parse_args()
    if not G5.is_dir():
        print("../shared/data/giveme5w1h not present: nothing to measure")
        return 0
    t0 = time.perf_counter()
    nlp = load_nlp()
    warm()
    print(f"loaded model + tables in {time.perf_counter() - t0:.1f}s")
    items = articles()
    base = baseline(args.baseline) if args.baseline else {}
    modes = (["baseline"] if base else []) + ["before", "after", "nodate"]
    rows: dict[str, dict[str, list]] = {h: {m: [] for m in modes} for h in ("tune", "test")}
    changes: dict[str, list] = {"tune": [], "test": []}
    cost = {"before": 0.0, "after": 0.0}
    agents = {"chunks": 0, "agents": 0, "seconds": 0.0, "sectors": {}}
    for d in items:
        text = d["text"][: content_end(d["text"])]
        doc = nlp(text)
        for _ in range(2):  # interleaved, twice: the first round warms the caches of both
            for mode, on in (("before", False), ("after", True)):
                t = time.perf_counter()
                resolve(doc, d["when"], on)
                cost[mode] += time.perf_counter() - t
        chunks = list(doc.noun_chunks)
        t = time.perf_counter()
        found = [agent_actor(c, d["when"]) for c in chunks]
        agents["seconds"] += time.perf_counter() - t
        agents["chunks"] += len(chunks)
        agents["agents"] += sum(f is not None for f in found)
        for f in found:
            if f is not None:
                agents["sectors"][f.sector] = agents["sectors"].get(f.sector, 0) + 1
        before, after, nodate = resolve(doc, d["when"], False), resolve(doc, d["when"], True), resolve(doc, None, True)
        h = d["half"]
        rows[h]["before"] += before
        rows[h]["after"] += after
        rows[h]["nodate"] += nodate
        reference = before
        if base:
            rows[h]["baseline"] += base[d["dId"]]
            reference = base[d["dId"]] if [e["aliases"] for e in base[d["dId"]]] == [e["aliases"] for e in after] else before
        for b, a in zip(reference, after):
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
        print(f"    changed against {args.baseline or 'before'}: country {result[h]['changed_country']}, sector {result[h]['changed_sector']};"
              f" without a date {result[h]['flagged_date_unresolved']} entities flagged date_unresolved")
    result["baseline_rev"] = args.baseline
    n_articles = len(items)
    result["cost_ms_per_article"] = {k: round(v / 2 / n_articles * 1000, 2) for k, v in cost.items()}
    print(f"  resolve_entities per article: {result['cost_ms_per_article']['before']} ms without, {result['cost_ms_per_article']['after']} ms with the dictionaries")
    result["agent_actor"] = {"noun_chunks": agents["chunks"], "agents": agents["agents"],
                             "us_per_chunk": round(agents["seconds"] / max(agents["chunks"], 1) * 1e6, 1),
                             "sectors": dict(sorted(agents["sectors"].items(), key=lambda kv: -kv[1]))}
    print(f"  agent_actor on every noun chunk: {agents['agents']} agents in {agents['chunks']} chunks, {result['agent_actor']['us_per_chunk']} us a chunk;"
          f" sectors {result['agent_actor']['sectors']}")
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
