"""Near-duplicate signatures: compact, deterministic; edited copies of wire stories are found, other stories are not.

The stories are invented for these tests (tests/fixtures/dedup); the edits are
the ones syndication makes: a new dateline and source, a cut tail, a changed
weekday, an inserted local paragraph, a shortened version.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import numpy as np
import pytest

from streams.cleaning import dedup
from streams.cleaning.dedup import (
    band_keys,
    from_minhash,
    shingles,
    signature,
    similarity,
    sketch,
    sketch_similarity,
)

FIXTURE = Path(__file__).parent / "fixtures" / "dedup" / "invented-wire-stories.txt"


def _stories() -> list[str]:
    body = "\n".join(line for line in FIXTURE.read_text("utf-8").splitlines() if not line.startswith("#"))
    return [s.strip() for s in body.split("\n===\n")]


STORIES = _stories()
WIRE = STORIES[:6]  # STORIES[6] retells STORIES[0]'s event in other words


def _paras(text: str) -> list[str]:
    return text.split("\n\n")


def syndicated(text: str) -> str:
    """Another outlet's copy: its own source tag instead of the dateline, the last paragraph and credits cut, a weekday changed."""
    p = _paras(text)
    lead = re.sub(r"^[A-Z .]+, [A-Za-z]+ \(Wirepress\) - ", "", p[0])
    return "\n\n".join(["(Metro Desk) " + lead] + p[1:-2]).replace("Tuesday", "Wednesday").replace("Sunday", "Monday")


def rewritten(text: str) -> str:
    """A heavier edit: a paragraph replaced by local reaction, the credits cut, some verbs changed."""
    p = _paras(text)
    extra = "Local officials said they were following the situation closely and would give an update later in the day."
    return "\n\n".join(p[:2] + [extra] + p[3:-1]).replace(" said ", " stated ", 3)


def shortened(text: str) -> str:
    """The short version some outlets run: the first three paragraphs."""
    return "\n\n".join(_paras(text)[:3])


EDITS = [syndicated, rewritten, shortened]


def jaccard(a: str, b: str) -> float:
    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / len(sa | sb)


def is_near_duplicate(a: bytes, b: bytes) -> bool:
    """What the index does: a shared band makes a candidate, the sketch confirms it."""
    return bool(set(band_keys(a)) & set(band_keys(b))) and similarity(a, b) >= dedup.THRESHOLD


def test_signature_is_compact_bytes_and_deterministic() -> None:
    s = signature(WIRE[0])
    assert isinstance(s, bytes) and len(s) == dedup.SIGNATURE_BYTES == 113
    assert s == signature(WIRE[0])
    assert s[0] == dedup.FORMAT
    assert len(band_keys(s)) == dedup.BANDS and len(sketch(s)) == 64
    assert signature("") == b""
    assert similarity(s, b"") == 0.0


def test_signature_rejects_other_formats() -> None:
    s = signature(WIRE[0])
    with pytest.raises(ValueError):
        band_keys(bytes([dedup.FORMAT + 1]) + s[1:])
    with pytest.raises(ValueError):
        sketch(s[:-1])


@pytest.mark.parametrize("edit", EDITS, ids=lambda f: f.__name__)
def test_edited_copies_of_every_story_are_found(edit) -> None:
    for story in WIRE:
        copy = edit(story)
        assert jaccard(story, copy) >= 0.5, "the edit itself keeps the copy above the threshold"
        assert is_near_duplicate(signature(story), signature(copy)), (edit.__name__, story[:40])


def test_other_stories_are_not_near_duplicates() -> None:
    sigs = [signature(s) for s in STORIES]
    for a, b in itertools.combinations(range(len(STORIES)), 2):
        assert not is_near_duplicate(sigs[a], sigs[b]), (a, b)
    # the same event told by another writer shares no 5-word run with the wire copy
    assert similarity(sigs[0], sigs[6]) < 0.2


def test_sketch_estimates_jaccard() -> None:
    """The 4-bit estimate stays close to the true Jaccard of the shingle sets (b-bit MinHash)."""
    errors = []
    for story in WIRE:
        for edit in EDITS:
            copy = edit(story)
            errors.append(abs(similarity(signature(story), signature(copy)) - jaccard(story, copy)))
    assert max(errors) < 0.15
    assert float(np.mean(errors)) < 0.06


def test_sketch_estimator_corrects_for_chance_agreement() -> None:
    """Unrelated minima agree on 1/16 of 4-bit positions by chance; the estimate removes that."""
    rng = np.random.default_rng(7)
    estimates = []
    for _ in range(200):
        a = from_minhash(rng.integers(0, 2**32, dedup.NUM_PERM, dtype=np.uint64).astype(np.uint32))
        b = from_minhash(rng.integers(0, 2**32, dedup.NUM_PERM, dtype=np.uint64).astype(np.uint32))
        estimates.append(sketch_similarity(sketch(a), sketch(b)))
    assert float(np.mean(estimates)) < 0.03
    assert max(estimates) < 0.2


def test_from_minhash_checks_its_input() -> None:
    with pytest.raises(ValueError):
        from_minhash(np.zeros(64, dtype=np.uint32))


def test_minima_are_those_of_a_fresh_minhash_of_the_seed() -> None:
    """The permutations are drawn once and reused; the minima must stay those a fresh ``MinHash`` of the same
    seed gives, or signatures stored before an upgrade would stop matching the ones computed after it."""
    import numpy as np
    from datasketch import MinHash

    from streams.cleaning.dedup import NUM_PERM, _SEED, minhash, shingles

    for body in ("Ferry services to the islands resumed on Tuesday after a week of storms kept boats in port. " * 3,
                 "A short note of five words or more, then some more words to make shingles."):
        fresh = MinHash(num_perm=NUM_PERM, seed=_SEED)
        fresh.update_batch(list(shingles(body)))
        assert np.array_equal(minhash(body), fresh.hashvalues.astype(np.uint32))
        assert np.array_equal(minhash(body), minhash(body))
