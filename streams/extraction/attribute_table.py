"""spaCy's attribute ruler, the same rules answered from a table: a registered pipeline component.

Why: the model's ``attribute_ruler`` (the tag map and the morphology and lemma exceptions,
179 rules) runs spaCy's general ``Matcher`` over every token of every text and then applies
each match through a ``Span``. That costs about a fifth of the whole parse (~6 ms of ~33 ms
an article), although almost every rule looks at one token only and the answer for a token
depends on nothing but its tag, lowercase form and dependency label. This component takes
the ruler's own rules (``AttributeRuler.patterns``, read from the loaded model: nothing of
them is written here), works out once per distinct (tag, lower) which rules match (and, for
the few rules that read the dependency label, once per (tag, lower, dep)) and what they leave
on the token, and remembers it; the few rules of two tokens are checked
where their first token's form starts them. A new word that no rule names, that each of the
rules' regexes answers as for a word seen before and that is, like it, not space, takes that
word's answer without a rule tested (fresh text is mostly new words). Keys are read, and the
results written, for all tokens at once as arrays (``Doc.to_array`` / ``Doc.from_array``). The result is the ruler's, attribute for
attribute: rules apply in the ruler's own order (a later rule wins), every match is decided
on the annotations as they were before any rule applied, and ``tests/test_nlp_parse.py``
compares every tag, POS, morphology, lemma and label with the stock pipeline's.

A rule with a pattern operator this table does not know (anything beyond equality, ``IN``,
``NOT_IN`` and ``REGEX`` on ``TAG``, ``LOWER``, ``DEP`` and ``IS_SPACE``) makes
:meth:`LookupAttributeRuler.add_patterns` raise, and the model keeps spaCy's own ruler
(``nlp.fast_attribute_ruler``): a new model release cannot silently change the answers.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Iterable, Iterator

import numpy
from spacy.attrs import DEP, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import normalize_token_attrs
from spacy.vocab import Vocab

FACTORY = "lookup_attribute_ruler"
MEMO_MAX = 200_000  # distinct keys each memo remembers; cleared when full (a worker's memory stays flat)
_FIELDS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}

Key = tuple[int, int, int]
_KEYS = [TAG, LOWER, DEP]  # the key of a token: its ``_FIELDS`` slots, in order
_WRITTEN = [TAG, POS, MORPH, LEMMA]  # what a rule may set, but the label; TAG first, as Doc.from_array applies it first
_COLUMN = {attr: column for column, attr in enumerate(_WRITTEN)}


class UnsupportedPattern(ValueError):
    """A rule uses a pattern operator the table does not evaluate; the caller keeps spaCy's ruler."""


def _value_test(field: str, spec: Any) -> Callable[[Key, Token], bool]:
    """One attribute's test of a token pattern (equality, IN, NOT_IN, REGEX), as the Matcher evaluates it."""
    if field not in _FIELDS:
        raise UnsupportedPattern(f"attribute {field}")
    slot = _FIELDS[field]
    if field == "IS_SPACE":
        if not isinstance(spec, bool):
            raise UnsupportedPattern(f"IS_SPACE {spec!r}")
        return lambda key, tok: tok.is_space is spec
    if isinstance(spec, str):
        want = get_string_id(spec)
        return lambda key, tok: key[slot] == want
    if isinstance(spec, dict) and len(spec) == 1:
        (op, arg), = spec.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
            ids = frozenset(get_string_id(v) for v in arg)
            if op == "IN":
                return lambda key, tok: key[slot] in ids
            return lambda key, tok: key[slot] not in ids
        if op == "REGEX" and isinstance(arg, str) and field == "LOWER":
            rx = re.compile(arg)
            return lambda key, tok: rx.search(tok.lower_) is not None
    raise UnsupportedPattern(f"{field} {spec!r}")


def _token_test(spec: dict[str, Any]) -> Callable[[Key, Token], bool]:
    tests = [_value_test(field, value) for field, value in spec.items()]
    return lambda key, tok: all(t(key, tok) for t in tests)


def _required(spec: dict[str, Any]) -> tuple[int, frozenset[int]] | None:
    """(slot, ids) when a token pattern can only match a token whose lowercase form (else tag) is one of ``ids``:
    what lets a memo miss test only the rules that can match instead of all of them."""
    for field in ("LOWER", "TAG"):
        value = spec.get(field)
        if isinstance(value, str):
            return _FIELDS[field], frozenset([get_string_id(value)])
        if isinstance(value, dict) and len(value) == 1 and isinstance(value.get("IN"), list):
            return _FIELDS[field], frozenset(get_string_id(v) for v in value["IN"])
    return None


class _Candidates:
    """Positions of the tests of one list that can match a (tag, lower): those indexed under the token's lowercase
    form or tag, and those that require neither. In list order, so rules still apply in the ruler's order."""

    def __init__(self) -> None:
        self._by: tuple[dict[int, list[int]], dict[int, list[int]]] = ({}, {})  # by TAG, by LOWER
        self._any: list[int] = []

    def add(self, position: int, spec: dict[str, Any]) -> None:
        required = _required(spec)
        if required is None:
            self._any.append(position)
            return
        slot, ids = required
        for v in ids:
            self._by[slot].setdefault(v, []).append(position)

    def of(self, key: Key) -> list[int]:
        found = self._by[0].get(key[0], []) + self._by[1].get(key[1], []) + self._any
        return sorted(set(found))


class LookupAttributeRuler:
    """The attribute ruler's rules, answered from bounded memos: per distinct (tag, lower) for the rules that do not
    read the dependency label (almost all), per distinct (tag, lower, dep) for the few that do. A word is seen with
    many labels, so keying every rule by the label too made two in five tokens of fresh text a miss that tested all
    the rules; now such a miss tests only the label-reading ones. And a miss tests only the rules that can match:
    most rules require one word or one of a few tags, and are indexed under them (``_Candidates``); testing all 179
    on every new word cost about 5 ms an article of fresh text; the index leaves about 4 of the 168 tests."""

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler", memo_max: int = MEMO_MAX) -> None:
        self.vocab = vocab
        self.name = name
        self.memo_max = memo_max
        self.rules = 0
        # (rule, test) of one-token patterns; [0]: not reading the dependency label, [1]: reading it
        self._single: tuple[list[tuple[int, Callable[[Key, Token], bool]]], ...] = ([], [])
        self._single_at = (_Candidates(), _Candidates())  # which of ``_single[dep]`` can match a (tag, lower)
        self._pairs_at = (_Candidates(), _Candidates())   # which of ``_pairs`` can start at a (tag, lower)
        self._pairs: list[tuple[int, int, Callable, Callable]] = []  # (rule, index, first test, second test)
        self._reads_dep = False  # does any rule read the dependency label (else the second memo is never asked)
        self._attrs: list[dict[int, int]] = []
        self._memo: dict[tuple[int, int], tuple[tuple[int, ...], tuple[int, ...]]] = {}
        self._memo_dep: dict[Key, tuple[tuple[int, ...], tuple[int, ...]]] = {}
        self._merged: dict[tuple[int, ...], tuple[tuple[int, Any], ...]] = {}
        self._answers: dict[Key, tuple[tuple[int, ...], tuple[int, ...], tuple[tuple[int, int], ...], int | None]] = {}
        # what a rule can tell of a word: whether it is one the rules name, which of their regexes it matches and
        # whether it is space; words alike in all three (most words) match the same rules with the same tag
        self._named: set[int] = set()
        self._regexes: list[re.Pattern[str]] = []
        self._by_class: dict[tuple, tuple[tuple[int, ...], tuple[int, ...]]] = {}

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        """Rules in ``AttributeRuler.patterns`` form, in order (a later rule wins); raises :class:`UnsupportedPattern`."""
        for rule in patterns:
            i = self.rules
            index = int(rule.get("index", 0))
            for pattern in rule["patterns"]:
                tests = [_token_test(spec) for spec in pattern]
                for spec in pattern:
                    self._note_words(spec.get("LOWER"))
                reads_dep = "DEP" in pattern[0] if pattern else False
                if len(pattern) == 1 and index in (0, -1):
                    self._single_at[reads_dep].add(len(self._single[reads_dep]), pattern[0])
                    self._single[reads_dep].append((i, tests[0]))
                elif len(pattern) == 2 and index in (0, 1, -1, -2):
                    self._pairs_at[reads_dep].add(len(self._pairs), pattern[0])
                    self._pairs.append((i, index % 2, tests[0], tests[1]))
                else:
                    raise UnsupportedPattern(f"a pattern of {len(pattern)} tokens with index {index}")
                self._reads_dep |= reads_dep
            attrs = normalize_token_attrs(self.vocab, dict(rule["attrs"]))
            if set(attrs) - {POS, TAG, DEP, LEMMA, MORPH}:
                raise UnsupportedPattern(f"attributes {sorted(rule['attrs'])}")
            self._attrs.append(attrs)
            self.rules += 1
        self._memo.clear()
        self._memo_dep.clear()
        self._merged.clear()
        self._answers.clear()
        self._by_class.clear()

    def _note_words(self, spec: Any) -> None:
        if isinstance(spec, str):
            self._named.add(get_string_id(spec))
        elif isinstance(spec, dict):
            for op, arg in spec.items():
                if op == "REGEX":
                    self._regexes.append(re.compile(arg))
                else:
                    self._named.update(get_string_id(v) for v in arg)

    def _class_of(self, key: Key) -> tuple:
        """The key's word class (see ``__init__``): a memo miss on a new word is answered by another word of its
        class, with no rule tested. The rules' results depend on nothing else of the word."""
        if key[1] in self._named:
            return key
        text = self.vocab.strings[key[1]]
        return (key[0], None, key[2], text.isspace(), *(rx.search(text) is not None for rx in self._regexes))

    def _matching(self, dep: bool, key: Key, tok: Token) -> tuple[tuple[int, ...], tuple[int, ...]]:
        single = self._single[dep]
        singles = tuple(single[p][0] for p in self._single_at[dep].of(key) if single[p][1](key, tok))
        firsts = tuple(k for k in self._pairs_at[dep].of(key) if self._pairs[k][2](key, tok))
        return singles, firsts

    def _rules_of(self, key: Key, doc: Doc, i: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """(one-token rules matching, in rule order; two-token rules whose first token matches) for token ``i``, of
        this key. The token itself is made only on a memo miss (a rule may test its text)."""
        plain = self._memo.get(key[:2])
        if plain is None:
            if len(self._memo) >= self.memo_max:
                self._memo.clear()
            plain = self._memo[key[:2]] = self._of_class(False, key, doc, i)
        if not self._reads_dep:
            return plain
        dep = self._memo_dep.get(key)
        if dep is None:
            if len(self._memo_dep) >= self.memo_max:
                self._memo_dep.clear()
            dep = self._memo_dep[key] = self._of_class(True, key, doc, i)
        if not dep[0] and not dep[1]:
            return plain
        return tuple(sorted(plain[0] + dep[0])), tuple(sorted(plain[1] + dep[1]))

    def _of_class(self, dep: bool, key: Key, doc: Doc, i: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """``_matching`` for a word of the key's class, remembered per class (bounded like the memos)."""
        cls = (dep, *self._class_of(key if dep else (key[0], key[1], 0)))
        found = self._by_class.get(cls)
        if found is None:
            if len(self._by_class) >= self.memo_max:
                self._by_class.clear()
            found = self._by_class[cls] = self._matching(dep, key, doc[i])
        return found

    def _assignments(self, rules: tuple[int, ...]) -> tuple[tuple[tuple[int, int], ...], int | None]:
        """What the rules, applied in order, leave on a token: ((column of ``_WRITTEN``, value), ...), the last
        writer's, and the dependency label they set (or None)."""
        done = self._merged.get(rules)
        if done is None:
            final: dict[int, Any] = {}
            for i in rules:
                final.update(self._attrs[i])
            dep = final.pop(DEP, None)
            done = self._merged[rules] = (tuple((_COLUMN[attr], value) for attr, value in final.items()), dep)
        return done

    def __call__(self, doc: Doc) -> Doc:
        """Reads the keys of all tokens as one array and writes the results back as one array (``Doc.from_array``):
        making a ``Token`` and setting its attributes one by one cost more than the rules' lookups. A token's whole
        answer (its rules, what they leave, the two-token rules it may start) is remembered per key in one memo, so
        a word seen before costs one lookup."""
        n = len(doc)
        if not n:
            return doc
        keys = list(map(tuple, doc.to_array(_KEYS).tolist()))  # every match is decided on the annotations before any rule
        answers, answer_of = self._answers, self._answer
        columns = doc.to_array(_WRITTEN).T.tolist()
        deps: list[tuple[int, int]] = []
        extra: dict[int, list[int]] = {}
        per_token: list[tuple[tuple[int, ...], tuple[tuple[int, int], ...], int | None]] = []
        for i, key in enumerate(keys):
            answer = answers.get(key)
            if answer is None:
                answer = answer_of(key, doc, i)
            singles, firsts, values, dep = answer
            per_token.append((singles, values, dep))
            if firsts and i + 1 < n:
                nxt = doc[i + 1]
                for k in firsts:
                    rule, index, _, second = self._pairs[k]
                    if second(keys[i + 1], nxt):
                        extra.setdefault(i + index, []).append(rule)
        for i, (singles, values, dep) in enumerate(per_token):
            if i in extra:
                values, dep = self._assignments(tuple(sorted(set(singles).union(extra[i]))))
            for column, value in values:
                columns[column][i] = value
            if dep is not None:
                deps.append((i, dep))
        doc.from_array(_WRITTEN, numpy.array(columns, dtype="uint64").T)
        for i, dep in deps:  # a label set alone (Doc.from_array sets labels only with their heads)
            doc[i].dep = dep
        return doc

    def _answer(self, key: Key, doc: Doc, i: int) -> tuple[tuple[int, ...], tuple[int, ...], tuple[tuple[int, int], ...], int | None]:
        """(one-token rules matching, two-token rules it may start, what the one-token rules leave, the label they
        set) for a key, remembered (bounded like the other memos)."""
        singles, firsts = self._rules_of(key, doc, i)
        values, dep = self._assignments(singles) if singles else ((), None)
        if len(self._answers) >= self.memo_max:
            self._answers.clear()
        answer = self._answers[key] = (singles, firsts, values, dep)
        return answer

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory(FACTORY)
def make_lookup_attribute_ruler(nlp: Language, name: str) -> LookupAttributeRuler:
    """An empty table; :func:`streams.extraction.nlp.load_nlp` fills it with the model's own ruler's rules."""
    return LookupAttributeRuler(nlp.vocab, name)
