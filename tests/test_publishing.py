"""Sending: failures classified (retried, rejected, fatal for the DLQ), each input's records in order even when
sends are retried. A stand-in producer replays the exceptions aiokafka raises; the real broker's answers are
covered by tests/test_reliability_kafka.py and the fault suite."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from aiokafka import errors as kerr

from streams.metrics import Metrics
from streams.publishing import PRODUCER_STATE_TRIES, DeadLetterQueueUnwritable, Output, ProducerStateLost, Publisher, classify


class ScriptedProducer:
    """Acknowledges sends after a short delay, failing those a script names (topic, key, attempt) -> exception.

    ``refused`` names sends that raise at once, as the client does for a record it will not even queue;
    ``delays`` sets a record's acknowledgement delay (10 ms otherwise), so acknowledgements can come back out
    of order. Like a partition, ``landed`` keeps each topic's records in the order they were handed over."""

    def __init__(self, failures: dict[tuple[str, str, int], BaseException], refused: dict[tuple[str, str, int], BaseException] | None = None,
                 delays: dict[str, float] | None = None) -> None:
        self.failures = failures
        self.refused = refused or {}
        self.delays = delays or {}
        self.attempts: dict[tuple[str, str], int] = {}
        self.log: list[tuple[str, str]] = []   # acknowledged (topic, key-of-record) in order
        self._handed: list[tuple[str, str, int]] = []

    async def send(self, topic: str, value: bytes, key: bytes, headers: Any) -> asyncio.Future:
        name = value.decode()
        n = self.attempts[(topic, name)] = self.attempts.get((topic, name), 0) + 1
        if (topic, name, n) in self.refused:
            raise self.refused[(topic, name, n)]
        self._handed.append((topic, name, n))
        fut = asyncio.get_running_loop().create_future()
        exc = self.failures.get((topic, name, n))

        def settle() -> None:
            if exc is not None:
                fut.set_exception(exc)
            else:
                self.log.append((topic, name))
                fut.set_result(n)

        asyncio.get_running_loop().call_later(self.delays.get(name, 0.01), settle)
        return fut

    def landed(self, topic: str) -> list[str]:
        """The records a topic holds, in the order they were handed to the producer (failed attempts left out)."""
        return [name for t, name, n in self._handed if t == topic and (t, name, n) not in self.failures]


def out(topic: str, name: str, kind: str = "event") -> Output:
    return Output(topic, kind, "article-1", name.encode(), [])


def publisher(producer: ScriptedProducer, **kw: Any) -> Publisher:
    return Publisher(lambda: producer, dlq_topic="dlq", metrics=Metrics(), retry_max_s=0.05, **kw)


@pytest.mark.parametrize("exc,kind", [
    (kerr.MessageSizeTooLargeError(), "rejected"),
    (kerr.InvalidTimestampError(), "rejected"),
    (kerr.CorruptRecordException(), "rejected"),
    (kerr.TopicAuthorizationFailedError(), "not_authorised"),
    (kerr.NotLeaderForPartitionError(), "retriable"),
    (kerr.KafkaTimeoutError(), "retriable"),
    (kerr.NotEnoughReplicasError(), "retriable"),
    (kerr.RequestTimedOutError(), "retriable"),
    (kerr.KafkaConnectionError(), "retriable"),
    (kerr.UnknownTopicOrPartitionError(), "retriable"),
    (kerr.OutOfOrderSequenceNumber(), "producer_state"),
    (kerr.UnknownProducerId(), "producer_state"),
    (kerr.ProducerFenced(), "producer_state"),
])
def test_classification(exc: BaseException, kind: str) -> None:
    assert classify(exc) == kind


def test_a_wrapped_cause_is_classified_by_its_cause() -> None:
    try:
        try:
            raise kerr.MessageSizeTooLargeError()
        except kerr.KafkaError as inner:
            raise RuntimeError("Error while sending") from inner  # what Faust's producer wrapper does
    except RuntimeError as outer:
        assert classify(outer) == "rejected"


def test_records_of_one_input_stay_in_order_when_a_send_is_retried() -> None:
    producer = ScriptedProducer({("events", "e2", 1): kerr.NotLeaderForPartitionError(), ("events", "e2", 2): kerr.KafkaTimeoutError()})
    group = [out("enriched", "r", "enriched"), out("events", "e1"), out("events", "e2"), out("events", "e3")]
    results = asyncio.run(publisher(producer).publish([group]))
    assert results == [None]
    assert producer.log == [("enriched", "r"), ("events", "e1"), ("events", "e2"), ("events", "e3")]
    assert producer.attempts[("events", "e3")] == 1  # never sent ahead of the record being retried


def test_inputs_are_sent_concurrently() -> None:
    producer = ScriptedProducer({})
    groups = [[out("events", f"a{i}"), out("events", f"b{i}")] for i in range(20)]
    loop_time = asyncio.run(_timed(publisher(producer).publish(groups)))
    assert len(producer.log) == 40 and loop_time < 0.5  # 20 chains of 2 sends at 10 ms, not 40 in a row


def test_each_topic_holds_the_batch_in_input_order_whatever_order_the_acknowledgements_come_in() -> None:
    producer = ScriptedProducer({}, delays={"r0": 0.03, "e0a": 0.03, "e0b": 0.02, "e0c": 0.03, "r1": 0.001, "e2a": 0.001})
    groups = [
        [out("enriched", "r0", "enriched"), out("events", "e0a"), out("events", "e0b"), out("events", "e0c")],
        [out("enriched", "r1", "enriched"), out("events", "e1a")],
        [out("events", "e2a"), out("enriched", "r2", "enriched"), out("events", "e2b")],
    ]
    assert asyncio.run(publisher(producer).publish(groups)) == [None, None, None]
    assert producer.landed("enriched") == ["r0", "r1", "r2"]
    assert producer.landed("events") == ["e0a", "e0b", "e0c", "e1a", "e2a", "e2b"]
    assert producer.log.index(("events", "e1a")) < producer.log.index(("events", "e0c"))  # acknowledged out of order


def test_a_retried_record_never_lands_after_a_later_record_of_its_input() -> None:
    producer = ScriptedProducer({("events", "e0a", 1): kerr.NotLeaderForPartitionError()})
    groups = [[out("events", "e0a"), out("events", "e0b")], [out("events", "e1a")]]
    assert asyncio.run(publisher(producer).publish(groups)) == [None, None]
    landed = producer.landed("events")
    assert landed.index("e0a") < landed.index("e0b") and producer.attempts[("events", "e0b")] == 1


def test_a_record_refused_before_it_is_queued_does_not_hold_back_later_inputs() -> None:
    producer = ScriptedProducer({}, refused={("events", "huge", 1): kerr.MessageSizeTooLargeError()})
    groups = [[out("events", "huge"), out("events", "after")], [out("events", "next")]]
    rejected, ok = asyncio.run(asyncio.wait_for(publisher(producer).publish(groups), 5))
    assert rejected is not None and ok is None
    assert producer.landed("events") == ["next"]  # the refused input is cut short; the next one is not stuck behind it


async def _timed(coro: Any) -> float:
    t0 = asyncio.get_running_loop().time()
    await coro
    return asyncio.get_running_loop().time() - t0


def test_a_record_the_topic_refuses_cuts_its_group_short_and_is_reported() -> None:
    producer = ScriptedProducer({("clean", "big", 1): kerr.MessageSizeTooLargeError()})
    groups = [[out("clean", "big", "clean")], [out("clean", "fine", "clean")]]
    rejected, ok = asyncio.run(publisher(producer).publish(groups))
    assert ok is None and rejected is not None and "MessageSizeTooLarge" in str(rejected)
    assert producer.attempts[("clean", "big")] == 1  # not retried: it can never pass
    assert producer.log == [("clean", "fine")]


def test_a_dead_letter_topic_that_refuses_is_fatal() -> None:
    producer = ScriptedProducer({("dlq", "d", 1): kerr.MessageSizeTooLargeError()})
    with pytest.raises(DeadLetterQueueUnwritable):
        asyncio.run(publisher(producer).publish([[out("dlq", "d", "dlq")]]))


def test_a_missing_dead_letter_topic_is_fatal_once_confirmed() -> None:
    failures = {("dlq", "d", n): kerr.KafkaTimeoutError() for n in range(1, 10)}
    producer = ScriptedProducer(failures)

    async def exists(name: str) -> bool:
        return False

    with pytest.raises(DeadLetterQueueUnwritable, match="does not exist"):
        asyncio.run(publisher(producer, topic_exists=exists).publish([[out("dlq", "d", "dlq")]]))


def test_a_cluster_fault_is_retried_until_it_passes_and_the_stall_is_visible() -> None:
    failures = {("events", "e1", n): kerr.KafkaTimeoutError() for n in range(1, 6)}
    producer = ScriptedProducer(failures)
    pub = publisher(producer)

    async def go() -> tuple[float, Any]:
        task = asyncio.ensure_future(pub.publish([[out("events", "e1")]]))
        await asyncio.sleep(0.15)
        stalled = pub.stall.seconds()
        return stalled, await task

    stalled, results = asyncio.run(go())
    assert results == [None] and producer.attempts[("events", "e1")] == 6
    assert stalled > 0.1 and pub.stall.seconds() == 0.0


def test_a_producer_out_of_step_with_the_broker_is_given_up_not_retried_forever() -> None:
    # every retry through an idempotent producer whose sequence numbers fell out of step fails the same way
    failures = {("events", "e1", n): kerr.OutOfOrderSequenceNumber() for n in range(1, 50)}
    producer = ScriptedProducer(failures)
    with pytest.raises(ProducerStateLost):
        asyncio.run(publisher(producer).publish([[out("events", "e1")]]))
    assert producer.attempts[("events", "e1")] == PRODUCER_STATE_TRIES


def test_one_out_of_step_answer_that_passes_on_retry_is_not_fatal() -> None:
    producer = ScriptedProducer({("events", "e1", 1): kerr.OutOfOrderSequenceNumber()})
    assert asyncio.run(publisher(producer).publish([[out("events", "e1")]])) == [None]
