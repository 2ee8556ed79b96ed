"""`curriculum build`: load and check the course once, verify the labs it publishes, then render each output.

A failing lab stops the build before any output is written (unless failing labs are allowed, and then
their pages say so). Each output renders into a staging folder and is swapped into place only when it
succeeds, so an output that fails leaves its last good version untouched, and the outputs after it are
still built.
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
from generator.labs.cache import LabCache
from generator.labs.report import failure_text
from generator.labs.runner import LabResult, ordered_lab_ids, verify_labs
from generator.labs.status import lab_checks, lab_summary
from generator.load.course_loader import find_root, load_course
from generator.model.course import Course
from generator.outputs.context import LabCheck, RenderContext
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
class LabRun:
    """The verification step of a build: each published lab's result (empty when not verified)."""

    results: list[LabResult] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> list[LabResult]:
        return [r for r in self.results if r.status == "fail"]


@dataclass
class BuildReport:
    course: Course
    outputs: list[Built] = field(default_factory=list)
    labs: LabRun = field(default_factory=LabRun)

    @property
    def failed(self) -> list[Built]:
        return [out for out in self.outputs if out.error]


class LabsFailed(ToolkitError):
    """Published labs whose commands no longer print what their worksheets say; nothing was built."""

    def __init__(self, run: LabRun) -> None:
        self.run = run
        ids = ", ".join(r.lab.id for r in run.failed)
        super().__init__(
            "\n".join(failure_text(r) for r in run.failed)
            + f"\n{len(run.failed)} lab(s) failed ({ids}); nothing was built. Fix the worksheets "
            "(`curriculum labs record LAB_ID` writes what the commands print), or build with "
            "--allow-failing-labs"
        )


def memo_file(build_dir: Path) -> Path:
    """Where a build keeps the slow rules' verdicts between runs (see checks.memo)."""
    return build_dir / ".work" / "checks.json"


def status_file(build_dir: Path) -> Path:
    """Where each lab's last run is kept (written by `labs verify` and by `build`)."""
    return build_dir / "labs" / "status.json"


def lab_status(course: Course, build_dir: Path) -> dict[str, LabCheck]:
    """What each lab's worksheet may claim, from its last recorded run."""
    return lab_checks(course, LabCache(status_file(build_dir)).records)


def published_labs(course: Course) -> list[str]:
    """The labs that have a page on the site, in teaching order."""
    from generator.outputs.website.plan import plan_site

    paths = plan_site(course, "student").paths
    return [lab_id for lab_id in ordered_lab_ids(course) if ("lab", lab_id) in paths]


def build_course(
    path: str | os.PathLike[str],
    *,
    site_dir: Path | None = None,
    build_dir: Path | None = None,
    only: tuple[str, ...] = tuple(OUTPUTS),
    strict: bool = False,
    force: bool = False,
    verify: bool = True,
    allow_failing_labs: bool = False,
    jobs: int = 2,
    on_labs: Callable[[int], None] | None = None,
    on_lab: Callable[[LabResult], None] | None = None,
    on_output: Callable[[str], None] | None = None,
    on_file: Callable[[str, Path], None] | None = None,
    on_plan: Callable[[str, int], None] | None = None,
) -> BuildReport:
    """Build the chosen outputs of the course at `path`; nothing is written if the course has errors.

    Unless `verify` is False, the labs the site publishes are verified first (through the lab cache);
    if one fails, LabsFailed is raised before any output is written, unless `allow_failing_labs`.
    """
    build_dir = build_dir or find_root(path) / "build"
    course = load_course(path, strict=strict, memo=memo_file(build_dir))
    site_dir = site_dir or course.root / "site"
    report = BuildReport(course)
    staging = build_dir / ".staging"
    publishing = bool({"site", "instructor"} & set(only))
    with build_lock(build_dir):
        recover(staging)  # a build killed earlier may have left an output half-swapped
        labs = published_labs(course) if publishing else []
        if verify and labs:
            report.labs = _verify(course, build_dir, labs, jobs, on_labs, on_lab)
            if report.labs.failed and not allow_failing_labs:
                raise LabsFailed(report.labs)
        status = lab_status(course, build_dir)
        summary = lab_summary(status, labs) if labs else None
        for name in only:
            kind = OUTPUTS[name]
            if on_output:
                on_output(name)
            if on_plan and kind.planned(course):
                on_plan(name, kind.planned(course))
            context = RenderContext(
                build_dir / ".work",
                staging,
                status,
                force,
                _progress(on_file, name),
                lab_summary=summary,
                jobs=jobs,
            )
            report.outputs.append(_build_one(kind, course, kind.place(site_dir, build_dir), context))
    return report


def _verify(
    course: Course,
    build_dir: Path,
    labs: list[str],
    jobs: int,
    on_labs: Callable[[int], None] | None,
    on_lab: Callable[[LabResult], None] | None,
) -> LabRun:
    started = time.perf_counter()
    if on_labs:
        on_labs(len(labs))
    results = verify_labs(course, labs, jobs=jobs, cache=LabCache(status_file(build_dir)), on_result=on_lab)
    return LabRun(results, time.perf_counter() - started)


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
