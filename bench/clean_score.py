"""Scorer, corpus loader and fixed tune/test split of the cleaning benchmark.

Scoring is the Scrapinghub article-extraction benchmark's, written from its
description: ``\\w+`` tokens, overlapping 4-token shingles counted as a
multiset; per page TP = sum of min counts, FP / FN = the excess on each side,
the three normalised by their sum so every page weighs the same; precision and
recall averaged over pages, F1 = 2PR / (P + R).

Split: a page belongs to the *test* half when the first byte of
``sha256(page id)`` is odd, to the *tune* half otherwise. The rule is fixed
(it depends on the id only), so the halves never change as code changes.
Tune on the tune half; the test half is the reported figure.

Corpus: ``CORPUS=PATH`` (a directory laid out like the article-extraction dev
split: ``ground-truth.json`` = ``{id: {articleBody, url}}`` and
``html/<id>.html`` or ``html/<id>.html.gz``), else ``../shared`` beside the
repository, else the team-written fixture pages under
``tests/fixtures/cleaning/pages``.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator

_TOKEN = re.compile(r"\w+")
ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATASET = SHARED / "data" / "article-extraction"
FIXTURE_PAGES = ROOT / "tests" / "fixtures" / "cleaning" / "pages"

TUNE, TEST = "tune", "test"


def half(page_id: str) -> str:
    """``"test"`` or ``"tune"``: fixed by the id's hash, independent of content and code."""
    return TEST if hashlib.sha256(page_id.encode("utf-8")).digest()[0] & 1 else TUNE


def resolve_corpus() -> tuple[Path, str]:
    """(directory, description) of the corpus to score; see the module docstring for the order."""
    env = os.environ.get("CORPUS")
    if env:
        path = Path(env).expanduser()
        if not (path / "ground-truth.json").is_file():
            raise SystemExit(f"CORPUS={env}: no ground-truth.json there (expected the article-extraction layout)")
        return path, f"CORPUS={path}"
    if (DATASET / "ground-truth.json").is_file():
        return DATASET, f"dev split {DATASET}"
    return FIXTURE_PAGES, f"fixture pages {FIXTURE_PAGES.relative_to(ROOT)} (the dev corpus ../shared is absent)"


def shingles(text: str, n: int = 4) -> Counter:
    toks = _TOKEN.findall(text or "")
    if len(toks) < n:
        return Counter([tuple(toks)]) if toks else Counter()
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def page_prf(pred: str, truth: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) for one page."""
    p, t = shingles(pred), shingles(truth)
    tp = sum((p & t).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    if total == 0:
        return 1.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def score(pairs: Iterable[tuple[str, str]]) -> dict[str, float]:
    """pairs of (prediction, truth) -> page-averaged precision, recall, F1."""
    ps, rs = [], []
    for pred, truth in pairs:
        tp, fp, fn = page_prf(pred, truth)
        ps.append(tp / (tp + fp) if tp + fp else 0.0)
        rs.append(tp / (tp + fn) if tp + fn else 0.0)
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 5), "recall": round(r, 5), "f1": round(f1, 5), "pages": len(ps)}


def load_pages(dataset: Path = DATASET) -> Iterator[tuple[str, str, str | None, str]]:
    """(id, html, url, ground-truth body) for every page of the corpus, sorted by id."""
    truth = json.loads((dataset / "ground-truth.json").read_text("utf-8"))
    for pid in sorted(truth):
        gz, plain = dataset / "html" / f"{pid}.html.gz", dataset / "html" / f"{pid}.html"
        if gz.is_file():
            html = gzip.decompress(gz.read_bytes()).decode("utf-8", "replace")
        else:
            html = plain.read_bytes().decode("utf-8", "replace")
        yield pid, html, truth[pid].get("url"), truth[pid]["articleBody"]


def body_text(html: str) -> str:
    """The plain-text benchmark input: <body> text without script/style/noscript, no separators added."""
    import lxml.html

    html = re.sub(r"^\s*<\?xml[^>]*>", "", html)  # lxml refuses str input that declares an encoding
    doc = lxml.html.document_fromstring(html)
    for el in doc.xpath("//script|//style|//noscript"):
        el.drop_tree()
    body = doc.find("body")
    return (body if body is not None else doc).text_content()
