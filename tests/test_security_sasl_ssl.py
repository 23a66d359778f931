"""TLS + SASL (SCRAM-SHA-512 and PLAIN) against a broker this test starts.

The broker has a SASL_SSL client listener on a free 127.0.0.1 port; its
certificate comes from a private CA made here with openssl (checked with
keytool), in a temp dir: nothing is committed. The worker and the CLI
(``produce``/``consume``) connect with nothing but the documented environment
variables. Secrets (the SASL password) must never show up in logs, ``/metrics``
or dead letters.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import shutil
import ssl
import subprocess
import sys
import time
import uuid
from pathlib import Path

import orjson
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from faults.brokers import Cluster, SecurityConfig  # noqa: E402
from faults.tls import make_tls  # noqa: E402
from kafka_harness import WorkerProcess, free_port  # noqa: E402

pytestmark = [
    pytest.mark.kafka,
    pytest.mark.timeout(600),
    pytest.mark.skipif(not (shutil.which("java") and shutil.which("openssl")), reason="needs java and openssl"),
]

USERS = {"PLAIN": "plain-user", "SCRAM-SHA-512": "scram-user"}


@pytest.fixture(scope="module")
def secure_broker(tmp_path_factory: pytest.TempPathFactory):
    d = tmp_path_factory.mktemp("sasl-ssl")
    tls = make_tls(d / "tls")
    passwords = {mech: "pw-" + secrets.token_hex(16) for mech in USERS}
    sec = SecurityConfig(
        keystore=tls.keystore, keystore_password=tls.keystore_password,
        plain_users={USERS["PLAIN"]: passwords["PLAIN"]},
        scram_users={USERS["SCRAM-SHA-512"]: passwords["SCRAM-SHA-512"]},
    )
    cluster = Cluster.single(d / "broker", security=sec)
    try:
        cluster.start()
        yield {"bootstrap": cluster.bootstrap, "ca": str(tls.ca_cert), "passwords": passwords, "dir": d, "cluster": cluster}
    finally:
        cluster.stop()


def _env(broker: dict, mechanism: str, prefix: str, password: str | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSEVENTS_")}
    env.update(
        KAFKA_BOOTSTRAP_SERVERS=broker["bootstrap"],
        NEWSEVENTS_SECURITY_PROTOCOL="SASL_SSL",
        NEWSEVENTS_SASL_MECHANISM=mechanism,
        NEWSEVENTS_SASL_USERNAME=USERS[mechanism],
        NEWSEVENTS_SASL_PASSWORD=password if password is not None else broker["passwords"][mechanism],
        NEWSEVENTS_SSL_CAFILE=broker["ca"],
        NEWSEVENTS_TOPIC_PREFIX=prefix,
        NEWSEVENTS_APP_ID=prefix.rstrip("."),
        NEWSEVENTS_TOPIC_PARTITIONS="2",
        NEWSEVENTS_COMMIT_INTERVAL_S="0.5",
        NEWSEVENTS_LOG_LEVEL="INFO",
    )
    return env


def _cli(env: dict[str, str], *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "streams.cli", *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout)


class _Dep:
    """Just enough of ``kafka_harness.Deployment`` for ``WorkerProcess``: a fixed environment."""

    def __init__(self, env: dict[str, str]) -> None:
        self._env = env

    def env(self, web_port: int) -> dict[str, str]:
        return {**self._env, "NEWSEVENTS_WEB_PORT": str(web_port), "NEWSEVENTS_DATA_DIR": self._env["NEWSEVENTS_DATA_DIR"]}


@pytest.mark.parametrize("mechanism", ["SCRAM-SHA-512", "PLAIN"])
def test_worker_and_cli_over_sasl_ssl(secure_broker: dict, mechanism: str, tmp_path: Path) -> None:
    prefix = f"sec-{mechanism.lower()}-{uuid.uuid4().hex[:6]}."
    password = secure_broker["passwords"][mechanism]
    env = _env(secure_broker, mechanism, prefix)
    env["NEWSEVENTS_DATA_DIR"] = str(tmp_path / "data")

    articles = [
        {"id": f"sec-{i}", "text": "Brazil and the United States signed a trade agreement in Brasilia on Monday, officials said. "
                                   f"The agreement number {i} covers steel."}
        for i in range(3)
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(orjson.dumps(a).decode() for a in articles) + "\n")
    poison = tmp_path / "poison.jsonl"
    # A dead letter must not carry the secret either, even when the payload mentions the variable.
    poison.write_text('{"id": "sec-poison", "text": 42, "note": "NEWSEVENTS_SASL_PASSWORD"}\n')

    produced = _cli(env, "produce", "--quiet", str(src), str(poison))
    assert produced.returncode == 0, produced.stderr[-2000:]
    assert "produced 4 articles" in produced.stderr

    worker = WorkerProcess(_Dep(env), free_port(), tmp_path / "worker.log")  # type: ignore[arg-type]
    worker.start()
    try:
        worker.wait_ready(240)
        enriched = _consume_until(env, prefix + "articles.enriched", 3)
        dlq = _consume_until(env, prefix + "articles.dlq", 1)
        metrics = worker.metrics_text()
        health = _get(worker.url("/health"))
    finally:
        worker.stop()
    ids = {r["article_id"] for r in enriched}
    assert ids == {a["id"] for a in articles}
    assert dlq and dlq[0]["article_id"] == "sec-poison" and dlq[0]["reason"] == "invalid_envelope"
    assert "ok" in health

    log = worker.log_path.read_text("utf-8", "replace")
    for where, text in (("worker log", log), ("/metrics", metrics), ("dead letters", orjson.dumps(dlq).decode()),
                        ("produce output", produced.stdout + produced.stderr)):
        assert password not in text, f"SASL password leaked into the {where}"


def test_wrong_password_and_plaintext_are_refused(secure_broker: dict) -> None:
    from aiokafka import AIOKafkaProducer
    from aiokafka.errors import KafkaError

    from streams.config import Settings
    from streams.kafka_client import aiokafka_kwargs

    host, port = secure_broker["bootstrap"].rsplit(":", 1)

    async def attempt(**kw: object) -> Exception | None:
        p = AIOKafkaProducer(request_timeout_ms=5000, metadata_max_age_ms=5000, **kw)
        try:
            await asyncio.wait_for(p.start(), 20)
        except (KafkaError, asyncio.TimeoutError, OSError, ssl.SSLError) as exc:
            return exc
        finally:
            try:
                await asyncio.wait_for(p.stop(), 10)
            except Exception:  # noqa: BLE001
                pass
        return None

    for mech in USERS:
        wrong = "wrong-" + secrets.token_hex(8)
        s = Settings(**{"KAFKA_BOOTSTRAP_SERVERS": secure_broker["bootstrap"]}, security_protocol="SASL_SSL", sasl_mechanism=mech,
                     sasl_username=USERS[mech], sasl_password=wrong, ssl_cafile=secure_broker["ca"])
        err = asyncio.run(attempt(**aiokafka_kwargs(s)))
        assert err is not None, f"{mech}: a wrong password was accepted"
        assert wrong not in repr(err) and wrong not in repr(s) and wrong not in str(s.model_dump())
    # No TLS at all: refused (the listener speaks TLS only).
    assert asyncio.run(attempt(bootstrap_servers=secure_broker["bootstrap"])) is not None
    # TLS without trusting the test CA: the certificate check fails.
    s = Settings(**{"KAFKA_BOOTSTRAP_SERVERS": secure_broker["bootstrap"]}, security_protocol="SASL_SSL", sasl_mechanism="PLAIN",
                 sasl_username=USERS["PLAIN"], sasl_password=secure_broker["passwords"]["PLAIN"])
    assert asyncio.run(attempt(**aiokafka_kwargs(s))) is not None


def _get(url: str) -> str:
    import urllib.request

    with urllib.request.urlopen(url, timeout=5) as r:
        return r.read().decode()


def _consume_until(env: dict[str, str], topic: str, n: int, timeout: float = 240) -> list[dict]:
    deadline = time.monotonic() + timeout
    records: list[dict] = []
    while time.monotonic() < deadline:
        out = _cli(env, "consume", topic, "--max", str(n), "--timeout", "5", timeout=120)
        assert out.returncode == 0, out.stderr[-2000:]
        records = [orjson.loads(line) for line in out.stdout.splitlines() if line.strip()]
        if len(records) >= n:
            return records
        time.sleep(2)
    return records
