"""Kafka connection settings (TLS, SASL) and topic administration, shared by the
worker (Faust) and the CLI's producer/consumer (aiokafka), so both connect the
same way from the same environment variables.

Why one module of ~310 lines: the connection settings and the topic checks that
use them (create with the right limits, verify existing ones) change together
when a cluster's security or limits change.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
from typing import Any

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaError, TopicAlreadyExistsError

from .config import Settings

log = logging.getLogger(__name__)

# Bytes a worker asks for per partition and fetch (see app.py for why it is small).
FETCH_PARTITION_BYTES = 1024 * 1024
# Upper bound for the CLI's own clients (no topic of ours is created with a larger limit by default).
MAX_MESSAGE_BYTES = 32 * 1024 * 1024
# Room for a record's key, headers and batch framing on top of its value.
RECORD_OVERHEAD = 64 * 1024


def input_limit(settings: Settings) -> int:
    """``max.message.bytes`` of the raw topic, and the worker's fetch bound: twice the input limit, so an
    input up to 2x too large still reaches the worker and is dead-lettered with a reason, while anything
    bigger is refused to its producer by the broker."""
    return 2 * settings.max_input_bytes + RECORD_OVERHEAD


def dead_letter_limit(settings: Settings) -> int:
    """The largest dead letter: a payload prefix of ``dlq_payload_max_bytes`` JSON-escaped (at worst 6 bytes
    a byte), the message, the source fields."""
    return 6 * settings.dlq_payload_max_bytes + RECORD_OVERHEAD


def writes(settings: Settings) -> dict[str, int]:
    """Largest record the worker writes to each of its output topics (kind -> bytes)."""
    out = settings.max_record_bytes + RECORD_OVERHEAD
    return {"clean": out, "enriched": out, "events": out, "dlq": dead_letter_limit(settings)}


def topic_limits(settings: Settings) -> dict[str, int]:
    """``max.message.bytes`` the worker creates each topic with (kind -> bytes): sized to what flows through it."""
    return {"raw": input_limit(settings), **writes(settings)}


def producer_max_request(settings: Settings) -> int:
    return max(writes(settings).values()) + RECORD_OVERHEAD


def ssl_context(settings: Settings) -> ssl.SSLContext | None:
    if settings.security_protocol not in ("SSL", "SASL_SSL"):
        return None
    ctx = ssl.create_default_context(cafile=settings.ssl_cafile)
    if settings.ssl_certfile:
        ctx.load_cert_chain(settings.ssl_certfile, settings.ssl_keyfile)
    return ctx


def aiokafka_kwargs(settings: Settings) -> dict[str, Any]:
    """Connection keyword arguments for aiokafka clients."""
    kw: dict[str, Any] = {
        "bootstrap_servers": settings.bootstrap_servers,
        "security_protocol": settings.security_protocol,
    }
    ctx = ssl_context(settings)
    if ctx is not None:
        kw["ssl_context"] = ctx
    if settings.security_protocol.startswith("SASL"):
        kw["sasl_mechanism"] = settings.sasl_mechanism
        kw["sasl_plain_username"] = settings.sasl_username
        kw["sasl_plain_password"] = settings.sasl_password.get_secret_value() if settings.sasl_password else None
    return kw


def faust_credentials(settings: Settings) -> Any:
    """``broker_credentials`` for faust.App, or None for PLAINTEXT."""
    import faust

    ctx = ssl_context(settings)
    if settings.security_protocol.startswith("SASL"):
        return faust.SASLCredentials(
            username=settings.sasl_username,
            password=settings.sasl_password.get_secret_value() if settings.sasl_password else None,
            ssl_context=ctx,
            mechanism=settings.sasl_mechanism,
        )
    if ctx is not None:
        return faust.SSLCredentials(ctx)
    return None


def topic_configs(settings: Settings) -> dict[str, dict[str, str]]:
    """Topic name -> broker config for the topics the pipeline creates."""
    limits = topic_limits(settings)
    isr = min_insync_replicas(settings.topic_replication_factor)
    return {name: {"max.message.bytes": str(limits[kind]), "min.insync.replicas": isr} for kind, name in settings.topics.items()}


# ---- defaults of a careful operator: replication, min.insync.replicas, an idempotent producer

MAX_DEFAULT_REPLICATION = 3


def min_insync_replicas(replication_factor: int) -> str:
    """``min.insync.replicas`` of a created topic: RF - 1 (acks=all writes survive one broker down), at least 1."""
    return str(max(1, replication_factor - 1))


async def resolve_replication_factor(settings: Settings, timeout_s: float = 60.0) -> int:
    """Fill in ``topic_replication_factor`` when it is 0 (the default): min(3, brokers in the cluster).

    Three copies is what an operator expects of a production topic; a one- or
    two-broker cluster (a laptop, CI) cannot hold more than it has brokers.
    """
    if settings.topic_replication_factor > 0:
        return settings.topic_replication_factor
    admin = await _admin(settings, timeout_s)
    try:
        cluster = await admin.describe_cluster()
        brokers = len(cluster.get("brokers", []))
    finally:
        await admin.close()
    settings.topic_replication_factor = max(1, min(MAX_DEFAULT_REPLICATION, brokers))
    log.info("topic replication factor %d (%d broker(s) in the cluster)", settings.topic_replication_factor, brokers)
    return settings.topic_replication_factor


def make_producer_idempotent() -> None:
    """Faust's aiokafka producer with ``enable_idempotence`` (and acks=all) outside transactions too.

    Faust turns idempotence on only in exactly-once mode; at-least-once needs it
    as much: a send retried after a lost acknowledgement must not write the
    record twice, nor reorder a partition's records.
    """
    from faust.transport.drivers import aiokafka as driver

    cls = driver.Producer
    original = getattr(cls._settings_extra, "__wrapped__", cls._settings_extra)

    def settings_extra(self: Any) -> Any:
        return {**original(self), "acks": "all", "enable_idempotence": True}

    settings_extra.__wrapped__ = original  # type: ignore[attr-defined]
    cls._settings_extra = settings_extra


def story_topic_specs(settings: Settings) -> dict[str, tuple[int, dict[str, str]]]:
    """The story stage's topics: name -> (partitions, broker config); empty when stories are off.

    ``stories`` and ``events.merged`` are compacted (the latest record per story /
    cluster; no tombstones, the final record stays). The two internal input topics
    keep their records at least the horizon plus a day, so a rebuilt worker can
    replay what its state still needs.
    """
    names = settings.story_topics
    if not names:
        return {}
    limit = str(producer_max_request(settings))
    keep_ms = str(int((max(settings.story_horizon_hours, settings.merged_horizon_hours) + 24) * 3600 * 1000))
    isr = min_insync_replicas(settings.topic_replication_factor)
    compact = {"cleanup.policy": "compact", "max.message.bytes": limit, "min.insync.replicas": isr}
    delete = {"cleanup.policy": "delete", "retention.ms": keep_ms, "max.message.bytes": limit, "min.insync.replicas": isr}
    return {
        names["stories"]: (settings.topic_partitions, dict(compact)),
        names["events_merged"]: (settings.topic_partitions, dict(compact)),
        names["stories_input"]: (settings.stories_input_partitions, dict(delete)),
        names["events_mentions"]: (settings.topic_partitions, dict(delete)),
    }


async def _admin(settings: Settings, timeout_s: float) -> AIOKafkaAdminClient:
    admin = AIOKafkaAdminClient(**aiokafka_kwargs(settings), request_timeout_ms=int(timeout_s * 1000))
    deadline = asyncio.get_running_loop().time() + timeout_s
    while True:
        try:
            await admin.start()
            return admin
        except KafkaError as exc:
            if asyncio.get_running_loop().time() > deadline:
                raise
            log.warning("Kafka not reachable yet (%s); retrying", exc)
            await asyncio.sleep(1.0)


async def ensure_topics(settings: Settings, timeout_s: float = 60.0) -> list[str]:
    """Create missing pipeline topics (partitions and replication from settings); returns those created."""
    await resolve_replication_factor(settings, timeout_s)
    admin = await _admin(settings, timeout_s)
    try:
        existing = set(await admin.list_topics())
        wanted = [
            NewTopic(name=name, num_partitions=settings.topic_partitions, replication_factor=settings.topic_replication_factor, topic_configs=cfg)
            for name, cfg in topic_configs(settings).items()
            if name not in existing
        ]
        wanted += [
            NewTopic(name=name, num_partitions=parts, replication_factor=settings.topic_replication_factor, topic_configs=cfg)
            for name, (parts, cfg) in story_topic_specs(settings).items()
            if name not in existing
        ]
        created = []
        for topic in wanted:
            try:
                await admin.create_topics([topic])
                created.append(topic.name)
            except TopicAlreadyExistsError:
                pass
        if created:
            log.info("created topics: %s", ", ".join(created))
        return created
    finally:
        await admin.close()


class TopicLimitProblem(Exception):
    """A topic cannot hold what the worker writes to it (``NEWSEVENTS_TOPIC_CONFIG_CHECK=refuse``, or the DLQ)."""


async def topic_max_bytes(settings: Settings, names: list[str], timeout_s: float = 30.0) -> dict[str, int]:
    """Effective ``max.message.bytes`` of existing topics (the topic's own value or the broker default)."""
    from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

    admin = await _admin(settings, timeout_s)
    try:
        responses = await admin.describe_configs(
            [ConfigResource(ConfigResourceType.TOPIC, n, {"max.message.bytes": None}) for n in names])
    finally:
        await admin.close()
    found: dict[str, int] = {}
    for response in responses:
        for resource in response.resources:
            error_code, _msg, _type, name, entries = resource[:5]
            if error_code:
                continue
            for entry in entries:
                if entry[0] == "max.message.bytes" and entry[1] is not None:
                    found[name] = int(entry[1])
    return found


async def check_topic_limits(settings: Settings, metrics: Any = None) -> list[str]:
    """Compare each output topic's ``max.message.bytes`` with the largest record the worker writes to it.

    Output topics too small: warned about (their too-large records become ``output_rejected`` dead
    letters), or refused with ``topic_config_check=refuse``. A dead-letter topic too small always
    refuses: a worker that cannot set a message aside must not start. Returns the problems found.
    """
    if settings.topic_config_check == "off":
        return []
    need = writes(settings)
    names = {kind: settings.topics[kind] for kind in need}
    have = await topic_max_bytes(settings, list(names.values()))
    problems, fatal = [], []
    for kind, name in names.items():
        limit = have.get(name)
        small = limit is not None and limit < need[kind]
        if metrics is not None:
            metrics.topic_limit_too_small.labels(topic=name).set(1 if small else 0)
        if not small:
            continue
        what = (f"topic {name} has max.message.bytes={limit}, below the {need[kind]} bytes the worker may write to it")
        problems.append(what)
        if kind == "dlq" or settings.topic_config_check == "refuse":
            fatal.append(what)
        else:
            log.warning("%s: such %s records will be dead-lettered output_rejected (raise it with kafka-configs.sh "
                        "--alter --entity-type topics --entity-name %s --add-config max.message.bytes=%d)",
                        what, kind, name, need[kind])
    if fatal:
        raise TopicLimitProblem("; ".join(fatal) + " (raise max.message.bytes on the topic, or lower the worker's limits)")
    return problems


async def topic_exists(settings: Settings, name: str) -> bool:
    """Whether the cluster has the topic (raises when the cluster does not answer)."""
    admin = await _admin(settings, 10.0)
    try:
        return name in set(await admin.list_topics())
    finally:
        await admin.close()


class GroupOffsets:
    """One lazily started admin client per worker, for reading our group's committed offsets
    (used by the lag gauge and the offset guard)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._admin: AIOKafkaAdminClient | None = None

    async def committed(self, partitions: list[Any]) -> dict[Any, int | None]:
        """Committed offset per partition (None when the group has none)."""
        if self._admin is None:
            admin = AIOKafkaAdminClient(**aiokafka_kwargs(self.settings))
            await admin.start()
            self._admin = admin
        found = await self._admin.list_consumer_group_offsets(self.settings.app_id, partitions=partitions)
        out: dict[Any, int | None] = {}
        for tp in partitions:
            meta = found.get(tp)
            out[tp] = meta.offset if meta is not None and meta.offset is not None and meta.offset >= 0 else None
        return out

    async def close(self) -> None:
        if self._admin is not None:
            await self._admin.close()
            self._admin = None
