"""The benchmark corpus: distinct articles, each exactly once.

Where the articles come from, first found wins:

1. ``CORPUS=PATH`` (environment, or ``--corpus`` of the benchmarks): a directory
   of inputs as ``newsevents produce`` reads them (``.jsonl``, ``.json``,
   ``.txt``, ``.html`` and their ``.gz``), or one JSON-lines file of envelopes.
2. ``../shared`` beside the checkout: the 91 article-extraction dev pages (HTML),
   the 48 Giveme5W1H articles, the seed article, and the 4,500 labelled NGEC
   synthetic stories (distinct news-like texts): 4,640 distinct articles.
3. Neither: ``CorpusUnavailable``, whose message says what to do; the
   benchmark scripts print it and exit 0 (a user's clone has no ``../shared``).

No article is repeated, under any id: a benchmark that cycled a small set would
warm the caches (parsed lemmas, gazetteer lookups) and flatter the numbers. The
order is fixed (by a hash of the id) and mixes HTML pages and texts evenly, so
any prefix has the corpus' mix.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import os
import sys
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
STORIES = SHARED / "data" / "event-training" / "ngec-synthetic-stories.csv.gz"
HOW_TO = (
    "pass CORPUS=PATH (a directory of articles as `newsevents produce` reads them, or a JSON-lines file "
    "of envelopes), or put the team's shared data at ../shared beside the checkout"
)


class CorpusUnavailable(RuntimeError):
    """No corpus to measure on: neither CORPUS nor ../shared."""


class CorpusNotFound(CorpusUnavailable):
    """CORPUS names a path that does not exist (a user error, unlike a clone without ../shared)."""


def corpus_path(explicit: str | Path | None = None) -> Path | None:
    """The user's corpus (argument, else ``$CORPUS``), checked to exist; None when none was given."""
    value = explicit if explicit is not None else os.environ.get("CORPUS", "").strip() or None
    if value is None:
        return None
    path = Path(value).expanduser()
    if not path.exists():
        raise CorpusNotFound(f"CORPUS={value}: no such file or directory")
    return path


def describe(explicit: str | Path | None = None) -> str:
    """One line naming the corpus a benchmark will use (raises ``CorpusUnavailable`` when there is none)."""
    path = corpus_path(explicit)
    if path is not None:
        return f"CORPUS={path}"
    if shared_available():
        return f"../shared ({SHARED.resolve()}): article-extraction pages, Giveme5W1H articles, seed, NGEC stories"
    raise CorpusUnavailable(f"no benchmark corpus: {HOW_TO}")


def shared_available() -> bool:
    return (SHARED / "data").is_dir()


def all_articles(explicit: str | Path | None = None) -> list[tuple[str, bytes]]:
    """Every distinct article of the corpus as (id, raw-topic bytes), in the fixed benchmark order."""
    path = corpus_path(explicit)
    if path is not None:
        items = _from_path(path)
    elif shared_available():
        items = _from_shared()
    else:
        raise CorpusUnavailable(f"no benchmark corpus: {HOW_TO}")
    seen_ids: set[str] = set()
    seen_content: set[bytes] = set()
    out = []
    for aid, value in items:
        digest = hashlib.blake2b(value, digest_size=16).digest()
        if aid in seen_ids or digest in seen_content:
            continue  # each article once
        seen_ids.add(aid)
        seen_content.add(digest)
        out.append((aid, value))
    return sorted(out, key=lambda item: hashlib.blake2b(item[0].encode(), digest_size=8).digest())


def corpus(size: int | None = None, explicit: str | Path | None = None) -> list[tuple[str, bytes]]:
    """``size`` distinct articles (all of them when None). Fewer when the corpus is smaller: never repeats.

    From ../shared, every HTML page, 5W1H article and the seed are in any size of
    at least their number (stories fill the rest), so the HTML-cleaning
    reference always sees all the pages.
    """
    items = all_articles(explicit)
    if size is None or size >= len(items):
        if size is not None and size > len(items):
            print(f"corpus: only {len(items)} distinct articles (asked for {size}); using each once", file=sys.stderr)
        return items
    if corpus_path(explicit) is None:
        fixed = [it for it in items if not it[0].startswith("ngec-")]
        stories = [it for it in items if it[0].startswith("ngec-")]
        chosen = {aid for aid, _ in fixed[:size] + stories[: max(0, size - len(fixed))]}
        return [it for it in items if it[0] in chosen]
    return items[:size]


def _from_path(path: Path) -> list[tuple[str, bytes]]:
    sys.path.insert(0, str(ROOT))
    from streams.envelope import decode
    from streams.errors import Rejected
    from streams.inputs import iter_inputs

    out = []
    for item in iter_inputs([str(path)]):
        try:
            aid = decode(item.value, envelope_only=item.envelope_only).id
        except Rejected:
            aid = f"invalid-{hashlib.blake2b(item.value, digest_size=8).hexdigest()}"  # measured as the dead letter it is
        out.append((aid, item.value))
    return out


def _from_shared() -> list[tuple[str, bytes]]:
    out: list[tuple[str, bytes]] = []
    ae = SHARED / "data" / "article-extraction"
    gt = json.loads((ae / "ground-truth.json").read_text("utf-8"))
    for pid in sorted(gt):
        html = gzip.decompress((ae / "html" / f"{pid}.html.gz").read_bytes()).decode("utf-8", "replace")
        out.append((f"ae-{pid[:16]}", orjson.dumps({"id": f"ae-{pid[:16]}", "url": gt[pid].get("url"), "html": html})))
    for f in sorted((SHARED / "data" / "giveme5w1h").glob("*.json")):
        d = json.loads(f.read_text("utf-8"))
        body = "\n\n".join(x for x in (d.get("title"), d.get("description"), d.get("text")) if x)
        published = str(d.get("date_publish") or "").replace(" ", "T")
        env = {"id": f"g5-{d['dId'][:16]}", "url": d.get("url"), "title": d.get("title"), "text": body}
        if published[:2] in ("19", "20"):
            env["published_at"] = published + "Z"
        out.append((env["id"], orjson.dumps(env)))
    seed = (SHARED / "samples" / "seed-article.txt").read_text("utf-8")
    out.append(("seed", orjson.dumps({"id": "seed", "text": seed, "published_at": "2024-03-27T10:00:00Z"})))
    out.extend(stories())
    return out


def stories() -> list[tuple[str, bytes]]:
    """The NGEC synthetic stories as text envelopes (headline from the story's prompt, the story as text)."""
    if not STORIES.exists():
        return []
    out = []
    with gzip.open(STORIES, "rb") as f:
        for n, row in enumerate(csv.DictReader(io.TextIOWrapper(f, "utf-8"))):
            text = (row.get("text") or "").strip()
            if not text:
                continue
            headline = (row.get("prompt") or "").strip().split("\n", 1)[0].strip() or None
            aid = f"ngec-{n:05d}"
            out.append((aid, orjson.dumps({"id": aid, "title": headline, "text": text, "source": row.get("source") or None})))
    return out


def main() -> int:
    """``python bench/corpus.py``: say which corpus the benchmarks will use. Exit 0 found, 3 none, 2 CORPUS is wrong."""
    try:
        print(describe())
        return 0
    except CorpusNotFound as exc:
        print(exc, file=sys.stderr)
        return 2
    except CorpusUnavailable as exc:
        print(exc)
        return 3


if __name__ == "__main__":
    sys.exit(main())
