"""The article records: the raw envelope (input), the clean article and the enriched article.

The entity and main-event shapes of the enriched record live in ``entities.py``.
"""

from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, model_validator

from .base import Closed, DateTime, NonEmpty, Probability, Record, Sha256Hex, Tone, absent, additions, version_of
from .entities import Entity, MainEvent

_DATE_DOC = ("ISO 8601 (2024-03-26T10:00:00Z, 2024-03-26) or RFC 2822/5322 (Tue, 26 Mar 2024 10:00:00 GMT); a time "
             "without zone is UTC. A value in neither form is dropped with a warning on the clean record, not refused.")


def _has_content(value: Any) -> bool:
    return isinstance(value, str) and len(value) > 0


class RawArticle(Record):
    """Input on articles.raw. Raw bytes that are plain text or HTML are also accepted and sniffed (byte-order mark, declared charset, detection); this is the JSON envelope form. Unknown fields are ignored. An envelope needs html, text or (for a headline-only item) title."""

    model_config = ConfigDict(title="Raw article envelope (articles.raw)", json_schema_extra={"anyOf": [
        {"required": [name], "properties": {name: {"type": "string", "minLength": 1}}} for name in ("html", "text", "title")
    ]})

    schema_version: str = absent(description="Optional on input; '1.0'.")
    id: str = absent(min_length=1, max_length=512,
                     description="Article id; when missing a deterministic id is derived from url, else content.")
    url: str | None = None
    source: str | None = None
    published_at: str | None = Field(default=None, description=_DATE_DOC)
    fetched_at: str | None = Field(default=None, description=_DATE_DOC)
    language: Annotated[str, Field(pattern=r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$")] | None = Field(
        default=None, description="BCP 47 / ISO 639 tag (en, en-GB, deu); a hint for language identification on short "
                                  "texts. A value that is not a tag is dropped with a warning.")
    title: str | None = Field(default=None, description="Headline. With no html and no text, the headline is the article's text.")
    html: str | None = Field(default=None, description="The page. A leading XML declaration is dropped once decoded.")
    text: str | None = None

    @model_validator(mode="after")
    def _some_content(self) -> "RawArticle":
        if not (_has_content(self.html) or _has_content(self.text) or _has_content(self.title)):
            raise ValueError("an envelope needs a non-empty html, text or title")
        return self


class Repair(Closed):
    kind: str
    before: str
    after: str


class CleanArticle(Record):
    """The article a reader would see, with what the cleaner did to get there. Key: article_id."""

    model_config = ConfigDict(title="Clean article (articles.clean)")

    schema_version: version_of("clean_article", additions(  # type: ignore[valid-type]
        "1.1: optional 'warnings'; optional 'body_truncated', 'body_full_chars', 'fields_truncated'"))
    article_id: NonEmpty
    url: str | None
    source: str | None
    title: str | None
    author: str | None = None
    body: NonEmpty = Field(description="Paragraphs separated by blank lines.")
    captions: list[str]
    credited_sources: list[str]
    language: Annotated[str, Field(pattern=r"^[a-z]{2,3}$")] | None = Field(
        description="ISO 639-1 from language identification.")
    language_confidence: Probability | None = None
    published_at: DateTime | None = Field(
        description="The envelope's date when it could be read, else the page's own; ISO 8601 UTC.")
    word_count: int = Field(ge=0)
    content_hash: Sha256Hex
    near_duplicate_of: str | None
    repairs: list[Repair]
    warnings: list[Annotated[str, Field(max_length=500)]] = absent(
        description="What the cleaner dropped or fell back on, one short sentence each: envelope metadata it could not "
                    "read (the value was dropped, e.g. an unreadable published_at), or 'article_not_located' when no "
                    "article block was found and the whole text was kept. Absent in records before 1.1.")
    input_format: Literal["html", "text"]
    cleaner_version: str
    body_truncated: bool = absent(
        description="Present and true when the body was cut to keep the record within the worker's output limit.")
    body_full_chars: int = absent(ge=0, description="Length in characters of the full clean body when body_truncated is true.")
    fields_truncated: list[str] = absent(
        description="Other fields capped in length or count to keep the record bounded (e.g. title, captions, repairs).")


class ModelInfo(Record):
    name: str
    version: str


class EnrichedArticle(Record):
    """Entities resolved to actors and the main event (5W1H) of one clean article. Key: article_id."""

    model_config = ConfigDict(title="Enriched article (articles.enriched)")

    schema_version: version_of("enriched_article", additions(  # type: ignore[valid-type]
        "1.1: optional 'event_ids', 'coder_version' and 'tone'"))
    article_id: NonEmpty
    url: str | None = None
    source: str | None = None
    title: str | None = None
    language: str | None
    published_at: DateTime | None
    content_hash: Sha256Hex
    entities: list[Entity]
    main_event: MainEvent | None
    skipped_reason: str | None = Field(description="Why no extraction was done (unsupported_language, no_text, ...).")
    model: ModelInfo
    extractor_version: str = Field(
        description="The extraction stage's version. The event coder's own version, with the hash of its knowledge, "
                    "is coder_version.")
    warnings: list[str] = absent(
        description="What extraction noticed but worked around (trailer_cut_at_N, truncated_at_N_chars, "
                    "giant_tokens_blanked, no_main_event). Optional.")
    duplicate_of: str | None = Field(
        default=None, description="With skipped_reason 'exact_duplicate': the article whose identical text was "
                                  "extracted; its enriched record and events apply.")
    event_ids: list[Annotated[str, Field(min_length=8)]] = absent(
        description="event_id of every record published on the events topic for this article, in order, so a consumer "
                    "can replace the article's event set after a replay or a coder upgrade (statements not published with "
                    "NEWSEVENTS_EMIT_STATEMENTS=false are not listed); empty for an article not "
                    "extracted (an exact duplicate's events are those of duplicate_of). Optional (absent before 1.1).")
    coder_version: str = absent(
        description="The event coder's version, <coder version>+k<hash of its dictionary tables, actor tables and "
                    "classifier weights>; equals extractor_version of the events it lists. Optional (absent before 1.1).")
    tone: Tone | None = Field(
        default=None, description="The article's tone in [-1, 1] (mean VADER compound score of its first sentences); "
                                  "every event of the article carries it. Optional (absent before 1.1; null when not "
                                  "extracted).")
