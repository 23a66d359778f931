"""Derive the project's CAMEO and CAMEO->PLOVER tables from ../shared/reference.

Run once by a developer (``.venv/bin/python bench/events_build_tables.py``); the
package reads only the generated files under ``streams/data/`` so nothing at
run time depends on ``../shared``. Re-run when the reference files change.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REF = ROOT.parent / "shared" / "reference"
OUT = ROOT / "streams" / "data"


def build_codes() -> list[tuple[str, str]]:
    """CAMEO code -> label, skipping the four quad-class pseudo codes (1..4)."""
    rows = []
    for line in (REF / "cameo-eventcodes.txt").read_text("utf-8").splitlines()[1:]:
        code, _, label = line.partition("\t")
        code = code.strip()
        if len(code) >= 2 and code.isdigit():
            rows.append((code, label.strip()))
    return rows


def build_plover() -> list[tuple[str, str, str, str, str]]:
    """CAMEO code -> PLOVER event, mode, context, note (codes 01x/02x map to nothing)."""
    rows = []
    pat = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?(?:#(.*))?$")
    for line in (REF / "cameo-to-plover.txt").read_text("utf-8").splitlines():
        m = pat.match(line.strip())
        if not m:
            continue
        code, event, mode, context, note = (g.strip() if g else "" for g in m.groups())
        rows.append((code, event, mode, context.replace(" ", ""), note))
    return rows


def main() -> None:
    header = (
        "# Provenance: derived by bench/events_build_tables.py from {src}\n"
        "# (shared/reference, {desc}). Regenerate with that script; do not edit by hand.\n"
    )
    codes = build_codes()
    with open(OUT / "cameo_codes.tsv", "w", encoding="utf-8") as f:
        f.write(header.format(src="cameo-eventcodes.txt", desc="GDELT CAMEO event-code lookup table, CAMEO codebook 1.1b3"))
        f.write("# Columns: code<TAB>label\n")
        for code, label in codes:
            f.write(f"{code}\t{label}\n")
    plover = build_plover()
    with open(OUT / "cameo_plover.tsv", "w", encoding="utf-8") as f:
        f.write(header.format(src="cameo-to-plover.txt", desc="CAMEO to PLOVER conversion table, PLOVER manual draft 0.8, 2021-09-17"))
        f.write("# Root codes 01 (statements) and 02 (appeals) have no PLOVER event: plover_type is null for them.\n")
        f.write("# Columns: code<TAB>plover<TAB>mode<TAB>context<TAB>note\n")
        seen = set()
        for row in plover:
            if row[0] in seen:
                continue
            seen.add(row[0])
            f.write("\t".join(row) + "\n")
    print(f"{len(codes)} CAMEO codes, {len(seen)} CAMEO->PLOVER rows")


if __name__ == "__main__":
    main()
