"""Where the built-in run-time files are: inside the installed package, never beside a source checkout."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path


@cache
def builtin_templates() -> Path:
    """The built-in templates folder (`templates/` in the repository, `generator/templates/` installed).

    Why a real path: Jinja2's loader and mkdocs read folders; wheels are always installed unzipped.
    """
    return Path(str(resources.files("generator.templates")))


def template_folders(root: Path, override: str | None, kind: str) -> tuple[Path, ...]:
    """Where templates of `kind` (e.g. 'site') are looked up: a course's own folder (`templates:` in
    course.yaml, relative to the course `root`) first, then the built-in one."""
    own = (root / override / kind,) if override else ()
    return (*own, builtin_templates() / kind)


def template_names(folders: tuple[Path, ...]) -> tuple[str, ...]:
    """The templates a course's own folders hold: a new one there shadows a built-in one of its name.

    Why: Jinja re-reads a cached template whose file changed, but not one that a new file now hides.
    """
    return tuple(
        sorted(
            p.relative_to(f).as_posix() for f in folders if f.is_dir() for p in f.rglob("*") if p.is_file()
        )
    )
