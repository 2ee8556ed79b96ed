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


def template_lookup(root: Path, override: str | None, kind: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The folders templates of `kind` are looked up in, and the templates the course's own folder holds.

    The two together key a cached Jinja environment. Why the names: Jinja re-reads a cached template
    whose file changed, but not one that a new file in the course's folder now hides.
    """
    folders = template_folders(root, override, kind)
    own = tuple(
        sorted(
            p.relative_to(f).as_posix()
            for f in folders[:-1]
            if f.is_dir()
            for p in f.rglob("*")
            if p.is_file()
        )
    )
    return tuple(map(str, folders)), own
