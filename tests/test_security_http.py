"""The worker's HTTP port: read-only, on the configured address, metrics and health only.

``/metrics`` and ``/health`` answer GET; nothing answers a write method; the
socket listens on ``NEWSEVENTS_WEB_HOST`` (127.0.0.1 by default) and nowhere
else; Faust's own built-in views (``/router``: the partition map of every
worker; ``/table/<name>/``: table contents) are not served.
"""

from __future__ import annotations

import shutil
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from kafka_harness import Deployment

pytestmark = [pytest.mark.kafka, pytest.mark.timeout(300)]

EXTRA_PATHS = ["/router/", "/table/content-hashes/", "/table/content-hashes/x", "/stats/", "/graph/", "/assignment/", "/performance/"]


def _status(url: str, method: str = "GET") -> int:
    req = urllib.request.Request(url, method=method, data=None if method == "GET" else b"{}")
    try:
        with urllib.request.urlopen(req, timeout=5) as r:
            return r.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_http_endpoints_are_read_only_and_local(kafka: str, tmp_path: Path) -> None:
    dep = Deployment("http", partitions=1)
    w = dep.start_worker(tmp_path)
    try:
        w.wait_ready()
        got = {p: _status(w.url(p)) for p in ["/metrics", "/health", *EXTRA_PATHS]}
        writes = {(p, m): _status(w.url(p), m) for p in ["/metrics", "/health", "/", "/router/"] for m in ("POST", "PUT", "DELETE")}
        listening = subprocess.run(["ss", "-Hltn", f"sport = :{w.web_port}"], capture_output=True, text=True).stdout if shutil.which("ss") else None
    finally:
        dep.stop_all()
    assert got["/metrics"] == 200 and got["/health"] == 200
    assert all(not 200 <= s < 300 for s in writes.values()), {k: v for k, v in writes.items() if 200 <= v < 300}
    if listening is not None:
        addresses = {line.split()[3].rsplit(":", 1)[0] for line in listening.splitlines() if line.strip()}
        assert addresses == {"127.0.0.1"}, listening
    served = {p: s for p, s in got.items() if p in EXTRA_PATHS and s != 404}
    assert not served, f"Faust built-in views served on the worker port: {served}"
