"""The extract stage's records over a fixed set of distinct texts, as JSON lines, to check that a change
meant for speed changes no output: dump before and after, compare the files byte for byte.

    PYTHONHASHSEED=0 .venv/bin/python bench/extract_identity.py OUT.jsonl [--stories 300]
    cmp BEFORE.jsonl AFTER.jsonl

Texts (../shared, read here for the check only): ``--stories`` distinct synthetic stories of
data/event-training, every giveme5w1h article (with its title and date), every CAMEO dev sentence and
60 pages of data/article-extraction (HTML through the cleaner), in the worker's batches of 16.
The output must not depend on ``PYTHONHASHSEED`` (Python's per-process string hashing): event ids are
deterministic, so two workers must code a text alike; dumps under two seeds compare equal
(``tests/test_events_deterministic.py`` checks it on the repository's own texts).
"""

from __future__ import annotations

import argparse
import csv
import glob
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data"


def inputs(stories: int) -> list:
    from streams.records import RawArticle

    out = []
    with gzip.open(DATA / "event-training" / "ngec-synthetic-stories.csv.gz", "rt", encoding="utf-8") as f:
        seen: set[str] = set()
        texts = []
        for row in csv.DictReader(f):
            if row["text"] not in seen:
                seen.add(row["text"])
                texts.append(row["text"])
    for i, text in enumerate(texts[2000 : 2000 + stories]):
        out.append(RawArticle(id=f"st{i}", text=text, published_at="2021-03-03T00:00:00Z"))
    for path in sorted(glob.glob(str(DATA / "giveme5w1h" / "*.json"))):
        d = json.loads(Path(path).read_text("utf-8"))
        date = d["date_publish"].replace(" ", "T") + "Z" if d.get("date_publish") else "2021-03-03T00:00:00Z"
        out.append(RawArticle(id=f"g5-{Path(path).stem[:12]}", text=d["text"], title=d.get("title"), published_at=date))
    with open(DATA / "cameo-sentences" / "sentences.jsonl", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            out.append(RawArticle(id=d["id"], text=d["text"], published_at="2014-01-01T00:00:00Z"))
    for path in sorted(glob.glob(str(DATA / "article-extraction" / "html" / "*.html.gz")))[:60]:
        html = gzip.open(path, "rt", encoding="utf-8", errors="replace").read()
        out.append(RawArticle(id=f"ae-{Path(path).name[:12]}", html=html, published_at="2020-05-05T00:00:00Z"))
    return out


def main() -> int:
    from streams.executor import limit_blas_threads

    limit_blas_threads()
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--stories", type=int, default=300)
    args = ap.parse_args()
    if not DATA.exists():
        print(f"extract_identity: nothing to dump: {DATA} is absent (../shared)", file=sys.stderr)
        return 0
    from streams.cleaning import clean
    from streams.extraction import extractor as pipeline

    arts = []
    for raw in inputs(args.stories):
        try:
            arts.append(clean(raw))
        except Exception:  # noqa: BLE001 - rejected by the cleaner: no extract record
            pass
    with open(args.out, "w", encoding="utf-8") as f:
        for i in range(0, len(arts), 16):
            for x in pipeline.extract_batch(arts[i : i + 16]):
                record = {"enriched": x.enriched, "events": x.events, "statements": x.statements}
                f.write(json.dumps(record, sort_keys=True, ensure_ascii=False) + "\n")
    print(f"{len(arts)} records -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
