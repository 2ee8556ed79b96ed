"""Which master a deck starts from, and which of its slide layouts serves each kind of slide."""

from __future__ import annotations

from pathlib import Path

from generator.errors import ToolkitError
from generator.model.course import Course
from generator.resources import builtin_templates

BUILTIN_MASTER = builtin_templates() / "decks" / "default.pptx"
MAPPING_FILE = "layouts.yaml"

# What each kind of slide is used for, and the layout name it has in a standard Office master.
ROLES = {
    "title": ("Title Slide", "the opening slide of a deck"),
    "content": ("Title and Content", "text and table slides"),
    "section": ("Section Header", "section dividers and breaks"),
    "title_only": ("Title Only", "diagram and table slides"),
}


def find_master(course: Course, template: Path | None = None) -> Path:
    """The master to use: the one given, else the course's own `deck.pptx`, else the built-in one."""
    if template is not None:
        if not template.is_file():
            raise ToolkitError(f"deck template '{template}' not found: pass the path of a .pptx file")
        return template
    if course.spec.templates:
        folder = course.root / course.spec.templates
        for candidate in (folder / "decks" / "deck.pptx", folder / "deck.pptx"):
            if candidate.is_file():
                return candidate
    if not BUILTIN_MASTER.is_file():
        raise ToolkitError(
            f"the built-in deck master {BUILTIN_MASTER} is missing: "
            "rebuild it with `python templates/decks/make_default_master.py`"
        )
    return BUILTIN_MASTER


def layout_names(master: Path) -> dict[str, str]:
    """Role -> layout name: the standard names, overridden by a `layouts.yaml` next to the master."""
    names = {role: default for role, (default, _) in ROLES.items()}
    mapping = master.with_name(MAPPING_FILE)
    if not mapping.is_file():
        return names
    import yaml

    try:
        data = yaml.safe_load(mapping.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ToolkitError(f"{mapping}: not valid YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise ToolkitError(f"{mapping}: expected a mapping of role to layout name, e.g. `section: Divider`")
    for role, name in data.items():
        if role not in ROLES:
            raise ToolkitError(
                f"{mapping}: unknown role '{role}'; the roles are {', '.join(ROLES)} "
                "(each maps to the name of a slide layout in the master)"
            )
        if not isinstance(name, str) or not name.strip():
            raise ToolkitError(f"{mapping}: '{role}' must name a slide layout, got {name!r}")
        names[role] = name.strip()
    return names
