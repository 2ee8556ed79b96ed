"""`curriculum build`: load and check the course once, then render each output from the model."""

from __future__ import annotations

import json
import os
import re
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.load.course_loader import load_course
from generator.model.course import Course
from generator.outputs.site.plan import Audience

OUTPUTS = ("site", "instructor", "decks", "bank", "lms")


@dataclass
class Output:
    name: str
    path: Path
    files: int
    seconds: float
    note: str = ""


@dataclass
class BuildReport:
    course: Course
    outputs: list[Output] = field(default_factory=list)


def lab_status(build_dir: Path) -> dict[str, dict[str, str]]:
    """When each lab was last verified, as `curriculum labs verify` recorded it."""
    try:
        return dict(json.loads((build_dir / "labs" / "status.json").read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {}


def _slide_count(deck: Path) -> int:
    with zipfile.ZipFile(deck) as pptx:
        return sum(1 for n in pptx.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n))


def planned_files(course: Course, name: str) -> int:
    """How many files an output will have, for progress bars."""
    if name == "decks":
        return len(course.lessons) + len(course.workshops) + (1 if course.pipeline_view else 0)
    return 0


def build_course(
    path: str | os.PathLike[str],
    *,
    site_dir: Path | None = None,
    build_dir: Path | None = None,
    only: tuple[str, ...] = OUTPUTS,
    strict: bool = False,
    force: bool = False,
    on_output: Callable[[str], None] | None = None,
    on_file: Callable[[str, Path], None] | None = None,
    on_plan: Callable[[str, int], None] | None = None,
) -> BuildReport:
    """Build the chosen outputs of the course at `path`; nothing is written if the course has errors."""
    from generator.outputs.site.render import render_site

    course = load_course(path, strict=strict)
    build_dir = build_dir or course.root / "build"
    site_dir = site_dir or course.root / "site"
    report = BuildReport(course)
    status = lab_status(build_dir)
    work = build_dir / ".work"
    for name in only:
        if on_output:
            on_output(name)
        if on_plan and planned_files(course, name):
            on_plan(name, planned_files(course, name))
        started = time.perf_counter()
        if name in ("site", "instructor"):
            audience: Audience = "student" if name == "site" else "instructor"
            target = site_dir if name == "site" else build_dir / "instructor"
            result = render_site(course, target, work, audience=audience, lab_status=status, force=force)
            note = "rebuilt" if result.rebuilt else "unchanged"
            report.outputs.append(Output(name, target, result.pages, time.perf_counter() - started, note))
        elif name == "decks":
            from generator.outputs.decks.render import render_decks

            decks = render_decks(
                course, build_dir / "decks", on_deck=(lambda p: on_file("decks", p)) if on_file else None
            )
            slides = sum(_slide_count(deck) for deck in decks)
            report.outputs.append(
                Output(
                    name, build_dir / "decks", len(decks), time.perf_counter() - started, f"{slides} slides"
                )
            )
        elif name == "bank":
            from generator.outputs.workbook.render import render_bank

            files = render_bank(course, build_dir)
            report.outputs.append(Output(name, files[0], len(files), time.perf_counter() - started))
        elif name == "lms":
            from generator.outputs.lms.gift import export_gift
            from generator.outputs.lms.moodle_xml import export_moodle_xml
            from generator.outputs.lms.qti import export_qti

            target = build_dir / "lms"
            files = [
                *export_moodle_xml(course, target),
                *export_gift(course, target),
                *export_qti(course, target),
            ]
            report.outputs.append(Output(name, target, len(files), time.perf_counter() - started))
    return report
