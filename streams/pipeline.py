"""The two stages as batch functions over message bytes, shared by the worker and the CLI.

Each function takes encoded messages and returns encoded results, so that a
worker can run it in a child process (only bytes cross the process boundary)
and the event loop never decodes, parses or encodes an article itself. They
never raise for a bad input: each input gets an ``Outcome`` that is either
output records or a dead-letter reason.
"""

from __future__ import annotations

import time
import traceback
from dataclasses import dataclass, field
from typing import Any

import orjson

from . import errors
from .envelope import DEFAULT_MAX_INPUT_BYTES, decode
from .errors import Rejected
from .records import CleanArticle

# The NLP libraries are imported inside the functions: this module is also
# imported by the worker's main process (to name the batch functions it sends to
# its child), which must not pay for trafilatura or spaCy in its own memory.


@dataclass(slots=True)
class Outcome:
    """Result of one input: ``records`` to publish, or a dead-letter reason.

    ``records`` holds ``(kind, key, value)`` with kind one of ``clean``,
    ``enriched``, ``event``; ``stats`` carries what the metrics need (per-step
    seconds, event types, language) without the parent decoding the records.
    """

    article_id: str | None = None
    records: list[tuple[str, str, bytes]] = field(default_factory=list)
    reason: str | None = None
    message: str | None = None
    stats: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.reason is None


def dumps(record: dict[str, Any]) -> bytes:
    return orjson.dumps(record)


def _failure(exc: BaseException, article_id: str | None, stats: dict[str, Any]) -> Outcome:
    if isinstance(exc, Rejected):
        return Outcome(article_id=exc.article_id or article_id, reason=exc.reason, message=exc.message, stats=stats)
    where = traceback.extract_tb(exc.__traceback__)[-1:] if exc.__traceback__ else []
    loc = f" at {where[0].filename.rsplit('/', 1)[-1]}:{where[0].lineno}" if where else ""
    return Outcome(
        article_id=article_id,
        reason=errors.INTERNAL_ERROR,
        message=f"{type(exc).__name__}: {str(exc)[:500]}{loc}",
        stats=stats,
    )


def clean_one(value: bytes | None, max_bytes: int = DEFAULT_MAX_INPUT_BYTES, envelope_only: bool = False) -> Outcome:
    """Raw message bytes -> one ``clean`` record, or a dead-letter reason."""
    from .cleaning import clean
    from .cleaning.dedup import signature

    stats: dict[str, Any] = {"stage": "clean"}
    article_id = None
    try:
        t0 = time.perf_counter()
        raw = decode(value, max_bytes=max_bytes, envelope_only=envelope_only)
        article_id = raw.id
        t1 = time.perf_counter()
        article = clean(raw)
        t2 = time.perf_counter()
        encoded = dumps(article.to_dict())
        stats.update(
            decode_s=t1 - t0,
            clean_s=t2 - t1,
            encode_s=time.perf_counter() - t2,
            language=article.language,
            input_format=article.input_format,
            content_hash=article.content_hash,
            signature=signature(article.body),
        )
        return Outcome(article_id=article.article_id, records=[("clean", article.article_id, encoded)], stats=stats)
    except Exception as exc:  # noqa: BLE001 - every input must end as output or dead letter
        return _failure(exc, article_id, stats)


def extract_one(value: bytes | None) -> Outcome:
    """Clean-record bytes -> one ``enriched`` record + its ``event`` records, or a dead-letter reason."""
    from .extraction import extract

    stats: dict[str, Any] = {"stage": "extract"}
    article_id = None
    try:
        t0 = time.perf_counter()
        article = decode_clean(value)
        article_id = article.article_id
        t1 = time.perf_counter()
        result = extract(article)
        t2 = time.perf_counter()
        records = [("enriched", article_id, dumps(result.enriched))]
        records.extend(("event", article_id, dumps(ev)) for ev in result.events)
        stats.update(
            decode_s=t1 - t0,
            extract_s=t2 - t1,
            encode_s=time.perf_counter() - t2,
            language=article.language,
            skipped_reason=result.enriched.get("skipped_reason"),
            event_types=[ev.get("plover_type") or f"CAMEO{ev.get('cameo_code', '')[:2]}" for ev in result.events],
            statements=result.statements,
        )
        return Outcome(article_id=article_id, records=records, stats=stats)
    except Exception as exc:  # noqa: BLE001
        return _failure(exc, article_id, stats)


def decode_clean(value: bytes | None) -> CleanArticle:
    """A record from ``articles.clean``; anything else is ``invalid_record``."""
    if not value:
        raise Rejected(errors.EMPTY_INPUT, "clean record is empty")
    try:
        doc = orjson.loads(value)
        if not isinstance(doc, dict):
            raise TypeError(f"expected an object, got {type(doc).__name__}")
        return CleanArticle.from_dict(doc)
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise Rejected(errors.INVALID_RECORD, f"not a clean-article record: {exc}") from None


def clean_batch(values: list[bytes | None], max_bytes: int = DEFAULT_MAX_INPUT_BYTES) -> list[Outcome]:
    return [clean_one(v, max_bytes) for v in values]


def extract_batch(values: list[bytes | None | tuple[bytes, str]]) -> list[Outcome]:
    """Parses the batch's texts in one ``nlp.pipe`` call; falls back to one by one if that fails.

    A value may be ``(clean_record, first_article_id)`` for an exact duplicate the
    worker decided to skip: it gets a light enriched record pointing at the first
    article (``skipped_reason: exact_duplicate``) and no parse.
    """
    from .extraction import extract_many
    from .extraction.pipeline import skipped

    started = time.perf_counter()
    articles: list[CleanArticle | None] = []
    outcomes: list[Outcome | None] = []
    for v in values:
        duplicate_of = None
        if isinstance(v, tuple):
            v, duplicate_of = v
        try:
            article = decode_clean(v)
        except Exception as exc:  # noqa: BLE001
            articles.append(None)
            outcomes.append(_failure(exc, None, {"stage": "extract"}))
            continue
        if duplicate_of is not None:
            result = skipped(article, "exact_duplicate", duplicate_of)
            articles.append(None)
            outcomes.append(Outcome(article_id=article.article_id, records=[("enriched", article.article_id, dumps(result.enriched))],
                                    stats={"stage": "extract", "skipped_reason": "exact_duplicate", "event_types": []}))
            continue
        articles.append(article)
        outcomes.append(None)
    todo = [a for a in articles if a is not None]
    try:
        results = extract_many(todo)
    except Exception:  # noqa: BLE001 - isolate the culprit
        return [o if o is not None else extract_one(v if not isinstance(v, tuple) else v[0]) for o, v in zip(outcomes, values)]
    per_article = (time.perf_counter() - started) / max(1, len(todo))
    it = iter(results)
    for i, article in enumerate(articles):
        if article is None:
            continue
        result = next(it)
        t0 = time.perf_counter()
        records = [("enriched", article.article_id, dumps(result.enriched))]
        records.extend(("event", article.article_id, dumps(ev)) for ev in result.events)
        outcomes[i] = Outcome(
            article_id=article.article_id,
            records=records,
            stats={
                "stage": "extract",
                "extract_s": per_article,
                "encode_s": time.perf_counter() - t0,
                "language": article.language,
                "skipped_reason": result.enriched.get("skipped_reason"),
                "event_types": [ev.get("plover_type") or f"CAMEO{ev.get('cameo_code', '')[:2]}" for ev in result.events],
                "statements": result.statements,
            },
        )
    return [o for o in outcomes if o is not None]


def model_metadata() -> dict[str, str]:
    """Name and version of the NLP model, asked of the child process (where spaCy is loaded)."""
    from .extraction.nlp import model_info

    return model_info()
