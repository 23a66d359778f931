"""An article's parsed docs are freed when the article is done, not left to the cyclic garbage collector.

The stage's per-doc indexes (``doc_index``, the coder's children index) hold the doc's own Tokens and Spans, which
hold the doc: kept, every article's doc was a reference cycle of a few thousand objects, alive until a full
collection walked it (``doc_index.release``). Checked with the collector switched off: after a batch, a collection
finds none of the stage's docs, tokens or spans among the unreachable objects.
"""

from __future__ import annotations

import gc
from collections import Counter
from pathlib import Path

from streams.cleaning import clean
from streams.extraction import extract_batch
from streams.records import RawArticle

SEED = Path(__file__).resolve().parent / "fixtures" / "extraction" / "seed-article.txt"


def _unreachable_kinds(run) -> Counter:
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        run()
        gc.collect()
        return Counter(type(o).__name__ for o in gc.garbage)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if was_enabled:
            gc.enable()


def test_extracted_docs_leave_no_cycles_behind() -> None:
    text = SEED.read_text("utf-8")
    arts = [clean(RawArticle(id=f"r{i}", title="Talks resume after border clashes", text=text, language="en")) for i in range(3)]
    extract_batch(arts[:1])  # models and tables loaded outside the measured run
    results: list = []
    kinds = _unreachable_kinds(lambda: results.extend(extract_batch(arts)))
    assert results and all(r.events for r in results)  # the articles were parsed and coded, not skipped
    assert kinds["Doc"] == 0 and kinds["Token"] == 0 and kinds["Span"] == 0, kinds.most_common(8)
