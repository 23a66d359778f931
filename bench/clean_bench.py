"""Benchmark of the clean stage: quality of both paths on a fixed tune/test split, and speed.

Run: ``.venv/bin/python bench/clean_bench.py`` (about a minute; ``-v`` adds the
per-page precision/recall of the *tune* half, worst pages first; the test half is
never listed page by page; ``--tune`` scores the tune half only, for development). ``CORPUS=PATH`` scores another directory laid out
like the article-extraction dev split. Writes ``bench/results/clean.json``.

Corpus: see ``clean_score.resolve_corpus`` (``CORPUS``, else ``../shared``'s
dev split, else the team-written fixture pages of the repository, said so plainly).
Halves: ``clean_score.half`` (sha256 of the page id; fixed). The **test half is
the headline**: tune only on the tune half.

1. HTML path F1 (article-extraction scoring) of ``clean()`` vs the reference
   call ``trafilatura.extract(html, include_comments=False)``, per half, and on
   the non-English pages (language of the ground truth) of each half.
2. Plain-text path F1: input = <body> text without script/style/noscript
   (lxml ``text_content()``, no separators), ours vs the raw dump.
3. Lede recall: share of pages whose ground truth's first sentence is in the
   output, ours vs the reference (ledes and standfirsts must not be dropped).
4. Repairs made on the (already clean) ground-truth bodies, per 10,000 tokens.
5. Speed: ``clean_over_trafilatura`` = time of ``clean()`` / time of the
   reference call on the same pages, one pass, the two interleaved page by
   page (order alternating), so both see the same machine load; CPU time of
   the process (wall-clock ratio reported too). Bar <= 1.25.
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import trafilatura  # noqa: E402

from clean_score import TEST, TUNE, body_text, half, load_pages, page_prf, resolve_corpus, score  # noqa: E402
from streams.cleaning import clean  # noqa: E402
from streams.cleaning.language import detect_language  # noqa: E402
from streams.cleaning.repair import repair_text  # noqa: E402
from streams.errors import Rejected  # noqa: E402
from streams.records import RawArticle  # noqa: E402

_TOKENS = re.compile(r"\w+")
_FIRST_SENTENCE = re.compile(r"(.{40,}?[.!?。！？])(?:\s|$)", re.S)


def reference(html: str) -> str:
    """The owner's reference call: bare trafilatura 2.3.x, default options, comments off."""
    return trafilatura.extract(html, include_comments=False) or ""


def _clean_body(raw: RawArticle) -> str:
    try:
        return clean(raw).body
    except Rejected:
        return ""


def _first_sentence(truth: str) -> str:
    first = next((ln for ln in truth.split("\n") if ln.strip()), "")
    m = _FIRST_SENTENCE.match(first)
    return m.group(1) if m else first


def lede_kept(pred: str, truth: str) -> bool:
    """Whether the ground truth's first sentence is in the output (token sequence, case-insensitive)."""
    want = " ".join(_TOKENS.findall(_first_sentence(truth).lower()))
    return bool(want) and want in " ".join(_TOKENS.findall(pred.lower()))


def main(tune_only: bool = False) -> dict:
    corpus, described = resolve_corpus()
    pages = [p for p in load_pages(corpus) if not tune_only or half(p[0]) == TUNE]
    out: dict = {"corpus": described, "pages": len(pages)}
    if not pages:
        return out
    halves = {TUNE: [i for i, p in enumerate(pages) if half(p[0]) == TUNE], TEST: [i for i, p in enumerate(pages) if half(p[0]) == TEST]}
    truths = [g for *_, g in pages]
    langs = [detect_language(g)[0] for g in truths]
    out["split"] = {h: len(ix) for h, ix in halves.items()}

    # 1 + 3: HTML path, both halves, non-English pages
    ours = [_clean_body(RawArticle(id=pid, url=url, html=html)) for pid, html, url, _ in pages]
    ref = [reference(html) for _, html, _, _ in pages]
    out["html"] = {}
    for name, ix in halves.items():
        foreign = [i for i in ix if langs[i] not in (None, "en")]
        out["html"][name] = {
            "ours": score((ours[i], truths[i]) for i in ix),
            "trafilatura": score((ref[i], truths[i]) for i in ix),
            "non_english": {
                "pages": len(foreign),
                "languages": sorted({langs[i] for i in foreign}),
                "ours": score((ours[i], truths[i]) for i in foreign),
                "trafilatura": score((ref[i], truths[i]) for i in foreign),
            },
            "lede_kept": {
                "ours": round(sum(lede_kept(ours[i], truths[i]) for i in ix) / max(1, len(ix)), 4),
                "trafilatura": round(sum(lede_kept(ref[i], truths[i]) for i in ix) / max(1, len(ix)), 4),
            },
        }
    out["per_page_tune"] = {"html": _per_page(pages, ours, halves[TUNE])}
    out["not_article"] = _not_article_check(corpus, pages)

    # 2: plain-text path
    texts = [body_text(html) for _, html, _, _ in pages]
    ours_t = [_clean_body(RawArticle(id=pid, text=t)) for (pid, *_), t in zip(pages, texts)]
    out["text"] = {
        name: {
            "ours": score((ours_t[i], truths[i]) for i in ix),
            "raw_dump": score((texts[i], truths[i]) for i in ix),
        }
        for name, ix in halves.items()
    }
    out["per_page_tune"]["text"] = _per_page(pages, ours_t, halves[TUNE])

    # 4: repairs on clean text
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
        "per_10k_tokens": round(changes / max(1, tokens) * 10000, 3),
        "changes_made": examples,
    }

    # 5: speed, one pass, interleaved page by page, order alternating. Both sides run
    # in this process on one thread: CPU time of the process is what each costs, and
    # unlike wall time it does not count the other processes sharing the machine.
    cpu = {0: 0.0, 1: 0.0}
    wall = {0: 0.0, 1: 0.0}
    for n, (pid, html, url, _) in enumerate(pages):
        raw = RawArticle(id=pid, url=url, html=html)
        for side in ((0, 1) if n % 2 == 0 else (1, 0)):
            c0, w0 = time.process_time(), time.perf_counter()
            if side == 0:
                reference(html)
            else:
                _clean_body(raw)
            cpu[side] += time.process_time() - c0
            wall[side] += time.perf_counter() - w0
    out["speed"] = {
        "pages": len(pages),
        "ours_pages_per_s": round(len(pages) / wall[1], 1),
        "trafilatura_pages_per_s": round(len(pages) / wall[0], 1),
        "clean_over_trafilatura": round(cpu[1] / cpu[0], 3),
        "clean_over_trafilatura_wall": round(wall[1] / wall[0], 3),
    }
    return out


def _not_article_check(corpus: Path, pages: list) -> dict:
    """Articles wrongly flagged as not-an-article; with ``not-articles.json`` ({id: reason}) in the corpus, stubs found."""
    from streams.cleaning.html import extract_html

    flagged = [pid for pid, html, url, _ in pages if extract_html(html, url=url).not_article]
    out: dict = {"articles": len(pages), "articles_flagged": len(flagged), "flagged_ids": flagged}
    listing = corpus / "not-articles.json"
    if listing.is_file():
        expected = json.loads(listing.read_text("utf-8"))
        got = {}
        for pid, reason in expected.items():
            path = corpus / "html" / f"{pid}.html"
            got[pid] = extract_html(path.read_bytes().decode("utf-8", "replace")).not_article if path.is_file() else None
        out["stubs"] = len(expected)
        out["stubs_found"] = sum(got[p] == r for p, r in expected.items())
    return out


def _per_page(pages: list, preds: list[str], ix: list[int]) -> dict[str, dict[str, float]]:
    """page id -> precision and recall of one path (for finding the worst tune pages)."""
    out = {}
    for i in ix:
        pid, truth = pages[i][0], pages[i][3]
        tp, fp, fn = page_prf(preds[i], truth)
        out[pid] = {"precision": round(tp / (tp + fp), 3) if tp + fp else 0.0, "recall": round(tp / (tp + fn), 3) if tp + fn else 0.0}
    return out


def report_pages(r: dict, worst: int = 25) -> None:
    for path, pages in r["per_page_tune"].items():
        print(f"\n{path} path, {worst} worst tune pages (by min of P, R):")
        for pid, m in sorted(pages.items(), key=lambda kv: min(kv[1].values()))[:worst]:
            print(f"  {pid[:16]}  P {m['precision']:.3f}  R {m['recall']:.3f}")


def _f(s: dict) -> str:
    return f"{s['f1']:.4f} (P {s['precision']:.4f} R {s['recall']:.4f})"


def report(r: dict) -> None:
    print(f"corpus: {r['corpus']}")
    if not r.get("pages"):
        print("no pages to score")
        return
    print(f"pages: {r['pages']}  (tune {r['split'][TUNE]}, test {r['split'][TEST]}; split by sha256(id), test half = headline)")
    for name in (TEST, TUNE):
        h = r["html"][name]
        if not h["ours"]["pages"]:
            continue
        gain = h["ours"]["f1"] - h["trafilatura"]["f1"]
        print(f"HTML  {name:4s} F1 ours {_f(h['ours'])}   trafilatura.extract {_f(h['trafilatura'])}   ours-ref {gain:+.4f}"
              f"   bars: >= .965 and >= ref+.005")
        ne = h["non_english"]
        if ne["pages"]:
            print(f"      {name:4s} non-English ({ne['pages']} pages: {', '.join(ne['languages'])}) ours {_f(ne['ours'])}"
                  f"   trafilatura {_f(ne['trafilatura'])}")
        print(f"      {name:4s} first sentence kept: ours {h['lede_kept']['ours']:.3f}   trafilatura {h['lede_kept']['trafilatura']:.3f}")
    for name in (TEST, TUNE):
        t = r["text"][name]
        if not t["ours"]["pages"]:
            continue
        print(f"TEXT  {name:4s} F1 ours {_f(t['ours'])}   raw dump {t['raw_dump']['f1']:.4f}   bar >= .90")
    na = r["not_article"]
    line = f"not-an-article: articles flagged {na['articles_flagged']} of {na['articles']} (must be 0)"
    if "stubs" in na:
        line += f"   stubs found with the right reason {na['stubs_found']} of {na['stubs']}"
    print(line)
    rp = r["repairs_on_clean_text"]
    print(f"repairs on clean text: {rp['changes']} in {rp['tokens']} tokens = {rp['per_10k_tokens']} per 10k   bar <= 1")
    s = r["speed"]
    print(f"speed ({s['pages']} pages, interleaved): ours {s['ours_pages_per_s']} pages/s   reference {s['trafilatura_pages_per_s']} pages/s"
          f"   clean_over_trafilatura {s['clean_over_trafilatura']} (CPU time; wall {s['clean_over_trafilatura_wall']})   bar <= 1.25")


if __name__ == "__main__":
    results = main(tune_only="--tune" in sys.argv[1:])
    report(results)
    if "-v" in sys.argv[1:] or "--verbose" in sys.argv[1:]:
        report_pages(results)
    if results.get("pages") and "--tune" not in sys.argv[1:]:
        (HERE / "results").mkdir(exist_ok=True)
        (HERE / "results" / "clean.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")
