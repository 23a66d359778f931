"""The fault suite's own Kafka clients: a producer that remembers where each input landed, a tracker that
tails a deployment's output topics, and the consumer group's lag."""

from __future__ import annotations

import asyncio
import hashlib
import time
from dataclasses import dataclass, field
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from kafka_harness import Deployment
from streams.stories.features import happening

from .corpus import Item

MAX_BYTES = 32 * 1024 * 1024
STORY_KINDS = ("stories_input", "stories", "events_mentions", "events_merged")  # keys of Settings.story_topics


def say(msg: str) -> None:
    import sys

    print(f"[faults {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


class Producer:
    """Produces items (compressed ones in gzip batches of their own) and remembers where each landed."""

    def __init__(self, bootstrap: str, topic: str) -> None:
        self.bootstrap, self.topic = bootstrap, topic
        self.positions: dict[tuple[int, int], int] = {}   # (partition, offset) -> item index
        self.sent_at: dict[int, float] = {}                # item index -> broker timestamp (s)
        self.done = asyncio.Event()
        self._p: AIOKafkaProducer | None = None
        self._gz: AIOKafkaProducer | None = None

    async def __aenter__(self) -> "Producer":
        self._p = AIOKafkaProducer(bootstrap_servers=self.bootstrap, acks="all", max_request_size=MAX_BYTES, linger_ms=5,
                                   request_timeout_ms=120000, enable_idempotence=True)
        await self._p.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        for p in (self._p, self._gz):
            if p is not None:
                await p.stop()

    async def _compressing(self) -> AIOKafkaProducer:
        if self._gz is None:
            self._gz = AIOKafkaProducer(bootstrap_servers=self.bootstrap, acks="all", compression_type="gzip",
                                        max_request_size=256 * 1024 * 1024, linger_ms=0, request_timeout_ms=120000)
            await self._gz.start()
        return self._gz

    async def send(self, items: list[Item], indexes: list[int]) -> None:
        assert self._p is not None
        futs = []
        for i in indexes:
            producer = await self._compressing() if items[i].compress else self._p
            futs.append(await producer.send(self.topic, items[i].value, key=items[i].key.encode()))
        for i, md in zip(indexes, await asyncio.gather(*futs)):
            self.positions[(md.partition, md.offset)] = i
            self.sent_at[i] = (md.timestamp if md.timestamp and md.timestamp > 0 else time.time() * 1000) / 1000.0

    async def send_all(self, items: list[Item]) -> None:
        for start in range(0, len(items), 200):
            await self.send(items, list(range(start, min(len(items), start + 200))))
        self.done.set()

    async def send_paced(self, items: list[Item], rate: float, chunk: int = 10) -> None:
        """All items at about ``rate`` per second (a live stream rather than a backlog)."""
        t0 = time.monotonic()
        for start in range(0, len(items), chunk):
            idx = list(range(start, min(len(items), start + chunk)))
            await self.send(items, idx)
            ahead = (start + len(idx)) / rate - (time.monotonic() - t0)
            if ahead > 0:
                await asyncio.sleep(ahead)
        self.done.set()


def digest(body: Any) -> bytes:
    return hashlib.sha256(orjson.dumps(body, option=orjson.OPT_SORT_KEYS)).digest()


@dataclass
class Outputs:
    """Everything a deployment published, indexed for accounting."""

    clean: dict[str, set[bytes]] = field(default_factory=dict)       # article id -> record digests
    enriched: dict[str, set[bytes]] = field(default_factory=dict)
    events: dict[str, set[bytes]] = field(default_factory=dict)      # event id -> digests
    events_of: dict[str, set[str]] = field(default_factory=dict)     # article id -> event ids
    dlq: dict[str, set[bytes]] = field(default_factory=dict)         # dead letter id -> digests
    dead: list[dict[str, Any]] = field(default_factory=list)         # one entry per distinct dead letter
    records: dict[str, int] = field(default_factory=lambda: {"clean": 0, "enriched": 0, "events": 0, "dlq": 0})
    first_out: dict[str, float] = field(default_factory=dict)        # article id / "p:o" -> first output time
    truncated: set[str] = field(default_factory=set)                 # article ids whose clean body was truncated
    # The story stage: what its agents were given (stories.input, events.mentions) and what they published for it.
    story_inputs: set[str] = field(default_factory=set)              # article ids of the story inputs
    in_stories: set[str] = field(default_factory=set)                # article ids in a story record
    mentions: dict[str, str] = field(default_factory=dict)           # event id -> article id, of mentions to merge
    in_merged: set[str] = field(default_factory=set)                 # event ids in a merged-event record

    def story_lost(self) -> set[str]:
        """Article ids whose story input, or the mention of one of its events, the story stage never aggregated:
        every input it takes is in the record it publishes for it (its story, its event's cluster)."""
        return (self.story_inputs - self.in_stories) | {aid for eid, aid in self.mentions.items() if eid not in self.in_merged}


async def partitions_of(consumer: AIOKafkaConsumer, topics: list[str]) -> list[TopicPartition]:
    """Every partition of ``topics``, from the cluster's metadata (waiting a little for topics just created)."""
    for _ in range(20):
        cluster = await consumer._client.fetch_all_metadata()  # noqa: SLF001 - as kafka_harness.read_topic does
        if all(cluster.partitions_for_topic(t) for t in topics):
            break
        await asyncio.sleep(0.5)
    return [TopicPartition(t, p) for t in topics for p in sorted(cluster.partitions_for_topic(t) or ())]


class Tracker:
    """Tails the output topics of a deployment, and the story stage's input and output topics (``story``: topic kind
    -> name, ``Settings.story_topics``)."""

    def __init__(self, bootstrap: str, dep: Deployment, story: dict[str, str]) -> None:
        self.bootstrap, self.dep = bootstrap, dep
        self.out = Outputs()
        self._c: AIOKafkaConsumer | None = None
        self._kind = {dep.topic(k): k for k in ("clean", "enriched", "events", "dlq")}
        self._kind.update({name: kind for kind, name in story.items()})

    async def start(self) -> None:
        self._c = AIOKafkaConsumer(bootstrap_servers=self.bootstrap, enable_auto_commit=False, group_id=None,
                                   max_partition_fetch_bytes=4 * 1024 * 1024, fetch_max_bytes=MAX_BYTES, request_timeout_ms=60000)
        await self._c.start()
        tps = await partitions_of(self._c, list(self._kind))
        self._c.assign(tps)
        await self._c.seek_to_beginning(*tps)

    async def stop(self) -> None:
        if self._c is not None:
            await self._c.stop()

    async def poll(self, seconds: float) -> None:
        assert self._c is not None
        end = time.monotonic() + seconds
        while True:
            left = end - time.monotonic()
            if left <= 0:
                return
            try:
                batch = await self._c.getmany(timeout_ms=int(min(left, 1.0) * 1000), max_records=5000)
            except Exception as exc:  # noqa: BLE001 - broker faults: keep tailing
                say(f"tracker: {exc!r}")
                await asyncio.sleep(1)
                continue
            for tp, msgs in batch.items():
                kind = self._kind[tp.topic]
                for m in msgs:
                    self._add(kind, m)

    def _add(self, kind: str, m: Any) -> None:
        o = self.out
        try:
            v = orjson.loads(m.value)
        except orjson.JSONDecodeError:
            v = None
        if kind in STORY_KINDS:
            if isinstance(v, dict):
                self._add_story(kind, v)
            return
        o.records[kind] += 1
        if v is None:
            return
        ts = m.timestamp / 1000.0
        if kind == "dlq":
            body = {k: x for k, x in v.items() if k not in ("failed_at", "worker")}
            rid = v["dead_letter_id"]
            if rid not in o.dlq:
                src = v.get("source") or {}
                o.dead.append({"id": rid, "reason": v["reason"], "stage": v["stage"], "topic": src.get("topic"),
                               "partition": src.get("partition"), "offset": src.get("offset"), "article_id": v.get("article_id"),
                               "message": v.get("message", "")[:300], "ts": ts})
            o.dlq.setdefault(rid, set()).add(digest(body))
        elif kind == "events":
            o.events.setdefault(v["event_id"], set()).add(digest(v))
            o.events_of.setdefault(v["article_id"], set()).add(v["event_id"])
        else:
            aid = v["article_id"]
            getattr(o, kind).setdefault(aid, set()).add(digest(v))
            if kind == "enriched":
                o.first_out.setdefault(aid, ts)
            elif v.get("body_truncated"):
                o.truncated.add(aid)

    def _add_story(self, kind: str, v: dict[str, Any]) -> None:
        o = self.out
        if kind == "stories_input":
            o.story_inputs.add(v["article_id"])
        elif kind == "stories":
            o.in_stories.update(v.get("article_ids") or ())
        elif kind == "events_mentions":
            event = v.get("event") or {}
            if happening(event):  # the others are skipped by the merge stage, on purpose
                o.mentions[event["event_id"]] = event.get("article_id", "")
        else:
            o.in_merged.update(v.get("event_ids") or ())


class LagProbe:
    """End offset minus committed offset of the deployment's group, per partition of ``topics`` (every stage's
    input: the chain's and the story stage's, ``chain.input_topics``), keyed ``<topic without the prefix>:<partition>``
    (clients kept open)."""

    def __init__(self, bootstrap: str, dep: Deployment, topics: list[str]) -> None:
        self.bootstrap, self.dep, self.topics = bootstrap, dep, topics
        self._admin: AIOKafkaAdminClient | None = None
        self._consumer: AIOKafkaConsumer | None = None
        self.tps: list[TopicPartition] = []

    async def _clients(self) -> tuple[AIOKafkaAdminClient, AIOKafkaConsumer]:
        if self._admin is None or self._consumer is None:
            admin = AIOKafkaAdminClient(bootstrap_servers=self.bootstrap, request_timeout_ms=15000)
            consumer = AIOKafkaConsumer(bootstrap_servers=self.bootstrap, group_id=None, enable_auto_commit=False, request_timeout_ms=15000)
            await admin.start()
            await consumer.start()
            self._admin, self._consumer = admin, consumer
        if len({tp.topic for tp in self.tps}) < len(self.topics):
            self.tps = await partitions_of(self._consumer, self.topics)
        return self._admin, self._consumer

    async def lag(self) -> dict[str, int]:
        try:
            admin, consumer = await self._clients()
            committed = await admin.list_consumer_group_offsets(self.dep.app_id, partitions=self.tps)
            ends = await consumer.end_offsets(self.tps)
        except Exception:
            await self.close()
            raise
        out = {}
        for tp in self.tps:
            meta = committed.get(tp)
            c = meta.offset if meta is not None and meta.offset >= 0 else 0
            out[f"{tp.topic.removeprefix(self.dep.prefix)}:{tp.partition}"] = max(0, ends[tp] - c)
        return out

    async def close(self) -> None:
        admin, consumer, self._admin, self._consumer = self._admin, self._consumer, None, None
        for closer in (consumer.stop() if consumer else None, admin.close() if admin else None):
            if closer is not None:
                try:
                    await asyncio.wait_for(closer, 10)
                except Exception:  # noqa: BLE001
                    pass


async def set_topic_max_bytes(bootstrap: str, topic: str, value: int) -> None:
    from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        for response in await admin.alter_configs([ConfigResource(ConfigResourceType.TOPIC, topic, {"max.message.bytes": str(value)})]):
            for resource in response.resources:
                if resource[0]:
                    raise RuntimeError(f"alter_configs {topic}: error {resource[0]} {resource[1]}")
    finally:
        await admin.close()
