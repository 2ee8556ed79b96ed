"""`curriculum build`: load and check the course once, then render each chosen output from the model.

Each output renders into a staging folder and is swapped into place only when it succeeds, so an output
that fails leaves its last good version untouched, and the outputs after it are still built.
"""

from __future__ import annotations

import json
import os
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import ToolkitError
from generator.load.course_loader import load_course
from generator.model.course import Course
from generator.outputs.context import RenderContext
from generator.outputs.registry import OUTPUTS, OutputKind
from generator.outputs.staging import build_lock, recover


@dataclass
class Built:
    """One output of a build: where it went, how many files, how long, and what went wrong if it failed."""

    name: str
    path: Path
    files: int
    seconds: float
    note: str = ""
    error: str = ""
    internal: bool = False  # a bug in the toolkit (`error` holds its traceback), not in the course


@dataclass
class BuildReport:
    course: Course
    outputs: list[Built] = field(default_factory=list)

    @property
    def failed(self) -> list[Built]:
        return [out for out in self.outputs if out.error]


def lab_status(build_dir: Path) -> dict[str, dict[str, str]]:
    """When each lab was last verified, as `curriculum labs verify` recorded it."""
    try:
        return dict(json.loads((build_dir / "labs" / "status.json").read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {}


def build_course(
    path: str | os.PathLike[str],
    *,
    site_dir: Path | None = None,
    build_dir: Path | None = None,
    only: tuple[str, ...] = tuple(OUTPUTS),
    strict: bool = False,
    force: bool = False,
    on_output: Callable[[str], None] | None = None,
    on_file: Callable[[str, Path], None] | None = None,
    on_plan: Callable[[str, int], None] | None = None,
) -> BuildReport:
    """Build the chosen outputs of the course at `path`; nothing is written if the course has errors."""
    course = load_course(path, strict=strict)
    build_dir = build_dir or course.root / "build"
    site_dir = site_dir or course.root / "site"
    status = lab_status(build_dir)
    report = BuildReport(course)
    staging = build_dir / ".staging"
    with build_lock(build_dir):
        recover(staging)  # a build killed earlier may have left an output half-swapped
        for name in only:
            kind = OUTPUTS[name]
            if on_output:
                on_output(name)
            if on_plan and kind.planned(course):
                on_plan(name, kind.planned(course))
            context = RenderContext(build_dir / ".work", staging, status, force, _progress(on_file, name))
            report.outputs.append(_build_one(kind, course, kind.place(site_dir, build_dir), context))
    return report


def _build_one(kind: OutputKind, course: Course, target: Path, context: RenderContext) -> Built:
    started = time.perf_counter()
    stamp = context.work_dir / f"{kind.name}.json"
    key = kind.fingerprint(course)
    reused = _reusable(stamp, key) if key and not context.force else None
    if reused is not None:
        where = reused[0] if kind.one_file and reused else target
        return Built(kind.name, where, len(reused), time.perf_counter() - started, "reused")
    try:
        files = kind.render(course, target, context)
    except ToolkitError as exc:
        return Built(kind.name, target, 0, time.perf_counter() - started, "failed", str(exc))
    except Exception:  # a bug: report it for this output and keep building the others
        seconds = time.perf_counter() - started
        return Built(kind.name, target, 0, seconds, "failed", traceback.format_exc(), internal=True)
    if key:
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.write_text(
            json.dumps({"key": key, "files": [str(f.resolve()) for f in files]}), encoding="utf-8"
        )
    where = files[0] if kind.one_file and files else target
    return Built(kind.name, where, len(files), time.perf_counter() - started, context.note)


def _reusable(stamp: Path, key: str) -> list[Path] | None:
    """The files an output wrote last time, if it was made from the same inputs and they are all there."""
    try:
        saved = json.loads(stamp.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    files = [Path(f) for f in saved.get("files", [])]
    return files if saved.get("key") == key and files and all(f.is_file() for f in files) else None


def _progress(on_file: Callable[[str, Path], None] | None, name: str) -> Callable[[Path], None]:
    return (lambda path: on_file(name, path)) if on_file else (lambda path: None)
