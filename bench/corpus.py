"""The fixed benchmark corpus: real articles from ../shared/data, repeated to the size asked.

HTML pages of the article-extraction benchmark, the plain-text 5W1H articles and
the seed, in a fixed order; copies get unique ids (``<id>~<n>``) and a one-line
suffix so that the copies are distinct articles (not exact duplicates the
pipeline could skip) while costing the same to process.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def base_articles() -> list[dict]:
    out: list[dict] = []
    ae = SHARED / "data" / "article-extraction"
    gt = json.loads((ae / "ground-truth.json").read_text("utf-8"))
    for pid in sorted(gt):
        html = gzip.decompress((ae / "html" / f"{pid}.html.gz").read_bytes()).decode("utf-8", "replace")
        out.append({"id": f"ae-{pid[:16]}", "url": gt[pid].get("url"), "html": html})
    for f in sorted((SHARED / "data" / "giveme5w1h").glob("*.json")):
        d = json.loads(f.read_text("utf-8"))
        body = "\n\n".join(x for x in (d.get("title"), d.get("description"), d.get("text")) if x)
        published = str(d.get("date_publish") or "").replace(" ", "T")
        env = {"id": f"g5-{d['dId'][:16]}", "url": d.get("url"), "title": d.get("title"), "text": body}
        if published[:2] in ("19", "20"):
            env["published_at"] = published + "Z"
        out.append(env)
    seed = (SHARED / "samples" / "seed-article.txt").read_text("utf-8")
    out.append({"id": "seed", "text": seed, "published_at": "2024-03-27T10:00:00Z"})
    return out


def corpus(size: int) -> list[tuple[str, bytes]]:
    """``size`` articles as (id, raw-topic bytes), cycling through the base set."""
    base = base_articles()
    out = []
    for i in range(size):
        art = dict(base[i % len(base)])
        n = i // len(base)
        if n:
            art["id"] = f"{art['id']}~{n}"
            marker = f"Copy {n}."
            if "html" in art:
                art["html"] = art["html"].replace("</body>", f"<p>{marker}</p></body>", 1)
            else:
                art["text"] = art["text"] + "\n\n" + marker
        out.append((art["id"], orjson.dumps(art)))
    return out
