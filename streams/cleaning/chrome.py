"""Line-level model of site chrome, shared by the HTML and the plain-text paths.

A line is judged by what it says (lexicon of boilerplate phrases, data file
``cleaning_boilerplate.tsv``) and where it sits: a "stop" line such as "Leave a
Reply" ends the article once some article text was seen, a "break" line such
as "Check Also" or "Related stories" starts a block of other stories that the
article may resume after (the plain-text path decides), a "lead" line (byline,
breadcrumb) only counts before the article starts.
Captions and credited sources are recognised here too so that they are moved
out of the body, not lost.

All patterns here and in the lexicon run on RE2 (linear time, see
``lexicon.py``); the whitespace normaliser is ``str.split`` (linear). A line longer than ``MAX_CHROME_LINE`` is
never chrome: share bars, bylines and cookie notices are short, and a long
paragraph that mentions "subscribe" is prose.

Cost: a line is judged once. ``_verdict`` runs one pass of the union of the
drop, stop, break and wall lexicons (most lines, prose, match none of them and
are done), works out which ones matched only when one did, and remembers the
answer for the last few thousand distinct short lines (a site's chrome lines
recur; the text model asks about each segment several times).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import agencies, boilerplate, chrome_union, compile_re2, not_article

MAX_CHROME_LINE = 320
MAX_CAPTION = 400  # chars: a caption is a sentence or two ...
MAX_CREDITED_CAPTION = 1500  # ... or, ending "Credit: <name>", a paragraph describing a diagram or a photo series
_CREDIT_TAIL = 120
_KEY_WORD = re.compile(r"\w+")
# A caption: starts the way photo captions do, or ends with a parenthesised photo
# credit naming an agency or carrying a slash ("(EFE/EPA)", "(Reuters/Name/File photo)").
_CAPTION_START = compile_re2(
    r"^(?:file photo|photo|image|picture|caption|pictured|foto|imagen|bild|a (?:file )?(?:photo|picture|image)\b"
    r"|(?:this|the) (?:photo|picture|image)\b)\s*[:\-–—]?\s",
    capture=False,
)
_CAPTION_CREDIT = compile_re2(r"(?:(?:photo |image |picture )?credit\s*:\s*[^.!?]{1,80}$)|\((?:[^()]{0,80}/[^()]{0,80}|(?:photo|foto|image|bild)s?\s*:[^()]{0,80})\)\s*$", capture=False)
_CREDIT_END = compile_re2(r"(?:photo |image |picture )?credits?\s*:\s*[^.!?:]{1,80}$", capture=False)
_PAREN_CREDIT = compile_re2(r"\(([^()]{2,80})\)\s*$")
_WITH_INFO = compile_re2(
    r"\((?:with|con|com|avec|mit)\s+(?:information|info|reporting|input|reports?|información|informações|informaciones|agencias?)\s+"
    r"(?:from|of|by|de|da|des|von)\s+([^()]{2,80})\)"
)
_NAME = r"\p{Lu}[\pL\pN_.-]*(?: \p{Lu}[\pL\pN_.-]*){0,3}"
_ACCORDING = compile_re2(
    rf"according to (?:the )?(?:[\pL\pN_]+ )?(?:news |press )?agency,? ({_NAME})"
    rf"|according to (?:the )?({_NAME}) (?:news |press )?agency",
    ignore_case=False,
)
_DATELINE_AGENCY = compile_re2(r"^[A-ZÀ-Ý][A-ZÀ-Ý .,'-]{1,40}\s*\(([^()]{2,40})\)\s*[-–—]", ignore_case=False)
_SPLIT_NAMES = compile_re2(r"\s*(?:,|\band\b|\by\b|\be\b|\bet\b|\bund\b|&)\s*")
_CREDIT_SPLIT = compile_re2(r"[/,;]")


def norm(line: str) -> str:
    """Whitespace runs as one space, none at the ends (``str.split`` splits on exactly the characters ``\\s`` matches)."""
    return " ".join(line.split())


def key(text: str) -> str:
    """Lower-case words joined by single spaces: the form in which two texts are compared."""
    return " ".join(_KEY_WORD.findall(text.lower()))


def _short(line: str) -> str | None:
    s = norm(line)
    return s if len(s) <= MAX_CHROME_LINE else None


_DROP, _STOP, _BREAK, _WALL = 1, 2, 4, 8
_VERDICTS_KEPT = 4096  # distinct short lines remembered (each at most MAX_CHROME_LINE chars)


def _flags(line: str) -> int:
    s = _short(line)
    return 0 if s is None else _verdict(s)


@lru_cache(maxsize=_VERDICTS_KEPT)
def _verdict(s: str) -> int:
    """Which lexicons a normalised short line matches (``_DROP | _STOP | _BREAK | _WALL``); 0 for prose."""
    data = s.encode("utf-8")  # once for all the patterns below
    if not chrome_union().fullmatch(data):
        return 0
    bp, lex = boilerplate(), not_article()
    flags = _DROP if bp.drop.fullmatch(data) else 0
    flags |= _STOP if bp.stop.fullmatch(data) else 0
    flags |= _BREAK if bp.brk.fullmatch(data) else 0
    flags |= _WALL if lex.wall.search(data) or lex.button.search(data) or lex.consent.search(data) else 0
    return flags


def is_chrome_line(line: str) -> bool:
    """``is_drop`` or ``is_stop`` or ``is_wall``: chrome by the lexicon, wherever it sits."""
    return _flags(line) != 0


def is_stop(line: str) -> bool:
    """A trailer starts here: an end stop or the heading of a block of other stories."""
    return bool(_flags(line) & (_STOP | _BREAK))


def is_end(line: str) -> bool:
    """A trailer that nothing of the article follows (comment form, author box)."""
    return bool(_flags(line) & _STOP)


def is_break(line: str) -> bool:
    """The heading of a block of other stories ("Related", "Trending"): pages insert these mid-article too."""
    return bool(_flags(line) & _BREAK)


def is_drop(line: str) -> bool:
    return bool(_flags(line) & _DROP)


def is_wall(line: str) -> bool:
    """A subscription / log-in wall or a cookie-consent notice: chrome wherever it sits."""
    return bool(_flags(line) & _WALL)


def is_lead(line: str) -> bool:
    s = _short(line)
    return s is not None and bool(boilerplate().lead.fullmatch(s))


def is_caption(line: str) -> bool:
    """Photo captions: caption openers, or a trailing photo credit naming an agency or a slash list."""
    s = norm(line)
    if len(s) < 15 or len(s) > MAX_CREDITED_CAPTION:
        return False
    if len(s) > MAX_CAPTION:  # a long caption is recognised only by the explicit credit that closes it
        return bool(_CREDIT_END.search(s[-_CREDIT_TAIL:]))
    if _CAPTION_START.match(s):
        return True
    if not s.endswith(")") and not (":" in s and "credit" in s.lower()):
        return False  # both credit patterns end the line with ")" or need "credit" and ":"
    if _CAPTION_CREDIT.search(s):
        return True
    m = _PAREN_CREDIT.search(s)
    if m:
        names = [n.strip() for n in _CREDIT_SPLIT.split(m.group(1))]
        known = agencies()
        return bool(names) and all(n in known for n in names)
    return False


def credited_sources(text: str) -> list[str]:
    """Agencies and outlets the text credits, canonical names, in order of first mention."""
    known = agencies()
    found: list[str] = []

    def add(name: str) -> None:
        name = name.strip(" .,;:")
        canon = known.get(name, name)
        if canon and canon not in found and len(canon) <= 60:
            found.append(canon)

    for m in _WITH_INFO.finditer(text):
        for part in _SPLIT_NAMES.split(m.group(1)):
            if part.strip():
                add(part)
    for m in _ACCORDING.finditer(text):
        name = m.group(1) or m.group(2)
        if name:
            add(name)
    for line in text.split("\n")[:8]:
        m = _DATELINE_AGENCY.match(line.strip())
        if m and m.group(1).strip() in known:
            add(m.group(1))
    return found


def is_credit_line(line: str) -> bool:
    """A line that is only a credit ("(with information from EFE)"): kept out of the body."""
    bare = line.strip()
    if not (bare.startswith("(") and bare.endswith(")")):
        return False  # the pattern is a whole parenthesis: nothing else can match
    s = norm(line)
    m = _WITH_INFO.fullmatch(s)
    return bool(m)
