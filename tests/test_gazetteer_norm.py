"""``gazetteer.norm`` skips Unicode decomposition for ASCII text; it must give the key the full recipe gives
(quotes and dashes unified, accents dropped, spaces collapsed, case folded, a leading "the" cut) on any text."""

from __future__ import annotations

import random
import re
import unicodedata

from streams.extraction.gazetteer import norm

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-"})


def _reference(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"\s+", " ", text).strip().lower()
    return text[4:] if text.startswith("the ") else text


def test_norm_gives_the_full_recipe_key() -> None:
    rng = random.Random(9)
    alphabet = list("abcXYZ  \t\n-'.`") + ["’", "‘", "–", "—", "é", "ã", "ø", "ß", "ﬁ", "Å", "\u0301", "İ", "№", "½", "\u00a0"]
    texts = ["São  Paulo", "The Hague", "the ", "ﬁnance", "Al-Qa’ida", "THE  Times", "\u00a0the x", "Ærø", ""]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(5000)]
    for text in texts:
        assert norm(text) == _reference(text), repr(text)
