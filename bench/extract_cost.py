"""The core's cost measured from the outside: no clock inside the stage, both sides of each ratio in one run.

Used by ``bench/throughput.py`` (``make bench``) and ``bench/events_cost.py``. The articles are
split into rounds; each round takes the next slice and runs, back to back on that slice:

1. ours: the cleaner on each raw article, then the extract stage (``extract_batch``) in the
   worker's batches; the event coder's share is timed by wrapping the stage's two coder calls
   (``annotate`` and ``code_article``) from here, for the length of the run;
2. the stock components alone: ``nlp.parse``'s loop (same ops, same batch policy) over a copy of
   the model's components as shipped, spaCy's own attribute ruler included, where the stage
   runs its lookup table of the same rules (``streams/extraction/attribute_table.py``), over
   exactly the texts the stage parsed in each batch (``pipeline.parser_input``: titles and
   bodies), with a lemma memo of its own that has seen the same texts in the same order as the
   stage's (so it misses where the stage missed); it shares the stage's vocabulary, whose
   entries for these words the stage has just made: that errs against our ratio, never for it;
   2b. (information) our own parse, table and all, the same way: ``extract_over_fast_parse``,
   what the stage adds on top of the parse it actually runs;
3. the reference: bare spaCy ``nlp.pipe`` of the full model as shipped (all its enabled
   components, spaCy's own lemmatizer) on the same texts as the stage and (1.) parse, the title
   and the body of each article (``pipeline.parser_input``), built on the same BLAS as ours
   (numpy) and batched by the same policy (``nlp.pipe_batches`` within each stage batch). Until
   2026-12 it parsed the bodies alone: it was handed ~4% fewer characters and half the
   documents of what the stage parses for the same articles (on the 1,000 articles of the
   ``make bench`` corpus, both references in one run of 2026-12-04: core_over_spacy 0.832 against
   the bodies alone, 0.868 against the same texts).

The four run back to back on each stage batch (16 articles), in an order that rotates from
batch to batch, so load shifts and the CPU caches' state hit them alike. Ratios: ``extract_over_own_parse`` = stage time / (2), the issue's "over the stock
en_core_web_sm components alone";
``core_over_spacy`` = articles/s of clean + extract over the reference's;
``events_share_of_extract`` (information). Both ratios are also given in process CPU time
(``cpu_*``): on a machine shared with other work, wall time adds whatever the others take.
Warm-up (tables, caches) is done on a sentence of this file, not on the measured articles.
"""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from typing import Any, Callable, Iterator

WARM_UP = "The foreign minister met the visiting envoy in Paris on Monday, officials said."


def reference_model():
    """The full shipped model, loaded the stock way but built on numpy's BLAS like ours (same BLAS)."""
    from thinc.api import use_ops

    from streams.extraction.nlp import model_package

    with use_ops("numpy", use_blis=False):
        nlp = model_package().load()
    assert not nlp.get_pipe("tok2vec").model.ops.use_blis, "the reference must run on our BLAS"
    return nlp


class _Stopwatch:
    def __init__(self) -> None:
        self.seconds = 0.0

    def wrap(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - t0

        return timed


@contextmanager
def events_timed(pipeline: Any) -> Iterator[_Stopwatch]:
    """Times the stage's calls into the event coder by wrapping the names the stage looks up, then restores them."""
    watch = _Stopwatch()
    saved = pipeline.annotate, pipeline.code_article
    pipeline.annotate, pipeline.code_article = watch.wrap(saved[0]), watch.wrap(saved[1])
    try:
        yield watch
    finally:
        pipeline.annotate, pipeline.code_article = saved


def stock_components(vocab: Any) -> Any:
    """The stage's model with its components as shipped (spaCy's attribute ruler, not our table; no paragraph
    breaks, no cut of names from amounts), on our BLAS and sharing the stage's vocabulary: what ``nlp.parse`` would
    run without :mod:`attribute_table`, :mod:`paragraphs` and :mod:`entity_amounts`."""
    from streams.extraction.nlp import build_nlp

    nlp = build_nlp(attribute_table=False, paragraph_breaks=False, entity_amounts=False, nicknames=False, vocab=vocab)
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "AttributeRuler", "the stock side must run spaCy's ruler"
    return nlp


@contextmanager
def memo_of(nlp_module: Any, memo: Any, model: Any = None) -> Iterator[None]:
    """``nlp.parse`` with ``memo`` as its lemma memo (and ``model`` as its pipeline, when given) for the
    duration: the names it looks up, restored after."""
    saved = nlp_module._lemma_memo, nlp_module.load_nlp
    nlp_module._lemma_memo = lambda: memo
    if model is not None:
        nlp_module.load_nlp = lambda: model
    try:
        yield
    finally:
        nlp_module._lemma_memo, nlp_module.load_nlp = saved


def measure(raws: list[Any], batch: int, rounds: int = 8, progress: bool = True) -> dict[str, Any]:
    """Clean + extract ``raws`` (``RawArticle``s, distinct) and time both references on the same texts (module doc)."""
    from streams.child import freeze_heap
    from streams.cleaning import clean
    from streams.extraction import extractor as pipeline
    from streams.extraction import nlp as stage_nlp
    from streams.extraction.nlp import LemmaMemo, load_nlp, parse, pipe_batches
    from streams.records import RawArticle

    load_nlp()
    stock = stock_components(load_nlp().vocab)
    # Each parse side gets a lemma memo of its own, fed the same texts in the same order as the stage's: it
    # misses where the stage's missed (reusing the stage's memo would answer every word of the batch for it).
    own_memo, fast_memo = LemmaMemo(stock), LemmaMemo(load_nlp())
    ref = reference_model()
    warm = clean(RawArticle(id="warm-up", text=WARM_UP, language="en"))
    pipeline.extract_batch([warm])
    with memo_of(stage_nlp, own_memo, stock):
        list(parse(pipeline.parser_input([warm])))
    with memo_of(stage_nlp, fast_memo):
        list(parse(pipeline.parser_input([warm])))
    list(ref.pipe([warm.body]))
    freeze_heap()  # as the worker's stage child does once loaded (streams/child.py): all sides run in this process

    t_clean = t_extract = t_parse = t_fast = t_ref = t_events = 0.0
    cpu_clean = cpu_extract = cpu_parse = cpu_ref = 0.0  # process CPU time: what other sessions' load does not add
    n = n_clean = 0
    step = max(1, -(-len(raws) // rounds))
    for start in range(0, len(raws), step):
        chunk = raws[start : start + step]
        c0, t0 = time.process_time(), time.perf_counter()
        arts = []
        for raw in chunk:
            try:
                arts.append(clean(raw))
            except Exception:  # noqa: BLE001 - a rejected input costs its time and is a dead letter in the stream
                pass
        t_clean += time.perf_counter() - t0
        cpu_clean += time.process_time() - c0
        batches = [arts[i : i + batch] for i in range(0, len(arts), batch)]

        # Per stage batch, the four sides back to back, their order rotating from batch to batch: load shifts
        # and the state of the CPU caches (which model's weights are warm) hit each side alike.
        spent = {"extract": 0.0, "parse": 0.0, "fast": 0.0, "ref": 0.0}
        cpu = {"extract": 0.0, "parse": 0.0, "fast": 0.0, "ref": 0.0}

        def run_extract(b: list[Any]) -> None:
            nonlocal t_events
            with events_timed(pipeline) as watch:
                pipeline.extract_batch(b)
            t_events += watch.seconds

        def run_parse(b: list[Any]) -> None:
            texts = pipeline.parser_input(b)
            with memo_of(stage_nlp, own_memo, stock):
                for _ in parse(texts):
                    pass

        def run_fast(b: list[Any]) -> None:
            texts = pipeline.parser_input(b)
            with memo_of(stage_nlp, fast_memo):
                for _ in parse(texts):
                    pass

        def run_ref(b: list[Any]) -> None:
            for group in pipe_batches(pipeline.parser_input(b)):
                for _ in ref.pipe(group, batch_size=len(group)):
                    pass

        sides = [("extract", run_extract), ("parse", run_parse), ("fast", run_fast), ("ref", run_ref)]
        for k, b in enumerate(batches):
            turn = (k + start // step) % len(sides)
            for name, run in sides[turn:] + sides[:turn]:
                c0, t0 = time.process_time(), time.perf_counter()
                run(b)
                spent[name] += time.perf_counter() - t0
                cpu[name] += time.process_time() - c0
        round_extract, round_parse, round_ref = spent["extract"], spent["parse"], spent["ref"]
        cpu_extract += cpu["extract"]
        cpu_parse += cpu["parse"]
        cpu_ref += cpu["ref"]

        t_extract += round_extract
        t_parse += round_parse
        t_fast += spent["fast"]
        t_ref += round_ref
        n += len(chunk)
        n_clean += len(arts)
        if progress:
            k = max(1, len(arts))
            print(f"{n} articles: extract/own parse {t_extract / t_parse:.3f}, core/spacy {(n / (t_clean + t_extract)) / (n_clean / t_ref):.3f} "
                  f"(this round, ms an article: extract {1000 * round_extract / k:.1f}, own parse {1000 * round_parse / k:.1f}, "
                  f"spaCy {1000 * round_ref / k:.1f}); CPU time: extract/own parse {cpu_extract / cpu_parse:.3f}, "
                  f"core/spacy {(n / (cpu_clean + cpu_extract)) / (n_clean / cpu_ref):.3f}", file=sys.stderr)
    return {
        "articles": n,
        "clean_articles": n_clean,
        "batch_size": batch,
        "rounds": rounds,
        "clean_s": t_clean,
        "extract_s": t_extract,
        "extract_spacy_s": t_parse,
        "events_s": t_events,
        "spacy_full_s": t_ref,
        "clean_ms_per_article": 1000 * t_clean / max(1, n),
        "extract_ms_per_article": 1000 * t_extract / max(1, n_clean),
        "own_parse_ms_per_article": 1000 * t_parse / max(1, n_clean),
        "events_ms_per_article": 1000 * t_events / max(1, n_clean),
        "spacy_full_ms_per_article": 1000 * t_ref / max(1, n_clean),
        "core_articles_per_s": n / (t_clean + t_extract),
        "spacy_full_articles_per_s": n_clean / t_ref,
        "extract_over_own_parse": t_extract / t_parse,
        "fast_parse_ms_per_article": 1000 * t_fast / max(1, n_clean),
        "extract_over_fast_parse": t_extract / t_fast,
        "core_over_spacy": (n / (t_clean + t_extract)) / (n_clean / t_ref),
        "events_share_of_extract": t_events / t_extract,
        "cpu_extract_over_own_parse": cpu_extract / cpu_parse,
        "cpu_core_over_spacy": (n / (cpu_clean + cpu_extract)) / (n_clean / cpu_ref),
        "cpu_ms_per_article": {"clean": 1000 * cpu_clean / max(1, n), "extract": 1000 * cpu_extract / max(1, n_clean),
                               "own_parse": 1000 * cpu_parse / max(1, n_clean), "spacy_full": 1000 * cpu_ref / max(1, n_clean)},
    }
