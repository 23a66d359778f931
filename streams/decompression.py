"""Bounded decompression of fetched Kafka record batches, and of gzip input files.

A producer may compress a record batch, and the consumer inflates it before the
application sees a single record: aiokafka does it in one call
(``gzip_decode(data)``), so a 132 KB gzip batch that fits a 1 MB topic arrives
as a 120 MiB value in the worker's main process, which has no memory limit, and
is then pickled to the NLP child before any size check. A compression bomb.

``install(limit)`` replaces the ``MemoryRecords`` class aiokafka's fetcher uses
to walk a fetch response (a patch of one module attribute, tested in
``tests/test_decompression.py``). Uncompressed batches are left to aiokafka.
Compressed v2 batches are inflated by a streaming decompressor and parsed a
record at a time, with two bounds:

* a record whose value is over ``limit`` (the worker's input limit) is not
  materialised: its bytes are inflated in small chunks and dropped, and it is
  delivered with an empty value and the header ``newsevents-oversized``
  (``too_large:<why>``); the agent dead-letters it ``too_large`` at its offset;
* a batch stops being inflated after ``batch_limit`` bytes (default 4 x
  ``limit``); its remaining offsets are delivered as such markers too.

So a fetched batch never makes the process hold more than ``limit`` per record
plus a few 64 KiB chunks, however far it would inflate. gzip (the only codec
the standard library has) is streamed; snappy, lz4 and zstd need ``cramjam``
(optional in aiokafka) and are inflated only when even the codec's worst ratio
stays within the batch bound, otherwise (or without ``cramjam``) their records
become markers (``unsupported_content:<why>``, as does a batch that cannot be
inflated at all). Legacy (v0/v1) message sets are left to aiokafka: Kafka 4
brokers no longer store them.

Why one module of ~300 lines: the record-batch walk and the bounded inflation
must agree on every byte offset of the v2 batch format; kept together so a
reader checks them against the format in one place.
"""

from __future__ import annotations

import gzip
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

OVERSIZED_HEADER = "newsevents-oversized"
CHUNK = 64 * 1024
MAX_KEY_BYTES = 64 * 1024
MAX_HEADERS = 64
_HEADER = struct.Struct(">qiibIhiqqqhii")  # v2 record batch header (61 bytes), as in aiokafka
_CODEC_MASK, _TS_TYPE_MASK = 0x07, 0x08
_GZIP, _SNAPPY, _LZ4, _ZSTD = 1, 2, 3, 4
_WORST_RATIO = 256  # lz4/snappy cannot inflate more than ~255x; zstd can, so it is held to the same bound

_limits: dict[str, int] = {}


class Oversized(Exception):
    """The batch would inflate past its bound."""


class Unreadable(Exception):
    """No decoder for the batch's codec in this process."""


@dataclass(slots=True)
class Record:
    """What aiokafka's fetcher reads from a record (``offset``, ``key``, ``value``, ``headers``...)."""

    offset: int
    timestamp: int
    timestamp_type: int
    key: bytes | None
    value: bytes | None
    headers: list[tuple[str, bytes | None]] = field(default_factory=list)
    checksum: None = None


class _Inflater:
    """Bytes of a compressed stream, read or skipped a little at a time, never more than ``budget`` in all."""

    def __init__(self, data: bytes | memoryview, codec: int, budget: int) -> None:
        self.budget = budget
        self.produced = 0
        self._buf = bytearray()
        self._pos = 0
        if codec == _GZIP:
            self._tail: bytes | None = bytes(data)
            self._z: Any = zlib.decompressobj(32 + zlib.MAX_WBITS)  # gzip (or zlib) header, any member
        else:
            self._tail, self._z = None, None
            self._buf = bytearray(_inflate_whole(data, codec, budget))
            self.produced = len(self._buf)

    def _more(self) -> bool:
        if self._z is None:
            return False
        if self.produced >= self.budget:
            raise Oversized(f"batch inflates past {self.budget} bytes")
        chunk = self._z.decompress(self._tail or b"", CHUNK)
        self._tail = self._z.unconsumed_tail
        if not chunk and self._z.eof and self._z.unused_data:
            rest = self._z.unused_data  # a next gzip member
            self._z, self._tail = zlib.decompressobj(32 + zlib.MAX_WBITS), rest
            chunk = self._z.decompress(rest, CHUNK)
            self._tail = self._z.unconsumed_tail
        if not chunk:
            return False
        if self._pos > CHUNK:
            del self._buf[: self._pos]
            self._pos = 0
        self._buf += chunk
        self.produced += len(chunk)
        return True

    def read(self, n: int) -> bytes:
        while len(self._buf) - self._pos < n:
            if not self._more():
                raise EOFError("record batch ends inside a record")
        out = bytes(self._buf[self._pos: self._pos + n])
        self._pos += n
        return out

    def skip(self, n: int) -> None:
        while n > 0:
            have = len(self._buf) - self._pos
            if have == 0 and not self._more():
                raise EOFError("record batch ends inside a record")
            step = min(n, len(self._buf) - self._pos)
            self._pos += step
            n -= step

    def varint(self) -> int:
        shift = result = 0
        while True:
            byte = self.read(1)[0]
            result |= (byte & 0x7F) << shift
            if not byte & 0x80:
                return (result >> 1) ^ -(result & 1)  # zig-zag
            shift += 7
            if shift > 63:
                raise ValueError("varint too long")


def _inflate_whole(data: bytes | memoryview, codec: int, budget: int) -> bytes:
    import importlib.util

    if importlib.util.find_spec("cramjam") is None:
        raise Unreadable(f"no decoder for codec {codec} (aiokafka needs cramjam for it)")
    if len(data) * _WORST_RATIO > budget:
        raise Oversized(f"{len(data)} compressed bytes could inflate past {budget}")
    from aiokafka.codec import lz4_decode, snappy_decode, zstd_decode

    decode = {_SNAPPY: snappy_decode, _LZ4: lz4_decode, _ZSTD: zstd_decode}[codec]
    out = decode(bytes(data))
    if len(out) > budget:
        raise Oversized(f"batch inflates to {len(out)} bytes")
    return out


class BoundedBatch:
    """A compressed v2 record batch, inflated under bounds as it is iterated (see the module doc)."""

    def __init__(self, original: Any, data: memoryview, limit: int, batch_limit: int) -> None:
        self._original = original  # aiokafka's batch: header fields and CRC check (on the compressed bytes)
        self._data = data
        self._limit = limit
        self._batch_limit = batch_limit
        self._records: Iterator[Record] | None = None

    def __getattr__(self, name: str) -> Any:  # base_offset, next_offset, producer_id, is_control_batch...
        return getattr(self._original, name)

    def validate_crc(self) -> bool:
        return self._original.validate_crc()

    def __iter__(self) -> "BoundedBatch":
        if self._records is None:
            self._records = self._unpack()
        return self

    def __next__(self) -> Record:
        return next(iter(self)._records)  # type: ignore[arg-type]

    def _marker(self, offset: int, timestamp: int, key: bytes | None, reason: str, detail: str) -> Record:
        note = f"{reason}:{detail}"[:300].encode()
        return Record(offset, timestamp, self._original.timestamp_type, key, b"", [(OVERSIZED_HEADER, note)])

    @staticmethod
    def _headers(src: _Inflater) -> list[tuple[str, bytes | None]]:
        headers: list[tuple[str, bytes | None]] = []
        count = src.varint()
        if count < 0:
            raise ValueError(f"invalid header count {count}")
        for _ in range(count):
            key_len = src.varint()
            if key_len < 0:
                raise ValueError(f"invalid header key size {key_len}")
            if key_len > MAX_KEY_BYTES:
                src.skip(key_len)
                key = None
            else:
                key = src.read(key_len).decode("utf-8", "replace")
            value_len = src.varint()
            value = src.read(value_len) if 0 <= value_len <= MAX_KEY_BYTES else None
            if value_len > MAX_KEY_BYTES:
                src.skip(value_len)
            if key is not None and len(headers) < MAX_HEADERS:
                headers.append((key, value))
        return headers

    def _unpack(self) -> Iterator[Record]:
        h = _HEADER.unpack_from(self._data)
        base, attrs, last_delta, first_ts, max_ts, count = h[0], h[5], h[6], h[7], h[8], h[12]
        log_append = bool(attrs & _TS_TYPE_MASK)
        next_delta = 0
        try:
            src = _Inflater(self._data[_HEADER.size:], attrs & _CODEC_MASK, self._batch_limit)
            for _ in range(count):
                length = src.varint()
                start = src.produced - (len(src._buf) - src._pos)  # noqa: SLF001 - position in the inflated stream
                src.varint()  # attributes
                ts_delta = src.varint()
                offset_delta = src.varint()
                ts = max_ts if log_append else first_ts + ts_delta
                key_len = src.varint()
                key = src.read(key_len) if 0 <= key_len <= MAX_KEY_BYTES else None
                if key_len > MAX_KEY_BYTES:
                    src.skip(key_len)
                value_len = src.varint()
                if value_len > self._limit:
                    src.skip(value_len)
                    consumed = src.produced - (len(src._buf) - src._pos) - start  # noqa: SLF001
                    src.skip(max(0, length - consumed))  # the headers
                    next_delta = offset_delta + 1
                    yield self._marker(base + offset_delta, ts, key, "too_large",
                                       f"value inflates to {value_len} bytes, limit {self._limit}")
                    continue
                value = src.read(value_len) if value_len >= 0 else None
                headers = self._headers(src)
                next_delta = offset_delta + 1
                yield Record(base + offset_delta, ts, int(log_append), key, value, headers)
        except Exception as exc:  # noqa: BLE001 - a batch we cannot read must not stop the partition
            # Everything left in the batch: markers, one per remaining offset.
            reason = "too_large" if isinstance(exc, Oversized) else "unsupported_content"
            why = f"compressed record batch not inflated: {exc}"
            for delta in range(next_delta, last_delta + 1):
                yield self._marker(base + delta, max_ts, None, reason, why)


class BoundedMemoryRecords:
    """Drop-in for aiokafka's ``MemoryRecords``: the same batches, compressed ones wrapped in ``BoundedBatch``."""

    _original_cls: Any = None

    def __init__(self, data: bytes) -> None:
        self._buffer = data
        self._inner = self._original_cls(data)
        self._pos = 0

    def size_in_bytes(self) -> int:
        return self._inner.size_in_bytes()

    def has_next(self) -> bool:
        return self._inner.has_next()

    def next_batch(self) -> Any:
        pos = self._pos
        batch = self._inner.next_batch()
        if batch is None:
            return None
        length = struct.unpack_from(">i", self._buffer, pos + 8)[0]
        self._pos = pos + 12 + length
        if batch.magic >= 2 and batch.compression_type != 0:
            limit = _limits["record"]
            return BoundedBatch(batch, memoryview(self._buffer)[pos: pos + 12 + length], limit, _limits["batch"])
        return batch


def install(limit: int, batch_limit: int | None = None) -> None:
    """Bound decompression in every aiokafka consumer of this process (idempotent; the last limits win)."""
    import aiokafka.consumer.fetcher as fetcher

    _limits["record"] = limit
    _limits["batch"] = batch_limit or 4 * limit
    if BoundedMemoryRecords._original_cls is None:
        BoundedMemoryRecords._original_cls = fetcher.MemoryRecords
        fetcher.MemoryRecords = BoundedMemoryRecords


def read_gzip(path: Path, limit: int) -> tuple[bytes, bool]:
    """At most ``limit + 1`` inflated bytes of a gzip file, and whether it had more."""
    with gzip.open(path, "rb") as f:
        data = f.read(limit + 1)
    return data, len(data) > limit


def gzip_lines(path: Path, limit: int) -> Iterator[tuple[bytes, bool]]:
    """The lines of a gzip file, each at most ``limit + 1`` bytes (True: the line was longer, the rest skipped)."""
    with gzip.open(path, "rb") as f:
        while True:
            line = f.readline(limit + 1)
            if not line:
                return
            if len(line) > limit and not line.endswith(b"\n"):
                while True:  # drop the rest of the line without holding it
                    rest = f.readline(CHUNK)
                    if not rest or rest.endswith(b"\n"):
                        break
                yield line, True
            else:
                yield line, False
