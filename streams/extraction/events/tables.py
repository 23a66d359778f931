"""CAMEO codes and the CAMEO -> PLOVER mapping, read from the project's data files.

The files are derived from the shared references by ``bench/events_build_tables.py``
so the running package never needs ``../shared``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ...data import rows

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
    return {r[0]: r[1] if len(r) > 1 else "" for r in rows("cameo_codes.tsv", strip=False)}


@lru_cache(maxsize=1)
def _plover() -> dict[str, tuple[str, str]]:
    return {r[0]: (r[1], r[2] if len(r) > 2 else "") for r in rows("cameo_plover.tsv", strip=False)}


def plover_types() -> list[str]:
    """Every PLOVER type a coded event can carry, plus the labels of the untyped roots.

    The metrics create one counter series per type up front, so a type seen once
    per worker still shows on a rate panel.
    """
    return sorted({t for t, _ in _plover().values() if t}) + ["CAMEO01", "CAMEO02"]


@lru_cache(maxsize=512)
def code_info(cameo: str) -> CodeInfo:
    """PLOVER type from the most specific mapped prefix; roots 01/02 stay untyped (null)."""
    root = cameo[:2]
    plover = _plover()
    ptype, pmode = None, None
    for n in range(len(cameo), 1, -1):
        hit = plover.get(cameo[:n])
        if hit:
            ptype, pmode = hit[0], (hit[1] or None)
            break
    if root in ("01", "02"):
        ptype, pmode = None, None
    return CodeInfo(cameo, _labels().get(cameo, ""), ptype, pmode, QUAD_BY_ROOT.get(root, "verbal_cooperation"))
