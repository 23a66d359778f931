"""The story and merge agents: thin Faust wiring around ``streams.stories`` (docs/stories.md, "Wiring plan").

    stories.input   ─▶ story agent ─▶ stories        (compacted, key story_id)
    events.mentions ─▶ merge agent ─▶ events.merged  (compacted, key cluster_id)

Each agent keeps one aggregator per assigned input partition over that
partition's namespace of a Faust table (``PrefixedStore(table, "<p>/")``). The
table's changelog has the input topic's partition count and every write is made
inside the input event's context, so a partition's state lands in the changelog
partition of the same number and moves with the input partition on a rebalance.

At-least-once, per input record: the aggregator writes its state to the table,
the records it returns are sent with acks=all and awaited, the table's changelog
writes are flushed and acknowledged; only then does the offset guard count the
input as done (``OffsetGuard.process_one``), and the guard, not Faust's acks,
decides what is committed, as for the chain's stages: each partition is taken in
order and without holes, and what Faust discards when it resumes its flow at the
end of a rebalance is fetched again (``offsets.py``). A crash in between
redelivers the input: counts come from sets of ids (nothing inflates) and the
aggregator re-emits the current record, byte-identical if nothing changed.

Event time never advances by itself (a replay must close stories exactly as the
live stream did), so closures are published when a newer input moves the
watermark; nothing here reads the wall clock for state.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, MutableMapping
from collections import Counter
from typing import Any, Callable


from .config import Settings
from .metrics import Metrics
from .offsets import OffsetGuard
from .exits import FATAL, stop_worker
from .publishing import Output, Publisher
from .routing import INGEST_TS_HEADER, header
from .stories import EventClusters, PrefixedStore, StoryAggregator, encode, record_key, stage_input

log = logging.getLogger("newsevents.stories")
LARGEST_RANKS = 10


class TableStore(MutableMapping[str, bytes]):
    """A Faust table with raw (bytes) keys seen as the ``str -> bytes`` store the aggregators write through."""

    def __init__(self, table: Any) -> None:
        self.table = table

    def __getitem__(self, key: str) -> bytes:
        return self.table[key.encode("utf-8")]

    def __setitem__(self, key: str, value: bytes) -> None:
        self.table[key.encode("utf-8")] = value

    def __delitem__(self, key: str) -> None:
        del self.table[key.encode("utf-8")]

    def __iter__(self) -> Iterator[str]:
        return (k.decode("utf-8") if isinstance(k, (bytes, bytearray)) else str(k) for k in list(self.table.keys()))

    def __len__(self) -> int:
        return len(self.table)


class AggregatorStage:
    """One input topic, one output topic, one aggregator per assigned partition of a shared table."""

    def __init__(self, *, name: str, output_topic: str, table: Any, make: Callable[[MutableMapping[str, bytes]], Any],
                 publisher: Publisher, flush: Callable[[], Any], metrics: Metrics) -> None:
        self.name = name
        self.output_topic = output_topic
        self.table = table
        self.store = TableStore(table)
        self.make = make
        self.publisher = publisher
        self.flush = flush
        self.metrics = metrics
        self.aggregators: dict[int, Any] = {}

    def aggregator(self, partition: int) -> Any:
        agg = self.aggregators.get(partition)
        if agg is None:  # built after the table's recovery: the first event comes after it
            agg = self.aggregators[partition] = self.make(PrefixedStore(self.store, f"{partition}/"))
        return agg

    def revoked(self, partitions: set[int]) -> None:
        """Drop the caches of partitions this worker no longer owns (their state stays in the changelog)."""
        for p in partitions:
            self.aggregators.pop(p, None)

    def decode(self, event: Any) -> dict[str, Any] | None:
        try:
            return stage_input(event.value, header(event, INGEST_TS_HEADER))  # as ``newsevents process`` decodes it
        except ValueError as exc:
            # Our own internal topic: an undecodable record is a bug upstream; counted and logged, never wedging.
            log.error("%s: undecodable record at %s[%s]@%s: %r", self.name, event.message.topic, event.message.partition,
                      event.message.offset, exc)
            return None

    async def handle(self, event: Any) -> list[dict[str, Any]]:
        """One input in its event's context: state, records sent and acknowledged, changelog flushed."""
        item = self.decode(event)
        if item is None:
            return []
        agg = self.aggregator(event.message.partition)
        before = agg.stats.copy()
        records = agg.apply(item)
        outs = [Output(self.output_topic, self.name, record_key(r), encode(r), []) for r in records]
        try:
            for out in outs:  # in order: the last record of a key is its current state on the compacted topic
                await self.publisher.send(out)
        except FATAL as exc:
            stop_worker(exc)  # as the stage agents do: an agent that died here would leave its input unread
            raise
        await self.flush()
        self.observe(item, records, agg.stats - before)
        return records

    def observe(self, item: dict[str, Any], records: list[dict[str, Any]], delta: Counter[str]) -> None:
        """Metrics of one input; ``delta``: what the aggregator's ``stats`` counted for it."""
        raise NotImplementedError

    def refresh_gauges(self) -> None:
        raise NotImplementedError


class StoryStage(AggregatorStage):
    def observe(self, item: dict[str, Any], records: list[dict[str, Any]], delta: Counter[str]) -> None:
        m = self.metrics
        outcome = "redelivered" if delta["redelivered"] else "late" if delta["late"] else "opened" if delta["created"] else "joined"
        m.story_inputs.labels(outcome=outcome).inc()
        if delta["merged"]:
            m.story_merges.inc(delta["merged"])
        if delta["closed"]:
            m.stories_closed.inc(delta["closed"])
        for r in records:
            if r.get("closed"):
                m.story_articles.observe(r["num_articles"])

    def refresh_gauges(self) -> None:
        m = self.metrics
        m.stories_open.set(sum(len(a) for a in self.aggregators.values()))
        sizes = sorted((n for a in self.aggregators.values() for n, _s, _id in a.largest(LARGEST_RANKS)), reverse=True)
        for rank in range(1, LARGEST_RANKS + 1):
            m.story_largest.labels(rank=str(rank)).set(sizes[rank - 1] if rank <= len(sizes) else 0)
        # The store holds ``w``, ``s:<story>`` and ``a:<article>`` per aggregator: counted from the cache,
        # never by scanning RocksDB (millions of keys) on the event loop.
        m.story_state_keys.labels(table=self.table.name).set(
            sum(1 + len(a) + len(a.article_story) for a in self.aggregators.values()))


class MergeStage(AggregatorStage):
    def observe(self, item: dict[str, Any], records: list[dict[str, Any]], delta: Counter[str]) -> None:
        m = self.metrics
        event = item.get("event") or {}
        ptype = event.get("plover_type") or f"CAMEO{str(event.get('cameo_code') or '')[:2]}"
        outcome = ("redelivered" if delta["redelivered"] else "skipped" if delta["skipped"]
                   else "new" if (delta["created"] or delta["late"]) else "merged")
        m.merged_mentions.labels(outcome=outcome, plover_type=ptype).inc()
        for r in records:
            if r.get("closed"):
                m.merged_mentions_per_cluster.observe(r["num_mentions"])

    def refresh_gauges(self) -> None:
        self.metrics.merged_open.set(sum(len(a) for a in self.aggregators.values()))
        self.metrics.story_state_keys.labels(table=self.table.name).set(sum(1 + len(a) for a in self.aggregators.values()))


def wire_story_agents(app: Any, settings: Settings, metrics: Metrics, publisher: Publisher, guard: OffsetGuard,
                      topic: Callable[..., Any]) -> list[AggregatorStage]:
    """Declare the two tables and agents on ``app``; ``topic(name, partitions)`` declares an input topic, whose
    partitions ``guard`` (the worker's offset guard, which lists it) admits and commits."""
    s = settings
    names = s.story_topics

    async def flush() -> None:
        await app.producer.flush()  # the table's changelog writes of this input, acknowledged

    def table(name: str, partitions: int, help_: str) -> Any:
        # RocksDB under the worker's data dir (the app's default store is memory): a restarted worker reads
        # its state from disk and only the changelog's tail; keys and values are raw bytes (the app's serializers).
        return app.Table(name, key_type=bytes, value_type=bytes, partitions=partitions, store="rocksdb://", help=help_)

    story_table = table("story-state", s.stories_input_partitions, "story aggregator state per stories.input partition")
    merge_table = table("merge-state", s.topic_partitions, "event-cluster state per events.mentions partition")
    story_config, cluster_config = s.story_config(), s.cluster_config()
    stages: list[AggregatorStage] = [
        StoryStage(name="story", output_topic=names["stories"], table=story_table, make=lambda st: StoryAggregator(story_config, st),
                   publisher=publisher, flush=flush, metrics=metrics),
        MergeStage(name="merged_event", output_topic=names["events_merged"], table=merge_table,
                   make=lambda st: EventClusters(cluster_config, st), publisher=publisher, flush=flush, metrics=metrics),
    ]
    inputs = [topic(names["stories_input"], s.stories_input_partitions), topic(names["events_mentions"], s.topic_partitions)]
    for stage, source in zip(stages, inputs):
        async def run(stream: Any, stage: AggregatorStage = stage) -> None:
            async for event in stream.events():
                await guard.process_one(event, stage.handle)

        app.agent(source, name=f"newsevents.{stage.name}", concurrency=1)(run)

    @app.on_partitions_revoked.connect
    async def revoked(app_: Any, revoked: Any, **kwargs: Any) -> None:  # noqa: ARG001
        for stage, source in zip(stages, (names["stories_input"], names["events_mentions"])):
            stage.revoked({tp.partition for tp in revoked if tp.topic == source})

    @app.timer(interval=s.story_metrics_interval_s)
    async def story_gauges() -> None:
        for stage in stages:
            stage.refresh_gauges()

    return stages
