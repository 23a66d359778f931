"""What a stage does about duplicates, with its answers kept in the state layer so a replay repeats them.

* Clean stage (``near``): each clean article's MinHash signature is checked
  against the near-duplicate store (``duplicates.NearDuplicateState``); a hit sets
  ``near_duplicate_of`` on the clean record. The article's event time (its
  ``published_at``, else the raw record's timestamp) rides on the clean record as
  the ``newsevents-event-time`` header, so the extract stage files its state in
  the same time bucket.
* Extract stage (``exact``): an article whose content hash was first seen under
  another id is not extracted again (``(clean_record, first_id)`` goes to the
  child, which writes a light enriched record pointing at the first article).
  Within one batch the first of two identical articles counts as seen for the
  second.

Order per batch (``agents.StageAgent``): ``ready`` (the state of the batch's
input partitions is caught up) -> ``inputs`` (exact decisions) -> the child ->
``decide`` (near decisions; both remembered) -> ``sync`` (the changelog has
acknowledged them) -> publish -> commit. The first answer given for an article
id is therefore what every later processing of that id gets within the horizon
(a replay after a crash, a rebalance or a given-back batch), whatever the
changelog lag of other partitions: the same input gives the same records.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Protocol, Sequence

from .duplicates import (EXACT_STORE, NEAR_STORE, ExactDuplicateState, ExactItem, NearDuplicateState, exact_index_keys,
                         mark_near_duplicate, near_index_keys)
from .outcome import Outcome
from .publishing import Output
from .routing import CONTENT_HASH_HEADER, header
from .state import Store, StoreSpec

EVENT_TIME_HEADER = "newsevents-event-time"


def record_time(message: Any) -> float | None:
    """A Kafka message's timestamp in seconds (Faust gives seconds; None when the record has none)."""
    ts = getattr(message, "timestamp", None)
    return float(ts) if ts and ts > 0 else None


class StateLayer(Protocol):
    """What a policy needs of the state layer: ``state.StateRuntime`` in a worker, ``offline.LocalState`` offline."""

    def add_store(self, spec: StoreSpec) -> Store: ...

    async def ready(self, tps: Any, timeout_s: float | None = None) -> None: ...

    async def sync(self) -> None: ...


class DuplicatePolicy:
    """One stage's duplicate decisions over its store(s); the agent calls ready, inputs, decide, sync, annotate."""

    def __init__(self, metrics: Any, *, state: StateLayer | None = None, near: NearDuplicateState | None = None,
                 exact: ExactDuplicateState | None = None, ready_timeout_s: float = 120.0) -> None:
        self.metrics = metrics
        self.state = state
        self.near = near
        self.exact = exact
        self.ready_timeout_s = ready_timeout_s
        self._decided: dict[int, tuple[ExactItem, str | None]] = {}  # id(event) -> its exact item and answer
        self._event_times: list[float | None] = []

    @property
    def active(self) -> bool:
        return self.state is not None and (self.near is not None or self.exact is not None)

    async def ready(self, events: Sequence[Any]) -> None:
        """Wait until the state of these events' input partitions is caught up (read-your-writes; a timeout is
        a fault of the infrastructure: the batch is given back)."""
        if self.active:
            await self.state.ready({ev.message.tp for ev in events}, timeout_s=self.ready_timeout_s)  # type: ignore[union-attr]

    def inputs(self, events: Sequence[Any]) -> list[Any]:
        """What the child gets per message: the bytes, or ``(bytes, first_id)`` for an exact duplicate to skip."""
        values = [ev.message.value for ev in events]
        self._decided = {}
        if self.exact is None:
            return values
        items = [self._exact_item(ev) for ev in events]
        answers = iter(self.exact.decide([i for i in items if i is not None]))
        out: list[Any] = []
        for ev, item, value in zip(events, items, values):
            first = next(answers) if item is not None else None
            if item is not None:
                self._decided[id(ev)] = (item, first)
            if first is not None and value:
                self.metrics.duplicates.labels(kind="exact_skipped").inc()
                out.append((value, first))
            else:
                out.append(value)
        return out

    @staticmethod
    def _exact_item(ev: Any) -> ExactItem | None:
        msg = ev.message
        key = (msg.key or b"").decode("utf-8", "replace")
        if not key:
            return None
        h = header(msg, CONTENT_HASH_HEADER)
        return ExactItem(article_id=key, partition=msg.partition, content_hash=h or None, event_time=_header_time(msg))

    def decide(self, events: Sequence[Any], outcomes: Sequence[Outcome]) -> list[Outcome]:
        """Outcomes with the near-duplicate answers applied; every answer given is remembered (call ``sync`` next)."""
        self._event_times = []
        decided = list(outcomes)
        if self.near is not None:
            decided = []
            for ev, out in zip(events, outcomes):
                t = self.near.store.event_time(out.published_at, record_time(ev.message))
                self._event_times.append(t)
                decided.append(self._near(ev, out, t))
        if self.exact is not None:
            for ev, out in zip(events, decided):
                known = self._decided.get(id(ev))
                if known is not None and out.ok:
                    self.exact.remember(*known)
        return decided

    def _near(self, ev: Any, outcome: Outcome, event_time: float | None) -> Outcome:
        if not (outcome.ok and outcome.signature and outcome.article_id):
            return outcome
        first = self.near.check(outcome.article_id, ev.message.partition, outcome.signature, event_time)  # type: ignore[union-attr]
        if first is None:
            return outcome
        self.metrics.duplicates.labels(kind="near").inc()
        records = [(kind, key, mark_near_duplicate(value, first) if kind == "clean" else value) for kind, key, value in outcome.records]
        return replace(outcome, records=records)

    def annotate(self, groups: Sequence[list[Output]]) -> None:
        """Put each article's event time on its clean record (a header), for the extract stage's state."""
        for group, t in zip(groups, self._event_times):
            if t is None:
                continue
            for out in group:
                if out.kind == "clean":
                    out.headers.append((EVENT_TIME_HEADER, repr(float(t)).encode()))

    async def sync(self) -> None:
        """Wait until the changelog has acknowledged every answer remembered so far (before the records they decided are sent)."""
        if self.active:
            await self.state.sync()  # type: ignore[union-attr]


def stage_policy(kind: str, input_topic: str, settings: Any, metrics: Any, state: StateLayer) -> DuplicatePolicy:
    """The policy of a stage whose duplicate check is ``kind`` (``near`` | ``exact``, ``chain.Stage.duplicates``),
    its store added to ``state`` following ``input_topic``; a check the settings turn off has no store."""
    if kind == "near" and settings.detect_near_duplicates:
        store = state.add_store(StoreSpec(NEAR_STORE, input_topic, settings.horizon_s, near_index_keys))
        return DuplicatePolicy(metrics, state=state, near=NearDuplicateState(store))
    if kind == "exact" and settings.skip_exact_duplicates:
        store = state.add_store(StoreSpec(EXACT_STORE, input_topic, settings.horizon_s, exact_index_keys))
        return DuplicatePolicy(metrics, state=state, exact=ExactDuplicateState(store))
    if kind not in ("near", "exact"):
        raise ValueError(f"unknown duplicate check {kind!r}")
    return DuplicatePolicy(metrics, state=state)


def _header_time(message: Any) -> float | None:
    """The event time the clean stage put on the record, else the record's own timestamp."""
    h = header(message, EVENT_TIME_HEADER)
    if h:
        try:
            return float(h.decode("ascii"))
        except ValueError:
            pass
    return record_time(message)
