"""The tone's VADER analyzer skips work, never changes a score: it must give the stock analyzer's scores
exactly, on texts with and without emoji, with negations, boosters, idioms, capitals and "but" at any
position (a seeded random mix of such words, plus sentences written by the team)."""

from __future__ import annotations

import random

from vaderSentiment.vaderSentiment import BOOSTER_DICT, NEGATE, SPECIAL_CASES, SentimentIntensityAnalyzer

from streams.extraction.gdelt.tone import _analyzer, sentences, tone

WRITTEN = [
    "The talks were not a success, but the envoys left in a hopeful mood.",
    "Residents said the new bridge is kind of ugly, yet they were very glad it opened.",
    "Officials never so clearly admitted the failure; without doubt it was the worst week.",
    "The mayor called the plan a kiss of death for small shops!!",
    "FANTASTIC result for the team, the coach said, though the fans were not impressed at least at first.",
    "Nobody was hurt 🙂 and the crowd cheered 🎉 when the rescue ended.",
    "  Leading and trailing spaces should not matter to anyone.  ",
    "He didn't think it was bad. She isn't sure it's good?? They aren't happy at all???",
    "",
    "No",
    "no good deed",
]


def _vocabulary() -> list[str]:
    stock = SentimentIntensityAnalyzer()
    rng = random.Random(7)
    lexicon = rng.sample(sorted(stock.lexicon), 300)
    plain = ["the", "minister", "said", "police", "city", "on", "Monday", "and", "or", "nor", "so", "this", "that",
             "never", "without", "doubt", "least", "at", "very", "kind", "of", "but", "BUT", "no", "No", "GREAT",
             "attack", "killed", "peace", "deal", "talks", "!", "?", "...", "n't", "won't", "(good)", "'bad'",
             "Never", "SO", "This", "Without", "DOUBT", "Isn't", "NOT", "hardly", "Nor"]
    idioms = [w for case in SPECIAL_CASES for w in case.split()] + [w for b in BOOSTER_DICT for w in b.split()]
    emoji = ["😀", "😢", "🔥", "👍", "❤"]
    return lexicon + plain * 4 + idioms + list(NEGATE) + emoji


def test_fast_analyzer_scores_like_stock_vader() -> None:
    stock, fast = SentimentIntensityAnalyzer(), _analyzer()
    assert type(fast) is not SentimentIntensityAnalyzer  # the fast path is the one under test
    words = _vocabulary()
    rng = random.Random(11)
    texts = list(WRITTEN)
    for _ in range(6000):
        n = rng.randint(1, 40)
        texts.append(" ".join(rng.choice(words) for _ in range(n)))
    for text in texts:
        expected = stock.polarity_scores(text)
        assert fast.polarity_scores(text) == expected, text
        assert fast.compound(text) == expected["compound"], text  # what the tone reads


def test_tone_uses_the_same_scores_as_stock_vader() -> None:
    stock = SentimentIntensityAnalyzer()
    body = " ".join(WRITTEN)
    parts = sentences(body)
    expected = round(sum(stock.polarity_scores(s)["compound"] for s in parts) / len(parts), 4)
    assert tone(body) == expected
