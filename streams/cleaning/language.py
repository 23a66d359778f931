"""Language identification with py3langid, made safe on short texts.

py3langid (a maintained fork of langid.py) ships its model inside the wheel and
runs in well under a millisecond per article; nothing is downloaded at run time.
On article-length text its top answer is right (99.8% of 20-word English
snippets), but on a headline or a wire alert of a few words it is not: on the
first 3 words of English stories it answers English 66% of the time and another
language 34%, on 5 words 84% / 16% (``bench/inputs_bench.py``, test half). It
spreads probability over 140 languages, and the winner is often a minor
language close to English (Nigerian Pidgin, Bikol, Latin). A wrong "not English" tag costs the article all its
events (the extract stage codes English only), while a wrong "English" tag only
costs a parse that finds nothing, so a short text is judged on more evidence:

1. Enough text (``LONG_LETTERS`` letters) or a confident model
   (``CONFIDENT``): the model's answer, as before.
2. Otherwise the envelope's ``language`` hint, the publisher's own statement.
3. Otherwise an English marker word (a function word that is English and a
   stop word of no other language spaCy lists; ``language_english_markers.tsv``):
   English.
4. Otherwise the model's answer among the languages with an ISO 639-1 code
   (those news is written in): English if it ranks first, another language only
   when it holds ``SHORT_MIN_SHARE`` of that probability.
5. Otherwise undetermined (``None``): the extract stage tries a short text
   whose language is unknown, so nothing is lost on a guess.

Measured on the same 3 / 5-word English prefixes: English 81% / 93%,
undetermined 18% / 7%, another language 0.5% / 0.3%; non-English dev pages keep
their tag or are undetermined, never English.
"""

from __future__ import annotations

import re
from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from .lexicon import rows

_SAMPLE_CHARS = 1000  # langid is linear in length (~0.3 ms a 1,000 chars); on 391 dev pages and stories 1,000 chars gave the language 2,000 gave on every one
# A first look at the opening 400 characters settles most articles: an answer held with QUICK_CONFIDENT on that much
# text is final, anything less gets the whole sample. On the 4,640 texts of the benchmark corpus (the dev pages, some
# in German, Portuguese, Indonesian or Japanese, the 5W1H articles, the synthetic stories) the model's answer on 400
# characters was its answer on 1,000 for every one, at half the cost.
_QUICK_CHARS = 400
QUICK_CONFIDENT = 0.99
LONG_LETTERS = 100  # about 20 words: above this the model's top answer is trusted
CONFIDENT = 0.9  # model probability trusted at any length (99%+ right on 5-word snippets)
SHORT_MIN_SHARE = 0.5  # share of the ISO 639-1 probability a non-English answer needs on a short text
MIN_LETTERS = 3  # fewer letters carry no evidence at all
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@lru_cache(maxsize=1)
def _iso639_1() -> frozenset[str]:
    return frozenset(code for code in _identifier().nb_classes if len(code) == 2)


@lru_cache(maxsize=1)
def english_markers() -> frozenset[str]:
    return frozenset(row[0] for row in rows("language_english_markers.tsv"))


def detect_language(text: str, hint: str | None = None) -> tuple[str | None, float | None]:
    """ISO 639-1 code (or ``None``: undetermined) and the model's 0..1 probability for it."""
    sample = text[:_SAMPLE_CHARS]
    letters = _letters(sample, LONG_LETTERS)
    if letters < MIN_LETTERS:
        return (hint, None) if hint else (None, None)
    identifier = _identifier()
    if len(sample) > _QUICK_CHARS and _letters(sample[:_QUICK_CHARS], LONG_LETTERS) >= LONG_LETTERS:
        lang, prob = identifier.classify(sample[:_QUICK_CHARS])
        if prob >= QUICK_CONFIDENT:
            return lang, round(float(prob), 4)
    lang, prob = identifier.classify(sample)
    if letters >= LONG_LETTERS or prob >= CONFIDENT:
        return lang, round(float(prob), 4)
    ranked = [(code, p) for code, p in identifier.rank(sample) if code in _iso639_1()]
    total = sum(p for _, p in ranked) or 1.0
    share = {code: p / total for code, p in ranked}
    if hint:
        return hint, round(float(share.get(hint, 0.0)), 4)
    markers = english_markers()
    if any(w.lower() in markers for w in _WORD.findall(sample)):
        return "en", round(float(share.get("en", 0.0)), 4)
    top, top_share = ranked[0][0], ranked[0][1] / total
    if top == "en" or top_share >= SHORT_MIN_SHARE:
        return top, round(float(top_share), 4)
    return None, None


def _letters(text: str, enough: int) -> int:
    """Letters (``str.isalpha``) in ``text``, counted only until ``enough``: past the thresholds the exact number decides nothing."""
    letters = 0
    for start in range(0, len(text), 256):
        letters += sum(map(str.isalpha, text[start : start + 256]))
        if letters >= enough:
            break
    return letters
