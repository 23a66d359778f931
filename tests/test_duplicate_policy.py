"""The duplicate policy of both stages over real local stores (no broker: the changelog writes stay queued).

What the agents rely on: exact decisions made before the child runs and remembered
only for published outcomes, the first answer per article id given again on a replay
(in any order), event time from ``published_at`` (else the input record's
timestamp) carried from the clean stage to the extract stage on a header.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import orjson
from prometheus_client import CollectorRegistry, Counter

from streams.cleaning.dedup import signature
from streams.duplicate_policy import EVENT_TIME_HEADER, DuplicatePolicy
from streams.duplicates import ExactDuplicateState, NearDuplicateState, exact_index_keys, near_index_keys
from streams.outcome import Outcome
from streams.publishing import Output
from streams.routing import CONTENT_HASH_HEADER
from test_cleaning_dedup import WIRE, syndicated
from test_state_store import T0, make_store

HOUR = 3600


@dataclass
class Msg:
    key: bytes
    value: bytes
    partition: int = 0
    timestamp: float = float(T0)
    headers: list[tuple[str, bytes]] = field(default_factory=list)
    topic: str = "input"

    @property
    def tp(self) -> Any:
        return (self.topic, self.partition)


@dataclass
class Ev:
    message: Msg


class FakeMetrics:
    def __init__(self) -> None:
        self.duplicates = Counter("d", "d", ["kind"], registry=CollectorRegistry())

    def count(self, kind: str) -> float:
        return self.duplicates.labels(kind=kind)._value.get()  # noqa: SLF001


def clean_outcome(aid: str, body: str, published_at: str | None = None) -> Outcome:
    record = orjson.dumps({"article_id": aid, "body": body, "near_duplicate_of": None})
    return Outcome(article_id=aid, records=[("clean", aid, record)], signature=signature(body), published_at=published_at,
                   content_hash="ab" * 32)


def test_clean_stage_marks_a_copy_remembers_the_first_answer_and_stamps_the_event_time(tmp_path: Path) -> None:
    metrics = FakeMetrics()
    policy = DuplicatePolicy(metrics, near=NearDuplicateState(make_store(tmp_path / "near", indexer=near_index_keys, horizon_s=72 * HOUR)))
    events = [Ev(Msg(b"a", b"{}", 0)), Ev(Msg(b"b", b"{}", 1, timestamp=float(T0 + 60)))]
    published = datetime.fromtimestamp(T0 - 1800, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    outs = [clean_outcome("a", WIRE[1], published), clean_outcome("b", syndicated(WIRE[1]))]
    decided = policy.decide(events, outs)
    assert orjson.loads(decided[0].records[0][2])["near_duplicate_of"] is None
    assert orjson.loads(decided[1].records[0][2])["near_duplicate_of"] == "a"
    assert metrics.count("near") == 1
    groups = [[Output("clean-topic", "clean", o.article_id, o.records[0][2], [])] for o in decided]
    policy.annotate(groups)
    times = [float(dict(g[0].headers)[EVENT_TIME_HEADER]) for g in groups]
    assert times[1] == T0 + 60, "no published_at: the input record's timestamp"
    assert times[0] == T0 - 1800, "published_at is the event time"
    # A replay in the other order: the original is still not a copy of its copy.
    again = policy.decide(list(reversed(events)), list(reversed(outs)))
    assert [orjson.loads(o.records[0][2])["near_duplicate_of"] for o in again] == ["a", None]


def _clean_msg(aid: str, digest: str, partition: int = 0, event_time: float | None = None) -> Ev:
    headers = [(CONTENT_HASH_HEADER, digest.encode())]
    if event_time is not None:
        headers.append((EVENT_TIME_HEADER, repr(event_time).encode()))
    return Ev(Msg(aid.encode(), orjson.dumps({"article_id": aid}), partition, headers=headers))


def test_extract_stage_skips_exact_copies_and_a_replay_repeats_the_first_answer(tmp_path: Path) -> None:
    metrics = FakeMetrics()
    store = make_store(tmp_path / "exact", indexer=exact_index_keys, horizon_s=72 * HOUR)
    policy = DuplicatePolicy(metrics, exact=ExactDuplicateState(store))
    same, other = "cd" * 32, "ef" * 32
    batch = [_clean_msg("x1", same, 0, float(T0)), _clean_msg("x2", same, 1), _clean_msg("y1", other, 2)]
    values = policy.inputs(batch)
    assert values[0] == batch[0].message.value and values[2] == batch[2].message.value
    assert values[1] == (batch[1].message.value, "x1"), "the first of two identical articles in a batch counts as seen"
    ok = [Outcome(article_id=e.message.key.decode(), records=[]) for e in batch]
    policy.decide(batch, ok)
    assert metrics.count("exact_skipped") == 1
    assert {w.key for w in store.writer.queued()} and len(store.writer.queued()) == 3

    # The replay, reversed: x2 is still the copy, x1 still the original.
    replay = list(reversed(batch))
    values = policy.inputs(replay)
    assert values == [replay[0].message.value, (replay[1].message.value, "x1"), replay[2].message.value]


def test_a_failed_outcome_is_not_remembered(tmp_path: Path) -> None:
    store = make_store(tmp_path / "exact", indexer=exact_index_keys, horizon_s=72 * HOUR)
    policy = DuplicatePolicy(FakeMetrics(), exact=ExactDuplicateState(store))
    batch = [_clean_msg("z1", "12" * 32)]
    policy.inputs(batch)
    policy.decide(batch, [Outcome(article_id="z1", reason="extract_failed", message="boom")])
    assert store.writer.queued() == []
    # Later, once it succeeds, z2 with the same content is its copy.
    policy.inputs(batch)
    policy.decide(batch, [Outcome(article_id="z1", records=[])])
    assert policy.inputs([_clean_msg("z2", "12" * 32)])[0][1] == "z1"


def test_decisions_follow_their_events_when_some_inputs_never_reach_the_child(tmp_path: Path) -> None:
    """The agent decides exact duplicates for the inputs the child runs (oversized ones are dead-lettered before)
    and then hands every input of the batch to ``decide``: each answer must stay with its own event."""
    store = make_store(tmp_path / "exact", indexer=exact_index_keys, horizon_s=72 * HOUR)
    policy = DuplicatePolicy(FakeMetrics(), exact=ExactDuplicateState(store))
    oversized, orig, copy = _clean_msg("big", "34" * 32), _clean_msg("o1", "56" * 32), _clean_msg("o2", "56" * 32)
    policy.inputs([orig, copy])  # "big" never goes to the child
    policy.decide([oversized, orig, copy], [Outcome(article_id="big", reason="too_large", message="x"),
                                            Outcome(article_id="o1", records=[]), Outcome(article_id="o2", records=[])])
    state = ExactDuplicateState(store)
    assert state.remembered("o1").first is None and state.remembered("o2").first == "o1"
    assert state.remembered("big") is None
