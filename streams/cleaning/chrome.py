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
``lexicon.py``); only the whitespace normaliser below stays on Python ``re``
(a single character class, linear). A line longer than ``MAX_CHROME_LINE`` is
never chrome: share bars, bylines and cookie notices are short, and a long
paragraph that mentions "subscribe" is prose.
"""

from __future__ import annotations

import re

from .lexicon import agencies, boilerplate, compile_re2, not_article

MAX_CHROME_LINE = 320
MAX_CAPTION = 400  # chars: a caption is a sentence or two ...
MAX_CREDITED_CAPTION = 1500  # ... or, ending "Credit: <name>", a paragraph describing a diagram or a photo series
_CREDIT_TAIL = 120
_WS = re.compile(r"\s+")
_KEY_WORD = re.compile(r"\w+")
# A caption: starts the way photo captions do, or ends with a parenthesised photo
# credit naming an agency or carrying a slash ("(EFE/EPA)", "(Reuters/Name/File photo)").
_CAPTION_START = compile_re2(
    r"^(?:file photo|photo|image|picture|caption|pictured|foto|imagen|bild|a (?:file )?(?:photo|picture|image)\b"
    r"|(?:this|the) (?:photo|picture|image)\b)\s*[:\-–—]?\s"
)
_CAPTION_CREDIT = compile_re2(r"(?:(?:photo |image |picture )?credit\s*:\s*[^.!?]{1,80}$)|\((?:[^()]{0,80}/[^()]{0,80}|(?:photo|foto|image|bild)s?\s*:[^()]{0,80})\)\s*$")
_CREDIT_END = compile_re2(r"(?:photo |image |picture )?credits?\s*:\s*[^.!?:]{1,80}$")
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
    return _WS.sub(" ", line).strip()


def key(text: str) -> str:
    """Lower-case words joined by single spaces: the form in which two texts are compared."""
    return " ".join(_KEY_WORD.findall(text.lower()))


def _short(line: str) -> str | None:
    s = norm(line)
    return s if len(s) <= MAX_CHROME_LINE else None


def is_stop(line: str) -> bool:
    """A trailer starts here: an end stop or the heading of a block of other stories."""
    s = _short(line)
    return s is not None and bool(boilerplate().stop.fullmatch(s) or boilerplate().brk.fullmatch(s))


def is_end(line: str) -> bool:
    """A trailer that nothing of the article follows (comment form, author box)."""
    s = _short(line)
    return s is not None and bool(boilerplate().stop.fullmatch(s))


def is_break(line: str) -> bool:
    """The heading of a block of other stories ("Related", "Trending"): pages insert these mid-article too."""
    s = _short(line)
    return s is not None and bool(boilerplate().brk.fullmatch(s))


def is_drop(line: str) -> bool:
    s = _short(line)
    return s is not None and bool(boilerplate().drop.fullmatch(s))


def is_wall(line: str) -> bool:
    """A subscription / log-in wall or a cookie-consent notice: chrome wherever it sits."""
    s = _short(line)
    lex = not_article()
    return s is not None and bool(lex.wall.search(s) or lex.button.search(s) or lex.consent.search(s))


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
    s = norm(line)
    m = _WITH_INFO.fullmatch(s)
    return bool(m)
