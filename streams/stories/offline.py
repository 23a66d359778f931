"""The same core over a file: what ``newsevents process --emit stories|merged|all`` prints.

A compacted topic keeps the last record of each key; offline, that is the last
record each story (cluster) produced, closed or still open at the end of the
input, in the order the stories opened. Inputs are taken in arrival (file)
order, exactly as the stream would see them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from ..records import CleanArticle, Extraction
from .aggregator import StoryAggregator, StoryConfig
from .features import event_mentions, story_input
from .merged import ClusterConfig, EventClusters
from .output import record_key


@dataclass(slots=True)
class OfflineRun:
    stories: StoryAggregator = field(default_factory=StoryAggregator)
    clusters: EventClusters = field(default_factory=EventClusters)
    _last: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def with_configs(cls, story_config: StoryConfig | None = None, cluster_config: ClusterConfig | None = None) -> "OfflineRun":
        return cls(StoryAggregator(story_config), EventClusters(cluster_config))

    def add(self, article: CleanArticle, extraction: Extraction, input_ts: float | str | None = None) -> None:
        """One article with a clean body and its extraction."""
        self.add_inputs(story_input(article, extraction, input_ts), event_mentions(article, extraction, input_ts))

    def add_inputs(self, item: dict[str, Any] | None, mentions: Iterable[dict[str, Any]] = ()) -> None:
        """The records the extract stage publishes for one article (``story_input``, ``event_mention``s)."""
        if item is not None:
            self.apply("story", item)
        for mention in mentions:
            self.apply("merged_event", mention)

    def apply(self, record_type: str, item: dict[str, Any]) -> list[dict[str, Any]]:
        """One input of the stage writing ``record_type`` records (``story`` or ``merged_event``), as its agent
        takes it (``intake.stage_input``): the records the agent would send for it, in order."""
        records = (self.stories if record_type == "story" else self.clusters).apply(item)
        for record in records:
            self._last[record_key(record)] = record
        return records

    def final_records(self, record_type: str) -> list[dict[str, Any]]:
        """The last record of every story (``story``) or cluster (``merged_event``), oldest first."""
        chosen = [r for r in self._last.values() if r["record_type"] == record_type]
        return sorted(chosen, key=lambda r: (r["first_seen"], record_key(r)))


def final_records(items: Iterable[tuple[CleanArticle, Extraction]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(story records, merged-event records) after the whole input."""
    run = OfflineRun()
    for article, extraction in items:
        run.add(article, extraction)
    return run.final_records("story"), run.final_records("merged_event")
