"""Byte layout of a store's keys and values, locally (RocksDB) and on its changelog topic.

Local keys start with a namespace byte so that one ``delete_range`` drops a whole
time bucket and nothing else:

* ``01 | bucket u32 | 00 | key``  -> ``partition u16 | event time u32 | payload``  (a record)
* ``01 | bucket u32 | 01 | ikey`` -> ``key``  (an index entry, derived from a record: the
  record with the earliest event time, then the smallest key, that holds ``ikey``)
* ``02 | partition u16 | key``    -> ``event time u32``  (an expired record whose changelog
  tombstone is still owed: the owner of the partition sends it)
* ``03 | name``                   -> meta (changelog offsets, watermark, format)

Changelog records: key = the record key; value = ``format u8 | event time u32 |
payload``; a tombstone has no value and carries the event time of the record it
deletes in header ``t``, so a reader deletes exactly that record (a newer record
under the same key survives).
"""

from __future__ import annotations

import struct

DATA, DEBT, META = b"\x01", b"\x02", b"\x03"
RECORD, INDEX = b"\x00", b"\x01"
VALUE_FORMAT = 1
LAYOUT_VERSION = b"1"
TIME_HEADER = "t"
MAX_TIME = 2**32 - 1

_U16 = struct.Struct(">H")
_U32 = struct.Struct(">I")
_U64 = struct.Struct(">Q")
_VALUE_HEAD = struct.Struct(">BI")
_LOCAL_HEAD = struct.Struct(">HI")

WATERMARK = META + b"watermark"
FORMAT = META + b"format"
OFFSETS = META + b"offset:"


def bucket_prefix(bucket: int) -> bytes:
    return DATA + _U32.pack(bucket)


def record_key(bucket: int, key: bytes) -> bytes:
    return DATA + _U32.pack(bucket) + RECORD + key


def index_key(bucket: int, ikey: bytes) -> bytes:
    return DATA + _U32.pack(bucket) + INDEX + ikey


def bucket_of_local(local_key: bytes) -> int:
    return _U32.unpack_from(local_key, 1)[0]


def record_prefix(bucket: int) -> bytes:
    return bucket_prefix(bucket) + RECORD


DATA_END = DEBT  # the first key after every bucket


def debt_prefix(partition: int) -> bytes:
    return DEBT + _U16.pack(partition)


def debt_key(partition: int, key: bytes) -> bytes:
    return DEBT + _U16.pack(partition) + key


def offset_key(partition: int) -> bytes:
    return OFFSETS + _U16.pack(partition)


def u32(value: int) -> bytes:
    return _U32.pack(value)


def read_u32(data: bytes) -> int:
    return _U32.unpack(data[:4])[0]


def u64(value: int) -> bytes:
    return _U64.pack(value)


def read_u64(data: bytes) -> int:
    return _U64.unpack(data[:8])[0]


def changelog_value(event_time: int, payload: bytes) -> bytes:
    return _VALUE_HEAD.pack(VALUE_FORMAT, event_time) + payload


def parse_changelog_value(value: bytes) -> tuple[int, bytes]:
    """(event time, payload); ValueError for a format this code does not know."""
    if len(value) < _VALUE_HEAD.size:
        raise ValueError("changelog value too short")
    fmt, t = _VALUE_HEAD.unpack_from(value)
    if fmt != VALUE_FORMAT:
        raise ValueError(f"unknown changelog value format {fmt}")
    return t, value[_VALUE_HEAD.size :]


def local_value(partition: int, event_time: int, payload: bytes) -> bytes:
    return _LOCAL_HEAD.pack(partition, event_time) + payload


def parse_local_value(value: bytes) -> tuple[int, int, bytes]:
    """(partition, event time, payload)."""
    p, t = _LOCAL_HEAD.unpack_from(value)
    return p, t, value[_LOCAL_HEAD.size :]
