"""A throwaway folder for one lab, and running one command in it the way a student's shell would."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.errors import ToolkitError
from generator.model.course import Course


@dataclass(frozen=True)
class CommandRun:
    output: str  # stdout and stderr interleaved, as the terminal shows them
    exit_code: int
    timed_out: bool


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


def lab_env(course: Course) -> dict[str, str]:
    """The environment every lab command gets: this interpreter's tools first on PATH, plain output."""
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env.update({"NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "100", "PYTHONDONTWRITEBYTECODE": "1"})
    env.update(course.spec.lab_environment.env)
    return env


def run_command(command: str, cwd: Path, env: dict[str, str], timeout: float) -> CommandRun:
    """Run `command` with bash in `cwd`; kill it and everything it started after `timeout` seconds."""
    process = subprocess.Popen(
        ["bash", "-c", command],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group, so a timeout kills children too
    )
    try:
        out, _ = process.communicate(timeout=timeout)
        timed_out = False
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        out, _ = process.communicate()
        timed_out = True
    return CommandRun(out.decode("utf-8", errors="replace"), process.returncode, timed_out)


def remove_workspace(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
