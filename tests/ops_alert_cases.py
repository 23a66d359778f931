"""Unit cases for the alert rules, run by ``promtool test rules``: synthetic series
in, which alerts fire (and which do not) out. Labels only: the test strips the
annotations from a copy of the rules, so the cases do not restate the texts.
"""

from __future__ import annotations

from typing import Any

RAW = "prod.articles.raw"
CLEAN = "prod.articles.clean"
W1 = 'instance="10.0.0.5:6066",job="newsevents-worker"'
W2 = 'instance="10.0.0.6:6066",job="newsevents-worker"'


def s(series: str, values: str) -> dict[str, str]:
    return {"series": series, "values": values}


def alert(name: str, at: str, *expected: dict[str, str]) -> dict[str, Any]:
    return {"eval_time": at, "alertname": name, "exp_alerts": [{"exp_labels": e} for e in expected]}


def hist(metric: str, label: str, value: str, buckets: dict[str, str], extra: str = W1) -> list[dict[str, str]]:
    return [s(f'{metric}_bucket{{{label}="{value}",le="{le}",{extra}}}', vals) for le, vals in buckets.items()]


CASES: list[dict[str, Any]] = [
    {   # Stalled clean stage: raw lag grows, nothing consumed from raw; the extract stage is fine.
        "name": "no throughput while lag grows",
        "interval": "1m",
        "input_series": [
            s(f'newsevents_consumer_lag{{topic="{RAW}",partition="0",{W1}}}', "0+10x40"),
            s(f'newsevents_consumer_lag{{topic="{RAW}",partition="1",{W2}}}', "5+5x40"),
            s(f'newsevents_messages_consumed_total{{topic="{RAW}",{W1}}}', "100x40"),
            s(f'newsevents_messages_consumed_total{{topic="{RAW}",{W2}}}', "50x40"),
            s(f'newsevents_consumer_lag{{topic="{CLEAN}",partition="0",{W1}}}', "0+10x40"),
            s(f'newsevents_messages_consumed_total{{topic="{CLEAN}",{W1}}}', "0+10x40"),
            s("newsevents_worker_up{%s}" % W1, "1x40"),
            s("newsevents_worker_up{%s}" % W2, "1x40"),
        ],
        "alert_rule_test": [
            alert("NewseventsNoThroughputWhileLagGrows", "3m"),  # "for: 5m" not elapsed
            alert("NewseventsNoThroughputWhileLagGrows", "15m", {"severity": "critical", "topic": RAW}),
            alert("NewseventsConsumerLagHigh", "15m"),
            alert("NewseventsWorkerDown", "15m"),
            alert("NewseventsNoWorkerRunning", "15m"),
        ],
    },
    {   # Busy but progressing: lag grows while consuming -> lag alert only once above 1000 for 15m.
        "name": "lag high while consuming",
        "interval": "1m",
        "input_series": [
            s(f'newsevents_consumer_lag{{topic="{RAW}",partition="0",{W1}}}', "600+10x60"),
            s(f'newsevents_consumer_lag{{topic="{RAW}",partition="1",{W2}}}', "600+10x60"),
            s(f'newsevents_messages_consumed_total{{topic="{RAW}",{W1}}}', "0+60x60"),
        ],
        "alert_rule_test": [
            alert("NewseventsNoThroughputWhileLagGrows", "30m"),
            alert("NewseventsConsumerLagHigh", "10m"),  # above 1000 from the start, "for: 15m" not elapsed
            alert("NewseventsConsumerLagHigh", "30m", {"severity": "warning", "topic": RAW}),
        ],
    },
    {   # 10 % of input dead-lettered vs 1 %.
        "name": "dead letter share",
        "interval": "1m",
        "input_series": [
            s(f'newsevents_messages_consumed_total{{topic="{RAW}",{W1}}}', "0+100x40"),
            s(f'newsevents_messages_consumed_total{{topic="{CLEAN}",{W1}}}', "0+90x40"),
            s(f'newsevents_dead_letters_total{{stage="decode",reason="invalid_json",{W1}}}', "0+6x40"),
            s(f'newsevents_dead_letters_total{{stage="extract",reason="timeout",{W1}}}', "0+4x40"),
        ],
        "alert_rule_test": [
            alert("NewseventsDeadLetterRateHigh", "5m"),
            alert("NewseventsDeadLetterRateHigh", "30m", {"severity": "warning"}),
        ],
    },
    {
        "name": "dead letter share below threshold",
        "interval": "1m",
        "input_series": [
            s(f'newsevents_messages_consumed_total{{topic="{RAW}",{W1}}}', "0+100x40"),
            s(f'newsevents_dead_letters_total{{stage="decode",reason="invalid_json",{W1}}}', "0+1x40"),
        ],
        "alert_rule_test": [alert("NewseventsDeadLetterRateHigh", "30m")],
    },
    {   # 3 % of the input has no letter left: the no_content alert, not the general one (5 %).
        "name": "no_content share",
        "interval": "1m",
        "input_series": [
            s(f'newsevents_messages_consumed_total{{topic="{RAW}",{W1}}}', "0+60x50"),
            s(f'newsevents_messages_consumed_total{{topic="{RAW}",{W2}}}', "0+40x50"),
            s(f'newsevents_messages_consumed_total{{topic="{CLEAN}",{W1}}}', "0+97x50"),
            s(f'newsevents_dead_letters_total{{stage="clean",reason="no_content",{W1}}}', "0+2x50"),
            s(f'newsevents_dead_letters_total{{stage="clean",reason="no_content",{W2}}}', "0+1x50"),
        ],
        "alert_rule_test": [
            alert("NewseventsNoContentShareHigh", "10m"),  # "for: 15m" not elapsed
            alert("NewseventsNoContentShareHigh", "40m", {"severity": "warning"}),
            alert("NewseventsDeadLetterRateHigh", "40m"),
            alert("NewseventsNotAnArticleShareHigh", "40m"),
        ],
    },
    {   # Half a percent of empty pages and 10 % of bad JSON: neither is a no_content problem.
        "name": "no_content share below threshold",
        "interval": "1m",
        "input_series": [
            s(f'newsevents_messages_consumed_total{{topic="{RAW}",{W1}}}', "0+200x50"),
            s(f'newsevents_dead_letters_total{{stage="clean",reason="no_content",{W1}}}', "0+1x50"),
            s(f'newsevents_dead_letters_total{{stage="decode",reason="invalid_json",{W1}}}', "0+20x50"),
        ],
        "alert_rule_test": [
            alert("NewseventsNoContentShareHigh", "40m"),
            alert("NewseventsNotAnArticleShareHigh", "40m"),
            alert("NewseventsDeadLetterRateHigh", "40m", {"severity": "warning"}),
        ],
    },
    {   # A crawler fetching error and index pages: 20 % not_an_article for an hour.
        "name": "not_an_article share",
        "interval": "1m",
        "input_series": [
            s(f'newsevents_messages_consumed_total{{topic="{RAW}",{W1}}}', "0+100x70"),
            s(f'newsevents_dead_letters_total{{stage="clean",reason="not_an_article",{W1}}}', "0+20x70"),
        ],
        "alert_rule_test": [
            alert("NewseventsNotAnArticleShareHigh", "20m"),  # "for: 30m" not elapsed
            alert("NewseventsNotAnArticleShareHigh", "65m", {"severity": "warning"}),
            alert("NewseventsNoContentShareHigh", "65m"),
        ],
    },
    {   # 5 % index pages is ordinary crawling.
        "name": "not_an_article share below threshold",
        "interval": "1m",
        "input_series": [
            s(f'newsevents_messages_consumed_total{{topic="{RAW}",{W1}}}', "0+100x70"),
            s(f'newsevents_dead_letters_total{{stage="clean",reason="not_an_article",{W1}}}', "0+5x70"),
        ],
        "alert_rule_test": [alert("NewseventsNotAnArticleShareHigh", "65m")],
    },
    {
        "name": "producer errors",
        "interval": "1m",
        "input_series": [s(f'newsevents_producer_errors_total{{topic="prod.events",{W1}}}', "0+3x30")],
        "alert_rule_test": [alert("NewseventsProducerErrors", "20m", {"severity": "warning", "topic": "prod.events"})],
    },
    {   # extract: every message between 10 and 30 s -> p99 > 10 s; clean: all under 0.1 s.
        "name": "stage latency",
        "interval": "1m",
        "input_series": hist("newsevents_stage_duration_seconds", "stage", "extract", {"0.1": "0x40", "10.0": "0x40", "30.0": "0+10x40", "+Inf": "0+10x40"})
        + hist("newsevents_stage_duration_seconds", "stage", "clean", {"0.1": "0+10x40", "10.0": "0+10x40", "30.0": "0+10x40", "+Inf": "0+10x40"}),
        "alert_rule_test": [
            alert("NewseventsStageLatencyP99High", "10m"),
            alert("NewseventsStageLatencyP99High", "30m", {"severity": "warning", "stage": "extract"}),
        ],
    },
    {
        "name": "end-to-end latency",
        "interval": "1m",
        "input_series": hist("newsevents_end_to_end_seconds", "output", "enriched", {"60.0": "0x40", "300.0": "0x40", "600.0": "0+5x40", "+Inf": "0+5x40"})
        + hist("newsevents_end_to_end_seconds", "output", "clean", {"60.0": "0+5x40", "300.0": "0+5x40", "600.0": "0+5x40", "+Inf": "0+5x40"}),
        "alert_rule_test": [alert("NewseventsEndToEndLatencyP99High", "30m", {"severity": "warning", "output": "enriched"})],
    },
    {   # W2 stops answering scrapes; W1 keeps running.
        "name": "worker down",
        "interval": "1m",
        "input_series": [
            s("up{%s}" % W1, "1x20"),
            s("up{%s}" % W2, "1 1 1 0x17"),
            s("newsevents_worker_up{%s}" % W1, "1x20"),
            s("newsevents_worker_up{%s}" % W2, "1 1 1 _x17"),
        ],
        "alert_rule_test": [
            alert("NewseventsWorkerDown", "4m"),
            alert("NewseventsWorkerDown", "10m", {"severity": "critical", "instance": "10.0.0.6:6066", "job": "newsevents-worker"}),
            alert("NewseventsNoWorkerRunning", "10m"),
        ],
    },
    {   # W1 answers HTTP but never gets its agents running.
        "name": "worker not running",
        "interval": "1m",
        "input_series": [s("up{%s}" % W1, "1x20"), s("newsevents_worker_up{%s}" % W1, "0x20")],
        "alert_rule_test": [
            alert("NewseventsWorkerNotRunning", "10m", {"severity": "critical", "instance": "10.0.0.5:6066", "job": "newsevents-worker"}),
            alert("NewseventsNoWorkerRunning", "10m", {"severity": "critical"}),
            alert("NewseventsWorkerDown", "10m"),
        ],
    },
    {   # Scaled to zero: no targets at all, so nothing for "up == 0" to report.
        "name": "no worker at all",
        "interval": "1m",
        "input_series": [s('up{instance="localhost:9090",job="prometheus"}', "1x20")],
        "alert_rule_test": [alert("NewseventsNoWorkerRunning", "10m", {"severity": "critical"})],
    },
]


# ---- Reliability alerts (issue 15) ---------------------------------------------------------------
CASES += [
    {   # W1's sends wait for 3 minutes (a broker outage); W2's flow.
        "name": "output blocked",
        "interval": "1m",
        "input_series": [
            s("newsevents_output_blocked_seconds{%s}" % W1, "0 0 60 120 180 240 300 360 420 480"),
            s("newsevents_output_blocked_seconds{%s}" % W2, "0x10"),
        ],
        "alert_rule_test": [
            alert("NewseventsOutputBlocked", "3m"),  # 120 is not above 120
            alert("NewseventsOutputBlocked", "6m", {"severity": "critical", "instance": "10.0.0.5:6066"}),
        ],
    },
    {   # Running but unhealthy (W1), vs not running at all (W2: that is NewseventsWorkerNotRunning's case).
        "name": "worker unhealthy",
        "interval": "1m",
        "input_series": [
            s("newsevents_worker_healthy{%s}" % W1, "1 1 0x15"),
            s("newsevents_worker_up{%s}" % W1, "1x17"),
            s("newsevents_worker_healthy{%s}" % W2, "0x17"),
            s("newsevents_worker_up{%s}" % W2, "0x17"),
        ],
        "alert_rule_test": [
            alert("NewseventsWorkerUnhealthy", "4m"),
            alert("NewseventsWorkerUnhealthy", "10m", {"severity": "warning", "instance": "10.0.0.5:6066", "job": "newsevents-worker"}),
        ],
    },
    {   # The NLP child keeps failing to start on W1 (one fault a minute); W2 had a single starved batch.
        "name": "infrastructure faults",
        "interval": "1m",
        "input_series": [
            s('newsevents_infrastructure_faults_total{stage="extract",kind="child_start",%s}' % W1, "0+1x40"),
            s('newsevents_infrastructure_faults_total{stage="clean",kind="starved",%s}' % W2, "0 1x40"),
        ],
        "alert_rule_test": [
            alert("NewseventsInfrastructureFaults", "8m"),
            alert("NewseventsInfrastructureFaults", "30m", {"severity": "warning", "stage": "extract", "kind": "child_start", "instance": "10.0.0.5:6066"}),
        ],
    },
    {
        "name": "child restarts",
        "interval": "1m",
        "input_series": [
            s('newsevents_child_restarts_total{stage="clean",cause="died",%s}' % W1, "0+2x30"),
            s('newsevents_child_restarts_total{stage="extract",cause="over_budget",%s}' % W1, "0+0x30"),
            s('newsevents_child_restarts_total{stage="clean",cause="died",%s}' % W2, "0 1 2 3x28"),
        ],
        "alert_rule_test": [
            alert("NewseventsChildRestartsFrequent", "25m", {"severity": "warning", "stage": "clean", "instance": "10.0.0.5:6066"}),
        ],
    },
    {   # One message proven poison in extract; innocent suspects in clean do not alert.
        "name": "poison messages",
        "interval": "1m",
        "input_series": [
            s('newsevents_suspect_verdicts_total{stage="extract",verdict="guilty",%s}' % W1, "0x10 1x20"),
            s('newsevents_suspect_verdicts_total{stage="clean",verdict="innocent",%s}' % W1, "0+1x30"),
        ],
        "alert_rule_test": [
            alert("NewseventsPoisonMessages", "5m"),
            alert("NewseventsPoisonMessages", "15m", {"severity": "warning", "stage": "extract"}),
        ],
    },
    {
        "name": "topic limit too small",
        "interval": "1m",
        "input_series": [
            s('newsevents_topic_limit_too_small{topic="prod.articles.clean",%s}' % W1, "1x10"),
            s('newsevents_topic_limit_too_small{topic="prod.events",%s}' % W1, "0x10"),
        ],
        "alert_rule_test": [
            alert("NewseventsTopicLimitTooSmall", "5m", {"severity": "warning", "topic": "prod.articles.clean"}),
        ],
    },
    {   # Committed offsets unreadable on W1 for minutes (a retry every 2 s); one failed read on W2.
        "name": "committed offsets unreadable",
        "interval": "1m",
        "input_series": [
            s("newsevents_offset_guard_waits_total{%s}" % W1, "0+30x20"),
            s("newsevents_offset_guard_waits_total{%s}" % W2, "0 1x20"),
        ],
        "alert_rule_test": [
            alert("NewseventsCommittedOffsetsUnreadable", "3m"),
            alert("NewseventsCommittedOffsetsUnreadable", "15m", {"severity": "warning", "instance": "10.0.0.5:6066"}),
        ],
    },
    {   # 10 messages a minute handed back for the time budget in extract; abandoned ones (rebalances) do not count.
        "name": "batches over budget",
        "interval": "1m",
        "input_series": [
            s('newsevents_messages_given_back_total{stage="extract",cause="time_budget",%s}' % W1, "0+10x40"),
            s('newsevents_messages_given_back_total{stage="clean",cause="abandoned",%s}' % W1, "0+50x40"),
        ],
        "alert_rule_test": [
            alert("NewseventsBatchesOverBudget", "10m"),
            alert("NewseventsBatchesOverBudget", "35m", {"severity": "warning", "stage": "extract", "instance": "10.0.0.5:6066"}),
        ],
    },
    {   # W1's near store never catches up after its start; W2's did after a minute.
        "name": "state not caught up",
        "interval": "1m",
        "input_series": [
            s('newsevents_state_caught_up{store="dedup-near",%s}' % W1, "0x30"),
            s('newsevents_state_caught_up{store="dedup-near",%s}' % W2, "0 1x30"),
        ],
        "alert_rule_test": [
            alert("NewseventsStateNotCaughtUp", "5m"),
            alert("NewseventsStateNotCaughtUp", "20m", {"severity": "warning", "store": "dedup-near", "instance": "10.0.0.5:6066"}),
        ],
    },
    {   # Owed tombstones pile up in the exact store (never sent); the near store's stay bounded.
        "name": "state tombstones backlog",
        "interval": "5m",
        "input_series": [
            s('newsevents_state_owed_tombstones{store="dedup-exact",%s}' % W1, "0+100000x30"),
            s('newsevents_state_owed_tombstones{store="dedup-near",%s}' % W1, "20000x30"),
        ],
        "alert_rule_test": [
            alert("NewseventsStateTombstonesBacklog", "30m"),
            alert("NewseventsStateTombstonesBacklog", "150m", {"severity": "warning", "store": "dedup-exact"}),
        ],
    },
    {   # One local wipe on W2 (a recreated changelog); none on W1.
        "name": "state store rebuilt",
        "interval": "1m",
        "input_series": [
            s('newsevents_state_local_wipes_total{store="dedup-near",%s}' % W1, "0x20"),
            s('newsevents_state_local_wipes_total{store="dedup-near",%s}' % W2, "0x5 1x15"),
        ],
        "alert_rule_test": [
            alert("NewseventsStateStoreRebuilt", "3m"),
            alert("NewseventsStateStoreRebuilt", "10m", {"severity": "warning", "store": "dedup-near", "instance": "10.0.0.6:6066"}),
        ],
    },
]
