"""Repartition keys: which partition, hence which worker, aggregates an input.

Kafka sends equal keys to the same partition, and a partition is consumed by one
worker of the group at a time, so these keys decide what one aggregator sees:

* ``story_route_key``: the article's language. Every article that could join a
  story must meet the others in one aggregator, and similarity only exists
  within a language (the vectors are of that language's words), so a language
  is the finest split that never cuts a story in two. With one language that is
  one partition: the single aggregation partition of docs/stories.md.
* ``event_block_key``: the merge rule's exact part (PLOVER type, source actor,
  target actor). Every pair of mentions that may merge has the same key, so
  event clusters spread over all partitions and workers with nothing missed; an
  event that never merges (no source actor) is keyed by its own id.
"""

from __future__ import annotations

from typing import Any

from .merged import block_key

UNKNOWN_LANGUAGE = "und"


def story_route_key(story_input: dict[str, Any]) -> str:
    return "lang:" + ((story_input.get("language") or UNKNOWN_LANGUAGE).lower())


def event_block_key(event: dict[str, Any]) -> str:
    return block_key(event) or "event:" + event["event_id"]
