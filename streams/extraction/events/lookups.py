"""Thin adapters to the entity layer's resolvers (dates, places, actor typing).

The colleague-owned modules ``streams/extraction/{dates,places,actors}.py`` are
the one place where those jobs are done; this module only calls them, and
degrades to "unknown" (``None``) when one is missing or fails, so the coder
never guesses a date or a country on its own.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import Any, Callable


@lru_cache(maxsize=None)
def _function(module: str, names: tuple[str, ...]) -> Callable[..., Any] | None:
    try:
        mod = importlib.import_module(f"streams.extraction.{module}")
    except Exception:  # noqa: BLE001 - absent or broken sibling module: degrade, don't crash
        return None
    for name in names:
        fn = getattr(mod, name, None)
        if callable(fn):
            return fn
    return None


def resolve_date(text: str, published_at: str | None) -> str | None:
    """ISO date of a date phrase against the publication time, or None (never guessed)."""
    fn = _function("dates", ("resolve_date",))
    if fn is None:
        return None
    try:
        out = fn(text, published_at)
    except Exception:  # noqa: BLE001
        return None
    return out if isinstance(out, str) else None


def resolve_place(text: str) -> tuple[str | None, float | None, float | None]:
    """(iso3, lat, lon) of a place phrase; (None, None, None) when unknown."""
    fn = _function("places", ("resolve_place",))
    if fn is None:
        return None, None, None
    try:
        iso3, lat, lon = fn(text)
    except Exception:  # noqa: BLE001
        return None, None, None
    return (iso3 if isinstance(iso3, str) else None, lat if isinstance(lat, (int, float)) else None, lon if isinstance(lon, (int, float)) else None)


def actor_type(text: str) -> tuple[str | None, str | None, str | None]:
    """(canonical, country, sector) of a span that is no entity ("Israeli forces" -> None, ISR, MIL)."""
    fn = _function("actors", ("lookup_actor",))
    if fn is None:
        return None, None, None
    try:
        out = fn(text)
    except Exception:  # noqa: BLE001
        return None, None, None
    if out is None:
        return None, None, None
    if isinstance(out, dict):
        return _str(out.get("canonical")), _str(out.get("country")), _str(out.get("sector"))
    return _str(getattr(out, "canonical", None)), _str(getattr(out, "country", None)), _str(getattr(out, "sector", None))


def _str(v: Any) -> str | None:
    return v if isinstance(v, str) and v else None


def available() -> dict[str, bool]:
    """Which resolvers are wired (for the benchmark's report)."""
    return {
        "dates": _function("dates", ("resolve_date",)) is not None,
        "places": _function("places", ("resolve_place",)) is not None,
        "actors": _function("actors", ("lookup_actor",)) is not None,
    }


__all__ = ["resolve_date", "resolve_place", "actor_type", "available"]
