"""The shipped event-type classifier: weights and run record in the package, sane probabilities on our own sentences."""

from __future__ import annotations

import json
from importlib import resources

import numpy as np
import pytest

from streams.extraction.events.classifier import CLASSES, load_classifier, sentence_features


@pytest.fixture(scope="module")
def nlp():
    from streams.extraction.nlp import load_nlp

    return load_nlp()


def probs(nlp, text: str) -> dict[str, float]:
    from streams.extraction.doc_index import sentences
    from streams.extraction.events import annotate

    doc = annotate(nlp, nlp(text))
    sent = sentences(doc)[0]
    clf = load_classifier()
    p = clf.probabilities(sent, doc._.event_candidates or [])
    return dict(zip(clf.classes, p.tolist()))


def test_weights_are_shipped_small_and_pickle_free():
    raw = resources.files("streams.data").joinpath("event_types.npz")
    assert raw.is_file() and len(raw.read_bytes()) < 2_000_000
    clf = load_classifier()
    assert clf is not None and clf.classes == CLASSES
    assert np.all(np.diff(clf.rows) > 0)  # sorted, unique buckets


def test_training_run_is_recorded():
    record = json.loads(resources.files("streams.data").joinpath("event_types.json").read_text("utf-8"))
    assert record["versions"]["scikit-learn"] and record["data"]["ngec-synthetic-stories.csv.gz"]["sha256"]
    assert record["scores"]["heldout_headlines"]["n"] > 500
    assert 0.0 < record["scores"]["heldout_headlines"]["accuracy"] <= 1.0


def test_probabilities_are_a_distribution_and_deterministic(nlp):
    a = probs(nlp, "Riot police fired tear gas at students marching on the parliament in Quito.")
    b = probs(nlp, "Riot police fired tear gas at students marching on the parliament in Quito.")
    assert a == b
    assert abs(sum(a.values()) - 1.0) < 1e-5


def test_names_are_not_features(nlp):
    from streams.extraction.events import annotate

    doc = annotate(nlp, nlp("Chile and Peru signed a water treaty in Lima."))
    feats = sentence_features(next(iter(doc.sents)), doc._.event_candidates)
    assert not any("chile" in f or "peru" in f or "lima" in f for f in feats)
    assert "E:GPE" in {f[2:] for f in feats if f.startswith("w:")}


def test_political_and_non_political_readings(nlp):
    protest = probs(nlp, "Thousands of nurses marched through the capital to demand higher pay from the government.")
    match = probs(nlp, "The visitors beat the champions 3-1 on Saturday to top the league table.")
    quake = probs(nlp, "A strong earthquake shook the coastal province overnight, destroying dozens of houses.")
    assert sorted(protest, key=protest.get)[-2:].count("PROTEST") == 1  # a march to demand pay: PROTEST or REQUEST
    assert protest["PROTEST"] > protest["NONE"]
    assert match["NONE"] > protest["NONE"] and quake["NONE"] > protest["NONE"]


def features(nlp, text: str) -> list[str]:
    from streams.extraction.doc_index import sentences
    from streams.extraction.events import annotate

    doc = annotate(nlp, nlp(text))
    return sentence_features(sentences(doc)[0], doc._.event_candidates or [])


def test_a_named_target_is_a_feature_by_its_type_never_its_name(nlp):
    feats = features(nlp, "Chile attacked Peru on Monday.")
    assert "to:attack_E:GPE" in feats  # whom the act targets, as an entity type
    assert not any("peru" in f or "chile" in f for f in feats)
    assert "to:attack_convoy" in features(nlp, "The rebels attacked a convoy on Monday.")  # a common noun stays itself
