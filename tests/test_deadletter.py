from __future__ import annotations

import base64
import hashlib

from streams.deadletter import build_dead_letter, dead_letter_key, payload_field
from streams.schemas import errors_in


def dl(payload: bytes, **kw):
    args = dict(stage="decode", reason="invalid_json", message="bad", payload=payload, article_id=None,
                topic="t.articles.raw", partition=2, offset=41, timestamp=1.5, worker_id="w:1", max_payload_bytes=1024)
    args.update(kw)
    return build_dead_letter(**args)


def test_small_utf8_payload_is_kept_whole() -> None:
    rec = dl(b'{"id": oops}')
    assert rec["payload"] == {"encoding": "utf-8", "data": '{"id": oops}', "size": 12, "sha256": hashlib.sha256(b'{"id": oops}').hexdigest(), "truncated": False}
    assert not errors_in("dead_letter", rec)
    assert dead_letter_key(rec) == "t.articles.raw:2:41"


def test_binary_payload_is_base64() -> None:
    data = bytes(range(256))
    rec = dl(data)
    assert rec["payload"]["encoding"] == "base64"
    assert base64.b64decode(rec["payload"]["data"]) == data
    assert not errors_in("dead_letter", rec)


def test_huge_payload_is_truncated_with_hash_of_the_whole() -> None:
    data = ("é" * 5000).encode()
    pay = payload_field(data, 1001)  # cuts through a 2-byte character
    assert pay["truncated"] and pay["size"] == len(data) and pay["encoding"] == "utf-8"
    assert len(pay["data"].encode()) <= 1001
    assert pay["sha256"] == hashlib.sha256(data).hexdigest()


def test_ids_are_deterministic_per_source_position_and_payload() -> None:
    a, b = dl(b"x"), dl(b"x")
    assert a["dead_letter_id"] == b["dead_letter_id"]
    assert dl(b"x", offset=42)["dead_letter_id"] != a["dead_letter_id"]
    assert dl(b"y")["dead_letter_id"] != a["dead_letter_id"]


def test_article_id_is_the_key_when_known() -> None:
    assert dead_letter_key(dl(b"x", article_id="a7")) == "a7"


def test_offline_input_carries_its_location() -> None:
    rec = dl(b"x", topic=None, partition=None, offset=None, location="in.jsonl:3")
    assert rec["source"]["location"] == "in.jsonl:3" and not errors_in("dead_letter", rec)
