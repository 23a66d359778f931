"""Actor dictionaries as the event coder asks them: named actors and generic agents.

The interface is the one of ``streams.extraction.actor_dictionary`` (Phoenix country,
international and armed-group dictionaries with date ranges, the project's people
gazetteer, the agents dictionary). Until that module is in the tree, this adapter
answers from what exists: the project's gazetteers through
``streams.extraction.actors.lookup_actor`` and the agent nouns of
``streams/data/event_actor_nouns.tsv``. The coder imports these names from here only,
so moving to the dictionaries is the one import below.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span

from .knowledge import read_rows

try:  # the actors session's dictionaries, once merged
    from ..actor_dictionary import ActorInfo, agent_actor, named_actor  # type: ignore[import-not-found]  # noqa: F401
except ImportError:

    @dataclass(frozen=True, slots=True)
    class ActorInfo:  # type: ignore[no-redef]
        canonical: str
        code: str
        country: str | None
        sector: str | None
        source: str
        flags: frozenset[str]

    @lru_cache(maxsize=1)
    def _agent_nouns() -> dict[str, str]:
        return {r["noun"]: r["sector"] for r in read_rows("event_actor_nouns.tsv")}

    @lru_cache(maxsize=8192)
    def named_actor(text: str, when: datetime.date | None = None) -> ActorInfo | None:  # type: ignore[misc]
        """A named state, organisation or person the gazetteers know (``when`` is not used by the fallback)."""
        from ..actors import lookup_actor

        found = lookup_actor(text)
        if found is None or (found.country is None and found.sector is None):
            return None
        return ActorInfo(found.canonical, (found.country or "") + (found.sector or ""), found.country, found.sector,
                         "gazetteer", frozenset({found.type}))

    def agent_actor(span: Span, when: datetime.date | None = None) -> ActorInfo | None:  # type: ignore[misc]
        """A generic agent noun phrase ("Afghan police" -> AFG/COP); None when the head is no agent noun."""
        head = span.root
        sector = _agent_nouns().get(head.lemma_.lower()) or _agent_nouns().get(head.lower_)
        if sector is None:
            return None
        country = None
        for tok in span:
            if tok.i == head.i or tok.dep_ not in ("amod", "compound", "nmod", "poss", "pobj"):
                continue
            if tok.ent_type_ in ("GPE", "NORP") or tok.text[:1].isupper():
                info = named_actor(tok.text, when)
                if info is not None and info.country:
                    country = info.country
                    break
        text = span.text
        return ActorInfo(text, (country or "") + sector, country, sector, "agents", frozenset())


__all__ = ["ActorInfo", "agent_actor", "named_actor"]
