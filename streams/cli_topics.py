"""The CLI's Kafka clients: ``newsevents produce`` and ``newsevents consume`` (``--pretty``, ``--validate``).

Apart from :mod:`streams.cli` (the parser and the other commands) because these two
are the only commands that talk to the broker as plain clients, outside a worker.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from typing import Any

import orjson

from .config import Settings


# --------------------------------------------------------------------------- produce
async def _produce(settings: Settings, paths: list[str], quiet: bool) -> tuple[int, int]:
    from aiokafka import AIOKafkaProducer
    from tqdm import tqdm

    from .envelope import decode
    from .errors import Rejected
    from .inputs import iter_inputs
    from .kafka_client import aiokafka_kwargs, ensure_topics, input_limit

    await ensure_topics(settings)
    limit = input_limit(settings)
    producer = AIOKafkaProducer(**aiokafka_kwargs(settings), acks="all", max_request_size=limit, linger_ms=5)
    await producer.start()
    topic = settings.topics["raw"]
    sent = skipped = 0
    pending: list[Any] = []
    bar = tqdm(unit="article", desc=f"-> {topic}", disable=quiet, file=sys.stderr)
    try:
        for item in iter_inputs(paths, max_bytes=limit):
            if item.oversized:
                skipped += 1
                print(f"skipped {item.location}: larger than {limit} bytes (the raw topic's limit)", file=sys.stderr)
                continue
            try:
                key: bytes | None = decode(item.value, max_bytes=limit, envelope_only=item.envelope_only).id.encode()
            except Rejected as exc:
                if item.envelope_only and exc.reason in ("invalid_json", "invalid_envelope") and not item.value.lstrip().startswith(b"{"):
                    skipped += 1
                    print(f"skipped {item.location}: {exc.message}", file=sys.stderr)
                    continue
                key = None  # let the worker dead-letter it, with its reason, like any bad input
            pending.append(await producer.send(topic, item.value, key=key))
            if len(pending) >= 500:
                await asyncio.gather(*pending)
                bar.update(len(pending))
                sent += len(pending)
                pending.clear()
        await asyncio.gather(*pending)
        bar.update(len(pending))
        sent += len(pending)
    finally:
        bar.close()
        await producer.stop()
    return sent, skipped


def cmd_produce(args: argparse.Namespace, settings: Settings) -> int:
    sent, skipped = asyncio.run(_produce(settings, args.paths, args.quiet))
    print(f"produced {sent} articles to {settings.topics['raw']}" + (f", skipped {skipped} inputs (see above)" if skipped else ""), file=sys.stderr)
    return 1 if skipped and not sent else 0


# --------------------------------------------------------------------------- consume
async def _consume(settings: Settings, topic: str, max_records: int | None, timeout: float, emit: Any) -> int:
    from aiokafka import AIOKafkaConsumer, TopicPartition

    from .decompression import install
    from .kafka_client import aiokafka_kwargs, input_limit

    install(max(settings.max_input_bytes, settings.max_record_bytes))
    consumer = AIOKafkaConsumer(
        **aiokafka_kwargs(settings), enable_auto_commit=False, group_id=None,
        max_partition_fetch_bytes=1024 * 1024, fetch_max_bytes=input_limit(settings),
    )
    await consumer.start()
    count = 0
    try:
        deadline = time.monotonic() + 10
        while True:
            # A group-less consumer keeps no metadata of unsubscribed topics: ask the cluster.
            parts = (await consumer._client.fetch_all_metadata()).partitions_for_topic(topic)  # noqa: SLF001
            if parts or time.monotonic() > deadline:
                break
            await asyncio.sleep(0.5)
        if not parts:
            print(f"topic {topic!r} does not exist", file=sys.stderr)
            return 1
        tps = [TopicPartition(topic, p) for p in sorted(parts)]
        consumer.assign(tps)
        await consumer.seek_to_beginning(*tps)
        last_new = time.monotonic()
        while max_records is None or count < max_records:
            batch = await consumer.getmany(timeout_ms=500, max_records=500)
            got = [msg for msgs in batch.values() for msg in msgs]
            if not got:
                if time.monotonic() - last_new >= timeout:
                    break
                continue
            last_new = time.monotonic()
            for msg in got:
                emit(msg)
                count += 1
                if max_records is not None and count >= max_records:
                    break
    finally:
        await consumer.stop()
    return count


def _pretty_row(value: dict[str, Any]) -> str:
    if value.get("record_type") == "story":
        state = "merged into " + value["merged_into"] if value.get("merged_into") else ("closed" if value.get("closed") else "open")
        return f"STORY  {value['story_id']} {value['num_articles']:>5} articles {value['num_sources']:>4} sources {state:<8} | {value.get('title') or ''}"[:160]
    if value.get("record_type") == "merged_event":
        typ = value.get("plover_type") or f"CAMEO {value.get('cameo_code')}"
        return f"MERGED {value['cluster_id']} {typ:<10} {value['num_mentions']:>4} mentions {value['num_sources']:>4} sources"[:160]
    if "event_id" in value:
        src = (value.get("source") or {}).get("canonical") or (value.get("source") or {}).get("text")
        tgt = (value.get("target") or {}).get("canonical") or (value.get("target") or {}).get("text") if value.get("target") else "-"
        typ = value.get("plover_type") or f"CAMEO {value.get('cameo_code')}"
        return f"EVENT  {typ:<10} {str(src)[:28]:<28} -> {str(tgt)[:28]:<28} | {value['sentence']['text'][:90]!s}"
    if "dead_letter_id" in value:
        return f"DLQ    {value['stage']:<8} {value['reason']:<20} {value.get('article_id') or '-'} | {value['message'][:90]}"
    if "entities" in value:
        me = value.get("main_event") or {}
        who = (me.get("who") or {}).get("text", "-")
        what = (me.get("what") or {}).get("text", "-")
        return f"ENRICH {value['article_id'][:24]:<24} {len(value['entities']):>3} entities | {who} {what}"[:160]
    if "body" in value:
        return f"CLEAN  {value['article_id'][:24]:<24} {value.get('language')} {value.get('word_count'):>6} words | {value.get('title') or ''}"[:160]
    return orjson.dumps(value).decode()[:160]


def cmd_consume(args: argparse.Namespace, settings: Settings) -> int:
    if args.validate:
        return cmd_consume_validate(args, settings)
    out = sys.stdout

    def emit(msg: Any) -> None:
        try:
            value = orjson.loads(msg.value) if msg.value else None
        except orjson.JSONDecodeError:
            value = None
        if args.pretty:
            out.write((_pretty_row(value) if isinstance(value, dict) else repr(msg.value[:120])) + "\n")
        elif value is not None:
            out.write(orjson.dumps(value).decode() + "\n")
        else:
            out.write(orjson.dumps({"undecodable": (msg.value or b"")[:1000].decode("utf-8", "replace")}).decode() + "\n")
        out.flush()

    n = asyncio.run(_consume(settings, args.topic, args.max, args.timeout, emit))
    print(f"{n} records from {args.topic}", file=sys.stderr)
    return 0


def topic_record_types(settings: Settings) -> dict[str, str]:
    """Full topic name -> the record type (``streams.models.RECORD_MODELS``) it carries."""
    by_setting = {"topic_raw": "raw_article", "topic_clean": "clean_article", "topic_enriched": "enriched_article",
                  "topic_events": "event", "topic_dlq": "dead_letter", "topic_stories": "story",
                  "topic_events_merged": "merged_event", "topic_stories_input": "story_input",
                  "topic_events_mentions": "event_mention"}
    return {settings.topic(getattr(settings, name)): rtype for name, rtype in by_setting.items()}


def cmd_consume_validate(args: argparse.Namespace, settings: Settings) -> int:
    """Reads a topic and checks every record against its model: one JSON line per invalid record, exit 1 if any."""
    from .models import errors_of

    rtype = args.record_type or topic_record_types(settings).get(args.topic)
    if rtype is None:
        print(f"{args.topic}: not a pipeline topic; name its records with --record-type", file=sys.stderr)
        return 2
    bad = 0

    def check(msg: Any) -> None:
        nonlocal bad
        if msg.value is None and rtype in ("story", "merged_event"):
            return  # a tombstone on a compacted topic
        try:
            value = orjson.loads(msg.value) if msg.value else None
        except orjson.JSONDecodeError as exc:
            problems = [f"<root>: not JSON: {exc}"]
        else:
            problems = errors_of(rtype, value) if value is not None else ["<root>: empty value"]
        if problems:
            bad += 1
            sys.stdout.write(orjson.dumps({"partition": msg.partition, "offset": msg.offset, "errors": problems[:20]}).decode() + "\n")

    n = asyncio.run(_consume(settings, args.topic, args.max, args.timeout, check))
    print(f"{n} records from {args.topic} checked as {rtype}: {n - bad} valid, {bad} invalid", file=sys.stderr)
    return 1 if bad else 0
