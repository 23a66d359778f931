"""A paragraph break ends a sentence: a spaCy component run before the parser.

The cleaner hands the extract stage a body of paragraphs separated by a blank line
(``"\\n\\n"``). spaCy's parser splits sentences by its own reading and, on news text,
reads a paragraph that has no closing stop (a subhead, a dateline, a list item, a
product name over its review, a caption) as the start of the next paragraph's first
sentence: about 7% of the sentences of the benchmark corpus span a blank line. The
merged sentence then has the wrong subject ("Budget talks <break> The minister said"
makes "talks" a word of the minister's sentence), and a discard phrase of one
paragraph drops the other with it.

The parser respects sentence starts set before it runs (spaCy's documented way of
custom sentence segmentation), so this component marks the first word after a blank
line as a sentence start and the parser builds each paragraph's trees on their own.
It runs only where the text has a blank line, and touches only the tokens after one.
A single line break is not a paragraph break: a hard-wrapped text keeps its sentences
(the cleaner joins wrapped lines, ``cleaning.text``).
"""

from __future__ import annotations

import re

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .doc_index import doc_text

FACTORY = "newsevents_paragraph_breaks"
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")  # linear: each run of white space is read once


def mark_paragraph_starts(doc: Doc) -> Doc:
    """Sets ``is_sent_start`` on the first word after every blank line of ``doc``; returns ``doc``.

    The text is the one the parser was handed (``doc_index.doc_text``: kept on the doc before the pipeline runs,
    not re-joined from its tokens), and the starts are written in one array write: ``Token.is_sent_start``'s setter
    scans the whole doc on each call, once per paragraph."""
    text = doc_text(doc)
    if "\n" not in text:
        return doc
    starts = []
    for m in _BLANK_LINE.finditer(text):
        if m.end() < len(text) and m.start() > 0:
            span = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
            if span is not None and len(span) and span.start > 0:
                starts.append(span.start)
    if starts:
        flags = doc.to_array([SENT_START])
        flags[starts] = 1
        doc.from_array([SENT_START], flags)
    return doc


@Language.factory(FACTORY)
def _make_paragraph_breaks(nlp: Language, name: str) -> "ParagraphBreaks":
    return ParagraphBreaks()


class ParagraphBreaks:
    """The component: :func:`mark_paragraph_starts` on each doc."""

    def __call__(self, doc: Doc) -> Doc:
        return mark_paragraph_starts(doc)
