"""The team's blind coded record sets in ``bench/`` (``events_dev.SETS``): what the events bench scores must be
readable as coded, so a malformed row fails here and not silently in a figure."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import events_dev  # noqa: E402

_ROOT_CODE = re.compile(r"(0[1-9]|1[0-9]|20)")


@pytest.mark.parametrize("name", sorted(events_dev.SETS))
def test_every_row_is_coded_with_spans_of_its_own_text(name: str) -> None:
    path = events_dev.SETS[name]
    head = path.read_text("utf-8").splitlines()
    assert any(line.startswith("# Licence:") for line in head), f"{path.name} names no licence"
    rows = events_dev.load_blind(path)
    assert len(rows) >= 200 and len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        assert r["cameo_root"] is None or _ROOT_CODE.fullmatch(r["cameo_root"]), (r["id"], r["cameo_root"])
        for span in r["source_spans"] + r["target_spans"]:
            assert span and span in r["text"], (r["id"], span)
