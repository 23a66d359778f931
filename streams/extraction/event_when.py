"""When the main event happened: the best-scored date phrase for it, resolved against publication.

After Giveme5W1H's environment extractor (``_evaluate_timex_dates``): candidates
are the DATE/TIME phrases of the event sentence, the title and the rest of the
article (plus times of day the small NER model misses), scored by where they
stand, whether they resolve to a date, how precise they are, how close that
date is to publication (a birth date or an anniversary is background; a date
after publication is an announcement) and how often the same date recurs.

Where the article states no time for its main event, the publication date is
the answer, labelled as such (``source: "published_at"``; see ``find_when``).
A relative or vague phrase the article does state near the event ("last
month", or "on Tuesday" without a publication date) is kept as the answer with
``resolved`` null: nothing is guessed over what the text says.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from spacy.tokens import Span

from .dates import date_phrase, resolve_date
from .doc_index import ents, sources, span_text

_TIME_OF_DAY = re.compile(r"\d\s*(?:[ap]\.?m\b|h\b)|\d[:.]\d\d|\b(?:noon|midnight|morning|afternoon|evening|night)\b", re.I)
_DURATION = re.compile(r"^(?!(?:last|this|next|previous|coming|following)\b)(?:about |around |nearly |almost |more than |less than |over )?(?:a|an|one|two|three|several|few|\d{1,6}|many|the)?\s{0,3}(?:\w{1,30} )?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century)(?: old| long)?$", re.I)
# Every repetition below is bounded (at most two lead words, a few spaces): the work at each start position is
# bounded, so a scan is linear in the text; an unbounded repeated lead ("at at at ...") made it quadratic.
_CLOCK_TIME = re.compile(r"(?:\b(?:at|around|about|shortly after|shortly before|just after|just before)\s{1,3}){0,2}\b\d{1,2}(?:[:.]\d{2})?\s{0,3}(?:[ap]\.m\.|[ap]m\b)(?:\s{1,3}local time)?|\b\d{1,2}:\d{2}\b(?:\s{1,3}local time)?", re.I)
_DIGIT = re.compile(r"\d")  # every match of _CLOCK_TIME has one
_VAGUE_WHEN = re.compile(r"\b(?:last|this|next|earlier|later|past|coming|recent|(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|august|september|october|november|december)\b", re.I)
_ABSOLUTE = re.compile(r"\d{4}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d", re.I)
_AGE = re.compile(r"\d{1,4}-(?:year|month|week|day)|\byears? old\b", re.I)  # bounded digits: no rescan of a digit run
_MAX_EVENT_AGE_DAYS = 30
_NEAR_SENTENCES = 7
_PUBLICATION_SCORE = 0.1 + 0.5 + 0.5  # lowest position prior (``doc_index.sources``) + resolved + on the publication day
_WEEKDAY_ONLY = re.compile(r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day$", re.I)
_TYING_WORDS = {"before", "after", "of", "following", "preceding", "prior"}
PUBLICATION_TEXT = "publication date"  # ``when.text`` of the fallback: says what it is, is no phrase of the article


def find_when(sent: Span, title: list[Span], sents: list[Span], published_at: str | None) -> dict[str, Any] | None:
    """The best-scored time of the main event, ``{"text", "resolved"}`` (plus ``source`` for the fallback), or None.

    Candidates (after Giveme5W1H): date phrases of the article, scored by position (event sentence, title,
    then by order), by whether they resolve, by precision (an absolute date), by closeness to publication (a
    birth date or an anniversary is background; a date after publication is an announcement) and by how many
    sentences repeat the same date. A time of day ("at around 6am", often missed by the small NER model, so
    also found by pattern) counts near the event (event sentence, title, first ``_NEAR_SENTENCES``), as does
    a vague phrase ("last month"), which is only the answer when no date is.

    The publication date takes part as one more candidate, scored like a phrase naming the day of publication
    in the article's last sentence (``_PUBLICATION_SCORE``). A date in the event sentence or the title beats
    it, as does a date high in the article, within a day of publication or repeated in other sentences; a date
    met once, in passing, deep in the body loses to it ("On Sunday, it emerged that another firm..." in
    paragraph twenty is background to the event, not its time). When no date beats it and nothing near the
    event states a time (a time of day, a vague phrase), the answer is ``{"text": "publication date",
    "resolved": <date of published_at>, "source": "published_at"}``.

    Why this is honest rather than a guess: (1) it is labelled: ``text`` is no phrase of the article and
    ``source`` names where the date comes from, so a consumer that wants stated times only drops these;
    (2) it has a basis, the report's own timestamp: a news report that states no time for its event reports
    what happened on the day it is published (the inverted pyramid puts an older event's date up front, and
    Giveme5W1H gives closeness to the publication date its largest weight); (3) it never overrides the text:
    a time of day ("at 00:48") or a vague phrase ("last month", "earlier this year") stated near the event is
    kept with ``resolved`` null, as is a relative phrase that cannot be resolved ("the Sunday before the
    election"). Without a usable ``published_at`` there is no fallback: the best candidate anywhere, or None.
    """
    anchor = resolve_date("today", published_at)
    scored: list[tuple[float, int, str, str | None]] = []  # (score, -rank, text, resolved)
    vague: list[tuple[float, int, str]] = []
    for rank, (span, prior) in enumerate(sources(sent, title, list(zip(sents, range(len(sents)))))):
        near = span is sent or rank <= len(title) + _NEAR_SENTENCES
        phrases = [(date_phrase(e.text), e.label_, _bound_weekday(e)) for e in _date_ents(span)]
        text = span_text(span) if near else ""
        if _DIGIT.search(text):  # a clock time has a digit: the scan of a sentence without one is skipped
            phrases += [(m.group().strip(), "TIME", False) for m in _CLOCK_TIME.finditer(text) if not any(m.group().strip() in p for p, _, _ in phrases)]
        for text, label, bound in phrases:
            resolved = None if bound else resolve_date(text, published_at)
            if resolved is not None:
                score = prior + 0.5 + (0.15 if _ABSOLUTE.search(text) else 0.0)
                if anchor is not None:
                    gap = abs((date.fromisoformat(resolved) - date.fromisoformat(anchor)).days)
                    if gap > _MAX_EVENT_AGE_DAYS:
                        continue
                    score += 0.5 if gap <= 1 else 0.3 if gap <= 3 else 0.1 if gap <= 7 else 0.0
                    if resolved > anchor:
                        score -= 0.3  # announced for later: not what happened
                scored.append((score, -rank, text, resolved))
            elif _TIME_OF_DAY.search(text) and near:
                scored.append((prior + 0.3, -rank, text, None))
            elif label == "DATE" and _VAGUE_WHEN.search(text) and (near or anchor is None):
                vague.append((prior, -rank, text))
    sentences_with: dict[str, set[int]] = {}
    for _, rank, _, resolved in scored:
        if resolved is not None:
            sentences_with.setdefault(resolved, set()).add(rank)

    def total(c: tuple[float, int, str, str | None]) -> float:
        return c[0] + (0.1 * min(len(sentences_with[c[3]]) - 1, 3) if c[3] is not None else 0.0)

    best = max(scored, key=lambda c: (total(c), c[1]), default=None)
    if best is not None and (anchor is None or best[3] is None or total(best) >= _PUBLICATION_SCORE):
        return {"text": best[2], "resolved": best[3]}
    clock = max((c for c in scored if c[3] is None), default=None)  # a time of day stated near the event
    if clock is not None:
        return {"text": clock[2], "resolved": None}
    if vague:
        return {"text": max(vague)[2], "resolved": None}
    if anchor is not None:
        return {"text": PUBLICATION_TEXT, "resolved": anchor, "source": "published_at"}
    return None


def _bound_weekday(ent: Span) -> bool:
    """"the Sunday before the election", "the Friday after Thanksgiving": a weekday fixed by another event,
    not by publication (so it must not resolve to the latest Sunday before ``published_at``)."""
    doc = ent.doc
    for tok in ent:
        if _WEEKDAY_ONLY.match(tok.text) and 0 < tok.i < len(doc) - 1:
            return doc[tok.i - 1].lower_ == "the" and doc[tok.i + 1].lower_ in _TYING_WORDS
    return False


def _date_ents(span: Span) -> list[Span]:
    return [e for e in ents(span) if e.label_ in ("DATE", "TIME") and not _DURATION.match(span_text(e).strip()) and not _AGE.search(span_text(e))]
