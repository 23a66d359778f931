"""Dead letters name the article they belong to, also when the verdict came from the executor (a message
proven guilty alone carries no article id of its own): past the clean stage the input's key is the id."""

from __future__ import annotations

from types import SimpleNamespace

import orjson
from prometheus_client import CollectorRegistry

from streams import errors
from streams.metrics import Metrics
from streams.outcome import Outcome
from streams.routing import Router


def router(stage: str) -> Router:
    return Router(stage=stage, outputs={"enriched": "enriched", "event": "events"}, dlq="dlq", metrics=Metrics(CollectorRegistry()),
                  worker_id="w1", dlq_payload_max_bytes=1000)


def event(key: bytes | None, value: bytes = b'{"article_id": "a1"}') -> SimpleNamespace:
    return SimpleNamespace(message=SimpleNamespace(key=key, value=value, topic="articles.clean", partition=1, offset=7,
                                                   timestamp=1.0, headers=[]))


def test_a_guilty_extract_message_is_dead_lettered_under_its_article_id() -> None:
    verdict = Outcome(reason=errors.TIMEOUT, message="proven guilty", stats={"stage": "extract"})
    [out] = router("extract").records(event(b"a1"), verdict)
    record = orjson.loads(out.value)
    assert record["article_id"] == "a1" and out.key == "a1" and record["reason"] == errors.TIMEOUT
    assert record["source"] == {"topic": "articles.clean", "partition": 1, "offset": 7, "timestamp": 1.0, "location": None}


def test_the_outcomes_own_id_wins_and_a_raw_key_is_not_an_article_id() -> None:
    [out] = router("extract").records(event(b"a1"), Outcome(article_id="a2", reason=errors.INTERNAL_ERROR, stats={}))
    assert orjson.loads(out.value)["article_id"] == "a2"
    [raw] = router("clean").records(event(b"producer-key"), Outcome(reason=errors.TIMEOUT, stats={"stage": "clean"}))
    assert orjson.loads(raw.value)["article_id"] is None and raw.key == "articles.clean:1:7"
