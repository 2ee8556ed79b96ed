"""Slide decks a trainer can teach from and edit: per lesson, per workshop day, and the pipeline view.

Every deck is built on a master (the course's own `deck.pptx`, or the built-in 16:9 one), with text
fitted to its boxes by measurement, diagrams as native shapes and facilitator notes only in speaker notes.
Decks are drawn in parallel across worker processes when there are enough of them to pay for the start.
"""

from __future__ import annotations

import json
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_EXCEPTION, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from generator.digest import code_fingerprint, fingerprint
from generator.formats.decks.master import find_master, layout_names
from generator.formats.decks.slides import day_title, property_text
from generator.model.base import Spec
from generator.model.course import Course
from generator.model.lesson import Lesson
from generator.model.workshop import WorkshopDay
from generator.outputs.decks.layouts import Master, load_master
from generator.outputs.staging import staged_folder

# Below this many decks to draw, one process is faster than starting workers (about half a second) would be.
PARALLEL_FROM = 8


@dataclass(frozen=True)
class Deck:
    """One deck to write: its file, title, what it is made from (a digest) and which spec it shows."""

    file: str
    title: str
    key: str
    kind: Literal["lesson", "day", "view"]
    spec_id: str


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
    jobs: int = 1,
) -> list[Path]:
    """Write `<lesson-id>.pptx` per lesson, `workshop-<day-id>.pptx` per workshop day, `<view-id>.pptx`.

    The decks are built in a staging folder (in `staging_area`, default beside `out_dir`) and swapped in
    together, so a failure leaves the last good decks in place; `out_dir` belongs to the decks (a deck
    no longer built disappears).
    `on_deck` is called with each deck's final path as soon as it is built, for progress display.
    With a `manifest` (what each deck was made from, kept between builds), a deck whose lesson, day or
    view, course settings, master and deck code are unchanged is reused as it is, unless `force`.
    Up to `jobs` processes draw the decks that are not reused.
    """
    # The master by its bytes and layout names: opening it (python-pptx) waits until a deck is drawn.
    path = find_master(course, template)
    layouts = json.dumps(layout_names(path), sort_keys=True)
    before = {} if manifest is None or force else _read_manifest(manifest)
    shared = fingerprint(code_fingerprint(_DECK_CODE), path.read_bytes(), layouts, course.spec)
    decks = list(plan_decks(course, shared))
    with staged_folder(out_dir, staging_area) as staging:
        to_draw: list[Deck] = []
        for deck in decks:
            if before.get(deck.file) == deck.key and (out_dir / deck.file).is_file():
                # Unchanged: the same file (same bytes, same mtime) moves into the new folder.
                os.link(out_dir / deck.file, staging / deck.file)
                if on_reused:
                    on_reused(out_dir / deck.file)
                if on_deck:
                    on_deck(out_dir / deck.file)
            else:
                to_draw.append(deck)
        if to_draw:
            master = load_master(course, template)  # a missing layout fails here, before any deck is drawn
            for file in _draw_all(course, master, template, to_draw, staging, jobs):
                if on_deck:
                    on_deck(out_dir / file)
    if manifest is not None:
        manifest.parent.mkdir(parents=True, exist_ok=True)
        after = {deck.file: deck.key for deck in decks}
        manifest.write_text(json.dumps(after, indent=0, sort_keys=True), encoding="utf-8")
    return [out_dir / deck.file for deck in decks]


def lessons_in_order(course: Course) -> list[Lesson]:
    """Lessons in teaching order (module by module), then any not placed in a module."""
    placed = [lesson for module in course.modules for lesson in course.lessons_of(module)]
    seen = {lesson.id for lesson in placed}
    return placed + [lesson for lesson in course.lessons.values() if lesson.id not in seen]


# The code that draws a deck: a change to any of it redraws every deck.
_DECK_CODE = ("generator.outputs.decks", "generator.formats.decks")


def plan_decks(course: Course, shared: str) -> Iterator[Deck]:
    """Every deck in build order, each keyed by the specs it shows (and `shared`: code, master, settings)."""
    for lesson in lessons_in_order(course):
        key = fingerprint(shared, *_lesson_inputs(course, lesson))
        yield Deck(f"{lesson.id}.pptx", lesson.title, key, "lesson", lesson.id)
    for day in course.ordered_workshops():
        key = fingerprint(shared, day, *_day_inputs(course, day))
        yield Deck(f"workshop-{day.id}.pptx", day_title(day), key, "day", day.id)
    view = course.pipeline_view
    if view is not None:
        yield Deck(f"{view.id}.pptx", view.title, fingerprint(shared, view), "view", view.id)


def _lesson_inputs(course: Course, lesson: Lesson) -> Iterable[Spec | str | None]:
    """What a lesson's slides show: the lesson, its module and its section's title."""
    module = course.module_of_lesson(lesson.id)
    section = course.section_of_module(module.id) if module else None
    return (lesson, module, section.title if section else "")


def _day_inputs(course: Course, day: WorkshopDay) -> Iterator[Spec | str | None]:
    """What a day's deck shows besides the day: each block's lesson (as its deck would), lab and rubric."""
    for block in day.blocks:
        lesson = course.lessons.get(block.lesson or "")
        if lesson is not None:
            yield from _lesson_inputs(course, lesson)
            task = lesson.assessment.practical_task if lesson.assessment else None
            question = course.questions.get(task or "")
            yield question
            yield course.rubrics.get(getattr(question, "rubric", None) or "")
        yield course.labs.get(block.lab or "")


def _draw_all(
    course: Course, master: Master, template: Path | None, decks: list[Deck], staging: Path, jobs: int
) -> Iterator[str]:
    """Draw `decks` into `staging`, yielding each file name as it is written."""
    if jobs <= 1 or len(decks) < PARALLEL_FROM:
        for deck in decks:
            draw_deck(course, master, deck, staging)
            yield deck.file
        return
    # forkserver, not fork: the parent may run progress threads whose locks a forked child would inherit.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    with ProcessPoolExecutor(
        max_workers=min(jobs, len(decks)),
        mp_context=context,
        initializer=_start_worker,
        initargs=(course, template),
    ) as pool:
        pending = {pool.submit(_draw_in_worker, deck, staging) for deck in decks}
        while pending:
            done, pending = wait(pending, return_when=FIRST_EXCEPTION)
            for future in done:
                yield future.result()  # a deck that failed raises here, as it would in one process


def draw_deck(course: Course, master: Master, deck: Deck, folder: Path) -> None:
    """Draw one deck on `master` and save it in `folder`."""
    from generator.outputs.decks.builder import DeckBuilder  # python-pptx: only when a deck is drawn
    from generator.outputs.decks.lesson import lesson_slides
    from generator.outputs.decks.pipeline_view import pipeline_slides
    from generator.outputs.decks.workshop import day_slides

    builder = DeckBuilder(master)
    if deck.kind == "lesson":
        lesson_slides(builder, course, course.lessons[deck.spec_id])
    elif deck.kind == "day":
        day_slides(builder, course, course.workshops[deck.spec_id])
    else:
        assert course.pipeline_view is not None
        pipeline_slides(builder, course.pipeline_view)
    props = builder.prs.core_properties
    # Office holds 255 characters in a property; the deck-properties rule warns.
    props.title = property_text(deck.title)
    props.subject = property_text(course.title)
    props.author = "curriculum-toolkit"
    builder.prs.save(str(folder / deck.file))


_worker: tuple[Course, Master] | None = None


def _start_worker(course: Course, template: Path | None) -> None:
    global _worker
    _worker = (course, load_master(course, template))


def _draw_in_worker(deck: Deck, folder: Path) -> str:
    assert _worker is not None, "the worker was not started"
    course, master = _worker
    draw_deck(course, master, deck, folder)
    return deck.file


def _read_manifest(path: Path) -> dict[str, str]:
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {}
