"""Reading article inputs from files for ``newsevents produce`` and ``newsevents process``.

Accepted: ``.jsonl`` (one envelope per line), ``.json`` (one envelope),
``.txt``, ``.html``/``.htm`` and their ``.gz`` forms (one article per file, the
file name as id), directories of these (sorted, recursive), and ``-`` / stdin
as JSON lines. Each item is the exact bytes that would go to ``articles.raw``,
so the offline path and the stream see the same input.

Reading is bounded: a file (or a line of a ``.jsonl.gz``) is inflated to at most
``max_bytes + 1`` bytes, so a gzip bomb costs its bound, not its inflated size;
such an item is marked ``oversized`` (and is ``too_large`` for the decoder).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator

import orjson

from .decompression import gzip_lines, read_gzip
from .envelope import DEFAULT_MAX_INPUT_BYTES

SUFFIXES = (".jsonl", ".json", ".txt", ".html", ".htm", ".jsonl.gz", ".json.gz", ".txt.gz", ".html.gz", ".htm.gz")


@dataclass(slots=True)
class InputItem:
    value: bytes
    location: str  # file:line, for messages and dead letters
    envelope_only: bool = False  # a JSON line: must be an envelope object
    oversized: bool = False      # longer than the bound it was read with (``value`` is its first bytes)


def _read(path: Path, max_bytes: int) -> tuple[bytes, bool]:
    if path.name.endswith(".gz"):
        return read_gzip(path, max_bytes)
    with path.open("rb") as f:
        data = f.read(max_bytes + 1)
    return data, len(data) > max_bytes


def _jsonl(stream: BinaryIO | Iterator[bytes] | Iterator[tuple[bytes, bool]], name: str) -> Iterator[InputItem]:
    for n, line in enumerate(stream, 1):
        line, oversized = line if isinstance(line, tuple) else (line, False)
        if line.strip():
            yield InputItem(line.rstrip(b"\r\n"), f"{name}:{n}", envelope_only=True, oversized=oversized)


def _file_item(path: Path, max_bytes: int) -> InputItem:
    """A single-article file; .txt/.html become envelopes with the file stem as id."""
    data, oversized = _read(path, max_bytes)
    if oversized:
        return InputItem(data, str(path), oversized=True)
    name = path.name[:-3] if path.name.endswith(".gz") else path.name
    if name.endswith(".json"):
        return InputItem(data, str(path))
    stem = name.rsplit(".", 1)[0]
    field = "html" if name.endswith((".html", ".htm")) else "text"
    try:
        content = data.decode("utf-8")
    except UnicodeDecodeError:
        return InputItem(data, str(path))  # raw bytes: the decoder sniffs the charset
    return InputItem(orjson.dumps({"id": stem, field: content}), str(path))


def iter_inputs(paths: list[str], max_bytes: int = DEFAULT_MAX_INPUT_BYTES) -> Iterator[InputItem]:
    if not paths or paths == ["-"]:
        yield from _jsonl(sys.stdin.buffer, "stdin")
        return
    for p in paths:
        if p == "-":
            yield from _jsonl(sys.stdin.buffer, "stdin")
            continue
        path = Path(p)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.is_file() and f.name.endswith(SUFFIXES))
        elif path.exists():
            files = [path]
        else:
            raise FileNotFoundError(p)
        for f in files:
            if f.name.endswith(".jsonl.gz"):
                yield from _jsonl(gzip_lines(f, max_bytes), str(f))
            elif f.name.endswith(".jsonl"):
                with f.open("rb") as lines:
                    yield from _jsonl(lines, str(f))
            else:
                yield _file_item(f, max_bytes)
