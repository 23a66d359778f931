"""A live worker over the state layer, on the real broker: what an operator and a replaying consumer rely on.

* the topics it creates (the state changelogs included) carry ``min.insync.replicas``
  and the replication factor of the cluster (min(3, brokers));
* its NLP children hold no Kafka password, neither in their environment nor in
  the settings they would load (a ``.env`` in the worker's directory included);
  no log line, metric or dead letter carries it;
* replaying the same inputs gives byte-identical enriched records and the same
  duplicate decisions (the first answer per article id, whatever came later);
* a restart on the same data directory reads the changelog tail, not the topic.
"""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path
from typing import Any

import orjson
import pytest
from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

from kafka_harness import Deployment, bootstrap, read_topic, run

pytestmark = [pytest.mark.kafka, pytest.mark.timeout(900)]

PASSWORD = "pw-state2-" + "x7Qe9-not-a-real-secret"
TS_MS = 1_764_000_000_000  # one fixed record timestamp: the replay's event times are the original's

# Articles written for this test: a wire story, an edited copy (near duplicate), the same text under a new
# id (exact duplicate), and two unrelated stories.
WIRE = (
    "Harbour officials in Port Elmsworth said on Monday that a cargo ship ran aground near the northern breakwater "
    "during a storm, and that tugs would try to free it at high tide. No injuries were reported among the crew of "
    "nineteen. The port authority closed the main channel to other traffic while divers inspected the hull for damage. "
    "A spokesperson said fuel had not leaked so far and that booms were placed around the vessel as a precaution. "
    "Shipping agents expect delays of two to three days for container traffic bound for the eastern terminals."
)
EDITED = WIRE.replace("nineteen", "twenty-one").replace("on Monday", "late on Monday") + " Fishermen were told to stay ashore."
OTHER_1 = (
    "The regional library board in Calder Falls voted to extend opening hours at its four branches from next month. "
    "Board members said evening visits had doubled since a pilot scheme began last autumn, mostly students and shift "
    "workers. The change will be paid for by moving money from the furniture budget, the treasurer told the meeting. "
    "Two members voted against, saying staff had not been consulted about the later shifts."
)
OTHER_2 = (
    "Engineers at the Vostrand hydro plant began replacing two turbines that have run since the nineteen-sixties, the "
    "operator said in a statement. The work will cut the plant's output by a third until the summer, and the grid "
    "operator has arranged imports from a neighbouring network to cover the gap. Local officials welcomed the upgrade "
    "but asked for clearer notice before water levels in the reservoir are lowered."
)
ARTICLES = [("harbour-1", WIRE), ("library-1", OTHER_1), ("harbour-2", EDITED), ("harbour-3", WIRE), ("hydro-1", OTHER_2)]
IDS = [a for a, _ in ARTICLES]


async def _produce(topic: str, articles: list[tuple[str, str]]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap(), acks="all")
    await producer.start()
    try:
        for aid, text in articles:  # one at a time and in order: the duplicate decisions depend on what came first
            await producer.send_and_wait(topic, orjson.dumps({"id": aid, "text": text}), key=aid.encode(), timestamp_ms=TS_MS)
    finally:
        await producer.stop()


async def _topic_configs(names: list[str]) -> dict[str, dict[str, tuple[str, bool]]]:
    """Topic -> config name -> (value, set on the topic rather than a broker default)."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap())
    await admin.start()
    try:
        out: dict[str, dict[str, tuple[str, bool]]] = {}
        for response in await admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, n) for n in names]):
            for resource in response.resources:
                _err, _msg, _type, name, entries = resource[:5]
                # v0 entries: (name, value, read_only, is_default, ...); v1+: (name, value, read_only, source, ...),
                # source 1 = DYNAMIC_TOPIC_CONFIG
                out[name] = {e[0]: (e[1], e[3] == 1 if len(e) >= 6 else e[3] is False) for e in entries}
        desc = await admin.describe_topics(names)
        for t in desc:
            out[t["topic"]]["__rf__"] = (str(len(t["partitions"][0]["replicas"])), True)
        return out
    finally:
        await admin.close()


def _children(pid: int) -> list[int]:
    kids: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            kids += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return kids


def _wait_for(predicate: Any, timeout: float = 120.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


def _metric(text: str, name: str, **labels: str) -> float:
    want = ",".join(f'{k}="{v}"' for k, v in labels.items())
    for line in text.splitlines():
        if line.startswith(name + ("{" + want + "}" if want else " ")):
            return float(line.rsplit(" ", 1)[1])
    raise AssertionError(f"no {name}{{{want}}} in /metrics")


@pytest.fixture(scope="module")
def deployment(kafka: str, tmp_path_factory: pytest.TempPathFactory):
    workdir = tmp_path_factory.mktemp("state-worker")
    dep = Deployment("stateworker", partitions=2, extra_env={
        "NEWSEVENTS_SASL_PASSWORD": PASSWORD,  # PLAINTEXT: never used, but the worker holds it as a deployment would
        "NEWSEVENTS_SASL_USERNAME": "newsevents",
        "THIRD_PARTY_API_TOKEN": PASSWORD + "-token",
    })
    dep.logs = workdir  # type: ignore[attr-defined]
    worker = dep.start_worker(workdir)
    try:
        worker.wait_ready()
        yield dep
    finally:
        dep.stop_all()


def _enriched_by_id(dep: Deployment, want: int) -> dict[str, list[bytes]]:
    records = run(read_topic(dep.topic("enriched"), until=lambda r: len(r) >= want, timeout=240))
    out: dict[str, list[bytes]] = {}
    for key, value, *_ in records:
        out.setdefault(key, []).append(orjson.dumps(value, option=orjson.OPT_SORT_KEYS) if isinstance(value, dict) else value)
    return out


def test_created_topics_carry_min_insync_replicas_and_the_cluster_replication(deployment: Deployment) -> None:
    names = [deployment.topic(k) for k in ("raw", "clean", "enriched", "events", "dlq")]
    names += [f"{deployment.app_id}-dedup-near-changelog", f"{deployment.app_id}-dedup-exact-changelog"]
    configs = run(_topic_configs(names))
    for name in names:
        value, on_topic = configs[name]["min.insync.replicas"]
        assert on_topic, f"{name}: min.insync.replicas is the broker default, not set on the topic"
        assert value == "1", f"{name}: min.insync.replicas {value} (RF 1 on this one-broker cluster: max(1, RF - 1) = 1)"
        assert configs[name]["__rf__"][0] == "1", "RF = min(3, brokers) = 1 on a one-broker cluster"


def test_the_nlp_children_hold_no_password(deployment: Deployment) -> None:
    worker = deployment.workers[0]
    assert worker.proc is not None
    kids = _children(worker.proc.pid)
    assert kids, "the worker has no NLP child"
    parent_env = Path(f"/proc/{worker.proc.pid}/environ").read_bytes()
    assert PASSWORD.encode() in parent_env, "the test's password did not reach the worker: the check below proves nothing"
    for pid in kids:
        env = Path(f"/proc/{pid}/environ").read_bytes()
        assert PASSWORD.encode() not in env, f"child {pid} inherited a secret"
        assert b"NEWSEVENTS_CHILD_PROCESS=1" in env.split(b"\0")
        assert b"NEWSEVENTS_SASL_USERNAME" not in env


def test_replaying_the_inputs_gives_byte_identical_records_and_decisions(deployment: Deployment) -> None:
    raw = deployment.topic("raw")
    run(_produce(raw, ARTICLES))
    first = _enriched_by_id(deployment, len(ARTICLES))
    assert set(first) == set(IDS)
    dec = {k: orjson.loads(v[0]) for k, v in first.items()}
    assert dec["harbour-3"]["skipped_reason"] == "exact_duplicate" and dec["harbour-3"]["duplicate_of"] == "harbour-1"
    assert dec["harbour-1"]["skipped_reason"] is None
    clean = run(read_topic(deployment.topic("clean"), until=lambda r: len(r) >= len(ARTICLES), timeout=60))
    near = {v["article_id"]: v["near_duplicate_of"] for _k, v, *_ in clean}
    assert near["harbour-2"] == "harbour-1" and near["harbour-1"] is None and near["library-1"] is None

    # The replay, in the reverse order: without remembered answers harbour-1 would now be the copy of harbour-3.
    run(_produce(raw, list(reversed(ARTICLES))))
    both = _enriched_by_id(deployment, 2 * len(ARTICLES))
    for aid in IDS:
        assert len(both[aid]) == 2, aid
        assert both[aid][0] == both[aid][1], f"{aid}: the replay's enriched record differs"
    clean = run(read_topic(deployment.topic("clean"), until=lambda r: len(r) >= 2 * len(ARTICLES), timeout=60))
    answers: dict[str, set[Any]] = {}
    for _k, v, *_ in clean:
        answers.setdefault(v["article_id"], set()).add(v["near_duplicate_of"])
    assert all(len(a) == 1 for a in answers.values()), answers

    # Nothing of the password anywhere a user or an operator reads.
    worker = deployment.workers[0]
    assert PASSWORD not in worker.metrics_text()
    assert PASSWORD not in worker.tail(10_000_000)
    for _k, v, *_ in run(read_topic(deployment.topic("dlq"), timeout=5, idle=2)):
        assert PASSWORD.encode() not in orjson.dumps(v) if isinstance(v, dict) else PASSWORD.encode() not in v


def test_a_restart_reads_only_the_changelog_tail(deployment: Deployment) -> None:
    worker = deployment.workers[0]
    before = worker.metrics_text()
    written = sum(_metric(before, "newsevents_state_changelog_records_written_total", store=s) for s in ("dedup-near", "dedup-exact"))
    assert written >= len(ARTICLES), "the first run wrote no state: the restart check proves nothing"
    worker.stop()
    worker.start()
    worker.wait_ready()
    after = worker.metrics_text()
    applied = sum(_metric(after, "newsevents_state_changelog_records_applied_total", store=s) for s in ("dedup-near", "dedup-exact"))
    # The records the first run wrote (and read back) are in the local store: only what the stop left
    # unread is applied again.
    assert applied < written / 2, f"the restart re-applied {applied} changelog records of {written}"
    assert _metric(after, "newsevents_state_caught_up", store="dedup-near") == 1.0
    assert _metric(after, "newsevents_state_recovery_seconds", store="dedup-near") > 0
    # And it still remembers: a replay after the restart gives the same records again.
    run(_produce(deployment.topic("raw"), ARTICLES[:1]))
    both = _enriched_by_id(deployment, 2 * len(ARTICLES) + 1)
    assert len(set(both["harbour-1"])) == 1


def test_idempotent_producer_in_use(kafka: str, tmp_path: Path) -> None:
    """The producer the worker publishes with (Faust's, through the Publisher) is idempotent: the broker gave it a producer id."""
    from streams.app import Worker
    from streams.config import Settings
    from streams.kafka_client import ensure_topics
    from streams.metrics import Metrics
    from streams.publishing import Output

    prefix = f"test-idem-{os.getpid()}."
    settings = Settings(_env_file=None, KAFKA_BOOTSTRAP_SERVERS=kafka, topic_prefix=prefix, app_id=prefix.rstrip("."),
                        data_dir=str(tmp_path), topic_partitions=1)

    async def main() -> tuple[Any, Any]:
        await ensure_topics(settings)
        pipeline = Worker(settings, Metrics())
        await pipeline.app.producer.start()
        try:
            producer = pipeline.app.producer._ensure_producer()  # noqa: SLF001 - the one the Publisher gets
            rejected = await pipeline.publisher.publish([[Output(settings.topics["dlq"], "dlq", "k", b"{}", [])]])
            assert rejected == [None]
            return producer, producer._txn_manager  # noqa: SLF001
        finally:
            await pipeline.app.producer.stop()

    producer, txn = asyncio.run(main())
    assert txn is not None, "aiokafka built the producer without idempotence"
    assert txn.producer_id >= 0, "the broker assigned no producer id"
    assert producer._sender._txn_manager is txn  # noqa: SLF001
