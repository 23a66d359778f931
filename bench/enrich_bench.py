"""Benchmark of entities + main event (issue 5): one number per bar.

    .venv/bin/python bench/enrich_bench.py [--no-full-model]

1. seed article: raw text, glue-repaired text, and the cleaner's output of the raw
   text; every required entity is ONE entity with the right country, nothing
   forbidden, main event = Khamenei/Haniyeh meeting or support, "this Tuesday" ->
   2024-03-26 with published_at 2024-03-27T10:00:00Z.
2. giveme5w1h dev (48 articles): who / when / where of the main event against the
   human phrases (half of our tokens in one gold phrase; when: or the parsed date).
   Denominator: articles with a gold phrase (who, where) or a gold phrase or parsed
   date (when); ``when_phrase_gold`` is ``when`` over articles whose coders wrote a
   time phrase (10 of the 48 have only a coder-inferred date, no phrase).
3. speed, one process, same texts, timed from outside the stage: project logic
   (extract minus our own parse of the same texts, minus the coded-event step) /
   our parse; and the whole extract stage / bare spaCy full model (as shipped,
   same BLAS and batch policy) on the same titles and bodies.
4. bad input: valid record, a reason, no exception, bounded time.
Writes bench/results/enrich.json.
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from enrich_score import check_seed_entities, forbidden_actors, score_article  # noqa: E402

from streams.extraction import extractor as pipeline  # noqa: E402
from streams.extraction.gazetteer import warm  # noqa: E402
from streams.extraction.nlp import load_nlp  # noqa: E402
from streams.records import CleanArticle  # noqa: E402
from streams.schemas import errors_in  # noqa: E402

SHARED = ROOT.parent / "shared"
G5 = SHARED / "data" / "giveme5w1h"
SEED = SHARED / "samples" / "seed-article.txt"
SEED_EXPECTED = SHARED / "samples" / "seed-article.expected.json"
SEED_PUBLISHED = "2024-03-27T10:00:00Z"
GLUE_REPAIRS = {"Khameneireiterated": "Khamenei reiterated", "PalestineGaza": "Palestine Gaza", "AbdulahianIn": "Abdulahian In"}


def article(aid: str, body: str, title: str | None, published_at: str | None, language: str | None = "en") -> CleanArticle:
    return CleanArticle(article_id=aid, body=body, content_hash=hashlib.sha256(body.encode()).hexdigest(), cleaner_version="bench", input_format="text", title=title, language=language, published_at=published_at)


def seed_variants() -> dict[str, CleanArticle]:
    raw = SEED.read_text("utf-8")
    title = raw.strip().splitlines()[0]
    repaired = raw
    for glued, fixed in GLUE_REPAIRS.items():
        repaired = repaired.replace(glued, fixed)
    variants = {"raw": article("seed-raw", raw, title, SEED_PUBLISHED), "repaired": article("seed-repaired", repaired, title, SEED_PUBLISHED)}
    try:
        from streams.cleaning import clean
        from streams.records import RawArticle

        cleaned = clean(RawArticle(id="seed-cleaned", text=raw, title=title, published_at=SEED_PUBLISHED))
        cleaned.language = cleaned.language or "en"
        variants["cleaned"] = cleaned
    except Exception as exc:  # the cleaner is another stage; the bench must still run
        print(f"  (cleaner unavailable: {exc!r})")
    return variants


def bar_seed() -> dict[str, Any]:
    expected = json.loads(SEED_EXPECTED.read_text("utf-8"))
    out: dict[str, Any] = {}
    for name, art in seed_variants().items():
        rec = pipeline.extract(art).enriched
        ents = rec["entities"]
        rows = check_seed_entities(expected, ents)
        forbidden = forbidden_actors(expected, ents)
        ev = rec["main_event"] or {}
        by_id = {e["id"]: e for e in ents}
        actors = {by_id.get((ev.get(k) or {}).get("entity"), {}).get("canonical") for k in ("who", "whom")}
        main_ok = bool(actors & {"Ali Khamenei", "Ismail Haniyeh"}) and bool(actors - {None} - {"Ali Khamenei"} or "meeting" in (ev.get("what") or {}).get("text", "")) and any(w in (ev.get("what") or {}).get("text", "") for w in ("support", "meet"))
        when = (ev.get("when") or {}).get("resolved")
        out[name] = {
            "entities_ok": all(r["ok"] for r in rows),
            "entities": rows,
            "forbidden_found": forbidden,
            "main_event_ok": main_ok,
            "when_ok": when == "2024-03-26",
            "main_event": ev,
            "schema_errors": errors_in("enriched_article", rec),
        }
        print(f"  seed[{name}]: entities {sum(r['ok'] for r in rows)}/{len(rows)}, forbidden {forbidden or 'none'}, main event {'ok' if main_ok else 'WRONG'} ({(ev.get('who') or {}).get('text')} | {(ev.get('what') or {}).get('text', '')[:60]}), when {when}")
        for r in rows:
            if not r["ok"]:
                print(f"    missing/split: {r['canonical']} -> {r['entities']}")
    return out


def g5_articles() -> list[tuple[dict[str, Any], CleanArticle]]:
    out = []
    for path in sorted(glob.glob(str(G5 / "*.json"))):
        d = json.loads(Path(path).read_text("utf-8"))
        pub = d.get("date_publish")
        pub = (pub.replace(" ", "T") + "Z") if pub and pub != "None" else None
        out.append((d, article(d["dId"][:16], d["text"], d.get("title"), pub)))
    return out


def bar_giveme(items: list[tuple[dict[str, Any], CleanArticle]], verbose: bool) -> dict[str, Any]:
    hits: dict[str, list[bool]] = {"who": [], "when": [], "where": [], "when_phrase_gold": []}
    rows = []
    records = pipeline.extract_batch([a for _, a in items])
    invalid = sum(bool(errors_in("enriched_article", r.enriched)) for r in records)
    for (d, _), ext in zip(items, records):
        ev = ext.enriched["main_event"]
        s = score_article(d, ev)
        for k, v in s.items():
            if v is not None:
                hits[k].append(v)
        rows.append({"id": d["dId"][:16], "title": d["title"][:80], "score": s, "who": (ev or {}).get("who"), "when": (ev or {}).get("when"), "where": (ev or {}).get("where")})
        if verbose and not all(v in (True, None) for v in s.values()):
            gold = {k: [(a.get("text"), a.get("parsed")) for a in d["fiveWoneH"][k]["annotated"]] for k in ("who", "when", "where")}
            print(f"  - {d['title'][:70]!r}")
            for k in ("who", "when", "where"):
                if s[k] is False:
                    print(f"      {k}: ours={((ev or {}).get(k) or {})} gold={gold[k]}")
    result = {k: {"score": round(sum(v) / len(v), 3), "n": len(v)} for k, v in hits.items()}
    print("  giveme5w1h dev: " + ", ".join(f"{k} {r['score']:.3f} (n={r['n']})" for k, r in result.items()) + f"; schema-invalid records: {invalid}")
    return {"fields": result, "schema_invalid": invalid, "articles": rows}


def bar_speed(items: list[tuple[dict[str, Any], CleanArticle]], full_model: bool) -> dict[str, Any]:
    """Per article, extract() then our own parse of the same title + body, then (optionally) the bare full
    model on them, interleaved so that load from other work on the machine hits all sides alike. Timed
    from outside the stage (bench/extract_cost.py): the coder's share by wrapping its calls."""
    from extract_cost import events_timed, memo_of, reference_model

    from streams.extraction import nlp
    from streams.extraction.nlp import LemmaMemo, parse, pipe_batches

    own_memo = LemmaMemo(load_nlp())  # our parse alone misses where the stage missed (bench/extract_cost.py)

    arts = [a for _, a in items] + list(seed_variants().values())
    full = reference_model() if full_model else None
    pipeline.extract_batch(arts[:2])  # warm caches
    if full is not None:
        list(full.pipe([a.body for a in arts[:2]]))
    total = own_parse = bare = 0.0
    with events_timed(pipeline) as events:
        for a in arts:
            t0 = time.perf_counter()
            pipeline.extract(a)
            total += time.perf_counter() - t0
            texts = pipeline.parser_input([a])
            with memo_of(nlp, own_memo):
                t0 = time.perf_counter()
                for _ in parse(texts):
                    pass
                own_parse += time.perf_counter() - t0
            if full is not None and texts:
                t0 = time.perf_counter()
                for batch in pipe_batches(texts):
                    for _ in full.pipe(batch, batch_size=len(batch)):
                        pass
                bare += time.perf_counter() - t0
    own = total - own_parse - events.seconds
    result = {
        "articles": len(arts),
        "spacy_s": round(own_parse, 3),
        "own_logic_s": round(own, 3),
        "events_s": round(events.seconds, 3),
        "own_over_spacy": round(own / own_parse, 3),
    }
    if full is not None:
        result["bare_full_spacy_s"] = round(bare, 3)
        result["extract_total_over_bare_full_spacy"] = round(total / bare, 3)
        result["extract_without_events_over_bare_full_spacy"] = round((total - events.seconds) / bare, 3)
    print(f"  speed: own logic {result['own_logic_s']}s / spaCy {result['spacy_s']}s = {result['own_over_spacy']:.1%} (coded events {result['events_s']}s not counted)"
          + (f"; extract / bare full spaCy = {result['extract_total_over_bare_full_spacy']:.2f} (without coded events {result['extract_without_events_over_bare_full_spacy']:.2f})" if full is not None else ""))
    return result


def bad_inputs() -> dict[str, str]:
    return {
        "empty": "",
        "whitespace": " \n\n\t ",
        "punctuation": "... !!! ??? --- ***",
        "one_token_1MB": "x" * 1_000_000,
        "only_numbers": " ".join(str(i) for i in range(20000)),
        "german": "Die Bundesregierung hat am Dienstag in Berlin beschlossen, die Hilfe für die Ukraine weiter zu erhöhen. Der Kanzler sagte, man werde die Partner nicht im Stich lassen und weiter eng mit der Europäischen Union zusammenarbeiten.",
        "spanish": "El presidente de Colombia, Gustavo Petro, habló este lunes sobre el proceso electoral en Venezuela y dijo que la inhabilitación de la candidata fue un golpe antidemocrático contra el pueblo.",
        "no_sentences": "word " * 2,
        "long_words_1MB": ("lorem ipsum dolor sit amet " * 40000),
        "english_1MB": ("The minister said the talks in Geneva would continue next week. " * 16000),
        "control_chars": "\x00\x01\x02 Hamas \x7f\ufeff Iran \u200b",
    }


def bar_bad_input() -> dict[str, Any]:
    out = {}
    for name, text in bad_inputs().items():
        t0 = time.perf_counter()
        try:
            rec = pipeline.extract(article(f"bad-{name}", text, None, None, language=None)).enriched
            errors = errors_in("enriched_article", rec)
            outcome = {"reason": rec["skipped_reason"], "warnings": rec.get("warnings"), "entities": len(rec["entities"]), "main_event": rec["main_event"] is not None, "schema_errors": errors}
        except Exception as exc:  # the bar: this must never happen
            outcome = {"exception": repr(exc)}
        outcome["seconds"] = round(time.perf_counter() - t0, 3)
        out[name] = outcome
        print(f"  bad input {name}: {outcome}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-full-model", action="store_true", help="skip the bare full-model spaCy comparison")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every giveme5w1h miss")
    args = parser.parse_args()
    t0 = time.perf_counter()
    load_nlp()
    warm()
    print(f"loaded model + gazetteers in {time.perf_counter() - t0:.1f}s")
    items = g5_articles()
    results = {"seed": bar_seed(), "giveme5w1h": bar_giveme(items, args.verbose), "speed": bar_speed(items, not args.no_full_model), "bad_input": bar_bad_input()}
    out = ROOT / "bench" / "results" / "enrich.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
