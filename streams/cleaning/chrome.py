"""Line-level model of site chrome, shared by the HTML and the plain-text paths.

A line is judged by what it says (lexicon of boilerplate phrases, data file
``cleaning_boilerplate.tsv``) and where it sits: a "stop" line such as "Leave a
Reply" ends the article once some article text was seen, a "break" line such
as "Check Also" or "Related stories" starts a block of other stories that the
article may resume after (the plain-text path decides), a "lead" line (byline,
breadcrumb) only counts before the article starts.
Captions and credited sources are recognised here too so that they are moved
out of the body, not lost.
"""

from __future__ import annotations

import re

from .lexicon import agencies, boilerplate

_WS = re.compile(r"\s+")
# A caption: starts the way photo captions do, or ends with a parenthesised photo
# credit naming an agency or carrying a slash ("(EFE/EPA)", "(Reuters/Name/File photo)").
_CAPTION_START = re.compile(
    r"^(?:file photo|photo|image|picture|caption|pictured|foto|imagen|a (?:file )?(?:photo|picture|image)\b"
    r"|(?:this|the) (?:photo|picture|image)\b)\s*[:\-–—]?\s",
    re.I,
)
_CAPTION_CREDIT = re.compile(r"(?:(?:photo |image |picture )?credit\s*:\s*[^.!?]{1,80}$)|\((?:[^()]{0,80}/[^()]{0,80}|(?:photo|foto|image)s?\s*:[^()]{0,80})\)\s*$", re.I)
_PAREN_CREDIT = re.compile(r"\(([^()]{2,80})\)\s*$")
_WITH_INFO = re.compile(
    r"\((?:with|con|com|avec|mit)\s+(?:information|info|reporting|input|reports?|información|informações|informaciones|agencias?)\s+"
    r"(?:from|of|by|de|da|des|von)\s+([^()]{2,80})\)",
    re.I,
)
_ACCORDING = re.compile(
    r"according to (?:the )?(?:\w+ )?(?:news |press )?agency,? ([A-Z][\w.-]*(?: [A-Z][\w.-]*){0,3})"
    r"|according to (?:the )?([A-Z][\w.-]*(?: [A-Z][\w.-]*){0,3}) (?:news |press )?agency",
)
_DATELINE_AGENCY = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý .,'-]{1,40}\s*\(([^()]{2,40})\)\s*[-–—]")
_SPLIT_NAMES = re.compile(r"\s*(?:,|\band\b|\by\b|\be\b|\bet\b|\bund\b|&)\s*")


def norm(line: str) -> str:
    return _WS.sub(" ", line).strip()


def is_stop(line: str) -> bool:
    """A trailer starts here: an end stop or the heading of a block of other stories."""
    s = norm(line)
    return bool(boilerplate().stop.match(s) or boilerplate().brk.match(s))


def is_end(line: str) -> bool:
    """A trailer that nothing of the article follows (comment form, author box)."""
    return bool(boilerplate().stop.match(norm(line)))


def is_break(line: str) -> bool:
    """The heading of a block of other stories ("Related", "Trending"): pages insert these mid-article too."""
    return bool(boilerplate().brk.match(norm(line)))


def is_drop(line: str) -> bool:
    return bool(boilerplate().drop.match(norm(line)))


def is_lead(line: str) -> bool:
    return bool(boilerplate().lead.match(norm(line)))


def is_caption(line: str) -> bool:
    """Photo captions: caption openers, or a trailing photo credit naming an agency or a slash list."""
    s = norm(line)
    if len(s) > 400 or len(s) < 15:
        return False
    if _CAPTION_START.match(s):
        return True
    if _CAPTION_CREDIT.search(s):
        return True
    m = _PAREN_CREDIT.search(s)
    if m:
        names = [n.strip() for n in re.split(r"[/,;]", m.group(1))]
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
