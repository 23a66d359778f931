"""The coder's view of the entity layer's resolvers (dates, places, actor typing).

``streams/extraction/{dates,places,actors}.py`` are the one place where those
jobs are done; the coder calls them through these three functions, which only
reduce each answer to the plain fields an event record carries. A resolver
that does not know returns None and the coder leaves the field unknown (it never
guesses a date or a country on its own). A resolver that raises is a bug and is
not hidden here as an unknown value: it fails the article like any other bug of
the stage (a dead letter with the error), where a test or an operator sees it.
"""

from __future__ import annotations

from ..actors import lookup_actor
from ..dates import resolve_date  # ISO date of a date phrase against the publication time, or None
from ..places import resolve_place  # (iso3, lat, lon) of a place phrase; (None, None, None) when unknown


def actor_type(text: str) -> tuple[str | None, str | None, str | None]:
    """(canonical, country, sector) of a span that is no entity ("Israeli forces" -> None, ISR, MIL)."""
    actor = lookup_actor(text)
    if actor is None:
        return None, None, None
    return actor.canonical or None, actor.country or None, actor.sector or None


__all__ = ["resolve_date", "resolve_place", "actor_type"]
