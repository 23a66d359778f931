"""Near-duplicate index: edited copies of one article are found, others are not, replays are idempotent."""

from __future__ import annotations

from pathlib import Path

from streams.cleaning.dedup import NearDuplicateIndex, signature, similarity

SEED = (Path(__file__).parent / "fixtures" / "cleaning" / "seed-article.txt").read_text("utf-8")


def _edited(text: str) -> str:
    """A syndicated copy: a new lead, a changed word, the last paragraph cut."""
    paras = text.split("\n\n")
    return "\n\n".join(["TEHRAN (Reuters) - Updated copy of the wire story."] + paras[1:-6]).replace("Tuesday", "Wednesday")


def test_signature_is_compact_and_deterministic():
    s = signature(SEED)
    assert len(s) == 1024 and s == signature(SEED)
    assert signature("") == ""


def test_edited_copy_is_near_duplicate():
    store: dict[str, str] = {}
    index = NearDuplicateIndex(store)
    assert index.check_and_add("orig", signature(SEED)) is None
    assert similarity(signature(SEED), signature(_edited(SEED))) > 0.5
    assert index.check_and_add("copy", signature(_edited(SEED))) == "orig"
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in store.items())


def test_different_article_is_not_duplicate():
    index = NearDuplicateIndex({})
    index.check_and_add("orig", signature(SEED))
    other = "Colombia's President Gustavo Petro spoke this Monday about the electoral process in Venezuela. " * 3
    assert index.check_and_add("other", signature(other)) is None


def test_replay_is_idempotent_and_state_is_the_mapping():
    store: dict[str, str] = {}
    NearDuplicateIndex(store).check_and_add("orig", signature(SEED))
    index2 = NearDuplicateIndex(store)  # a restarted worker with the same table
    assert index2.check_and_add("orig", signature(SEED)) is None
    assert index2.check_and_add("copy", signature(_edited(SEED))) == "orig"
    assert index2.check_and_add("copy", signature(_edited(SEED))) is None
