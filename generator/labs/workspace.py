"""A throwaway folder for one lab, and the hermetic environment its commands run with."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from generator.errors import ToolkitError
from generator.model.course import Course


def make_workspace(course: Course, lab_id: str, start_from: Path | None = None) -> Path:
    """A fresh temp folder holding the course's lab files, or a copy of another lab's end state."""
    workspace = Path(tempfile.mkdtemp(prefix=f"lab-{lab_id}-"))
    if start_from is not None:
        shutil.copytree(start_from, workspace, dirs_exist_ok=True, symlinks=True)
        return workspace
    for item in course.spec.lab_environment.copy_files:
        source = course.root / item.source
        target = workspace / item.to
        if not source.exists():
            raise ToolkitError(
                f"lab_environment copies '{item.source}', which does not exist under {course.root}"
            )
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return workspace


# What a lab command sees of the environment it was started from. Everything else (a trainer's own
# exports, PYTHONPATH, virtualenv settings, proxy or pipeline variables) is left out so it cannot
# change what a lab prints; a course passes what its labs need through `lab_environment.env`.
PASSED_THROUGH = ("PATH", "USER", "LOGNAME", "TMPDIR", "SYSTEMROOT")
FIXED = {
    "LANG": "C.UTF-8",
    "TZ": "UTC",
    "NO_COLOR": "1",
    "TERM": "dumb",
    "COLUMNS": "100",
    "PYTHONDONTWRITEBYTECODE": "1",
    "PYTHONIOENCODING": "utf-8",
}
HOME = ".home"


def lab_env(course: Course) -> dict[str, str]:
    """The environment every lab command gets: an allow-list, this interpreter's tools first on PATH,
    plain output, then the course's own `lab_environment.env`."""
    env = {name: os.environ[name] for name in PASSED_THROUGH if name in os.environ}
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", os.defpath)])
    env.update(FIXED)
    env.update(course.spec.lab_environment.env)
    return env


def workspace_env(env: dict[str, str], workspace: Path) -> dict[str, str]:
    """`env` with HOME inside `workspace`, so tools' dotfiles and caches stay in the throwaway folder."""
    home = workspace / HOME
    home.mkdir(exist_ok=True)
    return {**env, "HOME": str(home)}


def remove_workspace(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
