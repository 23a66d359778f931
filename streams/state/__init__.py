"""Bounded, persistent state shared by a worker group: time-bucketed RocksDB stores with compacted changelogs.

The folder follows the data: ``eventtime`` (what time a record belongs to),
``layout`` (its bytes), ``localdb`` (RocksDB with bounded memory), ``store``
(records, index, expiry), ``changelog`` / ``writer`` / ``reader`` (the topic and
both directions), ``runtime`` (one worker's stores, catch-up, upkeep), ``metrics``,
``slots`` (the directory a worker takes), ``migrate`` (from the Faust GlobalTable changelogs); the settings are
``streams.config.Settings``' ``dedup_horizon_hours`` and ``state_*`` fields. Semantics and
costs: docs/state.md.
"""

from .runtime import StateRuntime
from .store import Found, Store, StoreSpec

__all__ = ["Found", "StateRuntime", "Store", "StoreSpec"]
