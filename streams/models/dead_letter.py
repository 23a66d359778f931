"""The dead letter (topic ``articles.dlq``): an input that could not be processed, with its original bytes."""

from typing import Literal

from pydantic import ConfigDict, Field

from ..errors import REASONS
from .base import BUMP_DOC, DateTime, Record, Sha256Hex, version_of

STAGES = ("decode", "clean", "extract", "produce")


class SourcePosition(Record):
    topic: str | None
    partition: int | None
    offset: int | None
    timestamp: float | None = Field(default=None, description="Kafka message timestamp, seconds")
    location: str | None = Field(default=None, description="file:line for offline input")


class Payload(Record):
    encoding: Literal["utf-8", "base64"]
    data: str
    size: int = Field(ge=0)
    sha256: Sha256Hex
    truncated: bool


class WorkerInfo(Record):
    id: str
    version: str


class DeadLetter(Record):
    """An input that could not be processed: why, where it came from, and its original bytes (bounded prefix + hash). Key: article_id when known, else source topic-partition-offset."""

    model_config = ConfigDict(title="Dead letter (articles.dlq)")

    schema_version: version_of("dead_letter", BUMP_DOC)  # type: ignore[valid-type]
    dead_letter_id: str = Field(
        min_length=8, description="Deterministic: hash of source position (or input location), stage and payload hash.")
    stage: Literal[STAGES]  # type: ignore[valid-type]
    reason: Literal[REASONS]  # type: ignore[valid-type]
    message: str = Field(max_length=2000)
    article_id: str | None
    source: SourcePosition
    payload: Payload
    failed_at: DateTime
    worker: WorkerInfo
