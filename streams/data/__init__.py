"""The project's data tables, and the one loader that reads them.

Every knowledge file under ``streams/data`` (lexicons, gazetteers, dictionaries,
code tables) is a tab-separated table with one convention, so a maintainer reads
them all the same way and a build tool writes them all the same way:

* the header is the run of lines starting with ``#`` at the top: where the data
  came from (source, commit, licence), how it was derived, and a ``# Columns:``
  line naming the columns; ``# key: value`` lines (one word before the colon)
  are metadata a reader can ask for (e.g. a derived table's ``horizon``);
* every other non-blank line is one row: cells separated by tabs, no quoting;
  a ``#`` line further down is a comment (hand-kept lists group their rows).

Tables are read through :func:`rows` and :func:`header` only, from the installed
package (``importlib.resources``), never from ``../shared``; run time never
downloads anything.
"""

from __future__ import annotations

from importlib import resources

__all__ = ["rows", "records", "header", "text", "blob"]


def text(name: str) -> str:
    """A data file's whole text (for files that are not tables, e.g. the trained weights' record)."""
    return resources.files(__name__).joinpath(name).read_text("utf-8")


def blob(name: str) -> bytes | None:
    """A data file's bytes (trained weights, fingerprints of the knowledge files), or None when it is absent."""
    try:
        return resources.files(__name__).joinpath(name).read_bytes()
    except FileNotFoundError:
        return None


def rows(name: str, strip: bool = True) -> list[list[str]]:
    """The rows of a table: every non-blank line that is not a ``#`` line, split on tabs.

    Cells are stripped unless ``strip`` is False (the derived actor tables are written
    clean by their build script, and are large enough for the stripping to double the load).
    """
    out = [line.split("\t") for line in text(name).splitlines() if line.strip() and not line.startswith("#")]
    return [[c.strip() for c in row] for row in out] if strip else out


def header(name: str) -> dict[str, str]:
    """The ``# key: value`` lines of a table's header (a derived table's ``horizon``, its ``columns``...)."""
    out = {}
    with resources.files(__name__).joinpath(name).open("r", encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                break
            key, sep, value = line[1:].partition(":")
            if sep and key.strip() and " " not in key.strip():
                out[key.strip().lower()] = value.strip()
    return out


def records(name: str) -> list[dict[str, str]]:
    """The rows of a table as dicts keyed by the column names of its ``# Columns:`` line.

    For tables whose readers name their columns (the event coder's dictionaries): a
    column's name is its description up to the first `` (``; short rows are padded
    with empty cells, so an optional trailing column reads as ``""``.
    """
    cols = [c.split(" (")[0].strip() for c in header(name)["columns"].split("<TAB>")]
    return [dict(zip(cols, (row + [""] * len(cols))[: len(cols)])) for row in rows(name, strip=False)]
