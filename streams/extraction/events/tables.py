"""CAMEO codes and the CAMEO -> PLOVER mapping, read from the project's data files.

The files are derived from the shared references by ``tools/build_event_tables.py``
so the running package never needs ``../shared``. Statements (CAMEO 01) have no PLOVER
type; appeals (02) are PLOVER REQUEST (a row of ``cameo_plover.tsv``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ...data import records

QUAD_BY_ROOT = {
    **{f"{r:02d}": "verbal_cooperation" for r in range(1, 6)},
    **{f"{r:02d}": "material_cooperation" for r in range(6, 9)},
    **{f"{r:02d}": "verbal_conflict" for r in range(9, 14)},
    **{f"{r:02d}": "material_conflict" for r in range(14, 21)},
}


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """What one CAMEO code means in the record: PLOVER type/mode and quad class."""

    cameo: str
    label: str
    plover_type: str | None
    plover_mode: str | None
    quad_class: str


@lru_cache(maxsize=1)
def _labels() -> dict[str, str]:
    return {r["code"]: r["label"] for r in records("cameo_codes.tsv")}


@lru_cache(maxsize=1)
def _plover() -> dict[str, tuple[str, str]]:
    return {r["code"]: (r["plover"], r["mode"]) for r in records("cameo_plover.tsv")}


def plover_types() -> list[str]:
    """Every PLOVER type a coded event can carry, plus the labels of the untyped roots (statements, 01).

    The metrics create one counter series per type up front, so a type seen once
    per worker still shows on a rate panel.
    """
    untyped = [f"CAMEO{r:02d}" for r in range(1, 21) if code_info(f"{r:02d}").plover_type is None]
    return sorted({t for t, _ in _plover().values() if t}) + untyped


@lru_cache(maxsize=512)
def code_info(cameo: str) -> CodeInfo:
    """PLOVER type from the most specific mapped prefix; root 01 (statements) stays untyped (null)."""
    root = cameo[:2]
    plover = _plover()
    ptype, pmode = None, None
    for n in range(len(cameo), 1, -1):
        hit = plover.get(cameo[:n])
        if hit:
            ptype, pmode = hit[0], (hit[1] or None)
            break
    if root == "01":
        ptype, pmode = None, None
    return CodeInfo(cameo, _labels().get(cameo, ""), ptype, pmode, QUAD_BY_ROOT.get(root, "verbal_cooperation"))
