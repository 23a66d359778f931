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

    def __init__(self, app: Any, metrics: Metrics, offsets: Any) -> None:
        self.app, self.metrics, self.offsets = app, metrics, offsets

    async def update(self) -> dict[Any, int]:
        """Sets the gauge; returns the end offsets it read (the offset guard's stall check uses them), {} if none."""
        consumer = getattr(self.app, "consumer", None)
        try:
            assigned = [tp for tp in consumer.assignment() if not tp.topic.endswith("-changelog")]
        except Exception:  # noqa: BLE001 - not started / rebalancing
            return {}
        seen: set[tuple[str, str]] = set()
        highwaters: dict[Any, int] = {}
        try:
            if assigned:
                highwaters = await consumer.highwaters(*assigned)
                committed = await self.offsets.committed(assigned)
                for tp in assigned:
                    end = highwaters.get(tp)
                    if end is None:
                        continue
                    offset = committed.get(tp) or 0
                    self.metrics.lag.labels(topic=tp.topic, partition=str(tp.partition)).set(max(0, end - offset))
                    seen.add((tp.topic, str(tp.partition)))
        except Exception as exc:  # noqa: BLE001
            log.debug("lag update skipped: %r", exc)
            return {}
        for labels in list(self.metrics.lag._metrics):  # noqa: SLF001 - drop partitions no longer assigned
            if labels not in seen:
                self.metrics.lag.remove(*labels)
        return dict(highwaters)
