"""JSON Schema of spec files, generated from the models, for editor autocompletion and checking.

Spec files point at it with a first line such as
`# yaml-language-server: $schema=../../schema/lesson.schema.json`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Union

from pydantic import Field, TypeAdapter

from generator.model.kinds import KINDS

SCHEMA_DIR = "schema"
COMBINED = "spec.schema.json"


def schema_name(kind: str) -> str:
    return f"{kind.replace('_', '-')}.schema.json"


def build_schemas() -> dict[str, str]:
    """File name -> JSON text, one schema per kind plus one that accepts any spec file."""
    out: dict[str, str] = {}
    for kind, model in KINDS.items():
        schema = model.model_json_schema(mode="validation")
        out[schema_name(kind)] = _dump({"$schema": "https://json-schema.org/draft/2020-12/schema", **schema})
    union: Any = Annotated[Union[tuple(KINDS.values())], Field(discriminator="kind")]  # noqa: UP007
    combined = TypeAdapter(union).json_schema(mode="validation")
    out[COMBINED] = _dump(
        {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Curriculum spec file",
            **combined,
        }
    )
    return out


def _dump(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_schemas(out_dir: Path) -> list[Path]:
    """Write every schema into `out_dir`; return the files that changed."""
    out_dir.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, text in build_schemas().items():
        path = out_dir / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


def stale_schemas(out_dir: Path) -> list[str]:
    """Names of schema files in `out_dir` that are missing or differ from the models."""
    stale = []
    for name, text in build_schemas().items():
        path = out_dir / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
    return stale
