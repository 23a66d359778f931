"""The stage child process: CPU budgets enforced by the parent, poison proven alone before it is
dead-lettered, faults of the machine never turned into dead letters."""

from __future__ import annotations

import asyncio
import os
import signal
import time
from pathlib import Path

import pytest

from executor_fns import always_crashing_batch, misbehaving_batch
from streams.executor import Budgets, ChildProcess, StagePool

pytestmark = pytest.mark.timeout(240)

FAST = Budgets(cpu_s=1.0, stall_s=3.0, wall_s=30.0)


def make_pool(fn=misbehaving_batch, **kw) -> tuple[StagePool, list[tuple[str, str, str]]]:
    events: list[tuple[str, str, str]] = []
    kw.setdefault("budgets", FAST)
    kw.setdefault("batch_s", 30.0)
    pool = StagePool("test", fn, control=b"ok", listener=lambda *e: events.append(e), **kw)
    return pool, events


def run(pool: StagePool, values: list[bytes], abandon: asyncio.Event | None = None):
    async def go():
        try:
            return await pool.run(values, abandon)
        finally:
            pool.close()

    return asyncio.run(go())


def test_good_batch_runs_in_one_child_and_reports_cpu() -> None:
    pool, events = make_pool()
    res = run(pool, [b"a", b"b", b"busy:0.3"])
    assert res.stopped is None
    assert [o.article_id for o in res.outcomes] == ["a", "b", "busy:0.3"] and all(o.ok for o in res.outcomes)
    assert len({o.stats["pid"] for o in res.outcomes}) == 1 and pool.child.starts == 1 and not events
    assert res.outcomes[2].stats["cpu_s"] >= 0.25 > res.outcomes[0].stats["cpu_s"]


def test_regex_in_c_over_its_cpu_budget_is_proven_guilty_and_the_rest_go_through() -> None:
    pool, events = make_pool()
    res = run(pool, [b"a", b"regex", b"c"])
    assert [o.reason for o in res.outcomes] == [None, "timeout", None], [o.message for o in res.outcomes]
    assert "over_budget" in res.outcomes[1].message and "control message passed" in res.outcomes[1].message
    # one kill in the batch, two alone; then the control in a fresh child, and the rest on it
    assert events.count(("child_restart", "test", "over_budget")) == 3
    assert ("verdict", "test", "guilty") in events
    assert pool.child.starts == 4


def test_crashing_message_is_worker_crashed_only_after_two_solo_crashes() -> None:
    pool, events = make_pool()
    res = run(pool, [b"a", b"crash", b"c"])
    assert [o.reason for o in res.outcomes] == [None, "worker_crashed", None]
    assert events.count(("child_restart", "test", "died")) == 3


def test_a_child_killed_once_is_not_the_message_s_fault(tmp_path: Path) -> None:
    """Like the OOM killer picking the child because of memory pressure elsewhere: the message passes alone."""
    once = b"once:" + str(tmp_path / "died").encode()
    pool, events = make_pool()
    res = run(pool, [b"a", once, b"c"])
    assert [o.reason for o in res.outcomes] == [None, None, None]
    assert ("verdict", "test", "innocent") in events and ("verdict", "test", "guilty") not in events


def test_a_hanging_message_is_timed_out_by_the_stall_watch() -> None:
    pool, events = make_pool()
    res = run(pool, [b"a", b"hang", b"c"])
    assert [o.reason for o in res.outcomes] == [None, "timeout", None]
    assert events.count(("child_restart", "test", "stalled")) == 3


def test_the_budget_is_cpu_time_not_wall_time() -> None:
    """A message that waits (no CPU) for longer than the CPU budget is not over budget."""
    pool, events = make_pool(budgets=Budgets(cpu_s=0.5, stall_s=5.0, wall_s=30.0))
    res = run(pool, [b"sleep:1.5", b"b"])
    assert [o.reason for o in res.outcomes] == [None, None] and not events


def test_a_stopped_child_is_not_guilty() -> None:
    """SIGSTOP (an operator, a debugger, a frozen VM): the message makes no progress, fails once, passes alone."""
    pool, events = make_pool(budgets=Budgets(cpu_s=5.0, stall_s=1.5, wall_s=30.0))

    async def go():
        task = asyncio.ensure_future(pool.run([b"a", b"busy:1.0", b"c"]))
        await asyncio.sleep(0.1)
        while not (pool.child.pids() and pool.child._ready):  # stopped while loading is the start timeout's case
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.6)
        os.kill(pool.child.pids()[0], signal.SIGSTOP)
        try:
            return await task
        finally:
            pool.close()

    res = asyncio.run(go())
    assert [o.reason for o in res.outcomes] == [None, None, None]
    assert ("child_restart", "test", "stalled") in events and ("verdict", "test", "innocent") in events


def test_a_child_stopped_between_messages_is_not_waited_for_forever() -> None:
    """A child frozen while idle (before it reads the batch) makes no progress on any message:
    the watch must still see it, restart it, and the batch goes through with no dead letter."""
    pool, events = make_pool(budgets=Budgets(cpu_s=5.0, stall_s=1.5, wall_s=30.0))

    async def go():
        try:
            await pool.child.ensure_started()
            os.kill(pool.child.pids()[0], signal.SIGSTOP)
            return await asyncio.wait_for(pool.run([b"a", b"b"]), timeout=60)
        finally:
            pool.close()

    res = asyncio.run(go())
    assert [o.reason for o in res.outcomes] == [None, None] and [o.article_id for o in res.outcomes] == ["a", "b"]
    assert ("child_restart", "test", "stalled") in events and ("verdict", "test", "innocent") in events


def test_a_child_that_dies_on_everything_is_infrastructure_not_poison() -> None:
    pool, events = make_pool(always_crashing_batch)
    res = run(pool, [b"a", b"b"])
    assert res.stopped == "infrastructure" and res.outcomes == [], res
    assert "control message failed" in res.detail
    assert ("verdict", "test", "inconclusive") in events and ("verdict", "test", "guilty") not in events


def test_a_child_that_cannot_start_is_infrastructure() -> None:
    child = ChildProcess("starved", warm=("extract",), memory_limit_mb=64, start_timeout_s=60)
    pool, events = make_pool(child=child)
    res = run(pool, [b"a"])
    assert res.stopped == "infrastructure" and not res.outcomes and ("infrastructure", "test", "child_start") in events


def test_memory_bomb_hits_the_limit_not_the_machine() -> None:
    pool, _events = make_pool(memory_limit_mb=1024)
    res = run(pool, [b"oom", b"b"])
    assert res.outcomes[0].reason == "worker_crashed" and res.outcomes[1].ok
    assert "MemoryError" in res.outcomes[0].message


def test_the_batch_budget_stops_starting_messages_and_returns_the_prefix() -> None:
    pool, _events = make_pool(batch_s=1.0)
    started = time.monotonic()
    res = run(pool, [b"busy:0.25"] * 20)  # 5 s of CPU in all
    assert res.stopped == "time_budget"
    # On an idle core ~4 run within the second; on a loaded machine fewer, but never none and never all.
    assert 1 <= len(res.outcomes) < 20 and all(o.ok for o in res.outcomes)
    assert time.monotonic() - started < 30


def test_abandoning_returns_at_once_and_the_child_is_reused_after_its_message() -> None:
    pool, _events = make_pool(budgets=Budgets(cpu_s=10.0, stall_s=10.0, wall_s=60.0))

    async def go():
        abandon = asyncio.Event()
        try:
            task = asyncio.ensure_future(pool.run([b"a", b"busy:2.0", b"c", b"d"], abandon))
            await asyncio.sleep(1.0)
            t0 = time.monotonic()
            abandon.set()
            first = await task
            waited = time.monotonic() - t0
            second = await pool.run([b"x", b"y"])
            return first, waited, second
        finally:
            pool.close()

    first, waited, second = asyncio.run(go())
    assert first.stopped == "abandoned" and [o.article_id for o in first.outcomes] == ["a"]
    assert waited < 0.5
    assert [o.article_id for o in second.outcomes] == ["x", "y"] and pool.child.starts == 1


def test_two_stages_share_one_child_and_take_turns() -> None:
    child = ChildProcess("shared")
    a = StagePool("a", misbehaving_batch, budgets=FAST, batch_s=60, child=child, control=b"ok")
    b = StagePool("b", misbehaving_batch, budgets=FAST, child=child, control=b"ok")

    async def go():
        try:
            return await asyncio.gather(a.run([b"x", b"regex", b"y"]), b.run([b"p", b"q"]))
        finally:
            child.close()

    out_a, out_b = asyncio.run(go())
    assert [o.reason for o in out_a.outcomes] == [None, "timeout", None]
    # b's batch ran before or after a's, never killed along with it
    assert [o.article_id for o in out_b.outcomes] == ["p", "q"] and all(o.ok for o in out_b.outcomes)
    assert len({o.stats["pid"] for o in out_b.outcomes}) == 1


# ---------------------------------------------------------------------------- messages run in groups
def test_a_group_runs_in_one_stage_call_and_shares_its_cpu() -> None:
    pool, events = make_pool(group=4)
    res = run(pool, [b"a", b"b", b"busy:0.4", b"c", b"d"])
    assert [o.article_id for o in res.outcomes] == ["a", "b", "busy:0.4", "c", "d"] and all(o.ok for o in res.outcomes)
    assert [o.stats["call"] for o in res.outcomes] == [4, 4, 4, 4, 1] and not events
    shares = {o.stats["cpu_s"] for o in res.outcomes[:4]}
    assert len(shares) == 1 and 0.1 <= shares.pop() < 0.4  # the group's CPU, shared evenly


def test_poison_in_a_group_is_proven_alone_and_its_group_mates_go_through() -> None:
    pool, events = make_pool(group=4)
    res = run(pool, [b"a", b"regex", b"c", b"d", b"e"])
    assert [o.reason for o in res.outcomes] == [None, "timeout", None, None, None], [o.message for o in res.outcomes]
    # the group's failure blames no one; its messages then run alone: the poison fails alone three times
    assert events.count(("child_restart", "test", "over_budget")) == 4
    assert ("verdict", "test", "guilty") in events
    assert [o.stats["call"] for o in res.outcomes if o.ok] == [1, 1, 1, 1]


def test_a_group_over_one_message_budget_from_honest_work_is_no_one_s_fault() -> None:
    pool, events = make_pool(group=4)
    res = run(pool, [b"busy:0.4"] * 4)
    assert [o.reason for o in res.outcomes] == [None] * 4
    assert [o.stats["call"] for o in res.outcomes] == [1, 1, 1, 1]
    assert events == [("child_restart", "test", "over_budget")]  # the group's overrun; no verdict on anyone


def test_suspects_stay_suspects_when_the_time_budget_sends_them_back() -> None:
    """The group failed and the batch's time was up: what is fetched again runs alone, never in a failing group."""
    pool, events = make_pool(group=4, batch_s=0.5)

    async def go():
        values, done = [b"a", b"b", b"regex", b"c"], []
        try:
            for _ in range(10):
                res = await pool.run(values)
                done += res.outcomes
                values = values[len(res.outcomes):]
                if not values:
                    return done
        finally:
            pool.close()
        return done

    done = asyncio.run(go())
    assert [o.reason for o in done] == [None, None, "timeout", None]
    assert events.count(("child_restart", "test", "over_budget")) == 4  # one group failure only, then the proof
