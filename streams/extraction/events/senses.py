"""Non-political senses of event verbs: game results, market moves, commercial offers, plain intentions.

Ordinary news that is not about politics (sports results, product and market news)
uses the same verbs as conflict and cooperation reporting: "Russia beat Croatia"
(a tennis tie), "X rallied to win the set", "the index rallied", "Nissan will offer
better mileage", "he decided to weigh in on the fight", "she helped me a lot". An
analyst rejects those as events. The checks here are cheap word/pattern tests on
the sentence and on the article as a whole (one pass per document), made after the
parse has given the trigger its actors:

* contest sense: a verb that has a game meaning (beat, rally, attack, shoot, strike,
  hit, host, meet...) in a sentence that carries a score ("6-4", "2-1") or sports
  vocabulary, or anywhere in an article that is about sport, is no event, unless one
  of its actors is a security force, armed group or protester ("police fired teargas
  at fans after the match" stays);
* a state or organisation is not physically beaten: "beat" with a country or
  organisation as its object is a contest (sport, election, market share);
* rally: "rallied to win / from two sets down", "shares rallied" are no protest;
* intent verbs (decide, plan, offer, promise, commit...) code AGREE only when the
  intent concerns an actor or a codable / cooperative act;
* help / assist need an actor as the one helped ("helped me a lot" is no aid).
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..doc_index import doc_text
from .lexicon import word_sets

# Word lists live in streams/data/event_senses.tsv (one word per line, per set).
_WORDS = word_sets("event_senses.tsv")

# a game score: "6-4", "2-1", "7-6 (5)"; not dates ("2019-11-18"), times or ranges inside longer numbers
SCORE_RE = re.compile(r"(?<![\w/.:,-])\d{1,3}\s?[-–]\s?\d{1,3}(?![\w/:%-]|\.\d)")

# words that only sport uses (one is enough in the sentence)
STRONG_SPORT = _WORDS["strong_sport"]
# words that sport uses a lot but politics also does ("a negotiating team", "a political game"): two are needed
WEAK_SPORT = _WORDS["weak_sport"]
# verbs (and nouns) of the lexicon that have a game sense
CONTEST_LEMMAS = _WORDS["contest_lemmas"]
# actors whose presence keeps the political reading in a sports setting (police at a match, rioting fans)
_FORCE_SECTORS = {"MIL", "COP", "REB", "CRM", "SPY"}
_OFFICE_SECTORS = {"GOV", "LEG", "JUD", "IGO", "PTY", "OPP"}  # a minister or a court acting in a sports story
_FORCE_WORDS = _WORDS["force_words"]

# what shares, indices and currencies do: "the index rallied", "the yen strengthened"
MARKET_WORDS = _WORDS["market_words"]
_RALLY_GAME_XCOMP = _WORDS["rally_game_xcomp"]

INTENT_LEMMAS = {"decide", "plan", "offer", "promise", "pledge", "vow", "commit", "propose"}
_INTENT_STRICT = {"decide", "plan"}  # "decided to X" is AGREE only when X is a codable act or concerns an actor
HELP_LEMMAS = {"help", "assist", "aid"}
# objects / intended acts that make an offer or a pledge one of cooperation (CAMEO 03 sub-categories)
COOP_WORDS = _WORDS["coop_words"]
_AMOUNT_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"}


# nouns that measure rather than name ("helped a lot", "a great deal", "a bit")
_QUANTIFIER_NOUNS = _WORDS["quantifier_nouns"]


def article_sport(doc: Doc) -> bool:
    """The article is a sports report: sport-only words or game scores recur in it."""
    strong = weak = 0
    for tok in doc:
        low = tok.lower_
        if low in STRONG_SPORT:
            strong += 1
        elif tok.lemma_.lower() in WEAK_SPORT:
            weak += 1
    scores = len(SCORE_RE.findall(doc_text(doc)[:20000])) if strong or weak else 0
    return strong >= 3 or (strong >= 1 and scores >= 1) or scores >= 3 or (strong >= 1 and weak >= 4) or (scores >= 2 and weak >= 2)


def sentence_sport(sent: Span) -> bool:
    """The sentence itself is about a game: a score, a sport-only word, or two sport words."""
    if SCORE_RE.search(sent.text):
        return True
    weak = 0
    for tok in sent:
        if tok.lower_ in STRONG_SPORT:
            return True
        if tok.lemma_.lower() in WEAK_SPORT:
            weak += 1
    return weak >= 2


def has_score(text: str) -> bool:
    return SCORE_RE.search(text) is not None


def _is_force(actor: Any) -> bool:
    if actor is None:
        return False
    if actor.sector in _FORCE_SECTORS:
        return True
    if actor.sector in _OFFICE_SECTORS and actor.etype not in ("GPE", "NORP", "ORG"):
        return True  # a person or body in office ("the sports minister", a court); states and clubs are teams
    return any(w in _FORCE_WORDS for w in actor.text.lower().split())


def contest_sense(tok: Token, sent: Span, in_sport_article: bool, sources: list[Any], targets: list[Any]) -> bool:
    """The trigger reads as a game action or result, not a political act."""
    lemma = tok.lemma_.lower()
    if lemma not in CONTEST_LEMMAS:
        return False
    if any(_is_force(a) for a in list(sources) + list(targets)):
        return False
    if in_sport_article or sentence_sport(sent):
        return True
    if any(has_score(a.text) for a in targets):
        return True
    if lemma == "beat" and any(a.etype in ("GPE", "ORG") for a in targets):
        return True  # states and organisations are not physically beaten: a contest (sport, election, market)
    return False


def rally_not_protest(tok: Token) -> bool:
    """"rallied to win / to beat", "rallied from two sets down", "shares rallied", "rallying the troops"."""
    if tok.lemma_.lower() != "rally" or tok.pos_ not in ("VERB", "AUX") and not tok.tag_.startswith("VB"):
        return False
    for c in tok.children:
        if c.dep_ == "xcomp" and c.lemma_.lower() in _RALLY_GAME_XCOMP:
            return True
        if c.dep_ == "prep" and c.lower_ in ("from", "past"):
            return True
        if c.dep_ in ("nsubj", "nsubjpass"):
            words = {t.lower_ for t in c.subtree} | {c.lemma_.lower()}
            if words & MARKET_WORDS or c.ent_type_ in ("MONEY", "PERCENT"):
                return True
        if c.dep_ == "dobj":
            return True  # transitive "rallied supporters / the troops": mobilising, not a protest event
    return False


def market_subject(tok: Token) -> bool:
    """The grammatical subject is a share, index or currency ("stocks rallied", "the rupee hit a low")."""
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in MARKET_WORDS or c.lemma_.lower() in MARKET_WORDS):
            return True
    return False


def actor_like(actor: Any) -> bool:
    """A target an analyst would accept: a named entity or an actor noun, never a score or a quantity."""
    if actor is None:
        return False
    if has_score(actor.text):
        return False
    return bool(actor.named or actor.is_actor or actor.country)


def unlikely_target(actor: Any, head: Token | None) -> bool:
    """A phrase that is clearly no actor: a score, a date/time/amount, "a lot", "Thursday's fight"."""
    if actor is None:
        return True
    if has_score(actor.text):
        return True
    if actor.named or actor.is_actor or actor.country:
        return False
    if head is not None:
        if head.ent_type_ in _AMOUNT_ENTS or head.like_num or head.lemma_.lower() in _QUANTIFIER_NOUNS:
            return True
        if head.dep_ in ("npadvmod", "advmod"):
            return True  # "helped me a lot", "visit much": an adverbial, not an object
        if any(c.dep_ == "poss" and c.ent_type_ in ("DATE", "TIME") for c in head.children):
            return True  # "Thursday's fight"
    return False


def _coop_token(t: Token) -> bool:
    return t.lemma_.lower() in COOP_WORDS or t.lower_ in COOP_WORDS


def _political(actor: Any) -> bool:
    """A state, a government / legislature / party / armed body, or a person holding such an office."""
    return actor is not None and (actor.sector in _OFFICE_SECTORS | _FORCE_SECTORS or actor.etype in ("GPE", "NORP"))


def intent_without_cooperation(tok: Token, targets: list[Any], is_trigger_lemma, sources: list[Any] = ()) -> bool:
    """An intent verb (decide, plan, offer, promise...) whose intent is neither toward an actor nor a codable act.

    Offers, pledges and proposals of a political actor (a state, a government, a party) stay: what they offer is
    policy ("the Commission is to propose bringing shipping into the scheme"); a company's offer is a product.
    """
    lemma = tok.lemma_.lower()
    if lemma not in INTENT_LEMMAS:
        return False
    if any(actor_like(a) for a in targets):
        return False
    if lemma not in _INTENT_STRICT and any(_political(a) for a in sources):
        return False
    xcomps = [c for c in tok.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
    for c in tok.children:  # "decided on Monday to inspect": xcomp sometimes hangs off a prep / advcl
        if c.dep_ in ("advcl",) and c.pos_ == "VERB" and any(g.lower_ == "to" for g in c.children):
            xcomps.append(c)
    for x in xcomps:
        if _coop_token(x) or is_trigger_lemma(x):
            return False
        if any(_coop_token(g) or is_trigger_lemma(g) for g in x.children if g.dep_ in ("dobj", "attr")):
            return False
    objects = [c for c in tok.children if c.dep_ in ("dobj", "dative")]
    objects += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
    for o in objects:
        if o.pos_ == "PRON" or o.tag_.startswith("W"):
            return lemma in _INTENT_STRICT  # "offered what he called a compromise": the object is unknown
        if _coop_token(o) or is_trigger_lemma(o):
            return False
        if any(_coop_token(g) for g in o.children if g.dep_ in ("compound", "amod", "prep", "pobj")):
            return False
    if lemma in _INTENT_STRICT:
        return True
    if not xcomps and not objects:
        return False  # "X offered on day 29..." (object in a clause the parse lost): keep the reading
    return True


def help_without_actor(tok: Token, targets: list[Any]) -> bool:
    """help / assist / aid with nobody (no actor) being helped: "helped me a lot", "helps to initiate production"."""
    if tok.lemma_.lower() not in HELP_LEMMAS or not (tok.pos_ == "VERB" or tok.tag_.startswith("VB")):
        return False
    return not any(actor_like(a) for a in targets)
