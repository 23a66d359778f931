"""The coded event (topic ``events``) and the story stage's internal event mention."""

from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field

from .base import CAMEO_CODE_PATTERN, Closed, CountryCode, EventId, NonEmpty, Probability, Record, Tone, absent, additions, version_of
from .entities import EntityText, Where

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
                "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
PloverType = Literal[PLOVER_TYPES]  # type: ignore[valid-type]
CameoCode = Annotated[str, Field(pattern=CAMEO_CODE_PATTERN)]


class Actor(Record):
    text: str
    canonical: str | None
    entity: str | None = Field(description="id of an entity in this record's entities")
    country: CountryCode | None
    sector: str | None


class Action(Record):
    text: str
    lemma: str


class EventDate(Record):
    text: str
    resolved: str | None
    anchor: Any = absent(
        description="'ingested_at' when the article had no published_at: relative dates were resolved against the time "
                    "the article was ingested; absent otherwise. Untyped in the schema because earlier 1.1 schemas "
                    "accepted any value here; producers write only 'ingested_at'.")


class Quantity(Record):
    kind: str
    value: float
    text: str = absent()


class EventSentence(Record):
    index: int = Field(ge=0)
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Geo(Closed):
    name: str
    country: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] | None = Field(description="ISO 3166-1 alpha-3")
    adm1: str | None = Field(description="GeoNames admin1 notation, e.g. 'US.TX'")
    lat: Annotated[float, Field(ge=-90, le=90)] | None
    lon: Annotated[float, Field(ge=-180, le=180)] | None
    geonames_id: int | None
    geo_type: Literal["country", "adm1", "city"]


class Event(Record):
    """One who-did-what-to-whom event, CAMEO/PLOVER typed, with evidence. Key: article_id (so one article's events stay in order); event_id is deterministic."""

    model_config = ConfigDict(title="Coded event (events)")

    schema_version: version_of("event", additions(  # type: ignore[valid-type]
        "1.1: optional 'date.anchor' and the GDELT fields 'goldstein', 'tone' and 'geo'"))
    event_id: EventId = Field(description="Deterministic: hash of article, content, sentence, trigger, CAMEO code, source "
                                          "and target (the two directions of a mutual act have distinct ids).")
    article_id: NonEmpty
    plover_type: PloverType | None = Field(
        description="PLOVER event type. null only for CAMEO 01 statements, which are published only when "
                    "NEWSEVENTS_EMIT_STATEMENTS=true.")
    plover_mode: str | None
    cameo_code: CameoCode
    quad_class: Literal["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"]
    source: Actor = Field(description="An actor: an entity of the article (entity id set) or an agent noun phrase with "
                                      "a sector; text '' when the act has no known agent.")
    target: Actor | None = Field(description="An actor (entity of the article or agent noun phrase with a sector), or "
                                             "null. Never an object, a quantity or an abstract noun.")
    action: Action
    negated: bool
    hypothetical: bool
    attribution: EntityText | None = Field(
        description="Who reported the act (the speaker of a reporting verb, or 'according to X'), when not its source.")
    date: EventDate | None
    location: Where | None
    quantities: list[Quantity]
    sentence: EventSentence
    confidence: Probability = Field(
        description="0..1, mostly the type classifier's probability of this type in the sentence; an input's top "
                    "event is its most confident.")
    extractor_version: str = Field(
        description="<coder version>+k<hash of the coder's knowledge: dictionary tables, actor and role tables, "
                    "classifier weights>; changes whenever any of them does.")
    goldstein: Annotated[float, Field(ge=-10, le=10)] | None = Field(
        default=None, description="Goldstein scale of the event's CAMEO code (GDELT's CAMEO to Goldstein table, "
                                  "streams/data/cameo_goldstein.tsv; an unlisted child code takes its nearest listed "
                                  "parent). Optional (absent before 1.1).")
    tone: Tone | None = Field(
        default=None, description="The article's tone in [-1, 1]: mean VADER compound score of its first sentences "
                                  "(as GDELT gives every event its article's tone). Optional (absent before 1.1).")
    geo: Geo | None = Field(
        default=None, description="The event's place geocoded as GDELT does it: name, country, ADM1, coordinates "
                                  "(cities only: no false precision for countries and states), GeoNames id and geo "
                                  "type. Null when the event has no place or it is not found. Optional (absent before "
                                  "1.1).")


class EventKeys(Record):
    """The keys the story stage reads of an event record, of any type (the events topic's schema governs the rest)."""

    event_id: Any
    article_id: Any
    cameo_code: Any
    source: Any


class EventMention(Closed):
    """One coded event with what the event-cluster aggregator needs of its article. Internal: key = event_block_key (PLOVER type, source actor, target actor), so every pair that may merge meets in one partition."""

    model_config = ConfigDict(title="Event mention (internal topic events.mentions)")

    record_type: Literal["event_mention"]
    schema_version: version_of("event_mention")  # type: ignore[valid-type]
    event: EventKeys = Field(description="The event record as published on the events topic (schemas/event.schema.json).")
    outlet: str | None
    published_at: str | None
    input_ts: float | str | None = Field(
        description="Timestamp of the input record that brought the article (epoch seconds or ISO 8601); the event "
                    "time when published_at is missing or implausible.")

