"""The classifier's veto of a dictionary hit: only when no event is the likeliest reading of the sentence."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from streams.extraction.events.builder import VETO_TYPE_MIN, _Act, _SentenceCoder
from streams.extraction.events.classifier import CLASSES


def vetoed(p_type_name: str, probs: dict[str, float]) -> bool:
    index = {c: i for i, c in enumerate(CLASSES)}
    p = np.full(len(CLASSES), 0.0)
    for k, v in probs.items():
        p[index[k]] = v
    fake = SimpleNamespace(clf=SimpleNamespace(index=index))
    act = _Act(cand=None, plover=p_type_name, p_type=float(p[index[p_type_name]]))
    return _SentenceCoder._vetoed(fake, act, p)


def test_an_unlikely_type_in_a_sentence_read_as_another_event_is_kept():
    # a legal act the dictionary codes COERCE, read by the classifier as SANCTION more than as no event
    assert not vetoed("COERCE", {"COERCE": 0.13, "NONE": 0.23, "SANCTION": 0.29, "CONCEDE": 0.12, "ACCUSE": 0.23})


def test_an_unlikely_type_in_a_sentence_read_as_no_event_is_vetoed():
    assert vetoed("ASSAULT", {"ASSAULT": 0.1, "NONE": 0.6, "PROTEST": 0.3})
    assert not vetoed("ASSAULT", {"ASSAULT": VETO_TYPE_MIN + 0.01, "NONE": 0.7})  # likely enough: kept


def test_an_act_only_undergone_needs_the_act_at_least_as_likely_as_no_event():
    index = {c: i for i, c in enumerate(CLASSES)}
    p = np.full(len(CLASSES), 0.0)
    p[index["ASSAULT"]], p[index["NONE"]], p[index["PROTEST"]] = 0.38, 0.5, 0.12
    fake = SimpleNamespace(clf=SimpleNamespace(index=index))
    act = _Act(cand=None, plover="ASSAULT", p_type=0.38)
    assert not _SentenceCoder._vetoed(fake, act, p)  # with an actor: likely enough
    assert _SentenceCoder._vetoed(fake, act, p, undergone_only=True)  # undergone only: no event is likelier
    p[index["ASSAULT"]], p[index["NONE"]] = 0.5, 0.38
    assert not _SentenceCoder._vetoed(fake, _Act(cand=None, plover="ASSAULT", p_type=0.5), p, undergone_only=True)


def test_no_event_as_a_weak_plurality_vetoes_nothing():
    """No event must be a reading of the sentence, not only the largest of many small shares: at 0.3 against event
    types that sum to 0.7, the dictionary's coding stands (VETO_NONE_MIN); at 0.6 it goes."""
    assert not vetoed("SUPPORT", {"SUPPORT": 0.12, "NONE": 0.3, "COOPERATE": 0.22, "AGREE": 0.2, "CONCEDE": 0.16})
    assert vetoed("SUPPORT", {"SUPPORT": 0.12, "NONE": 0.6, "COOPERATE": 0.28})


def test_taking_people_captive_is_never_vetoed(monkeypatch):
    """An abduction or a hostage-taking of people (CAMEO 181) is violence against those taken whoever does it, as an
    act of force by an armed body is: kept even where the classifier reads the sentence as no event. Seizing a thing
    is not exempt, nor is an act of force by a doer of no armed sector."""
    from conftest import text_events

    monkeypatch.setattr(_SentenceCoder, "_vetoed", lambda self, act, probs, undergone_only=False: True)
    events = text_events("Pirates kidnapped six crew members from a tanker off the coast of Ghana.", "t-veto")
    assert [(e["cameo_code"], e["source"]["text"], e["target"]["text"]) for e in events] == [("181", "Pirates", "crew members")]
    assert text_events("Thieves stole three paintings from a gallery in Porto.", "t-veto") == []
    assert text_events("Pirates seized a fishing boat off Somalia.", "t-veto") == []
