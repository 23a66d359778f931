"""Trigger words learned from the labelled training stories (``event_triggers.tsv``): coverage where the dictionary has none.

Sentences are the team's own, written to show each phenomenon.
"""

from __future__ import annotations

from importlib import resources

import pytest

from streams.data import records
from streams.extraction.events.knowledge import DATA_FILES, knowledge
from streams.extraction.events.tables import code_info


@pytest.fixture(scope="module")
def nlp():
    from streams.extraction.nlp import load_nlp

    return load_nlp()


def _types(nlp, text: str) -> dict[str, set[str]]:
    """Trigger word -> PLOVER types of its candidates."""
    from streams.extraction.events import annotate

    doc = annotate(nlp, nlp(text))
    out: dict[str, set[str]] = {}
    for c in doc._.event_candidates:
        out.setdefault(doc[c.trigger].lower_, set()).add(code_info(c.code or c.reverse).plover_type)
    return out


def test_learned_table_is_provenanced_and_versioned():
    head = resources.files("streams.data").joinpath("event_triggers.tsv").read_text("utf-8").splitlines()[:8]
    assert any("Provenance" in line for line in head)
    assert any("held-out templates never read" in line for line in head)  # the proxy set stays unseen
    assert "event_triggers.tsv" in DATA_FILES  # a relearned table changes extractor_version


def test_learned_rows_only_add_coverage():
    """A learned row never stands beside the dictionary's own typed code for the word: where the dictionary codes a
    verb or noun, that code stands (the stories' PLOVER version files some acts under other types)."""
    typed_verbs = {r["verb"] for r in records("cameo_verbs.tsv") if r["code"] not in ("", "---")}
    team_nouns = {r["noun"] for r in records("event_nouns.tsv")}
    rows = records("event_triggers.tsv")
    assert rows
    for r in rows:
        assert (r["lemma"] not in typed_verbs) if r["pos"] == "verb" else (r["lemma"] not in team_nouns), r["lemma"]
        assert code_info(r["code"]).plover_type == r["plover"]


def test_a_verb_the_dictionary_codes_only_by_pattern_gets_its_learned_type(nlp):
    """PETRARCH2 lists "deploy" with no default code: only patterns about sending forces abroad code it, so a system
    stationed at home had no mobilisation candidate."""
    if not any(r["lemma"] == "deploy" for r in records("event_triggers.tsv")):
        pytest.skip("the learned table has no row for this verb")
    types = _types(nlp, "The navy deployed a new radar battery on the northern coast last week.")
    assert "MOBILIZE" in types.get("deployed", set())


def test_learned_verb_loses_to_a_fitting_dictionary_pattern(nlp):
    """A dictionary pattern that fits is more specific than any learned row: "rejected the offer" is coded by the
    dictionary's own pattern only."""
    kb = knowledge()
    assert any(e.block == "event_triggers" for e in kb.verbs_by_lemma.get("reject", ()))
    types = _types(nlp, "The union rejected the offer from the ministry on Monday.")
    assert types.get("rejected") == {"REJECT"}


def test_a_learned_noun_is_no_alternative_for_a_verb(nlp):
    """The learned nouns are acts only as nouns; a verb with the same spelling keeps the dictionary's codes."""
    kb = knowledge()
    learned_nouns = {n for n, rows in kb.nouns.items() if any(r.learned for r in rows)}
    assert learned_nouns
    from streams.extraction.events import annotate

    doc = annotate(nlp, nlp("The court sentenced the former mayor to six years for fraud."))
    for c in doc._.event_candidates:
        assert c.pattern != "event_nouns:verb" or c.lemma not in learned_nouns
