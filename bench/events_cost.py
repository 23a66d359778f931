"""Cost of the extract stage with the event coder, on distinct texts, both sides of each ratio interleaved.

    .venv/bin/python bench/events_cost.py [--size 1000] [--rounds 8]

Texts: ``--size`` distinct synthetic news stories of ../shared/data/event-training (used here
for timing only), plain text through the cleaner, in the worker's batch size. Each round
takes the next slice of texts and runs, back to back on the same slice:
- ours: clean, then the extract stage (``extraction.pipeline.extract_batch``), whose clock
  splits out the stock spaCy parse (``CLOCK.spacy``: en_core_web_sm's own components on
  numpy's BLAS, the event coder's components excluded);
- reference: bare spaCy ``nlp.pipe`` of the full model as shipped (all components,
  thinc's default ops) on the same clean texts, same batch size.
Ratios (the issue's cost bars):
- ``extract_over_own_parse`` = extract-stage time / its stock-parse time (<= 1.15);
- ``core_over_spacy`` = (clean + extract) articles/s over bare spaCy articles/s (>= 0.9);
- ``events_share`` = the event coder's share of the extract stage (information).
Run on a quiet machine if you can: the two sides alternate per round so load shifts hit both.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
STORIES = ROOT.parent / "shared" / "data" / "event-training" / "ngec-synthetic-stories.csv.gz"


def main() -> int:
    from streams.executor import limit_blas_threads

    limit_blas_threads()
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=8)
    args = ap.parse_args()
    import spacy

    from streams.cleaning import clean
    from streams.config import Settings
    from streams.extraction import pipeline as P
    from streams.extraction.nlp import load_nlp
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
    batch = Settings().batch_size
    nlp = load_nlp()
    full = spacy.load(str(nlp.path) if getattr(nlp, "path", None) else "en_core_web_sm")
    warm = [clean(RawArticle(id=f"w{i}", text=t, language="en")) for i, t in enumerate(texts[:4])]
    P.extract_batch(warm)
    list(full.pipe([a.body for a in warm], batch_size=batch))

    t_clean = t_extract = t_spacy = 0.0
    spacy_clock = events_clock = total_clock = 0.0
    n = extracted = 0
    step = max(1, len(texts) // args.rounds)
    for start in range(0, len(texts), step):
        chunk = texts[start : start + step]
        t0 = time.perf_counter()
        arts = []
        for i, t in enumerate(chunk):
            try:
                arts.append(clean(RawArticle(id=f"s{start + i}", text=t, language="en")))
            except Exception:  # noqa: BLE001 - a text the cleaner rejects costs its time and is a dead letter
                pass
        t_clean += time.perf_counter() - t0
        P.CLOCK.reset()
        t0 = time.perf_counter()
        for i in range(0, len(arts), batch):
            P.extract_batch(arts[i : i + batch])
        t_round = time.perf_counter() - t0
        t_extract += t_round
        spacy_clock += P.CLOCK.spacy
        events_clock += P.CLOCK.events
        total_clock += P.CLOCK.total
        bodies = [a.body for a in arts]
        t0 = time.perf_counter()
        for _ in full.pipe(bodies, batch_size=batch):
            pass
        t_ref = time.perf_counter() - t0
        t_spacy += t_ref
        n += len(chunk)
        extracted += len(arts)
        print(f"{n} texts: extract/own parse {total_clock / spacy_clock:.3f}, core/spacy "
              f"{(t_spacy / n) / ((t_clean + t_extract) / n):.3f} (this round: extract {1000 * t_round / len(arts):.1f} ms, "
              f"own parse {1000 * P.CLOCK.spacy / len(arts):.1f} ms, spaCy {1000 * t_ref / len(arts):.1f} ms a text)", file=sys.stderr)
    result = {
        "texts": n,
        "extracted": extracted,
        "distinct": len(set(texts[:n])) == n,
        "batch_size": batch,
        "clean_ms_per_text": round(1000 * t_clean / n, 2),
        "extract_ms_per_text": round(1000 * t_extract / n, 2),
        "own_parse_ms_per_text": round(1000 * spacy_clock / n, 2),
        "events_ms_per_text": round(1000 * events_clock / n, 2),
        "spacy_full_ms_per_text": round(1000 * t_spacy / n, 2),
        "extract_over_own_parse": round(total_clock / spacy_clock, 3),
        "core_over_spacy": round((n / (t_clean + t_extract)) / (n / t_spacy), 3),
        "events_share_of_extract": round(events_clock / total_clock, 3),
    }
    print(json.dumps(result, indent=1))
    out = ROOT / "bench" / "results" / "events_cost.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), **result}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
