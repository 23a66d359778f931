"""Build the project's actor tables from the field's published dictionaries (build time only).

    .venv/bin/python tools/build_actor_tables.py            # (re)write streams/data/actors_*.tsv
    .venv/bin/python tools/build_actor_tables.py --check    # exit 1 if the committed tables differ from a rebuild
    .venv/bin/python tools/build_actor_tables.py --measure  # load time and memory of the tables in a fresh process

Inputs (``../shared/data/event-dictionaries/``, never read at run time; see its README for files and commits):

* ``petrarch2/Phoenix.{Countries,International,MilNonState}.actors.txt`` (TABARI/PETRARCH actor format,
  documented in ``petrarch2/dictionaries.rst``): a record is a primary phrase, ``+`` synonyms and tab-indented
  ``[CODE restriction]`` lines (``<date``, ``>date``, ``date-date``; dates YYMMDD or YYYYMMDD). Read here as:
  codes on the primary line count like indented ones; a run of primary phrases with no code directly followed
  (no blank line) by another record shares that record's codes (the files write synonyms that way too);
  "#" starts a comment; underscores are spaces; a parenthesised part of a name is dropped ("(AAIA)"), and so
  is a name of more than ``MAX_NAME_WORDS`` words.
  Two-digit years: 00-30 are 20xx, 31-99 are 19xx (the files use 00-14 and 31-99 only). A restriction whose
  date is malformed (7, 9 or 10 digits) is dropped and counted.
* ``ngec/countries.csv``: country names and nationality adjectives and their plurals ("Afghans"), added to
  the records of the states (PETRARCH matched "AFGHAN" as a stem; lookups here are exact).
* ``petrarch2/Phoenix.agents.txt`` and ``ngec/PLOVER_agents.txt`` (agents format, same document): phrase,
  optional ``{plural}`` (``{}``: no plural), ``[~CODE]`` or ``[CODE~]``; ``!PERSON!``/``!MINIST!`` substitution
  sets; regular plurals (+S, Y -> IES, SS -> SSES). Where the two files give one phrase different codes the
  PLOVER list wins (its codes are PLOVER sectors); within one file the first entry wins.

Outputs (``streams/data/``, each with a provenance header):

* ``actors_phoenix_countries.tsv``, ``actors_phoenix_international.tsv``, ``actors_phoenix_milnonstate.tsv``:
  ``canonical, kind, codes, keys`` per record. kind: ``state`` (the record of a state itself: its names,
  cities, provinces, demonyms; a bare country code), ``person`` (dated codes: office-holders), ``org``.
  codes: ``CODE`` (default) or ``CODE@start-end`` (yyyymmdd, open ends empty), ``|``-separated, in file order.
  keys: the record's names through ``actor_key`` (plus initials-free variants of multiword names).
  The countries table's header gives ``horizon``: the latest date any restriction mentions.
* ``actors_agents.tsv``: ``phrase key, code, source`` (singular and plural forms each a row).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streams.extraction.actor_dictionary import actor_key, code_parts  # noqa: E402

DATA = ROOT / "streams" / "data"
ACTOR_FILES = (
    ("Phoenix.Countries.actors.txt", "actors_phoenix_countries.tsv", "phoenix-countries"),
    ("Phoenix.International.actors.txt", "actors_phoenix_international.tsv", "phoenix-international"),
    ("Phoenix.MilNonState.actors.txt", "actors_phoenix_milnonstate.tsv", "phoenix-milnonstate"),
)
AGENT_FILES = (("ngec/PLOVER_agents.txt", "plover-agents"), ("petrarch2/Phoenix.agents.txt", "phoenix-agents"))
AGENTS_OUT = "actors_agents.tsv"
_BRACKET = re.compile(r"\[([^\]]*)\]")
_PAREN = re.compile(r"\([^)]*\)")
_RESTRICTION = re.compile(r"^([A-Z]{3,})\s*(?:([<>])\s*(\d+)|(\d+)\s*-\s*(\d+))?$")
MAX_NAME_WORDS = 6  # longer names are dropped: an entity mention that long is rare, and a derived table must not
# repeat a 7-word run of any text (the project's dev-text rule; one official name coincides with a dev page)
_SMALL = {"of", "the", "and", "for", "in", "on", "at", "to", "de", "du", "des", "la", "le", "al", "el", "bin", "ibn", "van", "von", "der", "da", "e", "y"}


# --- actor files ---------------------------------------------------------------------------------------------


@dataclass
class Record:
    names: list[str]
    codes: list[str] = field(default_factory=list)
    line: int = 0


def read_actor_file(path: Path) -> list[Record]:
    """Records of one actor dictionary that carry a code (see the module doc for how the format is read)."""
    records: list[Record] = []
    chain: list[Record] = []  # codeless primaries written directly above the current record
    current: Record | None = None
    blank = True  # a blank (or comment-only) line since the last line read
    for number, raw in enumerate(path.read_text("utf-8", errors="replace").splitlines(), 1):
        body = raw.split("#", 1)[0].rstrip()
        if not body.strip():
            blank = True
            continue
        codes = _BRACKET.findall(body)
        text = _BRACKET.sub(" ", body).strip()
        if body[0] in "\t " and current is not None:
            current.codes += codes
            if text:
                current.names.append(text)  # a name written on an indented line
        elif body[0] == "+" and current is not None:
            current.names.append(text[1:].strip())
            current.codes += codes
        else:
            if current is not None and not current.codes:
                chain = [] if blank else chain + [current]
            current = Record(names=[text], codes=list(codes), line=number)
            records.append(current)
        blank = False
        if current is not None and current.codes and chain:
            current.names = [n for earlier in chain for n in earlier.names] + current.names
            chain = []
    return [r for r in records if r.codes]


def parse_date(text: str) -> int | None:
    """yyyymmdd of a YYMMDD or YYYYMMDD date; None if malformed."""
    if len(text) == 6:
        yy = int(text[:2])
        text = ("20" if yy <= 30 else "19") + text
    if len(text) != 8:
        return None
    year, month, day = int(text[:4]), int(text[4:6]), int(text[6:])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return year * 10000 + month * 100 + day


def parse_restriction(text: str) -> tuple[str, int | None, int | None] | None | str:
    """(code, start, end) of "CODE", "CODE >date", "CODE <date", "CODE d1-d2"; "bad" if malformed; None if empty."""
    text = " ".join(text.split())
    if not text:
        return None
    m = _RESTRICTION.match(text)
    if m is None:
        return "bad"
    code, op, single, d1, d2 = m.groups()
    if op is None and d1 is None:
        return code, None, None
    if op is not None:
        date = parse_date(single)
        if date is None:
            return "bad"
        return (code, date, None) if op == ">" else (code, None, date)
    start, end = parse_date(d1), parse_date(d2)
    if start is None or end is None:
        return "bad"
    return code, start, end


def clean_name(name: str) -> str:
    name = _PAREN.sub(" ", name.replace("_", " "))
    return " ".join(name.split()).strip(" ,;")


def pretty(name: str, kind: str) -> str:
    """Readable canonical name of a dictionary phrase: "BARACK_OBAMA" -> "Barack Obama", "NATO_" -> "NATO".

    A one-word name of an organisation is an acronym when it is short or has at most one vowel ("NATO",
    "UNHCR"), otherwise a word ("Hamas"); states and people are never acronyms.
    """
    words = clean_name(name).split()
    if len(words) == 1 and words[0].isalpha() and words[0].isupper() and kind == "org":
        vowels = sum(c in "AEIOUY" for c in words[0])
        if len(words[0]) <= 4 or vowels <= 1:
            return words[0]
    out = []
    for i, word in enumerate(words):
        if not word.isupper() and not word.islower():
            out.append(word)  # already mixed case: keep as written
        elif "." in word or not re.search(r"[AEIOUY]", word.upper()) and len(word) <= 4:
            out.append(word.upper())  # "U.S.", "UN", "DRC"
        elif i > 0 and word.lower() in _SMALL:
            out.append(word.lower())
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() if p.lower() not in _SMALL or j == 0 else p.lower() for j, p in enumerate(word.split("-"))))
    return " ".join(out)


def record_keys(names: list[str]) -> list[str]:
    """Lookup keys of a record's names, plus each multiword name without its single-letter initials."""
    keys: list[str] = []
    for name in names:
        key = actor_key(clean_name(name))
        if not key or not any(c.isalpha() for c in key):
            continue
        variants = [key]
        words = key.split()
        initials_free = [w for w in words if len(w) > 1]
        if len(words) > 2 and len(initials_free) >= 2 and initials_free != words:
            variants.append(" ".join(initials_free))  # "barack h obama" -> "barack obama"
        for v in variants:
            if v not in keys:
                keys.append(v)
    return keys


def build_actor_table(path: Path, stats: dict[str, int]) -> tuple[list[tuple[str, str, str, str]], int]:
    """(rows, latest date mentioned) of one actor dictionary."""
    rows = []
    latest = 0
    for rec in read_actor_file(path):
        codes = []
        for raw in rec.codes:
            parsed = parse_restriction(raw)
            if parsed is None:
                continue
            if parsed == "bad":
                stats["restrictions_malformed"] = stats.get("restrictions_malformed", 0) + 1
                continue
            code, start, end = parsed
            country, _ = code_parts(code)
            if code[:3] in ("KNT", "GRB"):
                stats["fictional"] = stats.get("fictional", 0) + 1
                continue
            if start is None and end is None:
                codes.append(code)
            else:
                codes.append(f"{code}@{start or ''}-{end or ''}")
                latest = max(latest, start or 0, end or 0)
        if not codes:
            stats["records_without_usable_code"] = stats.get("records_without_usable_code", 0) + 1
            continue
        names = [n for n in rec.names if 0 < len(clean_name(n).split()) <= MAX_NAME_WORDS]
        keys = record_keys(names)
        if not keys:
            stats["records_only_long_names"] = stats.get("records_only_long_names", 0) + 1
            continue
        dated = any("@" in c for c in codes)
        parts = [code_parts(c.split("@")[0]) for c in codes]
        bare_state = all(country is not None and sector is None and len(c.split("@")[0]) <= 6 for (country, sector), c in zip(parts, codes))
        kind = "state" if bare_state else "person" if dated else "org"
        rows.append((pretty(names[0], kind) or keys[0], kind, "|".join(dict.fromkeys(codes)), ";".join(keys)))
        stats[f"kind_{kind}"] = stats.get(f"kind_{kind}", 0) + 1
        stats["keys"] = stats.get("keys", 0) + len(keys)
    stats["records"] = stats.get("records", 0) + len(rows)
    return rows, latest


# --- agent files ---------------------------------------------------------------------------------------------

_AGENT_LINE = re.compile(r"^(?P<phrase>[^\[{]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]]+)\]")
_SUBST = re.compile(r"^!(\w+)!\s*=\s*(.+)$")


def regular_plural(word: str) -> str:
    if word.endswith("ss"):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def read_agent_file(path: Path) -> list[tuple[str, str]]:
    """(phrase, code) rows of an agents dictionary, plurals and substitution sets expanded, in file order."""
    subst: dict[str, list[str]] = {}
    out: list[tuple[str, str]] = []
    for raw in path.read_text("utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("<"):
            continue
        m = _SUBST.match(line)
        if m:
            subst[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = _AGENT_LINE.match(line)
        if m is None:
            continue
        phrase, plural, code = m.group("phrase").strip(), m.group("plural"), m.group("code").strip()
        forms = [phrase]
        for name, values in subst.items():
            marker = f"!{name}!"
            if marker in phrase:
                forms = [f.replace(marker, v) for f in forms for v in values]
        explicit_plurals = plural is not None
        for form in forms:
            words = form.replace("_", " ").split()
            if not words:
                continue
            singular = " ".join(words)
            out.append((singular, code))
            if any(f"!{n}!" in phrase for n in subst):
                continue  # substitution sets list every form themselves
            if explicit_plurals:
                for p in (plural or "").split():
                    out.append((" ".join(p.replace("_", " ").split()), code))
            else:
                out.append((" ".join(words[:-1] + [regular_plural(words[-1].lower())]), code))
    return out


def build_agents(shared: Path, stats: dict[str, int]) -> list[tuple[str, str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for rel, source in AGENT_FILES:
        for phrase, code in read_agent_file(shared / rel):
            key = actor_key(phrase)
            if len(key.split()) > MAX_NAME_WORDS:
                stats["agents_long"] = stats.get("agents_long", 0) + 1
                continue
            if not key or not re.fullmatch(r"~?[A-Z]{3,}~?", code):
                stats["agents_malformed"] = stats.get("agents_malformed", 0) + 1
                continue
            if key in table:
                if table[key][0] != code:
                    stats[f"agents_conflict_{source}"] = stats.get(f"agents_conflict_{source}", 0) + 1
                continue
            table[key] = (code, source)
    stats["agents"] = len(table)
    return [(k, c, s) for k, (c, s) in sorted(table.items())]


# --- output --------------------------------------------------------------------------------------------------


def provenance(shared: Path) -> dict[str, str]:
    """Repository @ commit of each dictionary folder, from ``event-dictionaries/README.md``."""
    text = (shared / "README.md").read_text("utf-8")
    out = {}
    for folder in ("petrarch2", "ngec"):
        m = re.search(rf"^## {folder}/ \(([^ ]+) @ ([0-9a-f]{{40}})", text, re.MULTILINE)
        out[folder] = f"{m.group(1)} @ {m.group(2)}" if m else "unknown"
    return out


def render(header: list[str], rows: list[tuple[str, ...]]) -> str:
    return "\n".join([*(f"# {h}" if h else "#" for h in header), *("\t".join(r) for r in rows)]) + "\n"


def _current_code(codes: str) -> str:
    """The code a record gives today: its default, else the code of its latest range."""
    default = next((c for c in codes.split("|") if "@" not in c), None)
    if default is not None:
        return default
    dated = [(c.split("@")[1].split("-")[1] or "99999999", c.split("@")[0]) for c in codes.split("|")]
    return max(dated)[1]


def add_nationalities(rows: list[tuple[str, str, str, str]], countries_csv: Path, stats: dict[str, int]) -> None:
    """Add NGEC's country names and nationality adjectives (with their plurals: "Afghans") to the state records.

    A name goes to the record of the state itself (its code today is that state's) and only where no other
    state's record has it already ("Congolese" stays out of both Congos). NGEC's partially recognised entities
    ("GEOPRE": Abkhazia) become records of their own, country of the state that claims them and sector PRE
    (PLOVER's rule). Rows of other international codes (the EU as "EUR") are left out.
    """
    import csv

    import pycountry

    iso3 = {c.alpha_3 for c in pycountry.countries} | {"XKX"}
    states: dict[str, int] = {}
    taken: dict[str, set[str]] = {}
    for i, (_, kind, codes, keys) in enumerate(rows):
        if kind != "state":
            continue
        current = code_parts(_current_code(codes))[0]
        if current in iso3 and (current not in states or "@" not in codes):
            states[current] = i  # the state's own record: a bare code, else the one whose last range is open
        for key in keys.split(";"):
            taken.setdefault(key, set()).update(code_parts(c.split("@")[0])[0] or "" for c in codes.split("|"))
    with countries_csv.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code = row["CCA3"].strip()
            country, sector = code_parts(code)
            names = [n.replace("[", "").replace("]", "") for n in [row["Name"], *row["Nationality"].split(",")]]
            keys = record_keys([n for n in names if 0 < len(n.split()) <= MAX_NAME_WORDS])
            if sector == "PRE" and country in iso3:
                rows.append((pretty(row["Name"], "state"), "state", code, ";".join(keys)))
                stats["nationality_pre_records"] = stats.get("nationality_pre_records", 0) + 1
                continue
            if code not in states:
                stats["nationality_rows_without_state"] = stats.get("nationality_rows_without_state", 0) + 1
                continue
            i = states[code]
            canonical, kind, codes, have_keys = rows[i]
            have = have_keys.split(";")
            for key in keys:
                if key in have or taken.get(key, {code}) != {code}:
                    continue
                have.append(key)
                taken[key] = {code}
                stats["nationality_keys_added"] = stats.get("nationality_keys_added", 0) + 1
            rows[i] = (canonical, kind, codes, ";".join(have))


def build(shared: Path) -> tuple[dict[str, str], dict[str, int]]:
    """Every output table's text by file name, and counts for the log."""
    prov = provenance(shared)
    stats: dict[str, int] = {}
    outputs: dict[str, str] = {}
    tables = []
    horizon = 0
    for src, out, source in ACTOR_FILES:
        rows, latest = build_actor_table(shared / "petrarch2" / src, stats)
        if source == "phoenix-countries":
            add_nationalities(rows, shared / "ngec" / "countries.csv", stats)
        horizon = max(horizon, latest)
        tables.append((src, out, source, rows))
    for src, out, source, rows in tables:
        header = [
            f"Named actors ({source}), derived by tools/build_actor_tables.py; do not edit by hand, rebuild.",
            f"source: petrarch2/{src} from {prov['petrarch2']} (Phoenix dictionaries, Open Event Data Alliance)",
            *([f"source: ngec/countries.csv from {prov['ngec']}: country names and nationality adjectives added to the states' records"]
              if source == "phoenix-countries" else []),
            "licence: MIT (Copyright (c) 2014 Open Event Data Alliance; see the source repository's LICENSE)",
            f"horizon: {horizon}",
            "kind: state (a state's own names, cities, provinces, demonyms), person (dated codes), org (the rest)",
            "codes: CAMEO actor code, default as CODE, dated as CODE@start-end (yyyymmdd, inclusive, open end empty)",
            "keys: the record's names through streams.extraction.actor_dictionary.actor_key; the first is canonical",
            "Columns: canonical<TAB>kind<TAB>codes (|-separated)<TAB>keys (;-separated)",
        ]
        outputs[out] = render(header, rows)
    agents = build_agents(shared, stats)
    outputs[AGENTS_OUT] = render([
        "Generic agent nouns -> CAMEO agent code, derived by tools/build_actor_tables.py; do not edit by hand, rebuild.",
        f"source: ngec/PLOVER_agents.txt from {prov['ngec']} (PLOVER sector codes; wins on conflicts)",
        f"source: petrarch2/Phoenix.agents.txt from {prov['petrarch2']} (CAMEO codes, read through actors_codes.tsv)",
        "licence: MIT (Open Event Data Alliance; NGEC per its pyproject)",
        "code: ~XXX appends to the actor's code (\"~COP\": police of the modifier's state), XXX~ prefixes it (\"NGO~\")",
        "sector ~JNK / ~NON: listed in the source as not an actor (disasters, weekdays, \"international community\")",
        "Columns: phrase key (singular and plural forms, one a row)<TAB>code<TAB>source",
    ], agents)
    return outputs, {**stats, "horizon": horizon}


MEASURE = """
import gc, time, tracemalloc
def rss_mib():
    with open('/proc/self/status') as f:
        return next(int(l.split()[1]) for l in f if l.startswith('VmRSS:')) / 1024
from streams.extraction import gazetteer
from streams.extraction.nlp import load_nlp
# what the NLP child holds before the actor tables: the place/people/role tables and the language model
for table in (gazetteer.places, gazetteer.demonyms, gazetteer.organisations, gazetteer.role_words, gazetteer.common_words):
    table()
load_nlp()
from streams.extraction import actor_dictionary as a
gc.collect(); r0 = rss_mib(); t, c = time.perf_counter(), time.process_time(); a.warm()
dt, dc = time.perf_counter() - t, time.process_time() - c; gc.collect(); r1 = rss_mib()
names = [e.canonical for e in a._named().entries[::3]]
t = time.perf_counter()
hits = sum(a.named_actor(n, None) is not None for n in names)
per = (time.perf_counter() - t) / len(names)
tracemalloc.start(); a._named.cache_clear(); a._agents.cache_clear(); a.warm()
retained = tracemalloc.get_traced_memory()[0] / 2**20; tracemalloc.stop()
import os
print(f"actor tables in the NLP child: load {dt * 1000:.0f} ms wall, {dc * 1000:.0f} ms CPU (load average {os.getloadavg()[0]:.1f}), RSS +{r1 - r0:.1f} MiB (tracemalloc: {retained:.1f} MiB held); "
      f"named_actor on {len(names)} distinct names: {per * 1e6:.1f} us each, {hits} found")
"""


def measure() -> None:
    """Load time and memory of the committed tables in a fresh process set up like the NLP child."""
    out = subprocess.run([sys.executable, "-c", MEASURE], cwd=ROOT, capture_output=True, text=True, check=True)
    print(out.stdout.strip())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared data folder (default ../shared)")
    parser.add_argument("--check", action="store_true", help="compare a rebuild with the committed tables")
    parser.add_argument("--measure", action="store_true", help="load time and memory of the committed tables")
    args = parser.parse_args()
    if args.measure:
        measure()
        return 0
    outputs, stats = build(args.shared / "data" / "event-dictionaries")
    stale = [name for name, text in outputs.items() if not (DATA / name).exists() or (DATA / name).read_text("utf-8") != text]
    if args.check:
        print("stale: " + ", ".join(stale) if stale else "actor tables are up to date")
        return 1 if stale else 0
    for name, text in outputs.items():
        (DATA / name).write_text(text, "utf-8")
        print(f"wrote streams/data/{name} ({len(text.encode()) / 1024:.0f} KiB)")
    print(" ".join(f"{k}={v}" for k, v in sorted(stats.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
