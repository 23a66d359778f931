"""Validation of records against the JSON Schemas in ``schemas/`` (the topics' published contract).

The schema files are generated from the record models (``streams.models``,
``newsevents schemas``); the producers check each record against its model as
they encode it, and ``newsevents consume --validate`` checks a topic against
the models. This module validates with the files themselves, as a consumer
would: the tests use it on what a live worker produced.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker

RECORD_SCHEMAS = {
    "raw_article": "raw-article.schema.json",
    "clean_article": "clean-article.schema.json",
    "enriched_article": "enriched-article.schema.json",
    "event": "event.schema.json",
    "dead_letter": "dead-letter.schema.json",
    "story": "story.schema.json",
    "merged_event": "merged-event.schema.json",
    "story_input": "story-input.schema.json",
    "event_mention": "event-mention.schema.json",
}


def schema_dir() -> Path:
    env = os.environ.get("NEWSEVENTS_SCHEMA_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent / "schemas"


@lru_cache(maxsize=None)
def validator(record_type: str) -> Draft202012Validator:
    schema = json.loads((schema_dir() / RECORD_SCHEMAS[record_type]).read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def errors_in(record_type: str, record: Any) -> list[str]:
    """Human-readable schema violations; empty when the record is valid."""
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
        for e in validator(record_type).iter_errors(record)
    ]
