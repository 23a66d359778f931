"""Build ``streams/data/truecase_words.tsv``: English words whose lower-case form is clearly the usual one.

    .venv/bin/python tools/build_truecase_words.py PATH/en_lexeme_prob.json.gz > streams/data/truecase_words.tsv

``PATH/en_lexeme_prob.json.gz`` is the table of the PyPI package ``spacy-lookups-data`` 1.0.5 (MIT; spaCy's
case-sensitive unigram log-probabilities of English; install or unzip it in a scratch place, it is not a project
dependency). A word is kept when it is all letters, at least two of them, its lower-case form is at least
``MIN_LOGPROB`` frequent and more frequent than its capitalised form by ``MIN_MARGIN`` (natural log):
"arrest" (log P -11.3) beats "Arrest" (-14.8), while "Paris", "John" or "Rose" are more often capitalised and stay out.
The run-time truecaser (``streams/extraction/truecase.py``) lower-cases a capitalised word of a Title Case
line only when it is in this table and not part of a known name. Prints the whole file, header included.
"""

from __future__ import annotations

import gzip
import json
import sys

MIN_LOGPROB = -17.0  # the lower-case form must be at least this frequent (about 1 in 24 million words)
MIN_MARGIN = 0.5  # and at least e**0.5 (1.65) times as frequent as the capitalised form

HEADER = f"""\
# Words written in lower case far more often than capitalised: a capitalised one inside a Title Case headline
# ("Police Arrest Five After Clashes") is a common word set in title style, not a name, so the parser is
# given it in lower case (streams/extraction/truecase.py). Derived, not hand-picked: every all-letter word of
# two or more letters in the table en_lexeme_prob.json.gz of the PyPI package spacy-lookups-data 1.0.5 (MIT;
# spaCy's case-sensitive English unigram log-probabilities) whose lower-case form has log P >= {MIN_LOGPROB}
# and exceeds the log P of its capitalised form by >= {MIN_MARGIN} (a form absent from the table counts as -30).
# Regenerate: python tools/build_truecase_words.py PATH/en_lexeme_prob.json.gz > streams/data/truecase_words.tsv
# Columns: word
"""


def build_truecase_words(prob_path: str) -> list[str]:
    """Every word whose lower-case form is clearly the usual one, sorted."""
    probs = json.loads(gzip.open(prob_path).read())
    out = []
    for word, low in probs.items():
        if len(word) < 2 or not word.isalpha() or not word.islower() or not word.isascii() or low < MIN_LOGPROB:
            continue
        title = probs.get(word[:1].upper() + word[1:], -30.0)
        if low - title >= MIN_MARGIN:
            out.append(word)
    return sorted(out)


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    sys.stdout.write(HEADER)
    for word in build_truecase_words(sys.argv[1]):
        print(word)
    return 0


if __name__ == "__main__":
    sys.exit(main())
