"""Two worker processes code the same text alike, whatever their string-hash seeds.

Python salts the hash of strings per process (``PYTHONHASHSEED``), so iterating a set of strings gives a different
order in each process. Event ids are deterministic only if nothing the coder decides follows such an order (it once
did: the first of two equally specific patterns of a verb was taken in set order). The texts are the repository's
own: the seed article, the sample wire items and the sample texts.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = r"""
import glob, json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from streams.extraction import extract_batch
from streams.ids import content_hash
from streams.records import CleanArticle
root = Path(sys.argv[1])
texts = [(root / "tests" / "fixtures" / "seed-article.txt").read_text("utf-8")]
for path in sorted(glob.glob(str(root / "samples" / "*.json*"))):
    for line in Path(path).read_text("utf-8").splitlines():
        line = line.strip()
        if line.startswith("{"):
            d = json.loads(line)
            if d.get("text"):
                texts.append(d["text"])
texts += [Path(p).read_text("utf-8") for p in sorted(glob.glob(str(root / "samples" / "texts" / "*.txt")))]
arts = [CleanArticle(article_id=f"d{i}", body=t, content_hash=content_hash(t), cleaner_version="t", input_format="text",
                     language="en", published_at="2025-05-05T09:00:00Z") for i, t in enumerate(texts)]
out = extract_batch(arts)
print(len(arts), sum(len(x.events) for x in out))
for x in out:
    for e in x.events:
        print(e["event_id"], e["cameo_code"], e["source"]["text"], (e["target"] or {}).get("text"))
"""


def _run(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(ROOT)], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_the_events_of_a_text_do_not_depend_on_the_process_hash_seed() -> None:
    first, second = _run("1"), _run("2")
    articles, events = (int(n) for n in first.split("\n", 1)[0].split())
    assert articles >= 5 and events >= 20, first[:200]
    assert first == second
