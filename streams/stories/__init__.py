"""Live stories and merged events: the pure core of the story stage (no Faust, no Kafka).

    story_input(article, extraction, input_ts) -> dict      in the extract child: what a story needs of an article
    event_mentions(article, extraction, input_ts) -> list   in the extract child: one record per coded event
    StoryAggregator(config, store).apply_many(inputs)        story records for the compacted topic ``stories``
    EventClusters(config, store).apply_many(mentions)        merged-event records for ``events.merged``
    story_route_key(input), event_block_key(event)           the repartition keys (see docs/stories.md)
    encode(record) -> bytes                                  the one deterministic serialisation
    PrefixedStore(table, "3/")                               one partition's namespace of a shared table
    final_records(pairs) / OfflineRun                        the CLI's offline run: last record per story / cluster
    stage_input(value, ingest_ts) -> dict                    a story-stage input as both runners decode it

Design, sources and scale-out: ``docs/stories.md``.
"""

from __future__ import annotations

from .aggregator import StoryAggregator, StoryConfig
from .features import event_mentions, story_input
from .intake import stage_input
from .merged import ClusterConfig, EventClusters
from .offline import OfflineRun, final_records
from .output import coalesce, encode, record_key
from .routing import event_block_key, story_route_key
from .store import PrefixedStore
from .story import StoryLimits

__all__ = [
    "StoryAggregator", "StoryConfig", "StoryLimits",
    "EventClusters", "ClusterConfig",
    "story_input", "event_mentions", "story_route_key", "event_block_key",
    "encode", "coalesce", "record_key", "PrefixedStore", "OfflineRun", "final_records",
    "stage_input",
]
