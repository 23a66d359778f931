"""The Faust application: topics, the two agents, the read-only web endpoints, and the wiring between them.

Everything CPU-heavy lives in the stage child processes (``executor.StagePool``);
this module connects Kafka topics to ``agents.StageAgent`` instances and sets
the consumer and producer up for bounded, lossless operation:

* ``stream_wait_empty=False``: a rebalance does not wait for the batch in
  flight; the revocation handler abandons it (``StageAgent.abandon``) and the
  offset guard never commits what it did not finish. Faust's rebalance timeout
  (60 s) is therefore never spent on our work.
* ``broker_max_poll_records`` = one batch: Faust's fetch loop blocks while the
  stream buffer is full, so at most a couple of batches pass between two polls.
  With the time budgets (see ``docs/operations.md``, "Time budgets") that keeps
  polls far inside Faust's default ``max_poll_interval`` (1000 s), which is not
  raised.
* bounded fetches: ``max_partition_fetch_bytes`` 1 MiB, ``fetch_max_bytes`` the
  raw topic's limit, and record batches inflated under a bound
  (``decompression.install``).
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import faust
import orjson
from aiohttp.web import Response

from .agents import StageAgent
from .config import Settings, warn_on_plaintext_credentials
from .decompression import install as bound_decompression
from .duplicate_policy import DuplicatePolicy
from .duplicates import EXACT_STORE, NEAR_STORE, ExactDuplicateState, NearDuplicateState, exact_index_keys, near_index_keys
from .executor import Budgets, ChildProcess, StagePool, bind
from .health import Health
from .kafka_client import (FETCH_PARTITION_BYTES, GroupOffsets, faust_credentials, input_limit, make_producer_idempotent,
                           producer_max_request, resolve_replication_factor, topic_configs, topic_exists)
from .metrics import CONTENT_TYPE_LATEST, Metrics
from .offsets import OffsetGuard
from .pipeline import clean_batch, extract_batch, model_metadata
from .publishing import Publisher
from .routing import Router
from .sensors import LagMonitor, PipelineSensor
from .state import StateRuntime, StoreSpec
from .state.migrate import check_legacy

log = logging.getLogger(__name__)

# Known-good inputs of each stage, run in a fresh child before a suspect message is declared guilty:
# if even these fail, the machine is at fault, not the message. Written for this purpose.
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


def _bound_consumer_fetches(max_fetch_bytes: int) -> None:
    """Faust does not pass ``fetch_max_bytes`` to aiokafka (default 50 MB a fetch): set it on the consumer it creates."""
    from faust.transport.drivers import aiokafka as driver

    cls = driver.AIOKafkaConsumerThread
    original = getattr(cls._create_worker_consumer, "__wrapped__", cls._create_worker_consumer)

    def create(self: Any, transport: Any) -> Any:
        consumer = original(self, transport)
        consumer._fetch_max_bytes = max_fetch_bytes  # noqa: SLF001 - read by aiokafka's Fetcher at start
        return consumer

    create.__wrapped__ = original  # type: ignore[attr-defined]
    cls._create_worker_consumer = create


class _App(faust.App):
    """faust.App with the pipeline's state layer started before the consumer and stopped after its last commit."""

    pipeline: "Pipeline | None" = None

    async def on_start(self) -> None:
        await super().on_start()
        if self.pipeline is not None:
            await self.pipeline.start_state()

    async def on_shutdown(self) -> None:
        await super().on_shutdown()
        if self.pipeline is not None:
            await self.pipeline.stop_state()


class Pipeline:
    """The app plus what its agents need; created once per worker process."""

    def __init__(self, settings: Settings, metrics: Metrics | None = None) -> None:
        self.settings = settings
        self.metrics = metrics or Metrics()
        s = settings
        bound_decompression(s.max_input_bytes)
        _bound_consumer_fetches(input_limit(s))
        make_producer_idempotent()
        if s.topic_replication_factor == 0:  # normally resolved by ensure_topics before the worker is built
            asyncio.run(resolve_replication_factor(s))
        self.app = _App(
            s.app_id,
            broker=s.broker_urls,
            broker_credentials=faust_credentials(s),
            producer_acks=-1,
            producer_max_request_size=producer_max_request(s),
            producer_request_timeout=s.producer_request_timeout_s,
            # Memory: the worker holds what it prefetched. Two batches of buffer keep the
            # child busy; 1 MiB a partition per fetch is plenty, and a bigger message still
            # arrives whole (the broker returns the first record batch whatever its size, KIP-74).
            consumer_max_fetch_size=FETCH_PARTITION_BYTES,
            stream_buffer_maxsize=2 * s.batch_size,
            broker_max_poll_records=s.batch_size,
            stream_wait_empty=False,
            consumer_auto_offset_reset="earliest",
            broker_commit_interval=s.commit_interval_s,
            topic_partitions=s.topic_partitions,
            topic_replication_factor=s.topic_replication_factor,
            topic_disable_leader=True,
            store="memory://",  # Faust tables are not used: the state layer (streams/state) keeps the pipeline's state
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
        configs = topic_configs(s)

        def topic(name: str) -> Any:
            return self.app.topic(
                name, key_type=bytes, value_type=bytes, key_serializer="raw", value_serializer="raw",
                partitions=s.topic_partitions, replicas=s.topic_replication_factor, config=configs[name],
            )

        self.topics = {kind: topic(name) for kind, name in t.items()}
        self.metrics.prepare(t)
        self._build_pools()
        self.state, near, exact = self._build_state()
        self.group_offsets = GroupOffsets(s)
        self.offset_guard = OffsetGuard(self.app, self.group_offsets, self.metrics, [t["raw"], t["clean"]])
        self.publisher = Publisher(
            lambda: self.app.producer._ensure_producer(),  # noqa: SLF001 - the aiokafka producer Faust owns
            dlq_topic=t["dlq"], metrics=self.metrics, retry_max_s=s.send_retry_max_s,
            topic_exists=lambda name: topic_exists(s, name),
        )
        self.health = Health(self.metrics, self.publisher.stall, s.output_stall_s)

        def agent(stage: str, pool: StagePool, outputs: dict[str, str], duplicates: DuplicatePolicy) -> StageAgent:
            router = Router(stage=stage, outputs=outputs, dlq=t["dlq"], metrics=self.metrics, worker_id=s.worker_id,
                            dlq_payload_max_bytes=s.dlq_payload_max_bytes)
            return StageAgent(stage=stage, settings=s, metrics=self.metrics, pool=pool, router=router, publisher=self.publisher,
                              guard=self.offset_guard, duplicates=duplicates, health=self.health)

        self.clean_agent = agent("clean", self.clean_pool, {"clean": t["clean"]},
                                 DuplicatePolicy(self.metrics, state=self.state, near=near))
        story_outputs = {"story_input": s.story_topics["stories_input"], "event_mention": s.story_topics["events_mentions"]} if s.stories_enabled else {}
        self.extract_agent = agent("extract", self.extract_pool, {"enriched": t["enriched"], "event": t["events"], **story_outputs},
                                   DuplicatePolicy(self.metrics, state=self.state, exact=exact))
        self.agents = [self.clean_agent, self.extract_agent]
        self.story_stages = []
        if s.stories_enabled:  # issue 17: story and merge agents (streams/story_agents.py, docs/stories.md)
            from .kafka_client import story_topic_specs
            from .story_agents import wire_story_agents

            specs = story_topic_specs(s)
            self.story_stages = wire_story_agents(self.app, s, self.metrics, self.publisher, lambda name, partitions: self.app.topic(
                name, key_type=bytes, value_type=bytes, key_serializer="raw", value_serializer="raw",
                partitions=partitions, replicas=s.topic_replication_factor, config=specs[name][1]))
        self._wire()
        self.app.pipeline = self

    # ---- state layer (streams/state, docs/state.md) -----------------------------------------

    def _build_state(self) -> tuple[StateRuntime, NearDuplicateState | None, ExactDuplicateState | None]:
        """The duplicate stores: near over the raw topic (clean stage), exact over the clean topic (extract stage)."""
        s, t = self.settings, self.settings.topics
        runtime = StateRuntime(s, self.metrics.state)
        near = exact = None
        if s.detect_near_duplicates:
            near = NearDuplicateState(runtime.add_store(StoreSpec(NEAR_STORE, t["raw"], s.horizon_s, near_index_keys)))
        if s.skip_exact_duplicates:
            exact = ExactDuplicateState(runtime.add_store(StoreSpec(EXACT_STORE, t["clean"], s.horizon_s, exact_index_keys)))
        return runtime, near, exact

    async def start_state(self) -> None:
        """Before the consumer starts: warn about plaintext credentials, name legacy state, open the stores."""
        warn_on_plaintext_credentials(self.settings, log)
        await check_legacy(self.settings)
        if self.state.stores and self.state.started_at is None:
            await self.state.start()
            asyncio.ensure_future(self._report_caught_up())

    async def _report_caught_up(self) -> None:
        try:
            await self.state.caught_up()
        except asyncio.CancelledError:
            return
        log.info("state caught up: worker ready")

    @property
    def state_ready(self) -> bool:
        return not self.state.stores or self.state.recovered_at is not None

    async def stop_state(self) -> None:
        """After the consumer's last commit: flush and close the stores."""
        if self.state.started_at is not None:
            await self.state.stop()

    def _build_pools(self) -> None:
        s, m = self.settings, self.metrics
        kw = {"memory_limit_mb": s.child_memory_limit_mb, "start_timeout_s": s.child_start_timeout_s}
        if s.child_per_stage:
            clean_child, extract_child = ChildProcess("clean", warm=("clean",), **kw), ChildProcess("extract", warm=("extract",), **kw)
        else:
            clean_child = extract_child = ChildProcess("nlp", warm=("clean", "extract"), **kw)
        self.children = list({id(c): c for c in (clean_child, extract_child)}.values())
        budgets = Budgets(cpu_s=s.message_timeout_s, stall_s=s.message_stall_s, wall_s=s.message_wall_limit_s)

        def on_event(event: str, stage: str, label: str) -> None:
            if event == "child_restart":
                m.child_restarts.labels(stage=stage, cause=label).inc()
            elif event == "verdict":
                m.verdicts.labels(stage=stage, verdict=label).inc()
            elif event == "infrastructure":
                m.infrastructure_faults.labels(stage=stage, kind=label).inc()

        self.clean_pool = StagePool("clean", bind(clean_batch, max_bytes=s.max_input_bytes, max_record_bytes=s.max_record_bytes,
                                                  max_body_chars=s.max_body_chars),
                                    budgets=budgets, batch_s=s.batch_budget_s, child=clean_child, control=CONTROL_RAW, listener=on_event)
        self.extract_pool = StagePool("extract", bind(extract_batch, stories=s.stories_enabled), budgets=budgets, batch_s=s.batch_budget_s, child=extract_child,
                                      control=CONTROL_CLEAN, listener=on_event)

    def start_children(self) -> None:
        """Load the models in the child process(es) before joining the consumer group."""
        for child in self.children:
            child.start()
            self.metrics.model_load_seconds.labels(stage=child.name).set(child.warm_seconds or 0.0)
        self.metrics.set_build_info(self.extract_pool.child.call_sync(model_metadata))

    def _wire(self) -> None:
        app, metrics, guard = self.app, self.metrics, self.offset_guard
        # concurrency=1 on purpose: faust-streaming #606 (offsets passing in-flight messages).
        app.agent(self.topics["raw"], name="newsevents.clean", concurrency=1)(self.clean_agent.run)
        app.agent(self.topics["clean"], name="newsevents.extract", concurrency=1)(self.extract_agent.run)
        app.sensors.add(PipelineSensor(metrics))
        lag_monitor = LagMonitor(app, metrics, self.group_offsets)

        @app.on_partitions_assigned.connect
        async def assigned(app: faust.App, assigned: Any, **kwargs: Any) -> None:  # noqa: ARG001
            self.state.assigned(assigned)
            await guard.on_assigned(assigned)

        @app.on_partitions_revoked.connect
        async def revoked(app: faust.App, revoked: Any, **kwargs: Any) -> None:  # noqa: ARG001
            # The batches in flight stop now (a rebalance never waits for them); what they finished is committed.
            for agent in self.agents:
                agent.abandon()
            try:
                await asyncio.wait_for(app.consumer.commit(), 10)
            except Exception as exc:  # noqa: BLE001 - the next owner re-processes from the last commit
                log.info("commit on revocation failed: %r", exc)
            guard.on_revoked(revoked)
            self.state.revoked(revoked)

        @app.timer(interval=2.0)
        async def heartbeat() -> None:
            # Timers run only once the app has started (web up); with the state caught up
            # too, a ticking timer is what "up" means for /health and worker_up.
            if not app.should_stop and self.state_ready:
                metrics.up.set(1)
                self.health.running = True
                metrics.heartbeat.set_to_current_time()
            self.health.check()
            guard.watchdog()
            await guard.apply_seeks()
            await lag_monitor.update()

        @app.page("/metrics")
        async def metrics_view(web: Any, request: Any) -> Any:  # noqa: ARG001
            return Response(body=metrics.exposition(), headers={"Content-Type": CONTENT_TYPE_LATEST})

        @app.page("/health")
        async def health_view(web: Any, request: Any) -> Any:  # noqa: ARG001
            ok, reasons = self.health.check()
            status = "ok" if ok else ("starting" if not self.health.running else "unhealthy")
            return web.json({"status": status, "worker": self.settings.worker_id, "problems": reasons}, status=200 if ok else 503)
