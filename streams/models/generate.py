"""``schemas/*.json`` generated from the models, and the drift check behind ``newsevents schemas --check``.

The generated file is plain JSON Schema 2020-12: pydantic's output without
the per-property titles it derives from field names, and without the ``null``
defaults that only mark a key as optional; the model's docstring is the
record's description.
"""

import difflib
import json
from pathlib import Path
from typing import Any

from pydantic.json_schema import GenerateJsonSchema

from ..schemas import RECORD_SCHEMAS, schema_dir
from . import RECORD_MODELS

SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"
ID_BASE = "https://newsevents.dev/schemas/"


class _Generator(GenerateJsonSchema):
    def field_title_should_be_set(self, schema: Any) -> bool:
        return False


def _without_defaults(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _without_defaults(v) for k, v in node.items() if not (k == "default" and v is None)}
    if isinstance(node, list):
        return [_without_defaults(v) for v in node]
    return node


def schema_for(record_type: str) -> dict[str, Any]:
    model = RECORD_MODELS[record_type]
    body = _without_defaults(model.model_json_schema(schema_generator=_Generator, mode="validation"))
    head = {"$schema": SCHEMA_URI, "$id": ID_BASE + RECORD_SCHEMAS[record_type]}
    for key in ("title", "description"):
        head[key] = body.pop(key)
    return {**head, **body}


def render(record_type: str) -> str:
    return json.dumps(schema_for(record_type), indent=2, ensure_ascii=False) + "\n"


def write_all(directory: Path | None = None) -> list[Path]:
    """Writes every schema file; returns those whose content changed."""
    directory = directory or schema_dir()
    changed = []
    for record_type, filename in RECORD_SCHEMAS.items():
        path = directory / filename
        text = render(record_type)
        if not path.exists() or path.read_text("utf-8") != text:
            path.write_text(text, "utf-8")
            changed.append(path)
    return changed


def drift(directory: Path | None = None, context: int = 2) -> dict[str, str]:
    """``{file name: unified diff}`` for every committed schema that differs from its generated text."""
    directory = directory or schema_dir()
    out = {}
    for record_type, filename in RECORD_SCHEMAS.items():
        path = directory / filename
        committed = path.read_text("utf-8") if path.exists() else ""
        generated = render(record_type)
        if committed != generated:
            out[filename] = "".join(difflib.unified_diff(
                committed.splitlines(keepends=True), generated.splitlines(keepends=True),
                fromfile=f"committed/{filename}", tofile=f"generated/{filename}", n=context))
    return out
