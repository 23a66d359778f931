"""Page metadata from the page itself: schema.org JSON-LD, ``<meta>`` tags, ``<title>``/``<h1>``, htmldate.

Order of trust, per field: the publisher's JSON-LD for the article
(``NewsArticle``, ``Article``, ``BlogPosting``... — the structured data search
engines read, so publishers keep it right), then ``<meta>`` tags (Open Graph,
Dublin Core, ``article:*``, Parsely/Sailthru), then the document (``<title>``,
``<h1>``, ``<time datetime>``). The publication date falls back to
``htmldate`` (it ships with trafilatura and is the field's date finder) only
when neither JSON-LD nor meta tags give one: it scans the page and costs about
as much as the rest of this module, so it runs only where it is needed.

The JSON-LD is also where pages say what they are (``CollectionPage``,
``ItemList``, ``isAccessibleForFree: false``) and may carry the article text
(``articleBody``): both feed the structural steps of the HTML path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any, Callable

import lxml.etree
import lxml.html
import orjson

from .chrome import norm

ARTICLE_TYPES = frozenset(
    t.lower()
    for t in (
        "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "BackgroundNewsArticle", "ReviewNewsArticle", "AskPublicNewsArticle", "BlogPosting", "LiveBlogPosting",
        "Report", "ScholarlyArticle", "TechArticle", "SocialMediaPosting", "Review", "PressRelease",
    )
)
LISTING_TYPES = frozenset(t.lower() for t in ("CollectionPage", "ItemList", "SearchResultsPage", "WebSite", "SiteNavigationElement"))

_META = {
    "title": ("og:title", "twitter:title", "dc.title", "headline", "title"),
    "published_at": ("article:published_time", "datepublished", "og:published_time", "dc.date.issued", "dc.date",
                     "dcterms.created", "dcterms.date", "date", "pubdate", "publishdate", "publish-date", "sailthru.date",
                     "parsely-pub-date", "article.published", "published_time", "release_date"),
    "author": ("author", "article:author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "byl"),
    "site": ("og:site_name", "application-name", "publisher", "dc.publisher"),
    "description": ("og:description", "description", "twitter:description", "dc.description"),
    "og_type": ("og:type",),
}
_MAX_JSONLD_CHARS = 2_000_000
_EMPTY = (None, "", [], {})  # a JSON-LD property without a value (the fields read from JSON-LD: ``_JSON_LD``, at the end)
_URLISH = re.compile(r"^(?:https?:)?//")
_BYLINE_PREFIX = re.compile(r"^(?:by|von|par|por|di|door)\s+", re.I)


@dataclass(slots=True)
class PageMeta:
    title: str | None = None
    titles: list[str] = field(default_factory=list)  # every headline the page states (for dropping a repeated headline)
    author: str | None = None
    published_at: str | None = None  # ISO-8601 UTC, "Z"
    site: str | None = None
    description: str | None = None
    og_type: str | None = None
    types: set[str] = field(default_factory=set)  # schema.org @type values, lower case
    article_body: str | None = None  # JSON-LD articleBody of the page's article
    accessible_for_free: bool | None = None
    h1: str | None = None


def page_metadata(tree: lxml.html.HtmlElement, url: str | None = None, *, find_date: bool = True) -> PageMeta:
    meta = PageMeta()
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        name = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = (el.get("content") or "").strip()
        if not name or not content:
            continue
        for key, names in _META.items():
            if key not in found and name in names:
                found[key] = content
    meta.types, ld = _json_ld(tree)
    meta.article_body = ld.get("article_body")
    meta.accessible_for_free = ld.get("accessible_for_free")
    h1 = tree.find(".//h1")
    meta.h1 = norm(h1.text_content()) or None if h1 is not None else None
    t = tree.find(".//title")
    doc_title = norm(t.text_content()) if t is not None else ""
    meta.title = norm(ld.get("title") or found.get("title") or meta.h1 or doc_title) or None
    meta.titles = [x for x in dict.fromkeys([ld.get("title") or "", found.get("title", ""), doc_title, meta.h1 or ""]) if x]
    meta.author = _author(ld.get("author") or found.get("author"))
    meta.site = ld.get("site") or found.get("site") or None
    meta.description = norm(ld.get("description") or found.get("description") or "") or None
    meta.og_type = (found.get("og_type") or "").lower() or None
    published = iso_utc(ld.get("published_at")) or iso_utc(found.get("published_at"))
    if published is None:
        for el in tree.iter("time"):
            published = iso_utc(el.get("datetime"))
            if published:
                break
    if published is None and find_date:
        published = _htmldate(tree, url)
    meta.published_at = published
    return meta


def _json_ld(tree: lxml.html.HtmlElement) -> tuple[set[str], dict[str, Any]]:
    """The page's schema.org types, and the ``_JSON_LD`` fields of its first object of an article type."""
    kinds: set[str] = set()
    article: dict | None = None
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        text = (script.text or "").strip()
        if not text or len(text) > _MAX_JSONLD_CHARS:
            continue
        try:
            doc = orjson.loads(text)
        except orjson.JSONDecodeError:
            continue
        stack, seen = [doc], 0
        while stack and seen < 500:  # bounded walk: a page's graph has a few dozen nodes
            node = stack.pop()
            seen += 1
            if isinstance(node, list):
                stack.extend(reversed(node))
                continue
            if not isinstance(node, dict):
                continue
            types = node.get("@type")
            names = {str(x).lower() for x in (types if isinstance(types, list) else [types]) if x}
            kinds |= names
            if article is None and names & ARTICLE_TYPES:
                article = node
            for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement", "hasPart"):
                child = node.get(key)
                if isinstance(child, (list, dict)):
                    stack.append(child)
    if article is None:
        return kinds, {}
    fields = {}
    for name, (reader, properties) in _JSON_LD.items():
        value = next((article[p] for p in properties if article.get(p) not in _EMPTY), None)
        fields[name] = reader(value) if value is not None else None
    return kinds, fields


def _text(value: object) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    return norm(value) or None if isinstance(value, str) else None


def _names(value: object) -> str | None:
    """Author / publisher names: a string, a Person/Organization object, or a list of them."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items[:10]:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str):
            name = norm(name)
            if name and not _URLISH.match(name) and name not in names:
                names.append(name)
    return ", ".join(names) or None


def _flag(value: object) -> bool | None:
    """A schema.org Boolean: true/false, or the words."""
    if isinstance(value, str) and value.strip().lower() in ("false", "true"):
        return value.strip().lower() == "true"
    return value if isinstance(value, bool) else None


def _author(value: str | None) -> str | None:
    if not value:
        return None
    value = _BYLINE_PREFIX.sub("", norm(value))
    return None if not value or _URLISH.match(value) else value[:200]


def _body_text(body: object) -> str | None:
    """JSON-LD articleBody as plain text (some publishers put HTML in it)."""
    if not isinstance(body, str):
        return None
    body = body.strip()
    if not body:
        return None
    if "<" in body and ">" in body:
        try:
            frag = lxml.html.fragment_fromstring(body, create_parent="div")
            for br in frag.iter("br"):
                br.tail = "\n" + (br.tail or "")
            for p in frag.iter("p", "div", "h2", "h3", "li"):
                p.tail = "\n\n" + (p.tail or "")
            body = frag.text_content()
        except (ValueError, lxml.etree.ParserError):
            return None
    return body.strip() or None


def iso_utc(value: str | None) -> str | None:
    """A date as ISO-8601 UTC with ``Z``: ISO 8601 / RFC 3339 (stdlib) or RFC 2822 (email.utils), else None.

    A date without a zone is taken as UTC; a date without a time as midnight UTC.
    """
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    if not value or len(value) > 64:
        return None
    dt: datetime | None = None
    try:
        dt = datetime.fromisoformat(value.replace(" ", "T", 1) if len(value) > 10 and value[10] == " " else value)
    except ValueError:
        try:
            dt = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    if dt is None or not 1900 <= dt.year <= 2100:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _htmldate(tree: lxml.html.HtmlElement, url: str | None) -> str | None:
    """htmldate's publication date (fast mode, original date), as ISO UTC; None when it finds none."""
    try:
        from htmldate import find_date

        found = find_date(tree, url=url, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except (ValueError, TypeError, RecursionError, lxml.etree.LxmlError):
        return None
    return iso_utc(found) if found else None


# The article object's JSON-LD properties per field, in order of trust (the first with a value wins; field names
# as in ``_META``), and the reader that turns the value into the field's.
_JSON_LD: dict[str, tuple[Callable[[Any], Any], tuple[str, ...]]] = {
    "title": (_text, ("headline", "name")),
    "author": (_names, ("author", "creator")),
    "published_at": (_text, ("datePublished", "dateCreated", "uploadDate")),
    "site": (_names, ("publisher",)),
    "description": (_text, ("description",)),
    "article_body": (_body_text, ("articleBody", "text")),
    "accessible_for_free": (_flag, ("isAccessibleForFree",)),
}
