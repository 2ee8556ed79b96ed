"""`curriculum new`: write a valid, commented spec file to start from."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from generator.errors import ToolkitError
from generator.model.base import ID_PATTERN
from generator.schema import SCHEMA_DIR, schema_name

# kind -> (folder under the course root, file name pattern, schema kind)
TARGETS = {
    "lesson": ("curriculum/lessons", "{id}.yaml", "lesson"),
    "lab": ("curriculum/labs", "{id}.yaml", "lab"),
    "section": ("curriculum/sections", "{id}.yaml", "section"),
    "question": ("question_bank", "{id}.yaml", "questions"),
    "runbook": ("runbooks", "{id}.md", ""),  # Markdown for a pipeline's operators, not a spec
}


def new_spec(kind: str, spec_id: str, root: Path, *, title: str = "", module: str = "") -> Path:
    """Write the scaffold for `kind` into the course at `root`; return the path written."""
    import re

    import jinja2

    if not re.fullmatch(ID_PATTERN, spec_id):
        raise ToolkitError(
            f"'{spec_id}' is not a valid id: use lower-case letters, digits and - _ . (e.g. 'my-lesson')"
        )
    if kind == "question" and not module:
        raise ToolkitError("a question belongs to a module: pass --module MODULE_ID")
    folder, pattern, schema_kind = TARGETS[kind]
    path = root / folder / pattern.format(id=spec_id, module=module)
    if path.exists():
        raise ToolkitError(f"{path} already exists; choose another id or edit that file")
    path.parent.mkdir(parents=True, exist_ok=True)
    schema = Path(os.path.relpath(root / SCHEMA_DIR / schema_name(schema_kind), path.parent)).as_posix()
    name = f"{kind}.md.j2" if path.suffix == ".md" else f"{kind}.yaml.j2"
    source = resources.files("generator.scaffolds").joinpath(name).read_text(encoding="utf-8")
    text = jinja2.Template(source, keep_trailing_newline=True).render(
        id=spec_id,
        title=_yaml_text(title or spec_id.replace("-", " ").capitalize()),
        module=module,
        objective="objective-id",
        schema=schema,
    )
    path.write_text(text, encoding="utf-8")
    return path


def _yaml_text(text: str) -> str:
    """Quote text when YAML would otherwise misread it."""
    import json

    plain_ok = text and not any(c in text for c in ":#{}[]&*!|>'\"%@`") and text.strip() == text
    return text if plain_ok else json.dumps(text)
