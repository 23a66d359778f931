"""Article text the main-content extractor left out, recovered from the page's structure.

Standfirsts and ledes
---------------------

Why they go missing: trafilatura's precision mode deletes every ``<header>``
element, and all its modes delete blocks whose class says "teaser". Many
templates (German news sites above all, where the bold intro paragraph is
called *Teaser* or *Vorspann*) put the article's first paragraph in exactly
those places: inside the article's ``<header>`` next to the ``<h1>``, or in a
``<p class="...teaser...">``. The extraction then starts at the second
paragraph and the lede, the most informative sentence of a news story, is lost.

The recovery is structural and does not depend on the site: walk the document
from the headline (the ``<h1>`` that matches the page title) to the element
where the extracted body starts, and take the prose blocks found in between
(paragraph-like, ending a sentence, not link text, not inside a figure, caption,
byline, share bar or navigation) when the page itself marks them as the
standfirst: a class/id naming one (``cleaning_structure.tsv``), the page's own
summary (``og:description`` / JSON-LD ``description``) saying the same thing, or
a paragraph in the same ``<header>`` as the headline. Sub-headlines in
``<h2>``/``<h3>`` ("decks") are not taken: they are headings, not article text.

Paragraphs inside the article
-----------------------------
Precision mode also drops blocks inside the article: a paragraph in a
``<header>`` or a box whose class says "bottom" or "link", a paragraph with one
long link, the text that follows an empty inline element. Between the element
where the body starts and the one where it ends, every ``<p>`` that reads as
prose (a sentence or more, not link text, not in a figure, list, aside or
furniture) and is missing from the body is put back at its place in the
document order (or replaces the truncated copy the body has). Two shapes are
put back whatever their length, because why the extractor lost them is known
and has nothing to do with chrome: a paragraph that opens with an empty inline
element (its text is what the extractor drops), and a paragraph that is one
written-out web address (a cited source, dropped as link text). The body's
lines and sub-headings mark where a recovered paragraph goes.

Why one module of ~350 lines: the two recoveries (ledes and standfirsts, paragraphs
inside the article) read the page's structure with the same element tests
(prose, link-heavy, repeated, chrome by class) and the same keys for matching a
recovered block against the extracted body, so it is never added twice.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from .chrome import is_caption, is_drop, is_lead, is_stop, key, norm
from .lexicon import chrome_tokens, lede_tokens

MIN_PARAGRAPH_WORDS = 12
MAX_LEDE_BLOCKS = 3
MAX_LEDE_CHARS = 2000
MAX_WALK = 800  # elements walked between headline and body start; beyond that the layout is not a news page
MIN_CHARS, MIN_WORDS, MIN_CJK = 40, 7, 20
MAX_URL_CHARS = 300
MAX_KNOWN_SHARE = 0.5  # a paragraph whose 4-grams are this much in the body already is not missing from it
_GRAM = 4
_SKIP = frozenset({
    "figure", "figcaption", "aside", "nav", "footer", "form", "button", "script", "style", "noscript", "time",
    "address", "svg", "label", "select", "option", "table", "ul", "ol", "dl", "iframe", "video", "audio", "picture",
    "h1", "h2", "h3", "h4", "h5", "h6", "template", "menu", "input", "textarea", "img",
})
_NOT_PROSE = frozenset({"figure", "figcaption", "aside", "nav", "footer", "form", "button", "table", "ul", "ol", "li", "dl", "blockquote", "a", "noscript", "template", "select"})
_BLOCK = frozenset({"p", "div", "section", "span", "strong", "b", "em", "summary", "blockquote"})
_SUBHEADINGS = ("h2", "h3", "h4", "h5", "h6")
_INLINE = frozenset({"span", "a", "b", "strong", "em", "i", "u", "font"})
_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_SENTENCE_END = re.compile(r"[.!?…。！？»«”“\"')’]\s*$")


def recover_paragraphs(tree: lxml.html.HtmlElement, body: list[str], starts: dict | None = None) -> list[str]:
    """``body`` with the prose paragraphs of the article's span that it lacks, in document order.

    ``starts``: a memo of ``_body_start`` for this tree, shared with ``recover_ledes`` (one XPath search of the page saved).
    """
    if len(body) < 2:
        return body
    first, last = _body_start(tree, body[0], starts), _body_start(tree, body[-1], starts)
    if first is None or last is None or first is last:
        return body
    container = _common_ancestor(first, last)
    if container is None or container.tag in ("html", "body"):
        return body
    keys = [key(line) for line in body]
    joined = " ".join(keys)  # a <p> split at <br> is several body lines: its key spans them
    joined_grams: set[tuple[str, ...]] = set()
    out = list(body)
    pending: list[str] = []
    for p in container.iter("p", *_SUBHEADINGS):
        if _furniture_between(p, container):
            continue
        text = norm(p.text_content())
        k = key(text)
        if not k:
            continue
        if p.tag != "p":  # a sub-heading is never put back, only a place mark: what is pending goes before it
            at = next((i for i, line in enumerate(keys) if line == k), None)
            if pending and at is not None and body[at] in out:
                at = out.index(body[at])
                out[at:at] = pending
                pending = []
            continue
        if k in joined:
            at = _line_of(keys, k)
            if pending and at is not None:
                at = out.index(body[at]) if body[at] in out else None
                if at is not None:
                    out[at:at] = pending
                    pending = []
            continue
        cited = _written_url(text)
        if not (cited or _after_empty_inline(p)) and (len(_WORD.findall(text)) < MIN_PARAGRAPH_WORDS or not _SENTENCE_END.search(text)):
            continue
        if (_linky(p, text) and not cited) or _chrome(p, container) or is_drop(text) or is_stop(text) or is_caption(text):
            continue
        parts = [i for i, part in enumerate(keys) if len(part) >= 30 and part in k]
        if len(parts) > 1:
            continue  # its text is in the body, in several lines
        if parts:
            if out[parts[0]] == body[parts[0]]:
                out[parts[0]] = text  # the body kept only part of it (text after an empty inline element is dropped)
            continue
        if _known_share(k, joined_grams := joined_grams or _grams(joined)) >= MAX_KNOWN_SHARE:
            continue  # the body has this text already, worded or split a little differently
        pending.append(text)
    return out


def _grams(k: str) -> set[tuple[str, ...]]:
    words = k.split()
    return {tuple(words[i : i + _GRAM]) for i in range(max(1, len(words) - _GRAM + 1))}


def _known_share(k: str, known: set[tuple[str, ...]]) -> float:
    """Share of the paragraph's word 4-grams that the body already has."""
    grams = _grams(k)
    return sum(g in known for g in grams) / len(grams) if grams else 1.0


def _written_url(text: str) -> bool:
    """The paragraph is one written-out web address: a source the article cites.

    Navigation and teaser links show words, never the address itself; a
    paragraph that is only an address is the article telling where it got its
    information (the extractor's link-density rule drops it as a link).
    """
    return " " not in text and len(text) <= MAX_URL_CHARS and text.lower().startswith(("http://", "https://", "www."))


def _after_empty_inline(p: lxml.html.HtmlElement) -> bool:
    """The paragraph opens with an empty inline element (a ``<span id="more-...">`` anchor, an empty ``<a name>``).

    The extractor drops the text that follows such an element, so a paragraph
    of this shape is missing for a known mechanical reason, not because it
    reads as chrome: it is put back whatever its length.
    """
    if (p.text or "").strip() or not len(p):
        return False
    first = p[0]
    return isinstance(first.tag, str) and first.tag in _INLINE and not len(first) and not (first.text or "").strip() and bool((first.tail or "").strip())


def _common_ancestor(a: lxml.html.HtmlElement, b: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    ancestors = {a, *a.iterancestors()}
    return next((x for x in (b, *b.iterancestors()) if x in ancestors), None)


def _furniture_between(el: lxml.html.HtmlElement, container: lxml.html.HtmlElement) -> bool:
    for a in el.iterancestors():
        if a is container:
            return False
        if a.tag in _NOT_PROSE:
            return True
    return False


def _line_of(keys: list[str], k: str) -> int | None:
    """The body line holding paragraph ``k``, or the first of several lines it spans (a ``<p>`` split at ``<br>``)."""
    at = next((i for i, line in enumerate(keys) if k in line), None)
    if at is None:
        at = next((i for i, line in enumerate(keys) if line and k.startswith(line)), None)
    return at


def recover_ledes(
    tree: lxml.html.HtmlElement, body: list[str], titles: list[str], description: str | None, starts: dict | None = None
) -> list[str]:
    """Standfirst paragraphs to put before ``body`` (empty when none is found or the body already has it)."""
    if not body:
        return []
    heading = headline(tree, titles)
    if heading is None:
        return []
    start = _body_start(tree, body[0], starts)
    if start is None:
        return []
    desc_words = set(_WORD.findall(description.lower())) if description else set()
    header = next((a for a in heading.iterancestors("header")), None)
    body_keys: str | None = None
    body_grams: set[tuple[str, ...]] = set()
    found: list[str] = []
    total = 0
    for el, text in _blocks_between(heading, start):
        if not _prose(text) or _linky(el, text) or _chrome(el, heading) or _repeated(el):
            continue
        if not (_marked(el) or _same_as(text, desc_words) or (header is not None and el.tag == "p" and _inside(el, header))):
            continue
        k = key(text)
        body_keys = key(" ".join(body)) if body_keys is None else body_keys
        if not k or k in body_keys or any(k in key(f) for f in found):
            continue
        if _known_share(k, body_grams := body_grams or _grams(body_keys)) >= MAX_KNOWN_SHARE:
            continue  # the body opens with it already, worded a little differently
        found.append(text)
        total += len(text)
        if len(found) >= MAX_LEDE_BLOCKS or total >= MAX_LEDE_CHARS:
            break
    return found


def headline(tree: lxml.html.HtmlElement, titles: list[str]) -> lxml.html.HtmlElement | None:
    """The <h1> that states the page title (the first <h1> if none matches)."""
    keys = [key(t) for t in titles if t]
    first = None
    for n, h1 in enumerate(tree.iter("h1")):
        if n >= 5:
            break
        first = first if first is not None else h1
        k = key(h1.text_content())
        if k and any(k == t or (len(k) > 15 and (k in t or t in k)) for t in keys):
            return h1
    return first


def _body_start(tree: lxml.html.HtmlElement, first_line: str, memo: dict | None = None) -> lxml.html.HtmlElement | None:
    """The element where the extracted body begins: its text starts with the body's first line.

    Found by XPath (libxml2 compares the strings, no Python walk); the probe stops
    at the first non-ASCII space, which XPath's normalize-space() does not fold.
    ``memo`` (probe -> element) may be kept across calls on the same, unchanged tree.
    """
    probe = _PROBE_CUT.split(norm(first_line)[:40], maxsplit=1)[0].strip()
    if len(probe) < 12:
        return None
    if memo is not None and probe in memo:
        return memo[probe]
    found = None
    for expr in (_P_STARTS, _ANY_STARTS):
        hits = expr(tree, probe=probe)
        if hits:
            found = hits[0]
            break
    if memo is not None:
        memo[probe] = found
    return found


_P_STARTS = etree.XPath("(//p[starts-with(normalize-space(.), $probe)])[1]")
_ANY_STARTS = etree.XPath("(//body//*[starts-with(normalize-space(.), $probe)][not(*[starts-with(normalize-space(.), $probe)])])[1]")
_PROBE_CUT = re.compile(r"[\u00a0\u2000-\u200b\u202f\u205f\u3000]")


def _blocks_between(heading: lxml.html.HtmlElement, start: lxml.html.HtmlElement):
    """(element, text) of leaf-ish text blocks after ``heading`` and before ``start``, in document order."""
    around = set(start.iterancestors())
    if heading in around or any(a is start for a in heading.iterancestors()):
        return
    walked = 0
    node = heading
    # following siblings of the heading, then of each ancestor: document order after the heading
    while node is not None:
        for sib in node.itersiblings():
            stack = [sib]
            while stack:
                cur = stack.pop()
                walked += 1
                if walked > MAX_WALK or cur is start:
                    return
                tag = cur.tag if isinstance(cur.tag, str) else ""
                if not tag or tag in _SKIP:
                    continue
                if cur in around:
                    stack.extend(reversed(list(cur)))
                    continue
                if tag in _BLOCK and not _has_block_child(cur):
                    text = norm(cur.text_content())
                    if text:
                        yield cur, text
                    continue
                stack.extend(reversed(list(cur)))
        node = node.getparent()


def _has_block_child(el: lxml.html.HtmlElement) -> bool:
    return any(isinstance(c.tag, str) and c.tag in ("p", "div", "section", "ul", "ol", "table", "figure", "h2", "h3") for c in el)



def _prose(text: str) -> bool:
    if len(text) < MIN_CHARS or is_drop(text) or is_stop(text) or is_lead(text) or is_caption(text):
        return False
    cjk = len(_CJK.findall(text))
    if cjk < MIN_CJK and len(_WORD.findall(text)) < MIN_WORDS:
        return False
    return bool(_SENTENCE_END.search(text))


def _linky(el: lxml.html.HtmlElement, text: str) -> bool:
    """Mostly link text, or inside a link: a teaser pointing at another page."""
    if any(a.tag == "a" for a in el.iterancestors()):
        return True
    linked = sum(len(norm(a.text_content())) for a in el.iter("a"))
    return linked > 0.3 * len(text)


def _repeated(el: lxml.html.HtmlElement) -> bool:
    """One of several siblings of the same class (a list of teasers), or of a parent that is one."""
    for node in (el, el.getparent()):
        if node is None or not node.get("class"):
            continue
        parent = node.getparent()
        if parent is not None and sum(1 for c in parent if c.get("class") == node.get("class")) >= 3:
            return True
    return False


def _classes(el: lxml.html.HtmlElement) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}".strip()


def _marked(el: lxml.html.HtmlElement) -> bool:
    """The element or its parent is named as a standfirst by the template."""
    for node in (el, el.getparent()):
        if node is not None and lede_tokens().search(_classes(node)):
            return True
    return False


def _chrome(el: lxml.html.HtmlElement, heading: lxml.html.HtmlElement) -> bool:
    """The block sits in furniture (byline, share bar, caption...) below the headline's container."""
    stop = heading.getparent()
    node = el
    for _ in range(8):
        if node is None or node is stop:
            break
        cls = _classes(node)
        if cls and chrome_tokens().search(cls):
            return True
        node = node.getparent()
    return False


def _same_as(text: str, desc_words: set[str]) -> bool:
    """The block says what the page's own summary says (most of its words are in the description)."""
    if not desc_words:
        return False
    words = _WORD.findall(text.lower())
    return bool(words) and sum(w in desc_words for w in words) >= 0.7 * len(words)


def _inside(el: lxml.html.HtmlElement, container: lxml.html.HtmlElement) -> bool:
    return any(a is container for a in el.iterancestors())
