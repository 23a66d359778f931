"""Throw-away Apache Kafka brokers for the fault suite and the security tests.

Everything runs on 127.0.0.1, on free ports, in a run directory the caller
owns, from the jar cache that ``scripts/kafka.sh fetch`` fills. Three layouts:

* ``Cluster.single(run_dir)``: one KRaft node (broker + controller), PLAINTEXT;
* ``Cluster.three(run_dir)``: three combined KRaft nodes, replication factor 3,
  ``min.insync.replicas=2``, static controller quorum of the three;
* ``Cluster.single(run_dir, security=SecurityConfig(...))``: one node whose
  client listener is SASL_SSL (PLAIN + SCRAM-SHA-512), TLS from a PKCS#12
  keystore (see ``tls.py``); SCRAM users are created at format time.

Every node is a ``java ... kafka.Kafka`` child of this process, in its own
process group; ``Cluster.stop()`` (also registered with ``atexit``) ends them.
"""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOG4J = ROOT / "kafka" / "log4j2.properties"


def kafka_lib() -> Path:
    """The jar directory (fetched by ``scripts/kafka.sh fetch`` when missing)."""
    pom = (ROOT / "kafka" / "pom.xml").read_text()
    version = pom.split("<kafka.version>")[1].split("</kafka.version>")[0]
    cache = Path(os.environ.get("NEWSEVENTS_CACHE", Path.home() / ".cache" / "newsevents"))
    lib = cache / f"kafka-{version}" / "lib"
    if not (lib / ".complete").exists():
        subprocess.run([str(ROOT / "scripts" / "kafka.sh"), "fetch"], check=True)
    return lib


def free_ports(n: int) -> list[int]:
    socks, ports = [], []
    try:
        for _ in range(n):
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            socks.append(s)
            ports.append(s.getsockname()[1])
    finally:
        for s in socks:
            s.close()
    return ports


def port_open(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


@dataclass
class SecurityConfig:
    """A SASL_SSL client listener: TLS keystore + PLAIN users + SCRAM-SHA-512 users."""

    keystore: Path
    keystore_password: str
    plain_users: dict[str, str] = field(default_factory=dict)
    scram_users: dict[str, str] = field(default_factory=dict)


_LIVE: set["Node"] = set()


def _stop_all_at_exit() -> None:
    for node in list(_LIVE):
        node.kill9()


atexit.register(_stop_all_at_exit)


class Node:
    def __init__(self, node_id: int, port: int, controller_port: int, internal_port: int | None, run_dir: Path, props: str, heap: str) -> None:
        self.node_id, self.port, self.controller_port, self.internal_port = node_id, port, controller_port, internal_port
        self.run_dir, self.props, self.heap = run_dir, props, heap
        self.proc: subprocess.Popen | None = None
        self.config = run_dir / "server.properties"
        self.logfile = run_dir / "kafka.log"

    def java(self, *args: str) -> list[str]:
        return [
            "java", *self.heap.split(), "-XX:+UseG1GC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
            f"-Dlog4j2.configurationFile={LOG4J}", f"-Dkafka.logs.file={self.logfile}",
            "-cp", f"{kafka_lib()}/*", *args,
        ]

    def format(self, cluster_id: str, extra: list[str]) -> None:
        self.run_dir.mkdir(parents=True, exist_ok=True)
        self.config.write_text(self.props)
        subprocess.run(self.java("kafka.tools.StorageTool", "format", "-t", cluster_id, "-c", str(self.config), *extra),
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def start(self) -> None:
        out = open(self.run_dir / "stdout.log", "ab")
        self.proc = subprocess.Popen(self.java("kafka.Kafka", str(self.config)), stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        out.close()
        _LIVE.add(self)

    def wait_ready(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc is None or self.proc.poll() is not None:
                raise RuntimeError(f"broker {self.node_id} exited: {self.tail()}")
            started = self.logfile.exists() and "Kafka Server started" in self.logfile.read_text(errors="replace")
            if started and port_open(self.port):
                return
            time.sleep(0.3)
        raise TimeoutError(f"broker {self.node_id} not ready in {timeout} s: {self.tail()}")

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def kill9(self) -> None:
        if self.alive():
            assert self.proc is not None
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(30)
        _LIVE.discard(self)

    def stop(self, grace: float = 30) -> None:
        """Controlled shutdown (SIGTERM), SIGKILL after ``grace`` seconds."""
        if self.alive():
            assert self.proc is not None
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(grace)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(30)
        _LIVE.discard(self)

    def tail(self, n: int = 3000) -> str:
        text = ""
        for f in (self.run_dir / "stdout.log", self.logfile):
            if f.exists():
                text += f.read_bytes()[-n:].decode("utf-8", "replace")
        return text


COMMON = """\
num.partitions=1
auto.create.topics.enable=false
group.initial.rebalance.delay.ms=0
message.max.bytes=33554432
replica.fetch.max.bytes=33554432
socket.request.max.bytes=104857600
log.segment.bytes=268435456
num.network.threads=2
num.io.threads=2
num.recovery.threads.per.data.dir=1
log.cleaner.threads=1
"""


class Cluster:
    def __init__(self, nodes: list[Node], security: SecurityConfig | None = None) -> None:
        self.nodes = nodes
        self.security = security

    @property
    def bootstrap(self) -> str:
        return ",".join(f"127.0.0.1:{n.port}" for n in self.nodes)

    # ------------------------------------------------------------------ layouts
    @classmethod
    def single(cls, run_dir: Path, *, security: SecurityConfig | None = None, heap: str = "-Xms128m -Xmx512m") -> "Cluster":
        port, cport, iport = free_ports(3)
        data = run_dir / "data"
        if security is None:
            listeners = f"listeners=PLAINTEXT://127.0.0.1:{port},CONTROLLER://127.0.0.1:{cport}\n" \
                        f"advertised.listeners=PLAINTEXT://127.0.0.1:{port}\n" \
                        "inter.broker.listener.name=PLAINTEXT\n" \
                        "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT\n"
            internal = None
        else:
            users = " ".join(f'user_{u}="{p}"' for u, p in security.plain_users.items())
            listeners = (
                f"listeners=SASL_SSL://127.0.0.1:{port},INTERNAL://127.0.0.1:{iport},CONTROLLER://127.0.0.1:{cport}\n"
                f"advertised.listeners=SASL_SSL://127.0.0.1:{port},INTERNAL://127.0.0.1:{iport}\n"
                "inter.broker.listener.name=INTERNAL\n"
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,INTERNAL:PLAINTEXT,SASL_SSL:SASL_SSL\n"
                "sasl.enabled.mechanisms=PLAIN,SCRAM-SHA-512\n"
                "listener.name.sasl_ssl.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required "
                f"{users};\n"
                "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;\n"
                f"ssl.keystore.location={security.keystore}\n"
                "ssl.keystore.type=PKCS12\n"
                f"ssl.keystore.password={security.keystore_password}\n"
                f"ssl.key.password={security.keystore_password}\n"
                "ssl.client.auth=none\n"
            )
            internal = iport
        props = (
            "process.roles=broker,controller\nnode.id=1\n"
            f"controller.quorum.voters=1@127.0.0.1:{cport}\n"
            "controller.listener.names=CONTROLLER\n"
            f"{listeners}log.dirs={data}\n{COMMON}"
            "offsets.topic.replication.factor=1\noffsets.topic.num.partitions=4\n"
            "transaction.state.log.replication.factor=1\ntransaction.state.log.min.isr=1\n"
            "share.coordinator.state.topic.replication.factor=1\nshare.coordinator.state.topic.min.isr=1\n"
        )
        node = Node(1, port, cport, internal, run_dir, props, heap)
        extra: list[str] = []
        if security is not None:
            for u, p in security.scram_users.items():
                extra += ["--add-scram", f"SCRAM-SHA-512=[name={u},password={p}]"]
        node.format(_cluster_id(node), extra)
        return cls([node], security)

    @classmethod
    def three(cls, run_dir: Path, heap: str = "-Xms128m -Xmx400m") -> "Cluster":
        ports = free_ports(6)
        client, ctrl = ports[:3], ports[3:]
        voters = ",".join(f"{i + 1}@127.0.0.1:{ctrl[i]}" for i in range(3))
        nodes = []
        for i in range(3):
            d = run_dir / f"node{i + 1}"
            props = (
                f"process.roles=broker,controller\nnode.id={i + 1}\ncontroller.quorum.voters={voters}\n"
                "controller.listener.names=CONTROLLER\n"
                f"listeners=PLAINTEXT://127.0.0.1:{client[i]},CONTROLLER://127.0.0.1:{ctrl[i]}\n"
                f"advertised.listeners=PLAINTEXT://127.0.0.1:{client[i]}\n"
                "inter.broker.listener.name=PLAINTEXT\n"
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT\n"
                f"log.dirs={d / 'data'}\n{COMMON}"
                "default.replication.factor=3\nmin.insync.replicas=2\n"
                "offsets.topic.replication.factor=3\noffsets.topic.num.partitions=4\n"
                "transaction.state.log.replication.factor=3\ntransaction.state.log.min.isr=2\n"
                "share.coordinator.state.topic.replication.factor=3\nshare.coordinator.state.topic.min.isr=2\n"
                "unclean.leader.election.enable=false\n"
                "replica.lag.time.max.ms=10000\n"
            )
            nodes.append(Node(i + 1, client[i], ctrl[i], None, d, props, heap))
        cid = _cluster_id(nodes[0])
        for n in nodes:
            n.format(cid, [])
        return cls(nodes)

    # ------------------------------------------------------------------ lifecycle
    def start(self, timeout: float = 120) -> "Cluster":
        for n in self.nodes:
            n.start()
        for n in self.nodes:
            n.wait_ready(timeout)
        return self

    def stop(self, grace: float = 15) -> None:
        """SIGTERM every node at once (a lone last controller can wait long for its
        quorum), SIGKILL whatever is left after ``grace`` seconds."""
        live = [n for n in self.nodes if n.alive()]
        for n in live:
            try:
                os.killpg(n.proc.pid, signal.SIGTERM)  # type: ignore[union-attr]
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + grace
        for n in live:
            try:
                n.proc.wait(max(0.1, deadline - time.monotonic()))  # type: ignore[union-attr]
            except subprocess.TimeoutExpired:
                pass
        for n in self.nodes:
            n.kill9()

    def wipe(self) -> None:
        self.stop()
        for n in self.nodes:
            shutil.rmtree(n.run_dir, ignore_errors=True)

    def __enter__(self) -> "Cluster":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _cluster_id(node: Node) -> str:
    out = subprocess.run(node.java("kafka.tools.StorageTool", "random-uuid"), check=True, capture_output=True, text=True)
    return out.stdout.strip().splitlines()[-1]
