"""Inputs for the fault suite: many unique, news-like articles, and every kind of hostile message.

Every input is an ``Item`` with a unique key, deterministic for its seed, so the
baseline run and every scenario see exactly the same bytes under the same key.
Good articles are generated from sentence templates written for this suite
(actors, actions, places, sources), five sentences and a unique line each: they
read like short wire copy, produce coded events, and carry no text of any data
set. Hostile messages may have no id at all: the suite accounts for them by their
raw-topic position (a dead letter names its source partition and offset) or,
when the worker accepts them, by the id the worker derives (``expected_id``).
"""

from __future__ import annotations

import gzip
import random
from dataclasses import dataclass

import orjson

MiB = 1024 * 1024


@dataclass(slots=True)
class Item:
    key: str                 # unique per input; the Kafka key
    value: bytes
    kind: str                # "good", "long", "slow" or the hostile kind
    expected_id: str | None  # article id the worker will use, None when it must be dead-lettered at decode
    compress: bool = False   # sent in a gzip-compressed record batch of its own


# ---------------------------------------------------------------------- good articles
_COUNTRIES = ["Brazil", "Kenya", "Norway", "Vietnam", "Peru", "Ghana", "Poland", "Chile", "Turkey", "Egypt",
              "Japan", "Canada", "Nigeria", "Mexico", "India", "Germany", "Indonesia", "Morocco", "Sweden",
              "Argentina", "Ethiopia", "Pakistan", "Thailand", "Ukraine", "Colombia"]
_CITIES = {"Brazil": "Brasilia", "Kenya": "Nairobi", "Norway": "Oslo", "Vietnam": "Hanoi", "Peru": "Lima",
           "Ghana": "Accra", "Poland": "Warsaw", "Chile": "Santiago", "Turkey": "Ankara", "Egypt": "Cairo",
           "Japan": "Tokyo", "Canada": "Ottawa", "Nigeria": "Abuja", "Mexico": "Mexico City", "India": "New Delhi",
           "Germany": "Berlin", "Indonesia": "Jakarta", "Morocco": "Rabat", "Sweden": "Stockholm",
           "Argentina": "Buenos Aires", "Ethiopia": "Addis Ababa", "Pakistan": "Islamabad", "Thailand": "Bangkok",
           "Ukraine": "Kyiv", "Colombia": "Bogota"}
_ACTORS = ["The government of {a}", "The foreign minister of {a}", "The president of {a}", "Police in {city}",
           "Rebel fighters in northern {a}", "The central bank of {a}", "A trade delegation from {a}",
           "Opposition lawmakers in {a}", "The defence ministry of {a}", "Farmers' unions in {a}"]
_ACTIONS = ["signed a fishing agreement with {b}", "accused {b} of breaking the ceasefire along the border",
            "met envoys from {b} to discuss port security", "pledged {n} million dollars in flood relief to {b}",
            "arrested {n} demonstrators near the finance ministry", "criticised the decision by {b} to raise grain tariffs",
            "called for new talks with {b} over river water", "threatened to impose sanctions on {b}",
            "welcomed the release of {n} detained sailors by {b}", "expelled two junior diplomats from {b}",
            "agreed with {b} to reopen the northern rail link", "rejected a proposal from {b} on fishing quotas"]
_WHEN = ["on Monday", "on Tuesday", "on Wednesday", "late on Thursday", "on Friday", "over the weekend", "earlier this week"]
_SOURCES = ["officials said", "a spokesman said", "state radio reported", "local reporters said",
            "the ministry said in a statement", "witnesses told reporters"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _sentence(r: random.Random) -> str:
    a, b = r.sample(_COUNTRIES, 2)
    actor = r.choice(_ACTORS).format(a=a, city=_CITIES[a])
    action = r.choice(_ACTIONS).format(b=b, n=r.randint(2, 90))
    return f"{actor} {action} {r.choice(_WHEN)}, {r.choice(_SOURCES)}."


def _article_text(r: random.Random, sentences: int, tag: str) -> str:
    return " ".join(_sentence(r) for _ in range(sentences)) + f" The agency said report {tag} was filed on {r.choice(_DAYS)}."


def good_articles(n: int, *, prefix: str = "g", seed: int = 1, start: int = 0) -> list[Item]:
    """``n`` short plain-text English articles with unique ids and content (``prefix-00000`` ...)."""
    items = []
    for i in range(start, start + n):
        r = random.Random(f"{seed}:{prefix}:{i}")
        aid = f"{prefix}-{i:05d}"
        env = {"id": aid, "text": _article_text(r, 5, f"{prefix} {i}"), "published_at": "2024-03-27T10:00:00Z"}
        items.append(Item(aid, orjson.dumps(env), "good", aid))
    return items


def long_articles(n: int, *, chars: int = 1_300_000, prefix: str = "long", seed: int = 2) -> list[Item]:
    """Articles of ``chars`` characters of varied prose (paragraphs of generated sentences): their
    clean records exceed an ordinary 1 MB topic limit unless the worker bounds them."""
    items = []
    for i in range(n):
        r = random.Random(f"{seed}:{prefix}:{i}")
        paras, size = [], 0
        while size < chars:
            para = " ".join(_sentence(r) for _ in range(6))
            paras.append(para)
            size += len(para) + 2
        aid = f"{prefix}-{i:03d}"
        env = {"id": aid, "text": "\n\n".join(paras) + f"\n\nThe agency said report {prefix} {i} was filed late.",
               "published_at": "2024-03-27T10:00:00Z"}
        items.append(Item(aid, orjson.dumps(env), "long", aid))
    return items


def slow_articles(n: int, *, chars: int = 60_000, prefix: str = "slow", seed: int = 3) -> list[Item]:
    """Articles long enough that extracting them takes seconds of CPU (a scenario sets the budget near that)."""
    return [Item(it.key, it.value, "slow", it.expected_id) for it in long_articles(n, chars=chars, prefix=prefix, seed=seed)]


# ---------------------------------------------------------------------- hostile
_OTHER_LANGUAGE = [
    "Die Regierung hat am Montag in Berlin ein neues Abkommen mit Frankreich unterzeichnet, teilte ein Sprecher mit.",
    "Le gouvernement a annoncé mardi à Paris de nouvelles mesures contre la hausse des prix, selon le ministre.",
    "El presidente se reunió el miércoles con el primer ministro de Canadá en la capital.",
    "Премьер-министр встретился в Москве с президентом соседней страны, сообщили в правительстве.",
    "外交部发言人周三在北京表示，中方愿与各方加强合作。",
    "أعلنت وزارة الخارجية يوم الخميس في القاهرة عن استئناف المحادثات.",
    "政府は金曜日、東京で新たな協定に署名したと発表した。",
]

KINDS = [
    "random_bytes", "invalid_json", "truncated_json", "wrong_types", "no_content", "nul_bytes",
    "invalid_utf8", "surrogates", "other_language", "backtracking", "tiny_sentences", "deep_html",
    "huge_attribute", "huge_body", "boilerplate_quadratic", "clock_prepositions", "compression_bomb",
    "compressed_article",
]


def boilerplate_quadratic(size: int = 416 * 1024) -> str:
    """One segment, ~``size`` bytes, full of "subscribe to" and never "newsletter": a full-match boilerplate
    pattern of the ``.*X .*Y.*`` shape backtracks over the rest of the segment at every occurrence."""
    words = "readers can subscribe to updates from the regional desk about harbour traffic and weather".split()
    return " ".join(words * (size // 88 + 1))[:size]


def _hostile_one(kind: str, n: int, r: random.Random) -> bytes:
    tag = f"h{n}"
    if kind == "random_bytes":
        return r.randbytes(r.randint(1, 3000))
    if kind == "invalid_json":
        return r.choice([
            b'{"id": "%s", "text": "unterminated' % tag.encode(),
            b'{"id": "%s", text: no quotes}' % tag.encode(),
            b'{"id": "%s",, "text": "x"}' % tag.encode(),
            b'{"id": "%s", "text": "a"} trailing' % tag.encode(),
            b'{"id": "%s", "text": "\\x41"}' % tag.encode(),
            b'{' * r.randint(2, 5000) + tag.encode(),
        ])
    if kind == "truncated_json":
        full = orjson.dumps({"id": tag, "title": _sentence(r), "text": " ".join(_sentence(r) for _ in range(3))})
        return full[: r.randint(2, len(full) - 2)]
    if kind == "wrong_types":
        field, value = r.choice([
            ("text", 12345), ("text", ["a", "b"]), ("html", {"p": 1}), ("id", 7), ("id", ["x"]),
            ("published_at", 20240101), ("title", True), ("url", {"u": 1}), ("language", 3.5), ("text", None),
        ])
        env: dict = {"id": tag, "text": _sentence(r)}
        env[field] = value
        if field == "text" and value is None:
            env["html"] = 1
        return orjson.dumps(env)
    if kind == "no_content":
        # (a headline alone is an article: its title is the text; a blank one is not)
        return orjson.dumps(r.choice([{"id": tag, "title": " "}, {"id": tag, "url": f"https://x.example/{tag}"}, {"id": tag}]))
    if kind == "nul_bytes":
        body = _sentence(r)
        cut = r.randint(0, len(body))
        if r.random() < 0.5:
            return orjson.dumps({"id": tag, "text": body[:cut] + "\x00" * r.randint(1, 50) + body[cut:] + f" ({tag})"})
        return (body[:cut] + f" {tag} ").encode() + b"\x00" * r.randint(1, 200) + body[cut:].encode()
    if kind == "invalid_utf8":
        body = (_sentence(r) + f" {tag}").encode()
        junk = r.choice([b"\xff\xfe", b"\xc3\x28", b"\xe2\x82", b"\xf0\x28\x8c\xbc", b"\x80\x80\x80", b"\xed\xa0\x80"])
        if r.random() < 0.5:
            return b'{"id": "' + tag.encode() + b'", "text": "' + body + junk + b'"}'
        return body + junk + body
    if kind == "surrogates":
        s = r.choice(["\\ud800", "\\udfff", "\\ud83d", "\\udc00\\ud800"])
        if r.random() < 0.5:
            return ('{"id": "%s", "text": "%s %s"}' % (tag, _sentence(r), s)).encode()
        return (_sentence(r) + f" {tag} ").encode() + "\ud800".encode("utf-8", "surrogatepass")
    if kind == "other_language":
        text = " ".join(r.choice(_OTHER_LANGUAGE) for _ in range(r.randint(2, 6))) + f" {tag}"
        return orjson.dumps({"id": tag, "text": text})
    if kind == "backtracking":
        bait = r.choice([
            "a" * 50000 + "!", "(" * 20000 + "x", "http://" + "a." * 20000 + "/", "x@" * 20000, "1," * 30000 + "a",
            " " * 50000 + "Minister", "Mr. " * 10000 + "X", "<" * 30000, "&#" * 30000, ("A" * 20 + " ") * 3000,
            "-" * 60000, "Lorem" + "\t \n" * 20000 + "x", "U.S.A." * 8000, "'\"" * 25000,
        ])
        if r.random() < 0.5:
            return orjson.dumps({"id": tag, "text": _sentence(r) + " " + bait + f" {tag}"})
        return orjson.dumps({"id": tag, "html": f"<html><body><p>{_sentence(r)}</p><p>{bait}</p><p>{tag}</p></body></html>"})
    if kind == "tiny_sentences":
        count = r.choice([20000, 50000, 100000])
        return orjson.dumps({"id": tag, "text": "".join(f"A {chr(97 + i % 26)}. " for i in range(count)) + tag})
    if kind == "deep_html":
        depth = 10000
        return f"<html><body>{'<div>' * depth}<p>{_sentence(r)} {tag}</p>{'</div>' * depth}</body></html>".encode()
    if kind == "huge_attribute":
        size = r.choice([1, 2, 5]) * MiB
        return f'<html><head><title>{tag}</title></head><body><p>{_sentence(r)}</p><a href="{"x" * size}" title="{"y" * 1024}">link</a><p>{tag}</p></body></html>'.encode()
    if kind == "huge_body":
        # Over the worker's 10 MiB input limit but under the raw topic's (2x): reaches the worker, too_large.
        return orjson.dumps({"id": tag, "text": (_sentence(r) + " ") * (12 * MiB // 90)})[: 12 * MiB]
    if kind == "boilerplate_quadratic":
        return orjson.dumps({"id": tag, "text": boilerplate_quadratic()})
    if kind == "clock_prepositions":
        # Repeated time prepositions in front of no clock time: super-linear for a naive "(at\s+)*\d" pattern.
        text = _sentence(r) + " The vote was held " + "at around about " * 6000 + "noon. " + _sentence(r)
        return orjson.dumps({"id": tag, "text": text})
    if kind == "compression_bomb":
        # 120 MiB of zeros: ~120 KB once gzip-compressed in its record batch (sent with compress=True).
        return b"\0" * (120 * MiB)
    if kind == "compressed_article":
        # A normal article in a compressed batch: the bounded inflation must not stop good compressed input.
        return orjson.dumps({"id": tag, "text": _article_text(r, 5, tag), "published_at": "2024-03-27T10:00:00Z"})
    raise ValueError(kind)


# Expensive kinds are few: each costs real CPU (or megabytes on the wire), and a few
# of them prove the point as well as thousands.
CAPS_FULL = {"tiny_sentences": 6, "deep_html": 40, "huge_attribute": 8, "huge_body": 3, "backtracking": 60, "other_language": 200,
             "boilerplate_quadratic": 1, "clock_prepositions": 4, "compression_bomb": 2, "compressed_article": 20}
CAPS_QUICK = {"tiny_sentences": 2, "deep_html": 4, "huge_attribute": 2, "huge_body": 1, "backtracking": 14, "other_language": 10,
              "boilerplate_quadratic": 1, "clock_prepositions": 1, "compression_bomb": 1, "compressed_article": 3}
CHEAP_ONLY = {k: 0 for k in CAPS_FULL}


def hostile_messages(n: int, *, seed: int = 7, caps: dict[str, int] | None = None, prefix: str = "h") -> list[Item]:
    """``n`` hostile messages: capped expensive kinds, the rest split evenly among the cheap kinds."""
    caps = CAPS_FULL if caps is None else caps
    r = random.Random(seed)
    counts = {k: caps[k] for k in KINDS if k in caps}
    cheap = [k for k in KINDS if k not in caps]
    rest = max(0, n - sum(counts.values()))
    for i, k in enumerate(cheap):
        counts[k] = rest // len(cheap) + (1 if i < rest % len(cheap) else 0)
    items: list[Item] = []
    serial = 0
    for kind, count in counts.items():
        for _ in range(count):
            value = _hostile_one(kind, serial, r)
            compress = kind in ("compression_bomb", "compressed_article")
            items.append(Item(f"{prefix}-{kind}-{serial}", value, kind, None if kind == "compression_bomb" else expected_id(value), compress))
            serial += 1
    r.shuffle(items)
    return items


def expected_id(value: bytes) -> str | None:
    """The article id the worker derives for these bytes, or None when decoding rejects them."""
    from streams.envelope import DEFAULT_MAX_INPUT_BYTES, decode
    from streams.errors import Rejected

    try:
        return decode(value, max_bytes=DEFAULT_MAX_INPUT_BYTES).id
    except Rejected:
        return None
    except Exception:  # noqa: BLE001 - the worker turns this into internal_error: a dead letter
        return None


def mix(good: list[Item], hostile: list[Item]) -> list[Item]:
    """Good articles spread evenly through the hostile ones."""
    if not good:
        return list(hostile)
    out: list[Item] = []
    step = max(1, len(hostile) // len(good))
    gi = 0
    for i, h in enumerate(hostile):
        if i % step == 0 and gi < len(good):
            out.append(good[gi])
            gi += 1
        out.append(h)
    out.extend(good[gi:])
    return out


def gzip_size(value: bytes) -> int:
    """Rough size of a value in a gzip record batch (for the report)."""
    return len(gzip.compress(value, compresslevel=6))
