"""What the story and event-cluster aggregators need of one article, computed where the body is.

``story_input`` turns a clean article and its extraction (enriched record +
events) into one compact record: the article's weighted content-word vector
(:mod:`.terms`), its outlet, title, times, top entities, places, PLOVER types and
tone. ``event_mentions`` turns its events into the records the event-cluster
aggregator reads. Both run in the extract stage's child process (the body and
the NLP are there; the aggregators in the worker's main process then only do
sparse dot products on a few dozen numbers). The two record types travel on
internal topics; their contracts are ``schemas/story-input.schema.json`` and
``schemas/event-mention.schema.json``:

story_input: ``record_type``, ``schema_version``, ``article_id``, ``outlet``,
``title``, ``url``, ``language``, ``published_at``, ``input_ts``, ``terms``
{stem: weight}, ``entities`` [{key, name, type, country, sector, weight}],
``places`` [{name, country}], ``plover_types`` [..], ``tone``.

event_mention: ``record_type``, ``schema_version``, ``event`` (the event record
as published on ``events``), ``outlet``, ``published_at``, ``input_ts``.
"""

from __future__ import annotations

import math
from typing import Any
from urllib.parse import urlsplit

from ..records import CleanArticle, Extraction
from ..extraction.gdelt.tone import tone
from .terms import term_vector

STORY_INPUT_VERSION = "1.0"
EVENT_MENTION_VERSION = "1.0"
MAX_ENTITIES = 8
MAX_PLACES = 6
WEIGHT_DIGITS = 4


def outlet_of(source: str | None, url: str | None) -> str | None:
    """The outlet that published the article: its ``source`` name, else the URL's host without ``www.``."""
    if source and source.strip():
        return source.strip().lower()
    if url:
        host = (urlsplit(url).hostname or "").lower()
        if host.startswith("www."):
            host = host[4:]
        return host or None
    return None


def entity_key(canonical: str) -> str:
    """One key per real-world entity across articles: case- and spacing-insensitive canonical name."""
    return " ".join(canonical.casefold().split())


def _entities(enriched: dict[str, Any]) -> list[dict[str, Any]]:
    best: dict[str, dict[str, Any]] = {}
    for ent in enriched.get("entities") or []:
        name = (ent.get("canonical") or "").strip()
        if not name:
            continue
        key = entity_key(name)
        weight = 1.0 + math.log(max(1, int(ent.get("mentions") or 1)))
        prev = best.get(key)
        if prev is None:
            best[key] = {"key": key, "name": name, "type": ent.get("type"), "country": ent.get("country"), "sector": ent.get("sector"), "weight": weight}
        else:
            prev["weight"] += weight
            prev["country"] = prev["country"] or ent.get("country")
            prev["sector"] = prev["sector"] or ent.get("sector")
    ranked = sorted(best.values(), key=lambda e: (-e["weight"], e["key"]))[:MAX_ENTITIES]
    for e in ranked:
        e["weight"] = round(e["weight"], WEIGHT_DIGITS)
    return ranked


def _places(enriched: dict[str, Any], events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The main event's place first, then the events' places; distinct by (name, country)."""
    found: list[dict[str, Any]] = []
    seen: set[tuple[str, str | None]] = set()
    where = (enriched.get("main_event") or {}).get("where") or None
    candidates = [where] + [ev.get("location") for ev in events]
    for loc in candidates:
        if not loc or not (loc.get("text") or "").strip():
            continue
        key = (loc["text"].strip(), loc.get("country"))
        if key in seen:
            continue
        seen.add(key)
        found.append({"name": key[0], "country": key[1]})
        if len(found) >= MAX_PLACES:
            break
    return found


def happening(event: dict[str, Any]) -> bool:
    """An event that reports something that happened (not denied, not merely possible)."""
    return not event.get("negated") and not event.get("hypothetical")


def story_input(article: CleanArticle, extraction: Extraction, input_ts: float | str | None = None) -> dict[str, Any]:
    """The story aggregator's input for one article (see the module doc for the keys)."""
    enriched, events = extraction.enriched, extraction.events
    types = sorted({ev["plover_type"] for ev in events if ev.get("plover_type") and happening(ev)})
    return {
        "record_type": "story_input",
        "schema_version": STORY_INPUT_VERSION,
        "article_id": article.article_id,
        "outlet": outlet_of(article.source, article.url),
        "title": article.title,
        "url": article.url,
        "language": article.language,
        "published_at": article.published_at,
        "input_ts": input_ts,
        "terms": term_vector(article.title, article.body, article.language),
        "entities": _entities(enriched),
        "places": _places(enriched, events),
        "plover_types": types,
        "tone": enriched["tone"] if "tone" in enriched else tone(article.body),
    }


def event_mentions(article: CleanArticle, extraction: Extraction, input_ts: float | str | None = None) -> list[dict[str, Any]]:
    """One event-cluster input per coded event of the article."""
    outlet = outlet_of(article.source, article.url)
    return [
        {
            "record_type": "event_mention",
            "schema_version": EVENT_MENTION_VERSION,
            "event": event,
            "outlet": outlet,
            "published_at": article.published_at,
            "input_ts": input_ts,
        }
        for event in extraction.events
    ]
