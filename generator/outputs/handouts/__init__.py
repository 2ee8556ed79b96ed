"""Printable exercise handouts: only what students do (activities, lab steps, checkpoints)."""

from __future__ import annotations

from pathlib import Path

from generator.model.course import Course
from generator.outputs.context import RenderContext


def fingerprint_of(course: Course) -> str:
    """What the handouts show: lessons, labs, workshop days, the course's roles and tiers, and their code."""
    from generator.digest import code_fingerprint, fingerprint
    from generator.resources import template_folders

    code = code_fingerprint(("generator.outputs.handouts", "generator.outputs.printing", "generator.outputs"))
    folders = template_folders(course.root, course.spec.templates, "handouts")
    templates = b"".join(
        f.name.encode() + f.read_bytes()
        for folder in folders
        if folder.is_dir()
        for f in sorted(folder.iterdir())
    )
    specs = [*course.sections, *course.lessons.values(), *course.labs.values(), *course.workshops.values()]
    return fingerprint(code, templates, course.spec, *specs)


def planned(course: Course) -> int:
    from generator.outputs.handouts.writer import planned as count

    return count(course)


def render(course: Course, out_dir: Path, context: RenderContext) -> list[Path]:
    """Handouts as print-ready HTML in `out_dir` (`curriculum handouts` prints them to PDF too)."""
    from generator.outputs.handouts.writer import write_handouts

    kept: list[Path] = []
    files = write_handouts(course, out_dir, staging_area=context.staging, on_file=context.on_file, kept=kept)
    context.note = f"{len(kept)} unchanged" if kept else ""
    return files
