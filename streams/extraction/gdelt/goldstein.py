"""Goldstein scale of a CAMEO event code, as GDELT assigns it.

Table: ``streams/data/cameo_goldstein.tsv``, derived by ``tools/build_goldstein.py``
from GDELT's CAMEO.goldsteinscale.txt (citation in the file's header). Every
CAMEO event code has a value; a code the table lacks (a coder emitting a
non-standard child) takes the value of its nearest listed parent, which is how
CAMEO's hierarchy reads ("1824" is a kind of "182").
"""

from __future__ import annotations

from functools import lru_cache

from ...data import rows

TABLE = "cameo_goldstein.tsv"


@lru_cache(maxsize=1)
def table() -> dict[str, float]:
    return {code: float(value) for code, value in rows(TABLE)}


def goldstein(cameo_code: str) -> float | None:
    """The code's Goldstein value, else its nearest listed parent's; None for a non-code."""
    values = table()
    code = (cameo_code or "").strip()
    for n in range(len(code), 1, -1):
        value = values.get(code[:n])
        if value is not None:
            return value
    return None
