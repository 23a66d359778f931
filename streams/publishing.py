"""Sending records: each input's records in order, every send acknowledged, every failure classified.

A failed send is one of three things (``classify``):

* **retriable** - the broker, a leader, the network, a timeout, a missing
  replica: a fault of the cluster. Retried with back-off for as long as it
  takes; the stream waits (nothing is committed past the input), the
  ``newsevents_output_blocked_seconds`` gauge grows and ``/health`` turns
  unhealthy after ``NEWSEVENTS_OUTPUT_STALL_S``.
* **rejected** - this record will never be accepted (over the topic's
  ``max.message.bytes``, an invalid timestamp, a corrupt record): a fault of the
  message. ``OutputRejected`` is raised and the input is dead-lettered with
  reason ``output_rejected``; the stream moves on.
* **fatal for the dead-letter topic** - the DLQ refuses a dead letter (too
  large, not authorised, topic missing). No message can be set aside any more,
  so the worker must stop without committing and say why
  (``DeadLetterQueueUnwritable``): crash-looping loudly beats wedging quietly,
  and after the DLQ is fixed a restart loses nothing.
* **fatal for the producer** - the idempotent producer's state is out of step
  with the broker's (``OutOfOrderSequenceNumber`` after a failed request, an
  expired producer id, fencing): every retry through it fails the same way, so
  after ``PRODUCER_STATE_TRIES`` such failures the worker stops without
  committing (``ProducerStateLost``, exit 75) and its restart, with a new
  producer, sends the batch again.

Order: a batch's records are issued in input order on every topic, and each
input's records one after the other, each acknowledged before that input's next
record is sent. Both at once, per topic:

* a record waits for the acknowledgement of the previous record *of its own
  input* (on any topic), so a retried send can never land after a later record
  of the same article, and a record the topic refuses cuts its input short
  before anything after it is sent;
* a record waits until every record of the *earlier inputs* on its topic has
  been issued (handed to the producer, which keeps a partition's records in the
  order it was given them), so on each topic the inputs' records stand in input
  order, whatever order the acknowledgements come back in: the stream writes
  what ``newsevents process`` writes (``tests/test_chain_equality.py``).

The price: where an input has several records on one topic (events, event
mentions), each waits for the previous one's acknowledgement and the next
input's records wait behind them, so a batch costs about one acknowledgement
round trip per such record instead of one per record of its longest input
(inputs still overlap: an input's records go out while those of earlier inputs,
once issued, await their acknowledgements). Sending everything at once and awaiting the
acknowledgements afterwards would save those round trips but not keep the first
rule: a record the producer gives up on would be retried after later records of
its own article had already landed. Only a retry, a fault of the cluster, can
reorder records of different inputs: the retried record lands after the records
of later inputs issued meanwhile, never after its own input's.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, Sequence

from aiokafka import errors as kerr

log = logging.getLogger(__name__)

RETRIABLE, REJECTED, NOT_AUTHORISED, PRODUCER_STATE = "retriable", "rejected", "not_authorised", "producer_state"

# The record itself can never be written, however often it is retried.
_REJECTED = (
    kerr.MessageSizeTooLargeError,
    kerr.RecordTooLargeError,
    kerr.RecordListTooLargeError,
    kerr.InvalidTimestampError,
    kerr.CorruptRecordException,
    kerr.UnsupportedForMessageFormatError,
)
# The client may not write the topic: an operator must act (fatal for the DLQ, retried for outputs).
_NOT_AUTHORISED = (
    kerr.TopicAuthorizationFailedError,
    kerr.ClusterAuthorizationFailedError,
    kerr.TransactionalIdAuthorizationFailed,
    kerr.InvalidTopicError,
)


# The idempotent producer's own state no longer matches the broker's (its sequence numbers fell out of step after a
# failed request, its id expired, it was fenced): every retry through this producer fails the same way.
_PRODUCER_STATE = (
    kerr.OutOfOrderSequenceNumber,
    kerr.UnknownProducerId,
    kerr.InvalidProducerEpoch,
    kerr.ProducerFenced,
)
PRODUCER_STATE_TRIES = 3  # sends that fail so before the producer is given up (a transient one passes on retry)


def classify(exc: BaseException) -> str:
    """``retriable``, ``rejected`` or ``not_authorised`` for an exception from a send (causes unwrapped)."""
    seen = 0
    while exc is not None and seen < 5:
        if isinstance(exc, _REJECTED):
            return REJECTED
        if isinstance(exc, _NOT_AUTHORISED):
            return NOT_AUTHORISED
        if isinstance(exc, _PRODUCER_STATE):
            return PRODUCER_STATE
        if isinstance(exc, (TypeError, ValueError)) and not isinstance(exc, kerr.KafkaError):
            return REJECTED  # a record the client cannot even encode
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
        seen += 1
    return RETRIABLE


class OutputRejected(Exception):
    """This record will never be accepted by its topic: the input is dead-lettered (``output_rejected``)."""

    def __init__(self, out: "Output", cause: BaseException) -> None:
        super().__init__(f"{out.topic} refused the {out.kind} record of {len(out.value)} bytes: {cause!r}"[:1000])
        self.out, self.cause = out, cause


class DeadLetterQueueUnwritable(Exception):
    """The dead-letter topic refuses dead letters: the worker stops without committing."""


class ProducerStateLost(Exception):
    """The producer's idempotence state is out of step with the broker's and retries through it cannot pass: the
    worker stops without committing, so a restart (a new producer) sends the batch again and nothing is lost."""


@dataclass(slots=True)
class Output:
    topic: str
    kind: str      # clean | enriched | event | dlq
    key: str
    value: bytes
    headers: list[tuple[str, bytes]]


class Stall:
    """When the oldest send still waiting for its acknowledgement started (for the gauge and /health)."""

    def __init__(self) -> None:
        self._waiting: dict[int, float] = {}
        self._next = 0

    def begin(self) -> int:
        self._next += 1
        self._waiting[self._next] = time.monotonic()
        return self._next

    def end(self, token: int) -> None:
        self._waiting.pop(token, None)

    def seconds(self) -> float:
        return time.monotonic() - min(self._waiting.values()) if self._waiting else 0.0


Producer = Callable[[], Any]  # returns a started aiokafka producer


class Publisher:
    """Sends records with acks=all and waits for them; see the module doc for what happens on failure."""

    def __init__(self, producer: Producer, *, dlq_topic: str, metrics: Any, retry_max_s: float = 30.0,
                 topic_exists: Callable[[str], Awaitable[bool]] | None = None) -> None:
        self.producer = producer
        self.dlq_topic = dlq_topic
        self.metrics = metrics
        self.retry_max_s = retry_max_s
        self.topic_exists = topic_exists
        self.stall = Stall()
        self._last_warning = 0.0

    async def publish(self, groups: Sequence[Sequence[Output]]) -> list[OutputRejected | None]:
        """Send every group (one input's records, in order); per group None, or the rejection that cut it short.

        Raises ``DeadLetterQueueUnwritable`` when a dead letter cannot be written.
        """
        turns: list[list[tuple[asyncio.Event | None, asyncio.Event]]] = []
        last_issued: dict[str, asyncio.Event] = {}  # topic -> the latest record scheduled on it has been issued
        for group in groups:
            row = []
            for out in group:
                issued = asyncio.Event()
                row.append((last_issued.get(out.topic), issued))
                last_issued[out.topic] = issued
            turns.append(row)
        return list(await asyncio.gather(*(self._send_group(g, t) for g, t in zip(groups, turns))))

    async def _send_group(self, group: Sequence[Output], turns: list[tuple[asyncio.Event | None, asyncio.Event]]) -> OutputRejected | None:
        """One input's records in order; each waits for its topic's earlier records to be issued."""
        try:
            for out, (after, issued) in zip(group, turns):
                if after is not None:
                    await after.wait()
                try:
                    await self.send(out, issued)
                except OutputRejected as rejected:
                    return rejected
            return None
        finally:
            for _after, issued in turns:  # cut short or failed: later inputs must not wait for what is never sent
                issued.set()

    async def send(self, out: Output, issued: asyncio.Event | None = None) -> Any:
        """One record, retried until it is acknowledged or proven unwritable; ``issued`` is set once its first
        attempt is made (handed to the producer, or refused by it)."""
        token = self.stall.begin()
        delay, failures, first_failure = 0.25, 0, 0.0
        try:
            while True:
                try:
                    try:
                        fut = await self.producer().send(out.topic, out.value, key=out.key.encode("utf-8"), headers=out.headers)
                    finally:
                        if issued is not None:
                            issued.set()
                    meta = await fut
                    self.metrics.produced.labels(topic=out.topic).inc()
                    return meta
                except asyncio.CancelledError:
                    raise
                except Exception as exc:  # noqa: BLE001 - classified below
                    self.metrics.producer_errors.labels(topic=out.topic).inc()
                    kind = classify(exc)
                    failures += 1
                    first_failure = first_failure or time.monotonic()
                    if out.topic == self.dlq_topic and kind != RETRIABLE:
                        raise DeadLetterQueueUnwritable(f"the dead-letter topic {out.topic} refuses dead letters: {exc!r}") from exc
                    if kind == REJECTED:
                        raise OutputRejected(out, exc) from exc
                    if kind == PRODUCER_STATE and failures >= PRODUCER_STATE_TRIES:
                        raise ProducerStateLost(f"send to {out.topic} failed {failures} times with the producer's state out of "
                                                f"step with the broker's: {exc!r}") from exc
                    if out.topic == self.dlq_topic and failures >= 3 and self.topic_exists is not None:
                        if await self._dlq_missing():
                            raise DeadLetterQueueUnwritable(f"the dead-letter topic {out.topic} does not exist (deleted?): {exc!r}") from exc
                    self._warn(out, exc, kind, time.monotonic() - first_failure)
                    await asyncio.sleep(delay)
                    delay = min(delay * 2, self.retry_max_s)
        finally:
            self.stall.end(token)

    async def _dlq_missing(self) -> bool:
        try:
            return not await asyncio.wait_for(self.topic_exists(self.dlq_topic), 10)  # type: ignore[misc]
        except Exception:  # noqa: BLE001 - the cluster does not answer: a retriable fault, not a missing topic
            return False

    def _warn(self, out: Output, exc: BaseException, kind: str, for_s: float) -> None:
        now = time.monotonic()
        if now - self._last_warning >= 5.0:
            self._last_warning = now
            log.warning("send to %s failed (%s, retrying for %.0f s so far): %r", out.topic, kind, for_s, exc)
