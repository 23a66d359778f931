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
