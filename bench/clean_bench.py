"""Benchmark of the clean stage (issue 4 bars 1, 2, 4, 5).

Run: ``.venv/bin/python bench/clean_bench.py`` (about 20 s; ``-v`` adds the
per-page precision/recall of both paths, worst pages first). Reads
../shared/data/article-extraction at bench time only; writes
bench/results/clean.json.

1. HTML path F1 (article-extraction benchmark scoring) of ``clean()`` vs bare
   ``trafilatura.extract``.
2. Plain-text path F1: input = <body> text without script/style/noscript
   (lxml ``text_content()``, no separators), ours vs the raw dump and vs
   trafilatura on the same text.
4. Repairs made on the (already clean) ground-truth bodies, per 10,000 tokens.
5. Pages/s of ``clean()`` on the HTML pages vs bare ``trafilatura.extract``,
   same process, interleaved rounds, best round of each.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import trafilatura  # noqa: E402

from clean_score import DATASET, body_text, load_pages, page_prf, score  # noqa: E402
from streams.cleaning import clean  # noqa: E402
from streams.cleaning.repair import repair_text  # noqa: E402
from streams.errors import Rejected  # noqa: E402
from streams.records import RawArticle  # noqa: E402


def _clean_body(raw: RawArticle) -> str:
    try:
        return clean(raw).body
    except Rejected:
        return ""


def main() -> dict:
    pages = list(load_pages(DATASET))
    truths = [g for *_, g in pages]
    out: dict = {"pages": len(pages)}

    # bar 1: HTML path
    ours = [_clean_body(RawArticle(id=pid, url=url, html=html)) for pid, html, url, _ in pages]
    traf = [trafilatura.extract(html, url=url) or "" for _, html, url, _ in pages]
    out["html"] = {"ours": score(zip(ours, truths)), "trafilatura": score(zip(traf, truths))}
    out["per_page"] = {"html": _per_page(pages, ours)}

    # bar 2: plain-text path
    texts = [body_text(html) for _, html, _, _ in pages]
    ours_t = [_clean_body(RawArticle(id=pid, text=t)) for (pid, *_), t in zip(pages, texts)]
    traf_t = [trafilatura.extract(t) or "" for t in texts]
    out["text"] = {
        "ours": score(zip(ours_t, truths)),
        "raw_dump": score(zip(texts, truths)),
        "trafilatura": score(zip(traf_t, truths)),
    }
    out["per_page"]["text"] = _per_page(pages, ours_t)

    # bar 4: repairs on clean text
    tokens = changes = 0
    examples = []
    for g in truths:
        tokens += len(g.split())
        _, reps = repair_text(g)
        changes += len(reps)
        examples += [r.to_dict() for r in reps]
    out["repairs_on_clean_text"] = {
        "tokens": tokens,
        "changes": changes,
        "per_10k_tokens": round(changes / tokens * 10000, 3),
        "changes_made": examples,
    }

    # bar 5: speed, interleaved rounds so both see the same machine load
    best_ours = best_traf = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for _, html, url, _ in pages:
            trafilatura.extract(html, url=url)
        best_traf = min(best_traf, time.perf_counter() - t0)
        t0 = time.perf_counter()
        for pid, html, url, _ in pages:
            _clean_body(RawArticle(id=pid, url=url, html=html))
        best_ours = min(best_ours, time.perf_counter() - t0)
    out["speed"] = {
        "ours_pages_per_s": round(len(pages) / best_ours, 1),
        "trafilatura_pages_per_s": round(len(pages) / best_traf, 1),
        "ratio": round(best_traf / best_ours, 3),
    }
    return out


def _per_page(pages: list, preds: list[str]) -> dict[str, dict[str, float]]:
    """page id -> precision and recall of one path (for finding the worst pages)."""
    out = {}
    for (pid, *_, truth), pred in zip(pages, preds):
        tp, fp, fn = page_prf(pred, truth)
        out[pid] = {"precision": round(tp / (tp + fp), 3) if tp + fp else 0.0, "recall": round(tp / (tp + fn), 3) if tp + fn else 0.0}
    return out


def report_pages(r: dict, worst: int = 25) -> None:
    for path, pages in r["per_page"].items():
        print(f"\n{path} path, {worst} worst pages (by min of P, R):")
        for pid, m in sorted(pages.items(), key=lambda kv: min(kv[1].values()))[:worst]:
            print(f"  {pid[:16]}  P {m['precision']:.3f}  R {m['recall']:.3f}")


def report(r: dict) -> None:
    h, t = r["html"], r["text"]
    print(f"pages: {r['pages']}")
    print(f"bar 1 HTML F1   ours {h['ours']['f1']:.4f} (P {h['ours']['precision']:.4f} R {h['ours']['recall']:.4f})"
          f"   trafilatura.extract {h['trafilatura']['f1']:.4f}   bar >= 0.975")
    print(f"bar 2 text F1   ours {t['ours']['f1']:.4f} (P {t['ours']['precision']:.4f} R {t['ours']['recall']:.4f})"
          f"   raw dump {t['raw_dump']['f1']:.4f}   trafilatura {t['trafilatura']['f1']:.4f}   bar >= 0.90")
    rp = r["repairs_on_clean_text"]
    print(f"bar 4 repairs on clean text: {rp['changes']} in {rp['tokens']} tokens = {rp['per_10k_tokens']} per 10k   bar <= 1")
    s = r["speed"]
    print(f"bar 5 speed     ours {s['ours_pages_per_s']} pages/s   trafilatura.extract {s['trafilatura_pages_per_s']} pages/s"
          f"   ratio {s['ratio']}   bar >= 0.8")


if __name__ == "__main__":
    results = main()
    report(results)
    if "-v" in sys.argv[1:] or "--verbose" in sys.argv[1:]:
        report_pages(results)
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "clean.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")
