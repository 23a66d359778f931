"""Article tone in [-1, 1]: the mean VADER compound score of its sentences.

Why VADER (Hutto & Gilbert 2014, ``vaderSentiment`` on PyPI, MIT): its lexicon
of ~7,500 entries was rated by human judges on a -4..+4 valence scale and ships
inside the package (``vader_lexicon.txt``; nothing is downloaded, unlike NLTK's
copy, which needs ``nltk.download`` at run time); it handles negation ("not
good"), boosters ("very"), contrast ("but") and capitalised emphasis, which a
bag of words such as AFINN (integer valences, no rules, last release 2016) does
not; and its compound score is already normalised to [-1, 1].

Why the mean over sentences: VADER's compound is built for a sentence; over a
whole article the summed valence saturates (nearly every long report of a crash
scores -0.99, every sports report +0.99). Averaging sentence scores, neutral
ones included, gives a length-independent figure in the spirit of GDELT's tone
(share of positive minus share of negative words). Bounded cost: the first
``MAX_SENTENCES`` sentences (the lead carries the report's tone), each cut at
``MAX_SENTENCE_CHARS``; ~2 ms an article.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

MAX_SENTENCES = 40
MAX_SENTENCE_CHARS = 1_000
MAX_TEXT_CHARS = 40_000  # 40 sentences never need more; a huge body is not split whole
DIGITS = 4
# A sentence ends at . ! ? (plus closing quotes or brackets) before white space, or at a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)\]]*\s+|\n+")


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def sentences(text: str, limit: int = MAX_SENTENCES) -> list[str]:
    out: list[str] = []
    for part in _SENTENCE_END.split(text[:MAX_TEXT_CHARS]):
        part = part.strip()
        if part:
            out.append(part[:MAX_SENTENCE_CHARS])
            if len(out) >= limit:
                break
    return out


def tone(text: str | None) -> float | None:
    """Mean VADER compound of the text's sentences, rounded; None when there is no sentence."""
    if not text:
        return None
    parts = sentences(text)
    if not parts:
        return None
    analyzer = _analyzer()
    total = sum(analyzer.polarity_scores(s)["compound"] for s in parts)
    return round(total / len(parts), DIGITS)
