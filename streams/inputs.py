"""Reading article inputs from files for ``newsevents produce`` and ``newsevents process``.

Accepted: ``.jsonl`` (one envelope per line), ``.json`` (one envelope),
``.txt``, ``.html``/``.htm`` and their ``.gz`` forms (one article per file, the
file name as id), directories of these (sorted, recursive), and ``-`` / stdin
as JSON lines. Each item is the exact bytes that would go to ``articles.raw``,
so the offline path and the stream see the same input.
"""

from __future__ import annotations

import gzip
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator

import orjson

SUFFIXES = (".jsonl", ".json", ".txt", ".html", ".htm", ".jsonl.gz", ".json.gz", ".txt.gz", ".html.gz", ".htm.gz")


@dataclass(slots=True)
class InputItem:
    value: bytes
    location: str  # file:line, for messages and dead letters
    envelope_only: bool = False  # a JSON line: must be an envelope object


def _read(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.name.endswith(".gz") else data


def _jsonl(stream: BinaryIO | Iterator[bytes], name: str) -> Iterator[InputItem]:
    for n, line in enumerate(stream, 1):
        if line.strip():
            yield InputItem(line.rstrip(b"\r\n"), f"{name}:{n}", envelope_only=True)


def _file_item(path: Path) -> InputItem:
    """A single-article file; .txt/.html become envelopes with the file stem as id."""
    data = _read(path)
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


def iter_inputs(paths: list[str]) -> Iterator[InputItem]:
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
            if f.name.endswith((".jsonl", ".jsonl.gz")):
                yield from _jsonl(iter(_read(f).splitlines()), str(f))
            else:
                yield _file_item(f)
