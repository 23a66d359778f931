"""Does every valid input get through? Dead letters, language tags and events on short and odd inputs.

    .venv/bin/python bench/inputs_bench.py [--corpus PATH]

Both stages run in this process exactly as the worker runs them
(``streams.cores.clean_one`` then ``extract_messages``). Two parts:

1. Outcomes on a corpus: how many inputs give a clean record, how many are
   dead-lettered and why, how many enriched records skip extraction and why,
   how many carry events, and whether short texts came out whole. The corpus
   is ``--corpus``/``$CORPUS`` (a directory or a JSON-lines file of envelopes:
   every input counts, nothing is held out), else one derived from
   ``../shared``: for each NGEC synthetic story of the test half (split by a
   hash of its id; the thresholds were chosen on the other half; the first
   ``--stories`` of them in file order), its
   headline alone (a headline-only envelope), its first sentence without the
   final full stop (an alert), its first two sentences (a feed description),
   and the whole story; plus every article-extraction dev page as HTML.
2. Language tags on short English: the first 3, 5, 8, 12 and 20 words of the
   test-half stories, tagged by bare py3langid and by ``detect_language``
   (English, undetermined, or wrong), and the same for the non-English dev
   pages' bodies (other language kept, or wrongly English).

Writes aggregate numbers only (no text) to bench/results/inputs.json.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import orjson

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from corpus import SHARED, CorpusNotFound, CorpusUnavailable, corpus_path, describe, shared_available, stories  # noqa: E402

RESULTS = HERE / "results" / "inputs.json"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“A-Z0-9])")
_WORD = re.compile(r"\w+")


def test_half(article_id: str) -> bool:
    """Fixed split by id hash: odd = test half (reported), even = tune half."""
    return hashlib.blake2b(article_id.encode(), digest_size=2).digest()[-1] % 2 == 1


def derived_inputs(n_stories: int | None) -> list[tuple[str, str, bytes]]:
    """(kind, id, message) for the shared-derived corpus: short forms of test-half stories, and the dev pages."""
    out: list[tuple[str, str, bytes]] = []
    chosen = [(aid, value) for aid, value in stories() if test_half(aid)]
    for aid, value in chosen[:n_stories]:
        env = orjson.loads(value)
        sentences = _SENTENCE_END.split(env["text"].strip())
        first = sentences[0].rstrip(".!? ")
        if env.get("title"):
            out.append(("headline_only", f"{aid}-h", orjson.dumps({"id": f"{aid}-h", "title": env["title"]})))
        out.append(("one_sentence_unpunctuated", f"{aid}-s", orjson.dumps({"id": f"{aid}-s", "text": first})))
        out.append(("two_sentences", f"{aid}-d", orjson.dumps({"id": f"{aid}-d", "text": " ".join(sentences[:2])})))
        out.append(("story", aid, value))
    ae = SHARED / "data" / "article-extraction"
    gt = json.loads((ae / "ground-truth.json").read_text("utf-8"))
    for pid in sorted(gt):
        html = gzip.decompress((ae / "html" / f"{pid}.html.gz").read_bytes()).decode("utf-8", "replace")
        out.append(("html_page", f"ae-{pid[:16]}", orjson.dumps({"id": f"ae-{pid[:16]}", "url": gt[pid].get("url"), "html": html})))
    return out


def user_inputs(path: Path) -> list[tuple[str, str, bytes]]:
    from streams.inputs import iter_inputs

    return [("input", item.location, item.value) for item in iter_inputs([str(path)])]


def outcomes(inputs: list[tuple[str, str, bytes]], english_kinds: set[str]) -> dict:
    """Both stages over the inputs; counts per kind of input."""
    from streams import cores
    from streams.cleaning.cleaner import is_short

    by_kind: dict[str, Counter] = {}
    started = time.perf_counter()
    batch: list[tuple[str, bytes, str]] = []

    def flush() -> None:
        results = cores.extract_messages([v for _, v, _ in batch])
        for (kind, _value, short_whole), res in zip(batch, results):
            c = by_kind[kind]
            if not res.ok:
                c[f"extract_dead_letter:{res.reason}"] += 1
                continue
            enriched = orjson.loads(res.records[0][2])
            c["enriched"] += 1
            c[f"skipped:{enriched['skipped_reason']}"] += 1
            c["with_events"] += len(res.records) > 1
            c["events"] += len(res.records) - 1
            c[short_whole] += 1
        batch.clear()

    for kind, _aid, value in inputs:
        c = by_kind.setdefault(kind, Counter())
        c["inputs"] += 1
        out = cores.clean_one(value)
        if not out.ok:
            c[f"dead_letter:{out.reason}"] += 1
            continue
        record = orjson.loads(out.records[0][2])
        c["clean"] += 1
        c[f"language:{record['language'] if record['language'] in ('en', None) else 'other'}"] += 1
        short_whole = "not_short"
        if kind != "html_page":
            from streams.envelope import decode

            raw = decode(value)
            text = raw.text or ""
            if raw.text is not None and is_short(text):
                short_whole = "short_kept_whole" if _WORD.findall(record["body"]) == _WORD.findall(text) or record["repairs"] else "short_changed"
        batch.append((kind, out.records[0][2], short_whole))
        if len(batch) >= 16:
            flush()
    if batch:
        flush()
    summary = {}
    for kind, c in by_kind.items():
        n = c["inputs"]
        dead = sum(v for k, v in c.items() if k.startswith("dead_letter:"))
        summary[kind] = {
            "inputs": n,
            "clean_records": c["clean"],
            "dead_letters": dead,
            "dead_letter_reasons": {k.split(":", 1)[1]: v for k, v in c.items() if k.startswith("dead_letter:")},
            "enriched_records": c["enriched"],
            "skipped_reasons": {k.split(":", 1)[1]: v for k, v in c.items() if k.startswith("skipped:") and k != "skipped:None"},
            "reached_the_coder": c["skipped:None"],
            "with_events": c["with_events"],
            "events": c["events"],
            "language_tags": {k.split(":", 1)[1]: v for k, v in c.items() if k.startswith("language:")},
            "short_texts_kept_whole": c["short_kept_whole"],
            "short_texts_changed": c["short_changed"],
        }
        if kind in english_kinds:
            summary[kind]["english_tagged_other_language"] = c["language:other"]
    summary["_seconds"] = round(time.perf_counter() - started, 1)
    return summary


def language_on_short_english() -> dict:
    """Bare py3langid vs detect_language on word-prefixes of the test-half stories and the non-English dev pages."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from streams.cleaning.language import detect_language

    bare = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    lengths = (3, 5, 8, 12, 20)
    english: dict[int, Counter] = {k: Counter() for k in lengths}
    for aid, value in stories():
        if not test_half(aid):
            continue
        words = orjson.loads(value)["text"].split()
        for k in lengths:
            if len(words) < k:
                continue
            snippet = " ".join(words[:k]).rstrip(".,;:")
            english[k]["n"] += 1
            english[k]["bare_en"] += bare.classify(snippet)[0] == "en"
            ours = detect_language(snippet)[0]
            english[k]["ours_en"] += ours == "en"
            english[k]["ours_undetermined"] += ours is None
            english[k]["ours_other"] += ours not in ("en", None)
    other: dict[int, Counter] = {k: Counter() for k in lengths}
    ae = SHARED / "data" / "article-extraction"
    gt = json.loads((ae / "ground-truth.json").read_text("utf-8"))
    for pid, page in gt.items():
        if not test_half(f"ae-{pid[:16]}"):
            continue
        body = page.get("articleBody") or ""
        lang, _ = bare.classify(body[:3000])
        if lang == "en" or len(body) < 500:
            continue
        words = body.split()
        for k in lengths:
            snippet = " ".join(words[:k])
            other[k]["n"] += 1
            got = detect_language(snippet)[0]
            other[k]["kept"] += got == lang
            other[k]["undetermined"] += got is None
            other[k]["tagged_en"] += got == "en"
            other[k]["bare_kept"] += bare.classify(snippet)[0] == lang
    return {
        "english_story_prefixes": {str(k): _rates(c) for k, c in english.items()},
        "non_english_page_prefixes": {str(k): _rates(c) for k, c in other.items()},
    }


def _rates(c: Counter) -> dict:
    n = c.pop("n", 0)
    return {"n": n, **{k: round(v / n, 4) if n else None for k, v in sorted(c.items())}}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=None, help="a directory of articles or a JSON-lines file of envelopes (default: $CORPUS, else ../shared)")
    ap.add_argument("--stories", type=int, default=600,
                    help="test-half stories whose short forms are run from ../shared (0 = all 2,257; all take ~20 CPU minutes)")
    ap.add_argument("--out", type=Path, default=RESULTS)
    args = ap.parse_args()
    try:
        source = describe(args.corpus)
        path = corpus_path(args.corpus)
    except CorpusUnavailable as exc:
        print(f"inputs benchmark: nothing measured: {exc}", file=sys.stderr)
        return 2 if isinstance(exc, CorpusNotFound) else 0
    from streams.extraction.nlp import load_nlp

    load_nlp()
    result: dict = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "corpus": source}
    if path is not None:
        result["outcomes"] = outcomes(user_inputs(path), english_kinds=set())
    else:
        english = {"headline_only", "one_sentence_unpunctuated", "two_sentences", "story"}
        result["split"] = "NGEC stories and dev pages: test half by id hash (blake2b, odd last byte)"
        result["stories"] = args.stories or "all"
        result["outcomes"] = outcomes(derived_inputs(args.stories or None), english_kinds=english)
    if shared_available() and path is None:
        result["language"] = language_on_short_english()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
