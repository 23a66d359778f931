"""The stage chain, declared once: what each stage reads, runs, writes and files its dead letters under.

Both ways of running the pipeline read this table and nothing else about the
order of the stages: the Faust app (``app.Worker``) makes one agent per stage
on its input topic, and ``newsevents process`` (``offline.OfflineChain``) runs
the same stages in-process over a log of its own. Each stage has

* ``input``: the topic kind it consumes (a key of ``topic_names``);
* ``outputs``: record kind -> topic kind of what its core returns (a kind whose
  topic does not exist in these settings, e.g. the story inputs with stories off,
  is never produced: the core is told by the same settings);
* ``duplicates``: which duplicate store decides at this stage (``duplicate_policy``);
* ``core``: the batch function over message bytes (``cores``), bound to settings;
* ``control``: a known-good input, run in a fresh child before a suspect message
  is declared guilty (``executor``): if even it fails, the machine is at fault;
* the dead-letter stage: ``decode`` for the clean stage's decode reasons (the
  input was never an article), else the stage's own name.

Every dead letter of every stage goes to the one dead-letter topic (``DLQ``).

With stories on, two stateful stages follow (``AGGREGATES``): each takes one
record of its input topic at a time, in the topic's order, and writes what its
aggregator returns (``story_agents`` live, ``offline.OfflineChain`` offline).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Mapping

import orjson

from . import errors
from .config import Settings
from .decompression import OVERSIZED_HEADER
from .errors import DECODE_REASONS
from .executor import BatchFn, bind
from .outcome import Outcome
from .cores import clean_messages, extract_messages
from .routing import header

DLQ = "dlq"

# Known-good inputs, written for this purpose (see ``control`` above).
CONTROL_TEXT = (
    "The city council of Northbridge approved a new budget for public transport on Tuesday after a long debate. "
    "The mayor said the plan would add forty buses and extend night services to the eastern districts. "
    "Opposition members argued that the cost would force cuts in road maintenance next year. "
    "Local business groups welcomed the decision and said better connections would help shops in the centre. "
    "The first new routes are expected to open in the spring, officials said."
)
CONTROL_RAW = orjson.dumps({"id": "newsevents-control", "text": CONTROL_TEXT, "published_at": "2024-01-09T10:00:00Z"})
CONTROL_CLEAN = orjson.dumps({
    "article_id": "newsevents-control", "body": CONTROL_TEXT, "content_hash": "0" * 64, "cleaner_version": "control",
    "input_format": "text", "language": "en", "published_at": "2024-01-09T10:00:00Z", "word_count": 76,
})


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    input: str
    outputs: Mapping[str, str]
    duplicates: str  # "near" | "exact"
    core: Callable[[Settings], BatchFn]
    control: bytes
    decode_stage: str | None = None  # the stage name of dead letters whose reason is a decode reason

    def dead_letter_stage(self, reason: str) -> str:
        return self.decode_stage if self.decode_stage is not None and reason in DECODE_REASONS else self.name

    def output_topics(self, names: Mapping[str, str]) -> dict[str, str]:
        """Record kind -> topic name, for the outputs whose topic these settings have."""
        return {kind: names[topic] for kind, topic in self.outputs.items() if topic in names}


def _clean_core(s: Settings) -> BatchFn:
    return bind(clean_messages, max_bytes=s.max_input_bytes, max_record_bytes=s.max_record_bytes, max_body_chars=s.max_body_chars)


def _extract_core(s: Settings) -> BatchFn:
    return bind(extract_messages, stories=s.stories_enabled)


CLEAN = Stage("clean", input="raw", outputs={"clean": "clean"}, duplicates="near", core=_clean_core, control=CONTROL_RAW,
              decode_stage="decode")
EXTRACT = Stage("extract", input="clean",
                outputs={"enriched": "enriched", "event": "events", "story_input": "stories_input", "event_mention": "events_mentions"},
                duplicates="exact", core=_extract_core, control=CONTROL_CLEAN)
CHAIN: tuple[Stage, ...] = (CLEAN, EXTRACT)


@dataclass(frozen=True, slots=True)
class Aggregate:
    """A stateful stage after the chain: ``name`` is the record type it writes; topics are topic kinds."""
    name: str
    input: str
    output: str


AGGREGATES: tuple[Aggregate, ...] = (Aggregate("story", input="stories_input", output="stories"),
                                     Aggregate("merged_event", input="events_mentions", output="events_merged"))

# What each record kind is called where a reader sees one kind among others (``process --emit all``, schemas).
RECORD_TYPES = {"clean": "clean_article", "enriched": "enriched_article", "event": "event", DLQ: "dead_letter",
                "story_input": "story_input", "event_mention": "event_mention", "story": "story", "merged_event": "merged_event"}


def topic_names(settings: Settings) -> dict[str, str]:
    """Topic kind -> topic name: the pipeline's topics and, with stories on, the story stage's."""
    return {**settings.topics, **settings.story_topics}


def input_topics(settings: Settings) -> list[str]:
    """The topics the worker's agents consume: every stage's input, the aggregates' with stories on (all of them under
    the offset guard, ``offsets.py``)."""
    names = topic_names(settings)
    return [names[stage.input] for stage in (*CHAIN, *AGGREGATES) if stage.input in names]


def stages_until(record_kinds: set[str]) -> tuple[Stage, ...]:
    """The shortest prefix of the chain whose stages produce every one of ``record_kinds``."""
    last = max((i for i, stage in enumerate(CHAIN) if record_kinds & set(stage.outputs)), default=len(CHAIN) - 1)
    return CHAIN[: last + 1]


def oversized(stage: str, message: Any, max_input_bytes: int) -> Outcome | None:
    """The outcome of an input the child must never see (over the size limit, or a compressed record that
    would inflate past it, marked by ``decompression``), else None."""
    note = header(message, OVERSIZED_HEADER)
    if note is not None:
        reason, _, detail = note.decode("utf-8", "replace").partition(":")
        return Outcome(reason=reason if reason in errors.REASONS else errors.TOO_LARGE, message=detail, payload_incomplete=True,
                       stats={"stage": stage})
    size = len(message.value or b"")
    if size > max_input_bytes:
        return Outcome(reason=errors.TOO_LARGE, message=f"message is {size} bytes, limit {max_input_bytes}", stats={"stage": stage})
    return None
