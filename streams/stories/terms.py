"""Content-word vectors: the text half of story similarity.

An article becomes a short, L2-normalised vector of weighted word stems, the
representation of the TDT single-pass systems (Allan et al. 1998) and of the
body/title sub-vectors of Miranda et al. (2018):

* tokens are runs of letters (numbers and punctuation carry no topic), lower-cased
  and reduced by Harman's (1991) S-stemmer, which only conflates plural and
  singular (victims / victim) and so never merges two different words the way an
  aggressive stemmer can;
* weight = (1 + ln tf) x idf, with the title's words counted ``TITLE_REPEAT``
  times (the headline states the news peg, the body repeats background);
* idf is not learned from the stream: a stream's own document frequencies are
  poor until it has seen many thousands of articles and make the same article's
  vector change with history (so a replay would not reproduce a record). It is
  derived from a published word-frequency table, ``wordfreq`` (Speer et al.;
  Wikipedia, news, books, web and subtitles; the lists ship inside the PyPI
  package, nothing is downloaded), through a Poisson model of a typical article:
  a word of corpus frequency p appears in an article of ``DOC_WORDS`` words with
  probability df = 1 - exp(-DOC_WORDS * p), and idf = -ln(df). Function words
  then weigh ~0 (no stop list per language is needed), "police" ~3, "tram" ~5,
  a name the table does not know ~12.
* Only the ``TOP_TERMS`` heaviest stems are kept: they carry almost all of the
  cosine and bound the size of every record and of the story state.

The vector is computed where the body is (the extract stage's child process);
only the vector travels to the story aggregator.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from itertools import repeat
from operator import mul

TOP_TERMS = 48
TITLE_REPEAT = 3
DOC_WORDS = 500
MAX_TEXT_CHARS = 20_000  # bounds the cost; the lead of a news article names its happening
UNKNOWN_ZIPF = 1.0  # a word missing from the table is treated as one in ~10^8 words
MIN_IDF = 0.05
WEIGHT_DIGITS = 4
_WORD = re.compile(r"[^\W\d_]{2,}")
_FALLBACK_LANGUAGE = "en"


def s_stem(word: str) -> str:
    """Harman's S-stemmer: -ies -> -y, -es -> -e, -s -> '' (with its exceptions), for words of 4+ letters."""
    if len(word) < 4:
        return word
    if word.endswith("ies") and not word.endswith(("eies", "aies")):
        return word[:-3] + "y"
    if word.endswith("es") and not word.endswith(("aes", "ees", "oes")):
        return word[:-1]
    if word.endswith("s") and not word.endswith(("us", "ss")):
        return word[:-1]
    return word


@lru_cache(maxsize=8)
def _frequencies(language: str) -> dict[str, float]:
    """wordfreq's table for the language (its 'large' list where there is one), else English."""
    import wordfreq

    large = wordfreq.available_languages("large")
    lang = language if language in large or language in wordfreq.available_languages("small") else _FALLBACK_LANGUAGE
    return wordfreq.get_frequency_dict(lang, wordlist="large" if lang in large else "small")


def idf_of_frequency(freq: float) -> float:
    """-ln P(word occurs in a ``DOC_WORDS``-word article) under a Poisson model."""
    p = max(freq, 10.0 ** (UNKNOWN_ZIPF - 9))
    df = -math.expm1(-DOC_WORDS * p)
    return -math.log(df) if df < 1.0 else 0.0


@lru_cache(maxsize=200_000)
def _stem_and_idf(word: str, language: str) -> tuple[str, float]:
    freqs = _frequencies(language)
    stem = s_stem(word)
    freq = max(freqs.get(word, 0.0), freqs.get(stem, 0.0))
    return stem, idf_of_frequency(freq)


def tokens(text: str) -> list[str]:
    return _WORD.findall(text[:MAX_TEXT_CHARS].lower())


@lru_cache(maxsize=4_096)
def stems(text: str) -> frozenset[str]:
    """The distinct stems of a short text (a headline), without weights."""
    return frozenset(s_stem(w) for w in tokens(text))


def term_vector(title: str | None, body: str | None, language: str | None = None, top: int = TOP_TERMS) -> dict[str, float]:
    """The article's ``top`` heaviest stems with L2-normalised weights (rounded, so records are stable)."""
    lang = (language or _FALLBACK_LANGUAGE).lower()
    counts: Counter[str] = Counter()
    idf: dict[str, float] = {}
    for weight, text in ((TITLE_REPEAT, title or ""), (1, body or "")):
        for word in tokens(text):
            stem, value = _stem_and_idf(word, lang)
            counts[stem] += weight
            idf[stem] = min(value, idf.get(stem, value))
    weights = {t: (1.0 + math.log(n)) * idf[t] for t, n in counts.items() if idf[t] >= MIN_IDF}
    best = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    norm = math.sqrt(sum(w * w for _, w in best)) or 1.0
    return {t: round(w / norm, WEIGHT_DIGITS) for t, w in best}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Dot product of two sparse vectors (cosine when both are normalised)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(map(mul, a.values(), map(b.get, a.keys(), repeat(0.0))))
