"""Settings, 12-factor: environment variables (``NEWSEVENTS_*``, plus the usual
``KAFKA_BOOTSTRAP_SERVERS``) or a ``.env`` file in the working directory.

pydantic-settings is used because it validates types at start-up (a typo in a
number fails the worker immediately, with the variable's name) and documents
every setting in one place; README's configuration table mirrors this class.
"""

from __future__ import annotations

import logging
import os
import socket
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

if TYPE_CHECKING:
    from .stories import ClusterConfig, StoryConfig


# Set in the environment of the NLP child processes (streams/child.py): they read no .env file, which could
# hold the credentials their scrubbed environment does not.
CHILD_PROCESS_ENV = "NEWSEVENTS_CHILD_PROCESS"


def _env_file() -> str | None:
    return None if os.environ.get(CHILD_PROCESS_ENV) == "1" else ".env"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NEWSEVENTS_", env_file=_env_file(), extra="ignore")

    # Kafka connection
    bootstrap_servers: str = Field(
        "127.0.0.1:9092",
        validation_alias=AliasChoices("KAFKA_BOOTSTRAP_SERVERS", "NEWSEVENTS_BOOTSTRAP_SERVERS"),
        description="Comma-separated host:port list of the Kafka cluster.",
    )
    security_protocol: str = Field("PLAINTEXT", description="PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL.")
    sasl_mechanism: str = Field("SCRAM-SHA-512", description="PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512.")
    sasl_username: str | None = None
    sasl_password: SecretStr | None = None
    ssl_cafile: str | None = None
    ssl_certfile: str | None = None
    ssl_keyfile: str | None = None

    # Topics
    topic_prefix: str = Field("", description="Prepended to every topic name, e.g. 'staging.'.")
    topic_raw: str = "articles.raw"
    topic_clean: str = "articles.clean"
    topic_enriched: str = "articles.enriched"
    topic_events: str = "events"
    topic_dlq: str = "articles.dlq"
    topic_partitions: int = Field(4, ge=1, description="Partitions of topics the worker creates.")
    topic_replication_factor: int = Field(
        0, ge=0, description="Replication factor of topics the worker creates (changelogs included); 0 = min(3, brokers in the cluster)."
    )

    # Worker
    app_id: str = Field("newsevents", description="Faust app id = Kafka consumer group id.")
    worker_id: str = Field(default_factory=lambda: f"{socket.gethostname()}:{os.getpid()}")
    web_host: str = Field("127.0.0.1", description="Address of the read-only HTTP endpoint (/metrics, /health).")
    web_port: int = Field(6066, ge=0, le=65535)
    data_dir: str = Field(".newsevents-data", description="Worker data directory (the state stores live under its state/).")
    batch_size: int = Field(16, ge=1, description="Messages handed to the NLP process per batch.")
    batch_window_s: float = Field(0.05, gt=0, description="Longest wait to fill a batch (under load batches fill at once; at low load this is added latency per stage).")
    message_timeout_s: float = Field(10.0, gt=0, description="CPU budget of one message (CPU seconds, read by the worker from its NLP child); a message proven over it alone is dead-lettered (timeout).")
    child_group_size: int = Field(16, ge=1, description="Messages the NLP child runs in one stage call (the parser batches them; about a seventh less CPU an article than one call each). A group is held to one message's budgets; a group that fails or overruns them runs again one message at a time, so guilt is still proven message by message. 1 = one call per message.")
    child_per_stage: bool = Field(False, description="One NLP child per stage instead of one shared by both (more memory, pipelined stages).")
    child_memory_limit_mb: int = Field(4096, ge=0, description="Address-space limit of each NLP child process (0 = none).")
    max_input_bytes: int = Field(10 * 1024 * 1024, ge=1024, description="Larger inputs are dead-lettered (too_large); also the bound on a record inflated from a compressed batch.")
    dlq_payload_max_bytes: int = Field(64 * 1024, ge=256, description="Original bytes kept in a dead letter.")
    commit_interval_s: float = Field(2.0, gt=0)
    send_retry_max_s: float = Field(30.0, gt=0, description="Longest back-off between retries of a failed send.")
    detect_near_duplicates: bool = Field(True, description="Set near_duplicate_of with MinHash LSH across the stream.")
    skip_exact_duplicates: bool = Field(True, description="Extract stage skips articles whose content hash was seen.")
    emit_statements: bool = Field(False, description="Publish CAMEO 01 statements (\"X said ...\", no PLOVER type) as events; they are counted either way.")
    min_event_confidence: float = Field(0.2, ge=0.0, le=1.0, description="Events whose confidence is below this are withheld (counted, not published); 0 publishes every coded event.")
    log_level: str = "INFO"

    # Reliability: time budgets, bounded outputs, fault handling (see docs/operations.md, "Time budgets")
    batch_budget_s: float = Field(5.0, gt=0, description="Wall time after which a batch starts no further message; the rest is fetched again.")
    message_stall_s: float = Field(30.0, gt=0, description="A message during which the NLP child makes no CPU progress for this long hangs it (child replaced; a timeout if proven alone).")
    message_wall_limit_s: float = Field(60.0, gt=0, description="Wall time of one message still under its CPU budget after which it counts as starved of CPU (a fault of the machine: retried later, never dead-lettered).")
    child_start_timeout_s: float = Field(300.0, gt=0, description="Longest wait for a (re)started NLP child to load its models; past it the start is retried with back-off.")
    infra_retry_max_s: float = Field(30.0, gt=0, description="Longest back-off between retries of a batch after a fault of the machine or cluster.")
    output_stall_s: float = Field(60.0, gt=0, description="/health turns unhealthy when a send has waited this long for its acknowledgement.")
    partition_stall_s: float = Field(30.0, gt=0, description="An assigned input partition with messages to process whose agent received nothing of its topic for this long is fetched again from its next offset (again every as long while it stays stalled).")
    partition_stall_unhealthy_s: float = Field(120.0, gt=0, description="/health turns unhealthy when an input partition has stayed stalled this long (refetches notwithstanding) or its committed offset has been unreadable this long.")
    producer_request_timeout_s: float = Field(30.0, gt=0, description="A send not acknowledged within this long fails and is retried (classified first).")
    max_record_bytes: int = Field(4 * 1024 * 1024, ge=64 * 1024, description="Largest output record the worker writes; a clean record over it has its body truncated (body_truncated).")
    max_body_chars: int = Field(1_000_000, ge=10_000, description="Longest clean body; longer ones are truncated, with the full length recorded.")
    topic_config_check: str = Field("warn", pattern="^(warn|refuse|off)$", description="At start, compare existing topics' max.message.bytes with what the worker writes: warn, refuse (exit), or off. A dead-letter topic too small always refuses.")

    # State (streams/state, docs/state.md): every bound of the duplicate state
    dedup_horizon_hours: float = Field(
        72.0, gt=0, description="How long (event time) duplicate state is remembered: near-copies of wire stories come within hours or days."
    )
    state_buckets: int = Field(
        12, ge=2, le=240, description="Time buckets per horizon: state lives at most one bucket past the horizon; a lookup probes buckets + 1 of them."
    )
    state_block_cache_mb: int = Field(32, ge=1, description="RocksDB block cache shared by a worker's stores (data, index and filter blocks).")
    state_write_buffer_mb: int = Field(8, ge=1, description="RocksDB memtable size per store (at most two per store).")
    state_max_open_files: int = Field(256, ge=16, description="RocksDB open files per store (table cache bound).")
    state_fetch_max_mb: int = Field(4, ge=1, description="Most changelog bytes the state reader fetches at once.")
    state_max_ahead_s: float = Field(3600.0, ge=0, description="A published_at later than its Kafka timestamp by more is clamped to it.")

    @property
    def state_dir(self) -> Path:
        return Path(self.data_dir) / "state"

    @property
    def horizon_s(self) -> int:
        return max(1, int(self.dedup_horizon_hours * 3600))

    # Live stories and merged events (issue 17; docs/stories.md, "Wiring plan")
    stories_enabled: bool = Field(True, description="Extract stage publishes story inputs and event mentions; the story and merge agents run.")
    topic_stories: str = Field("stories", description="Compacted, keyed by story_id: the latest record of every story.")
    topic_events_merged: str = Field("events.merged", description="Compacted, keyed by cluster_id: the latest record of every merged event.")
    topic_stories_input: str = Field("stories.input", description="Internal: one story input per article, keyed by language.")
    topic_events_mentions: str = Field("events.mentions", description="Internal: one mention per coded event, keyed by its merge block.")
    stories_input_partitions: int = Field(1, ge=1, description="Partitions of stories.input: one aggregation order per partition (languages never share a story).")
    story_horizon_hours: float = Field(72.0, gt=0, description="A story closes when the newest article (event time) is this far past its last article.")
    story_threshold: float = Field(0.20, gt=0, lt=1, description="Least score (cosine minus the time penalty) for an article to join a story.")
    story_gap_penalty_per_day: float = Field(0.03, ge=0, description="Score subtracted per day between an article and a story's nearest edge in time.")
    story_merge_threshold: float = Field(0.5, gt=0, le=1, description="Least centroid cosine for two stories an article joins both of to merge.")
    story_max_open: int = Field(1_000_000, ge=1, description="Open stories held; past it the longest-idle closes early.")
    merged_horizon_hours: float = Field(72.0, gt=0, description="An event cluster closes this long (event time) after its last mention.")
    merged_max_open: int = Field(2_000_000, ge=1, description="Open event clusters held; past it the longest-idle closes early.")
    story_metrics_interval_s: float = Field(15.0, gt=0, description="Period of the timer that sets the open-story and largest-story gauges.")

    @property
    def story_topics(self) -> dict[str, str]:
        """The story stage's topics (created only when ``stories_enabled``)."""
        if not self.stories_enabled:
            return {}
        return {
            "stories": self.topic(self.topic_stories),
            "events_merged": self.topic(self.topic_events_merged),
            "stories_input": self.topic(self.topic_stories_input),
            "events_mentions": self.topic(self.topic_events_mentions),
        }

    def story_config(self) -> "StoryConfig":
        from .stories import StoryConfig

        return StoryConfig(horizon_hours=self.story_horizon_hours, threshold=self.story_threshold,
                           gap_penalty_per_day=self.story_gap_penalty_per_day, merge_threshold=self.story_merge_threshold,
                           max_open_stories=self.story_max_open)

    def cluster_config(self) -> "ClusterConfig":
        from .stories import ClusterConfig

        return ClusterConfig(horizon_hours=self.merged_horizon_hours, max_open_clusters=self.merged_max_open)

    def topic(self, name: str) -> str:
        return self.topic_prefix + name

    @property
    def topics(self) -> dict[str, str]:
        return {
            "raw": self.topic(self.topic_raw),
            "clean": self.topic(self.topic_clean),
            "enriched": self.topic(self.topic_enriched),
            "events": self.topic(self.topic_events),
            "dlq": self.topic(self.topic_dlq),
        }

    @property
    def broker_urls(self) -> list[str]:
        return [f"kafka://{h.strip()}" for h in self.bootstrap_servers.split(",") if h.strip()]


def plaintext_credentials_problem(settings: Settings) -> str | None:
    """Why the configured SASL login would cross the network readable, else ``None``.

    SASL PLAIN sends the password itself; over ``SASL_PLAINTEXT`` (no TLS) anyone
    on the path reads it. Kafka accepts the combination, so the worker says so at
    start rather than refusing it (a private test network may be meant). The text
    names the settings, never the user name or the password.
    """
    protocol = settings.security_protocol.strip().upper()
    mechanism = settings.sasl_mechanism.strip().upper()
    if protocol == "SASL_PLAINTEXT" and mechanism == "PLAIN":
        return ("SASL PLAIN over SASL_PLAINTEXT: the Kafka password crosses the network unencrypted "
                f"(to {settings.bootstrap_servers}); use NEWSEVENTS_SECURITY_PROTOCOL=SASL_SSL, "
                "or a SCRAM mechanism (NEWSEVENTS_SASL_MECHANISM=SCRAM-SHA-512) if TLS is not available")
    return None


def warn_on_plaintext_credentials(settings: Settings, logger: logging.Logger | None = None) -> bool:
    """Log ``plaintext_credentials_problem`` as a warning; for the worker's start. True when it warned."""
    problem = plaintext_credentials_problem(settings)
    if problem is not None:
        (logger or logging.getLogger(__name__)).warning("%s", problem)
    return problem is not None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
