"""Clean stage: seed article, team-written HTML pages (languages, encodings, ledes, briefs, non-articles), repairs, bad input."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import jsonschema
import pytest

from streams import envelope, errors
from streams.cleaning import clean
from streams.cleaning.html import extract_html, parse
from streams.cleaning.repair import repair_text
from streams.cleaning.text import extract_text
from streams.errors import Rejected
from streams.records import RawArticle

FIX = Path(__file__).parent / "fixtures" / "cleaning"
PAGES = FIX / "pages"
SCHEMA = json.loads((Path(__file__).parents[1] / "schemas" / "clean-article.schema.json").read_text("utf-8"))
TRUTH = json.loads((PAGES / "ground-truth.json").read_text("utf-8"))
NOT_ARTICLES = json.loads((PAGES / "not-articles.json").read_text("utf-8"))


def _page(pid: str) -> str:
    return (PAGES / "html" / f"{pid}.html").read_bytes().decode("utf-8")


@pytest.fixture(scope="module")
def seed():
    raw = RawArticle(id="seed", text=(FIX / "seed-article.txt").read_text("utf-8"))
    return clean(raw), json.loads((FIX / "seed-article.expected.json").read_text("utf-8"))["article"]


def test_seed_body_has_no_chrome(seed):
    art, exp = seed
    for s in exp["body_must_not_contain"]:
        assert s not in art.body, s


def test_seed_body_keeps_article(seed):
    art, exp = seed
    for s in exp["body_must_contain"]:
        assert s in art.body, s


def test_seed_captions_repairs_credits_title_language(seed):
    art, exp = seed
    assert art.captions == exp["captions_expected"]
    got = {r.before: r.after for r in art.repairs}
    for before, after in exp["repairs_expected"].items():
        assert got.get(before) == after
    assert set(exp["credited_sources_expected"]) <= set(art.credited_sources)
    assert art.title == exp["title"]
    assert art.language == exp["language"]
    jsonschema.validate(art.to_dict(), SCHEMA)


def _shingles(text):
    toks = re.findall(r"\w+", text)
    return Counter(tuple(toks[i : i + 4]) for i in range(len(toks) - 3)) if len(toks) >= 4 else Counter([tuple(toks)])


def _prf(pred: str, truth: str) -> tuple[float, float]:
    p, t = _shingles(pred), _shingles(truth)
    tp = sum((p & t).values())
    return tp / max(1, sum(p.values())), tp / max(1, sum(t.values()))


@pytest.mark.parametrize("pid", sorted(TRUTH))
def test_fixture_page_body_is_the_article(pid):
    """Every language and layout: the article text, standfirst included, chrome and captions out."""
    truth = TRUTH[pid]
    art = clean(RawArticle(id=pid, url=truth["url"], html=_page(pid)))
    precision, recall = _prf(art.body, truth["articleBody"])
    assert precision >= 0.95 and recall >= 0.95, (precision, recall, art.body)
    first = truth["articleBody"].split("\n\n")[0]
    assert first in art.body, "the lede/standfirst was dropped"
    assert art.input_format == "html" and art.language == truth["language"]
    jsonschema.validate(art.to_dict(), SCHEMA)


@pytest.mark.parametrize("pid", sorted(TRUTH))
def test_fixture_page_metadata_and_signal(pid):
    """Title, author, date (ISO UTC), captions from the page itself; a real article, short or not, is never flagged."""
    expect = TRUTH[pid]["expect"]
    page = extract_html(_page(pid), url=TRUTH[pid]["url"])
    assert page.not_article is None
    for field in ("title", "author", "published_at", "site"):
        if field in expect:
            assert getattr(page, field) == expect[field], field
    for cap in expect.get("captions", []):
        assert cap in page.captions and cap not in page.body


@pytest.mark.parametrize("pid", sorted(NOT_ARTICLES))
def test_pages_without_an_article_are_flagged(pid):
    assert extract_html(_page(pid)).not_article == NOT_ARTICLES[pid]


_ARTICLE_HTML = (
    "<html><head>{meta}<title>Bridge reopens after repairs</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Bridge reopens after repairs</h1>"
    "<p>The old river bridge reopened to traffic on Friday after eight months of repairs, the county said.</p>"
    "<p>Drivers had faced long detours through the industrial estate while the supports were replaced, and "
    "shops near the bridge said their trade had fallen sharply.</p>"
    "<p>Straße, café, naïve: «Übergänge» — 東京.</p></article></body></html>"
)


@pytest.mark.parametrize(
    "prefix,meta",
    [
        ('<?xml version="1.0" encoding="UTF-8"?>\n', ""),
        ('<?xml version="1.0" encoding="ISO-8859-1"?>', '<meta charset="iso-8859-1">'),
        ("\ufeff", ""),
        ("\ufeff<?xml version='1.0' encoding='windows-1252' ?>\n", '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'),
        ("", '<meta charset="shift_jis">'),
        ("", ""),
    ],
)
def test_any_declaration_parses_as_the_decoded_text(prefix, meta):
    """The decoder hands over a str: a stale XML prolog, BOM or meta charset must neither fail nor re-decode it."""
    html = prefix + _ARTICLE_HTML.format(meta=meta)
    assert parse(html).find(".//h1") is not None
    art = clean(RawArticle(id="decl", html=html))
    assert "Straße, café, naïve: «Übergänge» — 東京." in art.body
    assert "eight months of repairs" in art.body and "Home" not in art.body


@pytest.mark.parametrize("encoding", ["utf-8", "iso-8859-1", "windows-1252"])
def test_xml_declared_page_bytes_in_several_encodings_get_a_clean_record(encoding):
    """Raw bytes of an XML-declared page through the envelope decoder and the cleaner: a record, not a dead letter."""
    html = f'<?xml version="1.0" encoding="{encoding}"?>' + _ARTICLE_HTML.format(meta="").replace(" — 東京", "")
    art = clean(envelope.decode(html.encode(encoding)))
    assert "Straße, café, naïve: «Übergänge»." in art.body


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces shell Kharkiv",
        "Breaking: quake of magnitude 6.1 hits the northern coast",
        "Parlament löst sich auf",
        "Le gouvernement démissionne",
        "东京发生强烈地震",
        "انفجار في الميناء",
        "Page not found: police search for missing manuscripts",
    ],
)
def test_short_text_comes_out_whole(text):
    """A snippet without a full stop is the article: every word kept, never flagged."""
    result = extract_text(text)
    assert result.body == text and result.not_article is None


@pytest.mark.parametrize(
    "text,reason",
    [
        ("404 Not Found\nThe requested URL was not found on this server.", "error page"),
        ("Seite nicht gefunden\nZur Startseite", "error page"),
        ("Council weighs new budget\nThe council met on Monday to discuss next year's budget.\nSubscribe to continue reading", "paywall stub"),
        ("Stadt plant neue Brücke\nDer Bau soll 2026 beginnen.\nDieser Artikel ist nur für Abonnenten verfügbar.", "paywall stub"),
    ],
)
def test_text_that_is_not_an_article_is_flagged(text, reason):
    assert extract_text(text).not_article == reason


def test_short_article_pages_with_link_rails_and_promos_are_articles():
    """The false-positive guard: briefs on pages full of headline links, subscribe buttons and no metadata."""
    for pid in ("en-wire-brief", "de-kurzmeldung", "en-short-with-promo"):
        page = extract_html(_page(pid))
        assert page.not_article is None and TRUTH[pid]["articleBody"] in page.body, pid


@pytest.mark.parametrize(
    "glued,fixed,context",
    [
        ("Khameneireiterated", "Khamenei reiterated", "Ali Khamenei spoke. Khamenei said he reiterates it."),
        ("PalestineGaza", "Palestine Gaza", "Gaza is under siege."),
        ("AbdulahianIn", "Abdulahian In", "Minister Abdulahian met him."),
    ],
)
def test_glued_words_split_with_evidence(glued, fixed, context):
    text, reps = repair_text(f"{context} The minister {glued} the sixth meeting.")
    assert fixed in text and reps[0].before == glued and reps[0].after == fixed


@pytest.mark.parametrize("word", ["Abdulahian", "LinkedIn", "McDonald", "YouTube", "SoftBank SoftBank", "DeSantis", "Jacksonville"])
def test_no_split_without_evidence(word):
    text = f"He met {word} in the city of Jackson on Monday."
    assert repair_text(text) == (text, [])


def test_mojibake_fixed_and_recorded():
    text, reps = repair_text("The cafÃ© said donâ€™t worry.")
    assert text == "The café said don’t worry."
    assert {r.kind for r in reps} == {"mojibake"}


def test_clean_text_is_left_alone():
    text = "“Quotes” stay curly — and so do ‘single’ ones… Ｆｕｌｌwidth too."
    assert repair_text(text) == (text, [])


def _reason(value: bytes) -> str | None:
    try:
        clean(envelope.decode(value))
        return None
    except Rejected as exc:
        return exc.reason


@pytest.mark.parametrize(
    "value,reason",
    [
        (b"", errors.EMPTY_INPUT),
        (b"   \n\t  ", errors.EMPTY_INPUT),
        (bytes(range(256)) * 40, errors.UNSUPPORTED_CONTENT),
        (b"<html><body><script>var a=1;</script><p>\xe2\x80\x94 \xc2\xb7 \xe2\x80\x94</p></body></html>", errors.NO_CONTENT),
        pytest.param(
            b"<html><body><script>var a=1;</script><nav>Home</nav></body></html>", errors.NOT_AN_ARTICLE,
            marks=pytest.mark.xfail(not hasattr(__import__("streams.cleaning.html", fromlist=["Page"]).Page, "not_article"),
                                    reason="needs Page.not_article (the clean branch's no-article detector)", strict=True),
        ),
        (b"<html><body>" + b"<div>" * 10_000 + b"x" + b"</div>" * 10_000 + b"</body></html>", None),
    ],
)
def test_bad_input_gets_a_reason(value, reason):
    got = _reason(value)
    if reason is None:
        assert got in (errors.UNSUPPORTED_CONTENT, errors.NO_CONTENT)
    else:
        assert got == reason


def test_invalid_utf8_is_decoded_or_rejected():
    assert _reason(b"caf\xe9 \xff\xfe na\xefve " * 50) in (None, errors.NO_CONTENT, errors.INVALID_ENCODING, errors.UNSUPPORTED_CONTENT)


def test_twenty_megabytes_rejected_quickly():
    big = b"<html><body>" + b"<p>word word word.</p>" * 1_000_000 + b"</body></html>"
    assert len(big) > 20_000_000
    assert _reason(big) == errors.TOO_LARGE
    raw = RawArticle(id="big", html=big.decode())
    with pytest.raises(Rejected) as exc:
        clean(raw)
    assert exc.value.reason == errors.TOO_LARGE


def test_deep_nesting_in_core_is_rejected():
    html = "<html><body>" + "<div>" * 10_000 + "text" + "</div>" * 10_000 + "</body></html>"
    with pytest.raises(Rejected) as exc:
        clean(RawArticle(id="deep", html=html))
    assert exc.value.reason in (errors.UNSUPPORTED_CONTENT, errors.NO_CONTENT)


_PARA = "The council met on Monday and agreed, after a long debate, to extend the programme for another year. "


def test_text_path_resumes_after_mid_article_related_block():
    text = "\n".join([
        "Council extends programme", _PARA * 3, _PARA + "Officials said the cost would rise.",
        "Related stories", "Mayor opens new bridge across the river", "Storm closes schools in the north",
        "Residents welcomed the decision, saying it had helped many families through the winter.",
        "The programme will be reviewed again next spring, the council said in a statement.",
        "Leave a Reply", "Great article, thanks for writing it up so clearly for us.",
    ])
    body = extract_text(text).body
    assert "Residents welcomed the decision" in body and "reviewed again next spring" in body
    assert "Related stories" not in body and "Mayor opens" not in body and "Great article" not in body


def test_text_path_drops_teaser_block_after_article():
    teasers = []
    for i in range(4):
        teasers += [f"Headline number {i} about another story entirely", f"A one-sentence summary of another story number {i} that links away from this page.", f"{i + 1}H ago"]
    body = extract_text("\n".join(["Council extends programme", _PARA * 3, _PARA * 2, *teasers])).body
    assert "summary of another story" not in body and "Headline number" not in body
    assert body.count("The council met") == 5


def test_page_date_falls_back_to_htmldate_only_when_the_page_states_none(monkeypatch):
    """JSON-LD and meta tags first; htmldate (the field's date finder) only for a page that states no date."""
    import streams.cleaning.html as html_mod

    undated = _ARTICLE_HTML.format(meta="")
    page = extract_html(undated, url="https://news.example/2023/11/07/bridge-reopens")
    assert page.published_at == "2023-11-07T00:00:00Z"

    def no_htmldate(*_args, **_kwargs):
        raise AssertionError("htmldate must not run when the page states its date")

    monkeypatch.setattr(html_mod, "htmldate_published", no_htmldate)
    dated = _ARTICLE_HTML.format(meta='<meta property="article:published_time" content="2023-11-07T09:15:00+02:00">')
    assert extract_html(dated).published_at == "2023-11-07T07:15:00Z"


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2024-03-26T10:00:00+01:00", "2024-03-26T09:00:00Z"),
        ("2024-03-26T10:00:00.123Z", "2024-03-26T10:00:00Z"),
        ("2024-03-26", "2024-03-26T00:00:00Z"),
        ("2024-03-26 10:00:00", "2024-03-26T10:00:00Z"),
        ("Tue, 26 Mar 2024 10:00:00 GMT", "2024-03-26T10:00:00Z"),
        ("Tue, 26 Mar 2024 10:00:00 +0100", "2024-03-26T09:00:00Z"),
        ("26.03.2024", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_page_dates_are_iso_utc(value, expected):
    from streams.cleaning.metadata import iso_utc

    assert iso_utc(value) == expected


def test_json_ld_graph_gives_title_author_date_and_type():
    html = """<html><head><script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [
      {"@type": "WebPage", "name": "Ignored"},
      {"@type": ["NewsArticle", "Article"], "headline": "Port reopens after storm",
       "author": [{"@type": "Person", "name": "Ana Ruiz"}, {"@type": "Person", "name": "Li Wei"}],
       "datePublished": "2024-01-05T06:00:00-05:00", "publisher": {"@type": "Organization", "name": "Harbour Daily"}}]}
    </script></head><body><article><h1>Port reopens after storm</h1>
    <p>The port reopened on Friday after a storm closed it for three days, the harbour authority said.</p>
    <p>Shipping companies said the backlog of vessels waiting offshore would take a week to clear.</p></article></body></html>"""
    page = extract_html(html)
    assert (page.title, page.author, page.published_at, page.site) == (
        "Port reopens after storm", "Ana Ruiz, Li Wei", "2024-01-05T11:00:00Z", "Harbour Daily")
    assert page.not_article is None and "backlog of vessels" in page.body


def test_a_page_of_navigation_only_is_not_an_article_but_a_brief_beside_it_is():
    """Text that sits only in the page's furniture (nav, header, footer, aside) is a shell, not an article."""
    shell = "<html><body><header>Daily Courier</header><nav><a href='/'>Home</a> <a href='/w'>World</a></nav><footer>Contact us</footer></body></html>"
    with pytest.raises(Rejected) as exc:
        clean(RawArticle(id="shell", html=shell))
    assert exc.value.reason == errors.NOT_AN_ARTICLE
    brief = shell.replace("</nav>", "</nav><p>Port workers strike over pay in Mombasa</p>")
    assert "Port workers strike over pay in Mombasa" in clean(RawArticle(id="brief", html=brief)).body


def test_a_list_of_headline_links_is_a_section_index():
    items = "".join(f"<li><a href='/n/{i}'>Regional council approves budget item number {i}</a> <span>{i}h ago</span></li>" for i in range(10))
    page = f"<html><head><title>Region</title></head><body><h1>Region</h1><ul>{items}</ul></body></html>"
    with pytest.raises(Rejected) as exc:
        clean(RawArticle(id="index", html=page))
    assert exc.value.reason == errors.NOT_AN_ARTICLE


def _article_page(paragraphs: str) -> str:
    filler = "".join(
        f"<p>The harbour authority said on day {i} that cranes on the northern quay were moving containers again after the repairs.</p>"
        for i in range(6)
    )
    return (
        "<html><head><title>Harbour cranes back at work</title></head><body><nav><a href='/'>Home</a></nav>"
        "<article><h1>Harbour cranes back at work</h1>"
        f"<p>Dock workers returned to the northern quay on Monday after a week of repairs to the cranes there.</p>{filler}"
        f"{paragraphs}"
        "<p>The authority expects the backlog of waiting ships to clear within ten days, its spokesperson added.</p>"
        "</article><footer>Contact us</footer></body></html>"
    )


def test_text_after_an_empty_inline_anchor_is_kept_in_place():
    """A paragraph opening with an empty <span id="more-..."> (a "read more" anchor) keeps its text, however short."""
    page = _article_page("<p><span id='more-42'></span>The quay manager said:</p>"
                         "<p>We lost a week, and we will make it up by working two shifts until the end of the month.</p>")
    body = clean(RawArticle(id="anchor", html=page)).body
    assert "The quay manager said:" in body
    assert body.index("The quay manager said:") < body.index("We lost a week")


def test_a_written_out_source_address_is_kept_before_the_next_heading():
    """A paragraph that is only a written-out URL is a cited source (navigation shows words, not addresses)."""
    page = _article_page("<p><a href='https://example.org/port/report-2024'>https://example.org/port/report-2024</a></p>"
                         "<h2>Shipping lines react</h2>"
                         "<p>Two shipping lines said they would return their vessels to the port schedule next week.</p>")
    body = clean(RawArticle(id="cited", html=page)).body
    assert "https://example.org/port/report-2024" in body
    if "Shipping lines react" in body:
        assert body.index("https://example.org/port/report-2024") < body.index("Shipping lines react")
    assert "Home" not in body.split("\n")


def test_text_path_sentence_closed_by_an_emoji_is_prose_not_a_headline():
    """A first line "...on Saturday! 🙂" is a sentence of the article, not a headline to move to the title."""
    first = "Readers who came to the harbour festival on Saturday sent us their photos! 🙂"
    result = extract_text("\n".join([first, _PARA * 3, _PARA * 3]))
    assert result.title != first and "Readers who came to the harbour festival" in result.body
    plain = extract_text("\n".join(["Readers send photos of the harbour festival", _PARA * 3, _PARA * 3]))
    assert plain.title == "Readers send photos of the harbour festival"


def test_a_long_caption_closed_by_a_credit_is_a_caption():
    caption = ("A cross-section of the proposed module showing the sleeping quarters, the galley and the storage bays, "
               "with the shielding walls drawn in grey. " * 4) + "Credit: Space Design Office"
    assert len(caption) > 400
    result = extract_text("\n".join([_PARA * 3, caption, _PARA * 3]))
    assert "Credit: Space Design Office" not in result.body
    assert any("Credit: Space Design Office" in c for c in result.captions)
    prose = "The agency said the module would be tested next year. " * 10
    assert "credit" not in prose.lower() and caption not in prose


def test_text_path_keeps_the_first_paragraph_when_a_summary_printed_it_above():
    """The page prints the article's first paragraph as a summary near the top; the article's own copy still opens it, once."""
    lede = "Dock workers returned to the northern quay on Monday after a week of repairs to the harbour cranes."
    nav = [f"Section {i}" for i in range(40)]
    rest = [_PARA + f"Officials added detail number {i} about the works." for i in range(5)]
    body = extract_text("\n".join([lede, *nav, lede, *rest])).body
    assert body.startswith(lede) and body.count("Dock workers returned") == 1
    assert "Section 3" not in body


def test_text_path_a_caption_repeated_by_a_gallery_does_not_pull_the_gallery_in():
    caption = "The minister, left, shakes hands with the visiting delegation at the harbour office on Wednesday."
    other = "Crane drivers wait at the gate of the northern quay before the morning shift starts."
    gallery = [caption, other, "1", "/", "8", caption, other, "Back to Gallery"] + [f"Photo {i}" for i in range(12)]
    article = [_PARA + f"Officials added detail number {i} about the works." for i in range(4)]
    body = extract_text("\n".join([*gallery, "Harbour cranes back at work", *article])).body
    assert "Back to Gallery" not in body and "shakes hands" not in body and "Crane drivers" not in body
    assert body.count("The council met") == 4


def test_recovery_does_not_put_back_a_paragraph_the_body_has_in_other_words():
    """The extractor's copy of a paragraph can differ a little from the markup's (an inline element dropped or
    spaced): the structural recovery must not add the paragraph a second time."""
    from streams.cleaning.recover import recover_paragraphs

    paras = [f"On day {i} of the works, officials added detail number {i} about the quay. " + _PARA for i in range(4)]
    tree = parse("<html><body><article>" + "".join(f"<p>{p}</p>" for p in paras) + "</article></body></html>")
    body = list(paras)
    body[1] = body[1].replace("detail number 1", "detail No. 1")  # the extractor's variant of the second paragraph
    assert recover_paragraphs(tree, body) == body


@pytest.mark.parametrize("form", ["Deixe um comentário", "Laisser un commentaire", "Schreibe einen Kommentar", "Lascia un commento",
                                  "Deja una respuesta", "12 Kommentare", "3 comentários"])
def test_text_path_ends_at_a_translated_comment_form(form):
    text = "\n".join([_PARA * 3, _PARA * 2, form, "Great article, thanks for writing it up so clearly for us all."])
    body = extract_text(text).body
    assert form not in body and "Great article" not in body and body.count("The council met") == 5
