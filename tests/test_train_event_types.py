"""The training script's data handling: template-grouped folds, calibration figures, and the parse cache."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

import train_event_types as T  # noqa: E402


def test_folds_never_split_a_template():
    groups = [f"template {i % 37}" for i in range(600)]
    folds = T.template_folds(groups, 4)
    assert sorted(i for f in folds for i in f) == list(range(600))
    fold_of = {}
    for k, fold in enumerate(folds):
        for i in fold:
            assert fold_of.setdefault(groups[i], k) == k  # every example of a template in one fold
    assert all(len(f) > 60 for f in folds)
    assert T.template_folds(list(reversed(groups)), 4)[0] == sorted(599 - i for i in folds[0])  # order-independent


def test_calibration_error_and_temperature():
    rng = np.random.default_rng(3)
    y = rng.integers(0, 3, 4000)
    logits = rng.normal(0, 1, (4000, 3))
    logits[np.arange(4000), y] += 1.0
    over = logits * 4  # an over-confident copy of the same ranking
    assert T.calibration_error(over, y) > T.calibration_error(logits, y) + 0.1
    t = T.fit_temperature(over, y)
    assert 3.0 < t < 5.0  # undoes the factor 4
    assert T.log_loss(over / t, y) < T.log_loss(over, y)


def test_parse_cache_gives_the_same_features(tmp_path):
    texts = ["Police arrested two protesters outside the ministry on Monday.", "The storm cut power to the city."]
    fresh = list(T.features_of(texts, "t", None))
    first = list(T.features_of(texts, "t", tmp_path))  # parses and writes the cache
    assert len(list(tmp_path.glob("t-*.spacy"))) == 1
    cached = list(T.features_of(texts, "t", tmp_path))  # reads it
    assert fresh == first == cached
    assert any(f.startswith("t:arrest") for f in cached[0][0][0])
    assert list(T.features_of(texts[:1], "t", tmp_path)) == fresh[:1]  # other texts: another cache entry, not a stale one
    assert len(list(tmp_path.glob("t-*.spacy"))) == 2


def test_parse_cache_key_covers_every_table_of_the_candidates(tmp_path, monkeypatch):
    """A cache made before any table of the coder's knowledge changed is not read (the learned triggers, threats and
    endings tables once changed the candidates without changing the key)."""
    from streams.extraction.events.classifier import WEIGHTS_FILE
    from streams.extraction.events.knowledge import DATA_FILES

    base = T._tables_hash()
    data = tmp_path / "data"
    data.mkdir()
    for name in DATA_FILES:
        if name != WEIGHTS_FILE:
            (data / name).write_bytes((T.OUT / name).read_bytes())
    monkeypatch.setattr(T, "OUT", data)
    assert T._tables_hash() == base
    for name in ("event_triggers.tsv", "event_endings.tsv", "actors_agents.tsv"):
        original = (data / name).read_bytes()
        (data / name).write_bytes(original + b"# changed\n")
        assert T._tables_hash() != base, name
        (data / name).write_bytes(original)
    assert T._tables_hash() == base


def test_parse_cache_key_covers_the_code_that_finds_candidates(tmp_path, monkeypatch):
    """A cache made before the candidate finder's code changed is not read: a frame rule changes the candidates of a
    parse as a table does, without changing any table."""
    src = tmp_path / "streams" / "extraction" / "events"
    src.mkdir(parents=True)
    (src / "frames.py").write_text("RULE = 1\n", "utf-8")
    monkeypatch.setattr(T, "ROOT", tmp_path)
    base = T._code_hash()
    (src / "frames.py").write_text("RULE = 2\n", "utf-8")
    assert T._code_hash() != base
    (src / "frames.py").write_text("RULE = 1\n", "utf-8")
    assert T._code_hash() == base
