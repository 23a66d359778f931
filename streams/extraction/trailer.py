"""Where the article proper ends: site chrome that survived cleaning is not a source of facts.

Scraped pages end with "Source link", "About Admin", "Check Also <another
story>", "Leave a Reply", "Related articles"... The cleaner removes most of it;
extraction must not depend on that alone, because a teaser of another story
brings in actors that have nothing to do with this one. So extraction stops at
the first such marker line in the last part of the text. Cutting a prefix keeps
every character offset valid in the body.
"""

from __future__ import annotations

import re

_MARKER = re.compile(
    r"^[ \t]*(?:source link|about (?:the )?(?:admin|author)|check also|read more|read also|also read|related(?: articles| posts| stories| news)?|"
    r"you may also like|more from|recommended(?: for you)?|leave a (?:reply|comment)|share this(?: article)?|comments?|"
    r"most read|trending now|see also)[ \t]*:?[ \t]*$",
    re.I | re.M,
)
_MIN_SHARE = 0.3


def content_end(text: str) -> int:
    """Offset of the first trailer marker line after the first 30% of the text, else ``len(text)``."""
    floor = int(len(text) * _MIN_SHARE)
    for m in _MARKER.finditer(text):
        if m.start() >= floor:
            return m.start()
    return len(text)


_CHROME = re.compile(
    r"\b(?:image (?:copyright|caption)|photo(?:graph)?:|subscribe|subscribing|click to share|share on (?:facebook|twitter|whatsapp)|"
    r"sign up|newsletter|getty images|opens in new window|advertisement|skip ad|embed)\b",
    re.I,
)


def is_chrome(text: str) -> bool:
    """Whether a phrase is site furniture (captions, share buttons, sign-up boxes) rather than article prose."""
    return _CHROME.search(text) is not None
