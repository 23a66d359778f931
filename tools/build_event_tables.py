"""Derive the event coder's run-time tables from the shared references (build time only).

    .venv/bin/python tools/build_event_tables.py [--shared ../shared]

Reads (never at run time):
- ``data/event-dictionaries/petrarch2/CAMEO.2.0.txt``: PETRARCH2's CAMEO verb dictionary
  (openeventdata/petrarch2 @ 676801cd9cb2924bbbad09f86d15c9323e7097bf, MIT);
- ``data/event-dictionaries/petrarch2/Phoenix.discards.txt``: phrases marking a sentence
  or story as not codeable (same repository and commit);
- ``reference/cameo-eventcodes.txt`` and ``reference/cameo-to-plover.txt``.

Writes under ``streams/data/``:
- ``cameo_verbs.tsv``: one row per verb of the dictionary (lemma, the words a multi-word
  verb needs, surface forms, own code, synonym block);
- ``cameo_patterns.tsv``: one row per pattern of a block (subject noun, particle, object
  noun, prepositional phrases, where source and target sit, code and reversed code);
- ``cameo_synsets.tsv``: the dictionary's synonym sets (``&WEAPON`` -> words);
- ``event_discards.tsv``: discard phrases (sentence or story scope);
- ``cameo_codes.tsv`` and ``cameo_plover.tsv``: CAMEO labels and CAMEO -> PLOVER.

Every file carries a provenance header (source file, commit, sha256 of the source).
The format of the verb dictionary is documented in ``dictionaries.rst`` next to it;
how each construct is read is written next to the code that reads it below. Nouns of
patterns are stored with their spaCy lemma so that the coder compares lemmas to lemmas.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "streams" / "data"
PETRARCH_COMMIT = "openeventdata/petrarch2 @ 676801cd9cb2924bbbad09f86d15c9323e7097bf (MIT, (c) 2015 Open Event Data Alliance)"

# Words that follow a verb as a particle (phrasal verbs: "call off", "shut down", "set up").
PARTICLES = {"up", "down", "out", "off", "away", "back", "forward", "aside", "over", "in", "on", "through", "around",
             "along", "together", "apart", "ahead", "open"}
# Bare prepositions in a pattern's post-verb words open a prepositional phrase ("CALL ON + TO RESIGN").
PREPOSITIONS = {"to", "toward", "towards", "with", "against", "on", "upon", "for", "from", "into", "in", "at", "over",
                "of", "by", "about", "between", "among", "under", "behind", "before", "after", "as", "onto", "across",
                "within", "without", "through", "amid", "near", "beyond", "during", "outside", "inside"}
# A multi-word verb whose companion is a conjunction ("+KILLED_AND") was a tokenisation
# workaround of the older coders for coordinated verbs; a dependency parse does not need it.
_CONJUNCTIONS = {"and", "or", "but"}
_PRE_FUNCTION_WORDS = {"will", "not", "would", "when", "a", "the", "an", "each", "other"}


# ----------------------------------------------------------------------------- lemmas
class Lemmas:
    """spaCy's rule lemmatizer, asked for one word with a given part of speech."""

    def __init__(self) -> None:
        sys.path.insert(0, str(ROOT))
        from streams.extraction.nlp import load_nlp

        self.nlp = load_nlp()
        self.lemmatizer = self.nlp.get_pipe("lemmatizer")
        self.cache: dict[tuple[str, str], str] = {}
        # spaCy's English exceptions (irregular form -> lemma), inverted: the forms the dictionary's own lists omit
        # ("withdrawn", "stolen", "beaten", "brought", "forbidden") are the same verb to the parse
        self.irregular: dict[str, set[str]] = {}
        for form, lemmas in self.lemmatizer.lookups.get_table("lemma_exc")["verb"].items():
            for lem in lemmas:
                if form.isalpha():
                    self.irregular.setdefault(lem, set()).add(form)

    def __call__(self, word: str, pos: str) -> str:
        from spacy.tokens import Doc

        key = (word, pos)
        if key not in self.cache:
            doc = Doc(self.nlp.vocab, words=[word], pos=[pos])
            self.cache[key] = self.lemmatizer.lemmatize(doc[0])[0].lower()
        return self.cache[key]


def term(word: str, lemmas: Lemmas) -> str:
    """A noun of a pattern as the coder compares it: ``word`` or ``word/lemma`` when they differ."""
    w = word.lower().replace("_", " ")
    if w.startswith("&"):
        return w.upper()  # a synset reference, resolved at run time
    if " " in w or not w.isalpha():
        return w
    lem = lemmas(w, "NOUN")
    return w if lem == w else f"{w}/{lem}"


# ----------------------------------------------------------------------------- verb dictionary
@dataclass
class Verb:
    lemma: str
    companions: list[str]
    companions_before: list[str]
    forms: list[str]
    code: str
    block: str


@dataclass
class Pattern:
    block: str
    line: int | str  # the source line; an alignment's added pattern is marked after it ("2747a")
    subject: str = ""
    particle: str = ""
    object: str = ""
    extra: list[str] = field(default_factory=list)
    preps: list[str] = field(default_factory=list)  # "to:border", "for:", "into:$", "with:+"
    source: str = ""  # "" (default: subject) | "subject" | "object" | "prep:<p>"
    target: str = ""  # "" (default: first actor after the verb) | "subject" | "object" | "prep:<p>"
    code: str = ""
    reverse: str = ""
    note: str = ""


def _strip_comment(line: str) -> tuple[str, str]:
    body, _, comment = line.partition("#")
    return body.rstrip(), comment.strip()


def _regular_forms(base: str) -> list[str]:
    """Regular verb forms (PETRARCH generates them too); over-generation is harmless (non-words never occur)."""
    out = {base, base + "s"}
    if base.endswith("e"):
        out |= {base + "d", base[:-1] + "ing"}
    else:
        out |= {base + "ed", base + "ing"}
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        out.add(base + "es")
    if base.endswith("y") and len(base) > 2 and base[-2] not in "aeiou":
        out |= {base[:-1] + "ies", base[:-1] + "ied"}
    if len(base) >= 3 and base[-1] not in "aeiouwxy" and base[-2] in "aeiou" and base[-3] not in "aeiou":
        out |= {base + base[-1] + "ed", base + base[-1] + "ing"}  # ban -> banned, banning
    return sorted(out)


def _parse_verb_line(text: str, block: str, block_code: str, lemmas: Lemmas) -> Verb | None:
    """``WORD {FORMS} [CODE]``, ``+WORD_PARTICLE {+FORMS_PARTICLE}``, ``WORD_+VERB {...}``."""
    m = re.match(r"^(\S+)\s*(?:\{([^}]*)\})?\s*(?:\[([^\]]*)\])?\s*$", text.strip())
    if not m:
        return None
    phrase, irregular, code = m.group(1), m.group(2), m.group(3)
    words = phrase.lower().split("_")
    words = [w for w in words if w]
    if "+" in phrase:
        idx = next(i for i, w in enumerate(words) if w.startswith("+"))
    else:
        idx = 0
    head = words[idx].lstrip("+")
    before = [w.lstrip("+") for w in words[:idx]]
    after = [w.lstrip("+") for w in words[idx + 1 :]]
    if any(w in _CONJUNCTIONS for w in before + after):
        return None
    forms: set[str] = set()
    if irregular is not None:
        for f in irregular.split():
            fw = [w for w in f.lower().split("_") if w]
            heads = [w.lstrip("+") for w in fw if w.startswith("+")] or fw[:1]
            if heads:
                forms.add(heads[0])
    if irregular is None or not irregular.strip():
        forms.update(_regular_forms(head))
    forms.add(head)
    forms |= lemmas.irregular.get(head, set())  # irregular forms the entry does not list (see Lemmas)
    lemma = lemmas(head, "VERB")
    if lemma != head and head not in forms:
        forms.add(head)
    code = (code or "").strip() or block_code
    return Verb(lemma=head, companions=after, companions_before=before, forms=sorted(forms), code=code, block=block)


_ELEMENT = re.compile(r"\{[^}]*\}|\([^)]*\)|[^\s(){}]+")


def _noun_phrase(text: str, lemmas: Lemmas) -> str:
    """``{FINANCIAL AID}`` -> "financial aid" with the head (last word) lemmatised; a bare word -> its term."""
    words = text.strip("{}").split()
    if not words:
        return ""
    terms = [term(w, lemmas) for w in words]
    return " ".join(terms)


def _parse_pattern(body: str, block: str, line_no: int, note: str, lemmas: Lemmas) -> Pattern | None:
    """One ``- pre * post [CODE]`` line; None when it uses a construct the coder does not model."""
    m = re.match(r"^-\s*(.*?)\s*\[([^\]]*)\]\s*$", body)
    if not m:
        return None
    spec, code = m.group(1), m.group(2).strip()
    if "*" not in spec:
        return None
    pre, _, post = spec.partition("*")
    primary, _, reverse = code.partition(":")
    if primary.strip() != "---":
        primary = re.sub(r"\D", "", primary)  # stray marks in a code ("080!") are typos
    reverse = re.sub(r"\D", "", reverse)
    pat = Pattern(block=block, line=line_no, code=primary.strip() or "", reverse=reverse.strip(), note=note)
    if not pat.code and not pat.reverse:
        return None
    # ---- before the verb: the subject's noun, "$" / "+" markers, a prepositional phrase of the subject
    for el in _ELEMENT.findall(pre):
        low = el.lower()
        if el == "$":
            pat.source = "subject"
        elif el == "+":
            pat.target = "subject"
        elif el in ("%", "^"):
            continue
        elif el.startswith("("):
            continue  # "DELIVERY (OF &FOOD) *": a modifier of the subject noun; the head noun is enough
        elif low in _PRE_FUNCTION_WORDS:
            return None  # "WILL NOT *", "WHEN ...": modality / clause words, not a noun of the subject
        elif el.startswith("{") or el.startswith("&") or el.replace("-", "").replace("_", "").isalpha():
            pat.subject = _noun_phrase(el, lemmas) if el.startswith("{") else term(el, lemmas)
        else:
            return None
    # ---- after the verb: particle, object noun, prepositional phrases, extra words, markers
    elements = _ELEMENT.findall(post)
    i = 0
    while i < len(elements):
        el = elements[i]
        low = el.lower()
        if el == "^":
            i += 1
            continue
        if el in ("$", "+"):
            slot = "source" if el == "$" else "target"
            setattr(pat, slot, "object")
            i += 1
            continue
        if el.startswith("("):
            inner = el[1:-1].split()
            if not inner:
                return None
            prep = inner[0].lower()
            rest = " ".join(inner[1:])
            if rest.lower() in PREPOSITIONS:
                # a two-word preposition with no noun ("(OUT OF)"): both words open the phrase, as "OUT OF EXERCISE" does
                pat.preps += [f"{prep}:", f"{rest.lower()}:"]
                i += 1
                continue
            if rest in ("$", "+"):
                setattr(pat, "source" if rest == "$" else "target", f"prep:{prep}")
                rest = ""
            rest = rest.replace("^", "").strip()
            if rest.endswith((" $", " +")):
                setattr(pat, "source" if rest.endswith("$") else "target", f"prep:{prep}")
                rest = rest[:-2].strip()
            noun = _noun_phrase(rest, lemmas) if rest.startswith("{") else (term(rest, lemmas) if rest and " " not in rest else rest.lower())
            pat.preps.append(f"{prep}:{noun}")
            i += 1
            continue
        if low in PREPOSITIONS and i + 1 < len(elements) and not elements[i + 1].startswith("("):
            nxt = elements[i + 1]
            if nxt in ("$", "+"):
                setattr(pat, "source" if nxt == "$" else "target", f"prep:{low}")
                pat.preps.append(f"{low}:")
            elif nxt == "^":
                pat.preps.append(f"{low}:")
            else:
                noun = _noun_phrase(nxt, lemmas) if nxt.startswith("{") else term(nxt, lemmas)
                pat.preps.append(f"{low}:{noun}")
            i += 2
            continue
        if not pat.particle and not pat.object and low in PARTICLES:
            pat.particle = low
            i += 1
            continue
        if el.startswith("{") or el.startswith("&") or el.replace("-", "").replace("_", "").replace("'", "").isalpha():
            noun = _noun_phrase(el, lemmas) if el.startswith("{") else term(el, lemmas)
            if not pat.object:
                pat.object = noun
            else:
                pat.extra.append(noun)
            i += 1
            continue
        return None
    return pat


def parse_verb_dictionary(path: Path, lemmas: Lemmas) -> tuple[dict[str, list[str]], list[Verb], list[Pattern], dict[str, int]]:
    synsets: dict[str, list[str]] = {}
    verbs: list[Verb] = []
    patterns: list[Pattern] = []
    stats = {"blocks": 0, "verb_lines": 0, "verbs_dropped": 0, "pattern_lines": 0, "patterns_dropped": 0, "transformations_skipped": 0}
    block_codes: dict[str, str] = {}
    section = "head"
    current_set: str | None = None
    block, block_code = "", "---"
    for n, raw in enumerate(path.read_text("utf-8", errors="replace").splitlines(), 1):
        line = raw.rstrip()
        if "SYNONYM SETS" in line and line.startswith("#"):
            section = "synsets"
            continue
        if "VERB PATTERNS" in line and line.startswith("#"):
            section = "verbs"
            continue
        if "TRANSFORMATIONS" in line and line.startswith("#"):
            section = "transformations"
            continue
        body, note = _strip_comment(line)
        if not body.strip():
            continue
        if section == "synsets":
            if body.startswith("&"):
                current_set = body.strip().rstrip("_").upper()
                synsets[current_set] = []
            elif body.startswith("+") and current_set:
                word = body[1:].strip().lower()
                no_plural = word.endswith("_")
                word = word.rstrip("_").replace("_", " ")
                if " " not in word and not no_plural:
                    word = term(word, lemmas)
                synsets[current_set].append(word)
        elif section == "verbs":
            if body.startswith("---"):
                m = re.match(r"^---\s*(\S+)\s*\[([^\]]*)\]", body)
                if m:
                    block, block_code = m.group(1), m.group(2).strip()
                    block_codes[block] = block_code
                    stats["blocks"] += 1
                continue
            if body.startswith("-"):
                stats["pattern_lines"] += 1
                pat = _parse_pattern(body, block, n, note, lemmas)
                if pat is None:
                    stats["patterns_dropped"] += 1
                else:
                    patterns.append(pat)
                continue
            stats["verb_lines"] += 1
            verb = _parse_verb_line(body.partition(";")[0], block, block_code, lemmas)  # a few lines end in ";initials date"
            if verb is None:
                stats["verbs_dropped"] += 1
            else:
                verbs.append(verb)
        elif section == "transformations" and body.startswith("~"):
            stats["transformations_skipped"] += 1
    noted = verbs_from_notes(verbs, patterns, block_codes, lemmas)
    stats["verbs_from_pattern_notes"] = len(noted)
    return synsets, verbs + noted, patterns, stats


def verbs_from_notes(verbs: list[Verb], patterns: list[Pattern], block_codes: dict[str, str], lemmas: Lemmas) -> list[Verb]:
    """Verbs the dictionary's writers wrote patterns for (the comment after a pattern names the verb it was written
    for, e.g. ``# URGE`` under the DEMAND block) but left out of the block's verb list: each joins the block its
    patterns sit in, with the block's code, when at least two patterns name it and no block lists it already.
    Only plain one-word verbs count (inflected or particle notes such as ``STEPPED_UP`` are listed verbs)."""
    listed = {v.lemma for v in verbs} | {lemmas(v.lemma, "VERB") for v in verbs}
    counts: dict[tuple[str, str], int] = {}
    for p in patterns:
        word = p.note.strip().lower()
        if word.isalpha() and lemmas(word, "VERB") == word and word not in listed:
            counts[(word, p.block)] = counts.get((word, p.block), 0) + 1
    out = []
    for (word, block), n in sorted(counts.items()):
        if n >= 2 and block_codes.get(block, "---") != "---":
            out.append(Verb(lemma=word, companions=[], companions_before=[], forms=sorted(set(_regular_forms(word)) | {word}),
                            code=block_codes[block], block=block))
    return out


# ----------------------------------------------------------------------------- discards
# Bare years and "N years ago" phrases were the older coders' way to skip historical
# chronologies; the coder dates events itself, and dropping every sentence with a year
# or "weeks ago" would drop ordinary news ("arrested two weeks ago"). They are left out.
_DATING = re.compile(r"^\d+$|\b(ago|later)$")
# Phrases whose common sense in political news is no sport, show or history: an election won "by a landslide", "marathon
# talks", "a champion of reform" (and, as a stem, "championed"), the "Millennium" goals and agencies. Dropping every
# sentence with them drops real events; what they discard in sport or disaster reports the classifier's veto and the
# hazard nouns (a landslide that kills is a disaster, no actor) already leave uncoded. They are left out; so is
# "typhoon", which the list files under weather: aid sent after a typhoon, praise for an evacuation before one, are
# acts like any other, and the storm itself codes nothing (a hazard is no actor). ("tsunami" stays: on the tune half
# of the CAMEO dev sentences, keeping it dropped a broadcast's blurb the gold codes as no event, and won nothing.)
# The same holds for political words and names the list files under sport or show: "a political heavyweight", a
# "presidential debate" or "vote recount", a named court, people whose news is politics (an office-holder, a witness at
# a hearing, a writer under a death sentence). And the world wars are the yardstick of present acts as often as their
# history ("the largest deployment since World War II", "demanded reparations for World War Two"): a sentence about the
# war's own events names no actor of today and codes nothing worse for being kept. So is "polio", which the list
# files under health: vaccination teams and their guards are a common target of armed attacks and abductions, whose
# reports the stem dropped whole ("a polio worker was shot"), while a campaign's own news has no trigger to code.
# Likewise the epidemics the list files under health (Ebola, bird flu, dengue, the fevers of the Nile and the Rift
# Valley): an outbreak draws acts between states and agencies, medical teams and aid sent across a border, borders
# closed, imports banned, that the sentence's disease word dropped whole; the deaths and the spread themselves code
# nothing (event_accidents.tsv reads an epidemic as an illness, and a disease is no actor).
_EPIDEMICS = {"ebola", "bird flu", "avian flu", "avian influenza", "h5n1", "dengue fever", "west nile virus",
              "west nile fever", "rift valley fever", "chickungunga", "bacteria epidemic"}
_POLITICAL_SENSES = _EPIDEMICS | {"landslide", "marathon", "champion", "champions", "millennium", "typhoon", "polio",
                     "heavyweight", "pollution", "presidential debate", "presidential vote recount", "osaka district court",
                     "rick lazio", "oliver north", "anita hill", "salman rushdie", "manny pacquiao",
                     "second world war", "world war one", "world war i", "world war 1", "world war two", "world war ii", "world war 2"}

# PLOVER's codebook puts signing, ratifying or finalising an agreement under SUPPORT ("ratify, sign, or finalize an
# agreement or treaty"), whatever the agreement is about; CAMEO has 057 (sign formal agreement) for it, but some of
# PETRARCH2's patterns of the SIGN block code the treaty's topic instead, as an intent (0311, 0312), as material
# cooperation (060-062) or, for a signed truce, as the truce itself (0871, declare truce). Those patterns are given
# 057, so the coder's PLOVER types follow PLOVER: a truce signed is an agreement signed (SUPPORT: "ratify, sign, or
# finalize an agreement or treaty"); implementing one is RETREAT, which a truce declared, observed or a halt to fighting
# keeps (their patterns are not the SIGN block's). Business contracts and deals of companies (a subject, or an object
# that is no treaty) keep their codes.
SIGNING_BLOCKS = {"SIGN"}
SIGNING_TOPIC_CODES = {"0311", "0312", "060", "061", "062", "0871"}
SIGNED_AGREEMENT = "057"


def align_signing(patterns: list[Pattern]) -> int:
    """Give the SIGN block's agreement patterns coded by topic the code of signing (see above); how many changed."""
    changed = 0
    for p in patterns:
        treaty = ("&TREATY" in p.object or "&CEASEFIRE" in p.object
                  or any(w in p.object.split() for w in ("deal", "pact", "accord", "agreement")))
        business = any(w in prep for prep in p.preps for w in ("manufacturer", "company"))
        if p.block in SIGNING_BLOCKS and treaty and not p.subject and not business and p.code in SIGNING_TOPIC_CODES:
            p.code = SIGNED_AGREEMENT
            p.reverse = SIGNED_AGREEMENT if p.reverse else ""
            changed += 1
    return changed


# CAMEO 036 is the intent to meet ("agreed to meet", "offered talks"); a meeting that took place is 04 (040 consult).
# PETRARCH2's MEET_PEOPLE block, whose verbs ("meet", "confer", ...) report meetings, codes a few patterns that only name
# where or with whom the meeting was ("met at ...", "met with leaders", "met for talks") as 036, so a meeting held at a
# named place came out as an intent to meet. Those patterns (a preposition and no object, subject or extra word) are
# given the block's own code; an intent the text states ("pledged to meet") is coded as intent by the coder's modality
# (event_intents.tsv).
MEETING_BLOCKS = {"MEET_PEOPLE"}
INTENT_TO_MEET = "036"


def align_meetings(verbs: list[Verb], patterns: list[Pattern]) -> int:
    """Give the MEET_PEOPLE block's prepositional patterns coded as an intent to meet the block's code (see above)."""
    codes: dict[str, set[str]] = {}
    for v in verbs:
        if v.block in MEETING_BLOCKS and v.code not in ("", "---"):
            codes.setdefault(v.block, set()).add(v.code)
    block_code = {b: next(iter(c)) for b, c in codes.items() if len(c) == 1}  # only a block of one code has "its" code
    changed = 0
    for p in patterns:
        code = block_code.get(p.block)
        if code and p.code == INTENT_TO_MEET and p.preps and not (p.subject or p.object or p.extra or p.particle):
            p.code = code
            p.reverse = code if p.reverse else ""
            changed += 1
    return changed


# CAMEO codes an appeal for an act (02x) and an intent to do it (03x) in parallel: 021/031 material cooperation,
# 022/032 diplomatic cooperation, 023/033 aid, 024/034 political reform, 025/035 yielding, 026/036 meeting or
# negotiating, 027/037 settling a dispute, 028/038 mediation. PETRARCH2's CALL block codes what is called for ("called
# for a summit" 026, "called for a ceasefire" 0256) as an appeal, except two patterns that give the intent ("for:talks"
# 036, "for:ties" 030): a call for talks is an appeal to negotiate, not an offer to. Patterns of the appeal blocks whose
# only cue is a "for" phrase and whose code is an intent are given the parallel appeal code. Two more code a material
# act called for as if the caller did it ("for an investigation" 090, "for a halt" 087): whoever calls for such an act
# asks for it, so a material act (CAMEO 06-09, 14-20) is given its parallel appeal where CAMEO has one (a halt, 087:
# 0256, appeal for de-escalation; other yielding: 025) and the appeal not specified (020) where it has none. Calls that
# CAMEO itself codes as rallying or threatening ("for action against X" 113, "for sanctions" 1312) keep their codes.
APPEAL_BLOCKS = {"CALL"}
APPEAL_UNSPECIFIED = "020"
MATERIAL_ROOTS = ("06", "07", "08", "09", "14", "15", "16", "17", "18", "19", "20")
APPEAL_PARALLELS = {"087": "0256", "08": "025"}  # longest prefix first: de-escalation, then yielding


def appeal_for(code: str) -> str:
    """The appeal for the material act ``code`` (see above)."""
    return next((APPEAL_PARALLELS[k] for k in sorted(APPEAL_PARALLELS, key=len, reverse=True) if code.startswith(k)),
                APPEAL_UNSPECIFIED)


def align_appeals(patterns: list[Pattern]) -> int:
    """Give the appeal blocks' "for" patterns coded as an intent (03x) or as a material act the appeal for it (see
    above)."""
    changed = 0
    for p in patterns:
        if not (p.block in APPEAL_BLOCKS and any(x.startswith("for:") for x in p.preps)
                and not (p.subject or p.object or p.extra or p.particle)):
            continue
        if p.code.startswith("03"):
            p.code = "02" + p.code[2:]
        elif p.code.startswith(MATERIAL_ROOTS):
            p.code = appeal_for(p.code)
        else:
            continue
        p.reverse = ""
        changed += 1
    return changed


# PLOVER's codebook lists "sue in court" under ACCUSE (CAMEO 115, bring lawsuit against); PETRARCH2 codes its SUE
# block as 173 (arrest, detain or charge with legal action: PLOVER COERCE), which is what a state does to a suspect,
# not what a plaintiff does to a defendant. The block's codes are given 115.
LAWSUIT_BLOCKS = {"SUE"}
LAWSUIT = "115"


def align_lawsuits(verbs: list[Verb], patterns: list[Pattern]) -> int:
    """Give the SUE block's verbs and patterns the code of bringing a lawsuit (see above); how many changed."""
    changed = 0
    for v in verbs:
        if v.block in LAWSUIT_BLOCKS and v.code not in ("", "---", LAWSUIT):
            v.code = LAWSUIT
            changed += 1
    for p in patterns:
        if p.block in LAWSUIT_BLOCKS and p.code not in ("", "---", LAWSUIT):
            p.code = LAWSUIT
            p.reverse = LAWSUIT if p.reverse else ""
            changed += 1
    return changed


# A court's verdict and a trial are legal disapproval (CAMEO 11), not coercion (17). CAMEO's codebook has a code for
# a verdict, 116 (find guilty or liable, legally), which PETRARCH2 never uses: it codes "convict", "found guilty",
# "verdict in the trial" and a court that condemns someone 173 (arrest, detain or charge with legal action). It codes
# a trial 173 too ("stood trial", "put on trial"), where PLOVER's codebook lists "bring to trial" under ACCUSE (mode
# allege) and CAMEO has 1121 (accuse of crime, corruption). So a verdict is 116 and a trial 1121. A charge, an
# indictment and a prosecution stay 173: that is what the label of 173 names ("charge with legal action"), and the
# CAMEO coders of the field follow it, though PLOVER's codebook puts them under ACCUSE too. Taking or holding people
# (arrest, detain, jail) stays 173.
VERDICT = "116"
TRIAL = "1121"
ARREST = "173"
VERDICT_VERBS = {"convict"}
VERDICT_WORDS = {"guilty", "verdict"}
VERDICT_SUBJECTS = {"court", "tribunal"}
CHARGE_NOTES = {"CHARGE", "INDICT", "PROSECUTE", "ACCUSE"}


def _legal_code(p: Pattern) -> str | None:
    """The legal code a pattern coded 173 should have (see above), or None to keep it."""
    words = {w for part in (p.object, *p.preps) for w in re.split(r"[ :|]", part.lower()) if w}
    note = p.note.split()[0] if p.note.split() else ""
    if note == "CONVICT" or words & VERDICT_WORDS or p.subject in VERDICT_SUBJECTS and note not in CHARGE_NOTES:
        return VERDICT  # (a court or a tribunal that condemns someone passes a verdict)
    if "trial" in words and not words & {"&detention", "sentence"}:
        return TRIAL
    return None


def align_legal(verbs: list[Verb], patterns: list[Pattern]) -> int:
    """Give verdicts 116 and trials 1121 where PETRARCH2 codes them 173 (see above); how many changed."""
    changed = 0
    for v in verbs:
        if v.code == ARREST and v.lemma in VERDICT_VERBS:
            v.code = VERDICT
            changed += 1
    for p in patterns:
        if ARREST not in (p.code, p.reverse):
            continue
        code = _legal_code(p)
        if code is None:
            continue
        p.code = code if p.code == ARREST else p.code
        p.reverse = code if p.reverse == ARREST else p.reverse
        changed += 1
    return changed


# PETRARCH2's DISCOVER block codes "FIND * DEAD" as the killing (190) with the default slots, so whoever found the
# body was made the killer ("police found the journalist dead"). Such a pattern names who found, not who killed: its
# source is given as "none" (no actor), and the dead stay its target.
FINDING_BLOCKS = {"DISCOVER"}
FOUND_DEAD = {"dead"}


def align_findings(patterns: list[Pattern]) -> int:
    """Give the patterns of a person found dead no source (see above); how many changed."""
    changed = 0
    for p in patterns:
        if p.block in FINDING_BLOCKS and p.object in FOUND_DEAD and not p.source:
            p.source = "none"
            changed += 1
    return changed


# "Made a visit to X" reports a visit (CAMEO 042, and the host's 043); PETRARCH2's MAKE block codes its bare "visit" and
# "trip" objects as an intent to meet (036), as its blocks of intending and announcing rightly do ("plans a visit",
# "announced a trip"). The MAKE block's visit is given the visit's codes; a visit only planned or promised is still
# coded as intent by the coder's modality (event_intents.tsv).
VISIT_MAKING_BLOCKS = {"MAKE"}
VISIT_OBJECTS = {"visit", "trip"}
VISIT, HOSTED_VISIT = "042", "043"


def align_visits(patterns: list[Pattern]) -> int:
    """Give the MAKE block's bare visit and trip patterns coded as an intent to meet a visit's codes (see above)."""
    changed = 0
    for p in patterns:
        if (p.block in VISIT_MAKING_BLOCKS and p.object in VISIT_OBJECTS and p.code == INTENT_TO_MEET
                and not (p.subject or p.extra or p.particle or p.preps)):
            p.code, p.reverse = VISIT, HOSTED_VISIT
            changed += 1
    return changed


# CAMEO's codebook names hijacking beside abduction (181: "abduct, hijack, or take hostage"); PETRARCH2 lists "hijack"
# in its TAKE_CONTROL block (171, seize or damage property), so a ship or a plane taken with its crew and passengers was
# coded as property seized. The verb is given 181; the block's patterns still apply to it.
HIJACK_VERBS = {"hijack", "skyjack"}
HIJACK = "181"


def recode_verbs(verbs: list[Verb], lemmas: set[str], code: str) -> int:
    """Give the single-word verbs ``lemmas`` the codebook's ``code`` where the dictionary codes them otherwise (not
    where it codes them nothing); how many changed."""
    changed = 0
    for v in verbs:
        if v.lemma in lemmas and not v.companions and v.code not in ("", "---", code):
            v.code = code
            changed += 1
    return changed


def align_hijacking(verbs: list[Verb]) -> int:
    """Give the verbs of hijacking the codebook's 181 (see above); how many changed."""
    return recode_verbs(verbs, HIJACK_VERBS, HIJACK)


# CAMEO's codebook has a code for a veto (129, under REJECT); PETRARCH2 lists "veto" in its PROHIBIT block (172, impose
# administrative sanctions) with no code of its own, so a governor's or a president's veto of a bill, or a permanent
# member's of a resolution, was coded as a sanction imposed on whoever passed it. The verb is given 129; the block's
# patterns still apply to it (its own "VETO" patterns keep their codes).
VETO_VERBS = {"veto"}
VETO = "129"


def align_vetoes(verbs: list[Verb]) -> int:
    """Give the verb of vetoing the codebook's 129 (see above); how many changed."""
    return recode_verbs(verbs, VETO_VERBS, VETO)


# PETRARCH2 lists "vote down" in its EXCLUDE block (170, coerce), while its VOTE block's own pattern for the same words
# ("VOTE * DOWN") codes 120 (reject): lawmakers who vote down a bill, a budget or a motion reject it, and coerce no one.
# The multi-word verb is given the code its base verb's pattern gives.
VOTED_DOWN = {("vote", "down"): "120"}


def align_votes_down(verbs: list[Verb]) -> int:
    """Give "vote down" the code of the VOTE block's own "* DOWN" pattern (see above); how many changed."""
    changed = 0
    for v in verbs:
        code = VOTED_DOWN.get((v.lemma, " ".join(v.companions)))
        if code and not v.companions_before and v.code != code:
            v.code = code
            changed += 1
    return changed


# CAMEO's codebook names considering a course of action as a statement (014, "consider policy option"), and
# PETRARCH2's own CONSIDER patterns code what is considered 014 ("* PARTICIPATION", "* DEPLOYMENT") as does its
# "deliberate"; the block's default is 040 (consult), so a council "considering whether to extend free parking" was a
# consultation with no one. The block's verbs coded 040 are given 014; its patterns keep their codes.
CONSIDERING_VERBS = {"consider", "contemplate", "mull", "ponder", "meditate", "muse", "excogitate"}
CONSIDER_OPTION = "014"


def align_considering(verbs: list[Verb]) -> int:
    """Give the CONSIDER block's verbs the codebook's 014 (see above); how many changed."""
    return recode_verbs(verbs, CONSIDERING_VERBS, CONSIDER_OPTION)


# PETRARCH2's PREDICT block codes foretelling a statement (010) and its own EXPECT patterns code what is expected as
# optimistic or pessimistic comment (012, 013: "* RECOVERY", "* &DISPUTE"), but it gave the bare verb "expect" 030
# (express intent to cooperate), so every forecast ("said he expected inflation to slow", "an election expected to
# produce a new president") was an intent to cooperate. The verb is given its block's 010; its patterns (ties, a visit,
# talks expected: 030, 036, 013) keep their codes.
EXPECTING_VERBS = {"expect"}
PREDICTION = "010"


def align_expecting(verbs: list[Verb]) -> int:
    """Give "expect" its PREDICT block's 010 (see above); how many changed."""
    return recode_verbs(verbs, EXPECTING_VERBS, PREDICTION)


# A treaty cancelled is relations reduced (CAMEO 160), as the same REVOKE_ block codes a cancelled "deal"; PETRARCH2
# codes its bare "&TREATY" object 131 (a threat), though nothing in the pattern threatens: "annulled the accord", "scrapped
# the defence pact" report the act done. A threat to cancel is still a threat through the verbs of threatening.
CANCELLING_BLOCKS = {"REVOKE_"}
TREATY_OBJECT, THREAT_CODE, REDUCED_RELATIONS = "&TREATY", "131", "160"


def align_cancelled_treaties(patterns: list[Pattern]) -> int:
    """Give the cancelling block's bare treaty pattern coded as a threat the block's code of a cancelled deal (above)."""
    changed = 0
    for p in patterns:
        if (p.block in CANCELLING_BLOCKS and p.object == TREATY_OBJECT and p.code == THREAT_CODE
                and not (p.subject or p.extra or p.particle or p.preps)):
            p.code = REDUCED_RELATIONS
            changed += 1
    return changed


# A block that codes one bare object noun twice, where a qualified form of that noun in the same block has one of the
# two codes (SEND: "message" 040 and 130 beside "{WARNING MESSAGE}" 130; BRING: "aid" 070 and 073 beside
# "{HUMANITARIAN AID}" 073), says itself what that second reading needs: the qualifier ("sent a message of condolence"
# is no threat, only a warning message is). The bare duplicate of the qualified code goes; the qualified pattern and
# the bare one of the other code stay.
def align_qualified_duplicates(patterns: list[Pattern]) -> int:
    """Drop each bare pattern whose identical twin in its block has another code while a qualified form of its object
    in the block has its code (above); how many were dropped."""
    def slots(p: Pattern) -> tuple:
        return (p.block, p.subject, p.particle, p.object, tuple(p.extra), tuple(p.preps), p.source, p.target)

    codes: dict[tuple, set[str]] = {}
    for p in patterns:
        codes.setdefault(slots(p), set()).add(p.code)
    qualified = {(p.block, p.object.split()[-1], p.code) for p in patterns if len(p.object.split()) > 1}
    drop = [p for p in patterns if p.object and len(p.object.split()) == 1 and len(codes[slots(p)]) > 1
            and (p.block, p.object, p.code) in qualified]
    for p in drop:
        patterns.remove(p)
    return len(drop)


# CAMEO 15 is an alert raised or forces readied (151: "increase police alert status", 152: "... military alert status").
# PETRARCH2's RAISE block codes an alert only with an armed body in the object's phrase ("raised the military alert",
# 152), while news as often names the body as the subject and raises a bare alert ("the army raised its alert", "police
# raised their alert level"); its BOOST block already codes a bare alert (150). Each block with a qualified alert
# pattern gets the bare one too, coded 150 (the body's sector is the source's, whichever it is); the qualified pattern
# stays and, being more specific, still wins where it fits.
ALERT_OBJECT, ALERT_CODE = "alert", "150"


def align_alerts(patterns: list[Pattern]) -> int:
    """Add a bare alert pattern (150) to each block that has only qualified ones (see above); how many added."""
    bare = {p.block for p in patterns if p.object == ALERT_OBJECT}
    added = []
    for p in patterns:
        if (p.block not in bare and p.object.split()[-1:] == [ALERT_OBJECT] and p.code.startswith("15")
                and not (p.subject or p.extra or p.particle or p.preps)):
            added.append(Pattern(block=p.block, line=f"{p.line}a", object=ALERT_OBJECT, code=ALERT_CODE,
                                 note="bare alert (align_alerts)"))
            bare.add(p.block)
    patterns.extend(added)
    return len(added)


# Aid received is the giver's act: PETRARCH2's OBTAIN block codes most of its RECEIVE patterns of aid reversed
# ("received fighter jets from X": X gives, [---:072]), but three of them ("&MILITARY aid", "&WEAPON", "shipment of
# &FOOD") as the receiver's own act, so "the army received weapons from X" made the army the giver and X the
# recipient. Those are given the reversed reading of their block-mates; the GET pattern with a "to" phrase ("got food
# to the villages") is the subject's delivery and stays.
RECEIVING_BLOCK, RECEIVING_NOTE = "OBTAIN", "RECEIVE"


def align_received_aid(patterns: list[Pattern]) -> int:
    """Reverse the receiving block's aid patterns coded as the receiver's act (see above); how many changed."""
    changed = 0
    for p in patterns:
        if (p.block == RECEIVING_BLOCK and p.note.strip() == RECEIVING_NOTE and p.code.startswith("07") and not p.reverse
                and not any(x.startswith("to:") for x in p.preps)):
            p.code, p.reverse = "", p.code
            changed += 1
    return changed


# Condemning an act is criticising it: CAMEO's codebook puts "condemn" under 111 (criticize or denounce), and the
# CONDEMN verb's own code is 111. One of its patterns, a terrorist attack condemned, is coded 018 (make empathetic
# comment, the condolences a state offers the victims), so the condemnation most statements after an attack make was
# read as no event. Patterns whose note is the verb CONDEMN and whose code is an empathetic comment take the verb's code.
CONDEMNING_NOTE, EMPATHETIC_COMMENT, CONDEMNATION = "CONDEMN", "018", "111"


def recode_patterns(patterns: list[Pattern], note: str, code: str, new_code: str) -> int:
    """Give the patterns written under verb ``note`` and coded ``code`` the code ``new_code``; how many changed."""
    changed = 0
    for p in patterns:
        if p.note.strip() == note and p.code == code:
            p.code = new_code
            changed += 1
    return changed


def align_condemnations(patterns: list[Pattern]) -> int:
    """Give the CONDEMN verb's patterns coded as an empathetic comment the verb's own code (see above); how many
    changed."""
    return recode_patterns(patterns, CONDEMNING_NOTE, EMPATHETIC_COMMENT, CONDEMNATION)


# Funds approved are aid given: the PLOVER manual's AID holds "monetary aid and financial guarantees, grants, gifts and
# credit", and keeps a specific act's own category when it will clearly be realised (only broad promises are AGREE).
# The APPROVE verb's own bare "aid" pattern is 070 (provide aid), but its loan, credit, grant and sum-of-money patterns
# are coded as an intent to give (0311, 0331, 033), so "the bank approved a $50 million credit to X" read as a promise.
# Those patterns take the act the intent is of: economic aid (071) for money lent or paid, aid (070) for a grant.
APPROVING_NOTE = "APPROVE"
APPROVED_FUNDS = {"0311": "071", "0331": "071", "033": "070"}
FUNDS_OBJECTS = frozenset({"loan", "grant", "&CURRENCY", "&CURRENCY credit", "&CURRENCY aid"})  # (not a tariff, a treaty, a sale)


def align_approved_funds(patterns: list[Pattern]) -> int:
    """Give the APPROVE verb's patterns of funds approved the act of giving them (see above); how many changed."""
    changed = 0
    for p in patterns:
        if p.note.strip() == APPROVING_NOTE and p.code in APPROVED_FUNDS and p.object in FUNDS_OBJECTS and not p.preps:
            p.code = APPROVED_FUNDS[p.code]
            changed += 1
    return changed


# An inquiry ordered or demanded: PETRARCH2 codes "ORDER &INVESTIGATION", "ORDER INQUIRY", "DEMAND &INVESTIGATION" and
# "PUSH FOR &INVESTIGATION" 1014, which CAMEO 1.1b3 labels "Demand intelligence cooperation" (reference/
# cameo-eventcodes.txt); its "Demand information, investigation" is 101. A demand for an inquiry takes that code. An
# inquiry ordered is one the one who orders it opens, through whom it commands ("the police chief ordered an inquiry
# into the death"): the same block's own "ORDER &INVESTIGATION" says 091 beside it, and the dictionary's verbs of
# opening one (OPEN, LAUNCH, SET_UP) code it 090 and 091; so it takes investigate (090), the block's 091 needing its
# "criminal" qualifier (align_qualified_duplicates).
INTELLIGENCE_DEMAND, DEMANDED_INQUIRY, ORDERED_INQUIRY = "1014", "101", "090"
INQUIRY_OBJECTS = frozenset({"&INVESTIGATION", "inquiry", "investigate"})
ORDERING_NOTE = "ORDER"


def align_inquiries(patterns: list[Pattern]) -> int:
    """Give the inquiries ordered and demanded that PETRARCH2 codes 1014 the codes above; how many changed."""
    changed = 0
    for p in patterns:
        if INTELLIGENCE_DEMAND not in (p.code, p.reverse):
            continue
        nouns = {p.object} | {spec.partition(":")[2] for spec in p.preps}
        if not nouns & INQUIRY_OBJECTS:
            continue
        code = ORDERED_INQUIRY if p.note.strip() == ORDERING_NOTE else DEMANDED_INQUIRY
        p.code = code if p.code == INTELLIGENCE_DEMAND else p.code
        p.reverse = code if p.reverse == INTELLIGENCE_DEMAND else p.reverse
        changed += 1
    return changed


def parse_discards(path: Path) -> list[tuple[str, str, bool]]:
    """(phrase, scope sentence|story, whole word at the end). ``+`` = the story is not coded; trailing ``_`` = word end."""
    out = []
    for raw in path.read_text("utf-8", errors="replace").splitlines():
        body, _ = _strip_comment(raw)
        body = body.strip()
        if not body or body.startswith("<"):
            continue
        scope = "story" if body.startswith("+") else "sentence"
        body = body.lstrip("+").strip()
        whole = body.endswith("_")
        phrase = body.rstrip("_").replace("_", " ").lower().strip()
        if not phrase or not _DATING.search(phrase) is None or phrase in _POLITICAL_SENSES:
            continue
        out.append((phrase, scope, whole))
    return out


# ----------------------------------------------------------------------------- references
def build_codes(ref: Path) -> list[tuple[str, str]]:
    rows = []
    for line in (ref / "cameo-eventcodes.txt").read_text("utf-8").splitlines()[1:]:
        code, _, label = line.partition("\t")
        code = code.strip()
        if len(code) >= 2 and code.isdigit():
            rows.append((code, label.strip()))
    return rows


def build_plover(ref: Path) -> list[tuple[str, str, str, str, str]]:
    rows = []
    pat = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?(?:#(.*))?$")
    for line in (ref / "cameo-to-plover.txt").read_text("utf-8").splitlines():
        m = pat.match(line.strip())
        if not m:
            continue
        code, event, mode, context, note = (g.strip() if g else "" for g in m.groups())
        rows.append((code, event, mode, context.replace(" ", ""), note))
    return rows


# ----------------------------------------------------------------------------- output
def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def header(source: str, path: Path, what: str) -> str:
    return (f"# {what}\n"
            f"# Provenance: derived by tools/build_event_tables.py from {source}\n"
            f"#   (sha256 {sha256(path)[:16]}). Regenerate with that script; do not edit by hand.\n")


def write(name: str, head: str, columns: list[str], rows: list[list[str]]) -> None:
    with open(OUT / name, "w", encoding="utf-8") as f:
        f.write(head)
        f.write("# Columns: " + "<TAB>".join(columns) + "\n")  # the one header convention of streams.data
        for row in rows:
            f.write("\t".join(row) + "\n")


# Surrounding a house is a blockade of it: PETRARCH2's ENCIRCLE block codes its verb's default 190 and its "SURROUND *
# HOUSE" pattern 080 (yield), which names no act of the one who surrounds, so "security forces surrounded the
# opposition leader's house" read as a concession. CAMEO 1.1b3's 191 (impose blockade, restrict movement) is what
# surrounding a building does to those inside; the pattern takes it.
ENCIRCLING_NOTE, YIELD, BLOCKADE = "SURROUND", "080", "191"


def align_surrounding(patterns: list[Pattern]) -> int:
    """Give the SURROUND verb's patterns coded as yielding a blockade's code (see above); how many changed."""
    return recode_patterns(patterns, ENCIRCLING_NOTE, YIELD, BLOCKADE)


# Measures announced or proposed are a policy, and a threat only when aimed at a party: PETRARCH2 codes a bare
# "measures" object of its ANNOUNCE and PROPOSE patterns as a threat (130), where its DEMAND block's own pattern says
# what makes measures one, an "against" phrase (130). "The ministry announced measures to curb inflation" reports a
# policy; "announced measures against the importers" threatens them. The bare patterns take that phrase; measures
# that say by their own name that they answer a party ("retaliatory", "punitive" or "reciprocal" measures,
# countermeasures) threaten with no phrase, as patterns of their own beside them.
MEASURES_OBJECT, MEASURES_THREAT, MEASURES_AIMED = "measures/measure", "130", "against:"
RETALIATORY_MEASURES = ("retaliatory measures/measure", "punitive measures/measure", "reciprocal measures/measure",
                        "countermeasures/countermeasure")


def align_measures(patterns: list[Pattern]) -> int:
    """Give the bare threat patterns of measures the "against" phrase a threat of measures needs, and add their
    retaliatory forms (above); how many patterns changed or were added."""
    changed, added = 0, []
    for p in patterns:
        if (p.object == MEASURES_OBJECT and p.code == MEASURES_THREAT
                and not (p.subject or p.extra or p.particle or p.preps)):
            p.preps = [MEASURES_AIMED]
            changed += 1
            added += [Pattern(block=p.block, line=f"{p.line}{chr(97 + k)}", object=obj, code=MEASURES_THREAT,
                              note=f"{p.note.strip()} (align_measures)") for k, obj in enumerate(RETALIATORY_MEASURES)]
    patterns.extend(added)
    return changed + len(added)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = ap.parse_args()
    shared = Path(args.shared)
    p2 = shared / "data" / "event-dictionaries" / "petrarch2"
    ref = shared / "reference"
    lemmas = Lemmas()

    cameo = p2 / "CAMEO.2.0.txt"
    synsets, verbs, patterns, stats = parse_verb_dictionary(cameo, lemmas)
    stats["signing_aligned"] = align_signing(patterns)
    stats["lawsuits_aligned"] = align_lawsuits(verbs, patterns)
    stats["meetings_aligned"] = align_meetings(verbs, patterns)
    stats["legal_aligned"] = align_legal(verbs, patterns)
    stats["appeals_aligned"] = align_appeals(patterns)
    stats["hijacking_aligned"] = align_hijacking(verbs)
    stats["vetoes_aligned"] = align_vetoes(verbs)
    stats["votes_down_aligned"] = align_votes_down(verbs)
    stats["considering_aligned"] = align_considering(verbs)
    stats["expecting_aligned"] = align_expecting(verbs)
    stats["findings_aligned"] = align_findings(patterns)
    stats["visits_aligned"] = align_visits(patterns)
    stats["treaties_aligned"] = align_cancelled_treaties(patterns)
    stats["alerts_aligned"] = align_alerts(patterns)
    stats["received_aid_aligned"] = align_received_aid(patterns)
    stats["condemnations_aligned"] = align_condemnations(patterns)
    stats["approved_funds_aligned"] = align_approved_funds(patterns)
    stats["inquiries_aligned"] = align_inquiries(patterns)
    stats["surrounding_aligned"] = align_surrounding(patterns)
    stats["measures_aligned"] = align_measures(patterns)
    stats["qualified_duplicates_dropped"] = align_qualified_duplicates(patterns)
    src = f"CAMEO.2.0.txt of {PETRARCH_COMMIT}"
    write("cameo_synsets.tsv", header(src, cameo, "CAMEO verb dictionary synonym sets: &NAME -> word (nouns lemmatised)"),
          ["synset", "word"], [[k, w] for k, words in synsets.items() for w in words])
    write("cameo_verbs.tsv",
          header(src, cameo, "CAMEO verb dictionary: verbs of each synonym block. code = the verb's own code, else its block's "
                             "('---' = the verb alone codes nothing); companions = words a multi-word verb needs after / before it")
          + f"# Read: {stats['verb_lines']} verb lines, {stats['verbs_dropped']} dropped (conjunction workarounds such as KILLED_AND); "
            "forms: the entry's own, regular forms when it lists none, and the irregular forms spaCy's English lemmatizer "
            "exceptions give the verb (\"withdrawn\", \"stolen\") when the entry omits them; "
            f"{stats['verbs_from_pattern_notes']} verbs added from the patterns' notes (see verbs_from_notes); the SUE "
            "block coded 115 (bring lawsuit), as PLOVER's codebook has it (see align_lawsuits); \"convict\" coded 116 (find "
            "guilty), not 173 (see align_legal); \"hijack\" coded 181 (abduct, hijack, or take hostage), as the CAMEO "
            "codebook has it, not 171 (see align_hijacking); \"veto\" coded 129 (veto), as the CAMEO codebook has it, not 172 "
            "(see align_vetoes); \"vote down\" coded 120 (reject), as the VOTE block's own \"* DOWN\" pattern, not 170 (see "
            "align_votes_down); the CONSIDER block's verbs coded 014 (consider policy option), not 040 (see "
            "align_considering); \"expect\" coded 010 as its block, not 030 (see align_expecting).\n",
          ["verb", "after", "before", "forms", "code", "block"],
          [[v.lemma, " ".join(v.companions), " ".join(v.companions_before), " ".join(v.forms), v.code, v.block] for v in verbs])
    write("cameo_patterns.tsv",
          header(src, cameo, "CAMEO verb dictionary: patterns of each synonym block (they apply to every verb of the block)")
          + f"# Read: {stats['pattern_lines']} pattern lines, {stats['patterns_dropped']} dropped (pre-verb modality/clause words or "
            f"unreadable), {stats['transformations_skipped']} verb-verb transformations not used; {stats['signing_aligned']} "
            "patterns of signing an agreement coded 057 as PLOVER's codebook has it (see align_signing); "
            f"{stats['lawsuits_aligned']} verbs and patterns of the SUE block coded 115 (see align_lawsuits); "
            f"{stats['meetings_aligned']} patterns of meetings held coded as the MEET_PEOPLE block is, not as an intent to "
            f"meet (see align_meetings); {stats['legal_aligned']} verbs and patterns of verdicts coded 116 and of trials "
            f"coded 1121, not 173 (see align_legal); {stats['appeals_aligned']} patterns of calls for an act coded as an "
            "appeal (02x), not an intent (03x) or the act itself (see align_appeals); "
            f"{stats['findings_aligned']} patterns of a person found dead with no source, not the finder (see align_findings); "
            f"{stats['visits_aligned']} patterns of a visit made coded as a visit (042/043), not an intent to meet (see align_visits); "
            f"{stats['treaties_aligned']} patterns of a treaty cancelled coded 160, not a threat (see align_cancelled_treaties); "
            f"{stats['alerts_aligned']} bare alert patterns coded 150 beside the qualified ones (see align_alerts); "
            f"{stats['received_aid_aligned']} patterns of aid received coded as the giver's act, reversed (see align_received_aid); "
            f"{stats['condemnations_aligned']} patterns of an act condemned coded 111, not 018 (see align_condemnations); "
            f"{stats['approved_funds_aligned']} patterns of funds approved coded as aid given (07x), not an intent (see "
            "align_approved_funds); "
            f"{stats['inquiries_aligned']} patterns of an inquiry ordered or demanded coded 090 or 101, not 1014 (see align_inquiries); "
            f"{stats['surrounding_aligned']} patterns of a house surrounded coded 191, not 080 (see align_surrounding); "
            f"{stats['measures_aligned']} patterns of measures announced or proposed coded a threat only against a party or when retaliatory, changed or added (see align_measures); "
            f"{stats['qualified_duplicates_dropped']} bare duplicates of a qualified pattern's code dropped (see "
            "align_qualified_duplicates).\n"
          + "# subject/object: noun (word/lemma), '{mod head}' phrases as 'mod head', &SYNSET references; preps: 'prep:noun' "
            "joined by '|'; source/target: where the actor sits when not the default (subject -> source, first actor after "
            "the verb -> target; 'none': no actor); reverse: code of the reversed event (target acts on source) from '[A:B]'.\n",
          ["block", "line", "subject", "particle", "object", "extra", "preps", "source", "target", "code", "reverse", "note"],
          [[p.block, str(p.line), p.subject, p.particle, p.object, " ".join(p.extra), "|".join(p.preps), p.source, p.target,
            p.code, p.reverse, p.note.replace("\t", " ")[:60]] for p in patterns])

    discards = p2 / "Phoenix.discards.txt"
    write("event_discards.tsv",
          header(f"Phoenix.discards.txt of {PETRARCH_COMMIT}", discards,
                 "Phrases that mark a sentence (or with scope=story the whole story) as not codeable: sport, entertainment, history")
          + "# Left out: bare years and 'N weeks ago' / 'years later' phrases (the coder dates events), and phrases whose common\n"
          + "#   sense in political news is no sport or history: " + ", ".join(sorted(_POLITICAL_SENSES)) + " (see the build script).\n"
          + "# whole_word: the phrase must end at a word boundary (else it is a stem: 'BASEBALL' matches 'baseballs').\n",
          ["phrase", "scope", "whole_word"], [[p, s, "1" if w else "0"] for p, s, w in parse_discards(discards)])

    codes_path = ref / "cameo-eventcodes.txt"
    write("cameo_codes.tsv", header("shared/reference/cameo-eventcodes.txt (GDELT CAMEO event-code lookup, CAMEO 1.1b3)", codes_path,
                                    "CAMEO event codes and labels"), ["code", "label"], [[c, l] for c, l in build_codes(ref)])
    plover_path = ref / "cameo-to-plover.txt"
    rows, seen = [], set()
    for row in build_plover(ref):
        if row[0] not in seen:
            seen.add(row[0])
            rows.append(list(row))
    # Project rule (issue 14): appeals (CAMEO 02) are requests in PLOVER; statements (01) have no PLOVER type.
    rows.insert(0, ["02", "REQUEST", "", "", "project rule: CAMEO 02 appeals code as PLOVER REQUEST (not in the reference table)"])
    write("cameo_plover.tsv",
          header("shared/reference/cameo-to-plover.txt (PLOVER manual draft 0.8, 2021-09-17)", plover_path, "CAMEO -> PLOVER event, mode, context")
          + "# Root 01 (statements) has no PLOVER event: such events carry plover_type null and are published only on request.\n",
          ["code", "plover", "mode", "context", "note"], rows)
    print(f"verbs {len(verbs)}, patterns {len(patterns)} ({stats}), synsets {len(synsets)}, codes/plover rows {len(rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
