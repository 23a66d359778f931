"""Helpers for integration tests on the real broker: run workers as subprocesses,
produce raw messages, read topics back. Each test run uses its own topic prefix
and consumer group, so tests never see each other's records.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

ROOT = Path(__file__).resolve().parent.parent
TOPIC_KINDS = ("raw", "clean", "enriched", "events", "dlq")
TOPIC_NAMES = {"raw": "articles.raw", "clean": "articles.clean", "enriched": "articles.enriched", "events": "events", "dlq": "articles.dlq"}


def bootstrap() -> str:
    return os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Deployment:
    """One isolated pipeline: topic prefix + consumer group shared by its workers."""

    name: str
    partitions: int = 4
    extra_env: dict[str, str] = field(default_factory=dict)
    workers: list["WorkerProcess"] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.prefix = f"test-{self.name}-{uuid.uuid4().hex[:8]}."
        self.app_id = self.prefix.rstrip(".")

    def topic(self, kind: str) -> str:
        return self.prefix + TOPIC_NAMES[kind]

    def env(self, web_port: int) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            KAFKA_BOOTSTRAP_SERVERS=bootstrap(),
            NEWSEVENTS_TOPIC_PREFIX=self.prefix,
            NEWSEVENTS_APP_ID=self.app_id,
            NEWSEVENTS_TOPIC_PARTITIONS=str(self.partitions),
            NEWSEVENTS_WEB_PORT=str(web_port),
            NEWSEVENTS_DATA_DIR=str(ROOT / ".newsevents-data" / f"{self.app_id}-{web_port}"),
            NEWSEVENTS_LOG_LEVEL="INFO",
            NEWSEVENTS_COMMIT_INTERVAL_S="0.5",
        )
        env.update(self.extra_env)
        return env

    def create_topics(self) -> None:
        """Create the pipeline's topics the way the worker does (for producing before it starts)."""
        from streams.config import Settings
        from streams.kafka_client import ensure_topics

        settings = Settings(KAFKA_BOOTSTRAP_SERVERS=bootstrap(), topic_prefix=self.prefix, topic_partitions=self.partitions)
        asyncio.run(ensure_topics(settings))

    def start_worker(self, log_dir: Path) -> "WorkerProcess":
        w = WorkerProcess(self, free_port(), log_dir / f"worker-{len(self.workers)}.log")
        w.start()
        self.workers.append(w)
        return w

    def stop_all(self) -> None:
        for w in self.workers:
            w.stop()

    @contextmanager
    def running(self, log_dir: Path, workers: int = 1) -> Iterator["Deployment"]:
        """``workers`` live workers, ready (``/health`` 200) on entry, all stopped on exit (also when starting failed)."""
        try:
            for _ in range(workers):
                self.start_worker(log_dir)
            for w in self.workers:
                w.wait_ready()
            yield self
        finally:
            self.stop_all()


class WorkerProcess:
    def __init__(self, dep: Deployment, web_port: int, log_path: Path) -> None:
        self.dep, self.web_port, self.log_path = dep, web_port, log_path
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        self.log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streams.cli", "worker"],
            env=self.dep.env(self.web_port), cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.web_port}{path}"

    def wait_ready(self, timeout: float = 180) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc is not None
            if self.proc.poll() is not None:
                raise RuntimeError(f"worker exited with {self.proc.returncode}: {self.tail()}")
            try:
                with urllib.request.urlopen(self.url("/health"), timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.5)
        raise TimeoutError(f"worker not ready in {timeout} s: {self.tail()}")

    def metrics_text(self) -> str:
        with urllib.request.urlopen(self.url("/metrics"), timeout=5) as r:
            return r.read().decode()

    def kill9(self) -> None:
        """SIGKILL the worker and its child processes (the whole session)."""
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)
        try:
            self.log.close()
        except Exception:  # noqa: BLE001
            pass

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def tail(self, n: int = 4000) -> str:
        try:
            return self.log_path.read_bytes()[-n:].decode("utf-8", "replace")
        except OSError:
            return ""


async def produce(topic: str, messages: list[tuple[bytes | None, bytes]]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap(), acks="all", max_request_size=32 * 1024 * 1024, linger_ms=5)
    await producer.start()
    try:
        futs = [await producer.send(topic, value, key=key) for key, value in messages]
        await asyncio.gather(*futs)
    finally:
        await producer.stop()


async def read_topic(topic: str, *, until: Callable[[list[Any]], bool] | None = None, timeout: float = 120, idle: float | None = None,
                     raw: bool = False) -> list[Any]:
    """All records of a topic from the beginning, as ``(key, value_dict_or_bytes, headers, partition, offset)``
    (with ``raw``, the value's bytes as they are).

    Stops when ``until(records)`` is true, after ``idle`` s without new records,
    or at ``timeout`` (then returns what it has).
    """
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap(), enable_auto_commit=False, group_id=None, max_partition_fetch_bytes=32 * 1024 * 1024, fetch_max_bytes=32 * 1024 * 1024)
    await consumer.start()
    out: list[Any] = []
    try:
        deadline = time.monotonic() + timeout
        parts = None
        while not parts and time.monotonic() < deadline:
            parts = (await consumer._client.fetch_all_metadata()).partitions_for_topic(topic)  # noqa: SLF001
            if not parts:
                await asyncio.sleep(0.5)
        if not parts:
            return out
        tps = [TopicPartition(topic, p) for p in sorted(parts)]
        consumer.assign(tps)
        await consumer.seek_to_beginning(*tps)
        last = time.monotonic()
        while time.monotonic() < deadline:
            batch = await consumer.getmany(timeout_ms=300)
            got = [m for ms in batch.values() for m in ms]
            for m in got:
                try:
                    value: Any = m.value if raw else orjson.loads(m.value)
                except (orjson.JSONDecodeError, TypeError):
                    value = m.value
                out.append((m.key.decode() if m.key else None, value, m.headers, m.partition, m.offset))
            if got:
                last = time.monotonic()
            if until is not None and until(out):
                break
            if idle is not None and time.monotonic() - last > idle:
                break
    finally:
        await consumer.stop()
    return out


def run(coro: Any) -> Any:
    return asyncio.run(coro)


async def set_topic_config(topic: str, configs: dict[str, str]) -> None:
    """Set a topic's configs (AlterConfigs: the given keys replace the topic's overrides)."""
    from aiokafka.admin import AIOKafkaAdminClient
    from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap())
    await admin.start()
    try:
        responses = await admin.alter_configs([ConfigResource(ConfigResourceType.TOPIC, topic, configs)])
        for response in responses:
            for resource in response.resources:
                if resource[0]:
                    raise RuntimeError(f"alter_configs {topic}: error {resource[0]} {resource[1]}")
    finally:
        await admin.close()


def peak_rss_mb(pid: int) -> float:
    """Peak resident memory (VmHWM) of a live process, in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmHWM for {pid}")
