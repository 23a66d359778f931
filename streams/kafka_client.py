"""Kafka connection settings (TLS, SASL) and topic administration, shared by the
worker (Faust) and the CLI's producer/consumer (aiokafka), so both connect the
same way from the same environment variables.
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

# Largest message the pipeline handles; bigger inputs are dead-lettered by size
# before this matters. Matches message.max.bytes of the local broker.
MAX_MESSAGE_BYTES = 32 * 1024 * 1024
# Bytes a worker asks for per partition and fetch (see app.py for why it is small).
FETCH_PARTITION_BYTES = 1024 * 1024


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
    big = {"max.message.bytes": str(MAX_MESSAGE_BYTES)}
    return {name: dict(big) for name in settings.topics.values()}


async def ensure_topics(settings: Settings, timeout_s: float = 60.0) -> list[str]:
    """Create missing pipeline topics (partitions and replication from settings); returns those created."""
    admin = AIOKafkaAdminClient(**aiokafka_kwargs(settings), request_timeout_ms=int(timeout_s * 1000))
    deadline = asyncio.get_running_loop().time() + timeout_s
    while True:
        try:
            await admin.start()
            break
        except KafkaError as exc:
            if asyncio.get_running_loop().time() > deadline:
                raise
            log.warning("Kafka not reachable yet (%s); retrying", exc)
            await asyncio.sleep(1.0)
    try:
        existing = set(await admin.list_topics())
        wanted = [
            NewTopic(name=name, num_partitions=settings.topic_partitions, replication_factor=settings.topic_replication_factor, topic_configs=cfg)
            for name, cfg in topic_configs(settings).items()
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
