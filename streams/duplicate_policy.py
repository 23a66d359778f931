"""What a stage does about duplicates, with its decisions kept in Faust tables so a replay repeats them.

* Clean stage: each clean article's MinHash signature is looked up in the
  near-duplicate index (``duplicates.NearDuplicates``); a hit sets
  ``near_duplicate_of`` on the clean record. The answer is stored per article id.
* Extract stage: an article whose content hash was first seen under another id
  is not extracted again (``(clean_record, first_id)`` goes to the child, which
  writes a light enriched record pointing at the first article). Within one batch
  the first of two identical articles counts as seen for the second.

Replays must give the same records (at-least-once redelivery after a crash, a
rebalance, a given-back batch): so the table writes that decide a record are
flushed to their changelog topic *before* the record is sent (``persist``). A
worker that crashes after sending recovers the decision with the table.
"""

from __future__ import annotations

from typing import Any, Sequence

from .duplicates import NearDuplicates, mark_near_duplicate
from .outcome import Outcome
from .routing import CONTENT_HASH_HEADER, header


class DuplicatePolicy:
    def __init__(self, app: Any, metrics: Any, *, seen_hashes: Any = None, near: NearDuplicates | None = None,
                 skip_exact: bool = False) -> None:
        self.app = app
        self.metrics = metrics
        self.seen_hashes = seen_hashes if skip_exact else None
        self.near = near
        self._ready = False

    @property
    def tables(self) -> list[Any]:
        return [t for t in (self.seen_hashes, getattr(self.near, "store", None)) if t is not None]

    async def prepare(self) -> None:
        """Load producer metadata of the tables' changelog topics before the first write.

        The tables pick the changelog partition from the key (``use_partitioner``),
        which needs the topic's metadata in the producer; a write made before it is
        loaded fails inside Faust.
        """
        if self._ready:
            return
        for table in self.tables:
            producer = table.app.producer._ensure_producer()  # noqa: SLF001 - the aiokafka producer Faust owns
            await producer.partitions_for(table.changelog_topic.get_topic_name())
        self._ready = True

    def inputs(self, events: Sequence[Any]) -> list[Any]:
        """What the child gets per message: the bytes, or ``(bytes, first_id)`` for an exact duplicate to skip."""
        values = [ev.message.value for ev in events]
        if self.seen_hashes is None:
            return values
        in_batch: dict[str, str] = {}
        out: list[Any] = []
        for ev, value in zip(events, values):
            h = header(ev.message, CONTENT_HASH_HEADER)
            key = (ev.message.key or b"").decode("utf-8", "replace")
            digest = h.decode() if h else None
            first = (self.seen_hashes.get(digest) or in_batch.get(digest)) if digest else None
            if first is not None and first != key and value:
                self.metrics.duplicates.labels(kind="exact_skipped").inc()
                out.append((value, first))
            else:
                out.append(value)
                if digest and key:
                    in_batch.setdefault(digest, key)
        return out

    def decide(self, events: Sequence[Any], outcomes: Sequence[Outcome]) -> list[Outcome]:
        """Outcomes with the duplicate decisions applied and recorded in the tables (call ``persist`` next)."""
        decided = [self._near(o) for o in outcomes] if self.near is not None else list(outcomes)
        if self.seen_hashes is not None:
            for ev, out in zip(events, decided):
                h = header(ev.message, CONTENT_HASH_HEADER)
                if out.ok and h and out.article_id and self.seen_hashes.get(h.decode()) is None:
                    self.seen_hashes[h.decode()] = out.article_id
        return decided

    def _near(self, outcome: Outcome) -> Outcome:
        sig = outcome.stats.get("signature")
        if not (outcome.ok and sig and outcome.article_id):
            return outcome
        first = self.near.check(outcome.article_id, sig)  # type: ignore[union-attr]
        if first is None:
            return outcome
        self.metrics.duplicates.labels(kind="near").inc()
        records = [(kind, key, mark_near_duplicate(value, first) if kind == "clean" else value) for kind, key, value in outcome.records]
        return Outcome(article_id=outcome.article_id, records=records, reason=outcome.reason, message=outcome.message,
                       stats=outcome.stats)

    async def persist(self) -> None:
        """Wait until the tables' changelog writes are acknowledged (before the records they decided are sent)."""
        if self.tables:
            await self.app.producer.flush()
