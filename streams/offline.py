"""``newsevents process``: the stage chain in-process, writing what the stream would write, without Kafka.

The stages, their order, their outputs and their dead-letter stages come from
``chain.CHAIN``, as for the Faust app; each stage runs what its agent runs, in
the same order (``agents.StageAgent``): inputs the child must never see are
dead-lettered, the duplicate policy decides exact duplicates, the stage's core
runs (here in this process), the policy decides near duplicates, and the router
turns each outcome into records or a dead letter. The duplicate stores are the
stream's own (``state.Store``, RocksDB) in a temporary directory, without a
changelog.

Each topic is a one-partition log here: a record's offset is its position in
that topic since the start of the run, so a dead letter names the same source
position (and gets the same ``dead_letter_id``) as on a fresh one-partition
deployment fed the same inputs in the same order; it also names the input's
file and line (``source.location``). Records are otherwise byte for byte the
stream's, apart from timestamps (``tests/test_chain_equality.py``).

With ``aggregate`` (and stories on), the story and merge stages
(``chain.AGGREGATES``) follow: every record of their input topics, in the
topics' order, is decoded as their agents decode it (``stories.stage_input``)
and applied to one aggregator each, as on a one-partition deployment; what the
aggregators return is written to ``stories`` and ``events.merged``.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from . import errors
from .chain import AGGREGATES, CHAIN, DLQ, Stage, oversized, topic_names
from .config import Settings
from .duplicate_policy import DuplicatePolicy, stage_policy
from .envelope import decode
from .errors import Rejected
from .inputs import InputItem
from .metrics import Metrics
from .outcome import Outcome
from .publishing import Output
from .routing import INGEST_TS_HEADER, Router
from .state import StateRuntime, Store, StoreSpec
from .state.writer import ChangelogWriter, Write
from .stories import OfflineRun, encode, record_key, stage_input


@dataclass(slots=True)
class LogMessage:
    """A record of an in-process topic, with what a Kafka message gives the agents."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    timestamp: float
    headers: list[tuple[str, bytes]] = field(default_factory=list)
    location: str | None = None  # the input's file and line
    envelope_only: bool = False  # a JSON line: it must be an envelope (``inputs.InputItem``)
    truncated: bool = False      # a file longer than the input limit: ``value`` is its first bytes

    @property
    def tp(self) -> tuple[str, int]:
        return (self.topic, self.partition)


@dataclass(slots=True)
class LogEvent:
    message: LogMessage


class _NoChangelog(ChangelogWriter):
    """Offline there is no changelog: each write is answered at once as not sent; the local record is the state."""

    def write(self, w: Write) -> None:
        if w.done is not None:
            w.done(False)


class LocalState:
    """The state layer of one process and no cluster: the stream's stores, in ``directory``, one partition each."""

    def __init__(self, settings: Settings, directory: Path) -> None:
        self._runtime = StateRuntime(settings)  # never started: it only builds the stores as a worker does
        self._runtime.writer = _NoChangelog()
        self.directory = directory

    @property
    def stores(self) -> list[Store]:
        return self._runtime.stores

    def add_store(self, spec: StoreSpec) -> Store:
        store = self._runtime.add_store(spec)
        store.path = self.directory / spec.name
        store.partitions = 1
        store.open()
        return store

    async def ready(self, tps: Any, timeout_s: float | None = None) -> None:
        """Always caught up: this process made every record its stores hold."""

    async def sync(self) -> None:
        """Nothing to wait for: there is no changelog."""

    def close(self) -> None:
        for store in self.stores:
            store.close()


@dataclass(slots=True)
class _Step:
    stage: Stage
    core: Any
    router: Router
    policy: DuplicatePolicy


class OfflineChain:
    """The chain's ``stages`` over in-process topics; ``run`` gives, per input, every record made of it.

    With ``aggregate``, the story stages too; ``stories`` then holds their state (``final_records``)."""

    def __init__(self, settings: Settings, stages: Sequence[Stage] = CHAIN, metrics: Metrics | None = None,
                 aggregate: bool = False) -> None:
        self.settings = settings
        self.names = topic_names(settings)
        self.metrics = metrics or Metrics()
        self._dir = tempfile.TemporaryDirectory(prefix="newsevents-process-")
        self.state = LocalState(settings, Path(self._dir.name))
        self._offsets: dict[str, int] = {}
        self.steps = [self._step(stage) for stage in stages]
        self.aggregates = {self.names[a.input]: a for a in AGGREGATES if aggregate and a.input in self.names}
        self.stories = OfflineRun.with_configs(settings.story_config(), settings.cluster_config()) if self.aggregates else None
        self._loop = asyncio.new_event_loop()

    def _step(self, stage: Stage) -> _Step:
        s, names = self.settings, self.names
        router = Router(stage=stage.name, outputs=stage.output_topics(names), dlq=names[DLQ], metrics=self.metrics,
                        worker_id=s.worker_id, dlq_payload_max_bytes=s.dlq_payload_max_bytes, dead_letter_stage=stage.dead_letter_stage)
        policy = stage_policy(stage.duplicates, names[stage.input], s, self.metrics, self.state)
        return _Step(stage, stage.core(s), router, policy)

    def __enter__(self) -> "OfflineChain":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        self._loop.close()
        self.state.close()
        self._dir.cleanup()

    def run(self, items: Iterable[InputItem]) -> Iterator[list[Output]]:
        """Per input, in input order, its records in the order the stream sends them (or its dead letter)."""
        batch: list[InputItem] = []
        for item in items:
            batch.append(item)
            if len(batch) >= self.settings.batch_size:
                yield from self._loop.run_until_complete(self.run_batch(batch))
                batch = []
        if batch:
            yield from self._loop.run_until_complete(self.run_batch(batch))

    async def run_batch(self, items: Sequence[InputItem]) -> list[list[Output]]:
        first = self.steps[0].stage.input
        events = [self._append(self.names[first], None, item.value, [], item.location, item.envelope_only, item.oversized)
                  for item in items]
        origin = list(range(len(items)))  # the input each event of the current stage came from
        made: list[list[Output]] = [[] for _ in items]
        for i, step in enumerate(self.steps):
            groups = await self._run_stage(step, events)
            feeds = self.names[self.steps[i + 1].stage.input] if i + 1 < len(self.steps) else None
            events, next_origin = [], []
            for source, group in zip(origin, groups):
                made[source].extend(group)
                for out in group:
                    if out.topic == feeds:
                        events.append(self._append(out.topic, out.key.encode("utf-8", "surrogatepass"), out.value, list(out.headers),
                                                   items[source].location, False, False))
                        next_origin.append(source)
            origin = next_origin
        if self.aggregates:
            for group in made:
                group.extend(self._aggregate(group))
        return made

    def _aggregate(self, group: list[Output]) -> list[Output]:
        """What the story and merge agents send for an input's records on their topics, in order."""
        made = []
        for out in group:
            stage = self.aggregates.get(out.topic)
            if stage is None:
                continue
            item = stage_input(out.value, dict(out.headers).get(INGEST_TS_HEADER))
            for record in self.stories.apply(stage.name, item):  # type: ignore[union-attr]
                made.append(Output(self.names[stage.output], stage.name, record_key(record), encode(record), []))
        return made

    async def _run_stage(self, step: _Step, events: list[LogEvent]) -> list[list[Output]]:
        """What ``agents.StageAgent`` does with a batch (``_compute``, ``_prepare``), minus Kafka and the child process."""
        outcomes: list[Outcome | None] = [self._admit(step.stage, ev.message) for ev in events]
        todo = [i for i, o in enumerate(outcomes) if o is None]
        if todo:
            admitted = [events[i] for i in todo]
            await step.policy.ready(admitted)
            for i, outcome in zip(todo, step.core(step.policy.inputs(admitted))):
                outcomes[i] = outcome
        results = [o for o in outcomes if o is not None]
        if len(results) != len(events):
            raise RuntimeError(f"{step.stage.name}: the core answered {len(results) - len(events) + len(todo)} of {len(todo)} inputs")
        decided = step.policy.decide(events, results)
        await step.policy.sync()
        groups = [step.router.records(ev, o) for ev, o in zip(events, decided)]
        step.policy.annotate(groups)
        return groups

    def _admit(self, stage: Stage, msg: LogMessage) -> Outcome | None:
        """``chain.oversized``; and a JSON line that is not even an object, which ``newsevents produce`` would not
        send (the stream would take it for a plain-text article): dead-lettered with the decoder's reason."""
        limit = self.settings.max_input_bytes
        if msg.truncated:
            return Outcome(reason=errors.TOO_LARGE, message=f"input is larger than {limit} bytes", payload_incomplete=True,
                           stats={"stage": stage.name})
        found = oversized(stage.name, msg, limit)
        if found is not None or not msg.envelope_only or (msg.value or b"").lstrip().startswith(b"{"):
            return found
        try:
            decode(msg.value, max_bytes=limit, envelope_only=True)
        except Rejected as exc:
            return Outcome(article_id=exc.article_id, reason=exc.reason, message=exc.message, stats={"stage": stage.name})
        return None

    def _append(self, topic: str, key: bytes | None, value: bytes | None, headers: list[tuple[str, bytes]], location: str | None,
                envelope_only: bool, truncated: bool) -> LogEvent:
        offset = self._offsets.get(topic, 0)
        self._offsets[topic] = offset + 1
        return LogEvent(LogMessage(topic, 0, offset, key, value, time.time(), headers, location, envelope_only, truncated))
