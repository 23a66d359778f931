"""Runs the extraction steps over one clean article and assembles the records.

Guards before the parser (bad input must give a valid record with a reason,
never an exception, in bounded time): unsupported or undetected-but-not-English
language, no letters, nothing but giant "words" (blanked, offsets kept), text
past the site's trailer markers (cut) and past ``MAX_CHARS`` (truncated, with a
warning). Cutting only a suffix and blanking in place keeps every character
offset in the records valid in ``article.body``.
"""

from __future__ import annotations

import logging
import re
from itertools import islice
from typing import Any, Iterable

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from ..records import ENRICHED_SCHEMA_VERSION, CleanArticle, Extraction
from .actor_dictionary import actor_date
from .doc_index import release
from .entities import EntityTable, resolve_entities
from .events import annotate, code_article, extractor_version
from .gdelt import gdelt_fields, tone
from .main_event import find_main_event
from .nlp import MAX_CHARS, load_nlp, model_info, parse
from .trailer import content_end
from .truecase import parse_truecased, truecase

log = logging.getLogger(__name__)

EXTRACTOR_VERSION = "0.5.0"  # 0.5: a name is cut from the amount after it (entity_amounts); 0.4: a blank line ends a sentence; the stage's own version; the coder's (with its knowledge hash) is coder_version
SUPPORTED_LANGUAGES = {"en"}
_GIANT_TOKEN = re.compile(r"(?<!\S)\S{200,}")  # from a run's first character only: no rescan from inside each word
_WORDS = re.compile(r"[^\W\d_]+")
_MIN_WORDS = 2  # an event needs an actor and a verb: "Minister resigns"
_MAX_TITLE_CHARS = 1_000
_MIN_STOPWORD_SHARE = 0.12  # English prose is ~40% stop words; other languages written in Latin script < 5%


def extract(article: CleanArticle) -> Extraction:
    """Enriched record + coded events; unsupported input gives empty fields and a reason."""
    return extract_batch([article])[0]


def extract_batch(articles: Iterable[CleanArticle]) -> list[Extraction]:
    """Same as ``extract`` for many articles, with the parser batched over them (titles and bodies)."""
    articles = list(articles)
    prepared = [_prepare(a) for a in articles]
    texts = _parser_input(articles, prepared)
    # Docs are consumed as the parser yields them and dropped after their article:
    # holding a whole batch's docs cost ~1 KB per character of text (~100 MB a batch).
    # Title Case lines are parsed in sentence case; the docs keep the original words (truecase.py)
    docs = parse_truecased(texts, parse) if texts else iter(())
    out = []
    for (text, reason, warnings), article in zip(prepared, articles):
        if reason is not None:
            out.append(Extraction(enriched=_enriched(article, [], None, reason, warnings, []), events=[]))
            continue
        title_doc, doc = next(docs), next(docs)
        try:
            out.append(_extracted(article, warnings, title_doc, doc))
        finally:
            release(title_doc)
            release(doc)
    return out


def _extracted(article: CleanArticle, warnings: list[str], title_doc: Doc, doc: Doc) -> Extraction:
    """The records of one parsed article; every step's failure costs only its own fields."""
    try:
        # office-holders are dated by the article's date (None: today, flagged date_unresolved)
        table = resolve_entities(doc, actor_date(article.published_at))
    except Exception as exc:  # a bug must cost this article its entities, not the stream its worker
        log.exception("entity resolution failed on %s", article.article_id)
        warnings.append(f"entities_error:{type(exc).__name__}")
        table = EntityTable([])
    try:
        main_event = find_main_event(doc, table, title_doc if len(title_doc) else None, article.published_at)
    except Exception as exc:
        log.exception("main event failed on %s", article.article_id)
        warnings.append(f"main_event_error:{type(exc).__name__}")
        main_event = None
    if main_event is None:
        warnings.append("no_main_event")
    try:
        # the coder's own components run here, on the parsed doc (parse() is the stock model's components alone)
        coded = code_article(annotate(load_nlp(), doc), table, article)
    except Exception as exc:  # noqa: BLE001 - a bug must cost this article its events, not the stream its worker
        log.exception("event coding failed on %s", article.article_id)
        warnings.append(f"events_error:{type(exc).__name__}")
        coded = None
    events = coded.events if coded is not None else []
    article_tone = _with_gdelt_fields(article, events, warnings)
    enriched = _enriched(article, table.to_list(), main_event, None, warnings, events)
    enriched["tone"] = article_tone
    extraction = Extraction(enriched=enriched, events=events)
    extraction.statements = coded.statements if coded is not None else 0
    extraction.withheld = coded.withheld if coded is not None else 0
    return extraction


def parser_input(articles: Iterable[CleanArticle]) -> list[str]:
    """The texts ``extract_batch`` hands the parser for these articles, in order: title and body of each
    article it extracts, Title Case lines truecased. Lets a benchmark time the parse alone on exactly the
    stage's input."""
    articles = list(articles)
    return [truecase(t) for t in _parser_input(articles, [_prepare(a) for a in articles])]


def _parser_input(articles: list[CleanArticle], prepared: list[tuple[str, str | None, list[str]]]) -> list[str]:
    texts: list[str] = []
    for (text, reason, _), article in zip(prepared, articles):
        if reason is None:
            texts += [_title_text(article.title), text]
    return texts


def skipped(article: CleanArticle, reason: str, duplicate_of: str | None = None) -> Extraction:
    """The record of an article the stage decided not to extract (e.g. an exact duplicate)."""
    enriched = _enriched(article, [], None, reason, [], [])
    if duplicate_of is not None:
        enriched["duplicate_of"] = duplicate_of
    return Extraction(enriched=enriched, events=[])


def _with_gdelt_fields(article: CleanArticle, events: list[dict[str, Any]], warnings: list[str]) -> float | None:
    """Adds GDELT's per-event fields (Goldstein scale, the article's tone, the place geocoded) to each event and
    returns the tone. The tone is computed once per article, here, and the story stage reads it from the enriched
    record; a failure costs the fields, never the article."""
    try:
        article_tone = tone(article.body)
        for ev in events:
            ev.update(gdelt_fields(ev, article_tone))
        return article_tone
    except Exception as exc:  # noqa: BLE001 - a lexicon or geocoder bug must not cost the article its events
        log.exception("GDELT fields failed on %s", article.article_id)
        warnings.append(f"gdelt_fields_error:{type(exc).__name__}")
        for ev in events:
            ev.setdefault("goldstein", None)
            ev.setdefault("tone", None)
            ev.setdefault("geo", None)
        return None


def _title_text(title: str | None) -> str:
    """The title as parsed: bounded, giant tokens blanked (a broken title must not cost more than the body)."""
    title = (title or "")[:_MAX_TITLE_CHARS]
    return _GIANT_TOKEN.sub(lambda m: " " * len(m.group()), title)


def _prepare(article: CleanArticle) -> tuple[str, str | None, list[str]]:
    """(text to parse, skip reason or None, warnings). The text is a same-offset view of the body."""
    warnings: list[str] = []
    body = article.body or ""
    if article.language is not None and article.language not in SUPPORTED_LANGUAGES:
        return "", "unsupported_language", warnings
    text = body[: content_end(body)]
    if len(text) < len(body):
        warnings.append(f"trailer_cut_at_{len(text)}")
    if len(text) > MAX_CHARS:
        cut = text.rfind("\n", 0, MAX_CHARS)
        text = text[: cut if cut > MAX_CHARS // 2 else MAX_CHARS]
        warnings.append(f"truncated_at_{len(text)}_chars")
    if _GIANT_TOKEN.search(text):
        text = _GIANT_TOKEN.sub(lambda m: " " * len(m.group()), text)
        warnings.append("giant_tokens_blanked")
    # the words are counted only when the language is to be guessed from them; else two are enough to know
    head = text[:5000]
    words = _WORDS.findall(head) if article.language is None else [m.group() for m in islice(_WORDS.finditer(head), _MIN_WORDS)]
    if not words:
        return "", "no_text", warnings
    if len(words) < _MIN_WORDS:
        return "", "too_short", warnings
    if article.language is None and len(words) >= 20:
        share = sum(w.lower() in STOP_WORDS for w in words) / len(words)
        if share < _MIN_STOPWORD_SHARE:
            return "", "unsupported_language", warnings
    return text, None, warnings


def _enriched(article: CleanArticle, entities: list[dict[str, Any]], main_event: dict[str, Any] | None, reason: str | None,
              warnings: list[str], events: list[dict[str, Any]] = ()) -> dict[str, Any]:
    """The enriched record. It lists the ids of the article's events and the coder's version, so a consumer
    can replace an article's whole event set after a replay or a coder upgrade (an id absent from the new
    list is an event the new run no longer codes)."""
    return {
        "schema_version": ENRICHED_SCHEMA_VERSION,
        "article_id": article.article_id,
        "url": article.url,
        "source": article.source,
        "title": article.title,
        "language": article.language,
        "published_at": article.published_at,
        "content_hash": article.content_hash,
        "entities": entities,
        "main_event": main_event,
        "skipped_reason": reason,
        "warnings": warnings,
        "model": model_info(),
        "extractor_version": EXTRACTOR_VERSION,
        "event_ids": [ev["event_id"] for ev in events],
        "coder_version": extractor_version(),
    }
