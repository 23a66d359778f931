"""Every data table follows the one convention of ``streams.data`` and is read by its one loader.

A table whose column names sit in a data row (the old convention of a few files)
would hand that row to every reader as data; a table without a header naming its
columns and where it came from cannot be maintained or rebuilt.
"""

from __future__ import annotations

import re
from importlib import resources

import pytest

from streams.data import header, rows

TABLES = sorted(p.name for p in resources.files("streams.data").iterdir() if p.name.endswith(".tsv"))
PROVENANCE = re.compile(r"\b(source|sources|origin|origins|provenance|derived|generated|written|built)\b", re.I)


def _header_text(name: str) -> str:
    lines = resources.files("streams.data").joinpath(name).read_text("utf-8").splitlines()
    out = []
    for line in lines:
        if not line.startswith("#"):
            break
        out.append(line)
    return "\n".join(out)


def test_there_are_tables() -> None:
    assert len(TABLES) >= 20


@pytest.mark.parametrize("name", TABLES)
def test_a_table_says_its_columns_and_where_it_came_from(name: str) -> None:
    head = _header_text(name)
    assert head, f"{name}: no '#' header"
    assert re.search(r"columns:", head, re.I), f"{name}: the header names no columns"
    assert PROVENANCE.search(head), f"{name}: the header does not say where the data came from"


@pytest.mark.parametrize("name", TABLES)
def test_no_data_row_is_a_row_of_column_names(name: str) -> None:
    first = rows(name)[0]
    assert first, name
    assert tuple(first[:2]) not in {("code", "label"), ("code", "plover"), ("lemma", "pos"), ("set", "word"), ("noun", "sector"),
                                   ("code", "goldstein")}, f"{name}: column names in a data row"


def test_header_metadata_is_read_by_the_loader() -> None:
    assert int(header("actors_phoenix_countries.tsv")["horizon"]) > 20000101
