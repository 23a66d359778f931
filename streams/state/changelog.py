"""A store's changelog topic: its name, its broker config, and making sure it exists.

One compacted topic per store, with as many partitions as the input topic the
store follows (a record written while processing input partition ``p`` goes to
changelog partition ``p``). Compaction keeps the latest value per key; expired
records are deleted with tombstones (see ``store.py``), so the topic holds about
what the live horizon holds, not the whole history.

Config and why:

* ``cleanup.policy=compact``;
* ``min.insync.replicas = max(1, RF - 1)``: with acks=all a write survives the
  loss of a broker, and one broker down does not stop writes;
* ``segment.ms`` = horizon / 12 (at least 10 minutes): the active segment is
  never compacted, so a week-long default would keep every expired record a week;
* ``max.compaction.lag.ms`` = the horizon: an expired record is removed within a
  horizon of its tombstone even on a quiet topic;
* ``delete.retention.ms`` = 1 day: how long tombstones stay readable. A reader
  that was away longer misses some; harmless, because every reader also drops
  expired buckets by itself (tombstones only shrink the topic).
"""

from __future__ import annotations

import logging
from aiokafka.admin import AIOKafkaAdminClient, NewPartitions, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

log = logging.getLogger(__name__)


class StateError(RuntimeError):
    """The state layer cannot run as configured (e.g. a changelog with more partitions than its input)."""


def changelog_topic(app_id: str, store: str) -> str:
    return f"{app_id}-{store}-changelog"


def topic_config(horizon_s: int, replication_factor: int) -> dict[str, str]:
    horizon_ms = horizon_s * 1000
    return {
        "cleanup.policy": "compact",
        "min.insync.replicas": str(max(1, replication_factor - 1)),
        "segment.ms": str(max(600_000, horizon_ms // 12)),
        "max.compaction.lag.ms": str(max(600_000, horizon_ms)),
        "delete.retention.ms": str(86_400_000),
    }


async def topic_partitions(admin: AIOKafkaAdminClient, topics: list[str]) -> dict[str, int]:
    """Partition count of each topic that exists (absent ones are left out; nothing is created)."""
    existing = set(await admin.list_topics())
    wanted = [t for t in topics if t in existing]
    if not wanted:
        return {}
    out: dict[str, int] = {}
    for meta in await admin.describe_topics(wanted):
        if meta.get("error_code", 0) == 0:
            out[meta["topic"]] = len(meta["partitions"])
    return out


async def ensure_changelog(admin: AIOKafkaAdminClient, topic: str, *, partitions: int, replication_factor: int, horizon_s: int) -> None:
    """Create the changelog (or grow it to ``partitions``); refuse one with more partitions than its input."""
    have = (await topic_partitions(admin, [topic])).get(topic)
    if have is None:
        try:
            await admin.create_topics([NewTopic(name=topic, num_partitions=partitions, replication_factor=replication_factor,
                                                topic_configs=topic_config(horizon_s, replication_factor))])
            log.info("created state changelog %s (%d partitions)", topic, partitions)
        except TopicAlreadyExistsError:
            pass
        return
    if have < partitions:
        log.warning("state changelog %s has %d partitions, its input %d: adding partitions", topic, have, partitions)
        await admin.create_partitions({topic: NewPartitions(total_count=partitions)})
    elif have > partitions:
        raise StateError(
            f"state changelog {topic} has {have} partitions but its input topic {partitions}: "
            "input partition p must map to changelog partition p (a topic cannot shrink; delete the changelog "
            "to rebuild it, see docs/state.md)"
        )

