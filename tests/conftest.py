from __future__ import annotations

import gzip
import json
import logging
import os
import socket
from pathlib import Path
from typing import Callable, Iterable

import orjson
import pytest

from kafka_harness import bootstrap

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require_shared(*parts: str, what: str) -> Path:
    """``../shared/<parts>``, the team's data beside the checkout (a user's clone has none).

    Absent: the test is skipped, saying what it needs, except under ``CI=true``,
    where it fails, so CI cannot go green by skipping its evaluation data.
    """
    path = SHARED.joinpath(*parts)
    if path.exists():
        return path
    msg = f"{what} needs ../shared/{'/'.join(parts)} beside the checkout ({path} not found)"
    if in_ci():
        pytest.fail(f"{msg}; CI=true requires it")
    pytest.skip(msg)


def _broker_reachable() -> bool:
    host, _, port = bootstrap().split(",")[0].rpartition(":")
    try:
        with socket.create_connection((host, int(port)), timeout=2):
            return True
    except OSError:
        return False


@pytest.fixture(scope="session")
def kafka() -> str:
    """The real broker; `make test` starts one. Without it, Kafka tests fail in CI and skip elsewhere."""
    if not _broker_reachable():
        if os.environ.get("NEWSEVENTS_TEST_KAFKA") or os.environ.get("CI"):
            pytest.fail(f"Kafka broker not reachable at {bootstrap()} (make test starts one)")
        pytest.skip("no Kafka broker: run `make test`")
    return bootstrap()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (FIXTURES / "seed-article.txt").read_text("utf-8")


class _Failures(logging.Handler):
    """Collects the exceptions the core logs and carries on from (a coder bug costs a sentence or an article its
    events in production, so a test that expects no event must not pass on one)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.failures: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info:
            self.failures.append(f"{record.getMessage()}: {record.exc_info[1]!r}")


def text_events(text: str, article_id: str = "t-text") -> list[dict]:
    """The event records the core extracts from one plain text (the coder's phenomenon tests write their own
    sentences); fails if the core logged an exception on the way."""
    from streams.extraction import extract
    from streams.ids import content_hash
    from streams.records import CleanArticle

    art = CleanArticle(article_id=article_id, body=text, content_hash=content_hash(text), cleaner_version="test",
                       input_format="text", language="en")
    handler, logger = _Failures(), logging.getLogger("streams.extraction")
    logger.addHandler(handler)
    try:
        events = extract(art).events
    finally:
        logger.removeHandler(handler)
    assert not handler.failures, handler.failures
    return events


def codes_by_text(texts: Iterable[str], keep: Callable[[dict], bool] = lambda e: True) -> dict[str, list[str]]:
    """The CAMEO codes of the events each text gives that ``keep`` accepts, by text: a phenomenon's tests compare it
    with ``{text: [] ...}`` to say that none of its sentences codes such an event."""
    return {text: [e["cameo_code"] for e in text_events(text) if keep(e)] for text in texts}


def top_typed_event(events: list[dict]) -> dict:
    """The top typed event of a text, as the owner's scorers pick it: the most confident (ties: the first)."""
    typed = [e for e in events if e["plover_type"]]
    assert typed, events
    order = {id(e): i for i, e in enumerate(typed)}
    return max(typed, key=lambda e: (e["confidence"], -order[id(e)]))


def top_event_fields(text: str) -> tuple[str, str, str, str | None]:
    """(PLOVER type, CAMEO code, source text, target text or None) of the top typed event of a text: what most of
    the coder's phenomenon tests compare."""
    top = top_typed_event(text_events(text))
    return top["plover_type"], top["cameo_code"], top["source"]["text"], (top["target"] or {}).get("text")


def team_envelopes() -> list[tuple[str, bytes]]:
    """The repository's own sample articles (``samples/``, written by the team) as raw-topic messages, by id.

    Read the way ``newsevents produce samples/`` reads them; a file that is not
    UTF-8 goes as raw bytes and is keyed by the id the decoder derives.
    """
    from streams.envelope import decode
    from streams.inputs import iter_inputs

    return [(decode(item.value, envelope_only=item.envelope_only).id, item.value) for item in iter_inputs([str(SAMPLES)])]


def sample_envelopes(n_html: int = 30, n_text: int = 25) -> list[tuple[str, bytes]]:
    """Real articles from ../shared/data as raw-topic envelopes: HTML pages and plain-text news.

    Skips the calling test when ../shared is absent (fails under CI=true).
    """
    out: list[tuple[str, bytes]] = []
    ae = require_shared("data", "article-extraction", what="real news pages (article-extraction dev split)")
    require_shared("data", "giveme5w1h", what="real news texts (Giveme5W1H dev split)")
    gt = json.loads((ae / "ground-truth.json").read_text("utf-8"))
    for pid in sorted(gt)[:n_html]:
        html = gzip.decompress((ae / "html" / f"{pid}.html.gz").read_bytes()).decode("utf-8", "replace")
        aid = f"html-{pid[:16]}"
        out.append((aid, orjson.dumps({"id": aid, "url": gt[pid].get("url"), "html": html})))
    for f in sorted((SHARED / "data" / "giveme5w1h").glob("*.json"))[:n_text]:
        d = json.loads(f.read_text("utf-8"))
        aid = f"g5-{d['dId'][:16]}"
        published = str(d.get("date_publish") or "").replace(" ", "T")
        published = published if published[:2] in ("19", "20") else None
        env = {"id": aid, "url": d.get("url"), "title": d.get("title"), "text": "\n\n".join(x for x in (d.get("title"), d.get("description"), d.get("text")) if x)}
        if published:
            env["published_at"] = published + ("Z" if not published.endswith("Z") else "")
        out.append((aid, orjson.dumps(env)))
    return out
