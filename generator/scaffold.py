"""`curriculum new`: write a valid, commented spec file to start from."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from generator.errors import ToolkitError
from generator.model.base import ID_PATTERN
from generator.model.course import Course
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
    course = _course_of(root)
    text = jinja2.Template(source, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True).render(
        id=spec_id,
        title=yaml_text(title or spec_id.replace("-", " ").capitalize()),
        module=module,
        objective=_objective_for(course, module),
        roles=course.spec.roles,
        tiers=course.spec.tiers,
        schema=schema,
    )
    path.write_text(text, encoding="utf-8")
    return path


def _course_of(root: Path) -> Course:
    """The course a scaffold is written into, so it can use the course's own roles, tiers and objectives."""
    from generator.load.course_loader import check_course

    result = check_course(root)
    if result.course is None:
        raise ToolkitError(
            f"the course at '{root}' cannot be read yet, so `new` cannot fit a scaffold to it: "
            "fix curriculum/course.yaml first (`curriculum validate` lists the problems)"
        )
    return result.course


def _objective_for(course: Course, module_id: str) -> str:
    """An objective a new question of `module_id` can assess: its lessons' first, else its section's first."""
    for section in course.sections:
        for module in section.modules:
            if module.id == module_id:
                lessons = [lesson for lesson in course.lessons_of(module) if lesson.objectives]
                objectives = lessons[0].objectives if lessons else section.objectives
                return objectives[0].id
    objectives = list(course.objectives())
    return objectives[0].id if objectives else "objective-id"


def yaml_text(text: str) -> str:
    """Quote text when YAML would otherwise misread it."""
    import json

    plain_ok = text and not any(c in text for c in ":#{}[]&*!|>'\"%@`") and text.strip() == text
    return text if plain_ok else json.dumps(text)
