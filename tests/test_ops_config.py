"""The ops files on their own (no broker): promtool accepts the config and the
rules, the alert logic fires on synthetic series (promtool test rules), the
dashboard is well-formed and wired to the provisioned data source, and
docker-compose.yml provisions both from ops/.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from ops_alert_cases import CASES
from ops_prometheus import (
    ALERTS,
    DASHBOARD,
    DASHBOARD_PROVIDERS,
    DATASOURCES,
    OPERATIONS_DOC,
    PROMETHEUS_CONFIG,
    ROOT,
    WORKER_JOB,
    binary,
    dashboard_exprs,
    iter_panels,
    iter_rules,
    load_dashboard,
    load_rules,
    substitute,
)


def promtool(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([binary("promtool"), *args], capture_output=True, text=True, timeout=120, cwd=cwd)


def test_promtool_check_rules() -> None:
    r = promtool("check", "rules", str(ALERTS))
    assert r.returncode == 0, r.stdout + r.stderr
    assert f"SUCCESS: {len(list(iter_rules()))} rules found" in r.stdout


def test_promtool_check_config_as_shipped() -> None:
    # Passes offline as is: DNS discovery is not resolved by the check, and the
    # rule file path is relative to the config (ops/prometheus here, /etc/prometheus in compose).
    r = promtool("check", "config", str(PROMETHEUS_CONFIG))
    assert r.returncode == 0, r.stdout + r.stderr
    config = yaml.safe_load(PROMETHEUS_CONFIG.read_text("utf-8"))
    assert config["rule_files"] == ["alerts.yml"]
    job = next(j for j in config["scrape_configs"] if j["job_name"] == WORKER_JOB)
    assert job["dns_sd_configs"] == [{"names": ["worker"], "type": "A", "port": 6066, "refresh_interval": "15s"}]


def test_alert_rules_fire_on_synthetic_series(tmp_path: Path) -> None:
    """promtool test rules on a copy of the rules without annotations (cases check labels)."""
    rules = load_rules()
    for rule in iter_rules(rules):
        rule.pop("annotations", None)
    (tmp_path / "alerts.yml").write_text(yaml.safe_dump(rules, sort_keys=False), "utf-8")
    tests = {"rule_files": ["alerts.yml"], "evaluation_interval": "1m", "tests": CASES}
    (tmp_path / "alerts_test.yml").write_text(yaml.safe_dump(tests, sort_keys=False), "utf-8")
    r = promtool("test", "rules", "alerts_test.yml", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    # Every alert is exercised firing at least once.
    fired = {t["alertname"] for c in CASES for t in c["alert_rule_test"] if t["exp_alerts"]}
    assert fired == {r["alert"] for r in iter_rules()}


def _anchors(markdown: str) -> set[str]:
    """GitHub-style heading anchors."""
    out = set()
    for line in markdown.splitlines():
        m = re.match(r"#{1,6}\s+(.*)", line)
        if m:
            slug = re.sub(r"[^\w\- ]", "", m.group(1).strip().lower()).replace(" ", "-")
            out.add(slug)
    return out


def test_every_alert_is_documented_with_a_runbook() -> None:
    anchors = _anchors(OPERATIONS_DOC.read_text("utf-8"))
    names = []
    for rule in iter_rules():
        name = rule["alert"]
        names.append(name)
        ann, labels = rule.get("annotations", {}), rule.get("labels", {})
        assert ann.get("summary") and ann.get("description"), name
        assert labels.get("severity") in ("warning", "critical"), name
        assert ann.get("runbook_url") == f"docs/operations.md#{name.lower()}", name
        assert name.lower() in anchors, f"docs/operations.md has no section for {name}"
        assert rule.get("for"), f"{name} has no 'for' duration"
    assert len(names) == len(set(names))


def test_dashboard_is_well_formed_and_uses_the_provisioned_datasource() -> None:
    dashboard = load_dashboard()
    datasource = yaml.safe_load(DATASOURCES.read_text("utf-8"))["datasources"][0]
    ref = {"type": datasource["type"], "uid": datasource["uid"]}
    assert dashboard["uid"] == "newsevents" and dashboard["title"]
    panels = list(iter_panels(dashboard))
    ids = [p["id"] for p in panels]
    assert len(ids) == len(set(ids)), "panel ids must be unique"
    for p in panels:
        g = p["gridPos"]
        assert 0 <= g["x"] and g["x"] + g["w"] <= 24 and g["h"] > 0, p["title"]
        if p["type"] == "row":
            continue
        assert p.get("description"), f"panel {p['title']!r} has no description"
        assert p["datasource"] == ref, p["title"]
        assert p["targets"], p["title"]
        refids = [t["refId"] for t in p["targets"]]
        assert len(refids) == len(set(refids)), p["title"]
        for t in p["targets"]:
            assert t["datasource"] == ref and t["expr"].strip(), p["title"]
    for var in dashboard["templating"]["list"]:
        if var.get("datasource"):
            assert var["datasource"] == ref
    # Every variable used is known (substitute raises on unknown ones).
    for e in dashboard_exprs(dashboard):
        assert "$" not in substitute(e.expr, dashboard, rate_interval="1m"), e
    # What the issue asks the dashboard to show.
    titles = " | ".join(p["title"].lower() for p in panels)
    for needed in ("throughput in", "throughput out", "events extracted", "stage latency p50 / p95 / p99", "end-to-end latency",
                   "lag per partition", "dead letters", "duplicates", "workers up"):
        assert needed in titles, needed
    # Layout rows do not overlap.
    cells = set()
    for p in panels:
        g = p["gridPos"]
        for x in range(g["x"], g["x"] + g["w"]):
            for y in range(g["y"], g["y"] + g["h"]):
                assert (x, y) not in cells, f"panel {p['title']!r} overlaps another"
                cells.add((x, y))


def test_docker_compose_provisions_prometheus_and_grafana_from_ops() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text("utf-8"))
    services = compose["services"]
    worker_port = services["worker"]["environment"]["NEWSEVENTS_WEB_PORT"]
    assert str(worker_port) == "6066", "prometheus.yml scrapes worker:6066"
    assert worker_port in [str(p) for p in services["worker"].get("expose", [])]

    def mounts(service: str) -> dict[str, str]:
        out = {}
        for v in services[service]["volumes"]:
            src, dst, *_ = v.split(":")
            out[dst] = src
            if src.startswith("./"):
                assert (ROOT / src).exists(), f"{service}: {src} does not exist"
            else:
                assert src in compose["volumes"], f"{service}: volume {src} not declared"
        return out

    prom = services["prometheus"]
    pm = mounts("prometheus")
    assert pm["/etc/prometheus"] == "./ops/prometheus"
    assert "--config.file=/etc/prometheus/prometheus.yml" in prom["command"]

    graf = services["grafana"]
    gm = mounts("grafana")
    assert gm["/etc/grafana/provisioning"] == "./ops/grafana/provisioning"
    env = graf["environment"]
    assert env["GF_AUTH_ANONYMOUS_ENABLED"] == "true" and env["GF_AUTH_ANONYMOUS_ORG_ROLE"] == "Viewer"
    providers = yaml.safe_load(DASHBOARD_PROVIDERS.read_text("utf-8"))["providers"]
    path = providers[0]["options"]["path"]
    assert gm[path] == "./ops/grafana/dashboards"
    assert env["GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"] == f"{path}/{DASHBOARD.name}"
    datasource = yaml.safe_load(DATASOURCES.read_text("utf-8"))["datasources"][0]
    assert datasource["url"] == "http://prometheus:9090"
    json.loads(DASHBOARD.read_text("utf-8"))
