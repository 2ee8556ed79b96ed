"""The files `lab_environment.copy` puts into every lab workspace exist, and stay inside it."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from pathlib import Path, PurePosixPath, PureWindowsPath

from generator.checks import did_you_mean, error, rule
from generator.errors import Issue
from generator.model.course import Course


def escapes_folder(path: str) -> bool:
    """True when `path` is absolute or climbs out of the folder it is relative to."""
    if PurePosixPath(path).is_absolute() or PureWindowsPath(path).is_absolute() or path.startswith("~"):
        return True
    normal = posixpath.normpath(path.replace("\\", "/"))
    return normal == ".." or normal.startswith("../")


@rule("lab-files")
def lab_files(course: Course) -> Iterator[Issue]:
    spec = course.spec
    for i, item in enumerate(spec.lab_environment.copy_files):
        where = ("lab_environment", "copy", i)
        if escapes_folder(item.source):
            yield error(
                spec,
                *where,
                "from",
                message=f"'{item.source}' is outside the course folder",
                hint="copy files from inside the course folder, with a path relative to it",
            )
        elif not (course.root / item.source).exists():
            yield error(
                spec,
                *where,
                "from",
                message=f"'{item.source}' does not exist in the course folder",
                hint=near_files(course.root, item.source) or "give a path relative to the course folder",
            )
        if escapes_folder(item.to):
            yield error(
                spec,
                *where,
                "to",
                message=f"'{item.to}' is outside the lab workspace",
                hint="give a path inside the workspace, relative to it, e.g. 'data/input.csv'",
            )
        elif posixpath.normpath(item.to.replace("\\", "/")) == ".":
            yield error(
                spec,
                *where,
                "to",
                message=f"'{item.to}' is the workspace itself",
                hint="name the file or folder it becomes inside the workspace",
            )


def near_files(root: Path, source: str) -> str:
    """'did you mean ...?' among the files next to where `source` points."""
    parent = (root / source).parent
    if not parent.is_dir():
        return ""
    names = [p.relative_to(root).as_posix() for p in parent.iterdir()]
    return did_you_mean(PurePosixPath(source).as_posix(), names)
