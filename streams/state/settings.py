"""Settings of the state layer (``NEWSEVENTS_*`` environment variables, like ``streams.config``).

Kept in a model of their own until the agents are wired to the layer; then they
join ``streams.config.Settings`` unchanged (same names, same defaults). Every
bound of the layer is here: how long state lives, how finely it is bucketed,
and how much memory RocksDB and the changelog reader may use.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class StateSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NEWSEVENTS_", env_file=".env", extra="ignore")

    data_dir: str = Field(".newsevents-data", description="Worker state directory (the same variable as the worker's).")
    dedup_horizon_hours: float = Field(
        72.0, gt=0, description="How long (event time) duplicate state is remembered: near-copies of wire stories come within hours or days."
    )
    state_buckets: int = Field(
        12, ge=2, le=240, description="Time buckets per horizon: state lives at most one bucket past the horizon; a lookup probes buckets + 1 of them."
    )
    state_block_cache_mb: int = Field(32, ge=1, description="RocksDB block cache shared by a worker's stores (data, index and filter blocks).")
    state_write_buffer_mb: int = Field(8, ge=1, description="RocksDB memtable size per store (at most two per store).")
    state_max_open_files: int = Field(256, ge=16, description="RocksDB open files per store (table cache bound).")
    state_fetch_max_mb: int = Field(4, ge=1, description="Most changelog bytes the reader fetches at once.")
    state_max_ahead_s: float = Field(3600.0, ge=0, description="A published_at later than its Kafka timestamp by more is clamped to it.")

    @property
    def state_dir(self) -> Path:
        return Path(self.data_dir) / "state"

    @property
    def horizon_s(self) -> int:
        return max(1, int(self.dedup_horizon_hours * 3600))
