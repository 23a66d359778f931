"""The stage cores: the clean and extract stages as batch functions over message bytes (``clean_messages``,
``extract_messages``), shared by the worker and the CLI (``chain.CHAIN`` names them).

Each function takes encoded messages and returns encoded results, so that a
worker can run it in a child process (only bytes cross the process boundary)
and the event loop never decodes, parses or encodes an article itself. They
never raise for a bad input: each input gets an ``Outcome`` that is either
output records or a dead-letter reason.
"""

from __future__ import annotations

import time
import traceback
from typing import Any

import orjson

from . import errors
from .envelope import DEFAULT_MAX_INPUT_BYTES, decode
from .errors import Rejected
from .models import encode, validate
from .outcome import Outcome  # noqa: F401  (re-exported: the stages return it)
from .records import CleanArticle

# The NLP libraries are imported inside the functions: this module is also
# imported by the worker's main process (to name the batch functions it sends to
# its child), which must not pay for trafilatura or spaCy in its own memory.


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


# Output bounds: every record the clean stage writes fits ``max_record_bytes`` by design, so a
# long page is truncated (and says so) rather than rejected by the topic or wedging the stream.
DEFAULT_MAX_RECORD_BYTES = 4 * 1024 * 1024
DEFAULT_MAX_BODY_CHARS = 1_000_000
_FIELD_CAPS = {"title": 2_000, "author": 500, "url": 4_000, "source": 500}
_LIST_CAPS = {"captions": (50, 2_000), "credited_sources": (50, 300), "warnings": (20, 500)}
_REPAIR_CAPS = (200, 300)  # at most 200 repairs, each side at most 300 characters
_MIN_BODY_CHARS = 1_000


def _cut(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, at a paragraph or word boundary near the end when there is one."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    for sep in ("\n\n", "\n", " "):
        at = head.rfind(sep)
        if at >= limit * 0.9:
            return head[:at].rstrip() or head
    return head


def bound_clean_record(record: dict[str, Any], max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES,
                       max_body_chars: int = DEFAULT_MAX_BODY_CHARS) -> bytes:
    """The encoded clean record, at most ``max_record_bytes``: an over-long body is truncated with
    ``body_truncated: true`` and its full length in ``body_full_chars``; other over-long fields are
    capped and named in ``fields_truncated``. ``content_hash`` and ``word_count`` stay those of the
    full article."""
    capped = []
    for name, cap in _FIELD_CAPS.items():
        if isinstance(record.get(name), str) and len(record[name]) > cap:
            record[name] = record[name][:cap]
            capped.append(name)
    for name, (count, chars) in _LIST_CAPS.items():
        items = record.get(name) or []
        bounded = [x[:chars] for x in items[:count]]
        if bounded != items:
            record[name] = bounded
            capped.append(name)
    repairs = record.get("repairs") or []
    count, chars = _REPAIR_CAPS
    bounded_repairs = [{**r, "before": r["before"][:chars], "after": r["after"][:chars]} for r in repairs[:count]]
    if bounded_repairs != repairs:
        record["repairs"] = bounded_repairs
        capped.append("repairs")
    if capped:
        record["fields_truncated"] = capped
    body = record["body"]
    full = len(body)
    limit = min(full, max_body_chars)
    while True:
        if limit < full:
            record["body"] = _cut(body, limit)
            record["body_truncated"] = True
            record["body_full_chars"] = full
        encoded = dumps(record)
        if len(encoded) <= max_record_bytes or limit <= _MIN_BODY_CHARS:
            validate("clean_article", record)
            return encoded
        # Escaped characters can take up to 6 bytes each: shrink in proportion, a little more than needed.
        limit = max(_MIN_BODY_CHARS, int(min(limit, len(record["body"])) * max_record_bytes / len(encoded) * 0.95))


def clean_one(value: bytes | None, max_bytes: int = DEFAULT_MAX_INPUT_BYTES, envelope_only: bool = False, *,
              max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES, max_body_chars: int = DEFAULT_MAX_BODY_CHARS) -> Outcome:
    """Raw message bytes -> one ``clean`` record (bounded, see ``bound_clean_record``), or a dead-letter reason."""
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
        encoded = bound_clean_record(article.to_dict(), max_record_bytes, max_body_chars)
        stats.update(
            decode_s=t1 - t0,
            clean_s=t2 - t1,
            encode_s=time.perf_counter() - t2,
            language=article.language,
            input_format=article.input_format,
        )
        return Outcome(article_id=article.article_id, records=[("clean", article.article_id, encoded)], content_hash=article.content_hash,
                       signature=signature(article.body), published_at=article.published_at, stats=stats)
    except Exception as exc:  # noqa: BLE001 - every input must end as output or dead letter
        return _failure(exc, article_id, stats)


def story_records(article: CleanArticle, result: Any) -> list[tuple[str, str, bytes]]:
    """The story stage's inputs for one extracted article (docs/stories.md, "Wiring plan").

    One ``story_input`` keyed by its aggregation partition (the language) and one
    ``event_mention`` per coded event keyed by its merge block, so every pair of
    mentions that may merge meets in one partition. ``input_ts`` is left empty:
    the story worker takes it from the ingest-time header the record carries.
    """
    from .stories import encode, event_block_key, event_mentions, story_input, story_route_key

    item = story_input(article, result)
    records = [("story_input", story_route_key(item), encode(item))]
    records.extend(("event_mention", event_block_key(m["event"]), encode(m)) for m in event_mentions(article, result))
    return records


def extract_one(value: bytes | None, stories: bool = False) -> Outcome:
    """Clean-record bytes -> one ``enriched`` record + its ``event`` records, or a dead-letter reason.

    With ``stories`` also the story stage's inputs (:func:`story_records`).
    """
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
        records = [("enriched", article_id, encode("enriched_article", result.enriched))]
        records.extend(("event", article_id, encode("event", ev)) for ev in result.events)
        if stories:
            records.extend(story_records(article, result))
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


def clean_messages(values: list[bytes | None], max_bytes: int = DEFAULT_MAX_INPUT_BYTES, *,
                max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES, max_body_chars: int = DEFAULT_MAX_BODY_CHARS) -> list[Outcome]:
    return [clean_one(v, max_bytes, max_record_bytes=max_record_bytes, max_body_chars=max_body_chars) for v in values]


def extract_messages(values: list[bytes | None | tuple[bytes, str]], stories: bool = False) -> list[Outcome]:
    """Parses the batch's texts in one ``nlp.pipe`` call; falls back to one by one if that fails.

    A value may be ``(clean_record, first_article_id)`` for an exact duplicate the
    worker decided to skip: it gets a light enriched record pointing at the first
    article (``skipped_reason: exact_duplicate``) and no parse.
    """
    from .extraction import extract_batch
    from .extraction.extractor import skipped

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
            dup_records = [("enriched", article.article_id, encode("enriched_article", result.enriched))]
            if stories:  # another outlet's copy: it belongs to the story and counts as a source
                dup_records.extend(story_records(article, result))
            outcomes.append(Outcome(article_id=article.article_id, records=dup_records,
                                    stats={"stage": "extract", "skipped_reason": "exact_duplicate", "event_types": []}))
            continue
        articles.append(article)
        outcomes.append(None)
    todo = [a for a in articles if a is not None]
    try:
        results = extract_batch(todo)
    except Exception:  # noqa: BLE001 - isolate the culprit
        return [o if o is not None else extract_one(v if not isinstance(v, tuple) else v[0], stories) for o, v in zip(outcomes, values)]
    per_article = (time.perf_counter() - started) / max(1, len(todo))
    it = iter(results)
    for i, article in enumerate(articles):
        if article is None:
            continue
        result = next(it)
        t0 = time.perf_counter()
        records = [("enriched", article.article_id, encode("enriched_article", result.enriched))]
        records.extend(("event", article.article_id, encode("event", ev)) for ev in result.events)
        if stories:
            records.extend(story_records(article, result))
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
                "events_withheld": result.withheld,
            },
        )
    return [o for o in outcomes if o is not None]


def model_metadata() -> dict[str, str]:
    """Name and version of the NLP model, asked of the child process (where spaCy is loaded)."""
    from .extraction.nlp import model_info

    return model_info()
