"""Build ``streams/data/language_english_markers.tsv``: words that mark a text as English.

A marker is an English stop word (spaCy's English list) that is not a stop word
in any other language spaCy ships a list for. One such word in a short text is
evidence of English that language identification on a handful of words does not
have (a headline such as "Talks collapse after the vote" carries one; a Dutch or
Tagalog headline does not). Run after a spaCy upgrade:

    .venv/bin/python tools/build_english_markers.py
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import spacy
import spacy.lang
from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH

OUT = Path(__file__).resolve().parent.parent / "streams" / "data" / "language_english_markers.tsv"


def other_stop_words() -> tuple[set[str], list[str]]:
    words: set[str] = set()
    languages: list[str] = []
    for mod in pkgutil.iter_modules(spacy.lang.__path__):
        if not mod.ispkg or mod.name in ("en", "xx"):
            continue
        try:
            stop = importlib.import_module(f"spacy.lang.{mod.name}.stop_words").STOP_WORDS
        except (ImportError, AttributeError):
            continue
        words |= {w.lower() for w in stop}
        languages.append(mod.name)
    return words, sorted(languages)


def main() -> None:
    others, languages = other_stop_words()
    markers = sorted(w for w in {w.lower() for w in ENGLISH} if w.isalpha() and w not in others)
    header = [
        "# English marker words: spaCy's English stop words that are a stop word in none of the",
        f"# other {len(languages)} languages spaCy {spacy.__version__} ships stop-word lists for (MIT licence).",
        "# Derived by tools/build_english_markers.py; used by streams/cleaning/language.py on short texts.",
        "# Columns: word",
    ]
    OUT.write_text("\n".join(header + markers) + "\n", "utf-8")
    print(f"{len(markers)} markers -> {OUT}")


if __name__ == "__main__":
    main()
