"""Migration from the Faust GlobalTable changelogs: found, reported with the command, deleted on request."""

from __future__ import annotations

import asyncio
import logging
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from kafka_harness import bootstrap
from streams.config import Settings
from streams.state.migrate import COMMAND, check_legacy, legacy_topics, migrate

pytestmark = [pytest.mark.kafka, pytest.mark.timeout(180)]
ROOT = Path(__file__).resolve().parent.parent


async def _topics() -> set[str]:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap())
    await admin.start()
    try:
        return set(await admin.list_topics())
    finally:
        await admin.close()


async def _legacy_deployment(app_id: str) -> list[str]:
    """Topics as the previous version left them: compacted, with table entries in them."""
    names = legacy_topics(app_id)
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap())
    await admin.start()
    try:
        await admin.create_topics([NewTopic(n, 2, 1, topic_configs={"cleanup.policy": "compact"}) for n in names])
    finally:
        await admin.close()
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap(), acks="all")
    await producer.start()
    try:
        await producer.send_and_wait(names[0], b"a1b2c3-first-article", key=b"0f" * 32)
        await producer.send_and_wait(names[1], b"1", key=b"self:first-article")
    finally:
        await producer.stop()
    return names


def test_legacy_topics_are_reported_then_deleted_on_request(kafka: str, caplog: pytest.LogCaptureFixture) -> None:
    app_id = f"test-migrate-{uuid.uuid4().hex[:8]}"
    settings = Settings(KAFKA_BOOTSTRAP_SERVERS=bootstrap(), app_id=app_id)

    async def go() -> None:
        names = await _legacy_deployment(app_id)
        assert names == [f"{app_id}-content-hashes-changelog", f"{app_id}-near-duplicates-changelog"]
        with caplog.at_level(logging.WARNING, logger="streams.state.migrate"):
            found = await check_legacy(settings)
        assert sorted(found.found) == sorted(names) and found.deleted == []
        assert COMMAND in caplog.text and names[0] in caplog.text
        assert set(names) <= await _topics()  # listing deletes nothing

        done = await migrate(settings, delete=True)
        assert sorted(done.deleted) == sorted(names)
        assert not set(names) & await _topics()
        again = await migrate(settings, delete=True)
        assert again.found == [] and "no legacy" in again.describe()

    asyncio.run(go())


def test_the_migration_command_deletes_with_its_flag_only(kafka: str) -> None:
    app_id = f"test-migrate-{uuid.uuid4().hex[:8]}"
    names = asyncio.run(_legacy_deployment(app_id))
    env = dict(os.environ, KAFKA_BOOTSTRAP_SERVERS=bootstrap(), NEWSEVENTS_APP_ID=app_id)
    listed = subprocess.run([sys.executable, "-m", "streams.state.migrate"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert listed.returncode == 0 and COMMAND in listed.stdout
    assert set(names) <= asyncio.run(_topics())
    deleted = subprocess.run([sys.executable, "-m", "streams.state.migrate", "--delete"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert deleted.returncode == 0 and "deleted" in deleted.stdout
    assert not set(names) & asyncio.run(_topics())
