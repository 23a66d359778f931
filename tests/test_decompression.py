"""Bounded decompression of fetched record batches (the aiokafka patch) and of gzip input files."""

from __future__ import annotations

import gzip
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from aiokafka.record.default_records import DefaultRecordBatchBuilder

from streams import decompression
from streams.decompression import OVERSIZED_HEADER

ROOT = Path(__file__).resolve().parent.parent
MiB = 1024 * 1024


def batch(values: list[bytes], *, codec: int = 1, base: int = 0) -> bytes:
    """A v2 record batch as a broker would return it (gzip by default), keys k0, k1..."""
    b = DefaultRecordBatchBuilder(magic=2, compression_type=codec, is_transactional=0, producer_id=-1,
                                  producer_epoch=-1, base_sequence=-1, batch_size=1 << 31)
    for i, v in enumerate(values):
        b.append(i, timestamp=1_700_000_000_000 + i, key=b"k%d" % i, value=v, headers=[("h", b"x%d" % i)])
    data = bytearray(b.build())
    data[0:8] = base.to_bytes(8, "big")
    return bytes(data)


def fetched(*batches: bytes) -> list:
    """Records as aiokafka's fetcher walks a fetch response (after ``install``)."""
    import aiokafka.consumer.fetcher as fetcher

    out = []
    records = fetcher.MemoryRecords(b"".join(batches))
    while records.has_next():
        b = records.next_batch()
        assert b.validate_crc()
        out.extend(b)
    return out


@pytest.fixture(autouse=True)
def bounded() -> None:
    decompression.install(1 * MiB, 4 * MiB)


def test_small_records_come_through_unchanged_with_offsets_keys_and_headers() -> None:
    recs = fetched(batch([b"alpha", b"", b"gamma" * 1000], base=40), batch([b"plain"], codec=0, base=43))
    assert [r.offset for r in recs] == [40, 41, 42, 43]
    assert [r.value for r in recs] == [b"alpha", b"", b"gamma" * 1000, b"plain"]
    assert [r.key for r in recs] == [b"k0", b"k1", b"k2", b"k0"]
    assert recs[2].headers == [("h", b"x2")]


def test_a_record_inflating_past_the_limit_becomes_a_marker_and_its_neighbours_survive() -> None:
    recs = fetched(batch([b"before", b"\0" * (2 * MiB), b"after"], base=7))
    assert [r.offset for r in recs] == [7, 8, 9]
    assert recs[0].value == b"before" and recs[2].value == b"after"
    assert recs[1].value == b"" and dict(recs[1].headers)[OVERSIZED_HEADER].startswith(b"too_large:value inflates to %d" % (2 * MiB))
    assert recs[1].key == b"k1"


def test_a_bomb_stops_inflating_at_the_batch_bound_and_every_offset_is_still_delivered() -> None:
    data = batch([b"ok", b"\0" * (60 * MiB), b"late"])
    assert len(data) < 200 * 1024  # a compressed record far smaller than the topic limit
    recs = fetched(data)
    assert [r.offset for r in recs] == [0, 1, 2]
    assert recs[0].value == b"ok"
    assert all(dict(r.headers)[OVERSIZED_HEADER].startswith(b"too_large:") for r in recs[1:])


def test_a_corrupt_compressed_batch_gives_markers_not_an_exception() -> None:
    data = bytearray(batch([b"one", b"two"]))
    data[70:90] = b"\xff" * 20  # inside the gzip stream (CRC not checked here)
    import aiokafka.consumer.fetcher as fetcher

    b = fetcher.MemoryRecords(bytes(data)).next_batch()
    recs = list(b)
    assert [r.offset for r in recs] == [0, 1] and all(dict(r.headers).get(OVERSIZED_HEADER) for r in recs)
    assert dict(recs[0].headers)[OVERSIZED_HEADER].startswith(b"unsupported_content:")


def test_a_batch_this_process_cannot_inflate_gives_markers() -> None:
    """The codec bits say lz4: without cramjam there is no decoder, with it the bytes are not lz4 either."""
    raw = bytearray(batch([b"x" * 100, b"y"]))
    raw[21:23] = ((int.from_bytes(raw[21:23], "big") & ~0x07) | 0x03).to_bytes(2, "big")
    import aiokafka.consumer.fetcher as fetcher

    recs = list(fetcher.MemoryRecords(bytes(raw)).next_batch())
    assert [r.offset for r in recs] == [0, 1]
    assert all(dict(r.headers)[OVERSIZED_HEADER].startswith(b"unsupported_content:") for r in recs)


def test_peak_memory_of_a_bomb_stays_near_the_limit(tmp_path: Path) -> None:
    """In a fresh process: fetching a 120 MiB-inflating record costs far less than 120 MiB."""
    bomb = tmp_path / "bomb.bin"
    bomb.write_bytes(batch([b"\0" * (120 * MiB)]))
    code = (
        "import resource, sys; from streams import decompression; decompression.install(10*1024*1024);"
        "import aiokafka.consumer.fetcher as f; data=open(sys.argv[1],'rb').read();"
        "base=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss;"
        "recs=list(f.MemoryRecords(data).next_batch());"
        "print(len(recs), recs[0].value==b'', (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss-base)//1024)"
    )
    out = subprocess.run([sys.executable, "-c", code, str(bomb)], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    assert out[:2] == ["1", "True"]
    assert int(out[2]) < 30, f"peak grew by {out[2]} MiB"


def test_gzip_files_are_read_with_a_bound(tmp_path: Path) -> None:
    f = tmp_path / "page.html.gz"
    f.write_bytes(gzip.compress(b"<p>" + b"a" * (5 * MiB) + b"</p>"))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    data, over = decompression.read_gzip(f, 1 * MiB)
    assert over and len(data) == MiB + 1
    small = tmp_path / "small.txt.gz"
    small.write_bytes(gzip.compress(b"hello"))
    assert decompression.read_gzip(small, MiB) == (b"hello", False)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 20 * 1024


def test_gzip_lines_bound_each_line(tmp_path: Path) -> None:
    f = tmp_path / "in.jsonl.gz"
    f.write_bytes(gzip.compress(b'{"id": "a"}\n' + b"x" * (3 * MiB) + b"\n" + b'{"id": "b"}\n'))
    lines = list(decompression.gzip_lines(f, MiB))
    assert [over for _, over in lines] == [False, True, False]
    assert lines[0][0].strip() == b'{"id": "a"}' and lines[2][0].strip() == b'{"id": "b"}'
    assert len(lines[1][0]) == MiB + 1


def test_install_patches_the_module_aiokafka_s_fetcher_reads() -> None:
    import aiokafka.consumer.fetcher as fetcher

    assert fetcher.MemoryRecords is decompression.BoundedMemoryRecords
    assert os.environ.get("NEWSEVENTS_NO_BOUNDED_DECOMPRESSION") is None
