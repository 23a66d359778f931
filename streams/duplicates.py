"""What the pipeline remembers about duplicates, and the answers it gives, over the state layer.

Two stores (``streams.state``), each following the input topic of the stage that
decides:

* ``dedup-near`` (clean stage, input ``articles.raw``): per article its answer
  (``near_duplicate_of``), its 64-byte b-bit sketch and its 12 LSH band hashes;
  each band hash is an index entry pointing at the first article with that band
  in its time bucket. ~150 bytes of payload an article.
* ``dedup-exact`` (extract stage, input ``articles.clean``): per article its
  answer (the first article with the same clean content, or none) and 16 bytes
  of its content hash, which is the index entry.

Records are keyed by 8 bytes of a hash of the article id, so a replay of an id
finds its first answer and gives it again (and re-sends the record, which makes
it durable if the first attempt crashed between the local write and the
changelog acknowledgement). The runtime's ``ready`` makes that answer visible to
whichever worker processes the id's partition (see ``streams/state/runtime.py``).

An exact duplicate points at the *original* (the first article's own answer if
it was itself a duplicate); a near duplicate points at the earliest live article
it is confirmed similar to (oldest time bucket first).
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Sequence
from dataclasses import dataclass

import orjson

from .cleaning.dedup import BAND_BYTES, BANDS, SKETCH_BYTES, THRESHOLD, band_keys, sketch, sketch_similarity
from .state import Store

NEAR_STORE = "dedup-near"
EXACT_STORE = "dedup-exact"
HASH_BYTES = 16
_NEAR, _EXACT = 1, 2
_LEN = struct.Struct(">H")


def article_ref(article_id: str) -> bytes:
    """The 8-byte record key of an article id (collision odds ~n^2/2^65: ~2e-7 at 3M live articles)."""
    return hashlib.blake2b(article_id.encode("utf-8", "surrogatepass"), digest_size=8, person=b"article").digest()


def _text(s: str | None) -> bytes:
    data = (s or "").encode("utf-8", "surrogatepass")[:0xFFFF]
    return _LEN.pack(len(data)) + data


def _read_text(buf: bytes, at: int) -> tuple[str, int]:
    (n,) = _LEN.unpack_from(buf, at)
    at += _LEN.size
    return buf[at : at + n].decode("utf-8", "surrogatepass"), at + n


@dataclass(frozen=True, slots=True)
class Remembered:
    """One article as a duplicate store keeps it."""

    article_id: str
    first: str | None  # the answer given for it: the article it duplicates, or None
    sketch: bytes = b""  # near store
    bands: bytes = b""  # near store: BANDS x 4 bytes
    content_hash: bytes = b""  # exact store: 16 bytes

    def encode(self) -> bytes:
        if self.content_hash:
            return bytes([_EXACT]) + _text(self.article_id) + _text(self.first) + self.content_hash
        return bytes([_NEAR]) + _text(self.article_id) + _text(self.first) + self.sketch + self.bands

    @classmethod
    def decode(cls, payload: bytes) -> "Remembered":
        kind = payload[0]
        article_id, at = _read_text(payload, 1)
        first, at = _read_text(payload, at)
        rest = payload[at:]
        if kind == _NEAR:
            return cls(article_id, first or None, sketch=rest[:SKETCH_BYTES], bands=rest[SKETCH_BYTES:])
        if kind == _EXACT:
            return cls(article_id, first or None, content_hash=rest)
        raise ValueError(f"unknown duplicate record kind {kind}")


def near_index_keys(payload: bytes) -> list[bytes]:
    """Index keys of a near-store record: its band hashes (the last BANDS x 4 bytes)."""
    bands = payload[-BANDS * BAND_BYTES :]
    return [bands[i : i + BAND_BYTES] for i in range(0, len(bands), BAND_BYTES)]


def exact_index_keys(payload: bytes) -> list[bytes]:
    """Index key of an exact-store record: its content hash (the last 16 bytes)."""
    return [payload[-HASH_BYTES:]]


def content_hash_bytes(content_hash: str | bytes | None) -> bytes | None:
    """The 16 bytes of a hex content hash (``ids.content_hash``) that the store keeps; None if unusable."""
    if not content_hash:
        return None
    if isinstance(content_hash, bytes):
        content_hash = content_hash.decode("ascii", "replace")
    try:
        raw = bytes.fromhex(content_hash)
    except ValueError:
        return None
    return raw[:HASH_BYTES] if len(raw) >= HASH_BYTES else None


class NearDuplicateState:
    """Near duplicates for the clean stage: ``check`` gives an article's answer and remembers it."""

    def __init__(self, store: Store, threshold: float = THRESHOLD, max_candidates: int = 16) -> None:
        self.store = store
        self.threshold = threshold
        self.max_candidates = max_candidates

    def check(self, article_id: str, partition: int, signature: bytes, event_time: float | None) -> str | None:
        """Id of an earlier near-duplicate, or None; the same answer every time for one id within the horizon.

        ``partition`` is the input partition the article came from; ``event_time``
        from ``store.event_time(published_at, record timestamp)``.
        """
        if not signature or not article_id:
            return None
        key = article_ref(article_id)
        found = self.store.get(key)
        if found is not None:
            known = Remembered.decode(found.payload)
            if known.article_id == article_id:
                self.store.resend(found)
                return known.first
        mine = sketch(signature)
        bands = band_keys(signature)
        first: str | None = None
        for candidate in self.store.lookup(bands, limit=self.max_candidates):
            other = Remembered.decode(candidate.payload)
            if other.article_id != article_id and sketch_similarity(mine, other.sketch) >= self.threshold:
                first = other.article_id
                break
        self.store.put(partition, key, Remembered(article_id, first, sketch=mine, bands=b"".join(bands)).encode(), event_time)
        return first


@dataclass(frozen=True, slots=True)
class ExactItem:
    """One input of the extract stage as the exact-duplicate decision sees it."""

    article_id: str
    partition: int
    content_hash: str | bytes | None
    event_time: float | None


class ExactDuplicateState:
    """Exact duplicates for the extract stage: decide (before extraction), then remember (once it succeeded)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def remembered(self, article_id: str) -> Remembered | None:
        found = self.store.get(article_ref(article_id))
        if found is None:
            return None
        known = Remembered.decode(found.payload)
        return known if known.article_id == article_id else None

    def first_of(self, article_id: str, content_hash: str | bytes | None) -> str | None:
        """The original this article duplicates (the remembered answer for a replayed id), or None."""
        known = self.remembered(article_id)
        if known is not None:
            return known.first
        return self._original(article_id, content_hash_bytes(content_hash))

    def _original(self, article_id: str, digest: bytes | None) -> str | None:
        if digest is None:
            return None
        for candidate in self.store.lookup([digest], limit=4):
            other = Remembered.decode(candidate.payload)
            if other.article_id != article_id and other.content_hash == digest:
                return other.first or other.article_id
        return None

    def decide(self, items: Sequence[ExactItem]) -> list[str | None]:
        """Answers for a batch, in order; the first of two identical articles in one batch counts as seen for the second."""
        in_batch: dict[bytes, str] = {}
        answers: list[str | None] = []
        for item in items:
            known = self.remembered(item.article_id)
            if known is not None:
                answers.append(known.first)
                continue
            digest = content_hash_bytes(item.content_hash)
            first = self._original(item.article_id, digest)
            if first is None and digest is not None:
                other = in_batch.setdefault(digest, item.article_id)
                first = other if other != item.article_id else None
            answers.append(first)
        return answers

    def remember(self, item: ExactItem, first: str | None) -> None:
        """Record the answer given for ``item`` (call for outcomes that were published, before publishing them)."""
        found = self.store.get(article_ref(item.article_id))
        if found is not None and Remembered.decode(found.payload).article_id == item.article_id:
            self.store.resend(found)
            return
        digest = content_hash_bytes(item.content_hash)
        if digest is None:
            return
        self.store.put(item.partition, article_ref(item.article_id), Remembered(item.article_id, first, content_hash=digest).encode(),
                       item.event_time)


_NOT_A_DUPLICATE = b'"near_duplicate_of":null'


def mark_near_duplicate(clean_record: bytes, duplicate_of: str) -> bytes:
    """The clean record with ``near_duplicate_of`` set, spliced into its bytes: the event loop never decodes an article.

    The clean stage writes the field as ``null`` (compact JSON, ``records.CleanArticle``);
    those bytes cannot occur inside a JSON string (its quotes would be escaped) and no
    nested object of the record has the field, so the first occurrence is the field.
    """
    at = clean_record.find(_NOT_A_DUPLICATE)
    if at < 0:
        raise ValueError("clean record without near_duplicate_of: null (not written by the clean stage)")
    name = len(_NOT_A_DUPLICATE) - len(b"null")
    return clean_record[: at + name] + orjson.dumps(duplicate_of) + clean_record[at + len(_NOT_A_DUPLICATE) :]
