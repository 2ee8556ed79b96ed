"""Slide decks: a builder on a master, measured text, native shapes, and the slides of each kind of deck."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from generator.model.course import Course
from generator.outputs.context import RenderContext


def render(course: Course, out_dir: Path, context: RenderContext) -> list[Path]:
    """One deck per lesson, per workshop day and for the pipeline view, in `out_dir`."""
    from generator.outputs.decks.writer import render_decks  # python-pptx loads only when decks are built

    reused: list[Path] = []
    decks = render_decks(
        course,
        out_dir,
        on_deck=context.on_file,
        staging_area=context.staging,
        manifest=context.work_dir / "decks.json",
        force=context.force,
        on_reused=reused.append,
        jobs=context.jobs,
    )
    slides = f"{sum(map(_slide_count, decks))} slides"
    context.note = f"{slides}, {len(reused)} reused" if reused else slides
    return decks


def planned(course: Course) -> int:
    """How many decks `render` writes, for progress bars."""
    return len(course.lessons) + len(course.workshops) + (1 if course.pipeline_view else 0)


def _slide_count(deck: Path) -> int:
    with zipfile.ZipFile(deck) as pptx:
        return sum(1 for n in pptx.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n))
