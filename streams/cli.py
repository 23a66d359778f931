"""``newsevents`` command line: worker, produce, consume, process (produce and consume: :mod:`streams.cli_topics`).

    newsevents worker                      run the Faust worker (settings from env / .env)
    newsevents produce PATH...             publish articles to articles.raw
    newsevents consume TOPIC [--max N] [--timeout S] [--pretty]
    newsevents process [PATH...] [--emit clean|enriched|events|stories|merged|all] [--out DIR]   offline, no Kafka
    newsevents topics                      create the pipeline topics and list them
    newsevents redrive [--reason R] [--since T]   republish complete dead letters to articles.raw
    newsevents consume TOPIC --validate [--record-type T]   check every record against its model (exit 1 if any is invalid)
    newsevents schemas [--check]           write schemas/*.json from the record models (--check: exit 1 on drift)
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import time
from typing import Any

import orjson

from . import __version__
from .cli_topics import cmd_consume, cmd_produce
from .config import Settings, get_settings


def _setup_logging(level: str) -> None:
    logging.basicConfig(level=getattr(logging, level.upper(), logging.INFO), format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr)


# --------------------------------------------------------------------------- worker
EXIT_CONFIG = 78  # EX_CONFIG: an operator must change a topic or a setting


def cmd_worker(args: argparse.Namespace, settings: Settings) -> int:
    from .app import Worker
    from .child import ChildUnavailable
    from .kafka_client import TopicLimitProblem, check_topic_limits, ensure_topics
    from .metrics import Metrics

    from pathlib import Path

    _setup_logging(settings.log_level)
    log = logging.getLogger("newsevents.worker")
    Path(settings.data_dir).mkdir(parents=True, exist_ok=True)
    metrics = Metrics()

    async def prepare() -> None:
        await ensure_topics(settings)
        await check_topic_limits(settings, metrics)

    try:
        asyncio.run(prepare())
    except TopicLimitProblem as exc:
        log.critical("refusing to start: %s", exc)
        return EXIT_CONFIG
    node = Worker(settings, metrics)
    for attempt in range(1, 6):
        try:
            node.start_children()
            break
        except ChildUnavailable as exc:  # memory pressure, a missing model: back off, then give up loudly
            log.error("NLP child did not start (attempt %d of 5): %s", attempt, exc)
            if attempt == 5:
                return 1
            time.sleep(min(60, 5 * 2 ** attempt))
    faust_worker(node.app, settings.log_level).execute_from_commandline()
    return 0


def faust_worker(app: Any, log_level: str) -> Any:
    """Faust's worker for ``app``, without its terminal spinner.

    At WARNING and above, Faust's spinner sets the root logger to DEBUG and adds a
    handler that spins on every record, so every debug call of aiokafka, Faust and
    mode builds a log record that no handler prints: about 3% of the worker's CPU
    under load (py-spy). A service has no terminal to spin on.
    """
    import faust

    worker = faust.Worker(app, loglevel=log_level, quiet=True, redirect_stdouts=False)
    worker.spinner = None
    return worker


# --------------------------------------------------------------------------- schemas
def cmd_schemas(args: argparse.Namespace, settings: Settings) -> int:
    """Writes ``schemas/*.json`` from the record models; ``--check`` only compares and exits 1 on drift."""
    from .models.generate import drift, write_all

    if not args.check:
        changed = write_all()
        print(f"{len(changed)} schema file(s) written" + "".join(f"\n  {p}" for p in changed), file=sys.stderr)
        return 0
    differ = drift()
    for name, diff in differ.items():
        lines = diff.splitlines()
        print(f"{name}: differs from the models ({sum(ln[:1] in '+-' for ln in lines[2:])} changed lines)", file=sys.stderr)
        print("\n".join(lines[:40]) + ("\n  ..." if len(lines) > 40 else ""), file=sys.stderr)
    if differ:
        print(f"{len(differ)} schema file(s) out of date: run `newsevents schemas` and commit them", file=sys.stderr)
        return 1
    print("schemas/ matches the record models", file=sys.stderr)
    return 0


# --------------------------------------------------------------------------- process
STORY_EMITS = ("stories", "merged", "all")
EMIT_KINDS = {"clean": "clean", "enriched": "enriched", "events": "event"}  # --emit -> the record kind printed as it is


def _line(key: str, value: bytes) -> bytes:
    """One record of ``process --out``: its key and its value, the value's bytes as the stream sends them."""
    return b'{"key":' + orjson.dumps(key) + b',"value":' + value + b"}\n"


def cmd_process(args: argparse.Namespace, settings: Settings) -> int:
    """The stage chain (``chain.py``) in-process over the inputs (``offline.py``): the stream's records, no Kafka."""
    from contextlib import ExitStack

    from .chain import CHAIN, RECORD_TYPES, stages_until
    from .inputs import iter_inputs
    from .offline import OfflineChain
    from .stories import encode

    if args.emit in STORY_EMITS and not settings.stories_enabled:
        print("process: stories are off (NEWSEVENTS_STORIES_ENABLED=false)", file=sys.stderr)
        return 2
    printed = EMIT_KINDS.get(args.emit)
    stages = stages_until({printed}) if printed and not args.out else CHAIN  # --emit clean needs the clean stage only
    counts: dict[str, int] = {}
    out = sys.stdout.buffer
    items = iter_inputs(args.paths, max_bytes=settings.max_input_bytes)
    aggregate = settings.stories_enabled and (args.emit in STORY_EMITS or bool(args.out))
    with OfflineChain(settings, stages, aggregate=aggregate) as chain, ExitStack() as files:
        topic_files: dict[str, Any] = {}
        if args.out:
            from pathlib import Path

            directory = Path(args.out)
            directory.mkdir(parents=True, exist_ok=True)
        for records in chain.run(items):
            for rec in records:
                rtype = RECORD_TYPES[rec.kind]
                counts[rtype] = counts.get(rtype, 0) + 1
                if args.out:
                    if rec.topic not in topic_files:
                        topic_files[rec.topic] = files.enter_context((directory / f"{rec.topic}.jsonl").open("wb"))
                    topic_files[rec.topic].write(_line(rec.key, rec.value))
                if rec.kind == "dlq":
                    dead = orjson.loads(rec.value)
                    print(f"dead letter: {dead['source']['location']}: {dead['reason']}: {dead['message'][:200]}", file=sys.stderr)
                if rec.kind == printed:
                    out.write(rec.value + b"\n")
                elif args.emit == "all" and rtype in ("clean_article", "enriched_article", "event", "dead_letter"):
                    out.write(orjson.dumps({"record_type": rtype, **orjson.loads(rec.value)}) + b"\n")
        if args.emit in STORY_EMITS:
            # The last record of every cluster, then of every story (the compacted topics' view at the end
            # of the input); with --emit all the story records come last, after everything they cover.
            wanted = {"stories": ["story"], "merged": ["merged_event"], "all": ["merged_event", "story"]}[args.emit]
            for rtype in wanted:
                for record in chain.stories.final_records(rtype):  # type: ignore[union-attr]
                    out.write(encode(record) + b"\n")
    out.flush()
    summary = ", ".join(f"{k}={v}" for k, v in sorted(counts.items())) or "no input"
    print(f"processed: {summary}", file=sys.stderr)
    return 0


def cmd_topics(args: argparse.Namespace, settings: Settings) -> int:
    from .kafka_client import ensure_topics

    created = asyncio.run(ensure_topics(settings))
    for kind, name in settings.topics.items():
        print(f"{kind:<9} {name}{'  (created)' if name in created else ''}")
    return 0


def cmd_redrive(args: argparse.Namespace, settings: Settings) -> int:
    from .redrive import parse_since, redrive

    _setup_logging("WARNING")
    since = parse_since(args.since) if args.since else None
    reasons = {r for value in args.reason or [] for r in value.split(",") if r}
    report = asyncio.run(redrive(settings, reasons=reasons or None, since=since, dry_run=args.dry_run, limit=args.max))
    print(report.summary(), file=sys.stderr)
    return 0 if report.failed == 0 else 1


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newsevents", description="Real-time news event extraction on Apache Kafka.")
    p.add_argument("--version", action="version", version=f"newsevents {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("worker", help="run the Faust worker (clean + extract agents, /metrics)")
    pr = sub.add_parser("produce", help="publish articles to the raw topic")
    pr.add_argument("paths", nargs="+", help=".jsonl/.json/.txt/.html(.gz) files or directories; - for stdin JSON lines")
    pr.add_argument("--quiet", action="store_true", help="no progress bar")
    co = sub.add_parser("consume", help="print a topic from the beginning")
    co.add_argument("topic", help="full topic name, prefix included")
    co.add_argument("--max", type=int, default=None, help="stop after N records")
    co.add_argument("--timeout", type=float, default=10.0, help="stop after S seconds without new records")
    co.add_argument("--pretty", action="store_true", help="a readable table instead of JSON lines")
    co.add_argument("--validate", action="store_true",
                    help="check every record against its model; print the invalid ones, exit 1 if any")
    co.add_argument("--record-type", help="with --validate: the record type, when the topic is not a pipeline topic")
    sc = sub.add_parser("schemas", help="write schemas/*.json from the record models")
    sc.add_argument("--check", action="store_true", help="compare only: exit 1 with a diff when the files differ")
    pc = sub.add_parser("process", help="run the pipeline offline: inputs -> JSON lines on stdout")
    pc.add_argument("paths", nargs="*", help="as for produce; none or - reads JSON lines from stdin")
    pc.add_argument("--emit", choices=["clean", "enriched", "events", "stories", "merged", "all"], default="events",
                    help="stories / merged: the final record of every story / merged event (after the whole input, "
                         "in arrival order); all: every record, then those final records")
    pc.add_argument("--out", metavar="DIR", help="also write every topic's records to DIR/<topic>.jsonl, one "
                                                 '{"key": ..., "value": <the record as the stream sends it>} a line')
    sub.add_parser("topics", help="create missing pipeline topics and list them")
    rd = sub.add_parser("redrive", help="republish complete dead letters to the raw topic (same ids), e.g. after a fix")
    rd.add_argument("--reason", action="append", help="only these reasons (repeat, or comma-separated), e.g. timeout,worker_crashed")
    rd.add_argument("--since", help="only dead letters failed at or after T: ISO-8601 (2026-11-29T10:00:00Z) or an age (30m, 2h, 1d)")
    rd.add_argument("--max", type=int, default=None, help="stop after N republished")
    rd.add_argument("--dry-run", action="store_true", help="count what would be republished, send nothing")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = get_settings()
    handler = {"worker": cmd_worker, "produce": cmd_produce, "consume": cmd_consume, "process": cmd_process, "topics": cmd_topics,
               "redrive": cmd_redrive, "schemas": cmd_schemas}[args.command]
    try:
        return handler(args, settings)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
