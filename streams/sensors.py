"""Kafka-side health metrics Faust does not export: commit latency, rebalances, consumer lag."""

from __future__ import annotations

import logging
import time
from typing import Any

from faust import Sensor

from .metrics import Metrics

log = logging.getLogger(__name__)


class PipelineSensor(Sensor):
    """Faust sensor hooks -> our Prometheus metrics."""

    def __init__(self, metrics: Metrics, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.metrics = metrics

    def on_commit_initiated(self, consumer: Any) -> Any:
        return time.perf_counter()

    def on_commit_completed(self, consumer: Any, state: Any) -> None:
        if isinstance(state, float):
            self.metrics.commit_seconds.observe(time.perf_counter() - state)

    def on_rebalance_start(self, app: Any) -> dict:
        self.metrics.rebalances.inc()
        return {}


class LagMonitor:
    """Lag per assigned partition = end offset - committed offset of our group.

    Each worker reports only the partitions assigned to it, so the sum over
    workers is the group's lag with nothing counted twice. Committed offsets are
    read from the broker (admin API), not from Faust's memory, so the gauge shows
    what a restart would resume from. End offsets come from Faust's consumer.
    """

    def __init__(self, app: Any, metrics: Metrics, settings: Any) -> None:
        self.app, self.metrics, self.settings = app, metrics, settings
        self._admin: Any = None

    async def _admin_client(self) -> Any:
        if self._admin is None:
            from aiokafka.admin import AIOKafkaAdminClient

            from .kafka_client import aiokafka_kwargs

            admin = AIOKafkaAdminClient(**aiokafka_kwargs(self.settings))
            await admin.start()
            self._admin = admin
        return self._admin

    async def close(self) -> None:
        if self._admin is not None:
            await self._admin.close()
            self._admin = None

    async def update(self) -> None:
        consumer = getattr(self.app, "consumer", None)
        try:
            assigned = [tp for tp in consumer.assignment() if not tp.topic.endswith("-changelog")]
        except Exception:  # noqa: BLE001 - not started / rebalancing
            return
        seen: set[tuple[str, str]] = set()
        try:
            if assigned:
                highwaters = await consumer.highwaters(*assigned)
                admin = await self._admin_client()
                committed = await admin.list_consumer_group_offsets(self.settings.app_id, partitions=assigned)
                for tp in assigned:
                    end = highwaters.get(tp)
                    if end is None:
                        continue
                    meta = committed.get(tp)
                    offset = meta.offset if meta is not None and meta.offset >= 0 else 0
                    self.metrics.lag.labels(topic=tp.topic, partition=str(tp.partition)).set(max(0, end - offset))
                    seen.add((tp.topic, str(tp.partition)))
        except Exception as exc:  # noqa: BLE001
            log.debug("lag update skipped: %r", exc)
            return
        for labels in list(self.metrics.lag._metrics):  # noqa: SLF001 - drop partitions no longer assigned
            if labels not in seen:
                self.metrics.lag.remove(*labels)
