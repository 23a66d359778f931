"""The Faust application: topics, one agent per stage of the chain (``chain.py``), the read-only web endpoints, and the wiring between them.

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
from aiohttp.web import Response

from .agents import StageAgent
from .chain import CHAIN, DLQ, Stage, input_topics, topic_names
from .config import Settings, warn_on_plaintext_credentials
from .decompression import install as bound_decompression
from .duplicate_policy import stage_policy
from .executor import Budgets, ChildProcess, StagePool
from .health import Health
from .kafka_client import (FETCH_PARTITION_BYTES, GroupOffsets, faust_credentials, input_limit, make_producer_idempotent,
                           producer_max_request, resolve_replication_factor, topic_configs, topic_exists)
from .metrics import CONTENT_TYPE_LATEST, Metrics
from .offsets import OffsetGuard
from .cores import model_metadata
from .publishing import Publisher
from .routing import Router
from .sensors import LagMonitor, PipelineSensor
from .state import StateRuntime
from .state.migrate import check_legacy

log = logging.getLogger(__name__)

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
    """faust.App with the worker's state layer started before the consumer and stopped after its last commit."""

    worker: "Worker | None" = None

    async def on_start(self) -> None:
        await super().on_start()
        if self.worker is not None:
            await self.worker.start_state()

    async def on_shutdown(self) -> None:
        await super().on_shutdown()
        if self.worker is not None:
            await self.worker.stop_state()


class Worker:
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
        self.pools = self._build_pools()
        self.state = StateRuntime(s, self.metrics.state)
        self.group_offsets = GroupOffsets(s)
        self.offset_guard = OffsetGuard(self.app, self.group_offsets, self.metrics, input_topics(s),
                                        stall_s=s.partition_stall_s, stall_unhealthy_s=s.partition_stall_unhealthy_s)
        self.publisher = Publisher(
            lambda: self.app.producer._ensure_producer(),  # noqa: SLF001 - the aiokafka producer Faust owns
            dlq_topic=t[DLQ], metrics=self.metrics, retry_max_s=s.send_retry_max_s,
            topic_exists=lambda name: topic_exists(s, name),
        )
        self.health = Health(self.metrics, self.publisher.stall, s.output_stall_s, partitions=self.offset_guard.problems)
        self.agents = {stage.name: self._agent(stage) for stage in CHAIN}
        self.story_stages = []
        if s.stories_enabled:  # issue 17: story and merge agents (streams/story_agents.py, docs/stories.md)
            from .kafka_client import story_topic_specs
            from .story_agents import wire_story_agents

            specs = story_topic_specs(s)
            self.story_stages = wire_story_agents(
                self.app, s, self.metrics, self.publisher, self.offset_guard, lambda name, partitions: self.app.topic(
                    name, key_type=bytes, value_type=bytes, key_serializer="raw", value_serializer="raw",
                    partitions=partitions, replicas=s.topic_replication_factor, config=specs[name][1]))
        self._wire()
        self.app.worker = self

    # ---- state layer (streams/state, docs/state.md) -----------------------------------------

    def _agent(self, stage: Stage) -> StageAgent:
        """A stage of the chain as an agent: its pool, its router (outputs, dead letters) and its duplicate policy,
        whose store follows the stage's input topic (near over the raw topic, exact over the clean topic)."""
        s = self.settings
        names = topic_names(s)
        router = Router(stage=stage.name, outputs=stage.output_topics(names), dlq=names[DLQ], metrics=self.metrics,
                        worker_id=s.worker_id, dlq_payload_max_bytes=s.dlq_payload_max_bytes, dead_letter_stage=stage.dead_letter_stage)
        duplicates = stage_policy(stage.duplicates, names[stage.input], s, self.metrics, self.state)
        return StageAgent(stage=stage.name, settings=s, metrics=self.metrics, pool=self.pools[stage.name], router=router,
                          publisher=self.publisher, guard=self.offset_guard, duplicates=duplicates, health=self.health)

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

    def _build_pools(self) -> dict[str, StagePool]:
        """One pool per stage of the chain; a child process per stage, or one for all (``child_per_stage``)."""
        s, m = self.settings, self.metrics
        kw = {"memory_limit_mb": s.child_memory_limit_mb, "start_timeout_s": s.child_start_timeout_s}
        if s.child_per_stage:
            children = {stage.name: ChildProcess(stage.name, warm=(stage.name,), **kw) for stage in CHAIN}
        else:
            shared = ChildProcess("nlp", warm=tuple(stage.name for stage in CHAIN), **kw)
            children = {stage.name: shared for stage in CHAIN}
        self.children = list({id(c): c for c in children.values()}.values())
        budgets = Budgets(cpu_s=s.message_timeout_s, stall_s=s.message_stall_s, wall_s=s.message_wall_limit_s)

        def on_event(event: str, stage: str, label: str) -> None:
            if event == "child_restart":
                m.child_restarts.labels(stage=stage, cause=label).inc()
            elif event == "verdict":
                m.verdicts.labels(stage=stage, verdict=label).inc()
            elif event == "infrastructure":
                m.infrastructure_faults.labels(stage=stage, kind=label).inc()

        return {stage.name: StagePool(stage.name, stage.core(s), budgets=budgets, batch_s=s.batch_budget_s, group=s.child_group_size,
                                      child=children[stage.name],
                                      control=stage.control, listener=on_event) for stage in CHAIN}

    def start_children(self) -> None:
        """Load the models in the child process(es) before joining the consumer group."""
        for child in self.children:
            child.start()
            self.metrics.model_load_seconds.labels(stage=child.name).set(child.warm_seconds or 0.0)
        self.metrics.set_build_info(self.pools[CHAIN[-1].name].child.call_sync(model_metadata))

    def _wire(self) -> None:
        app, metrics, guard = self.app, self.metrics, self.offset_guard
        # concurrency=1 on purpose: faust-streaming #606 (offsets passing in-flight messages).
        for stage in CHAIN:
            app.agent(self.topics[stage.input], name=f"newsevents.{stage.name}", concurrency=1)(self.agents[stage.name].run)
        app.sensors.add(PipelineSensor(metrics))
        lag_monitor = LagMonitor(app, metrics, self.group_offsets)

        @app.on_partitions_assigned.connect
        async def assigned(app: faust.App, assigned: Any, **kwargs: Any) -> None:  # noqa: ARG001
            self.state.assigned(assigned)
            await guard.on_assigned(assigned)

        @app.on_partitions_revoked.connect
        async def revoked(app: faust.App, revoked: Any, **kwargs: Any) -> None:  # noqa: ARG001
            # The batches in flight stop now (a rebalance never waits for them); what they finished is committed.
            for agent in self.agents.values():
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
            guard.check_progress(await lag_monitor.update())  # its seeks are made on the next tick (or after a batch)

        @app.page("/metrics")
        async def metrics_view(web: Any, request: Any) -> Any:  # noqa: ARG001
            return Response(body=metrics.exposition(), headers={"Content-Type": CONTENT_TYPE_LATEST})

        @app.page("/health")
        async def health_view(web: Any, request: Any) -> Any:  # noqa: ARG001
            ok, reasons = self.health.check()
            status = "ok" if ok else ("starting" if not self.health.running else "unhealthy")
            return web.json({"status": status, "worker": self.settings.worker_id, "problems": reasons}, status=200 if ok else 503)
