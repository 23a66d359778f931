"""The enriched article's parts: resolved entities and the main event's 5W1H slots."""

from typing import Literal

from pydantic import Field

from .base import CountryCode, Record, absent

_ENTITY_REF = "id of an entity in this record's entities"


class Entity(Record):
    id: str
    canonical: str
    aliases: list[str]
    type: str
    country: CountryCode | None
    sector: str | None = Field(
        description="PLOVER sector code (GOV, MIL, REB, COP, CVL, JRN, MED = health, ...); for a person, the sector at "
                    "the article's date")
    roles: list[str] = absent()
    mentions: int = Field(ge=1)
    first_offset: int = Field(ge=0)
    actor_code: str = absent(
        description="optional: CAMEO actor code the actor dictionaries give the entity at the article's date (e.g. "
                    "USAGOV, IGOWSTNAT, PSEREBHMS); absent when no dictionary knows it")
    actor_source: Literal["phoenix-countries", "phoenix-international", "phoenix-milnonstate", "people-gazetteer"] = absent(
        description="optional, with actor_code: the dictionary that knew the entity")
    actor_flags: list[Literal["date_unresolved", "out_of_term", "ambiguous"]] = absent(
        description="optional, with actor_code: date_unresolved = the article has no published_at and a dated entry "
                    "was resolved against the time of extraction; out_of_term = the date is outside every term the "
                    "dictionary gives (country kept, no sector); ambiguous = several dictionary actors share the name "
                    "and agree on the country only")


class Text(Record):
    """A slot that is a phrase of the article."""

    text: str


class EntityText(Text):
    """A phrase of the article that may name one of the record's entities."""

    entity: str | None = Field(default=None, description=_ENTITY_REF)


class When(Text):
    resolved: str | None = Field(default=None, description="ISO date or date-time; null when not resolvable")
    source: Literal["published_at"] = absent(
        description="present only when the article states no time for its main event: resolved is then the date of the "
                    "record's published_at and text says so ('publication date'); absent when text is a phrase of the "
                    "article")


class Where(Text):
    country: CountryCode | None = None
    lat: float | None = None
    lon: float | None = None


class SentenceRef(Record):
    index: int = Field(ge=-1)
    text: str
    start: int = absent(ge=0, description="Character offset of the sentence in the clean body (optional).")
    end: int = absent(ge=0, description="End character offset of the sentence in the clean body (optional).")


class MainEvent(Record):
    who: EntityText | None
    what: Text | None
    whom: EntityText | None
    when: When | None
    where: Where | None
    why: Text | None
    how: Text | None
    sentence: SentenceRef | None
