"""Plain-text path: already-scraped text, where no markup is left to guide extraction."""

from __future__ import annotations

import re

_WS = re.compile(r"[ \t\u00a0]+")


def clean_text(text: str) -> str:
    """Normalise whitespace and keep non-empty lines as paragraphs."""
    text = text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    lines = [_WS.sub(" ", line).strip() for line in text.split("\n")]
    return "\n\n".join(line for line in lines if line)
