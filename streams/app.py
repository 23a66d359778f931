"""The Faust application: topics, the two agents, the read-only web endpoints.

Everything CPU-heavy lives in the stage child processes (``executor.StagePool``);
this module only wires Kafka topics to ``agents.StageAgent`` instances.
"""

from __future__ import annotations

import logging
from typing import Any

import faust
from aiohttp.web import Response

from .agents import Publisher, StageAgent
from .config import Settings
from .duplicates import NearDuplicates
from .executor import ChildProcess, StagePool, bind
from .kafka_client import FETCH_PARTITION_BYTES, MAX_MESSAGE_BYTES, GroupOffsets, faust_credentials
from .metrics import CONTENT_TYPE_LATEST, Metrics
from .offsets import OffsetGuard
from .pipeline import clean_batch, extract_batch, model_metadata
from .sensors import LagMonitor, PipelineSensor

log = logging.getLogger(__name__)


class Pipeline:
    """The app plus what its agents need; created once per worker process."""

    def __init__(self, settings: Settings, metrics: Metrics | None = None) -> None:
        self.settings = settings
        self.metrics = metrics or Metrics()
        s = settings
        self.app = faust.App(
            s.app_id,
            broker=s.broker_urls,
            broker_credentials=faust_credentials(s),
            producer_acks=-1,
            producer_max_request_size=MAX_MESSAGE_BYTES,
            # Memory: the worker holds what it prefetched. Faust's default buffer is 4,096
            # messages a stream and aiokafka's 32 MB a partition here, i.e. a backlog of
            # raw HTML pages sits in the main process (~200 MB at 1,000 queued articles).
            # Two batches of buffer keep the child busy; 1 MiB a partition per fetch is
            # plenty, and a bigger message still arrives whole (the broker returns the
            # first record batch whatever its size, KIP-74).
            consumer_max_fetch_size=FETCH_PARTITION_BYTES,
            stream_buffer_maxsize=2 * s.batch_size,
            consumer_auto_offset_reset="earliest",
            broker_commit_interval=s.commit_interval_s,
            # The child process may hold a batch for up to batch_size * timeout.
            broker_max_poll_interval=max(300.0, s.message_timeout_s * s.batch_size + 60),
            topic_partitions=s.topic_partitions,
            topic_replication_factor=s.topic_replication_factor,
            topic_disable_leader=True,
            store="memory://",
            datadir=s.data_dir,
            web_enabled=True,
            web_bind=s.web_host,
            web_host=s.web_host,
            web_port=s.web_port,
            web_in_thread=False,
            # Only /metrics and /health (ours) and Faust's index: no partition map, tables, graph or stats.
            web_router_enabled=False,
            web_tables_enabled=False,
            web_graph_enabled=False,
            web_stats_enabled=False,
            key_serializer="raw",
            value_serializer="raw",
            logging_config=None,
        )
        t = s.topics

        def topic(name: str) -> Any:
            return self.app.topic(
                name,
                key_type=bytes,
                value_type=bytes,
                key_serializer="raw",
                value_serializer="raw",
                partitions=s.topic_partitions,
                replicas=s.topic_replication_factor,
                config={"max.message.bytes": str(MAX_MESSAGE_BYTES)},
            )

        self.topics = {kind: topic(name) for kind, name in t.items()}
        self.metrics.prepare(t)
        if s.child_per_stage:
            clean_child = ChildProcess("clean", warm=("clean",), memory_limit_mb=s.child_memory_limit_mb)
            extract_child = ChildProcess("extract", warm=("extract",), memory_limit_mb=s.child_memory_limit_mb)
        else:
            clean_child = extract_child = ChildProcess("nlp", warm=("clean", "extract"), memory_limit_mb=s.child_memory_limit_mb)
        self.children = list({id(c): c for c in (clean_child, extract_child)}.values())
        self.clean_pool = StagePool("clean", bind(clean_batch, max_bytes=s.max_input_bytes), timeout_s=s.message_timeout_s, child=clean_child)
        self.extract_pool = StagePool("extract", extract_batch, timeout_s=s.message_timeout_s, child=extract_child)
        # content hash -> first article id; a GlobalTable so every worker sees all
        # partitions' entries (duplicates arrive under different keys/partitions).
        self.seen_hashes = self.app.GlobalTable(
            "content-hashes", key_type=str, value_type=str, partitions=s.topic_partitions,
            use_partitioner=True,  # written from batch code, outside Faust's per-event context
            help="content hash -> first article id"
        ) if s.skip_exact_duplicates else None
        # LSH bands/signatures of clean articles (see streams/duplicates.py).
        self.near_dup_table = self.app.GlobalTable(
            "near-duplicates", key_type=str, value_type=str, partitions=s.topic_partitions,
            use_partitioner=True, help="MinHash LSH index of clean articles",
        ) if s.detect_near_duplicates else None
        self.group_offsets = GroupOffsets(s)
        self.offset_guard = OffsetGuard(self.app, self.group_offsets, self.metrics, [t["raw"], t["clean"]])
        publisher = Publisher(s, self.metrics)
        self.clean_agent = StageAgent(
            stage="clean", settings=s, metrics=self.metrics, pool=self.clean_pool,
            outputs={"clean": self.topics["clean"]}, dlq=self.topics["dlq"], publisher=publisher,
            near_duplicates=NearDuplicates(self.near_dup_table) if self.near_dup_table is not None else None,
            offset_guard=self.offset_guard,
        )
        self.extract_agent = StageAgent(
            stage="extract", settings=s, metrics=self.metrics, pool=self.extract_pool,
            outputs={"enriched": self.topics["enriched"], "event": self.topics["events"]}, dlq=self.topics["dlq"],
            publisher=publisher, skip_exact_duplicates=s.skip_exact_duplicates, seen_hashes=self.seen_hashes,
            offset_guard=self.offset_guard,
        )
        self._wire()

    def start_children(self) -> None:
        """Load the models in the child process(es) before joining the consumer group."""
        for child in self.children:
            child.start()
            self.metrics.model_load_seconds.labels(stage=child.name).set(child.warm_seconds or 0.0)
        self.metrics.set_build_info(self.extract_pool.child.call_sync(model_metadata))

    def _wire(self) -> None:
        app, metrics = self.app, self.metrics
        # concurrency=1 on purpose: faust-streaming #606 (offsets passing in-flight messages).
        app.agent(self.topics["raw"], name="newsevents.clean", concurrency=1)(self.clean_agent.run)
        app.agent(self.topics["clean"], name="newsevents.extract", concurrency=1)(self.extract_agent.run)
        app.sensors.add(PipelineSensor(metrics))

        lag_monitor = LagMonitor(app, metrics, self.group_offsets)
        guard = self.offset_guard

        @app.on_partitions_assigned.connect
        async def assigned(app: faust.App, assigned: Any, **kwargs: Any) -> None:  # noqa: ARG001
            await guard.on_assigned(assigned)

        @app.on_partitions_revoked.connect
        async def revoked(app: faust.App, revoked: Any, **kwargs: Any) -> None:  # noqa: ARG001
            guard.on_revoked(revoked)

        self._stopping = False

        @app.timer(interval=2.0)
        async def heartbeat() -> None:
            # Timers run only once the app has started (tables recovered, web up),
            # so a ticking timer is what "up" means for /health and worker_up.
            if not self._stopping:
                metrics.up.set(1)
                metrics.heartbeat.set_to_current_time()
            await lag_monitor.update()

        @app.page("/metrics")
        async def metrics_view(web: Any, request: Any) -> Any:  # noqa: ARG001
            return Response(body=metrics.exposition(), headers={"Content-Type": CONTENT_TYPE_LATEST})

        @app.page("/health")
        async def health_view(web: Any, request: Any) -> Any:  # noqa: ARG001
            up = bool(metrics.up._value.get())  # noqa: SLF001
            return web.json({"status": "ok" if up else "starting", "worker": self.settings.worker_id}, status=200 if up else 503)
