"""When the main event happened: the best-scored date phrase near it, resolved against publication.

After Giveme5W1H's environment extractor: candidates are the DATE/TIME phrases
of the event sentence, the title and the rest of the article (plus times of day
the small NER model misses), scored by where they stand, whether they resolve
to a date, how close that date is to publication (a birth date or an
anniversary is background; a date after publication is an announcement) and
how often the same date recurs. Nothing is guessed: no phrase, no date.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from spacy.tokens import Span

from .dates import date_phrase, resolve_date
from .doc_index import ents, sources

_TIME_OF_DAY = re.compile(r"\d\s*(?:[ap]\.?m\b|h\b)|\d[:.]\d\d|\b(?:noon|midnight|morning|afternoon|evening|night)\b", re.I)
_DURATION = re.compile(r"^(?:about |around |nearly |almost |more than |less than |over )?(?:a|an|one|two|three|several|few|\d+|many|the)?\s*(?:\w+ )?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century)(?: old| long)?$", re.I)
_CLOCK_TIME = re.compile(r"(?:\b(?:at|around|about|shortly after|shortly before|just after|just before)\s+)*\b\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.m\.|[ap]m\b)(?:\s+local time)?|\b\d{1,2}:\d{2}\b(?:\s+local time)?", re.I)
_VAGUE_WHEN = re.compile(r"\b(?:last|this|next|earlier|later|past|coming|recent|(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|august|september|october|november|december)\b", re.I)
_ABSOLUTE = re.compile(r"\d{4}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d", re.I)
_AGE = re.compile(r"\d+-(?:year|month|week|day)|\byears? old\b", re.I)
_MAX_EVENT_AGE_DAYS = 30
_NEAR_SENTENCES = 7


def find_when(sent: Span, title: list[Span], sents: list[Span], published_at: str | None) -> dict[str, Any] | None:
    """The best-scored date phrase (after Giveme5W1H): near the event sentence, resolvable, absolute, close to
    publication (a birth date or an anniversary is background), repeated. A time of day ("at around 6am", often
    missed by the small NER model, so also found by pattern) counts near the event; a vague phrase ("last month")
    only when nothing else is there."""
    anchor = resolve_date("today", published_at)
    scored: list[tuple[float, str, str | None]] = []
    vague: list[tuple[float, str]] = []
    for rank, (span, prior) in enumerate(sources(sent, title, list(zip(sents, range(len(sents)))))):
        near = span is sent or rank <= len(title) + _NEAR_SENTENCES
        phrases = [(date_phrase(e.text), e.label_) for e in _date_ents(span)]
        if near:
            phrases += [(m.group().strip(), "TIME") for m in _CLOCK_TIME.finditer(span.text) if not any(m.group().strip() in p for p, _ in phrases)]
        for text, label in phrases:
            resolved = resolve_date(text, published_at)
            if resolved is not None:
                score = prior + 0.5 + (0.15 if _ABSOLUTE.search(text) else 0.0)
                if anchor is not None:
                    gap = abs((date.fromisoformat(resolved) - date.fromisoformat(anchor)).days)
                    if gap > _MAX_EVENT_AGE_DAYS:
                        continue
                    score += 0.5 if gap <= 1 else 0.3 if gap <= 3 else 0.1 if gap <= 7 else 0.0
                    if resolved > anchor:
                        score -= 0.3  # announced for later: not what happened
                scored.append((score, text, resolved))
            elif _TIME_OF_DAY.search(text) and near:
                scored.append((prior + 0.3, text, None))
            elif label == "DATE" and _VAGUE_WHEN.search(text):
                vague.append((prior, text))
    if not scored and vague:
        return {"text": max(vague)[1], "resolved": None}
    if not scored:
        return None
    counts: dict[str, int] = {}
    for _, _, resolved in scored:
        if resolved is not None:
            counts[resolved] = counts.get(resolved, 0) + 1
    best = max(scored, key=lambda c: c[0] + (0.1 * min(counts.get(c[2], 1) - 1, 3) if c[2] else 0.0))
    return {"text": best[1], "resolved": best[2]}


def _date_ents(span: Span) -> list[Span]:
    return [e for e in ents(span) if e.label_ in ("DATE", "TIME") and not _DURATION.match(e.text.strip()) and not _AGE.search(e.text)]
