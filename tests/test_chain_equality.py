"""The stream and ``newsevents process`` are one chain: the same inputs give the same records, byte for byte.

The same input bytes go to a live worker on the real broker (every topic one
partition, so both see the inputs in the same order) and to ``newsevents process
--out``; then every output topic of the chain is compared record by record, in
order (key and value bytes): the clean and extract stages' topics, the dead
letters, the story stages' internal inputs and what the story and merge stages
write (``stories``, ``events.merged``: every update, in order). The final story
and merged-event records ``process`` prints are compared with the compacted
view of those topics (the last record of each key).
Inputs: team-written articles (tests/fixtures/stories, the seed article), an exact
copy under a new id, the same message sent twice, an edited copy, a French page
and poison messages. Each article that reaches the story stage has a publication
date in the past: without one (or with a later one) the story stage takes the
arrival time as its event time, and a story's ``first_seen`` is then a timestamp.

What is left out of the comparison, and why:

* dead letters' ``failed_at`` and ``source.timestamp``: the wall-clock time of the
  failure and of the input record (the broker's append time vs the CLI's read time);
* dead letters' ``source.location``: the CLI names the input's file and line, which
  a topic record does not have (the source position, topic/partition/offset, is
  compared: the CLI's log numbers records as a fresh one-partition topic does).

Nothing else carries a timestamp in its value (the ingest time rides on a header,
which is not compared; the story stage's ``input_ts`` is empty on its input topics).
At-least-once may repeat a record (a batch handed back and processed again): only
when the worker says it handed messages back may the stream repeat records, and
then its records with repeats dropped must still be the CLI's, in the CLI's order.
"""

from __future__ import annotations

import subprocess
import sys
import time
from itertools import zip_longest
from pathlib import Path

import orjson
import pytest

from kafka_harness import ROOT, Deployment, produce, read_topic, run, free_port
from streams.config import Settings

pytestmark = [pytest.mark.kafka, pytest.mark.timeout(900)]

FIXTURES = ROOT / "tests" / "fixtures"
WORKER_ID = "chain-equality"

FRENCH_PAGE = (
    "<html lang=\"fr\"><head><title>Le conseil municipal adopte le budget des transports</title></head><body><article>"
    "<h1>Le conseil municipal adopte le budget des transports</h1>"
    "<p>Après un long débat, les élus de la ville ont voté mardi soir un budget qui prévoit quarante nouveaux autobus "
    "et des lignes de nuit vers les quartiers de l'est.</p>"
    "<p>L'opposition estime que la dépense obligera la mairie à réduire l'entretien des routes l'an prochain, tandis que "
    "les commerçants du centre saluent une meilleure desserte.</p>"
    "<p>Les premières lignes devraient ouvrir au printemps, selon les services techniques.</p>"
    "</article></body></html>"
)
EDITED = (
    "Harbour pilots in the port of Kestrel Bay stopped work on Friday to protest against new night-shift rules, "
    "leaving six cargo ships waiting at anchor outside the breakwater. The pilots' union said the rules had been "
    "imposed without consultation and that crews would be too tired to guide large vessels safely. The port authority "
    "said it would meet union leaders on Saturday and hoped to reopen the channel within two days."
)


def inputs() -> list[bytes]:
    """The raw messages, in order: each is one line of the CLI's input file and one record of the raw topic."""
    lines = [line for line in (FIXTURES / "stories" / "cli-stream.jsonl").read_bytes().splitlines() if line.strip()]
    first = orjson.loads(lines[0])
    seed = (FIXTURES / "seed-article.txt").read_text("utf-8")
    return [
        *lines,
        orjson.dumps({"id": "seed", "text": seed, "published_at": "2024-03-27T10:00:00Z"}),
        orjson.dumps({**first, "id": first["id"] + "-copy"}),  # exact duplicate: same content, a new id
        lines[1],  # the same message again (a producer retry, a replay): same id, same bytes
        orjson.dumps({"id": "pilots-1", "text": EDITED, "published_at": "2025-06-02T07:00:00Z"}),
        orjson.dumps({"id": "pilots-2", "text": EDITED.replace("six cargo ships", "seven cargo ships") + " Talks were still going on late on Saturday.",
                      "published_at": "2025-06-02T09:30:00Z"}),  # an edited copy: a near duplicate
        orjson.dumps({"id": "fr-transports", "html": FRENCH_PAGE, "url": "https://example.org/fr/transports",
                      "published_at": "2025-06-03T18:00:00Z"}),
        b'{"id": "poison-json", "text": "unterminated',
        orjson.dumps({"id": "poison-type", "text": 12345}),
        orjson.dumps({"id": "poison-empty", "text": "   \n\t  "}),
        b'{"id": "poison-utf8", "text": "caf\xe9 \xff\xfe"}',
    ]


def cli_records(env: dict[str, str], src: Path, out: Path) -> tuple[dict[str, list[tuple[str, bytes]]], dict[str, list[bytes]]]:
    """Per topic, the records ``process --out`` wrote; per story record type, the final records it printed."""
    proc = subprocess.run([sys.executable, "-m", "streams.cli", "process", "--emit", "all", "--out", str(out), str(src)],
                          env=env, cwd=ROOT, capture_output=True, timeout=600)
    assert proc.returncode == 0, proc.stderr.decode()[-3000:]
    finals: dict[str, list[bytes]] = {}
    for line in proc.stdout.splitlines():
        rtype = orjson.loads(line)["record_type"]
        if rtype in ("story", "merged_event"):
            finals.setdefault(rtype, []).append(line)
    found: dict[str, list[tuple[str, bytes]]] = {}
    for f in sorted(out.glob("*.jsonl")):
        rows = found.setdefault(f.name[: -len(".jsonl")], [])
        for line in f.read_bytes().splitlines():
            head, sep, rest = line.partition(b',"value":')  # the key is a JSON string: no unescaped quote in it
            assert sep and rest.endswith(b"}"), line[:200]
            rows.append((orjson.loads(head + b"}")["key"], rest[:-1]))
    return found, finals


def comparable(topic_kind: str, value: bytes) -> bytes:
    if topic_kind != "dlq":
        return value
    record = orjson.loads(value)
    record["failed_at"] = None
    record["source"]["timestamp"] = None
    record["source"]["location"] = None
    return orjson.dumps(record)


def given_back(metrics_text: str) -> float:
    """Messages the worker handed back to be fetched again (each may be sent twice: at-least-once)."""
    return sum(float(line.rsplit(" ", 1)[1]) for line in metrics_text.splitlines() if line.startswith("newsevents_messages_given_back_total{"))


def differences(stream: list[tuple[str, bytes]], process: list[tuple[str, bytes]], repeats_allowed: bool) -> list[str]:
    """What differs between a topic's records from the stream and from the CLI, in order (see the module doc)."""
    if repeats_allowed and stream != process:
        stream = list(dict.fromkeys(stream))  # a handed-back batch sent again: its first copies stand in order
        process = list(dict.fromkeys(process))
    problems = [f"record {i}: {'missing' if s is None else s[0]} from the stream, {'missing' if p is None else p[0]} from process:"
                f"\n  stream:  {s and s[1][:400]!r}\n  process: {p and p[1][:400]!r}"
                for i, (s, p) in enumerate(zip_longest(stream, process)) if s != p]
    return problems


def compacted(records: list[tuple[str, bytes]]) -> set[bytes]:
    """What a compacted topic keeps: the last record of each key."""
    return set(dict(records).values())


def test_stream_and_process_write_the_same_records(kafka: str, tmp_path: Path) -> None:
    messages = inputs()
    src = tmp_path / "inputs.jsonl"
    src.write_bytes(b"\n".join(messages) + b"\n")
    dep = Deployment("chain", partitions=1, extra_env={"NEWSEVENTS_WORKER_ID": WORKER_ID})

    expected, finals = cli_records(dep.env(free_port()), src, tmp_path / "cli")
    settings = Settings(_env_file=None, topic_prefix=dep.prefix)
    names = {**settings.topics, **settings.story_topics}
    kinds = {name: kind for kind, name in names.items()}
    assert set(expected) <= set(kinds), sorted(expected)
    # Every kind of output is there, so the comparison covers each stage and each duplicate decision.
    assert {"clean", "enriched", "events", "dlq", "stories_input", "events_mentions", "stories", "events_merged"} <= {kinds[t] for t in expected}
    assert len(expected[names["events"]]) > len({orjson.loads(v)["article_id"] for _k, v in expected[names["events"]]}) > 2
    assert len(expected[names["stories"]]) > len(finals["story"])  # updates of a story, not only its last record
    clean = {orjson.loads(v)["article_id"]: orjson.loads(v) for _k, v in expected[names["clean"]]}
    enriched = {orjson.loads(v)["article_id"]: orjson.loads(v) for _k, v in expected[names["enriched"]]}
    assert enriched["depot-1-copy"]["skipped_reason"] == "exact_duplicate" and enriched["depot-1-copy"]["duplicate_of"] == "depot-1"
    assert clean["pilots-2"]["near_duplicate_of"] == "pilots-1"
    assert enriched["fr-transports"]["skipped_reason"] == "unsupported_language"
    dead = [orjson.loads(v)["reason"] for _k, v in expected[names["dlq"]]]
    assert dead == ["invalid_json", "invalid_envelope", "empty_input", "invalid_encoding"], dead

    dep.create_topics()
    run(produce(dep.topic("raw"), [(None, m) for m in messages]))
    with dep.running(tmp_path):
        got = {}
        deadline = time.monotonic() + 480  # one budget for all topics: a short topic fails the test in minutes, not per topic
        for topic, rows in expected.items():
            want = len(rows)
            records = run(read_topic(topic, raw=True, until=lambda r, want=want: len(r) >= want, timeout=max(10.0, deadline - time.monotonic())))
            records += run(read_topic(topic, raw=True, idle=3, timeout=10))[len(records):]  # anything more (a difference)
            got[topic] = [(k, v) for k, v, *_ in records]
        assert dep.workers[0].alive(), dep.workers[0].tail()
        repeats_allowed = given_back(dep.workers[0].metrics_text()) > 0
    for topic, rows in expected.items():
        kind = kinds[topic]
        problems = differences([(k, comparable(kind, v)) for k, v in got[topic]], [(k, comparable(kind, v)) for k, v in rows], repeats_allowed)
        assert not problems, f"{topic}: {len(problems)} differences:\n" + "\n".join(problems[:5])
    for rtype, kind in (("story", "stories"), ("merged_event", "events_merged")):
        assert compacted(got[names[kind]]) == set(finals[rtype]), f"{kind}: the final records differ from the compacted topic"
