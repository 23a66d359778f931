"""The story and merge stages' input topics are under the offset guard like the chain's: what Faust discards when it
resumes its flow at the end of a rebalance is fetched again, a head hole is fetched rather than committed past, an
input whose handling fails is not committed, and the stall detector watches these partitions too.

The worker is the real one (``app.Worker``: its Faust app, its offset guard on Faust's real consumer bookkeeping and
flow control, its story agents' own loop); only the broker's answers (committed offsets, seeks) and the stage's
handling of one input (state, sends: ``tests/test_stories_kafka.py`` runs them on the broker) are stand-ins.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from faust.types import TP
from test_offsets import Clock, FakeOffsets, commit_offset, ev, queued

from streams.app import Worker
from streams.chain import input_topics
from streams.config import Settings
from streams.metrics import Metrics


def settings(tmp_path: Path, **kw: Any) -> Settings:
    return Settings(_env_file=None, KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:1", topic_prefix="g.", app_id="g-story-guard",
                    data_dir=str(tmp_path), topic_partitions=2, topic_replication_factor=1, **kw)


class Stream:
    """What an agent's ``stream.events()`` yields: these events, in this order."""

    def __init__(self, events: list[Any]) -> None:
        self._events = events

    async def events(self) -> Any:
        for e in self._events:
            yield e


class Harness:
    """A worker whose broker is a stand-in, and one of its story agents whose handling of an input is recorded."""

    def __init__(self, tmp_path: Path, agent: str, committed: dict[Any, int]) -> None:
        self.worker = Worker(settings(tmp_path), Metrics())
        self.app, self.guard = self.worker.app, self.worker.offset_guard
        self.guard.offsets = FakeOffsets(committed)
        self.seeks: list[tuple[Any, int]] = []
        self.handled: list[int] = []
        self.fail_at: int | None = None
        consumer = self.app.consumer

        async def seek_wait(partitions: dict[Any, int]) -> None:
            self.seeks.extend(partitions.items())

        async def earliest_offsets(*tps: Any) -> dict[Any, int]:
            return {tp: 0 for tp in tps}

        consumer.seek_wait = seek_wait  # type: ignore[method-assign]
        consumer.earliest_offsets = earliest_offsets  # type: ignore[method-assign]
        stage = next(st for st in self.worker.story_stages if f"newsevents.{st.name}" == agent)

        async def handle(event: Any) -> list:
            if event.message.offset == self.fail_at:
                raise RuntimeError("state write failed")
            self.handled.append(event.message.offset)
            return []

        stage.handle = handle  # type: ignore[method-assign]
        self.fun = self.app.agents[agent].fun

    async def feed(self, tp: Any, offsets: range | list[int]) -> None:
        await self.fun(Stream([ev(o, tp) for o in offsets]))


def mentions(partition: int) -> TP:
    return TP("g.events.mentions", partition)


def test_the_worker_guards_every_stage_s_input_topic(tmp_path: Path) -> None:
    on = Worker(settings(tmp_path / "on"), Metrics())
    assert on.offset_guard.topics == {"g.articles.raw", "g.articles.clean", "g.stories.input", "g.events.mentions"}
    assert input_topics(settings(tmp_path, stories_enabled=False)) == ["g.articles.raw", "g.articles.clean"]


def test_what_faust_discards_of_a_story_input_topic_is_fetched_again(tmp_path: Path) -> None:
    """Seen with perform_seek stretched 1.5 s: ``mentions:1`` 41..66 discarded at the tail, the merge agent had taken
    36..40; the group's lag on events.mentions stayed until the next rebalance."""
    tp = mentions(1)
    h = Harness(tmp_path, "newsevents.merged_event", {tp: 36})

    async def go() -> None:
        await h.guard.on_assigned({tp})
        await h.feed(tp, range(36, 41))     # taken during Faust's perform_seek
        queue = queued(h.app, range(41, 67), tp)
        h.app.flow_control.resume()         # Faust's recovery: the stream buffer is cleared
        assert queue.empty()
        await h.guard.apply_seeks()         # the heartbeat
        assert h.seeks == [(tp, 41)]
        await h.feed(tp, range(41, 67))
        assert h.handled == list(range(36, 67))
        h.app.consumer._committed_offset[tp] = 36  # noqa: SLF001
        assert commit_offset(h.app, tp) == 67

    asyncio.run(go())


def test_a_head_hole_of_a_story_input_topic_is_fetched_not_committed_past(tmp_path: Path) -> None:
    tp = TP("g.stories.input", 0)
    h = Harness(tmp_path, "newsevents.story", {tp: 5})

    async def go() -> None:
        await h.guard.on_assigned({tp})
        h.app.consumer._committed_offset[tp] = 5  # noqa: SLF001
        await h.feed(tp, [6, 7, 8, 9])
        assert h.handled == [] and h.seeks == [(tp, 5)]
        for o in (6, 7, 8, 9):  # Faust's own acks of what it delivered count for nothing
            h.app.consumer.ack(ev(o, tp).message)
        assert commit_offset(h.app, tp) is None
        await h.feed(tp, range(5, 10))
        assert h.handled == [5, 6, 7, 8, 9] and commit_offset(h.app, tp) == 10

    asyncio.run(go())


def test_an_input_whose_handling_fails_is_given_back_not_committed(tmp_path: Path) -> None:
    tp = mentions(0)
    h = Harness(tmp_path, "newsevents.merged_event", {tp: 0})
    h.fail_at = 2

    async def go() -> None:
        await h.guard.on_assigned({tp})
        with pytest.raises(RuntimeError):  # the agent crashes (Faust restarts it and commits: on_task_error)
            await h.feed(tp, range(0, 5))
        assert h.handled == [0, 1]
        h.app.consumer._committed_offset[tp] = 0  # noqa: SLF001
        assert commit_offset(h.app, tp) == 2
        await h.guard.apply_seeks()
        assert h.seeks == [(tp, 2)]
        h.fail_at = None
        await h.feed(tp, range(2, 5))
        assert h.handled == [0, 1, 2, 3, 4] and commit_offset(h.app, tp) == 5

    asyncio.run(go())


def test_the_stall_detector_watches_story_input_partitions(tmp_path: Path) -> None:
    """With nothing else to reveal a discard: ``mentions:1`` has 41..66 to process and nothing arrives."""
    tp = mentions(1)
    h = Harness(tmp_path, "newsevents.merged_event", {tp: 36})
    clock = h.guard.clock = Clock()

    async def go() -> None:
        await h.guard.on_assigned({tp})
        await h.feed(tp, range(36, 41))
        ends = {tp: 67}
        h.guard.check_progress(ends)
        clock.now += h.worker.settings.partition_stall_s + 1
        h.guard.check_progress(ends)
        await h.guard.apply_seeks()
        assert h.seeks == [(tp, 41)]
        assert h.worker.metrics.stalled_partitions._value.get() == 1  # noqa: SLF001
        assert h.worker.metrics.offset_guard_refetches.labels(topic=tp.topic, cause="stalled")._value.get() == 1  # noqa: SLF001

    asyncio.run(go())
