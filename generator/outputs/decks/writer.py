"""Slide decks a trainer can teach from and edit: per lesson, per workshop day, and the pipeline view.

Every deck is built on a master (the course's own `deck.pptx`, or the built-in 16:9 one), with text
fitted to its boxes by measurement, diagrams as native shapes and facilitator notes only in speaker notes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator.formats.decks.slides import day_title, property_text
from generator.model.course import Course
from generator.model.lesson import Lesson
from generator.outputs.decks.builder import DeckBuilder
from generator.outputs.decks.layouts import load_master
from generator.outputs.decks.lesson import lesson_slides
from generator.outputs.decks.pipeline_view import pipeline_slides
from generator.outputs.decks.workshop import day_slides
from generator.outputs.staging import staged_folder


def render_decks(
    course: Course,
    out_dir: Path,
    *,
    template: Path | None = None,
    on_deck: Callable[[Path], None] | None = None,
    staging_area: Path | None = None,
) -> list[Path]:
    """Write `<lesson-id>.pptx` per lesson, `workshop-<day-id>.pptx` per workshop day, `<view-id>.pptx`.

    The decks are built in a staging folder (in `staging_area`, default beside `out_dir`) and swapped in
    together, so a failure leaves the last good decks in place; `out_dir` belongs to the decks (a deck
    no longer built disappears).
    `on_deck` is called with each deck's final path as soon as it is built, for progress display.
    """
    master = load_master(course, template)  # a missing layout fails here, before any deck is built
    names: list[str] = []
    with staged_folder(out_dir, staging_area) as staging:

        def save(builder: DeckBuilder, title: str, name: str) -> None:
            props = builder.prs.core_properties
            props.title = property_text(title)  # Office holds 255 characters; the deck-properties rule warns
            props.subject = property_text(course.title)
            props.author = "curriculum-toolkit"
            builder.prs.save(str(staging / f"{name}.pptx"))
            names.append(f"{name}.pptx")
            if on_deck:
                on_deck(out_dir / names[-1])

        for lesson in lessons_in_order(course):
            builder = DeckBuilder(master)
            lesson_slides(builder, course, lesson)
            save(builder, lesson.title, lesson.id)
        for day in course.ordered_workshops():
            builder = DeckBuilder(master)
            day_slides(builder, course, day)
            save(builder, day_title(day), f"workshop-{day.id}")
        if course.pipeline_view is not None:
            builder = DeckBuilder(master)
            pipeline_slides(builder, course.pipeline_view)
            save(builder, course.pipeline_view.title, course.pipeline_view.id)
    return [out_dir / name for name in names]


def lessons_in_order(course: Course) -> list[Lesson]:
    """Lessons in teaching order (module by module), then any not placed in a module."""
    placed = [lesson for module in course.modules for lesson in course.lessons_of(module)]
    seen = {lesson.id for lesson in placed}
    return placed + [lesson for lesson in course.lessons.values() if lesson.id not in seen]
