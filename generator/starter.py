"""`curriculum init`: write a small, complete and valid course for a trainer to grow into their own."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from generator.errors import ToolkitError
from generator.model.base import ID_PATTERN
from generator.model.course import TIER_PATTERN
from generator.scaffold import yaml_text
from generator.schema import SCHEMA_DIR, write_schemas

_TIER_NAMES = ("Guided", "Independent", "Extended")
_TIER_WORDING = (
    "Start from the worked example.",
    "Work it out from scratch.",
    "Extend it for a harder case.",
)
_TIER_ACTIVITY = (
    "Fill in the plan template row by row.",
    "Plan the lesson without the template.",
    "Plan two lessons that build on each other.",
)


@dataclass(frozen=True)
class Named:
    id: str
    name: str
    description: str = ""
    activity: str = ""


def init_course(
    root: Path, *, title: str, audience: str, roles: list[str], tiers: list[str], force: bool = False
) -> list[Path]:
    """Write the starter course into `root`; refuses a folder that holds files unless `force`."""
    import jinja2

    if root.exists() and not root.is_dir():
        raise ToolkitError(f"'{root}' is a file: give `curriculum init` a folder to create the course in")
    if root.is_dir() and any(root.iterdir()) and not force:
        raise ToolkitError(
            f"'{root}' is not empty: start the course in a new folder, or pass --force to add the starter "
            "files to it (existing files of the same name are overwritten)"
        )
    for kind, ids, pattern, shape in (
        ("role", roles, ID_PATTERN, "lower-case letters, digits and - _ . (e.g. --roles analyst,manager)"),
        ("tier", tiers, TIER_PATTERN, "L1 to L9 (e.g. --tiers L1,L2)"),
    ):
        if any(not re.fullmatch(pattern, i) for i in ids) or not ids or len(set(ids)) != len(ids):
            raise ToolkitError(
                f"--{kind}s takes distinct ids separated by commas, each {shape}; "
                f"got {','.join(ids) or 'nothing'}"
            )
    context = {
        "title": yaml_text(title),
        "title_plain": title,
        "welcome_title": yaml_text(f"Welcome to {title}"),
        "course_id": _slug(title),
        "audience": yaml_text(audience),
        "roles": [Named(r, r.replace("-", " ").replace("_", " ").capitalize()) for r in roles],
        "tiers": [
            Named(t, _TIER_NAMES[min(i, 2)], _TIER_WORDING[min(i, 2)], _TIER_ACTIVITY[min(i, 2)])
            for i, t in enumerate(tiers)
        ],
    }
    starter = resources.files("generator.scaffolds") / "starter"
    written = []
    for source in _files(starter):
        # Package data skips dot-files, so ".gitignore" is stored as "dot-gitignore".
        rel = "/".join(
            "." + p[4:] if p.startswith("dot-") else p for p in source.removesuffix(".j2").split("/")
        )
        text = (starter / source).read_text(encoding="utf-8")
        out = root / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        template = jinja2.Template(text, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
        out.write_text(template.render(context), encoding="utf-8")
        written.append(out)
    write_schemas(root / SCHEMA_DIR)
    return written


def _files(folder: resources.abc.Traversable, prefix: str = "") -> list[str]:
    """Every file under the starter folder, as relative paths (dot-folders such as .github included)."""
    found = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name == "__pycache__":
            continue
        if entry.is_dir():
            found += _files(entry, f"{prefix}{entry.name}/")
        else:
            found.append(f"{prefix}{entry.name}")
    return found


def _slug(title: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return slug or "my-course"
