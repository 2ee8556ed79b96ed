"""Slide decks a trainer can teach from and edit: per lesson, per workshop day, and the pipeline view.

Every deck is built on a master (the course's own `deck.pptx`, or the built-in 16:9 one), with text
fitted to its boxes by measurement, diagrams as native shapes and facilitator notes only in speaker notes.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

from generator.formats.decks.slides import day_title, property_text
from generator.model.course import Course
from generator.model.lesson import Lesson
from generator.model.workshop import WorkshopDay
from generator.outputs.decks.builder import DeckBuilder
from generator.outputs.decks.layouts import load_master
from generator.outputs.decks.lesson import lesson_slides
from generator.outputs.decks.pipeline_view import pipeline_slides
from generator.outputs.decks.workshop import day_slides
from generator.outputs.digest import code_fingerprint, course_fingerprint, fingerprint
from generator.outputs.staging import staged_folder


def render_decks(
    course: Course,
    out_dir: Path,
    *,
    template: Path | None = None,
    on_deck: Callable[[Path], None] | None = None,
    staging_area: Path | None = None,
    manifest: Path | None = None,
    force: bool = False,
    on_reused: Callable[[Path], None] | None = None,
) -> list[Path]:
    """Write `<lesson-id>.pptx` per lesson, `workshop-<day-id>.pptx` per workshop day, `<view-id>.pptx`.

    The decks are built in a staging folder (in `staging_area`, default beside `out_dir`) and swapped in
    together, so a failure leaves the last good decks in place; `out_dir` belongs to the decks (a deck
    no longer built disappears).
    `on_deck` is called with each deck's final path as soon as it is built, for progress display.
    With a `manifest` (what each deck was made from, kept between builds), a deck whose lesson, day or
    view, course settings, master and deck code are unchanged is reused as it is, unless `force`.
    """
    master = load_master(course, template)  # a missing layout fails here, before any deck is built
    names: list[str] = []
    before = {} if manifest is None or force else _read_manifest(manifest)
    after: dict[str, str] = {}
    shared = fingerprint(code_fingerprint(_DECK_CODE), master.data, course.spec)
    with staged_folder(out_dir, staging_area) as staging:
        for name, title, key, draw in _decks(course, shared):
            file = f"{name}.pptx"
            after[file] = key
            names.append(file)
            if before.get(file) == key and (out_dir / file).is_file():
                # Unchanged: the same file (same bytes, same mtime) moves into the new folder.
                os.link(out_dir / file, staging / file)
                if on_reused:
                    on_reused(out_dir / file)
            else:
                builder = DeckBuilder(master)
                draw(builder)
                props = builder.prs.core_properties
                # Office holds 255 characters in a property; the deck-properties rule warns.
                props.title = property_text(title)
                props.subject = property_text(course.title)
                props.author = "curriculum-toolkit"
                builder.prs.save(str(staging / file))
            if on_deck:
                on_deck(out_dir / file)
    if manifest is not None:
        manifest.parent.mkdir(parents=True, exist_ok=True)
        manifest.write_text(json.dumps(after, indent=0, sort_keys=True), encoding="utf-8")
    return [out_dir / name for name in names]


def lessons_in_order(course: Course) -> list[Lesson]:
    """Lessons in teaching order (module by module), then any not placed in a module."""
    placed = [lesson for module in course.modules for lesson in course.lessons_of(module)]
    seen = {lesson.id for lesson in placed}
    return placed + [lesson for lesson in course.lessons.values() if lesson.id not in seen]


# The code that draws a deck: a change to any of it redraws every deck.
_DECK_CODE = ("generator.outputs.decks", "generator.formats.decks")


def _decks(course: Course, shared: str) -> Iterator[tuple[str, str, str, Callable[[DeckBuilder], None]]]:
    """(file name, title, fingerprint, how to draw it) of every deck, in build order."""
    everything = course_fingerprint(course)
    for lesson in lessons_in_order(course):
        module = course.module_of_lesson(lesson.id)
        section = course.section_of_module(module.id) if module else None
        key = fingerprint(shared, lesson, module, section.title if section else "")
        yield lesson.id, lesson.title, key, partial(_lesson_deck, course=course, lesson=lesson)
    for day in course.ordered_workshops():
        key = fingerprint(shared, everything)
        yield f"workshop-{day.id}", day_title(day), key, partial(_day_deck, course=course, day=day)
    view = course.pipeline_view
    if view is not None:
        yield view.id, view.title, fingerprint(shared, view), partial(pipeline_slides, view=view)


def _read_manifest(path: Path) -> dict[str, str]:
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {}


def _lesson_deck(builder: DeckBuilder, *, course: Course, lesson: Lesson) -> None:
    lesson_slides(builder, course, lesson)


def _day_deck(builder: DeckBuilder, *, course: Course, day: WorkshopDay) -> None:
    day_slides(builder, course, day)
