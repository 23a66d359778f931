"""Learn a trigger lexicon from the labelled synthetic stories of training templates (build time only).

    .venv/bin/python tools/learn_event_triggers.py [--shared ../shared] [--min-stories 5] [--min-templates 3] [--min-share 0.6] [--min-share-noun 0.75]

Why: the dictionary (PETRARCH2's CAMEO verbs, the event nouns) misses words news uses for
an act, or has them only as parts of patterns that a sentence's parse does not fit
("deployed a missile system", "rejected the offer", "made concessions"); a sentence with no
candidate of the right type can never be coded right.

Data: ``data/event-training/ngec-synthetic-stories.csv.gz`` (NGEC-2025, MIT), **only the
stories of templates ``tools/train_event_types.template_half`` puts in training**: the
held-out templates' stories are the real-news proxy of ``bench/events_snippets.py`` and are
never read here. Each story's lead sentence states its labelled act most often; its main
verbs (root, complement or coordinated clause verbs) and argument nouns (subject, object,
prepositional object) are counted once per story, by label.

Selection (a lemma is learned for label L when all hold):
- seen in >= ``--min-stories`` stories from >= ``--min-templates`` distinct templates of
  label L, and L is >= ``--min-share`` of the stories that have it (``--min-share-noun`` for a
  noun: a story's nouns name its things and people as often as its act); counts in the header;
- the NGEC PLOVER codebook's text for L (definition, modes, notes: ``data/event-dictionaries/
  ngec/PLOVER_structured_codebook_updated.csv``) names it or a derivation of it ("deploy" ->
  "deployment"): the stories' label is confirmed by the codebook, so a word that merely
  co-occurs with a label (a place, a victim) is not learned;
- a noun is one the CAMEO dictionary's patterns use as a noun of an act (directly or
  through a synonym set), and not an instrument (``&WEAPON``, ``&AIRCRAFT``) nor an agent noun;
- the dictionary gives the word no typed code of its own (coverage only: where it codes the word, that code
  stands; a verb it lists only with patterns, "---" by default, can be learned), and it is no general word.
The CAMEO code of a row is the code of L that the dictionary's own verbs use most.

Writes ``streams/data/event_triggers.tsv``. The coder gives its rows the lowest
specificity: a dictionary pattern always wins over them; where the dictionary has only a
default code (or none) for a word, the learned type is one more alternative for the classifier.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))
OUT = ROOT / "streams" / "data" / "event_triggers.tsv"

from build_event_tables import _regular_forms  # noqa: E402  (verb forms as the dictionary's verbs get them)
from train_event_types import load_stories  # noqa: E402  (the one reader, with the one rule of which templates are held out)

# words too general to name an act whatever their counts say
_GENERAL = {"be", "have", "do", "say", "make", "take", "get", "give", "go", "come", "use", "year", "day", "week", "month",
            "people", "country", "government", "official", "leader", "president", "minister", "city", "region", "state",
            "nation", "part", "other", "action", "activity", "event", "include"}
_VERB_DEPS = ("ROOT", "ccomp", "xcomp", "conj")
_NOUN_DEPS = ("dobj", "nsubj", "nsubjpass", "pobj", "attr")


def lead(text: str) -> str:
    return re.split(r"(?<=[.!?])\s+", text.strip())[0][:400]


def codebook_words(path: Path, nlp) -> dict[str, set[str]]:
    """PLOVER type -> lemmas of its codebook rows (definition, mode, mode definition, notes)."""
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    out: dict[str, set[str]] = defaultdict(set)
    texts = [(r["event"], " ".join(r[k] or "" for k in ("event_def", "mode", "mode_def", "extraction_notes")).lower()) for r in rows]
    for (event, _), doc in zip(texts, nlp.pipe(t for _, t in texts)):
        out[event] |= {t.lemma_.lower() for t in doc if t.is_alpha}
    return out


def confirmed(word: str, words: set[str]) -> bool:
    """The codebook names the word or a derivation that starts with it ("deploy" -> "deployment")."""
    return word in words or (len(word) >= 4 and any(w.startswith(word) for w in words))


def dictionary() -> tuple[dict[str, set[str]], dict[str, set[str]], set[str], set[str], Counter]:
    """(verb -> PLOVER types it codes, noun -> types, nouns of acts in the patterns, instruments, (type, code) uses)."""
    from streams.data import records
    from streams.extraction.events.tables import code_info

    verbs: dict[str, set[str]] = defaultdict(set)
    code_use: Counter = Counter()
    for r in records("cameo_verbs.tsv"):
        code = r["code"].split(":")[0]
        plover = code_info(code).plover_type if code and code != "---" else None
        if plover:
            verbs[r["verb"]].add(plover)
            code_use[(plover, code)] += 1
    nouns: dict[str, set[str]] = defaultdict(set)
    for r in records("event_nouns.tsv"):
        plover = code_info(r["code"]).plover_type
        if plover:
            nouns[r["noun"]].add(plover)
    synsets: dict[str, set[str]] = defaultdict(set)
    for r in records("cameo_synsets.tsv"):
        synsets[r["synset"].rstrip("_")] |= set(r["word"].split()[-1].split("/")) if r["word"] else set()
    act_nouns: set[str] = set()
    for r in records("cameo_patterns.tsv"):
        if r["code"] in ("", "---") and not r["reverse"]:
            continue
        for cell in (r["object"], r["extra"], r["preps"].replace("|", " ").replace(":", " ")):
            for w in cell.split():
                act_nouns |= synsets.get(w.upper().rstrip("_"), set()) if w.startswith("&") else set(w.split("/"))
    instruments = synsets.get("&WEAPON", set()) | synsets.get("&AIRCRAFT", set())
    return verbs, nouns, act_nouns, instruments, code_use


def common_code(plover: str, code_use: Counter) -> str:
    from streams.data import records

    best = max(((n, code) for (p, code), n in code_use.items() if p == plover), default=None)
    if best is not None:
        return best[1]
    return next(r["code"] for r in records("cameo_plover.tsv") if r["plover"] == plover)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--min-stories", type=int, default=5)
    ap.add_argument("--min-templates", type=int, default=3)
    ap.add_argument("--min-share", type=float, default=0.6)
    ap.add_argument("--min-share-noun", type=float, default=0.75,
                    help="a noun needs a clearer label: nouns of a story name its things and people as often as its act")
    args = ap.parse_args()
    shared = Path(args.shared)
    stories_path = shared / "data" / "event-training" / "ngec-synthetic-stories.csv.gz"
    codebook_path = shared / "data" / "event-dictionaries" / "ngec" / "PLOVER_structured_codebook_updated.csv"
    stories = load_stories(shared)
    train = [r for r in stories if r["half"] == "train"]

    from streams.data import records
    from streams.extraction.nlp import load_nlp

    nlp = load_nlp()
    codebook = codebook_words(codebook_path, nlp)
    agents = {r["noun"] for r in records("event_agents.tsv")} | {r[0] for r in _agent_rows()}
    counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    templates: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for r, doc in zip(train, nlp.pipe((lead(r["text"]) for r in train), batch_size=64)):
        keys = {(t.lemma_.lower(), "verb") for t in doc if t.pos_ == "VERB" and t.dep_ in _VERB_DEPS and t.is_alpha}
        keys |= {(t.lemma_.lower(), "noun") for t in doc if t.pos_ == "NOUN" and t.dep_ in _NOUN_DEPS and t.is_alpha}
        for key in keys:
            counts[key][r["label"]] += 1
            templates[key + (r["label"],)].add(r["title"])

    verbs, nouns, act_nouns, instruments, code_use = dictionary()
    out, dropped = [], Counter()
    for (lemma, pos), c in sorted(counts.items()):
        n = sum(c.values())
        label, k = c.most_common(1)[0]
        t = len(templates[(lemma, pos, label)])
        share = args.min_share_noun if pos == "noun" else args.min_share
        if k < args.min_stories or t < args.min_templates or k / n < share or len(lemma) < 3:
            continue
        if not confirmed(lemma, codebook.get(label, set())):
            dropped["not named by the codebook for the label"] += 1
            continue
        if (verbs if pos == "verb" else nouns).get(lemma):
            # coverage only: where the dictionary codes the word, its code stands (the stories' PLOVER version files
            # some acts under other types than the project's CAMEO -> PLOVER table: court sentences, ceasefires)
            dropped["the dictionary codes it already"] += 1
            continue
        if lemma in _GENERAL:
            dropped["general word"] += 1
            continue
        if pos == "noun" and (lemma not in act_nouns or lemma in instruments or lemma in agents):
            dropped["noun no pattern names as an act, an instrument or an agent"] += 1
            continue
        forms = " ".join(sorted(set(_regular_forms(lemma)) | {lemma})) if pos == "verb" else ""
        out.append([lemma, pos, forms, label, common_code(label, code_use), str(k), str(n), str(t)])

    sha = hashlib.sha256(stories_path.read_bytes()).hexdigest()[:16]
    cb_sha = hashlib.sha256(codebook_path.read_bytes()).hexdigest()[:16]
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# Trigger words learned from labelled synthetic stories: a verb or noun lemma that names an act of one PLOVER type\n"
                "# Provenance: learned by tools/learn_event_triggers.py from data/event-training/ngec-synthetic-stories.csv.gz\n"
                f"#   (sha256 {sha}) and confirmed by data/event-dictionaries/ngec/PLOVER_structured_codebook_updated.csv (sha256 {cb_sha}),\n"
                "#   both NGEC-2025 @ a3909e2aa02969ccaaa915a9626a5316e1cac0f8 (MIT). Regenerate with that script; do not edit by hand.\n"
                f"# Run: lead sentences of {len(train)} stories of training templates ({len(stories)} stories; held-out templates never read);\n"
                f"#   kept: >= {args.min_stories} stories from >= {args.min_templates} templates of the label, label share >= {args.min_share:.2f} "
                f"(nouns >= {args.min_share_noun:.2f}), "
                f"named by the codebook for the label: {len(out)} rows; left out: {dict(sorted(dropped.items()))}.\n"
                "# pos: verb|noun; forms: a verb's regular forms (a noun's are made at run time); code: the label's most common CAMEO code among the dictionary's verbs; stories: with the label /\n"
                "#   with the lemma; templates: of the label. Lower specificity than any dictionary pattern (events/knowledge.py).\n")
        f.write("# Columns: lemma<TAB>pos<TAB>forms<TAB>plover<TAB>code<TAB>stories_label<TAB>stories_all<TAB>templates\n")
        for row in out:
            f.write("\t".join(row) + "\n")
    print(f"{len(out)} rows, dropped {dict(dropped)}")
    return 0


def _agent_rows() -> list[list[str]]:
    from streams.data import rows

    return rows("actors_agents.tsv")


if __name__ == "__main__":
    sys.exit(main())
