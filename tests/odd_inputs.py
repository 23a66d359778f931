"""A corpus of short and odd inputs, written by the team: every one is a valid
article that must come out as a clean record with its words kept.

Snippets without final punctuation (wire alerts, feed descriptions,
headlines), headline-only envelopes, RFC 2822 dates, pages with an XML
declaration in several encodings, byte-order marks, pages in German, French,
Spanish, Arabic and Chinese. The stories are invented. Each item says which
words its clean body must contain (all of them, for a short text), the
language it must be tagged with where that is certain, and the date it must
carry.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field, replace

import orjson


@dataclass(frozen=True)
class Odd:
    id: str
    value: bytes  # the message as it arrives on articles.raw
    words: tuple[str, ...]  # must all be in the clean body
    whole: str | None = None  # a short text: the body must hold exactly its words, in order
    language: str | None = None  # the tag it must get, where identification is certain
    english: bool = False  # English news: tagged "en" or undetermined (never another language), and parsed for events
    published_at: str | None = None
    warns: tuple[str, ...] = field(default_factory=tuple)  # substrings of expected clean-record warnings
    title: str | None = None


def _env(**fields: str) -> bytes:
    return orjson.dumps(fields)


def _snippet(aid: str, text: str, language: str | None = "en", english: bool = True, **extra: str) -> Odd:
    return Odd(aid, _env(id=aid, text=text, **extra), tuple(text.split()[:1]), whole=text, language=language, english=english)


def _page(title: str, paragraph: str, *, lang: str, charset: str | None = None, xml: str | None = None, extra_head: str = "") -> str:
    decl = f'<?xml version="1.0" encoding="{xml}"?>\n' if xml else ""
    meta = f'<meta charset="{charset}">' if charset else ""
    return (f'{decl}<!DOCTYPE html>\n<html lang="{lang}"><head>{meta}<title>{title}</title>{extra_head}</head>'
            f'<body><nav><a href="/">Home</a></nav><article><h1>{title}</h1><p>{paragraph}</p></article>'
            f"<footer>Contact</footer></body></html>")


SNIPPETS = [
    _snippet("snip-airport", "Rebels seize airport in Goma as fighting spreads"),
    _snippet("snip-battle", "Battle for Bakhmut rages as troops fight street by street in the city centre"),
    _snippet("snip-quake", "Quake hits Taiwan", language=None),
    _snippet("snip-resigns", "Prime minister resigns", language=None),
    _snippet("snip-boycott", "Opposition boycotts vote in Caracas", language=None),
    _snippet("snip-two-lines", "Senate passes budget bill\nThe vote was 52 to 48 after a night of debate"),
    _snippet("snip-three-sentences", "Explosion reported at the port of Beirut. Witnesses see smoke over the harbour. No casualty figures yet"),
    _snippet("snip-caps", "BREAKING: ARMY DECLARES CURFEW IN BAMAKO", language=None),
    _snippet("snip-hashtag", "#Kenya protesters gather outside parliament in Nairobi 📢 #FinanceBill"),
    _snippet("snip-lower", "police clash with students in dhaka after the exam results", language=None),
    _snippet("snip-one-word", "Ceasefire", language=None, english=False),  # one word holds no event: parsed only from two words
    _snippet("snip-number", "2024", language=None, english=False),
    _snippet("snip-quote", "'We will not retreat,' the general told reporters in Khartoum"),
    _snippet("snip-rss-desc", "Talks between the two delegations ended without agreement and will resume in Doha next week",
             title="Gaza truce talks stall"),
]

HEADLINES = [
    Odd("head-only", _env(id="head-only", title="Ghana and Togo sign maritime border deal"), ("Ghana", "Togo", "maritime", "deal"),
        whole="Ghana and Togo sign maritime border deal", title="Ghana and Togo sign maritime border deal"),
    Odd("head-empty-text", _env(id="head-empty-text", title="Parliament dissolved in Lisbon", text="  \n "), ("Parliament", "Lisbon"),
        whole="Parliament dissolved in Lisbon", title="Parliament dissolved in Lisbon"),
    Odd("head-empty-html", _env(id="head-empty-html", title="Strike shuts ports across Chile", html=""), ("Strike", "Chile"),
        whole="Strike shuts ports across Chile", title="Strike shuts ports across Chile"),
    Odd("head-h1-page", _env(id="head-h1-page", html="<html><head><title>Troops leave Kherson bridgehead</title></head>"
                                                    "<body><h1>Troops leave Kherson bridgehead</h1></body></html>"),
        ("Troops", "Kherson", "bridgehead"), title="Troops leave Kherson bridgehead"),
    Odd("head-no-title-id", _env(title="Turkey closes airspace to military flights"), ("Turkey", "airspace", "flights")),
]

DATES = [
    Odd("date-rss-gmt", _env(id="date-rss-gmt", text="Election commission confirms results in Harare", published_at="Tue, 26 Mar 2024 10:00:00 GMT"),
        ("Harare",), whole="Election commission confirms results in Harare", published_at="2024-03-26T10:00:00Z"),
    Odd("date-rss-offset", _env(id="date-rss-offset", text="Farmers block roads into Brussels", published_at="Wed, 27 Mar 2024 08:15:00 +0100"),
        ("Brussels",), whole="Farmers block roads into Brussels", published_at="2024-03-27T07:15:00Z"),
    Odd("date-iso-local", _env(id="date-iso-local", text="Cabinet approves new defence plan in Seoul", published_at="2024-03-28T09:00:00+09:00"),
        ("Seoul",), whole="Cabinet approves new defence plan in Seoul", published_at="2024-03-28T00:00:00Z"),
    Odd("date-unreadable", _env(id="date-unreadable", text="Navy intercepts migrant boat off Lampedusa", published_at="sometime last week"),
        ("Lampedusa",), whole="Navy intercepts migrant boat off Lampedusa", warns=("published_at", "sometime last week")),
    Odd("date-page-fills", _env(id="date-page-fills", html=_page("Talks resume in Addis Ababa", "Mediators said the two sides met again on Monday.", lang="en",
                                                                charset="utf-8", extra_head='<meta property="article:published_time" content="2024-04-02T12:00:00Z">')),
        ("Mediators", "Monday"), published_at="2024-04-02T12:00:00Z", language="en"),
    Odd("date-envelope-wins", _env(id="date-envelope-wins", published_at="Thu, 04 Apr 2024 06:00:00 GMT",
                                   html=_page("Aid convoy reaches Gaza City", "The convoy crossed at dawn, officials said.", lang="en", charset="utf-8",
                                              extra_head='<meta property="article:published_time" content="2024-04-01T00:00:00Z">')),
        ("convoy", "dawn"), published_at="2024-04-04T06:00:00Z"),
]

_DE = ("Koalition streitet über Rente", "Die Regierungsparteien konnten sich am Dienstag in Berlin nicht auf die Reform der Rente einigen.")
_FR = ("Grève à la SNCF", "Les cheminots ont voté mardi à Paris une grève reconductible à partir de jeudi.")
_ES = ("Protestas en Lima", "Miles de manifestantes marcharon el lunes en Lima para exigir la renuncia del ministro del Interior.")
_AR = ("محادثات في الدوحة", "استأنف الوفدان المحادثات في الدوحة يوم الثلاثاء بوساطة قطرية.")
_ZH = ("外长在北京会谈", "两国外长星期一在北京举行会谈，同意加强贸易合作。")
_JA = ("首相が訪米", "首相は火曜日にワシントンで大統領と会談した。")

ENCODINGS = [
    Odd("xml-utf8", _page(*_DE, lang="de", charset="utf-8", xml="UTF-8").encode("utf-8"), ("Regierungsparteien", "Rente"), language="de"),
    Odd("xml-latin1", _page(*_FR, lang="fr", charset="iso-8859-1", xml="ISO-8859-1").encode("cp1252"), ("cheminots", "grève"), language="fr"),
    Odd("xml-cp1252-quotes", _page("« Non » à Bruxelles", "Le Premier ministre a répondu « non » – sans détour – jeudi à Bruxelles.", lang="fr",
                                   charset="windows-1252", xml="windows-1252").encode("cp1252"), ("Premier", "détour"), language="fr"),
    Odd("xml-utf16-bom", _page(*_ES, lang="es", xml="UTF-16").encode("utf-16"), ("manifestantes", "Lima"), language="es"),
    Odd("xml-shift-jis", _page(*_JA, lang="ja", charset="shift_jis", xml="Shift_JIS").encode("shift_jis"), ("首相は火曜日にワシントンで大統領と会談した",), language="ja"),
    Odd("xml-gb2312", _page(*_ZH, lang="zh", charset="gb2312", xml="gb2312").encode("gb2312"), ("两国外长星期一在北京举行会谈",), language="zh"),
    Odd("meta-only-cp1256", _page(*_AR, lang="ar", charset="windows-1256").encode("cp1256"), ("الدوحة",), language="ar"),
    Odd("no-charset-cp1252", _page("Élection à Genève", "Les électeurs de Genève ont rejeté dimanche le projet de loi sur le logement.", lang="fr").encode("cp1252"),
        ("électeurs", "Genève"), language="fr"),
    Odd("bom-utf8-text", codecs.BOM_UTF8 + "Minister quits after vote of no confidence in Bratislava".encode("utf-8"),
        ("Minister", "Bratislava"), whole="Minister quits after vote of no confidence in Bratislava", language="en"),
    Odd("bom-utf16-text", "Hundreds arrested after protests in Tehran".encode("utf-16"),
        ("Hundreds", "Tehran"), whole="Hundreds arrested after protests in Tehran"),
    Odd("bom-envelope", codecs.BOM_UTF8 + _env(id="bom-envelope", text="\ufeffRussia expels Moldovan diplomat"),
        ("Russia", "Moldovan"), whole="Russia expels Moldovan diplomat"),
    Odd("xml-envelope-html", _env(id="xml-envelope-html", html=_page("Ministers meet in Oslo", "Nordic ministers met in Oslo on Friday to discuss energy.",
                                                                 lang="en", xml="UTF-8")),
        ("Nordic", "Oslo"), language="en"),
]

LANGUAGES = [
    Odd("page-de", _env(id="page-de", html=_page(*_DE, lang="de", charset="utf-8")), ("Regierungsparteien", "einigen"), language="de"),
    Odd("page-fr", _env(id="page-fr", html=_page(*_FR, lang="fr", charset="utf-8")), ("cheminots", "reconductible"), language="fr"),
    Odd("page-es", _env(id="page-es", html=_page(*_ES, lang="es", charset="utf-8")), ("manifestantes", "renuncia"), language="es"),
    Odd("page-ar", _env(id="page-ar", html=_page(*_AR, lang="ar", charset="utf-8")), ("الدوحة", "المحادثات"), language="ar"),
    Odd("page-zh", _env(id="page-zh", html=_page(*_ZH, lang="zh", charset="utf-8")), ("两国外长星期一在北京举行会谈",), language="zh"),
    Odd("text-de-short", _env(id="text-de-short", text="Bundestag beschließt Haushalt", language="de"), ("Bundestag", "Haushalt"),
        whole="Bundestag beschließt Haushalt", language="de"),
    Odd("text-es-short", _env(id="text-es-short", text="Gobierno decreta estado de emergencia en Quito"), ("Gobierno", "Quito"),
        whole="Gobierno decreta estado de emergencia en Quito"),
    Odd("text-ar-short", _env(id="text-ar-short", text="انفجار في ميناء بيروت"), ("بيروت",), whole="انفجار في ميناء بيروت", language="ar"),
    Odd("text-zh-short", _env(id="text-zh-short", text="台湾发生地震"), ("台湾发生地震",), whole="台湾发生地震", language="zh"),
    Odd("short-page", _env(id="short-page", html="<html><body><p>Troops withdraw from the border town of Kupiansk</p></body></html>"),
        ("Troops", "Kupiansk"), language="en"),
]

# English news among the items that are not snippets (headlines, dated items, BOM and XML cases in English).
_ENGLISH = {"head-only", "head-empty-text", "head-empty-html", "head-h1-page", "head-no-title-id", "date-rss-gmt", "date-rss-offset",
            "date-iso-local", "date-unreadable", "date-page-fills", "date-envelope-wins", "bom-utf8-text", "bom-utf16-text",
            "bom-envelope", "xml-envelope-html", "short-page"}
ODD: list[Odd] = [replace(o, english=True) if o.id in _ENGLISH else o for o in SNIPPETS + HEADLINES + DATES + ENCODINGS + LANGUAGES]

# Pages that hold no article: refused as not_an_article once the cleaner's detector reports it.
NOT_ARTICLES = {
    "error-page": _env(id="error-page", html="<html><head><title>404 Not Found</title></head><body><h1>Page not found</h1>"
                                          "<p>Sorry, the page you are looking for does not exist or has been moved.</p>"
                                          '<p><a href="/">Back to the home page</a></p></body></html>'),
    "section-index": _env(id="section-index", html="<html><head><title>World news</title></head><body><h1>World</h1><ul>"
                          + "".join(f'<li><a href="/world/{i}">{h}</a> <span>{i + 1}h ago</span></li>' for i, h in enumerate([
                              "Floods force thousands from homes in Bangladesh", "Kenya's president names new cabinet",
                              "Talks on Nile dam end without a deal", "Chile's senate rejects pension reform",
                              "Fire destroys market in Lagos", "Poland and Lithuania hold joint exercise",
                              "New mayor sworn in in Manila", "Drought threatens harvest in Zambia"]))
                          + '</ul><a href="/world?page=2">More</a></body></html>'),
}
