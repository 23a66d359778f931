"""Coded events: who did what to whom, typed by CAMEO and PLOVER."""

from __future__ import annotations

from .coder import code_events

__all__ = ["code_events"]
