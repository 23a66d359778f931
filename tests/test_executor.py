"""The stage child process: a poison message costs one dead letter, not the batch or the worker."""

from __future__ import annotations

import asyncio

import pytest

from executor_fns import misbehaving_batch
from streams.executor import StagePool

pytestmark = pytest.mark.timeout(120)


def run_pool(values: list[bytes], **kw) -> tuple[list, StagePool]:
    pool = StagePool("test", misbehaving_batch, timeout_s=kw.pop("timeout_s", 3.0), **kw)

    async def go():
        try:
            return await pool.run(values)
        finally:
            pool.close()

    return asyncio.run(go()), pool


def test_good_batch_runs_in_one_child() -> None:
    out, pool = run_pool([b"a", b"b", b"c"])
    assert [o.article_id for o in out] == ["a", "b", "c"] and all(o.ok for o in out)
    assert len({o.stats["pid"] for o in out}) == 1 and pool.restarts == 0


def test_hanging_message_is_timed_out_and_the_rest_go_through() -> None:
    out, pool = run_pool([b"a", b"hang", b"c"], timeout_s=2.0)
    assert [o.reason for o in out] == [None, "timeout", None]
    assert out[0].article_id == "a" and out[2].article_id == "c"
    assert pool.restarts >= 2


def test_crashing_child_is_replaced_and_only_the_culprit_is_dead_lettered() -> None:
    out, _pool = run_pool([b"a", b"crash", b"c"])
    assert [o.reason for o in out] == [None, "worker_crashed", None]


def test_memory_bomb_hits_the_limit_not_the_machine() -> None:
    out, _pool = run_pool([b"oom", b"b"], memory_limit_mb=1024)
    assert out[0].reason in ("worker_crashed", "internal_error", "timeout") and out[1].ok


def test_two_stages_share_one_child_and_take_turns() -> None:
    from streams.executor import ChildProcess

    child = ChildProcess("shared")
    a = StagePool("a", misbehaving_batch, timeout_s=2.0, child=child)
    b = StagePool("b", misbehaving_batch, timeout_s=2.0, child=child)

    async def go():
        try:
            return await asyncio.gather(a.run([b"x", b"hang", b"y"]), b.run([b"p", b"q"]))
        finally:
            child.close()

    out_a, out_b = asyncio.run(go())
    assert [o.reason for o in out_a] == [None, "timeout", None]
    # b's batch ran before or after a's, never killed along with it
    assert [o.article_id for o in out_b] == ["p", "q"] and all(o.ok for o in out_b)
    assert len({o.stats["pid"] for o in out_b}) == 1
