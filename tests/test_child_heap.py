"""A stage child moves what it loaded out of the garbage collector's reach once it is ready (``child.freeze_heap``):
a full collection would walk the models and tables on every trigger by the stage's short-lived objects."""

from __future__ import annotations

import gc

from streams.child import ChildProcess


def heap_state() -> tuple[int, int]:
    """Run in the child: (objects frozen, objects the collector still tracks)."""
    return gc.get_freeze_count(), len(gc.get_objects())


def test_a_ready_child_has_frozen_what_it_loaded() -> None:
    child = ChildProcess("heap", warm=("clean",), start_timeout_s=120)
    try:
        child.start()
        frozen, tracked = child.call_sync(heap_state)
    finally:
        child.kill()
    assert frozen > 10_000  # the language model, the lexicons and the modules loaded to warm up
    assert tracked < frozen  # what is left to collect is the little made since


def lazy_tables_loaded() -> dict[str, int]:
    """Run in the child: which of the tables the stages load on first use are loaded (1) or not (0)."""
    from streams.extraction.events.classifier import load_classifier
    from streams.extraction.events.knowledge import knowledge
    from streams.extraction.gdelt import geo
    from streams.extraction.gdelt.tone import _analyzer

    return {f.__name__: f.cache_info().currsize for f in (geo._index, load_classifier, knowledge, _analyzer)}


def test_an_extract_child_loads_what_the_coder_reads_before_it_freezes() -> None:
    # the event coder's tables, the geocoder's cities and the tone lexicon are loaded by a warm-up article before the
    # freeze: loaded by the first article of the stream instead, they stayed in the collector's reach for good
    child = ChildProcess("heap", warm=("extract",), start_timeout_s=300)
    try:
        child.start()
        loaded = child.call_sync(lazy_tables_loaded)
        frozen, tracked = child.call_sync(heap_state)
    finally:
        child.kill()
    assert loaded == {"_index": 1, "load_classifier": 1, "knowledge": 1, "_analyzer": 1}
    assert tracked < frozen / 10
