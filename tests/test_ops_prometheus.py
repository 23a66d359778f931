"""The ops view against reality: two live workers on the real broker, a real
Prometheus scraping them with the project's alert rules, articles (and poison
messages) flowing. Every dashboard and alert expression is evaluated through
Prometheus' HTTP API, and the counters are checked against what was sent and
what the topics hold.
"""

from __future__ import annotations

import math
import time
from collections import Counter
from typing import Any

import orjson
import pytest

from conftest import team_envelopes
from kafka_harness import Deployment, produce, read_topic, run
from ops_prometheus import (
    ALERTS,
    WORKER_JOB,
    PrometheusServer,
    alert_exprs,
    binary,
    dashboard_exprs,
    load_dashboard,
    load_rules,
    series,
    substitute,
    total,
    variable_exprs,
)

pytestmark = [pytest.mark.kafka, pytest.mark.timeout(420)]

PARTITIONS = 4
POISON = [
    (b"ops-p-invalid-json", b'{"id": "ops-p-invalid-json", "text": "unterminated'),
    (b"ops-p-wrong-type", orjson.dumps({"id": "ops-p-wrong-type", "text": 12345})),
    (b"ops-p-empty-body", orjson.dumps({"id": "ops-p-empty-body", "text": "   \n\t  "})),
    (b"ops-p-bad-utf8", b'{"id": "ops-p-bad-utf8", "text": "caf\xe9 \xff\xfe"}'),
    (b"ops-p-empty-message", b""),
    # Not a letter or digit anywhere: the one input that is no_content (its own share alert).
    (b"ops-p-no-content", orjson.dumps({"id": "ops-p-no-content", "text": "--- * * * ---\n\n...", "title": "\u2014"})),
]
# A second wave after the first is scraped: a labelled counter series is born at
# its first increment, so Prometheus' rate() only sees increments after that.
POISON_LATE = [(b"ops-p-invalid-json-2", b'{"id": "ops-p-invalid-json-2", "text": ')]

# Panels that must show data after articles flowed (the issue: throughput, latency, lag; plus
# the rest that this input necessarily exercises). Other panels (duplicates, producer errors,
# child restarts...) may legitimately be empty and only have to parse.
MUST_HAVE_DATA = {
    "Workers running",
    "Articles in / s",
    "Events out / s",
    "Consumer lag",
    "Dead-letter share",
    "End-to-end p99 (enriched)",
    "Throughput in: messages consumed / s by topic",
    "Throughput out: records produced / s by topic",
    "Events extracted / s by PLOVER type",
    "Bytes consumed / s by topic",
    "Stage latency p50 / p95 / p99 (per message)",
    "End-to-end latency p50 / p95 / p99 by output",
    "Batch duration p95 by stage",
    "Offset commit latency p50 / p99",
    "Consumer lag per partition",
    "Consumer lag per worker",
    "Dead letters / s by stage and reason",
    "Workers up",
    "Model load time",
    "Worker uptime",
    "Build info",
}
# Of those, the ones whose value must be above zero somewhere (traffic was seen).
MUST_BE_POSITIVE = {
    "Articles in / s",
    "Events out / s",
    "Throughput in: messages consumed / s by topic",
    "Throughput out: records produced / s by topic",
    "Events extracted / s by PLOVER type",
    "Stage latency p50 / p95 / p99 (per message)",
    "End-to-end latency p50 / p95 / p99 by output",
    "Dead letters / s by stage and reason",
    "Workers running",
}


class Stack:
    def __init__(self, dep: Deployment, prom: PrometheusServer, sent: list[tuple[bytes, bytes]]) -> None:
        self.dep, self.prom, self.sent = dep, prom, sent
        self.topics: dict[str, list[Any]] = {}

    def texts(self) -> list[str]:
        return [w.metrics_text() for w in self.dep.workers]


def _wait_for_stable_group(dep: Deployment, timeout: float = 90) -> None:
    """Both workers own input partitions, together all of them, none twice (no rebalance pending)."""
    want = {(dep.topic(k), str(p)) for k in ("raw", "clean") for p in range(PARTITIONS)}
    deadline = time.monotonic() + timeout
    owned: list[set] = []
    while time.monotonic() < deadline:
        # Only the stage inputs: the story stage's topics (stories.input, events.mentions) are owned by some worker too.
        owned = [{(s["topic"], s["partition"]) for s in series(w.metrics_text(), "newsevents_consumer_lag")
                  if (s["topic"], s["partition"]) in want} for w in dep.workers]
        if all(owned) and set().union(*owned) == want and sum(map(len, owned)) == len(want):
            return
        time.sleep(1)
    raise AssertionError(f"consumer group did not settle in {timeout} s: {owned}")


def _settled(stack: Stack, timeout: float = 180) -> None:
    """All input consumed by the workers: raw fully consumed, clean topic drained, nothing in flight, lag 0."""
    n = len(stack.sent)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        texts = stack.texts()
        raw = total(texts, "newsevents_messages_consumed_total", topic=stack.dep.topic("raw"))
        clean_in = total(texts, "newsevents_messages_consumed_total", topic=stack.dep.topic("clean"))
        clean_out = total(texts, "newsevents_records_produced_total", topic=stack.dep.topic("clean"))
        if raw >= n and clean_in >= clean_out and total(texts, "newsevents_in_flight_articles") == 0 and total(texts, "newsevents_consumer_lag") == 0:
            return
        time.sleep(1)
    raise AssertionError(f"workers did not finish the input in {timeout} s: {[w.tail(1500) for w in stack.dep.workers]}")


@pytest.fixture(scope="module")
def stack(kafka: str, tmp_path_factory: pytest.TempPathFactory):
    binary("prometheus")
    dep = Deployment("ops", partitions=PARTITIONS)
    logs = tmp_path_factory.mktemp("ops-logs")
    prom: PrometheusServer | None = None
    try:
        dep.create_topics()
        workers = [dep.start_worker(logs), dep.start_worker(logs)]
        prom = PrometheusServer(tmp_path_factory.mktemp("prometheus"), [f"127.0.0.1:{w.web_port}" for w in workers], rule_files=[ALERTS])
        prom.start()
        for w in workers:
            w.wait_ready()
        _wait_for_stable_group(dep)
        articles = [(aid.encode(), value) for aid, value in team_envelopes()]
        first = articles + POISON
        s = Stack(dep, prom, first)
        # Spread over a few seconds so Prometheus sees the rates move.
        for i in range(0, len(first), 12):
            run(produce(dep.topic("raw"), first[i:i + 12]))
            time.sleep(1)
        _settled(s)
        time.sleep(2)
        s.sent = first + POISON_LATE
        run(produce(dep.topic("raw"), POISON_LATE))
        _settled(s)
        for kind in ("clean", "enriched", "events", "dlq"):
            s.topics[kind] = run(read_topic(dep.topic(kind), idle=2, timeout=30))
        # Let Prometheus scrape the final state and the rules run a few times.
        time.sleep(3)
        yield s
    finally:
        if prom is not None:
            prom.stop()
        dep.stop_all()


def test_alert_rules_load_and_evaluate_without_errors(stack: Stack) -> None:
    body = stack.prom.api("rules")
    assert body["status"] == "success", body
    groups = body["data"]["groups"]
    want = {g["name"]: [r["alert"] for r in g["rules"]] for g in load_rules()["groups"]}
    assert {g["name"]: [r["name"] for r in g["rules"]] for g in groups} == want
    for g in groups:
        assert g["file"] == str(ALERTS)
        for r in g["rules"]:
            assert r["health"] == "ok", (r["name"], r.get("lastError"))
            assert not r.get("lastError"), (r["name"], r["lastError"])
            assert r["type"] == "alerting"
    # A healthy pipeline must not be alerting (pending counts: "for" has not elapsed yet).
    # The test's own poison messages are ~20% of its input, over the 5% dead-letter
    # threshold, and one of them (~3%) is no_content, over that share's 1%: those two
    # alerts are expected to be pending; nothing else may be.
    active = {a["labels"]["alertname"] for g in groups for r in g["rules"] for a in r.get("alerts", [])}
    assert active <= {"NewseventsDeadLetterRateHigh", "NewseventsNoContentShareHigh"}, active


def test_dead_letter_shares_by_reason_match_what_was_sent(stack: Stack) -> None:
    """The no_content / not_an_article shares the alerts watch, as Prometheus computes them over the run."""
    window = f"{math.ceil(time.time() - stack.prom.started_at) + 5}s"
    consumed = f'sum(increase(newsevents_messages_consumed_total{{topic=~".*articles.raw"}}[{window}]))'
    for reason in ("no_content", "not_an_article"):
        sent = sum(1 for r in stack.topics["dlq"] if r[1]["reason"] == reason)
        share = stack.prom.value(f'sum(increase(newsevents_dead_letters_total{{reason="{reason}"}}[{window}])) / {consumed}')
        assert share is not None and math.isfinite(share), (reason, share)
        # increase() extrapolates to the window's edges: a few percent of slack.
        assert share == pytest.approx(sent / len(stack.sent), rel=0.25, abs=0.002), (reason, share, sent, len(stack.sent))
    assert sum(1 for r in stack.topics["dlq"] if r[1]["reason"] == "no_content") == 1


def test_every_dashboard_and_alert_expression_evaluates(stack: Stack) -> None:
    dashboard = load_dashboard()
    window = f"{math.ceil(time.time() - stack.prom.started_at) + 5}s"  # covers all of the run
    failures, empty, not_positive, seen = [], [], [], set()
    results: dict[str, Any] = {}
    for e in dashboard_exprs(dashboard) + variable_exprs(dashboard) + alert_exprs():
        expr = substitute(e.expr, dashboard, rate_interval=window, range_=window) if e.source != "alert" else e.expr
        body = stack.prom.query(expr)
        if body.get("status") != "success":
            failures.append((e.source, e.title, e.ref, expr, body.get("error")))
            continue
        result = body["data"]["result"]
        values = [float(r["value"][1]) for r in result] if body["data"]["resultType"] == "vector" else [float(result[1])]
        finite = [v for v in values if math.isfinite(v)]
        results[f"{e.title} [{e.ref}]"] = (expr, result)
        if e.source == "variable" and not result:
            empty.append((e.title, expr))
        if e.source == "panel":
            seen.add(e.title)
            if e.title in MUST_HAVE_DATA and not finite:
                empty.append((e.title, e.ref, expr, result))
            if e.title in MUST_BE_POSITIVE and not any(v > 0 for v in finite):
                not_positive.append((e.title, e.ref, expr, result))
    assert not failures, failures
    assert MUST_HAVE_DATA <= seen, f"panels missing from the dashboard: {MUST_HAVE_DATA - seen}"
    assert not empty, empty
    assert not not_positive, not_positive
    # The lag panel saw the backlog while articles flowed (not only the final zeros).
    peak = stack.prom.value(f"max_over_time(sum(newsevents_consumer_lag)[{window}:1s])")
    print(f"\npeak total consumer lag during the run: {peak}")
    assert peak and peak > 0, "lag never rose above 0 while 36 messages were produced"
    # For the record (run with -s): three panels as Prometheus answers them.
    for key in ("Throughput in: messages consumed / s by topic [A]", "Stage latency p50 / p95 / p99 (per message) [C]", "Consumer lag per partition [A]"):
        expr, result = results[key]
        print(f"\n{key}\n  {expr}")
        for r in result:
            print(f"  {r['metric']} => {r['value'][1]}")


def test_counters_add_up_across_two_workers_and_match_the_topics(stack: Stack) -> None:
    dep, texts, topics = stack.dep, stack.texts(), stack.topics
    n_sent, n_poison = len(stack.sent), len(POISON) + len(POISON_LATE)
    per_worker_raw = [total([t], "newsevents_messages_consumed_total", topic=dep.topic("raw")) for t in texts]
    rebalances = total(texts, "newsevents_rebalances_total")
    # Both workers did part of the work, and together exactly all of it.
    assert all(c > 0 for c in per_worker_raw), f"a worker consumed nothing: {per_worker_raw}"
    assert sum(per_worker_raw) == n_sent, (per_worker_raw, n_sent, f"rebalances={rebalances}")

    counts = {kind: len(records) for kind, records in topics.items()}
    for kind in ("clean", "enriched", "events", "dlq"):
        produced = total(texts, "newsevents_records_produced_total", topic=dep.topic(kind))
        assert produced == counts[kind], (kind, produced, counts[kind])
    # What the clean stage wrote, the extract stage read.
    assert total(texts, "newsevents_messages_consumed_total", topic=dep.topic("clean")) == counts["clean"]
    # Every poison message was dead-lettered once, and the DLQ counter says so.
    dead = total(texts, "newsevents_dead_letters_total")
    assert dead == counts["dlq"] == n_poison, (dead, counts["dlq"], [r[1].get("reason") for r in topics["dlq"]])
    reasons = Counter(r[1]["reason"] for r in topics["dlq"])
    for reason, n in reasons.items():
        assert total(texts, "newsevents_dead_letters_total", reason=reason) == n, reason
    # Each real article came out clean (no article was lost or dead-lettered).
    clean_ids = {r[1]["article_id"] for r in topics["clean"]}
    assert {k.decode() for k, _ in stack.sent if not k.startswith(b"ops-p-")} <= clean_ids
    # Events extracted (by PLOVER type) are the event records written.
    assert total(texts, "newsevents_events_extracted_total") == counts["events"]

    # Prometheus, summing over the two scraped workers, sees the same totals.
    prom = stack.prom
    raw_sel = f'topic="{dep.topic("raw")}"'
    assert prom.wait_for(f"sum(newsevents_messages_consumed_total{{{raw_sel}}})", n_sent) == n_sent
    assert prom.wait_for(f'count(newsevents_messages_consumed_total{{{raw_sel}}})', 2) == 2, "one series per worker"
    assert prom.wait_for("sum(newsevents_dead_letters_total)", n_poison) == n_poison
    assert prom.wait_for(f'sum(newsevents_records_produced_total{{topic="{dep.topic("events")}"}})', counts["events"]) == counts["events"]
    assert prom.wait_for(f'sum(up{{job="{WORKER_JOB}"}})', 2) == 2


def test_first_dead_letter_of_each_reason_is_visible_to_rate(stack: Stack) -> None:
    window = f"{math.ceil(time.time() - stack.prom.started_at) + 5}s"
    seen = stack.prom.value(f"sum(increase(newsevents_dead_letters_total[{window}]))") or 0.0
    actual = total(stack.texts(), "newsevents_dead_letters_total")
    assert seen >= 0.8 * actual, f"increase() over the whole run sees {seen:.1f} of {actual:.0f} dead letters"
