"""``newsevents consume TOPIC --validate`` against a real broker: invalid records are named, the exit code says so."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import uuid
from pathlib import Path

import orjson
import pytest

from kafka_harness import bootstrap, produce
from test_models import EVENT

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.kafka


def test_consume_validate_names_the_invalid_records(kafka) -> None:
    from streams.config import Settings
    from streams.kafka_client import ensure_topics

    prefix = f"models-{uuid.uuid4().hex[:8]}."
    settings = Settings(KAFKA_BOOTSTRAP_SERVERS=bootstrap(), topic_prefix=prefix, topic_partitions=1)
    asyncio.run(ensure_topics(settings))
    topic = prefix + "events"
    drifted = dict(EVENT, confidence="high")
    asyncio.run(produce(topic, [(b"a1", orjson.dumps(EVENT)), (b"a1", orjson.dumps(drifted)), (b"a1", b"{not json"),
                                (b"a2", orjson.dumps(dict(EVENT, article_id="a2")))]))
    env = {**os.environ, "KAFKA_BOOTSTRAP_SERVERS": bootstrap(), "NEWSEVENTS_TOPIC_PREFIX": prefix}
    proc = subprocess.run([sys.executable, "-m", "streams.cli", "consume", topic, "--validate", "--timeout", "3"],
                          capture_output=True, cwd=ROOT, env=env, timeout=120)
    assert proc.returncode == 1, proc.stderr.decode()
    rows = [orjson.loads(line) for line in proc.stdout.splitlines()]
    assert [r["offset"] for r in rows] == [1, 2]
    assert rows[0]["errors"][0].startswith("confidence") and "not JSON" in rows[1]["errors"][0]
    assert "4 records" in proc.stderr.decode() and "checked as event: 2 valid, 2 invalid" in proc.stderr.decode()
