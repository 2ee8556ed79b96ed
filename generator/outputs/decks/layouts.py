"""Which master a deck starts from, and which of its slide layouts serves each kind of slide."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.errors import ToolkitError
from generator.model.course import Course
from generator.resources import builtin_templates

if TYPE_CHECKING:
    from pptx.presentation import Presentation
    from pptx.slide import SlideLayout

BUILTIN_MASTER = builtin_templates() / "decks" / "default.pptx"
MAPPING_FILE = "layouts.yaml"

# What each kind of slide is used for, and the layout name it has in a standard Office master.
ROLES = {
    "title": ("Title Slide", "the opening slide of a deck"),
    "content": ("Title and Content", "text and table slides"),
    "section": ("Section Header", "section dividers and breaks"),
    "title_only": ("Title Only", "diagram and table slides"),
}


@dataclass(frozen=True)
class Master:
    """A deck template, read once: its bytes and the layout name to use for each role."""

    path: Path
    data: bytes
    layouts: dict[str, str]

    def open(self) -> Presentation:
        """A fresh presentation on this master, with any slides the template carried removed."""
        from pptx import Presentation as open_presentation

        prs = open_presentation(io.BytesIO(self.data))
        # No public API deletes a slide: drop the relationship to its part and its id in the list.
        slide_ids = prs.slides._sldIdLst
        for slide_id in list(slide_ids):
            prs.part.drop_rel(slide_id.rId)
            slide_ids.remove(slide_id)
        return prs

    def layout(self, prs: Presentation, role: str) -> SlideLayout:
        layout = prs.slide_layouts.get_by_name(self.layouts[role])
        assert layout is not None, "checked when the master was loaded"
        return layout


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


def load_master(course: Course, template: Path | None = None) -> Master:
    """Read the master and check it has every layout the decks need, before any deck is written."""
    from pptx import Presentation as open_presentation

    path = find_master(course, template)
    data = path.read_bytes()
    names = layout_names(path)
    try:
        prs = open_presentation(io.BytesIO(data))
    except Exception as exc:  # python-pptx raises several kinds for a file that is not a deck
        raise ToolkitError(f"deck template '{path}' could not be opened as a .pptx file ({exc})") from exc
    available = [layout.name for layout in prs.slide_layouts]
    for role, name in names.items():
        if name not in available:
            raise ToolkitError(
                f"deck template '{path}' has no slide layout named '{name}' (used for {ROLES[role][1]}); "
                f"its layouts are: {', '.join(repr(n) for n in available)}. Rename a layout in the master, "
                f"or map '{role}' to one of them in {path.with_name(MAPPING_FILE)}"
            )
    return Master(path, data, names)
