"""Near-duplicate detection for syndicated copies: MinHash signatures + LSH over a plain mapping.

Why datasketch MinHash: it is the field's standard implementation, and on edited
wire copies MinHash LSH (128 permutations, 5-word shingles, Jaccard threshold
0.5) found 179/179 near-duplicates with no false candidates where simhash found
25/179 (see ../shared/notes). The LSH *index* is ours rather than
``datasketch.MinHashLSH`` because its state must live in a plain
``MutableMapping[str, str]`` (band key -> article id) that the Faust agent backs
with a table: every partition's worker then sees the same index, and the table's
changelog topic makes it survive restarts. ``clean()`` stays stateless: it only
computes the signature.

Signature: 128 unsigned 32-bit minima, serialised as 1024 hex characters (JSON-safe).
Banding: 32 bands x 4 rows gives a 50 % candidate probability at Jaccard
(1/32) ** (1/4) ~= 0.42, so pairs at the 0.5 threshold are found ~70 % of the time per
pair and ~100 % above 0.7; candidates are then confirmed by the estimated Jaccard.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import MutableMapping

import numpy as np

NUM_PERM = 128
SHINGLE_WORDS = 5
THRESHOLD = 0.5
BANDS, ROWS = 32, 4
_SEED = 1
_WORD = re.compile(r"\w+")
_SELF_KEY = "self:"  # article id -> its band keys, so a replay of the same id is recognised

assert BANDS * ROWS == NUM_PERM


def shingles(body: str, k: int = SHINGLE_WORDS) -> set[bytes]:
    words = _WORD.findall(body.lower())
    if len(words) < k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


def signature(body: str) -> str:
    """MinHash signature of a body as a hex string (1024 chars); empty body -> ''."""
    sh = shingles(body)
    if not sh:
        return ""
    from datasketch import MinHash  # imported here: the worker's main process uses only the index half

    mh = MinHash(num_perm=NUM_PERM, seed=_SEED)
    mh.update_batch(list(sh))
    return mh.hashvalues.astype(np.uint32).astype(">u4").tobytes().hex()


def _values(sig: str) -> np.ndarray:
    return np.frombuffer(bytes.fromhex(sig), dtype=">u4").astype(np.uint64)


def similarity(sig_a: str, sig_b: str) -> float:
    """Estimated Jaccard similarity of the two bodies' shingle sets."""
    if not sig_a or not sig_b:
        return 0.0
    return float(np.mean(_values(sig_a) == _values(sig_b)))


def band_keys(sig: str) -> list[str]:
    vals = _values(sig).astype(">u4").tobytes()
    keys = []
    for b in range(BANDS):
        chunk = vals[b * ROWS * 4 : (b + 1) * ROWS * 4]
        keys.append(f"b{b}:" + hashlib.blake2b(chunk, digest_size=8).hexdigest())
    return keys


class NearDuplicateIndex:
    """LSH index whose whole state is ``store`` (str -> str), e.g. a Faust table.

    Keys written: ``b<band>:<hash>`` -> first article id seen with that band,
    ``sig:<article id>`` -> its signature (to confirm candidates), and
    ``self:<article id>`` -> "1" (so replays are idempotent).
    """

    def __init__(self, store: MutableMapping[str, str], threshold: float = THRESHOLD) -> None:
        self.store = store
        self.threshold = threshold

    def check_and_add(self, article_id: str, sig: str) -> str | None:
        """Id of an earlier near-duplicate of this article, or None; then remember this one.

        Checking an id already added returns None (a replay is not a duplicate of itself).
        """
        if not sig or _SELF_KEY + article_id in self.store:
            return None
        keys = band_keys(sig)
        found: str | None = None
        tried: set[str] = set()
        for key in keys:
            other = self.store.get(key)
            if other is None or other == article_id or other in tried:
                continue
            tried.add(other)
            other_sig = self.store.get("sig:" + other)
            if other_sig and similarity(sig, other_sig) >= self.threshold:
                found = other
                break
        for key in keys:
            if key not in self.store:
                self.store[key] = article_id
        self.store["sig:" + article_id] = sig
        self.store[_SELF_KEY + article_id] = "1"
        return found
