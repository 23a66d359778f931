"""Helpers for the ops tests: find Prometheus/promtool, run a throw-away Prometheus
server, pull every PromQL expression out of the Grafana dashboard and the alert
rules, substitute Grafana's variables, and sum worker metrics.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import pytest
import yaml
from prometheus_client.parser import text_string_to_metric_families

ROOT = Path(__file__).resolve().parent.parent
OPS = ROOT / "ops"
ALERTS = OPS / "prometheus" / "alerts.yml"
PROMETHEUS_CONFIG = OPS / "prometheus" / "prometheus.yml"
DASHBOARD = OPS / "grafana" / "dashboards" / "newsevents.json"
DATASOURCES = OPS / "grafana" / "provisioning" / "datasources" / "prometheus.yml"
DASHBOARD_PROVIDERS = OPS / "grafana" / "provisioning" / "dashboards" / "newsevents.yml"
OPERATIONS_DOC = ROOT / "docs" / "operations.md"
WORKER_JOB = "newsevents-worker"


def binary(name: str) -> str:
    """Path of ``prometheus``/``promtool``: PATH or /usr/bin. Missing: fail in CI, skip elsewhere."""
    path = shutil.which(name) or (f"/usr/bin/{name}" if os.access(f"/usr/bin/{name}", os.X_OK) else None)
    if path:
        return path
    msg = f"{name} not found on PATH or in /usr/bin: install Debian's prometheus package (apt-get install prometheus)"
    if os.environ.get("CI") or os.environ.get("NEWSEVENTS_TEST_KAFKA"):
        pytest.fail(msg)
    pytest.skip(msg)


# --------------------------------------------------------------------------- dashboard / rules


@dataclass(frozen=True)
class Expr:
    source: str  # "panel", "variable" or "alert"
    title: str  # panel title / variable name / alert name
    ref: str  # refId / "expr"
    expr: str


def load_dashboard() -> dict[str, Any]:
    return json.loads(DASHBOARD.read_text("utf-8"))


def iter_panels(dashboard: dict[str, Any]) -> Iterable[dict[str, Any]]:
    """Every panel, including those nested in (collapsed) rows."""
    for panel in dashboard.get("panels", []):
        yield panel
        yield from panel.get("panels", []) or []


def dashboard_exprs(dashboard: dict[str, Any]) -> list[Expr]:
    out = []
    for panel in iter_panels(dashboard):
        for target in panel.get("targets", []) or []:
            if target.get("expr"):
                out.append(Expr("panel", panel["title"], target.get("refId", "?"), target["expr"]))
    return out


def variable_exprs(dashboard: dict[str, Any]) -> list[Expr]:
    """Query variables as PromQL: ``label_values(m, l)`` -> ``group by (l) (m)``."""
    out = []
    for var in dashboard.get("templating", {}).get("list", []):
        if var.get("type") != "query":
            continue
        q = var.get("query")
        q = q.get("query") if isinstance(q, dict) else q
        m = re.fullmatch(r"\s*label_values\((.+),\s*(\w+)\s*\)\s*", q or "")
        if m:
            out.append(Expr("variable", var["name"], "label_values", f"group by ({m.group(2)}) ({m.group(1)})"))
        else:
            out.append(Expr("variable", var["name"], "query", q))
    return out


def load_rules() -> dict[str, Any]:
    return yaml.safe_load(ALERTS.read_text("utf-8"))


def iter_rules(rules: dict[str, Any] | None = None) -> Iterable[dict[str, Any]]:
    for group in (rules or load_rules())["groups"]:
        yield from group["rules"]


def alert_exprs() -> list[Expr]:
    return [Expr("alert", r.get("alert") or r.get("record"), "expr", r["expr"]) for r in iter_rules()]


_VAR = re.compile(r"\$\{([A-Za-z_]\w*)(?::\w+)?\}|\$([A-Za-z_]\w*)|\[\[([A-Za-z_]\w*)\]\]")


def substitute(expr: str, dashboard: dict[str, Any], *, rate_interval: str, interval: str = "1s", range_: str | None = None) -> str:
    """Replace Grafana's built-in and template variables the way Grafana would for "All"."""
    range_ = range_ or rate_interval
    values = {"__rate_interval": rate_interval, "__interval": interval, "__range": range_}
    seconds = _seconds(range_)
    values.update({"__range_s": str(seconds), "__range_ms": str(seconds * 1000), "__interval_ms": str(_seconds(interval) * 1000)})
    for var in dashboard.get("templating", {}).get("list", []):
        values[var["name"]] = var.get("allValue") or ".*"

    def repl(m: re.Match[str]) -> str:
        name = m.group(1) or m.group(2) or m.group(3)
        if name not in values:
            raise KeyError(f"unknown Grafana variable ${name} in {expr!r}")
        return values[name]

    return _VAR.sub(repl, expr)


def _seconds(duration: str) -> int:
    m = re.fullmatch(r"(\d+)([smhd])", duration)
    assert m, duration
    return int(m.group(1)) * {"s": 1, "m": 60, "h": 3600, "d": 86400}[m.group(2)]


# --------------------------------------------------------------------------- Prometheus server


class PrometheusServer:
    """A real Prometheus in its own directory, on a free 127.0.0.1 port, scraping ``targets``."""

    def __init__(self, workdir: Path, targets: list[str], *, rule_files: list[Path], scrape_interval: str = "1s") -> None:
        from kafka_harness import free_port

        self.workdir = workdir
        self.port = free_port()
        self.targets = targets
        self.rule_files = rule_files
        self.scrape_interval = scrape_interval
        self.proc: subprocess.Popen | None = None
        self.config_path = workdir / "prometheus.yml"
        self.log_path = workdir / "prometheus.log"
        self.started_at = 0.0

    def write_config(self) -> Path:
        config = {
            "global": {"scrape_interval": self.scrape_interval, "scrape_timeout": self.scrape_interval, "evaluation_interval": self.scrape_interval},
            "rule_files": [str(p) for p in self.rule_files],
            "scrape_configs": [{"job_name": WORKER_JOB, "metrics_path": "/metrics", "static_configs": [{"targets": self.targets}]}],
        }
        self.config_path.write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
        return self.config_path

    def start(self, timeout: float = 60) -> "PrometheusServer":
        self.write_config()
        self._log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(
            [
                binary("prometheus"),
                f"--config.file={self.config_path}",
                f"--storage.tsdb.path={self.workdir / 'data'}",
                f"--web.listen-address=127.0.0.1:{self.port}",
                "--storage.tsdb.retention.time=1h",
                "--log.level=info",
            ],
            cwd=self.workdir, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        self.started_at = time.time()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"prometheus exited with {self.proc.returncode}: {self.tail()}")
            try:
                with urllib.request.urlopen(self.url("/-/ready"), timeout=2) as r:
                    if r.status == 200:
                        return self
            except OSError:
                pass
            time.sleep(0.3)
        raise TimeoutError(f"prometheus not ready in {timeout} s: {self.tail()}")

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def api(self, path: str, **params: Any) -> dict[str, Any]:
        """GET an /api/v1 endpoint; returns the JSON body, also for 4xx answers (bad_data etc.)."""
        query = urllib.parse.urlencode({k: v for k, v in params.items() if v is not None})
        try:
            with urllib.request.urlopen(self.url(f"/api/v1/{path}?{query}"), timeout=30) as r:
                return json.loads(r.read())
        except urllib.error.HTTPError as exc:
            return json.loads(exc.read() or b"{}") | {"http_status": exc.code}

    def query(self, expr: str, at: float | None = None) -> dict[str, Any]:
        return self.api("query", query=expr, time=at)

    def value(self, expr: str) -> float | None:
        """Single scalar/vector value of ``expr`` now (None when empty)."""
        body = self.query(expr)
        assert body.get("status") == "success", (expr, body)
        result = body["data"]["result"]
        if body["data"]["resultType"] == "scalar":
            return float(result[1])
        return float(result[0]["value"][1]) if result else None

    def wait_for(self, expr: str, want: float, timeout: float = 30) -> float | None:
        deadline = time.monotonic() + timeout
        got = None
        while time.monotonic() < deadline:
            got = self.value(expr)
            if got == want:
                return got
            time.sleep(0.5)
        return got

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)
        try:
            self._log.close()
        except Exception:  # noqa: BLE001
            pass

    def tail(self, n: int = 3000) -> str:
        try:
            return self.log_path.read_bytes()[-n:].decode("utf-8", "replace")
        except OSError:
            return ""


# --------------------------------------------------------------------------- worker metrics


def samples(text: str) -> list[tuple[str, dict[str, str], float]]:
    return [(s.name, dict(s.labels), s.value) for fam in text_string_to_metric_families(text) for s in fam.samples]


def total(texts: Iterable[str], name: str, **labels: str) -> float:
    """Sum of ``name`` over every worker's exposition, over series matching ``labels``."""
    return sum(v for text in texts for n, lab, v in samples(text) if n == name and all(lab.get(k) == w for k, w in labels.items()))


def series(text: str, name: str) -> list[dict[str, str]]:
    return [lab for n, lab, _ in samples(text) if n == name]
