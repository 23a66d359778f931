"""Plain records passed between the stages, one class per topic's record type.

They are dataclasses, not Faust records: the core must not know about Faust,
and the wire format is the record model in ``streams/models`` (``to_dict``
produces exactly that shape; the encode point validates it; ``schemas/`` is
generated from the models). Bump the matching ``*_SCHEMA_VERSION`` when a change
is not backward compatible: the models' ``schema_version`` constants read it here.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

RAW_SCHEMA_VERSION = "1.0"
CLEAN_SCHEMA_VERSION = "1.1"  # 1.1: optional ``warnings``
ENRICHED_SCHEMA_VERSION = "1.1"  # 1.1: optional ``event_ids`` and ``coder_version``
EVENT_SCHEMA_VERSION = "1.1"  # 1.1: optional ``date.anchor`` and the GDELT fields ``goldstein``, ``tone``, ``geo``
DEAD_LETTER_SCHEMA_VERSION = "1.1"

SCHEMA_VERSIONS = {
    "raw_article": RAW_SCHEMA_VERSION,
    "clean_article": CLEAN_SCHEMA_VERSION,
    "enriched_article": ENRICHED_SCHEMA_VERSION,
    "event": EVENT_SCHEMA_VERSION,
    "dead_letter": DEAD_LETTER_SCHEMA_VERSION,
    # The story stage's records: versions live with the core that builds them (streams/stories).
    "story": "1.0",
    "merged_event": "1.0",
    "story_input": "1.0",
    "event_mention": "1.0",
}


@dataclass(slots=True)
class RawArticle:
    """An input article after envelope decoding: exactly one of ``html`` / ``text`` is set."""

    id: str
    url: str | None = None
    source: str | None = None
    published_at: str | None = None
    fetched_at: str | None = None
    language: str | None = None
    title: str | None = None
    html: str | None = None
    text: str | None = None
    id_generated: bool = False
    warnings: list[str] = field(default_factory=list)  # envelope metadata dropped as unreadable; carried to the clean record

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["schema_version"] = RAW_SCHEMA_VERSION
        return {k: v for k, v in d.items() if v is not None and v != []}


@dataclass(slots=True)
class Repair:
    """One change the cleaner made to the text, so every edit is auditable."""

    kind: str
    before: str
    after: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class CleanArticle:
    article_id: str
    body: str
    content_hash: str
    cleaner_version: str
    input_format: str  # "html" | "text"
    url: str | None = None
    source: str | None = None
    title: str | None = None
    author: str | None = None
    captions: list[str] = field(default_factory=list)
    credited_sources: list[str] = field(default_factory=list)
    language: str | None = None
    language_confidence: float | None = None
    published_at: str | None = None
    word_count: int = 0
    near_duplicate_of: str | None = None
    repairs: list[Repair] = field(default_factory=list)
    # What the cleaner could not use or had to fall back on (an unreadable envelope
    # date, no article located so the whole text was kept), for consumers to filter on.
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": CLEAN_SCHEMA_VERSION,
            "article_id": self.article_id,
            "url": self.url,
            "source": self.source,
            "title": self.title,
            "author": self.author,
            "body": self.body,
            "captions": list(self.captions),
            "credited_sources": list(self.credited_sources),
            "language": self.language,
            "language_confidence": self.language_confidence,
            "published_at": self.published_at,
            "word_count": self.word_count,
            "content_hash": self.content_hash,
            "near_duplicate_of": self.near_duplicate_of,
            "repairs": [r.to_dict() for r in self.repairs],
            "warnings": list(self.warnings),
            "input_format": self.input_format,
            "cleaner_version": self.cleaner_version,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "CleanArticle":
        return cls(
            article_id=d["article_id"],
            body=d["body"],
            content_hash=d["content_hash"],
            cleaner_version=d["cleaner_version"],
            input_format=d.get("input_format", "text"),
            url=d.get("url"),
            source=d.get("source"),
            title=d.get("title"),
            author=d.get("author"),
            captions=list(d.get("captions") or []),
            credited_sources=list(d.get("credited_sources") or []),
            language=d.get("language"),
            language_confidence=d.get("language_confidence"),
            published_at=d.get("published_at"),
            word_count=int(d.get("word_count") or 0),
            near_duplicate_of=d.get("near_duplicate_of"),
            repairs=[Repair(**r) for r in d.get("repairs") or []],
            warnings=list(d.get("warnings") or []),
        )


@dataclass(slots=True)
class Extraction:
    """What the extract stage makes of one clean article: the enriched record and its events.

    Both are already in wire shape (dicts matching ``enriched-article`` and
    ``event`` schemas) because the extraction modules build them field by field.
    """

    enriched: dict[str, Any]
    events: list[dict[str, Any]]
    statements: int = 0  # CAMEO 01 statements coded but not published (NEWSEVENTS_EMIT_STATEMENTS=false); a metric
    withheld: int = 0  # events coded below NEWSEVENTS_MIN_EVENT_CONFIDENCE, not published; a metric
