"""``streams.extraction.nlp.parse`` must give exactly the annotations of the model as spaCy ships it.

``parse`` changes how the model runs (numpy's BLAS instead of thinc's bundled
BLIS, small ``nlp.pipe`` batches, memoised lemmas); none of that may change a
tag, a head, a lemma or an entity. The reference here is a second copy of the
model loaded the stock way (thinc's default ops, spaCy's own lemmatizer), with
the two rules the stage adds on purpose: a blank line ends a sentence
(``paragraphs.py``, tested in ``test_paragraph_breaks.py``), and so does a
dateline (``datelines.py``, tested in ``test_dateline_breaks.py``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from streams.extraction.doc_index import doc_text
from streams.extraction.nlp import EXCLUDED_COMPONENTS, LemmaMemo, load_nlp, model_package, parse

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _texts() -> list[str]:
    from streams.cleaning import clean
    from streams.errors import Rejected
    from streams.records import RawArticle

    texts = [(FIXTURES / "extraction" / "seed-article.txt").read_text("utf-8")]
    for page in sorted((FIXTURES / "cleaning" / "pages" / "html").glob("*.html")):  # team-written pages
        try:
            texts.append(clean(RawArticle(id=page.stem, html=page.read_bytes().decode("utf-8", "replace"))).body)
        except Rejected:
            continue  # the error, index and stub pages of the fixture set hold no article
    # lemma corner cases: attribute-ruler lemmas, contractions, base forms, proper nouns, repeats
    texts.append("They're gonna say it ain't so. The ministers met; the minister meets. Paris, PARIS and paris were better, best, good.")
    # the attribute ruler's rules of two tokens, of dependency labels and of whitespace (attribute_table.py)
    texts.append("Y'all gotta hear this. Let's go, c'mon!  There's a vote and there are two more;\n\nI told you it gets worse. "
                 "Nothin' came of it, but he did. You saw it and it saw you. Do they have it? He has.")
    return texts


def _signature(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.dep_, t.head.i, t.lemma_, t.ent_iob_, t.ent_type_, t.is_sent_start) for t in doc]


@pytest.fixture(scope="module")
def stock():
    from streams.extraction.datelines import FACTORY as DATELINES
    from streams.extraction.paragraphs import FACTORY

    nlp = model_package().load(exclude=list(EXCLUDED_COMPONENTS))
    nlp.add_pipe(FACTORY, before="parser")
    nlp.add_pipe(DATELINES, before="parser")
    return nlp


def test_parse_matches_the_stock_pipeline(stock) -> None:
    texts = _texts()
    assert stock.get_pipe("tok2vec").model.ops.use_blis, "the reference must run on thinc's default ops"
    assert not load_nlp().get_pipe("tok2vec").model.ops.use_blis
    ours = list(parse(texts))
    theirs = list(stock.pipe(texts))
    assert sum(len(d) for d in ours) > 1000
    for a, b in zip(ours, theirs, strict=True):
        assert _signature(a) == _signature(b)
        assert doc_text(a) == a.text == b.text  # the text the parser hands over is the doc's own
    # twice: the second pass is answered from the memo
    again = list(parse(texts))
    assert [_signature(d) for d in again] == [_signature(d) for d in theirs]


def test_the_attribute_ruler_is_answered_from_a_table_of_its_own_rules() -> None:
    from streams.extraction.attribute_table import LookupAttributeRuler

    table = load_nlp().get_pipe("attribute_ruler")
    assert isinstance(table, LookupAttributeRuler)
    assert table.rules == len(model_package().load(exclude=list(EXCLUDED_COMPONENTS)).get_pipe("attribute_ruler").patterns)


def test_the_rules_that_ignore_the_dependency_label_are_remembered_per_tag_and_word(stock) -> None:
    """A word is seen with many dependency labels; only the few rules that read the label are asked again for each
    (before, every rule was keyed by the label too, and two in five tokens of fresh text missed the memo)."""
    from streams.extraction.attribute_table import LookupAttributeRuler

    table = LookupAttributeRuler(stock.vocab)
    table.add_patterns(stock.get_pipe("attribute_ruler").patterns)
    docs = list(stock.pipe(["The police said the police arrested the man.", "Police arrested a man; the man said police lied."],
                           disable=["attribute_ruler", "lemmatizer", "ner"]))
    keys = {(t.tag, t.lower, t.dep) for d in docs for t in d}
    for d in docs:
        table(d)
    assert len(table._memo) == len({k[:2] for k in keys}) < len(keys)
    assert len(table._memo_dep) == len(keys)


def test_a_memo_miss_tests_only_the_rules_that_can_match_and_keeps_their_order(stock) -> None:
    """Rules that require a word or a tag are indexed under it; a miss tests those and the unindexed ones only, and
    the answer is what testing every rule in order gives (a later rule still wins)."""
    from streams.extraction.attribute_table import LookupAttributeRuler

    table = LookupAttributeRuler(stock.vocab)
    table.add_patterns([
        {"patterns": [[{"TAG": {"IN": ["NN", "NNS"]}}]], "attrs": {"LEMMA": "by-tag"}},
        {"patterns": [[{"LOWER": {"REGEX": "^fer"}}]], "attrs": {"LEMMA": "by-regex"}},
        {"patterns": [[{"LOWER": "ferry"}]], "attrs": {"LEMMA": "by-word"}},
        {"patterns": [[{"LOWER": "boats", "TAG": "NNS"}]], "attrs": {"LEMMA": "boat"}},
        {"patterns": [[{"LOWER": "ferry"}, {"LOWER": "boats"}]], "attrs": {"POS": "PROPN"}, "index": 1},
    ])
    called = []
    for position, (rule, test) in enumerate(table._single[0]):
        table._single[0][position] = (rule, lambda key, tok, test=test, rule=rule: called.append(rule) or test(key, tok))
    doc = stock("Ferry boats sailed.", disable=["attribute_ruler", "lemmatizer", "ner"])
    table(doc)
    assert [t.lemma_ for t in doc[:2]] == ["by-word", "boat"]  # each token's last matching rule wins
    assert doc[1].pos_ == "PROPN"  # the two-token rule, found where its first word starts it
    assert doc[2].lemma_ != "by-tag"
    # four tokens, four misses: the unindexed regex rule is tested on each, a word's rule on that word only, the
    # tag rule on the tokens of those tags only (testing every rule would have called each four times)
    assert called.count(1) == 4 and called.count(2) == 1 and called.count(3) == 1
    assert called.count(0) == sum(t.tag_ in ("NN", "NNS") for t in doc) < 4


def test_a_new_word_alike_for_every_rule_takes_the_answer_of_one_seen_before(stock) -> None:
    """Most new words are alike for all the rules: the same tag, named by no rule, the same answer from each regex,
    not space. A memo miss on such a word takes the answer of one seen before and tests no rule; a word a rule names
    or a regex matches is a class of its own and is tested."""
    from streams.extraction.attribute_table import LookupAttributeRuler

    table = LookupAttributeRuler(stock.vocab)
    table.add_patterns([
        {"patterns": [[{"TAG": "NNS"}]], "attrs": {"LEMMA": "by-tag"}},
        {"patterns": [[{"LOWER": {"REGEX": "^fer"}}]], "attrs": {"LEMMA": "by-regex"}},
        {"patterns": [[{"LOWER": "boats"}]], "attrs": {"LEMMA": "boat"}},
    ])
    called = []
    for position, (rule, test) in enumerate(table._single[0]):
        table._single[0][position] = (rule, lambda key, tok, test=test, rule=rule: called.append((rule, tok.lower_)) or test(key, tok))
    doc = stock("the ferries, boats, cars and vans sailed.", disable=["attribute_ruler", "lemmatizer", "ner"])
    assert [t.tag_ for t in list(doc)[1:9:2]] == ["NNS"] * 4
    table(doc)
    assert [t.lemma_ for t in list(doc)[1:9:2]] == ["by-regex", "boat", "by-tag", "by-tag"]
    assert [w for rule, w in called if rule == 0] == ["ferries", "boats", "cars"]  # "vans" answered as "cars" was
    assert "vans" not in {w for _, w in called}


def test_a_rule_the_table_cannot_evaluate_keeps_spacys_ruler(stock) -> None:
    """A model whose ruler uses an operator the table does not know keeps spaCy's ruler, and its answers."""
    from streams.extraction.attribute_table import LookupAttributeRuler, UnsupportedPattern
    from streams.extraction.nlp import fast_attribute_ruler

    with pytest.raises(UnsupportedPattern):
        LookupAttributeRuler(stock.vocab).add_patterns([{"patterns": [[{"LENGTH": {">=": 3}}]], "attrs": {"POS": "X"}}])
    nlp = model_package().load(exclude=list(EXCLUDED_COMPONENTS))
    nlp.get_pipe("attribute_ruler").add_patterns([{"patterns": [[{"LOWER": "zyx", "OP": "+"}]], "attrs": {"POS": "X"}}])
    assert fast_attribute_ruler(nlp) is False
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"
    assert nlp("He said zyx zyx.")[2].pos_ == "X"


def test_the_lemmatizers_word_lists_answer_as_before() -> None:
    """The rule lemmatizer's word lists get set lookups (``nlp.index_as_sets``): the same words in the same order,
    the same answer for every word asked, known or not."""
    from streams.extraction.nlp import index_as_sets

    lemmatizer = model_package().load(exclude=list(EXCLUDED_COMPONENTS)).get_pipe("lemmatizer")  # not the reference's
    shipped = lemmatizer.lookups.get_table("lemma_index")
    before = {k: list(v) for k, v in shipped.items()}
    index_as_sets(lemmatizer)
    assert {k: list(v) for k, v in shipped.items()} == before
    for k, words in before.items():
        for w in [*words[:200:7], *words[-50:], "zzyzx", "", "Run", "ran"]:
            assert (w in shipped[k]) == (w in words)


def test_lemma_memo_stays_bounded() -> None:
    memo = LemmaMemo(load_nlp(), max_entries=5)
    doc = load_nlp()("Officials said on Monday that the talks between the two governments had collapsed after weeks of negotiations.", disable=["lemmatizer"])
    memo(doc)
    assert 0 < len(memo.memo) <= 5  # cleared when full, lemmas still right
    assert [t.lemma_ for t in doc][:3] == ["official", "say", "on"]
    assert doc[-2].lemma_ == "negotiation"


def test_batches_are_bounded_by_characters_and_keep_order() -> None:
    from streams.extraction.nlp import pipe_batches

    texts = ["a" * 10, "b" * 10, "c" * 10, "d" * 50, "e" * 5, "f" * 5, "g" * 5, "h" * 5]
    batches = list(pipe_batches(texts, max_chars=25, max_docs=3))
    assert [t for b in batches for t in b] == texts  # every text once, in order
    assert batches == [["a" * 10, "b" * 10], ["c" * 10], ["d" * 50], ["e" * 5, "f" * 5, "g" * 5], ["h" * 5]]
    assert list(pipe_batches([])) == []


def test_parse_is_the_same_whatever_the_batches(monkeypatch) -> None:
    """Batching is a matter of speed and memory only: one document a batch gives the same annotations."""
    from streams.extraction import nlp

    texts = _texts()
    batched = [_signature(d) for d in parse(texts)]
    assert len(list(nlp.pipe_batches(texts))) < len(texts)  # the default policy puts several texts in a batch
    monkeypatch.setattr(nlp, "PIPE_BATCH_DOCS", 1)
    assert [_signature(d) for d in parse(texts)] == batched
