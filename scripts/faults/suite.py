"""The fault suite from Python, on a broker that already runs (the test suite's quick subset).

``run_on(bootstrap, log_dir, names)`` runs the fault-free baseline over the
inputs of the named scenarios, then the scenarios, at reduced sizes, and returns
(baseline result, scenario results). Scenarios that stop or kill brokers need
brokers of their own: run them with ``scripts/faults.sh``.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from types import SimpleNamespace

from .__main__ import _baseline, _union
from .accounting import Result, table
from .scenarios import SCENARIOS, Ctx, items_for

__all__ = ["run_on", "table"]

NEEDS_OWN_BROKERS = {"2_broker_restart", "3_broker_loss", "9_leader_killed_under_load"}


def run_on(bootstrap: str, log_dir: Path, names: list[str], *, scale: float = 0.5, timeout_s: float = 600) -> tuple[Result, list[Result]]:
    assert not NEEDS_OWN_BROKERS & set(names), "these scenarios need scripts/faults.sh"
    items = _union([items_for(n, True, scale) for n in names])
    baseline, outcomes, rate = asyncio.run(_baseline(bootstrap, items, log_dir, timeout_s))
    ctx = Ctx(single=SimpleNamespace(bootstrap=bootstrap, nodes=[]), three=None, log_dir=log_dir, baseline=outcomes,
              rate=rate, timeout_s=timeout_s, quick=True, light=True)
    results = [asyncio.run(SCENARIOS[n][0](ctx, items_for(n, True, scale))) for n in names]
    return baseline, results
