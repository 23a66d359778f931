"""Prometheus metrics of a worker, all prefixed ``newsevents_``.

Counting happens in the worker's main process only: the child processes that
run the NLP return per-message stats with their results and the parent records
them, so counts from a pool add up without prometheus-client's multiprocess
mode, and each worker's ``/metrics`` is the whole truth about that worker
(Prometheus sums across workers).
"""

from __future__ import annotations

import time
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client import CONTENT_TYPE_LATEST  # noqa: F401  (re-exported for the web view)

from . import __version__
from .records import SCHEMA_VERSIONS
from .state.metrics import StateMetrics

# Latency buckets from 1 ms to 2 min: stage steps are ms..s, end-to-end s..min under lag.
STORY_SIZE_BUCKETS = (1, 2, 3, 5, 10, 20, 50, 100, 200, 500, 1000, 5000)
STAGE_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)
E2E_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600)
# The stage_duration_seconds{stage} labels record_stats writes: the clean stage's steps, then the extract stage's.
STEP_LABELS = ("decode", "clean", "encode_clean", "decode_extract", "extract", "encode_extract")


class Metrics:
    """All metrics of one worker, on their own registry (tests create as many as they like)."""

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        r = self.registry = registry or CollectorRegistry()
        p = "newsevents_"
        self.consumed = Counter(p + "messages_consumed", "Messages consumed, by topic.", ["topic"], registry=r)
        self.bytes_in = Counter(p + "bytes_consumed", "Bytes of message values consumed, by topic.", ["topic"], registry=r)
        self.produced = Counter(p + "records_produced", "Records produced and acknowledged, by topic.", ["topic"], registry=r)
        self.events = Counter(p + "events_extracted", "Coded events extracted, by PLOVER type (CAMEO01 for untyped statements).", ["plover_type"], registry=r)
        self.dead_letters = Counter(p + "dead_letters", "Inputs dead-lettered, by stage and reason.", ["stage", "reason"], registry=r)
        self.duplicates = Counter(p + "duplicates", "Duplicate articles seen, by kind (near, exact_skipped).", ["kind"], registry=r)
        self.skipped = Counter(p + "articles_skipped", "Articles not extracted, by reason (unsupported_language, no_text...).", ["reason"], registry=r)
        self.languages = Counter(p + "articles_by_language", "Clean articles by detected language (non-English are not extracted).", ["language"], registry=r)
        self.no_events = Counter(p + "articles_without_events", "Enriched articles that produced no coded event.", registry=r)
        self.statements = Counter(p + "statements_coded", "CAMEO 01 statements (\"X said ...\") coded; published as events only with NEWSEVENTS_EMIT_STATEMENTS=true.", registry=r)
        self.events_withheld = Counter(p + "events_withheld", "Coded events withheld for a confidence below NEWSEVENTS_MIN_EVENT_CONFIDENCE.", registry=r)
        self.stage_seconds = Histogram(p + "stage_duration_seconds", "Time per message in each step (decode, clean, extract, encode, produce).", ["stage"], buckets=STAGE_BUCKETS, registry=r)
        self.batch_seconds = Histogram(p + "batch_duration_seconds", "Wall time of one batch in the child process, by stage.", ["stage"], buckets=STAGE_BUCKETS, registry=r)
        self.e2e_seconds = Histogram(p + "end_to_end_seconds", "From the raw input's Kafka timestamp to the acknowledgement of an output, by output topic kind.", ["output"], buckets=E2E_BUCKETS, registry=r)
        self.lag = Gauge(p + "consumer_lag", "End offset minus committed offset, per assigned topic partition.", ["topic", "partition"], registry=r)
        self.rebalances = Counter(p + "rebalances", "Consumer group rebalances seen by this worker.", registry=r)
        self.commit_seconds = Histogram(p + "commit_duration_seconds", "Offset commit latency.", buckets=STAGE_BUCKETS, registry=r)
        self.producer_errors = Counter(p + "producer_errors", "Failed send attempts (each is retried), by topic.", ["topic"], registry=r)
        self.offset_holes = Counter(p + "offset_holes", "Input batches that skipped offsets (refetched, never committed past), by topic.", ["topic"], registry=r)
        self.state = StateMetrics(r)  # newsevents_state_*: the state layer (streams/state/metrics.py)
        self.child_restarts = Counter(p + "child_restarts", "NLP child processes replaced, by stage and cause (over_budget, stalled, died, raised, starved).", ["stage", "cause"], registry=r)
        self.verdicts = Counter(p + "suspect_verdicts", "Messages that failed in a batch and were retried alone: innocent (passed), guilty (dead-lettered), inconclusive (the control failed too).", ["stage", "verdict"], registry=r)
        self.infrastructure_faults = Counter(p + "infrastructure_faults", "Faults of the machine or the cluster retried with back-off (never dead-lettered), by stage and kind.", ["stage", "kind"], registry=r)
        self.message_cpu_seconds = Histogram(p + "message_cpu_seconds", "CPU time of one message in the stage child: its share of its group's CPU when the child runs messages in groups (NEWSEVENTS_CHILD_GROUP_SIZE; a group's budget is NEWSEVENTS_MESSAGE_TIMEOUT_S).", ["stage"], buckets=STAGE_BUCKETS, registry=r)
        self.given_back = Counter(p + "messages_given_back", "Messages taken from Kafka and handed back unprocessed to be fetched again, by stage and cause.", ["stage", "cause"], registry=r)
        self.output_blocked_seconds = Gauge(p + "output_blocked_seconds", "How long the oldest unacknowledged send has been retrying or waiting (0 when sends flow).", registry=r)
        self.healthy = Gauge(p + "worker_healthy", "1 while /health answers 200: running, sends flowing, NLP child available, no input partition stalled.", registry=r)
        self.offset_guard_waits = Counter(p + "offset_guard_waits", "Assignments whose committed offsets could not be read (the partitions are held until they can).", registry=r)
        self.offset_guard_refetches = Counter(p + "offset_guard_refetches", "Input partitions sought back to the next offset to process, by topic and cause: discarded (Faust cleared its stream buffers when it resumed its flow after a rebalance), stalled (messages waiting, nothing delivered for NEWSEVENTS_PARTITION_STALL_S).", ["topic", "cause"], registry=r)
        self.stalled_partitions = Gauge(p + "stalled_partitions", "Assigned input partitions with messages to process and nothing delivered for NEWSEVENTS_PARTITION_STALL_S (each is fetched again; /health fails after NEWSEVENTS_PARTITION_STALL_UNHEALTHY_S).", registry=r)
        self.offset_guard_skipped = Counter(p + "offset_guard_skipped", "Input messages the offset guard did not let through, by topic and cause (hole, redelivered, no_baseline, not_assigned).", ["topic", "cause"], registry=r)
        self.oversized_records = Counter(p + "oversized_records", "Fetched records whose value was over the input limit once decompressed (replaced by a marker and dead-lettered too_large), by topic.", ["topic"], registry=r)
        self.topic_limit_too_small = Gauge(p + "topic_limit_too_small", "1 when a topic's max.message.bytes is below what the worker may write to it (checked at start).", ["topic"], registry=r)
        self.in_flight = Gauge(p + "in_flight_articles", "Messages taken from Kafka and not yet acknowledged.", registry=r)
        self.model_load_seconds = Gauge(p + "model_load_seconds", "Time to start a stage's child process and load its models.", ["stage"], registry=r)
        self.up = Gauge(p + "worker_up", "1 while the worker runs its agents.", registry=r)
        self.started = Gauge(p + "worker_start_time_seconds", "Unix time the worker started.", registry=r)
        self.build = Gauge(p + "build_info", "Versions: package, record schemas, NLP model.", ["version", "schemas", "model", "model_version", "spacy"], registry=r)
        self.heartbeat = Gauge(p + "worker_heartbeat_timestamp_seconds", "Unix time of the worker's last heartbeat tick (stale = stuck or gone).", registry=r)
        # Live stories and merged events (docs/stories.md): no story or cluster id is ever a label.
        self.stories_open = Gauge(p + "stories_open", "Open stories held by this worker's story aggregators.", registry=r)
        self.story_articles = Histogram(p + "story_articles", "Articles of a story when it closes (or is merged into another).", buckets=STORY_SIZE_BUCKETS, registry=r)
        self.story_inputs = Counter(p + "story_inputs", "Story inputs, by outcome (joined, opened, redelivered, late).", ["outcome"], registry=r)
        self.story_merges = Counter(p + "story_merges", "Stories merged into an older one.", registry=r)
        self.stories_closed = Counter(p + "stories_closed", "Stories closed past the inactivity horizon (or the open-story cap).", registry=r)
        self.story_largest = Gauge(p + "story_largest_articles", "Articles of the open stories ranked 1..10 by size (the dashboard's largest stories now).", ["rank"], registry=r)
        self.merged_open = Gauge(p + "merged_open", "Open event clusters held by this worker's merge aggregators.", registry=r)
        self.merged_mentions = Counter(p + "merged_mentions", "Event mentions, by outcome (merged, new, redelivered, skipped) and PLOVER type.", ["outcome", "plover_type"], registry=r)
        self.merged_mentions_per_cluster = Histogram(p + "merged_mentions_per_cluster", "Mentions of an event cluster when it closes.", buckets=STORY_SIZE_BUCKETS, registry=r)
        self.story_state_keys = Gauge(p + "story_state_keys", "Keys in the story and merge state tables held by this worker, by table.", ["table"], registry=r)
        self.started.set(time.time())

    def prepare(self, topics: dict[str, str]) -> None:
        """Create every known label combination at 0, so ``rate()`` sees the first increment.

        A labelled series only exists from its first ``inc()``; without this, a
        reason that occurs once per worker would never show on a rate panel.
        """
        from .errors import REASONS
        from .extraction.events.tables import plover_types

        for kind, name in topics.items():
            if kind in ("raw", "clean"):
                self.consumed.labels(topic=name)
                self.bytes_in.labels(topic=name)
            if kind != "raw":
                self.produced.labels(topic=name)
                self.producer_errors.labels(topic=name)
        for stage in ("decode", "clean", "extract", "produce"):
            for reason in REASONS:
                self.dead_letters.labels(stage=stage, reason=reason)
        for kind in ("near", "exact_skipped"):
            self.duplicates.labels(kind=kind)
        for stage in ("clean", "extract"):
            for cause in ("over_budget", "stalled", "died", "raised", "starved"):
                self.child_restarts.labels(stage=stage, cause=cause)
            for verdict in ("innocent", "guilty", "inconclusive"):
                self.verdicts.labels(stage=stage, verdict=verdict)
            for kind in ("child_start", "starved", "control_failed", "batch_error"):
                self.infrastructure_faults.labels(stage=stage, kind=kind)
            for cause in ("time_budget", "abandoned", "infrastructure"):
                self.given_back.labels(stage=stage, cause=cause)
            self.message_cpu_seconds.labels(stage=stage)
        for output in ("clean", "enriched", "event"):  # a worker that drains its input between two scrapes still shows a p99
            self.e2e_seconds.labels(output=output)
        for step in STEP_LABELS:  # the same for the per-step latencies (``record_stats``)
            self.stage_seconds.labels(stage=step)
        for ptype in plover_types():
            self.events.labels(plover_type=ptype)
        for kind in ("raw", "clean"):
            self.offset_holes.labels(topic=topics[kind])
            for cause in ("discarded", "stalled"):
                self.offset_guard_refetches.labels(topic=topics[kind], cause=cause)
            self.oversized_records.labels(topic=topics[kind])

    def set_build_info(self, model: dict[str, str] | None) -> None:
        model = model or {}
        schemas = ",".join(f"{k}={v}" for k, v in sorted(SCHEMA_VERSIONS.items()))
        self.build.labels(
            version=__version__,
            schemas=schemas,
            model=model.get("name", ""),
            model_version=model.get("version", ""),
            spacy=model.get("spacy", ""),
        ).set(1)

    def record_stats(self, stats: dict[str, Any]) -> None:
        """Per-message stats returned by the child process (see ``outcome.Outcome``)."""
        stage = stats.get("stage")
        if stats.get("cpu_s") is not None and stage in ("clean", "extract"):
            self.message_cpu_seconds.labels(stage=stage).observe(stats["cpu_s"])
        for step in ("decode", "clean", "extract", "encode"):
            seconds = stats.get(f"{step}_s")
            if seconds is not None:
                # decode = raw message -> article; decode_extract = clean record -> article (STEP_LABELS)
                label = step if step in ("clean", "extract") or (step == "decode" and stage == "clean") else f"{step}_{stage}"
                self.stage_seconds.labels(stage=label).observe(seconds)
        if stats.get("stage") == "clean" and stats.get("language") is not None:
            self.languages.labels(language=stats["language"]).inc()
        if stats.get("stage") == "extract":
            reason = stats.get("skipped_reason")
            if reason:
                self.skipped.labels(reason=reason).inc()
            self.statements.inc(stats.get("statements") or 0)
            self.events_withheld.inc(stats.get("events_withheld") or 0)
            types = stats.get("event_types") or []
            for t in types:
                self.events.labels(plover_type=t).inc()
            if not types and not reason:
                self.no_events.inc()

    def exposition(self) -> bytes:
        return generate_latest(self.registry)
