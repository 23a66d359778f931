"""``newsevents redrive``: republish dead letters to the raw topic, so an operator can replay them after a fix.

Reads the dead-letter topic from its beginning to its end as of the start (new
dead letters written meanwhile are left for the next run), keeps those matching
``--reason`` and ``--since`` whose payload is complete (a dead letter keeps at
most ``NEWSEVENTS_DLQ_PAYLOAD_MAX_BYTES`` of its input: a truncated payload
cannot be replayed and is counted, not sent), and sends each payload back to the
raw topic with acks=all:

* dead letters of the decode and clean stages carry the raw message itself:
  it is sent as it was, so the worker derives the same article id from it;
* dead letters of the extract stage carry the clean record: it is wrapped in a
  raw envelope (``id`` = its article id, its body as ``text``), so the article
  keeps its id.

The record key is the article id when the dead letter has one. Each record
carries the header ``newsevents-redrive-of`` (the dead letter's id); a dead
letter present twice in the topic (at-least-once) is sent once.
"""

from __future__ import annotations

import asyncio
import base64
import re
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

import orjson

from .config import Settings
from .models import encode

REDRIVE_HEADER = "newsevents-redrive-of"
_AGE = re.compile(r"^(\d+(?:\.\d+)?)([smhd])$")


def parse_since(value: str, now: datetime | None = None) -> datetime:
    """An ISO-8601 time, or an age such as ``30m``, ``2h``, ``1d`` (before now)."""
    now = now or datetime.now(timezone.utc)
    m = _AGE.match(value.strip())
    if m:
        unit = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}[m.group(2)]
        return now - timedelta(**{unit: float(m.group(1))})
    dt = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


@dataclass
class Report:
    redriven: dict[str, int] = field(default_factory=dict)     # by reason
    incomplete: dict[str, int] = field(default_factory=dict)   # payload truncated: not replayable
    filtered: int = 0
    repeated: int = 0
    failed: int = 0
    dry_run: bool = False

    def summary(self) -> str:
        verb = "would republish" if self.dry_run else "republished"
        def fmt(d: dict[str, int]) -> str:
            return ", ".join(f"{k}={v}" for k, v in sorted(d.items())) or "none"
        return (f"{verb} {sum(self.redriven.values())} dead letters ({fmt(self.redriven)}); "
                f"{sum(self.incomplete.values())} with an incomplete payload not replayable ({fmt(self.incomplete)}); "
                f"{self.filtered} not matching the filters; {self.repeated} repeated; {self.failed} failed")


def payload_bytes(record: dict[str, Any]) -> bytes:
    pay = record["payload"]
    data = pay["data"]
    return base64.b64decode(data) if pay["encoding"] == "base64" else data.encode("utf-8")


def raw_message(record: dict[str, Any], clean_topic: str) -> tuple[bytes | None, bytes]:
    """(key, value) to send to the raw topic for a dead letter with a complete payload."""
    payload = payload_bytes(record)
    key = record.get("article_id")
    if (record.get("source") or {}).get("topic") == clean_topic:
        clean = orjson.loads(payload)
        envelope = {"id": clean["article_id"], "text": clean["body"]}
        for name in ("url", "source", "title", "published_at", "language"):
            if clean.get(name):
                envelope[name] = clean[name]
        key = clean["article_id"]
        payload = encode("raw_article", envelope)  # checked against the envelope model, as every producer's record
    return (key.encode("utf-8") if key else None), payload


async def redrive(settings: Settings, *, reasons: set[str] | None = None, since: datetime | None = None,
                  dry_run: bool = False, limit: int | None = None, idle_s: float = 5.0) -> Report:
    from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

    from .decompression import install
    from .kafka_client import aiokafka_kwargs, dead_letter_limit, input_limit

    install(max(settings.max_input_bytes, dead_letter_limit(settings)))
    topics = settings.topics
    report = Report(dry_run=dry_run)
    consumer = AIOKafkaConsumer(**aiokafka_kwargs(settings), enable_auto_commit=False, group_id=None,
                                fetch_max_bytes=input_limit(settings))
    producer = AIOKafkaProducer(**aiokafka_kwargs(settings), acks="all", max_request_size=input_limit(settings), linger_ms=5)
    await consumer.start()
    if not dry_run:
        await producer.start()
    try:
        parts = (await consumer._client.fetch_all_metadata()).partitions_for_topic(topics["dlq"])  # noqa: SLF001
        if not parts:
            return report
        tps = [TopicPartition(topics["dlq"], p) for p in sorted(parts)]
        consumer.assign(tps)
        await consumer.seek_to_beginning(*tps)
        ends = await consumer.end_offsets(tps)
        remaining = {tp for tp in tps if ends[tp] > 0}
        seen: set[str] = set()
        pending: list[Any] = []
        last = time.monotonic()
        while remaining and (limit is None or sum(report.redriven.values()) < limit):
            batch = await consumer.getmany(timeout_ms=500, max_records=500)
            if not batch and time.monotonic() - last > idle_s:
                break
            for tp, msgs in batch.items():
                last = time.monotonic()
                for msg in msgs:
                    if msg.offset >= ends[tp]:
                        remaining.discard(tp)
                        break
                    if msg.offset == ends[tp] - 1:
                        remaining.discard(tp)
                    _consider(msg, report, seen, pending, reasons, since, dry_run, limit, producer, topics)
                    if limit is not None and sum(report.redriven.values()) >= limit:
                        break
            for fut in pending:
                await _settle(fut, report)
            pending.clear()
    finally:
        await consumer.stop()
        if not dry_run:
            await producer.stop()
    return report


def _consider(msg: Any, report: Report, seen: set[str], pending: list[Any], reasons: set[str] | None,
              since: datetime | None, dry_run: bool, limit: int | None, producer: Any, topics: dict[str, str]) -> None:
    try:
        record = orjson.loads(msg.value)
        reason = record["reason"]
        failed_at = datetime.fromisoformat(record["failed_at"].replace("Z", "+00:00"))
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError):
        report.filtered += 1
        return
    if (reasons and reason not in reasons) or (since is not None and failed_at < since):
        report.filtered += 1
        return
    if record["dead_letter_id"] in seen:
        report.repeated += 1
        return
    seen.add(record["dead_letter_id"])
    if record["payload"].get("truncated"):
        report.incomplete[reason] = report.incomplete.get(reason, 0) + 1
        return
    try:
        key, value = raw_message(record, topics["clean"])
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError):
        report.incomplete[reason] = report.incomplete.get(reason, 0) + 1
        return
    report.redriven[reason] = report.redriven.get(reason, 0) + 1
    if not dry_run:
        headers = [(REDRIVE_HEADER, record["dead_letter_id"].encode())]
        pending.append(asyncio.ensure_future(producer.send_and_wait(topics["raw"], value, key=key, headers=headers)))


async def _settle(fut: Any, report: Report) -> None:
    try:
        await fut
    except Exception:  # noqa: BLE001 - counted; the exit status says so
        report.failed += 1
