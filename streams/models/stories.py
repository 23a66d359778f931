"""The story stage's records: its internal input, the live story and the merged event."""

from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field

from .base import BUMP_DOC, DAY_PATTERN, Closed, CountryCode, NonEmpty, Record, Tone, UtcSecond, unique_list, version_of
from .events import CameoCode

_STORY_ID = r"^s-[0-9a-f]{20}$"
_INPUT_TS_DOC = ("Timestamp of the input record that brought the article (epoch seconds or ISO 8601); the event time "
                 "when published_at is missing or implausible.")


class WeightedEntity(Closed):
    key: str
    name: str
    type: str | None
    country: CountryCode | None
    sector: str | None
    weight: float = Field(ge=0)


class NamedPlace(Closed):
    name: str
    country: CountryCode | None


class StoryInput(Closed):
    """What the story aggregator needs of one article, computed in the extract stage: its weighted content-word vector and summary fields. Internal: key = story_route_key (language)."""

    model_config = ConfigDict(title="Story input (internal topic stories.input)")

    record_type: Literal["story_input"]
    schema_version: version_of("story_input")  # type: ignore[valid-type]
    article_id: NonEmpty
    outlet: str | None
    title: str | None
    url: str | None
    language: str | None
    published_at: str | None
    input_ts: float | str | None = Field(description=_INPUT_TS_DOC)
    terms: dict[str, Annotated[float, Field(ge=0, le=1)]] = Field(max_length=48, description="Stem -> L2-normalised weight.")
    entities: list[WeightedEntity] = Field(max_length=12)
    places: list[NamedPlace] = Field(max_length=6)
    plover_types: unique_list(str)  # type: ignore[valid-type]
    tone: Tone | None


class StoryEntity(Closed):
    name: str
    type: str | None
    country: CountryCode | None
    sector: str | None
    articles: int = Field(ge=1)


class TypeCount(Closed):
    type: str
    articles: int = Field(ge=1)


class PlaceCount(Closed):
    name: str
    country: CountryCode | None
    articles: int = Field(ge=1)


class Story(Closed):
    """One real-world happening as the news reports it: the articles that report it, updated each time the story changes. Compacted topic, key: story_id; the last record of a key is the story's state. A record with closed=true is final (the story saw no article for the horizon, or was merged into merged_into). Counts are derived from id sets: redelivered articles never inflate them, and the same state always serialises to the same bytes."""

    model_config = ConfigDict(title="Live story (stories)")

    schema_version: version_of("story", BUMP_DOC)  # type: ignore[valid-type]
    record_type: Literal["story"]
    story_id: str = Field(pattern=_STORY_ID, description="Immutable; derived from the article that opened the story.")
    first_seen: UtcSecond = Field(
        description="Event time (published_at, else the input's timestamp) of the earliest member.")
    last_seen: UtcSecond = Field(description="Event time of the latest member.")
    num_articles: int = Field(ge=1, description="Distinct member articles (exact, also past the article_ids bound).")
    num_sources: int = Field(ge=0, description="Distinct outlets among the members.")
    title: str | None = Field(
        description="Representative headline: the member headline whose words are most central to the story "
                    "(deterministic).")
    entities: list[StoryEntity] = Field(
        max_length=10, description="Top entities by the number of member articles naming them.")
    plover_types: list[TypeCount] = Field(
        max_length=3, description="Main PLOVER event types, by the number of member articles with such an event.")
    places: list[PlaceCount] = Field(max_length=5)
    tone: Tone | None = Field(description="Mean article tone of the members.")
    article_ids: unique_list(NonEmpty, min_length=1, max_length=10_000,  # type: ignore[valid-type]
                             description="Member article ids in arrival order, the first 10,000 (num_articles is the total).")
    article_ids_truncated: bool
    closed: bool = Field(description="True on the final record of the story (no tombstone follows).")
    merged_into: Annotated[str, Field(pattern=_STORY_ID)] | None = Field(
        description="Set on the final record of a story merged into an older one: its articles now belong to that story.")


class ClusterActor(Closed):
    canonical: str | None
    text: str | None
    country: CountryCode | None
    sector: str | None


class Representative(Record):
    """The keys a consumer may rely on in the representative mention; the rest is as on the events topic."""

    event_id: Any
    article_id: Any
    cameo_code: Any


class MergedEvent(Closed):
    """One happening and all its mentions: coded events from different articles with the same PLOVER type, the same source and target actors, dates within a day and the same place country (a missing place matches any), merged; updated as mentions arrive. Compacted topic, key: cluster_id. closed=true marks the final record. Counts are derived from id sets."""

    model_config = ConfigDict(title="Merged event (events.merged)")

    schema_version: version_of("merged_event", BUMP_DOC)  # type: ignore[valid-type]
    record_type: Literal["merged_event"]
    cluster_id: str = Field(pattern=r"^m-[0-9a-f]{20}$", description="Immutable; derived from the first mention's event_id.")
    plover_type: str | None
    cameo_code: CameoCode = Field(description="Of the representative event.")
    source: ClusterActor | None = Field(description="Source actor of the representative event.")
    target: ClusterActor | None = Field(description="Target actor of the representative event.")
    date_first: str = Field(
        pattern=DAY_PATTERN,
        description="Earliest event date among the mentions (the event's own date, else its article's event time).")
    date_last: str = Field(pattern=DAY_PATTERN, description="Latest; at most one day after date_first.")
    country: CountryCode | None
    first_seen: UtcSecond = Field(description="Event time of the earliest mentioning article.")
    last_seen: UtcSecond = Field(description="Event time of the latest mentioning article.")
    num_mentions: int = Field(ge=1, description="Distinct event_ids (exact, also past the event_ids bound).")
    num_articles: int = Field(ge=1)
    num_sources: int = Field(ge=0, description="Distinct outlets.")
    event_ids: unique_list(Annotated[str, Field(min_length=8)], min_length=1, max_length=1000,  # type: ignore[valid-type]
                           description="Mention event ids in arrival order, the first 1,000.")
    event_ids_truncated: bool
    representative: Representative = Field(
        description="The mention with the highest confidence (ties: earliest, then smallest event_id), as published on "
                    "the events topic.")
    closed: bool
