"""Titles and roles written next to a person's name, and what they say about the actor.

News names people with their office: "Iranian Foreign Minister Hossein ...",
"Supreme Leader of Iran, Ali Khamenei", "James Comey, the FBI director". That
phrase is the best evidence of an actor's country and sector (CAMEO codes them
from it), so it is read here from the tokens around a mention, and its country
/ sector are derived from the gazetteers (demonyms, countries, organisations)
and the role-word table ``streams/data/roles_sectors.tsv``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from .gazetteer import demonyms, norm, organisations, people, places, role_countries, role_words

_MAX_ROLE_TOKENS = 9
_LED = re.compile(r"-led\b", re.IGNORECASE)
_GLUE = {"of", "the", "'s", "’s", "and", "for"}
_STRIP_LEAD = {"the", "a", "an", "of", "and", "for"}


@lru_cache(maxsize=65_536)  # a pure lookup asked for the same words again and again (bounded memo)
def role_entry(text: str) -> tuple[str | None, str]:
    """(sector, kind) of a role/title/modifier/org-head word or phrase, singular or plural; (None, "") if none."""
    table = role_words()
    key = norm(text)
    entry = table.get(key)
    if entry is None:
        for plural, singular in _PLURALS:
            if key.endswith(plural):
                entry = table.get(key[: len(key) - len(plural)] + singular)
                if entry is not None:
                    break
    return entry or (None, "")


_PLURALS = (("men", "man"), ("women", "woman"), ("ies", "y"), ("es", ""), ("s", ""))  # gunmen, militias, authorities


def _is_role_word(text: str) -> bool:
    return role_entry(text)[1] in ("role", "mod", "title")


def _usable(tok: Token) -> bool:
    if "\n" in tok.whitespace_ or tok.is_space:
        return False
    low = tok.lower_
    return low in _GLUE or _is_role_word(tok.text) or (tok.text[:1].isupper() and tok.is_alpha) or tok.text in ("-",)


def _has_role(tokens: list[Token]) -> bool:
    return any(role_entry(t.text)[1] == "role" for t in tokens) or any(
        role_entry(f"{a.text} {b.text}")[1] == "role" for a, b in zip(tokens, tokens[1:])
    )


def _trim(tokens: list[Token]) -> list[Token]:
    while tokens and tokens[0].lower_ in _STRIP_LEAD:
        tokens = tokens[1:]
    while tokens and tokens[-1].lower_ in _GLUE:
        tokens = tokens[:-1]
    return tokens


def role_phrases(doc: Doc, span: Span) -> list[str]:
    """Role phrases written just before the name (across at most one comma/full stop) or as an apposition after it."""
    found: list[str] = []
    i = span.start - 1
    if i >= 0 and doc[i].text in (",", ".", ":") and "\n" not in doc[i].whitespace_:
        i -= 1
    left: list[Token] = []
    while i >= 0 and len(left) < _MAX_ROLE_TOKENS and _usable(doc[i]):
        left.insert(0, doc[i])
        i -= 1
    left = _trim(left)
    if left and _has_role(left):
        found.append(doc[left[0].i : left[-1].i + 1].text)
    j = span.end
    if j < len(doc) and doc[j].text == ",":
        j += 1
        if j < len(doc) and doc[j].lower_ in ("the", "a", "an"):
            j += 1
        right: list[Token] = []
        while j < len(doc) and len(right) < _MAX_ROLE_TOKENS and doc[j].text not in (",", ".", ";", ")") and (_usable(doc[j]) or doc[j].is_lower):
            right.append(doc[j])
            j += 1
        right = _trim(right)
        ends_clause = j >= len(doc) or doc[j].text in (",", ".", ";", ")")
        if right and ends_clause and _is_head_role(right[-1]):
            found.append(doc[right[0].i : right[-1].i + 1].text)
    return found


def _is_head_role(tok: Token) -> bool:
    return role_entry(tok.text)[1] == "role"


_STATE_OFFICES = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY"}


@lru_cache(maxsize=16_384)  # a pure function of the phrase; actors' names recur (bounded memo)
def describe(phrase: str) -> tuple[str | None, str | None]:
    """(country, sector) that a role or group phrase states: "Iranian Foreign Minister" -> ("IRN", "GOV").

    A state office held no longer ("former President", "ex-minister") is ELI, PLOVER's former officials.
    """
    words = _LED.sub("", phrase.replace("’", "'").replace("'s", " ")).split()  # "Saudi-led coalition": led by Saudi Arabia
    words = [part for w in words for part in ((w[:2], w[3:]) if w.lower().startswith("ex-") and len(w) > 3 else (w,))]
    country, sector = _describe_words(words)
    if sector in _STATE_OFFICES and any(role_entry(w) == ("ELI", "mod") for w in words):
        sector = "ELI"
    return country, sector


def _describe_words(words: list[str]) -> tuple[str | None, str | None]:
    country: str | None = None
    org_sector: str | None = None
    sector: str | None = None
    role_country: str | None = None
    person_country: str | None = None
    orgs, dem, pl, known, offices = organisations(), demonyms(), places(), people(), role_countries()
    n = len(words)
    used = [False] * n
    for size in (4, 3, 2, 1):
        for k in range(n - size + 1):
            if any(used[k : k + size]):
                continue
            key = norm(" ".join(words[k : k + size]))
            org = orgs.get(key) if words[k][:1].isupper() else None
            if org is not None:
                country = country or org.country
                org_sector = org_sector or org.sector
                used[k : k + size] = [True] * size
                continue
            if words[k][:1].isupper():
                iso3 = dem.get(key)
                place = pl.get(key)
                if iso3 is None and place is not None and place.kind in ("country", "capital", "region"):
                    iso3 = place.country
                if iso3:
                    country = country or iso3
                    used[k : k + size] = [True] * size
                    continue
            if words[k][:1].isupper() and (size > 1 or k + 1 < n):
                who = known.get(key)
                if who is not None and who.country:
                    person_country = person_country or who.country  # "Putin's spokesman", "Obama administration"
                    used[k : k + size] = [True] * size
                    continue
            entry = role_entry(key)
            if entry[0] is not None and entry[1] in ("role", "org"):
                sector = entry[0]  # the last (head) role word decides: "army chief" is MIL, "police chief" COP
                used[k : k + size] = [True] * size
            if entry[1] and key in offices:
                role_country = role_country or offices[key]  # "House Speaker" is an office of one country
    return country or role_country or person_country, sector or org_sector
