"""The two agents: thin loops that take a batch, hand it to the stage's child
process, publish what comes back, and only then let Faust acknowledge.

At-least-once, step by step:
1. ``take_events`` buffers up to ``batch_size`` messages (Faust acks them only
   after our loop body for the batch returns).
2. The child process turns each message into output records or a dead-letter
   reason (``pipeline.Outcome``); nothing is lost on an exception there.
3. Every record is sent and its acknowledgement (acks=all) awaited; failed sends
   are retried with back-off for as long as it takes. A broker outage stalls the
   stream (lag grows, alerts fire) instead of dropping data.
4. The body returns, Faust acks the batch, and a later commit (preceded by a
   producer flush) moves the group offset past it.
Agent concurrency stays 1: with more, Faust can commit past an in-flight
message (faust-streaming #606). Parallelism comes from more worker processes.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from dataclasses import dataclass
from typing import Any, Sequence

from .config import Settings
from .errors import DECODE_REASONS
from .deadletter import build_dead_letter, dead_letter_key
from .duplicates import NearDuplicates, mark_near_duplicate
from .executor import StagePool
from .metrics import Metrics
from .pipeline import Outcome, dumps

log = logging.getLogger(__name__)

INGEST_TS_HEADER = "newsevents-ingest-ts"
CONTENT_HASH_HEADER = "newsevents-content-hash"


@dataclass(slots=True)
class Output:
    topic: Any  # faust TopicT
    kind: str
    key: str
    value: bytes
    headers: list[tuple[str, bytes]]


def header(message: Any, name: str) -> bytes | None:
    headers = message.headers or []
    items = headers.items() if hasattr(headers, "items") else headers
    for k, v in items:
        if k == name:
            return v
    return None


class Publisher:
    """Sends records and waits for their acknowledgement, retrying failures until they succeed."""

    def __init__(self, settings: Settings, metrics: Metrics) -> None:
        self.settings = settings
        self.metrics = metrics

    async def send_all(self, outputs: Sequence[Output]) -> None:
        pending = list(outputs)
        delay = 0.25
        while pending:
            futures: list[Any] = []
            for out in pending:
                try:
                    futures.append(await out.topic.send(key=out.key.encode("utf-8"), value=out.value, headers=out.headers))
                except Exception as exc:  # noqa: BLE001 - retried below
                    fut = asyncio.get_running_loop().create_future()
                    fut.set_exception(exc)
                    futures.append(fut)
            results = await asyncio.gather(*futures, return_exceptions=True)
            failed = []
            for out, res in zip(pending, results):
                if isinstance(res, BaseException):
                    self.metrics.producer_errors.labels(topic=out.topic.get_topic_name()).inc()
                    failed.append((out, res))
                else:
                    self.metrics.produced.labels(topic=out.topic.get_topic_name()).inc()
            if not failed:
                return
            log.warning("%d sends failed (first: %r); retrying in %.1f s", len(failed), failed[0][1], delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, self.settings.send_retry_max_s)
            pending = [out for out, _ in failed]


class StageAgent:
    """One stage: consume from ``source``, run ``pool``, publish to ``outputs`` or the DLQ."""

    def __init__(
        self,
        *,
        stage: str,
        settings: Settings,
        metrics: Metrics,
        pool: StagePool,
        outputs: dict[str, Any],
        dlq: Any,
        publisher: Publisher,
        skip_exact_duplicates: bool = False,
        seen_hashes: Any = None,
        near_duplicates: NearDuplicates | None = None,
        offset_guard: Any = None,
    ) -> None:
        self.stage = stage
        self.settings = settings
        self.metrics = metrics
        self.pool = pool
        self.outputs = outputs
        self.dlq = dlq
        self.publisher = publisher
        self.skip_exact_duplicates = skip_exact_duplicates
        self.seen_hashes = seen_hashes
        self.near_duplicates = near_duplicates
        self._tables_ready = False
        self.offset_guard = offset_guard

    async def run(self, stream: Any) -> None:
        async for events in stream.take_events(self.settings.batch_size, within=self.settings.batch_window_s):
            task = asyncio.ensure_future(self.process_safely(events))
            try:
                await asyncio.shield(task)
            except asyncio.CancelledError:
                # Stopping mid-batch: finish publishing first, because Faust
                # acknowledges the batch as soon as this body exits.
                try:
                    await asyncio.wait_for(task, timeout=self.settings.message_timeout_s * len(events) + 30)
                except Exception:  # noqa: BLE001
                    log.exception("could not finish the in-flight batch on shutdown")
                raise

    async def process_safely(self, events: Sequence[Any]) -> None:
        """``process``, and if our own code fails, dead-letter the batch rather than lose it.

        Faust acknowledges a ``take_events`` batch even when the body raises, so
        an exception escaping here would silently skip the batch. If even the
        dead letters cannot be written, the process exits hard: nothing of this
        batch is committed and it is redelivered after the restart.
        """
        try:
            await self.process(events)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001
            log.exception("%s batch failed in the worker itself; dead-lettering %d messages", self.stage, len(events))
            try:
                failure = Outcome(reason="internal_error", message=f"worker error: {type(exc).__name__}: {exc}"[:500], stats={"stage": self.stage})
                await self.publisher.send_all([out for ev in events for out in self._outputs_for(ev, failure)])
            except Exception:  # noqa: BLE001
                log.critical("cannot dead-letter a failed batch; exiting without commit", exc_info=True)
                os._exit(70)

    async def _prepare_tables(self) -> None:
        """Load producer metadata of our tables' changelog topics before the first write.

        The tables pick the changelog partition from the key (``use_partitioner``),
        which needs the topic's metadata in the producer; a write made before it is
        loaded fails inside Faust. This waits for it once.
        """
        if self._tables_ready:
            return
        tables = [t for t in (self.seen_hashes, getattr(self.near_duplicates, "store", None)) if t is not None]
        for table in tables:
            producer = table.app.producer._ensure_producer()  # noqa: SLF001 - the aiokafka producer Faust owns
            await producer.partitions_for(table.changelog_topic.get_topic_name())
        self._tables_ready = True

    async def process(self, events: Sequence[Any]) -> None:
        m = self.metrics
        await self._prepare_tables()
        holes = self.offset_guard.holes(events) if self.offset_guard is not None else {}
        m.in_flight.inc(len(events))
        try:
            values: list[bytes | None] = []
            for ev in events:
                msg = ev.message
                m.consumed.labels(topic=msg.topic).inc()
                m.bytes_in.labels(topic=msg.topic).inc(len(msg.value or b""))
                values.append(msg.value)
            started = time.perf_counter()
            outcomes = await self.pool.run(self._inputs(events, values))
            m.batch_seconds.labels(stage=self.stage).observe(time.perf_counter() - started)
            if self.pool.restarts:
                m.child_restarts.labels(stage=self.stage).inc(self.pool.restarts)
                self.pool.restarts = 0
            by_index: dict[int, Outcome] = dict(enumerate(outcomes))
            if self.near_duplicates is not None:
                for outcome in outcomes:
                    self._mark_near_duplicate(outcome)
            outputs: list[Output] = []
            for i, ev in enumerate(events):
                outputs.extend(self._outputs_for(ev, by_index[i]))
            t0 = time.perf_counter()
            await self.publisher.send_all(outputs)
            acked = time.time()
            if outputs:
                m.stage_seconds.labels(stage="produce").observe((time.perf_counter() - t0) / max(1, len(events)))
            self._observe_end_to_end(events, outputs, acked)
            self._remember_hashes(events, by_index)
            if holes:
                await self.offset_guard.repair(holes)
        finally:
            m.in_flight.dec(len(events))

    def _mark_near_duplicate(self, outcome: Outcome) -> None:
        sig = outcome.stats.pop("signature", None)
        if not (outcome.ok and sig and outcome.article_id):
            return
        first = self.near_duplicates.check(outcome.article_id, sig)  # type: ignore[union-attr]
        if first is not None:
            self.metrics.duplicates.labels(kind="near").inc()
            outcome.records = [
                (kind, key, mark_near_duplicate(value, first) if kind == "clean" else value) for kind, key, value in outcome.records
            ]

    def _inputs(self, events: Sequence[Any], values: list[bytes | None]) -> list[Any]:
        """What the child gets per message: the bytes, or ``(bytes, first_id)`` for an exact duplicate to skip."""
        if not (self.skip_exact_duplicates and self.seen_hashes is not None):
            return list(values)
        inputs: list[Any] = []
        for ev, value in zip(events, values):
            h = header(ev.message, CONTENT_HASH_HEADER)
            key = (ev.message.key or b"").decode("utf-8", "replace")
            first = self.seen_hashes.get(h.decode()) if h else None
            if first is not None and first != key and value:
                self.metrics.duplicates.labels(kind="exact_skipped").inc()
                inputs.append((value, first))
            else:
                inputs.append(value)
        return inputs

    def _remember_hashes(self, events: Sequence[Any], by_index: dict[int, Outcome]) -> None:
        if self.seen_hashes is None:
            return
        for i, ev in enumerate(events):
            out = by_index.get(i)
            h = header(ev.message, CONTENT_HASH_HEADER)
            if out is not None and out.ok and h and self.seen_hashes.get(h.decode()) is None:
                self.seen_hashes[h.decode()] = out.article_id

    def _outputs_for(self, ev: Any, outcome: Outcome) -> list[Output]:
        msg = ev.message
        ingest = header(msg, INGEST_TS_HEADER) or repr(msg.timestamp or time.time()).encode()
        self.metrics.record_stats(outcome.stats)
        if outcome.ok:
            outs = []
            for kind, key, value in outcome.records:
                headers = [(INGEST_TS_HEADER, ingest)]
                if kind == "clean":
                    headers.append((CONTENT_HASH_HEADER, outcome.stats.get("content_hash", "").encode()))
                outs.append(Output(self.outputs[kind], kind, key, value, headers))
            return outs
        stage = "decode" if self.stage == "clean" and outcome.reason in DECODE_REASONS else self.stage
        self.metrics.dead_letters.labels(stage=stage, reason=outcome.reason).inc()
        record = build_dead_letter(
            stage=stage,
            reason=outcome.reason or "internal_error",
            message=outcome.message or "",
            payload=msg.value,
            article_id=outcome.article_id,
            topic=msg.topic,
            partition=msg.partition,
            offset=msg.offset,
            timestamp=msg.timestamp,
            worker_id=self.settings.worker_id,
            max_payload_bytes=self.settings.dlq_payload_max_bytes,
        )
        log.info("dead letter %s/%s for %s:%s:%s: %s", record["stage"], record["reason"], msg.topic, msg.partition, msg.offset, record["message"][:200])
        return [Output(self.dlq, "dlq", dead_letter_key(record), dumps(record), [(INGEST_TS_HEADER, ingest)])]

    def _observe_end_to_end(self, events: Sequence[Any], outputs: list[Output], acked: float) -> None:
        seen: set[tuple[str, str]] = set()
        for out in outputs:
            if (out.kind, out.key) in seen:
                continue
            seen.add((out.kind, out.key))
            try:
                ingest = float(dict(out.headers)[INGEST_TS_HEADER])
            except (KeyError, ValueError):
                continue
            self.metrics.e2e_seconds.labels(output=out.kind).observe(max(0.0, acked - ingest))
