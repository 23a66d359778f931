"""Benchmark of the coded-event extractor: one number per bar of issue 6.

    .venv/bin/python bench/events_bench.py

1. seed article (raw and glue-repaired text, through the cleaner and extract())
2. cameo-sentences dev set (root / source / target / no-event false positives)
3. speed: time inside ``code_events`` / time of the rest of ``extract()``
   (same run, same texts: giveme5w1h dev articles + the seed)
4. robustness is a hypothesis test: tests/test_events_robust.py
Writes bench/results/events.json.
"""

from __future__ import annotations

import glob
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import events_dev  # noqa: E402
import events_seed  # noqa: E402

G5 = ROOT.parent / "shared" / "data" / "giveme5w1h"


def speed() -> dict[str, float]:
    """Share of extract() time spent in code_events, measured by wrapping it in place."""
    import streams.extraction.pipeline as pipeline
    from streams.extraction import extract
    from streams.ids import content_hash
    from streams.records import CleanArticle

    spent = [0.0]
    original = pipeline.code_events

    def timed(*args, **kwargs):
        t0 = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - t0

    texts = []
    for path in sorted(glob.glob(str(G5 / "*.json"))):
        d = json.loads(Path(path).read_text("utf-8"))
        texts.append("\n\n".join(x for x in (d.get("title"), d.get("description"), d.get("text")) if x))
    texts.append(events_seed.repaired_text())
    arts = [CleanArticle(article_id=f"a{i}", body=t, content_hash=content_hash(t), cleaner_version="bench",
                         input_format="text", language="en") for i, t in enumerate(texts)]
    extract(arts[0])  # warm-up: model load
    pipeline.code_events = timed
    try:
        spent[0] = 0.0
        t0 = time.perf_counter()
        for art in arts:
            extract(art)
        total = time.perf_counter() - t0
    finally:
        pipeline.code_events = original
    enrich = total - spent[0]
    return {"articles": len(arts), "enrich_ms_per_article": round(1000 * enrich / len(arts), 2),
            "events_ms_per_article": round(1000 * spent[0] / len(arts), 2),
            "events_overhead": round(spent[0] / enrich, 4)}


def main() -> None:
    seed = {label: events_seed.score(events_seed.run(text)) for label, text in
            (("raw", events_seed.raw_text()), ("repaired", events_seed.repaired_text()))}
    from events_split import select

    rows = events_dev.load()
    dev = {half: events_dev.score(select(rows, lambda r: r["id"], half)) for half in ("test", "tune")}
    spd = speed()
    results = {"bar1_seed": seed, "bar2_dev": dev, "bar3_speed": spd}
    out = ROOT / "bench" / "results" / "events.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1, default=str) + "\n", "utf-8")
    for label, s in seed.items():
        print(f"bar1 seed[{label}]: required {s['required_found']}/{s['required_total']}, optional {s['optional_found']}, "
              f"forbidden {len(s['forbidden'])}, extra {s['extra']} (<= 3) -> {'PASS' if s['pass'] else 'FAIL'}")
    for half, d in dev.items():
        print(f"bar2 dev [{half} half]: PLOVER type {d['plover_accuracy']:.3f} (>= 0.65), source {d['source_match']:.3f} (>= 0.70), "
              f"target {d['target_match']:.3f} (>= 0.55), no-event FP {d['no_event_false_positive_rate']:.3f}")
    print(f"bar3 speed: events add {100 * spd['events_overhead']:.1f}% to enrich (<= 15%) "
          f"[{spd['events_ms_per_article']} ms vs {spd['enrich_ms_per_article']} ms per article, {spd['articles']} articles]")
    print("bar4 robustness: .venv/bin/python -m pytest tests/test_events_robust.py -q")
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
