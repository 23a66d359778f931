"""Is there an article on this page at all? A signal with a short reason, never an exception.

Crawlers fetch HTTP error pages, section fronts, subscription walls and cookie
interstitials as if they were articles; passed on, their menus and teasers
become "articles" downstream. Each kind is recognised by structure first and
wording second, and a missed stub is cheaper than a real article lost, so every
rule requires that the page has almost no prose of its own:

* **error page** - the title or ``<h1>`` is an HTTP error ("404 - Page not
  found", in the languages of ``cleaning_not_article.tsv``), or the little text
  there is says the page was not found.
* **section index** - many headline links in headings (``<h2><a>``...), no
  headline-like ``<h1>`` and no article type in the page's metadata (JSON-LD
  ``NewsArticle``..., ``og:type=article``), or a listing type
  (``CollectionPage``, ``ItemList``) and no article type.
* **paywall stub** - a short teaser and a visible subscribe / log-in wall. The
  publisher's ``isAccessibleForFree: false`` alone is not enough: publishers
  set it on pages that carry a usable summary, and walls drawn by scripts
  leave nothing to confirm it.
* **consent page** - a cookie / consent notice and nothing else.
* **navigation only** - less than a sentence of text, all of it inside the
  page's furniture (``nav``, ``header``, ``footer``, ``aside``) and no headline:
  a shell whose content never loaded.

Thresholds are in words of prose (lines of at least a sentence), so a
one-paragraph brief with a sidebar of links is an article.
"""

from __future__ import annotations

import re

import lxml.html

from .chrome import norm
from .lexicon import not_article
from .metadata import ARTICLE_TYPES, LISTING_TYPES, PageMeta

ERROR_PAGE = "error page"
SECTION_INDEX = "section index"
PAYWALL_STUB = "paywall stub"
CONSENT_PAGE = "consent page"
NAVIGATION_ONLY = "navigation only"

ERROR_MAX_WORDS = 150  # an error page says a sentence or two; an article about HTTP errors says more
ERROR_TEXT_MAX_WORDS = 60
INDEX_MIN_TEASERS = 8  # headline links in headings
INDEX_MAX_PROSE = 150
INDEX_LINK_SHARE = 0.6  # share of the words that are link text on a headline list
INDEX_MAX_PROSE_UNTYPED = 60  # without a listing type in the metadata, the page must have next to no prose
WALL_MAX_WORDS = 120  # a teaser before the wall is a paragraph or two
CONSENT_MAX_WORDS = 40
BRIEF_MIN_WORDS = 12  # a wire alert has a sentence: this many words of other text make the page an article
HEADLINE_MIN_WORDS = 5  # an article's <h1> is a headline; a section's is its name
_MAX_LINES = 3000
_MAX_LINE = 400
_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_TITLE_PARTS = re.compile(r"[ \t\u00a0]{1,4}[|–—:·•»-][ \t\u00a0]{1,4}")  # bounded runs: linear on a line of blanks
_INVISIBLE = frozenset({"script", "style", "noscript", "template", "svg", "head", "title", "meta", "link", "iframe", "select", "option"})
_FURNITURE = frozenset({"nav", "footer", "aside", "header"})


def words(text: str) -> int:
    """Words, counting CJK characters two to a word (CJK text has no spaces)."""
    cjk = len(_CJK.findall(text))
    if not cjk:
        return len(_WORD.findall(text))
    return len(_WORD.findall(_CJK.sub(" ", text))) + cjk // 2


def prose_words(lines: list[str]) -> int:
    """Words in lines that read as prose (a sentence or more), not labels or link texts."""
    return sum(n for n in (words(s) for s in lines) if n >= 12)


def classify_page(tree: lxml.html.HtmlElement, meta: PageMeta, body: list[str]) -> str | None:
    """Reason the page holds no article, or None when it holds one (or might)."""
    n_body = sum(words(s) for s in body)
    prose = prose_words(body)
    if n_body > ERROR_MAX_WORDS and prose > INDEX_MAX_PROSE:
        return None  # every kind below has almost no prose of its own
    lex = not_article()
    if n_body <= ERROR_MAX_WORDS and _error_title(meta, lex):
        return ERROR_PAGE
    visible = _visible_lines(tree)
    if n_body <= ERROR_TEXT_MAX_WORDS and not _article_typed(tree, meta) and any(
        words(s) <= 25 and lex.error_text.search(s) for s in [*body, *visible[:200]]
    ):
        return ERROR_PAGE
    walled = [s for s in visible if lex.wall.search(s)]
    teaser = sum(words(s) for s in body if not lex.wall.search(s))
    if teaser <= WALL_MAX_WORDS and walled:
        return PAYWALL_STUB
    consent = [s for s in body if lex.consent.search(s)]
    rest = sum(words(s) for s in body if s not in consent)
    if (consent and rest <= CONSENT_MAX_WORDS) or (rest < BRIEF_MIN_WORDS and any(lex.consent.search(s) for s in visible[:300])):
        return CONSENT_PAGE  # the notice is what was extracted, or the page has nothing else (a brief with a banner is an article)
    if 0 < n_body < BRIEF_MIN_WORDS and not meta.h1 and not _article_typed(tree, meta) and not _text_outside_furniture(tree):
        return NAVIGATION_ONLY
    if prose <= INDEX_MAX_PROSE and not _article_typed(tree, meta) and not _headline_h1(meta):
        if meta.types & LISTING_TYPES:
            return SECTION_INDEX
        if prose <= INDEX_MAX_PROSE_UNTYPED and _teaser_headings(tree) >= INDEX_MIN_TEASERS and len(tree.findall(".//article")) != 1:
            return SECTION_INDEX  # one <article> is the page's article; an index has none or one per teaser
        if prose <= INDEX_MAX_PROSE_UNTYPED and _headline_list(tree):
            return SECTION_INDEX
    return None


def classify_text(text: str, body: str) -> str | None:
    """The same judgement for scraped text: only error pages and walls, and only when the text is short.

    Without markup there is no structure to confirm a phrase, so an error page
    needs a whole line that is an error title ("404 Not Found"), not a headline
    that merely contains the words.
    """
    lex = not_article()
    lines = [s for s in (norm(x) for x in text.split("\n")) if s][:_MAX_LINES]
    if not lines:
        return None
    total = 0
    for s in lines:  # counted only until the text is too long to be an error page or a stub
        total += words(s)
        if total > ERROR_MAX_WORDS:
            return None
    if total <= ERROR_TEXT_MAX_WORDS and any(
        len(s) <= _MAX_LINE and any(lex.error_title.fullmatch(p) for p in _title_parts(s)) for s in lines[:3]
    ):
        return ERROR_PAGE  # a whole line says "404 Not Found" / "Seite nicht gefunden", and little else is there
    walled = [s for s in lines if len(s) <= _MAX_LINE and lex.wall.search(s)]
    if walled and sum(words(s) for s in lines if s not in walled) <= WALL_MAX_WORDS:
        return PAYWALL_STUB
    return None


def _title_parts(title: str) -> list[str]:
    """The title and its parts split at separators ("404 | Site name" -> "404", "Site name")."""
    parts = [p.strip(" .!") for p in _TITLE_PARTS.split(title)]
    return [title.strip(" .!"), *[p for p in parts if p]]


def _error_title(meta: PageMeta, lex) -> bool:
    for t in dict.fromkeys([*(meta.titles or []), meta.h1 or ""]):
        if t and len(t) <= _MAX_LINE and any(lex.error_title.fullmatch(p) for p in _title_parts(t)):
            return True
    return False


def _visible_lines(tree: lxml.html.HtmlElement) -> list[str]:
    """Text lines a reader sees: element texts and tails outside scripts, styles and templates."""
    out: list[str] = []
    for el in tree.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _INVISIBLE or (el.get("hidden") is not None) or "display:none" in (el.get("style") or "").replace(" ", ""):
            continue
        for chunk in (el.text, el.tail):
            if chunk and chunk.strip():
                s = norm(chunk)
                if s and len(s) <= _MAX_LINE:
                    out.append(s)
        if len(out) >= _MAX_LINES:
            break
    return out


def _text_outside_furniture(tree: lxml.html.HtmlElement) -> bool:
    """Any visible text that is not inside the page's nav, header, footer or aside (tails belong to the parent)."""
    hidden = _FURNITURE | _INVISIBLE
    for el in tree.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        outside = not any(isinstance(a.tag, str) and a.tag in hidden for a in el.iterancestors())
        if not outside:
            continue
        if tag not in hidden and el.text and el.text.strip():
            return True
        if el.tail and el.tail.strip():
            return True
    return False


def _article_typed(tree: lxml.html.HtmlElement, meta: PageMeta) -> bool:
    if meta.types & ARTICLE_TYPES or (meta.og_type or "").startswith("article"):
        return True
    return tree.find(".//*[@itemprop='articleBody']") is not None


def _headline_h1(meta: PageMeta) -> bool:
    return bool(meta.h1) and words(meta.h1) >= HEADLINE_MIN_WORDS


def _headline_list(tree: lxml.html.HtmlElement) -> bool:
    """A list of headline links is the page's text: at least ``INDEX_MIN_TEASERS`` links of 3+ words outside
    the furniture, carrying most (``INDEX_LINK_SHARE``) of the words there."""
    link_words = teasers = 0
    for a in tree.iter("a"):
        if any(isinstance(x.tag, str) and x.tag in _FURNITURE for x in a.iterancestors()):
            continue
        n = words(norm(a.text_content() or ""))
        link_words += n
        teasers += n >= 3
    if teasers < INDEX_MIN_TEASERS:
        return False
    body = tree.find("body")
    total = 0
    for el in (body if body is not None else tree).iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _INVISIBLE or tag in _FURNITURE or any(isinstance(x.tag, str) and x.tag in (_FURNITURE | _INVISIBLE) for x in el.iterancestors()):
            continue
        total += words(el.text or "") + words(el.tail or "")
    return total > 0 and link_words >= INDEX_LINK_SHARE * total


def _teaser_headings(tree: lxml.html.HtmlElement) -> int:
    """Headings that are links to other pages (a headline list), outside the page's nav, header, footer, aside."""
    n = 0
    for h in tree.iter("h2", "h3", "h4"):
        if any(isinstance(a.tag, str) and a.tag in _FURNITURE for a in h.iterancestors()):
            continue
        link = h.find(".//a")
        if link is None:
            parent = h.getparent()
            link = parent if parent is not None and parent.tag == "a" else None
        if link is not None and words(norm(link.text_content() or "")) >= 3:
            n += 1
    return n
