"""One named state store: bounded, persistent, shared by every worker through its changelog.

What a store holds: *records* (a key -> bytes chosen by the caller, e.g. an
article's dedup answer), each in the time bucket of its event time, and *index
entries* derived from a record's payload by the store's ``indexer`` (e.g. LSH
band -> article), kept in the record's bucket and pointing at the earliest
record (event time, then key) that holds them, so every worker builds the same
index whatever order it applied the records in. Every worker applies every changelog partition, so every worker can look
up any record or index entry (like a Faust ``GlobalTable``); the difference is
what bounds it:

* **Expiry in event time.** The watermark is the largest event time seen (from
  local writes and from the changelog). When a bucket falls entirely behind
  ``watermark - horizon`` it is dropped locally with one ``delete_range``; its
  records' keys are first noted as *owed tombstones* (namespace 02). The worker
  that owns a partition (it is assigned the same-numbered input partition) sends
  the owed tombstones of that partition, so compaction removes the records from
  the changelog; every reader drops the note when it reads the tombstone. A
  reader that meets a record of an already expired bucket only notes the
  tombstone as owed. So the changelog holds about one horizon of records,
  whoever owned what when.
* **Local persistence.** The changelog offsets applied are written in the same
  RocksDB write batch as the records, so a restart resumes from them: it reads
  the tail, not the topic.
* **Read-your-writes.** ``put`` writes locally at once (a later lookup in the
  same batch sees it) and queues the changelog record; the runtime waits for
  acknowledgements (``sync``) before the stage publishes what the record decided.

A tombstone is never sent for a key that has a live record (a newer decision
under the same key), and a reader deletes only the record in the tombstone's
bucket, so a tombstone cannot delete newer state.

Why one module of ~500 lines: put, apply, expiry and the owed tombstones write the
same RocksDB batches and keep one set of invariants (the echo bookkeeping, the
bucket of every key, the applied offsets); split, each half would have to trust
the other's private state. The key layout lives in ``layout.py``, event time in
``eventtime.py``, the changelog sends in ``writer.py``.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import rocksdict

from . import layout as L
from .eventtime import Buckets, event_time
from .metrics import StateMetrics
from .writer import ChangelogWriter, Write

log = logging.getLogger(__name__)

Indexer = Callable[[bytes], Sequence[bytes]]
_CHUNK = 5000  # keys handled between two yields to the event loop


@dataclass(frozen=True, slots=True)
class StoreSpec:
    """What a store is: its name (and changelog topic), the input topic whose partitions it follows,
    how long its state lives, and the index keys a record's payload adds (none by default)."""

    name: str
    input_topic: str
    horizon_s: int
    indexer: Indexer | None = None


@dataclass(frozen=True, slots=True)
class Found:
    key: bytes
    bucket: int
    partition: int
    event_time: int
    payload: bytes


class Store:
    def __init__(self, spec: StoreSpec, *, path: Path, buckets: Buckets, topic: str, open_db: Callable[[Path], rocksdict.Rdict],
                 writer: ChangelogWriter, metrics: StateMetrics, max_ahead_s: float = 3600.0) -> None:
        self.spec = spec
        self.max_ahead_s = max_ahead_s
        self.name = spec.name
        self.path = path
        self.buckets = buckets
        self.topic = topic
        self.partitions = 0  # set by the runtime from the input topic
        self.writer = writer
        self.metrics = metrics
        self._open_db = open_db
        self.db: rocksdict.Rdict | None = None
        self.watermark = 0
        self.live_records = 0
        self.offsets: dict[int, int] = {}
        self.owned: set[int] = set()
        self._owed_in_flight: set[tuple[int, bytes]] = set()
        self._echo: dict[tuple[int, bytes], deque[bytes]] = {}  # own writes not read back yet, per key, in order
        self._compaction: asyncio.Future[None] | None = None
        metrics.prepare(spec.name)

    # ---- lifecycle -------------------------------------------------------------------------

    def _format(self) -> bytes:
        """What the local bytes mean; any change (layout, bucket width, topic) rebuilds the store from the changelog."""
        return b"|".join([L.LAYOUT_VERSION, str(self.buckets.width_s).encode(), self.topic.encode()])

    def open(self) -> None:
        self.db = self._open_db(self.path)
        fmt = self.db.get(L.FORMAT)
        if fmt is not None and fmt != self._format():
            self.wipe(f"local format {fmt!r} differs from {self._format()!r}")
            return
        if fmt is None:
            self.db.put(L.FORMAT, self._format())
        w = self.db.get(L.WATERMARK)
        self.watermark = L.read_u32(w) if w else 0
        n = self.db.get(_RECORDS)
        self.live_records = L.read_u64(n) if n else 0
        self.offsets = {}
        it = self.db.iter()
        it.seek(L.OFFSETS)
        while it.valid() and it.key().startswith(L.OFFSETS):
            self.offsets[int.from_bytes(it.key()[len(L.OFFSETS):], "big")] = L.read_u64(it.value())
            it.next()
        del it
        self._publish_gauges()

    def wipe(self, reason: str) -> None:
        """Discard the local store; the reader then rebuilds it from the whole changelog."""
        log.warning("state store %s: rebuilding the local store from its changelog (%s)", self.name, reason)
        self.metrics.wipes.labels(store=self.name).inc()
        self.close()
        shutil.rmtree(self.path, ignore_errors=True)
        self.open()

    async def aclose(self) -> None:
        """Close once a compaction running in its thread has finished (closing under it would crash)."""
        if self._compaction is not None:
            try:
                await asyncio.shield(self._compaction)
            except Exception:  # noqa: BLE001 - closing anyway
                pass
            self._compaction = None
        self.close()

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None

    @property
    def _d(self) -> rocksdict.Rdict:
        if self.db is None:
            raise RuntimeError(f"state store {self.name} is not open")
        return self.db

    # ---- time ------------------------------------------------------------------------------

    def live_buckets(self) -> range:
        return self.buckets.live(self.watermark)

    def event_time(self, published_at: str | None, record_ts_s: float | None) -> float | None:
        """An article's event time from its ``published_at`` and its input record's timestamp (``eventtime.py``)."""
        return event_time(published_at, record_ts_s, horizon_s=self.buckets.horizon_s, max_ahead_s=self.max_ahead_s)

    def _observe(self, t: int) -> None:
        if t > self.watermark:
            self.watermark = t

    # ---- reads -----------------------------------------------------------------------------

    def get(self, key: bytes) -> Found | None:
        """The record under ``key`` in a live bucket (the newest if several), else None."""
        live = list(self.live_buckets())
        values = self._d.get([L.record_key(b, key) for b in reversed(live)])
        for b, value in zip(reversed(live), values):
            if value is not None:
                return _found(key, b, value)
        return None

    def lookup(self, ikeys: Sequence[bytes], limit: int = 16) -> list[Found]:
        """Records that hold any of the index keys, earliest event time first (then key), at most ``limit``."""
        if not ikeys:
            return []
        live = list(self.live_buckets())
        probes = [(b, ik) for b in live for ik in ikeys]
        hits = self._d.get([L.index_key(b, ik) for b, ik in probes])
        refs: list[tuple[int, bytes]] = []
        seen: set[tuple[int, bytes]] = set()
        for (b, _), ref in zip(probes, hits):
            if ref is not None and (b, ref) not in seen:
                seen.add((b, ref))
                refs.append((b, ref))
                if len(refs) >= limit:
                    break
        if not refs:
            return []
        values = self._d.get([L.record_key(b, ref) for b, ref in refs])
        found = [_found(ref, b, v) for (b, ref), v in zip(refs, values) if v is not None]
        found.sort(key=lambda f: (f.event_time, f.key))
        return found

    # ---- writes ----------------------------------------------------------------------------

    def put(self, partition: int, key: bytes, payload: bytes, event_time: float | None) -> int:
        """Write a record locally now and queue it for the changelog partition ``partition``; returns its event time."""
        if not 0 <= partition < max(1, self.partitions):
            raise ValueError(f"partition {partition} outside the {self.partitions} partitions of {self.spec.input_topic}")
        t = self.buckets.stamp(event_time, self.watermark)
        self._observe(t)
        batch = _Batch(self._d)
        self._stage(batch, partition, key, t, payload)
        batch.put(L.WATERMARK, L.u32(self.watermark))
        batch.put(_RECORDS, L.u64(self.live_records))
        batch.commit()
        self._send(partition, key, L.changelog_value(t, payload))
        return t

    def resend(self, found: Found) -> None:
        """Queue a record found locally again: after a crash between the local write and the
        changelog acknowledgement, only this makes it durable (an idempotent overwrite otherwise)."""
        self._send(found.partition, found.key, L.changelog_value(found.event_time, found.payload))

    def _send(self, partition: int, key: bytes, value: bytes) -> None:
        """Queue a record written locally; its echo from the changelog will be recognised and skipped, so
        reading back an older write of a key never hides a newer local one (a store whose records are
        updated in place, like story state, reads its own writes)."""
        self._echo.setdefault((partition, key), deque()).append(value)
        self.writer.write(Write(self.topic, partition, key, value, done=lambda ok: ok or self._drop_echo(partition, key, value)))
        self.metrics.written.labels(store=self.name).inc()

    def _drop_echo(self, partition: int, key: bytes, value: bytes) -> None:
        queue = self._echo.get((partition, key))
        if queue is not None and value in queue:
            queue.remove(value)
            if not queue:
                del self._echo[(partition, key)]

    def _is_echo(self, partition: int, key: bytes, value: bytes) -> bool:
        queue = self._echo.get((partition, key))
        if not queue or queue[0] != value:
            return False
        queue.popleft()
        if not queue:
            del self._echo[(partition, key)]
        return True

    def _index_keys(self, bucket: int, payload: bytes) -> list[bytes]:
        return [L.index_key(bucket, ik) for ik in self.spec.indexer(payload)] if self.spec.indexer is not None else []

    def _stage(self, batch: _Batch, partition: int, key: bytes, t: int, payload: bytes, iks: list[bytes] | None = None) -> None:
        b = self.buckets.of(t)
        rk = L.record_key(b, key)
        if batch.get(rk) is None:
            self.live_records += 1
        batch.put(rk, L.local_value(partition, t, payload))
        if iks is None:
            iks = self._index_keys(b, payload)
        for ik, holder in zip(iks, batch.get_many(iks)):
            if holder is None or (t, key) < (self._time_of(batch, b, holder), holder):
                batch.put(ik, key)

    def _time_of(self, batch: _Batch, bucket: int, key: bytes) -> int:
        """Event time of a record (the index keeps the earliest record per entry: the same on every worker,
        whatever order the records were applied in); a record gone since counts as infinitely late."""
        value = batch.get(L.record_key(bucket, key))
        return L.parse_local_value(value)[1] if value is not None else L.MAX_TIME

    # ---- the reader's side -----------------------------------------------------------------

    def apply(self, partition: int, records: Sequence[Any], next_offset: int) -> None:
        """Apply changelog records of one partition (objects with ``key``, ``value``, ``headers``)
        and remember ``next_offset`` in the same write batch.

        The keys the batch will read are fetched in one multi-get first: a replay of
        the changelog costs two RocksDB calls per poll, not a dozen per record."""
        batch = _Batch(self._d)
        ops: list[tuple[bytes, int, bytes | None, list[bytes]]] = []
        ahead: list[bytes] = []
        for rec in records:
            if not rec.key:
                continue
            if rec.value is not None and self._echo and self._is_echo(partition, rec.key, rec.value):
                continue  # our own write read back: the local store already holds it, or a newer one
            if rec.value is None:
                t = _header_time(rec.headers)
                if t is not None:
                    ops.append((rec.key, t, None, []))
                    ahead += [L.record_key(self.buckets.of(t), rec.key), L.debt_key(partition, rec.key)]
                continue
            try:
                t, payload = L.parse_changelog_value(rec.value)
            except ValueError as exc:
                log.error("state store %s: skipping changelog record at %s[%d]: %s", self.name, self.topic, partition, exc)
                continue
            b = self.buckets.of(t)
            iks = self._index_keys(b, payload)
            ops.append((rec.key, t, payload, iks))
            ahead.append(L.record_key(b, rec.key))
            ahead += iks
        batch.prefetch(ahead)
        for key, t, payload, iks in ops:
            if payload is None:  # a tombstone: only the record of its own bucket goes, and the owed note with it
                rk = L.record_key(self.buckets.of(t), key)
                if batch.get(rk) is not None:
                    self.live_records = max(0, self.live_records - 1)
                    batch.delete(rk)
                dk = L.debt_key(partition, key)
                if batch.get(dk) == L.u32(t):
                    batch.delete(dk)
                continue
            self._observe(t)
            b = self.buckets.of(t)
            if b < self.buckets.floor(self.watermark):
                batch.put(L.debt_key(partition, key), L.u32(t))
                continue
            if batch.get(L.record_key(b, key)) == L.local_value(partition, t, payload):
                continue  # already held (our own write read back after a restart)
            self._stage(batch, partition, key, t, payload, iks)
        batch.put(L.offset_key(partition), L.u64(next_offset))
        batch.put(L.WATERMARK, L.u32(self.watermark))
        batch.put(_RECORDS, L.u64(self.live_records))
        batch.commit()
        self.offsets[partition] = next_offset
        self.metrics.applied.labels(store=self.name).inc(len(records))

    # ---- expiry ----------------------------------------------------------------------------

    def oldest_bucket(self) -> int | None:
        it = self._d.iter()
        it.seek(L.DATA)
        key = it.key() if it.valid() else None
        del it
        return L.bucket_of_local(key) if key is not None and key[:1] == L.DATA else None

    async def expire(self) -> int:
        """Drop every bucket behind the horizon; returns how many. Their records' tombstones become owed.

        A ``delete_range`` hides a bucket at once; the disk space comes back when a
        compaction rewrites the files holding it, which RocksDB alone may postpone
        for long (old buckets are never written again), so the dropped range is
        compacted right away, in a thread (RocksDB releases the GIL)."""
        dropped = 0
        floor = self.buckets.floor(self.watermark)
        while True:
            b = self.oldest_bucket()
            if b is None or b >= floor:
                break
            n = await self._note_owed(b)
            self._d.delete_range(L.bucket_prefix(b), L.bucket_prefix(b + 1))
            self.live_records = max(0, self.live_records - n)
            self._d.put(_RECORDS, L.u64(self.live_records))
            dropped += 1
            self.metrics.expired_buckets.labels(store=self.name).inc()
            self.metrics.expired_records.labels(store=self.name).inc(n)
            log.debug("state store %s: bucket %d expired (%d records)", self.name, b, n)
        if dropped:
            self._compaction = asyncio.ensure_future(asyncio.to_thread(self._d.compact_range, L.DATA, L.bucket_prefix(floor)))
            await asyncio.shield(self._compaction)
            self._compaction = None
        return dropped

    async def _note_owed(self, bucket: int) -> int:
        prefix = L.record_prefix(bucket)
        it = self._d.iter()
        it.seek(prefix)
        wb = rocksdict.WriteBatch(raw_mode=True)
        n = 0
        while it.valid():
            k = it.key()
            if not k.startswith(prefix):
                break
            partition, t, _ = L.parse_local_value(it.value())
            wb.put(L.debt_key(partition, k[len(prefix):]), L.u32(t))
            n += 1
            if n % _CHUNK == 0:
                self._d.write(wb)
                wb = rocksdict.WriteBatch(raw_mode=True)
                await asyncio.sleep(0)
            it.next()
        del it
        self._d.write(wb)
        return n

    async def owed_tombstones(self) -> int:
        """Owed tombstones of every partition (counted in slices; for metrics and tests)."""
        it = self._d.iter()
        it.seek(L.DEBT)
        n = 0
        while it.valid() and it.key()[:1] == L.DEBT:
            n += 1
            if n % _CHUNK == 0:
                await asyncio.sleep(0)
            it.next()
        del it
        return n

    async def queue_owed_tombstones(self, limit: int = 50_000) -> int:
        """Queue tombstones owed for the partitions this worker owns; returns how many were queued.

        Waits for the previous round's tombstones to be acknowledged first, so a round
        never walks over entries already in flight."""
        if self._owed_in_flight:
            return 0
        queued = 0
        for partition in sorted(self.owned):
            prefix = L.debt_prefix(partition)
            it = self._d.iter()
            it.seek(prefix)
            settled = rocksdict.WriteBatch(raw_mode=True)
            while it.valid() and queued < limit:
                dk = it.key()
                if not dk.startswith(prefix):
                    break
                key, t = dk[len(prefix):], L.read_u32(it.value())
                it.next()
                if (partition, key) in self._owed_in_flight:
                    continue
                if self.get(key) is not None:
                    settled.delete(dk)  # a newer record lives under this key: no tombstone may follow it
                    continue
                self._owed_in_flight.add((partition, key))
                self.writer.write(Write(self.topic, partition, key, None, [(L.TIME_HEADER, L.u32(t))],
                                        done=lambda ok, p=partition, k=key, t=t: self._tombstone_done(p, k, t, ok)))
                queued += 1
                if queued % _CHUNK == 0:
                    await asyncio.sleep(0)
            del it
            self._d.write(settled)
        return queued

    def _tombstone_done(self, partition: int, key: bytes, t: int, ok: bool) -> None:
        self._owed_in_flight.discard((partition, key))  # a failed one is queued again next round
        if not ok or self.db is None:
            return
        self.metrics.tombstones.labels(store=self.name).inc()
        dk = L.debt_key(partition, key)
        if self.db.get(dk) == L.u32(t):
            self.db.delete(dk)

    # ---- metrics ---------------------------------------------------------------------------

    def _publish_gauges(self) -> None:
        m, s = self.metrics, self.name
        m.watermark.labels(store=s).set(self.watermark)
        m.records.labels(store=s).set(self.live_records)

    def refresh_metrics(self) -> None:
        from .localdb import disk_bytes, estimated_keys, memory_bytes

        m, s = self.metrics, self.name
        self._publish_gauges()
        if self.db is not None:
            m.keys.labels(store=s).set(estimated_keys(self.db))
            m.memory_bytes.labels(store=s).set(memory_bytes(self.db))
        m.disk_bytes.labels(store=s).set(disk_bytes(self.path))


_RECORDS = L.META + b"live-records"


class _Batch:
    """A RocksDB write batch whose writes its own reads see, over values read ahead in one multi-get."""

    __slots__ = ("db", "wb", "seen")

    def __init__(self, db: rocksdict.Rdict) -> None:
        self.db = db
        self.wb = rocksdict.WriteBatch(raw_mode=True)
        self.seen: dict[bytes, bytes | None] = {}  # read ahead, or written by this batch (None: absent/deleted)

    def prefetch(self, keys: Sequence[bytes]) -> None:
        missing = list(dict.fromkeys(k for k in keys if k not in self.seen))
        if missing:
            self.seen.update(zip(missing, self.db.get(missing)))

    def get(self, key: bytes) -> bytes | None:
        if key not in self.seen:
            self.seen[key] = self.db.get(key)
        return self.seen[key]

    def get_many(self, keys: Sequence[bytes]) -> list[bytes | None]:
        self.prefetch(keys)
        return [self.seen[k] for k in keys]

    def put(self, key: bytes, value: bytes) -> None:
        self.wb.put(key, value)
        self.seen[key] = value

    def delete(self, key: bytes) -> None:
        self.wb.delete(key)
        self.seen[key] = None

    def commit(self) -> None:
        self.db.write(self.wb)


def _found(key: bytes, bucket: int, value: bytes) -> Found:
    partition, t, payload = L.parse_local_value(value)
    return Found(key=key, bucket=bucket, partition=partition, event_time=t, payload=payload)


def _header_time(headers: Any) -> int | None:
    for name, value in headers or ():
        if name == L.TIME_HEADER and value and len(value) >= 4:
            return L.read_u32(value)
    return None
