"""Main-content extraction from HTML pages: trafilatura, the page's own structure, then a chrome filter.

1. Parse once (any declaration: the ``str`` is re-encoded as UTF-8 and parsed
   as such, so an ``<?xml ... encoding=...?>`` prolog, a BOM or a stale
   ``<meta charset>`` cannot make lxml refuse or mis-decode the page).
2. trafilatura (the best open extractor on article benchmarks) in precision
   mode, fast path: its misses on news pages are mostly extra text, not lost
   text, so precision gains most. When the fast path returns little, the full
   path (readability/justext comparison) runs, and when precision mode still
   finds almost nothing (a brief, a wire alert), trafilatura's default mode
   with its recall fallbacks does.
3. Precision mode deletes the article's ``<header>`` (and every mode deletes
   "teaser" blocks), where many templates keep the standfirst, and a few
   paragraphs inside the article: ``recover`` puts them back from the page
   structure.
4. The line-level chrome model (``chrome.py``, shared with the plain-text path)
   removes what trafilatura let through (headline repeated as first line,
   share/newsletter lines, "Related" headings) and moves captions out.
5. A page with too little article text ends as the publisher's own
   ``articleBody`` (JSON-LD) when it has one, and ``notarticle.classify``
   says whether the page is an article at all (error page, section index,
   paywall or consent stub): a signal on ``Page``, the pipeline decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml import etree

from .chrome import is_caption, is_chrome_line, key, norm
from .recover import headline, recover_ledes, recover_paragraphs
from .metadata import PageMeta, page_metadata
from .metadata import _htmldate as htmldate_published
from .notarticle import classify_page

MAX_HTML_CHARS = 5_000_000  # a news page is < 1 MB; beyond this it is not an article page
_SHORT_EXTRACTION = 1000  # chars: below this the fast path may have missed text, run the full comparison
_MAX_CAPTIONS = 20
_BRIEF_WORDS = 30  # words: below this precision mode may have dropped the one paragraph a brief has
_WORD = re.compile(r"\w+")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]{0,200}\?>")


@dataclass(slots=True)
class Page:
    body: str
    title: str | None = None
    author: str | None = None
    published_at: str | None = None  # ISO-8601 UTC ("Z")
    site: str | None = None
    captions: list[str] | None = None
    description: str | None = None
    not_article: str | None = None  # why the page holds no article ("error page", "section index", ...), else None


class UnusableHtml(ValueError):
    """The markup cannot be parsed into a tree worth extracting from."""


def parse(html: str) -> lxml.html.HtmlElement:
    """lxml tree of the page (at most ``MAX_HTML_CHARS`` of it); ``UnusableHtml`` when there is none.

    The text is handed to lxml as UTF-8 bytes with the encoding forced: the
    caller already decoded the page, so any declaration inside it (XML prolog,
    BOM, ``<meta charset>``) is stale and must not be obeyed. Without
    ``huge_tree`` libxml2 stops nesting at depth 256, so no tree that reaches
    trafilatura or our walks is deeper than that.
    """
    if len(html) > MAX_HTML_CHARS:
        html = html[:MAX_HTML_CHARS]
    html = _XML_DECL.sub("", html.lstrip("\ufeff"), count=1)
    data = html.encode("utf-8", "replace")
    try:
        tree = lxml.html.document_fromstring(data, parser=_parser())
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise UnusableHtml(str(exc)) from None
    if tree is None:
        raise UnusableHtml("empty document")
    return tree


def _parser() -> lxml.html.HTMLParser:
    return lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=False)


def extract_html(html: str, url: str | None = None) -> Page:
    tree = parse(html)
    meta = page_metadata(tree, url, find_date=False)
    lines = _main_text(tree, url)
    body_lines, captions = filter_lines(lines, titles=meta.titles)
    if body_lines:
        starts: dict = {}  # where body lines begin in the tree, found once for both recoveries (the tree is not changed between)
        body_lines = recover_paragraphs(tree, body_lines, starts)
        body_lines = recover_ledes(tree, body_lines, meta.titles, meta.description, starts) + body_lines
    if _words(body_lines) < _BRIEF_WORDS:
        body_lines, captions = _brief(tree, url, meta, body_lines, captions)
    captions = list(dict.fromkeys([*captions, *_figcaptions(tree, meta.titles)]))
    page = Page(
        body="\n\n".join(body_lines),
        captions=captions,
        title=meta.title,
        author=meta.author,
        published_at=meta.published_at or htmldate_published(tree, url),
        site=meta.site,
        description=meta.description,
    )
    page.not_article = classify_page(tree, meta, body_lines)
    return page


def _main_text(tree: lxml.html.HtmlElement, url: str | None) -> list[str]:
    doc = _extract(tree, url, fast=True)
    if doc is None or len(doc.text or "") < _SHORT_EXTRACTION:
        full = _extract(tree, url, fast=False)
        if full is not None and len(full.text or "") > len((doc.text if doc else "") or ""):
            doc = full
    return _lines(doc)


def _lines(doc) -> list[str]:  # doc: trafilatura Document | None
    if doc is None:
        return []
    return [s for s in (norm(p) for p in (doc.text or "").split("\n")) if s]


def _brief(tree: lxml.html.HtmlElement, url: str | None, meta: PageMeta, body: list[str], captions: list[str]) -> tuple[list[str], list[str]]:
    """A page with little text: trafilatura's default (recall-guarded) mode, then the publisher's articleBody."""
    doc = _extract(tree, url, fast=False, precision=False)
    lines, caps = filter_lines(_lines(doc), titles=meta.titles)
    if _words(lines) > _words(body):
        body, captions = recover_ledes(tree, lines, meta.titles, meta.description) + lines, caps
    if meta.article_body and _words(body) < _BRIEF_WORDS:
        ld = [s for s in (norm(p) for p in meta.article_body.split("\n")) if s]
        if _words(ld) > _words(body):
            body = ld
    return body, captions


def _figcaptions(tree: lxml.html.HtmlElement, titles: list[str]) -> list[str]:
    """Captions of the article's figures (trafilatura drops <figcaption>; the record keeps them apart from the body).

    The article's figures are those in the headline's container (two levels
    up from the <h1>) or in its <article>; a figure elsewhere is a teaser's.
    """
    heading = headline(tree, titles)
    if heading is None:
        return []
    containers = [a for a in heading.iterancestors() if a.tag == "article"]
    parent = heading.getparent()
    containers += [c for c in (parent, parent.getparent() if parent is not None else None) if c is not None and c.tag != "body"]
    out: list[str] = []
    for cap in (c for container in dict.fromkeys(containers) for c in container.iter("figcaption")):
        text = norm(cap.text_content())
        if 15 <= len(text) <= 400 and text not in out:
            out.append(text)
        if len(out) >= _MAX_CAPTIONS:
            break
    return out


def _words(lines: list[str]) -> int:
    return sum(len(_WORD.findall(s)) for s in lines)


def _extract(tree: lxml.html.HtmlElement, url: str | None, fast: bool, precision: bool = True):  # -> trafilatura Document | None
    try:
        return trafilatura.bare_extraction(
            tree,
            url=url,
            fast=fast,
            favor_precision=precision,
            include_comments=False,
            include_tables=True,
            with_metadata=False,  # our metadata step reads JSON-LD and meta tags; htmldate only when they say nothing
        )
    except (ValueError, TypeError, RecursionError, etree.LxmlError):
        return None



def filter_lines(lines: list[str], titles: list[str]) -> tuple[list[str], list[str]]:
    """Drop chrome lines trafilatura kept; return (body lines, caption lines)."""
    out: list[str] = []
    captions: list[str] = []
    title_keys = {key(t) for t in titles if t}
    for i, line in enumerate(lines):
        if not out and key(line) in title_keys:
            continue  # the headline repeated as the first paragraph
        if is_chrome_line(line):  # trafilatura already cut trailers: a stop phrase here is a sidebar
            continue
        if is_caption(line):
            captions.append(line)
            continue
        out.append(line)
    return out, captions
