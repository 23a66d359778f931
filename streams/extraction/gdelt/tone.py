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
``MAX_SENTENCE_CHARS``; ~0.5 ms for a news story of ~10 sentences (see ``_analyzer``).
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


def valence(word: str) -> float:
    """VADER's human-rated valence of a word (-4..+4; 0 for a word outside its lexicon), lower case: the lexicon the
    tone reads, also the coder's evidence that a name given to something is one of disapproval
    (``events.frames.named_as``)."""
    return _analyzer().lexicon.get(word, 0.0)


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    """VADER's analyzer with its main costs cut, scores unchanged (``tests/test_tone_fast.py`` compares it with
    the stock analyzer on texts with and without emoji, negations, idioms and "but"):

    - its emoji pass rebuilds every sentence a character at a time to swap emoji for their descriptions;
      a sentence with no emoji character comes out of it unchanged, so that pass is skipped for it, and
      a word outside the lexicon scores 0 without a call into the valence rules;
    - its negation and idiom checks lower-case the whole sentence's word list for every lexicon word they
      look at (quadratic in the sentence), though they read at most the three words before the word and
      two after it: the idiom check is handed that window, with the index moved to match, and the negation
      check is VADER's rule restated on those three words, with a set lookup for its list of negations.
    """
    from vaderSentiment.vaderSentiment import BOOSTER_DICT, N_SCALAR, NEGATE, SentimentIntensityAnalyzer, SentiText, normalize

    negations = frozenset(NEGATE)

    class _Analyzer(SentimentIntensityAnalyzer):  # type: ignore[misc]
        def polarity_scores(self, text: str) -> dict[str, float]:
            if not self.emojis.keys().isdisjoint(text):
                return super().polarity_scores(text)
            text = text.strip()
            return self.score_valence(self._sentiments(text), text)

        def compound(self, text: str) -> float:
            """``polarity_scores(text)["compound"]`` without the positive, negative and neutral shares the tone does
            not read (VADER's ``score_valence`` up to its compound)."""
            if not self.emojis.keys().isdisjoint(text):
                return super().polarity_scores(text)["compound"]
            text = text.strip()
            sentiments = self._sentiments(text)
            if not sentiments:
                return 0.0
            total = float(sum(sentiments))
            if total:
                emphasis = self._punctuation_emphasis(text)
                total += emphasis if total > 0 else -emphasis
            return round(normalize(total), 4)

        def _sentiments(self, text: str) -> list[float]:
            # VADER's own steps after its emoji pass (vaderSentiment 3.3.2), on the text that pass would return
            sentitext = SentiText(text)
            words = sentitext.words_and_emoticons
            sentiments: list[float] = []
            lexicon = self.lexicon
            for i, item in enumerate(words):
                low = item.lower()
                if low not in lexicon or low in BOOSTER_DICT or (i < len(words) - 1 and low == "kind" and words[i + 1].lower() == "of"):
                    sentiments.append(0)  # what sentiment_valence gives a word outside the lexicon
                    continue
                sentiments = self.sentiment_valence(0, sentitext, item, i, sentiments)
            if not any(sentiments):
                return sentiments  # nothing for "but" to weigh (its check lower-cases every word again)
            return self._but_check(words, sentiments)

        def _negation_check(self, valence: float, words: list[str], start_i: int, i: int) -> float:
            # VADER's rule (vaderSentiment 3.3.2) on the three words before the lexicon word, its ``negated([w])``
            # being "w is a negation word or holds n't"; near the sentence's start, VADER's own code
            if i < 3:
                return SentimentIntensityAnalyzer._negation_check(valence, words, start_i, i)
            w3, w2, w1 = words[i - 3].lower(), words[i - 2].lower(), words[i - 1].lower()
            if start_i == 0:
                if w1 in negations or "n't" in w1:
                    valence = valence * N_SCALAR
            elif start_i == 1:
                if w2 == "never" and (w1 == "so" or w1 == "this"):
                    valence = valence * 1.25
                elif w2 == "without" and w1 == "doubt":
                    pass
                elif w2 in negations or "n't" in w2:
                    valence = valence * N_SCALAR
            elif start_i == 2:
                if w3 == "never" and (w2 == "so" or w2 == "this") or (w1 == "so" or w1 == "this"):
                    valence = valence * 1.25
                elif w3 == "without" and (w2 == "doubt" or w1 == "doubt"):
                    pass
                elif w3 in negations or "n't" in w3:
                    valence = valence * N_SCALAR
            return valence

        def _special_idioms_check(self, valence: float, words: list[str], i: int) -> float:
            if i < 3:
                return SentimentIntensityAnalyzer._special_idioms_check(valence, words, i)
            return SentimentIntensityAnalyzer._special_idioms_check(valence, words[i - 3 : i + 3], 3)

    return _Analyzer()


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
    total = sum(analyzer.compound(s) for s in parts)
    return round(total / len(parts), DIGITS)
