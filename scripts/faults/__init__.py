"""Fault suite v2 (``scripts/faults.sh``): see ``__main__`` and docs/faults.md."""

import sys
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[2]
for _p in (_ROOT, _ROOT / "tests"):  # the package under test, and the test harness (worker processes)
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))
