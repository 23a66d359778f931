"""Plain-text path: already-scraped text, where no markup is left to guide extraction.

Scraped text is a page's text with the tags stripped: menus, share bars, teasers
and the article run together, often glued with no separator where block
elements met ("HomeAbout Us", "agreed.Weather"). The model, in three steps:

0. Unwrap (done by the cleaner before anything else, :func:`unwrap`): a line
   that breaks off a sentence the next line goes on with is joined to it, so a
   text wrapped at a fixed width is not a paragraph per line.
1. Segment: lines, runs of blank space, and glue points (a lower-case letter or
   sentence punctuation directly followed by an upper-case word) become segment
   boundaries; a boundary inside a word is remembered so the two halves can be
   put back together if both are kept.
2. Score each segment: prose (enough words, mostly not Title Case, not a known
   chrome phrase) scores its word count; menus, widgets and one-word links score
   negatively. The article is the contiguous run with the highest total (a
   maximum-subarray search, as in Finn et al.'s Body Text Extraction), which is
   robust to a few short lines (sub-headings) inside the article. A paragraph
   repeated a few segments later (a gallery's caption and its thumbnail) counts
   once; copies far apart (a summary printed above the article, a second
   rendering) all count, the search picks the article, and each paragraph is
   emitted once.
3. Inside that run, the shared chrome model (``chrome.py``) removes "drop"
   lines, cuts at "stop" lines (comment forms, "Check Also" teasers) and moves
   photo captions out.

Why one module of ~370 lines: segmenting, scoring and choosing the article's span
are the three steps of one model over the same segment records (the glue points
found while segmenting decide how kept halves are re-joined).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .lexicon import open_endings
from .chrome import is_break, is_caption, is_chrome_line, is_credit_line, is_drop, is_end, is_lead, is_stop, is_wall
from .notarticle import classify_text

_HSPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BREAK = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]{2,}")
# glue points: "HomeAbout" (soft: inside a word), "agreed.Weather" / "said”The" (hard). Every glue point is
# followed by one of the characters of the leading lookahead: testing it first lets the engine pass over every
# other position in one step instead of trying each lookbehind there (the same points, ~8 times faster).
_GLUE = re.compile(
    r"(?=[A-ZÀ-Þ“‘(])(?:"
    r"(?<=[a-zà-ÿ]{2})(?=[A-ZÀ-Þ][a-zà-ÿ])"
    r"|(?:(?<=[.!?)\]”])|(?<=[.!?,][\"’]))(?=[A-ZÀ-Þ“‘(][\w“‘])"
    r"|(?<=[0-9])(?=[A-ZÀ-Þ][a-zà-ÿ]{2})"
    r"|(?:(?<=[A-ZÀ-Þ]{3})|(?<=[A-ZÀ-Þ]{3}['’\"]))(?=[A-ZÀ-Þ][a-zà-ÿ]{2})"  # an all-caps promo glued to a sentence: "STARS'The news"
    r")"
)
_WORD = re.compile(r"\w+")
_LAST_WORD = re.compile(r"\w+$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_END = re.compile(r"[.!?。！？…”\"’):]\s*$")
_TRAILING_SYMBOLS = frozenset({"So", "Sk", "Mn", "Cf"})  # emoji, modifiers, variation selectors, joiners
_COUNT_END = re.compile(r"\(\d[\d,.]*\)\s*$")  # "Headline (42)": a comment or view count, not a sentence end
_PUNCT = re.compile(r"[,.;:!?،、，。；！？]")
_SENTENCE_GAP = re.compile(r"[.!?。！？][\"”’)]*\s+[\"“‘(]?[A-ZÀ-Þ0-9]")
_COPY_KEY_CHARS = 20  # a paragraph this long seen twice is a copy, not a coincidence
_COPY_NEAR = 30  # segments: a paragraph repeated this close is a widget's copy (gallery, carousel, image and link)
_REPEAT_NEAR = 3  # a headline repeated within this many segments is a teaser (alt text + link)
_TEASER_HEADLINE_MIN = 5  # words: teaser headlines are sentences without the full stop, sub-headings shorter
_RESUME_WITHIN = 12  # segments after a "break" heading in which the article may resume
_RESUME_PROSE = 2  # consecutive strong paragraphs that show the article goes on
_MIN_BEFORE_STOP = 200  # chars of article that must precede a "stop" line for it to end the article
_SECONDARY_SHARE = 0.5  # a second run half as strong as the best is the rest of a split article; teaser blocks score less
_SECONDARY_MIN = 40.0  # ... and at least this strong in absolute terms
_HEADLINE_MAX_WORDS = 20
_SHORT_TEXT_WORDS = 150  # a text this short with no prose run is kept whole (minus chrome lines)
_WRAP_WIDTH, _WRAP_LONG_SHARE = 100, 0.05  # hard wraps are at 60-80 characters; a wrapped text has almost no longer line
_SNIPPET_WORDS, _SNIPPET_LINES = 80, 6  # a text this small is a snippet: no article model, every line that is not chrome


@dataclass(slots=True)
class Segment:
    text: str
    glued: bool = False  # split from the previous segment inside a word: rejoin without a space
    score: float = 0.0


@dataclass(slots=True)
class TextResult:
    body: str
    title: str | None
    captions: list[str]
    not_article: str | None = None  # the text is an error page or a paywall stub ("error page", ...), else None


def segments(text: str) -> list[Segment]:
    out: list[Segment] = []
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    for line in text.split("\n"):
        for chunk in _BREAK.split(line):
            chunk = _HSPACE.sub(" ", chunk).strip()
            if not chunk:
                continue
            pos = 0
            for m in _GLUE.finditer(chunk):
                piece = chunk[pos : m.start()].strip()
                if piece:
                    out.append(Segment(piece, glued=bool(out) and pos > 0 and _soft(chunk, pos)))
                pos = m.start()
            piece = chunk[pos:].strip()
            if piece:
                out.append(Segment(piece, glued=bool(out) and pos > 0 and _soft(chunk, pos)))
    return out


def unwrap(text: str) -> str:
    """``text`` with each hard wrap undone: a line that runs on into the next one (no blank line between) is
    joined to it with a space. Plain text wrapped at a fixed width ("... officials\nsaid ...") would otherwise
    be a paragraph per line (the text path keeps lines as paragraphs) and lose its first line as a headline, and
    the extract stage ends a sentence at every paragraph break."""
    if "\n" not in text:
        return text
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not _wrapped_at_a_width(lines):
        return text
    out: list[str] = []
    for line in lines:
        if out and _runs_on(out[-1], line):
            out[-1] = out[-1].rstrip() + " " + line.lstrip()
        else:
            out.append(line)
    return "\n".join(out)


def _wrapped_at_a_width(lines: list[str]) -> bool:
    """The text is hard-wrapped: hardly a line is longer than a wrap width (``_WRAP_WIDTH``). A few lines (a
    snippet) are read as wrapped too. Scraped page text, whose lines are block elements (a paragraph a line, often
    hundreds of characters), is not: there a line that starts in lower case is a block of its own ("retrieved
    from ..." under a citation), and joining it would change what the article model reads as prose."""
    lengths = [len(ln.strip()) for ln in lines if ln.strip()]
    if len(lengths) <= _SNIPPET_LINES:
        return True
    return sum(n > _WRAP_WIDTH for n in lengths) <= _WRAP_LONG_SHARE * len(lengths)


def _runs_on(line: str, following: str) -> bool:
    """``line`` breaks off a sentence that ``following`` goes on with: it has no closing stop, and either the next
    line starts with a lower-case letter or this one ends on a comma or on a word no sentence ends on (an
    article, a preposition, a conjunction: ``lexicon.open_endings``)."""
    line, following = line.rstrip(), following.lstrip()
    if not line or not following or _END.search(line) or _BREAK.search(line[-3:]):
        return False
    if following[0].islower():
        return True
    if line.endswith(","):
        return True
    last = _LAST_WORD.search(line[-40:])
    return last is not None and last.group().lower() in open_endings()


def _soft(chunk: str, pos: int) -> bool:
    return chunk[pos - 1].isalpha() and chunk[pos].isalpha()


def _words(s: str) -> float:
    cjk = len(_CJK.findall(s))
    return len(_WORD.findall(s)) + cjk / 1.5 if cjk else float(len(_WORD.findall(s)))


def _ends(s: str) -> bool:
    s = _without_trailing_symbols(s)
    return bool(_END.search(s)) and not _COUNT_END.search(s)


def _without_trailing_symbols(s: str) -> str:
    """``s`` without the emoji and pictographs (and their joiners and variation selectors) that end it.

    Informal prose closes a sentence with an emoji after (or instead of) its
    full stop; the sentence-end test looks at the punctuation before them.
    """
    end = len(s)
    while end and (s[end - 1].isspace() or unicodedata.category(s[end - 1]) in _TRAILING_SYMBOLS):
        end -= 1
    return s[:end] if end < len(s) else s


def _score(s: str) -> float:
    """Prose scores its word count, chrome (menus, widgets, link lists) a negative amount."""
    n = _words(s)
    if is_chrome_line(s):
        return -3.0 - n
    words = s.split()
    titled = sum(1 for w in words if w[:1].isupper()) / len(words) if words else 1.0
    ends = _ends(s)
    if titled < 0.6 and n >= 8 and ends:
        return n if _punctuated(s, n) else -2.0 - 0.4 * n
    if titled < 0.6 and n >= 20:  # long but unfinished: a teaser cut short, or a paragraph split by a glue point
        return 0.3 * n if _punctuated(s, n) else -2.0 - 0.4 * n
    if n >= 5 and ends and titled < 0.6:
        return n * 0.5
    return -2.0 - 0.4 * n


def _punctuated(s: str, n: float) -> bool:
    """Prose has punctuation or mostly lower-case words; a run of link texts or dates ("May 2021 April 2021 ...") has neither."""
    if n < 30 or _CJK.search(s) is not None or len(_PUNCT.findall(s)) >= n / 30:
        return True
    words = s.split()
    return sum(1 for w in words if w[:1].islower()) >= 0.5 * len(words)


def _headline_like(seg: Segment) -> bool:
    """A teaser's headline: a title-length line (longer than most sub-headings), no sentence end."""
    n = len(seg.text.split())
    return seg.score < 0 and _TEASER_HEADLINE_MIN <= n <= 25 and not _ends(seg.text)


def _one_sentence(s: str) -> bool:
    return len(_SENTENCE_GAP.findall(s)) == 0 and len(s.split()) <= 45


def _demote_teasers(segs: list[Segment], keys: list[str]) -> None:
    """Context rules that need the neighbours: teaser blocks of other stories.

    * A headline-length line repeated within a few lines is a teaser's link
      (image alt text and link text of the same story): chrome. Copies far
      apart are left alone: sub-headings of a recipe or a table repeat too.
    * A single-sentence paragraph between two headline-like lines (drop lines
      such as "2H ago" in between ignored) is a teaser's summary: chrome. An
      article's own sub-headings are followed by several paragraphs.
    """
    last: dict[str, int] = {}
    for i, (seg, k) in enumerate(zip(segs, keys)):
        if not k or not 3 <= len(k.split()) <= 25:
            continue
        j = last.get(k)
        if j is not None and i - j <= _REPEAT_NEAR:
            for x in (segs[j], seg):
                x.score = min(x.score, -2.0 - 0.4 * len(k.split()))
        last[k] = i
    real = [i for i, seg in enumerate(segs) if not is_drop(seg.text)]
    flips = []
    for j in range(1, len(real) - 1):
        seg = segs[real[j]]
        if seg.score > 0 and _one_sentence(seg.text) and _headline_like(segs[real[j - 1]]) and _headline_like(segs[real[j + 1]]):
            flips.append(seg)
    for seg in flips:
        seg.score = -0.5 * seg.score


def _demote_copies(segs: list[Segment], keys: list[str]) -> set[int]:
    """Indexes of the copies of repeated paragraphs that stop counting as prose (their score set to 0).

    A paragraph printed again a few segments later is a widget's copy (a
    gallery's caption and its thumbnail, an image's alt text and its link):
    the later copy scores 0, so the repetition cannot make a widget outweigh
    the article. A copy far away is another rendering of the article or a
    summary of it printed above: both keep their score, the run search decides
    which one is the article, and ``_extract_text`` emits each paragraph once.
    Which copy comes first says nothing about which one is the article.
    """
    where: dict[str, list[int]] = {}
    for i, k in enumerate(keys):
        if len(k) >= _COPY_KEY_CHARS:
            where.setdefault(k, []).append(i)
    demoted: set[int] = set()
    for places in where.values():
        for prev, i in zip(places, places[1:]):
            if i - prev <= _COPY_NEAR and segs[i].score > 0:
                segs[i].score = 0.0
                demoted.add(i)
    return demoted


def _runs(segs: list[Segment]) -> list[tuple[float, int, int]]:
    """Positive-sum runs (total, start, end): each is the best run ending before the sum drops to zero."""
    runs: list[tuple[float, int, int]] = []
    best, best_end = 0.0, 0
    cur, start = 0.0, 0
    for i, seg in enumerate(segs):
        if cur <= 0:
            if best > 0:
                runs.append((best, start, best_end))
            cur, start, best = 0.0, i, 0.0
        cur += seg.score
        if cur > best:
            best, best_end = cur, i + 1
    if best > 0:
        runs.append((best, start, best_end))
    return runs


def _article_span(segs: list[Segment]) -> list[int]:
    """Indexes of the kept segments: the best run, plus runs nearly as strong (articles split by a teaser block)."""
    runs = _runs(segs)
    if not runs:
        return []
    top = max(r[0] for r in runs)
    keep = [r for r in runs if r[0] >= max(_SECONDARY_MIN, _SECONDARY_SHARE * top) or r[0] == top]
    return [i for _, a, b in keep for i in range(a, b)]


def extract_text(text: str, title: str | None = None) -> TextResult:
    """Article body, headline (when the text starts with one), captions, and whether it is an article at all.

    A short text in which the article model finds no run of prose (a wire
    alert, an RSS description, a headline without a full stop) is kept whole,
    minus lines that are chrome by the lexicon: it is the article.
    """
    lines = [x for x in (_HSPACE.sub(" ", ln).strip() for ln in text.replace("\r", "\n").replace("\x00", "").split("\n")) if x]
    n_words = _count_words(lines) if len(lines) <= _SNIPPET_LINES else None  # counted when it decides something
    result = _snippet(lines, title) if n_words is not None and n_words <= _SNIPPET_WORDS else None
    if result is None:
        result = _extract_text(text, title)
    if not _WORD.search(result.body) and (n_words if n_words is not None else _count_words(lines)) <= _SHORT_TEXT_WORDS:
        kept = [x for x in lines if not is_chrome_line(x)]
        if any(_WORD.search(x) for x in kept):
            result = TextResult("\n\n".join(kept), title, [])
    result.not_article = classify_text(text, result.body)
    return result


def _count_words(lines: list[str]) -> int:
    return sum(len(_WORD.findall(x)) for x in lines)


def _snippet(lines: list[str], title: str | None) -> TextResult | None:
    """A wire alert, an RSS description, a headline and a sentence: every line that is not chrome is the article.

    A first line shaped like a headline, followed by more text, is the title.
    """
    kept = [x for x in lines if not is_chrome_line(x)]
    if not any(_WORD.search(x) for x in kept):
        return None
    if title is None and len(kept) > 1 and _is_headline(kept[0]):
        title, kept = kept[0], kept[1:]
    return TextResult("\n\n".join(kept), title, [])


def _extract_text(text: str, title: str | None) -> TextResult:
    segs = segments(text)
    if not segs:
        return TextResult("", title, [])
    keys: list[str] = []
    for seg in segs:
        seg.score = _score(seg.text)
        keys.append(" ".join(_WORD.findall(seg.text.lower())))
    copies = _demote_copies(segs, keys)
    _demote_teasers(segs, keys)
    span = _article_span(segs)
    if not span:
        return TextResult("", title, [])
    while span[0] - 1 in copies:  # a demoted copy just before the article is its own first paragraph
        span.insert(0, span[0] - 1)
    start = span[0]
    # a short headline-like first segment just before the run is the title
    found_title = title
    if start > 0 and not found_title:
        cand = segs[start - 1].text
        if _is_headline(cand) and not is_drop(cand) and not segs[start].glued:
            found_title = cand
    lines: list[str] = []
    captions: list[str] = []
    seen = 0
    skip_to = -1
    joinable = False  # the previous segment was kept: a glued piece may be put back onto it
    emitted: set[str] = set()  # keys of the kept paragraphs: a second copy (AMP/JSON copy, repeated block) is left out
    for pos, idx in enumerate(span):
        seg = segs[idx]
        s = seg.text
        glue, joinable = seg.glued and joinable and idx > 0 and span[pos - 1] == idx - 1, False
        if pos < skip_to:
            continue
        if len(keys[idx]) >= _COPY_KEY_CHARS:
            if keys[idx] in emitted:
                continue
            emitted.add(keys[idx])
        if seen >= _MIN_BEFORE_STOP and is_stop(s):
            resume = _resume(segs, span, pos) if is_break(s) else None
            if resume is None:
                break
            skip_to = resume
            continue
        if is_drop(s) or is_wall(s) or is_credit_line(s) or (seen == 0 and is_lead(s)):
            continue
        if is_caption(s):
            captions.append(s)
            continue
        if seen == 0 and not lines and found_title is None and _is_headline(s) and not _continued(segs, idx):
            found_title = s
            continue
        if seen == 0 and found_title and s == found_title:
            continue
        joinable = True
        if glue and lines:
            lines[-1] += s
            if is_caption(lines[-1]):
                captions.append(lines.pop())
        else:
            lines.append(s)
        seen += len(s)
    return TextResult("\n\n".join(lines), found_title, captions)


def _resume(segs: list[Segment], span: list[int], pos: int) -> int | None:
    """Position in ``span`` where the article goes on after a block of other stories, or None if it ended.

    The article resumes at the first of ``_RESUME_PROSE`` consecutive strong
    paragraphs (a teaser block alternates headlines and one-line summaries)
    within ``_RESUME_WITHIN`` segments; an end stop (comment form) first means it ended.
    """
    for p in range(pos + 1, min(len(span), pos + 1 + _RESUME_WITHIN)):
        if is_end(segs[span[p]].text):
            return None
        window = [segs[span[q]] for q in range(p, min(len(span), p + _RESUME_PROSE))]
        if len(window) == _RESUME_PROSE and all(_strong(w) for w in window):
            return p
    return None


def _strong(seg: Segment) -> bool:
    return seg.score >= 10 and _ends(seg.text) and not is_stop(seg.text)


def _continued(segs: list[Segment], idx: int) -> bool:
    """The next segment is the rest of a word split at a glue point: this one is not a whole line."""
    return idx + 1 < len(segs) and segs[idx + 1].glued


def _is_headline(s: str) -> bool:
    """Headline-shaped: 3 to ``_HEADLINE_MAX_WORDS`` words, no sentence end (news headlines run 6-14 words)."""
    return 3 <= len(s.split()) <= _HEADLINE_MAX_WORDS and not _END.search(_without_trailing_symbols(s))


def clean_text(text: str) -> str:
    """Body only (kept for callers of the baseline API)."""
    return extract_text(text).body
