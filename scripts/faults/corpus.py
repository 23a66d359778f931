"""Inputs for the fault suite: many short, unique, real-looking articles and
every kind of hostile message the issue lists.

Every input is an ``Item`` with a unique key. Good articles carry their id in
the envelope; hostile messages may have no id at all, so the suite accounts for
them by their raw-topic position (a dead letter names its source partition and
offset) or, when the worker accepts them, by the id the worker derives
(``expected_id``: what ``streams.envelope.decode`` returns for the bytes).
Everything is deterministic for a seed.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"

# Fallback sentences when ../shared/data is absent (CI has a copy; this keeps the suite self-contained).
_FALLBACK = [
    "Brazil and the United States signed a trade agreement in Brasilia on Monday, officials said.",
    "Police arrested three protesters outside the parliament in Nairobi on Tuesday.",
    "The Russian foreign minister met his Chinese counterpart in Beijing to discuss the border dispute.",
    "Rebels attacked an army convoy near Goma, killing four soldiers, the military said.",
    "Germany pledged 50 million euros in humanitarian aid to Sudan.",
    "Israeli and Palestinian negotiators resumed talks in Cairo under Egyptian mediation.",
    "The president of France criticised the European Commission over farm subsidies.",
    "Japan and South Korea agreed to share military intelligence on North Korean missiles.",
]


@dataclass(slots=True)
class Item:
    key: str                 # unique per input; the Kafka key
    value: bytes
    kind: str                # "good" or the hostile kind
    expected_id: str | None  # article id the worker will use, None when it must be dead-lettered at decode


def _sentences() -> list[str]:
    f = SHARED / "cameo-sentences" / "sentences.jsonl"
    if f.exists():
        out = [json.loads(line)["text"] for line in f.read_text("utf-8").splitlines() if line.strip()]
        return [s for s in out if 40 <= len(s) <= 400] or _FALLBACK
    return _FALLBACK


_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def good_articles(n: int, *, prefix: str = "a", seed: int = 1) -> list[Item]:
    """``n`` short plain-text English articles (3 real news sentences + a unique line), unique ids and content."""
    r = random.Random(seed)
    sents = _sentences()
    items = []
    for i in range(n):
        aid = f"{prefix}-{i:05d}"
        text = " ".join(r.sample(sents, 3)) + f" The agency said report {prefix} {i} was filed on {r.choice(_DAYS)}."
        env = {"id": aid, "text": text, "published_at": "2024-03-27T10:00:00Z"}
        items.append(Item(aid, orjson.dumps(env), "good", aid))
    return items


# ---------------------------------------------------------------------- hostile
_OTHER_LANGUAGE = [
    "Die Bundesregierung hat am Montag in Berlin ein neues Abkommen mit Frankreich unterzeichnet, teilte ein Sprecher mit.",
    "Le gouvernement français a annoncé mardi à Paris de nouvelles mesures contre l'inflation, selon le ministre.",
    "El presidente de México se reunió el miércoles con el primer ministro de Canadá en Ottawa.",
    "Премьер-министр России встретился в Москве с президентом Казахстана, сообщили в Кремле.",
    "中国外交部发言人周三在北京表示，中方愿与各方加强合作。",
    "أعلنت وزارة الخارجية المصرية يوم الخميس في القاهرة عن استئناف المحادثات.",
    "日本政府は金曜日、東京で韓国との新たな協定に署名したと発表した。",
]

# (kind, weight in the mix, cheap?) - expensive kinds are capped, see hostile_messages()
KINDS = [
    "random_bytes", "invalid_json", "truncated_json", "wrong_types", "no_content", "nul_bytes",
    "invalid_utf8", "surrogates", "other_language", "backtracking", "tiny_sentences", "deep_html",
    "huge_attribute", "huge_body",
]


def _hostile_one(kind: str, n: int, r: random.Random, sents: list[str]) -> bytes:
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
        full = orjson.dumps({"id": tag, "title": r.choice(sents), "text": " ".join(r.sample(sents, 3))})
        return full[: r.randint(2, len(full) - 2)]
    if kind == "wrong_types":
        field, value = r.choice([
            ("text", 12345), ("text", ["a", "b"]), ("html", {"p": 1}), ("id", 7), ("id", ["x"]),
            ("published_at", 20240101), ("title", True), ("url", {"u": 1}), ("language", 3.5), ("text", None),
        ])
        env: dict = {"id": tag, "text": r.choice(sents)}
        env[field] = value
        if field == "text" and value is None:
            env["html"] = 1
        return orjson.dumps(env)
    if kind == "no_content":
        # (a headline alone is an article: its title is the text; a blank one is not)
        return orjson.dumps(r.choice([{"id": tag, "title": " "}, {"id": tag, "url": f"https://x.example/{tag}"}, {"id": tag}]))
    if kind == "nul_bytes":
        body = r.choice(sents)
        cut = r.randint(0, len(body))
        if r.random() < 0.5:
            return orjson.dumps({"id": tag, "text": body[:cut] + "\x00" * r.randint(1, 50) + body[cut:] + f" ({tag})"})
        return (body[:cut] + f" {tag} ").encode() + b"\x00" * r.randint(1, 200) + body[cut:].encode()
    if kind == "invalid_utf8":
        body = (r.choice(sents) + f" {tag}").encode()
        junk = r.choice([b"\xff\xfe", b"\xc3\x28", b"\xe2\x82", b"\xf0\x28\x8c\xbc", b"\x80\x80\x80", b"\xed\xa0\x80"])
        if r.random() < 0.5:
            return b'{"id": "' + tag.encode() + b'", "text": "' + body + junk + b'"}'
        return body + junk + body
    if kind == "surrogates":
        s = r.choice(["\\ud800", "\\udfff", "\\ud83d", "\\udc00\\ud800"])
        if r.random() < 0.5:
            return ('{"id": "%s", "text": "%s %s"}' % (tag, r.choice(sents), s)).encode()
        # CESU/WTF-8 encoded lone surrogate inside raw text
        return (r.choice(sents) + f" {tag} ").encode() + "\ud800".encode("utf-8", "surrogatepass")
    if kind == "other_language":
        text = " ".join(r.choice(_OTHER_LANGUAGE) for _ in range(r.randint(2, 6))) + f" {tag}"
        return orjson.dumps({"id": tag, "text": text})
    if kind == "backtracking":
        bait = r.choice([
            "a" * 50000 + "!",
            "(" * 20000 + "x",
            "http://" + "a." * 20000 + "/",
            "x@" * 20000,
            "1," * 30000 + "a",
            " " * 50000 + "Minister",
            "Mr. " * 10000 + "X",
            "<" * 30000,
            "&#" * 30000,
            ("A" * 20 + " ") * 3000,
            "-" * 60000,
            "Lorem" + "\t \n" * 20000 + "x",
            "U.S.A." * 8000,
            "'\"" * 25000,
        ])
        if r.random() < 0.5:
            return orjson.dumps({"id": tag, "text": r.choice(sents) + " " + bait + f" {tag}"})
        return orjson.dumps({"id": tag, "html": f"<html><body><p>{r.choice(sents)}</p><p>{bait}</p><p>{tag}</p></body></html>"})
    if kind == "tiny_sentences":
        count = r.choice([20000, 50000, 100000])
        return orjson.dumps({"id": tag, "text": "".join(f"A {chr(97 + i % 26)}. " for i in range(count)) + tag})
    if kind == "deep_html":
        depth = 10000
        return f"<html><body>{'<div>' * depth}<p>{r.choice(sents)} {tag}</p>{'</div>' * depth}</body></html>".encode()
    if kind == "huge_attribute":
        size = r.choice([1, 2, 5]) * 1024 * 1024
        return f'<html><head><title>{tag}</title></head><body><p>{r.choice(sents)}</p><a href="{"x" * size}" title="{"y" * 1024}">link</a><p>{tag}</p></body></html>'.encode()
    if kind == "huge_body":
        return orjson.dumps({"id": tag, "text": (r.choice(sents) + " ") * (20 * 1024 * 1024 // 100)})[: 20 * 1024 * 1024 + 1000]
    raise ValueError(kind)


# Expensive kinds are few: each costs real CPU (or 20 MB on the wire), and a few
# of them prove the point as well as thousands.
CAPS_FULL = {"tiny_sentences": 6, "deep_html": 40, "huge_attribute": 8, "huge_body": 3, "backtracking": 60, "other_language": 200}
CAPS_QUICK = {"tiny_sentences": 2, "deep_html": 4, "huge_attribute": 2, "huge_body": 1, "backtracking": 14, "other_language": 10}


def hostile_messages(n: int, *, seed: int = 7, caps: dict[str, int] | None = None) -> list[Item]:
    """``n`` hostile messages, every kind present: capped expensive kinds, the rest split evenly."""
    caps = CAPS_FULL if caps is None else caps
    r = random.Random(seed)
    sents = _sentences()
    counts = {k: caps[k] for k in KINDS if k in caps}
    cheap = [k for k in KINDS if k not in caps]
    rest = max(0, n - sum(counts.values()))
    for i, k in enumerate(cheap):
        counts[k] = rest // len(cheap) + (1 if i < rest % len(cheap) else 0)
    items: list[Item] = []
    serial = 0
    for kind, count in counts.items():
        for _ in range(count):
            value = _hostile_one(kind, serial, r, sents)
            items.append(Item(f"h-{kind}-{serial}", value, kind, expected_id(value)))
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


def mix(good: list[Item], hostile: list[Item], seed: int = 3) -> list[Item]:
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
