"""What every record model shares: strict typing, the schemas' optional-field convention, common field types.

Strict mode because the models guard the producers: a count that became a
string or a flag that became 0/1 is a drift to report, not a value to coerce.
Unknown keys are ignored unless the schema closes the object (``Closed``), as
the hand-written schemas allowed them.

Two kinds of "optional" exist on the topics and stay distinct:
``x: str | None`` is a required key whose value may be null, while
``x: list[str] = absent()`` is a key that may be missing but is never null.
"""

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from ..records import SCHEMA_VERSIONS

ISO3_DOC = "ISO 3166-1 alpha-3, or IGO/NGO/MNC style codes"
CAMEO_CODE_PATTERN = r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$"
UTC_SECOND_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"
DAY_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


class Record(BaseModel):
    """A JSON object on a topic (or nested in one); extra keys are ignored, as the schemas allow."""

    model_config = ConfigDict(strict=True, extra="ignore")


class Closed(Record):
    """An object whose schema lists every key it may have (``additionalProperties: false``)."""

    model_config = ConfigDict(extra="forbid")


BUMP_DOC = "Schema version of this record type; bumped on incompatible changes."


def additions(history: str) -> str:
    """The ``schema_version`` description of a record type that grew compatibly (``history``: what each minor added)."""
    return (f"Schema version of this record type: the minor number grows with compatible additions ({history}), "
            "the major with incompatible changes.")


def version_of(record_type: str, description: str | None = None) -> Any:
    """The ``schema_version`` field: the one version ``streams.records.SCHEMA_VERSIONS`` gives the record type."""
    return Annotated[Literal[SCHEMA_VERSIONS[record_type]], Field(description=description)]


def absent(**kwargs: Any) -> Any:
    """A key that may be missing but, when present, is never null (the generator drops the default)."""
    return Field(default=None, **kwargs)


def _unique(values: list[Any]) -> list[Any]:
    if len(set(values)) != len(values):
        raise ValueError("items must be unique")
    return values


def unique_list(item: Any, **kwargs: Any) -> Any:
    """``list[item]`` whose items are distinct (JSON Schema ``uniqueItems``)."""
    return Annotated[list[item], AfterValidator(_unique), Field(json_schema_extra={"uniqueItems": True}, **kwargs)]


CountryCode = Annotated[str, Field(pattern=r"^([A-Z]{3})$", description=ISO3_DOC)]
DateTime = Annotated[str, Field(json_schema_extra={"format": "date-time"})]
UtcSecond = Annotated[str, Field(pattern=UTC_SECOND_PATTERN, json_schema_extra={"format": "date-time"})]
Sha256Hex = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
Probability = Annotated[float, Field(ge=0, le=1)]
Tone = Annotated[float, Field(ge=-1, le=1)]
NonEmpty = Annotated[str, Field(min_length=1)]
EventId = Annotated[str, Field(min_length=8)]
