"""Defaults of a careful operator, without a broker: min.insync.replicas from the replication factor on every
created topic, and Faust's producer made idempotent outside exactly-once mode."""

from __future__ import annotations

import pytest

from streams.config import Settings
from streams.kafka_client import make_producer_idempotent, min_insync_replicas, topic_configs
from streams.state.changelog import topic_config


@pytest.mark.parametrize(("rf", "isr"), [(1, "1"), (2, "1"), (3, "2"), (5, "4")])
def test_min_insync_replicas_leaves_room_for_one_broker_down(rf: int, isr: str) -> None:
    assert min_insync_replicas(rf) == isr
    settings = Settings(_env_file=None, topic_replication_factor=rf)
    assert {cfg["min.insync.replicas"] for cfg in topic_configs(settings).values()} == {isr}
    assert topic_config(72 * 3600, rf)["min.insync.replicas"] == isr


def test_replication_factor_defaults_to_the_cluster(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSEVENTS_TOPIC_REPLICATION_FACTOR", raising=False)
    assert Settings(_env_file=None).topic_replication_factor == 0  # resolved at start: min(3, brokers)


def test_faust_producer_settings_are_idempotent_outside_transactions() -> None:
    from faust.transport.drivers.aiokafka import Producer

    class App:
        in_transaction = False

    producer = Producer.__new__(Producer)
    producer.app = App()  # type: ignore[attr-defined]
    make_producer_idempotent()
    make_producer_idempotent()  # twice: still one wrapper
    assert Producer._settings_extra(producer) == {"acks": "all", "enable_idempotence": True}
    assert not hasattr(Producer._settings_extra.__wrapped__, "__wrapped__")
