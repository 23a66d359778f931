"""Cost of the extract stage with the event coder, on distinct texts, both sides of each ratio interleaved.

    .venv/bin/python bench/events_cost.py [--size 1000] [--rounds 8]

Texts: ``--size`` distinct synthetic news stories of ../shared/data/event-training (used here
for timing only, each once), plain text through the cleaner, in the worker's batch size.
What runs and how each side is timed, from the outside of the stage, is
``bench/extract_cost.py`` (the same measurement ``make bench`` makes on its corpus):
- ``extract_over_own_parse`` = extract-stage time / the model's stock components alone on the same texts
  (<= 1.15); ``extract_over_fast_parse``: the same over our own parse (lookup-table attribute ruler), information;
- ``core_over_spacy`` = (clean + extract) articles/s over bare spaCy's, the shipped model
  on the same BLAS and batch policy (>= 0.9);
- ``events_share_of_extract`` = the event coder's share of the extract stage (information).
Run on a quiet machine if you can: the sides alternate per round so load shifts hit all.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
STORIES = ROOT.parent / "shared" / "data" / "event-training" / "ngec-synthetic-stories.csv.gz"


def main() -> int:
    from streams.executor import limit_blas_threads

    limit_blas_threads()
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=8)
    args = ap.parse_args()
    if not STORIES.exists():
        print(f"events_cost: nothing measured: {STORIES} is absent (../shared)", file=sys.stderr)
        return 0

    from extract_cost import measure

    from streams.config import Settings
    from streams.records import RawArticle

    with gzip.open(STORIES, "rt", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    seen, texts = set(), []
    for r in rows:
        if r["text"] not in seen and len(r["text"]) >= 400:
            seen.add(r["text"])
            texts.append(r["text"])
        if len(texts) >= args.size:
            break
    raws = [RawArticle(id=f"s{i}", text=t, language="en") for i, t in enumerate(texts)]
    m = measure(raws, Settings().batch_size, args.rounds)
    result = {
        "texts": m["articles"],
        "extracted": m["clean_articles"],
        "distinct": len(set(texts)) == len(texts),
        "batch_size": m["batch_size"],
        "load_average": os.getloadavg(),
        **{k: round(m[k], 2) for k in ("clean_ms_per_article", "extract_ms_per_article", "own_parse_ms_per_article",
                                       "fast_parse_ms_per_article", "events_ms_per_article", "spacy_full_ms_per_article")},
        **{k: round(m[k], 3) for k in ("extract_over_own_parse", "extract_over_fast_parse", "core_over_spacy", "events_share_of_extract",
                                       "cpu_extract_over_own_parse", "cpu_core_over_spacy")},
        "cpu_ms_per_article": {k: round(v, 2) for k, v in m["cpu_ms_per_article"].items()},
    }
    print(json.dumps(result, indent=1))
    out = ROOT / "bench" / "results" / "events_cost.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), **result}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
