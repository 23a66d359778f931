"""Text repair: mojibake, invisible characters and words glued where tags were stripped.

Every change is returned as a ``Repair(kind, before, after)`` so it can be
audited; false repairs are worse than missed ones, so each rule needs strong
evidence and the repairer is measured on already-clean text (bench: at most one
change per 10,000 tokens).

* Mojibake and broken encodings: ftfy, the field's standard (it reverses the
  actual encode/decode mistakes instead of guessing per character). Quote
  curling, character width and ligatures are left alone: those are the
  publisher's typography, not errors.
* Stray byte-order marks are removed (zero-width joiners build emoji and soft
  hyphens are hyphenation hints: both are left alone).
* Glued words: a blind splitter (wordninja) breaks names ("Abdul ahi an"), so a
  token is split only when (a) there is a case change inside it or a known
  capitalised word ends where a lower-case word starts, (b) both halves are
  attested: standalone elsewhere in the same article, or a capitalised function
  word ("In", "The"), and (c) the glued form itself occurs only once (brands
  like "SoftBank" recur) and is not in the ``cleaning_camelcase.tsv`` list.
"""

from __future__ import annotations

import re
from collections import Counter

import ftfy

from ..records import Repair
from .lexicon import camel_words, function_words

_INVISIBLE = re.compile("\ufeff")  # BOM only: ZWJ builds emoji, soft hyphens are legitimate hints
# characters every mojibake of UTF-8 (read as latin-1/cp1252/cp437/...) contains; text without any is left to itself
_MOJIBAKE_HINT = re.compile("[\u0080-\u009f\u00c2\u00c3\u00c5\u00ce\u00cf\u00d0\u00d1\u00d8\u00d9\u00e2\u00e3\u00ef\ufffd\u02c6\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u2122]")
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_CASE_GLUE = re.compile(r"^([A-Z][a-z]{3,}|[a-z]{4,})([A-Z][a-z]+)$")
_LOWER_GLUED = re.compile(r"^[A-Z][a-z]{7,}$")
_SURNAME_PREFIX = ("Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Al", "El", "Bin", "Ben", "San", "St")
_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_character_width=False,
    fix_latin_ligatures=False,
    fix_line_breaks=False,
    normalization=None,
    explain=False,
)


def repair_text(text: str, evidence: str | None = None) -> tuple[str, list[Repair]]:
    """Repaired text and the list of changes. ``evidence`` is the whole article (title, captions) for word attestations."""
    repairs: list[Repair] = []
    text = _fix_encoding(text, repairs)
    text = _fix_invisible(text, repairs)
    text = _split_glued(text, evidence if evidence is not None else text, repairs)
    return text, repairs


def _fix_encoding(text: str, repairs: list[Repair]) -> str:
    if text.isascii() or not _MOJIBAKE_HINT.search(text):
        return text
    fixed = ftfy.fix_text(text, config=_FTFY_CONFIG)
    if fixed == text:
        return text
    before, after = text.split(), fixed.split()
    if len(before) == len(after):
        for b, a in zip(before, after):
            if b != a:
                repairs.append(Repair("mojibake", b, a))
    else:
        repairs.append(Repair("mojibake", text[:200], fixed[:200]))
    return fixed


def _fix_invisible(text: str, repairs: list[Repair]) -> str:
    if not _INVISIBLE.search(text):
        return text
    for m in _INVISIBLE.finditer(text):
        repairs.append(Repair("invisible_char", m.group(), ""))
    return _INVISIBLE.sub("", text)


def _split_glued(text: str, evidence: str, repairs: list[Repair]) -> str:
    evidence_tokens = _TOKEN.findall(evidence)
    counts = Counter(evidence_tokens)
    fixes: dict[str, str] = {}
    for tok in set(evidence_tokens if text == evidence else _TOKEN.findall(text)):  # the text is often its own evidence
        if tok.islower() or counts[tok] > 1 or tok in camel_words():
            continue  # both splits need an upper-case A-Z letter: a lower-case word is never glued by these rules
        split = _case_split(tok, counts) or _lower_split(tok, counts)
        if split:
            fixes[tok] = split
    if not fixes:
        return text
    pattern = re.compile(r"(?<![\w'’@#/.])(" + "|".join(map(re.escape, sorted(fixes, key=len, reverse=True))) + r")(?![\w'’])")

    def sub(m: re.Match[str]) -> str:
        repairs.append(Repair("split_glued_words", m.group(1), fixes[m.group(1)]))
        return fixes[m.group(1)]

    return pattern.sub(sub, text)


def _case_split(tok: str, counts: Counter[str]) -> str | None:
    """"PalestineGaza" -> "Palestine Gaza": case change, both halves attested."""
    m = _CASE_GLUE.match(tok)
    if not m:
        return None
    left, right = m.group(1), m.group(2)
    if left.startswith(_SURNAME_PREFIX) and len(left) <= 4:
        return None
    right_ok = right in function_words() or counts[right] > 0
    left_ok = counts[left] > 0 or len(left) >= 5
    return f"{left} {right}" if right_ok and left_ok else None


def _lower_split(tok: str, counts: Counter[str]) -> str | None:
    """"Khameneireiterated" -> "Khamenei reiterated": a capitalised word of the article + a word of the article."""
    if not _LOWER_GLUED.match(tok):
        return None
    for k in range(len(tok) - 4, 3, -1):
        left, right = tok[:k], tok[k:]
        if counts[left] == 0:
            continue
        if len(right) < 6 or not right.islower():
            continue
        if counts[right] > 0 or _inflection_attested(right, counts):
            return f"{left} {right}"
    return None


def _inflection_attested(word: str, counts: Counter[str]) -> bool:
    """"reiterated" is attested by "reiterates": same stem of 6+ letters, ending differs by at most 3."""
    if len(word) < 6:
        return False
    stem = word[: max(6, len(word) - 3)]
    return any(w.startswith(stem) and abs(len(w) - len(word)) <= 3 and w != word for w in counts)
