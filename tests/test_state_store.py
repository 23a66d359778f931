"""A state store's local side: records, index, persistence, expiry and owed tombstones.

No broker here: changelog writes stay queued in the writer (what would be sent is
inspected), and changelog records are applied as the reader would apply them.
The broker-backed behaviour is in tests/test_state_kafka.py.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from streams.cleaning.dedup import from_minhash, signature
from streams.duplicates import (
    ExactDuplicateState,
    ExactItem,
    NearDuplicateState,
    Remembered,
    article_ref,
    exact_index_keys,
    near_index_keys,
)
from streams.state import layout as L
from streams.state.eventtime import Buckets
from streams.state.localdb import make_cache, open_db
from streams.state.metrics import StateMetrics
from streams.state.store import Store, StoreSpec
from streams.state.writer import ChangelogWriter
from test_cleaning_dedup import WIRE, rewritten, syndicated

HOUR = 3600
T0 = 1_780_000_000 // (5 * 60) * (5 * 60)  # a bucket boundary for a 1 h horizon in 12 buckets


@dataclass
class Rec:
    """A changelog record as the reader hands it to ``Store.apply``."""

    key: bytes
    value: bytes | None
    headers: list[tuple[str, bytes]]


def make_store(path: Path, *, indexer=None, horizon_s: int = HOUR, buckets: int = 12, topic: str = "t-changelog") -> Store:
    cache = make_cache(8)
    store = Store(
        StoreSpec("s", "input", horizon_s, indexer),
        path=path,
        buckets=Buckets.for_horizon(horizon_s, buckets),
        topic=topic,
        open_db=lambda p: open_db(p, cache=cache, write_buffer_mb=1, max_open_files=64),
        writer=ChangelogWriter(),
        metrics=StateMetrics(),
    )
    store.partitions = 4
    store.open()
    return store


def as_changelog(store: Store) -> list[tuple[int, Rec]]:
    """What the store queued for its changelog, as records a reader would get back."""
    return [(w.partition, Rec(w.key, w.value, w.headers or [])) for w in store.writer.queued()]


def test_put_is_read_locally_at_once_and_queued_for_the_changelog(tmp_path: Path) -> None:
    store = make_store(tmp_path / "s")
    store.put(2, b"k1", b"payload", T0)
    found = store.get(b"k1")
    assert found is not None and (found.payload, found.partition, found.event_time) == (b"payload", 2, T0)
    [(partition, rec)] = as_changelog(store)
    assert partition == 2 and rec.key == b"k1" and L.parse_changelog_value(rec.value) == (T0, b"payload")
    assert store.get(b"other") is None
    with pytest.raises(ValueError):
        store.put(4, b"k2", b"x", T0)  # only the input topic's partitions exist


def test_index_keeps_the_earliest_record_per_bucket_and_lists_oldest_first(tmp_path: Path) -> None:
    store = make_store(tmp_path / "s", indexer=lambda payload: [payload[:2]])
    store.put(0, b"c", b"IXc", T0 + 20 * 60)  # a later bucket gets its own entry
    store.put(1, b"b", b"IXb", T0 + 10)
    store.put(0, b"a", b"IXa", T0)  # same index key and bucket as "b", earlier: it takes the entry
    store.put(2, b"d", b"IXd", T0 + 5)
    found = store.lookup([b"IX"])
    assert [f.key for f in found] == [b"a", b"c"]
    assert store.lookup([b"ZZ"]) == []


def test_the_index_does_not_depend_on_the_order_records_are_applied(tmp_path: Path) -> None:
    records = [Rec(b"k%d" % i, L.changelog_value(T0 + (7 * i) % 11, b"IX%d" % i), []) for i in range(11)]
    one, two = make_store(tmp_path / "one", indexer=lambda p: [p[:2]]), make_store(tmp_path / "two", indexer=lambda p: [p[:2]])
    one.apply(0, records, next_offset=11)
    for r in reversed(records):
        two.apply(0, [r], next_offset=1)
    assert [f.key for f in one.lookup([b"IX"])] == [f.key for f in two.lookup([b"IX"])] == [b"k0"]


def test_state_survives_reopening_with_offsets_and_watermark(tmp_path: Path) -> None:
    store = make_store(tmp_path / "s")
    store.apply(1, [Rec(b"k", L.changelog_value(T0 + 5, b"v"), [])], next_offset=42)
    store.put(0, b"mine", b"w", T0 + 9)
    store.close()
    again = make_store(tmp_path / "s")
    assert again.offsets == {1: 42}
    assert again.watermark == T0 + 9
    assert again.get(b"k").payload == b"v" and again.get(b"mine").payload == b"w"
    assert again.live_records == 2


def test_a_changed_bucket_width_rebuilds_the_local_store(tmp_path: Path) -> None:
    store = make_store(tmp_path / "s")
    store.apply(0, [Rec(b"k", L.changelog_value(T0, b"v"), [])], next_offset=1)
    store.close()
    rebuilt = make_store(tmp_path / "s", buckets=6)
    assert rebuilt.offsets == {} and rebuilt.get(b"k") is None
    assert rebuilt.metrics.wipes.labels(store="s")._value.get() == 1


def test_reading_back_an_older_own_write_never_hides_a_newer_one(tmp_path: Path) -> None:
    """A store updated in place (story state will be): the echo of write 1 arrives after write 2."""
    store = make_store(tmp_path / "s")
    store.put(1, b"story", b"v1", T0)
    store.put(1, b"story", b"v2", T0)
    echoes = as_changelog(store)
    store.apply(1, [echoes[0][1]], next_offset=1)
    assert store.get(b"story").payload == b"v2"
    store.apply(1, [echoes[1][1]], next_offset=2)
    assert store.get(b"story").payload == b"v2" and store._echo == {}  # noqa: SLF001
    # another worker's write of the key is applied
    store.apply(1, [Rec(b"story", L.changelog_value(T0, b"v3"), [])], next_offset=3)
    assert store.get(b"story").payload == b"v3" and store.live_records == 1


def test_reader_skips_its_own_write_and_unknown_formats(tmp_path: Path) -> None:
    store = make_store(tmp_path / "s", indexer=lambda p: [p])
    store.put(3, b"k", b"v", T0)
    [(p, rec)] = as_changelog(store)
    store.apply(p, [rec, Rec(b"x", b"\x09garbage", [])], next_offset=1)
    assert store.live_records == 1
    assert store.get(b"x") is None


def test_expiry_drops_old_buckets_and_owes_their_tombstones_to_the_owner(tmp_path: Path) -> None:
    store = make_store(tmp_path / "s", indexer=lambda p: [p[:1]])
    for i in range(8):
        store.put(i % 4, b"old%d" % i, b"o%d" % i, T0 + i)
    store.put(0, b"new", b"n", T0 + HOUR + 10 * 60)  # the watermark passes the horizon of the old ones
    assert asyncio.run(store.expire()) == 1
    assert all(store.get(b"old%d" % i) is None for i in range(8))
    assert store.lookup([b"o"]) == []  # their index entries went with the bucket
    assert store.get(b"new") is not None
    assert store.live_records == 1 and asyncio.run(store.owed_tombstones()) == 8
    store.writer._queue.clear()  # noqa: SLF001 - keep only what the next step queues

    store.owned = {1, 3}
    assert asyncio.run(store.queue_owed_tombstones()) == 4
    tombstones = as_changelog(store)
    assert sorted(rec.key for _, rec in tombstones) == [b"old1", b"old3", b"old5", b"old7"]
    assert all(rec.value is None and p in (1, 3) for p, rec in tombstones)
    assert {L.read_u32(dict(rec.headers)[L.TIME_HEADER]) for _, rec in tombstones} == {T0 + 1, T0 + 3, T0 + 5, T0 + 7}

    # every reader forgets an owed tombstone when it reads it back
    for p, rec in tombstones:
        store.apply(p, [rec], next_offset=100)
    assert asyncio.run(store.owed_tombstones()) == 4  # partitions 0 and 2 are someone else's


def test_a_record_of_an_expired_bucket_is_only_noted_as_owed(tmp_path: Path) -> None:
    store = make_store(tmp_path / "s")
    store.put(0, b"now", b"n", T0 + 2 * HOUR)
    store.apply(2, [Rec(b"stale", L.changelog_value(T0, b"s"), [])], next_offset=7)
    assert store.get(b"stale") is None
    assert asyncio.run(store.owed_tombstones()) == 1
    # its tombstone, once read, settles it
    store.apply(2, [Rec(b"stale", None, [(L.TIME_HEADER, L.u32(T0))])], next_offset=8)
    assert asyncio.run(store.owed_tombstones()) == 0


def test_no_tombstone_is_sent_for_a_key_that_lives_again(tmp_path: Path) -> None:
    store = make_store(tmp_path / "s")
    store.put(1, b"k", b"first", T0)
    store.put(1, b"tick", b"t", T0 + HOUR + 10 * 60)
    asyncio.run(store.expire())
    store.put(1, b"k", b"second", T0 + HOUR + 11 * 60)  # the same key decided again after expiry
    store.writer._queue.clear()  # noqa: SLF001
    store.owned = {1}
    assert asyncio.run(store.queue_owed_tombstones()) == 0
    assert asyncio.run(store.owed_tombstones()) == 0
    # and a tombstone of the old record deletes only the old record
    store.apply(1, [Rec(b"k", None, [(L.TIME_HEADER, L.u32(T0))])], next_offset=1)
    assert store.get(b"k").payload == b"second"


def test_an_ancient_event_time_is_kept_in_the_first_live_bucket(tmp_path: Path) -> None:
    store = make_store(tmp_path / "s")
    store.put(0, b"now", b"n", T0 + 5 * HOUR)
    t = store.put(0, b"ancient", b"a", 1_000_000_000)
    assert store.buckets.of(t) == store.buckets.floor(store.watermark)
    assert store.get(b"ancient") is not None


# ---- the duplicate policy over a local store ---------------------------------------------------


def test_near_duplicates_are_found_and_answers_are_remembered(tmp_path: Path) -> None:
    near = NearDuplicateState(make_store(tmp_path / "near", indexer=near_index_keys))
    assert near.check("wire-1", 0, signature(WIRE[0]), T0) is None
    assert near.check("other", 1, signature(WIRE[3]), T0 + 1) is None
    assert near.check("copy-1", 2, signature(syndicated(WIRE[0])), T0 + 2) == "wire-1"
    assert near.check("copy-2", 3, signature(rewritten(WIRE[0])), T0 + 3) == "wire-1"
    # a replay of an id gives its first answer again, even if the state changed since
    assert near.check("other", 1, signature(WIRE[3]), T0 + 9) is None
    assert near.check("copy-1", 2, signature(syndicated(WIRE[0])), T0 + 9) == "wire-1"
    # and re-sends the record (durable even if the first attempt never reached the changelog)
    assert [w.key for w in near.store.writer.queued()][-2:] == [article_ref("other"), article_ref("copy-1")]
    assert near.check("empty", 0, b"", T0) is None


def test_near_state_per_article_is_a_few_hundred_bytes(tmp_path: Path) -> None:
    near = NearDuplicateState(make_store(tmp_path / "near", indexer=near_index_keys))
    near.check("u-3f2a9c0d1e4b5a6978c0d1e2", 0, signature(WIRE[1]), T0)
    [w] = near.store.writer.queued()
    assert len(w.value) < 200
    decoded = Remembered.decode(L.parse_changelog_value(w.value)[1])
    assert decoded.article_id == "u-3f2a9c0d1e4b5a6978c0d1e2" and decoded.first is None and len(decoded.sketch) == 64


def test_exact_duplicates_point_at_the_original_and_replays_repeat_the_decision(tmp_path: Path) -> None:
    exact = ExactDuplicateState(make_store(tmp_path / "exact", indexer=exact_index_keys))
    h1, h2 = "a1" * 32, "b2" * 32
    batch = [ExactItem("a", 0, h1, T0), ExactItem("b", 1, h1, T0 + 1), ExactItem("c", 2, h2, T0 + 2)]
    answers = exact.decide(batch)
    assert answers == [None, "a", None]  # the second of two identical articles in one batch is a duplicate
    for item, first in zip(batch, answers):
        exact.remember(item, first)
    assert exact.decide([ExactItem("d", 3, h1, T0 + 3)]) == ["a"]
    exact.remember(ExactItem("d", 3, h1, T0 + 3), "a")
    # a replay of "a" is not a duplicate of its own copies; "d" keeps its answer
    assert exact.decide([ExactItem("a", 0, h1, T0 + 9), ExactItem("d", 3, h1, T0 + 9)]) == [None, "a"]
    assert exact.decide([ExactItem("e", 0, None, T0 + 9), ExactItem("f", 0, "not-hex", T0 + 9)]) == [None, None]


def test_an_exact_copy_of_a_copy_points_at_the_original(tmp_path: Path) -> None:
    store = make_store(tmp_path / "exact", indexer=exact_index_keys)
    exact = ExactDuplicateState(store)
    h = "c3" * 32
    exact.remember(ExactItem("orig", 0, h, T0), None)
    exact.remember(ExactItem("dup1", 1, h, T0 + 30 * 60), "orig")  # a later bucket: its own index entry
    assert [Remembered.decode(f.payload).article_id for f in store.lookup([bytes.fromhex(h)[:16]])] == ["orig", "dup1"]
    store.put(0, b"tick", b"x", T0 + HOUR + 6 * 60)  # "orig"'s bucket expires, "dup1"'s does not
    asyncio.run(store.expire())
    assert exact.first_of("dup2", h) == "orig"


def test_synthetic_signatures_of_the_benchmark_behave_like_text(tmp_path: Path) -> None:
    """The benchmark feeds signatures made from random minima with a share replaced; they must be found the same way."""
    rng = np.random.default_rng(3)
    near = NearDuplicateState(make_store(tmp_path / "near", indexer=near_index_keys))
    base = rng.integers(0, 2**32, 128, dtype=np.uint64).astype(np.uint32)
    near.check("base", 0, from_minhash(base), T0)
    copy = base.copy()
    copy[rng.choice(128, 24, replace=False)] = rng.integers(0, 2**32, 24, dtype=np.uint64).astype(np.uint32)
    assert near.check("copy", 1, from_minhash(copy), T0 + 1) == "base"
    other = rng.integers(0, 2**32, 128, dtype=np.uint64).astype(np.uint32)
    assert near.check("other", 2, from_minhash(other), T0 + 2) is None
