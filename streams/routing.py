"""Outcome routing: an input message and its ``Outcome`` become the records to send (or its dead letter).

Pure bookkeeping: topics by record kind, the headers that follow an article
through the stages (ingest time, content hash), dead letters with the input's
source position and bounded payload, and the per-message metrics the child
reported.
"""

from __future__ import annotations

import logging
import time
from typing import Any, Callable, Sequence

from . import errors
from .deadletter import build_dead_letter, dead_letter_key
from .outcome import Outcome
from .cores import dumps
from .publishing import Output

log = logging.getLogger(__name__)

INGEST_TS_HEADER = "newsevents-ingest-ts"
CONTENT_HASH_HEADER = "newsevents-content-hash"


def header(message: Any, name: str) -> bytes | None:
    headers = message.headers or []
    items = headers.items() if hasattr(headers, "items") else headers
    for k, v in items:
        if k == name:
            return v
    return None


class Router:
    """Records for one stage: ``outputs`` maps record kind -> topic name; ``dlq`` is the dead-letter topic;
    ``dead_letter_stage`` names the stage a dead letter is filed under by its reason (``chain.Stage``)."""

    def __init__(self, *, stage: str, outputs: dict[str, str], dlq: str, metrics: Any, worker_id: str, dlq_payload_max_bytes: int,
                 dead_letter_stage: Callable[[str], str] | None = None) -> None:
        self.stage = stage
        self.dead_letter_stage = dead_letter_stage or (lambda reason: stage)
        self.outputs = outputs
        self.dlq = dlq
        self.metrics = metrics
        self.worker_id = worker_id
        self.dlq_payload_max_bytes = dlq_payload_max_bytes

    def records(self, ev: Any, outcome: Outcome) -> list[Output]:
        """The input's records, in the order they must be sent (or its one dead letter)."""
        self.metrics.record_stats(outcome.stats)
        if not outcome.ok:
            return [self.dead_letter(ev, outcome)]
        ingest = self._ingest(ev.message)
        outs = []
        for kind, key, value in outcome.records:
            headers = [(INGEST_TS_HEADER, ingest)]
            if kind == "clean":
                headers.append((CONTENT_HASH_HEADER, (outcome.content_hash or "").encode()))
            outs.append(Output(self.outputs[kind], kind, key, value, headers))
        return outs

    def dead_letter(self, ev: Any, outcome: Outcome, stage: str | None = None) -> Output:
        msg = ev.message
        reason = outcome.reason or errors.INTERNAL_ERROR
        if stage is None:
            stage = self.dead_letter_stage(reason)
        self.metrics.dead_letters.labels(stage=stage, reason=reason).inc()
        record = build_dead_letter(
            stage=stage,
            reason=reason,
            message=outcome.message or "",
            payload=msg.value,
            article_id=self._article_id(msg, outcome),
            topic=msg.topic,
            partition=msg.partition,
            offset=msg.offset,
            timestamp=msg.timestamp,
            location=getattr(msg, "location", None),  # offline (``newsevents process``): the input's file and line
            worker_id=self.worker_id,
            max_payload_bytes=self.dlq_payload_max_bytes,
        )
        if outcome.payload_incomplete:
            # The value was never materialised (a compressed record inflating past the limit): not replayable.
            record["payload"]["truncated"] = True
        log.info("dead letter %s/%s for %s:%s:%s: %s", record["stage"], reason, msg.topic, msg.partition, msg.offset, record["message"][:200])
        return Output(self.dlq, "dlq", dead_letter_key(record), dumps(record), [(INGEST_TS_HEADER, self._ingest(msg))])

    def _article_id(self, msg: Any, outcome: Outcome) -> str | None:
        """The outcome's article id; else, past the clean stage, the input's key, which is the article id
        (a verdict reached by the executor, e.g. a message proven guilty, knows nothing of the record)."""
        if outcome.article_id or self.stage == "clean" or not msg.key:
            return outcome.article_id
        key = msg.key
        try:
            return key.decode("utf-8") if isinstance(key, bytes) else str(key)
        except UnicodeDecodeError:
            return None

    @staticmethod
    def _ingest(msg: Any) -> bytes:
        return header(msg, INGEST_TS_HEADER) or repr(msg.timestamp or time.time()).encode()

    def observe_end_to_end(self, groups: Sequence[Sequence[Output]], acked: float) -> None:
        seen: set[tuple[str, str]] = set()
        for group in groups:
            for out in group:
                if (out.kind, out.key) in seen:
                    continue
                seen.add((out.kind, out.key))
                try:
                    ingest = float(dict(out.headers)[INGEST_TS_HEADER])
                except (KeyError, ValueError):
                    continue
                self.metrics.e2e_seconds.labels(output=out.kind).observe(max(0.0, acked - ingest))
