"""What the slide decks cannot show as written, measured with the decks' own text fitting.

- A table row (agenda, timetable, rubric, pipeline layer) that does not fit a slide of its own even at
  the smallest table size: the deck cannot be drawn, an error.
- A slide title that does not fit its box at the smallest title size: the slide shows it cut, a warning.
- A deck's file properties (title, subject) hold 255 characters: a longer one is cut, a warning.

Measured on the master the build will use (the course's own `deck.pptx`, else the built-in one), read
without python-pptx. If the master cannot be read, the deck renderer reports that itself at build time.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import time
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from generator.checks import error, rule, warning
from generator.checks.memo import recall
from generator.digest import code_fingerprint, fingerprint
from generator.errors import Issue, ToolkitError
from generator.formats.decks import geometry as geo
from generator.formats.decks import slides
from generator.formats.decks import text as tx
from generator.formats.decks.geometry import OPENING_TITLE_SIZES, TABLE_SIZES, TITLE_SIZES, Area
from generator.formats.decks.markdown import Para, Run, Table, inline, plain
from generator.formats.decks.markdown import parts as md_parts
from generator.formats.decks.master import (
    LayoutGeometry,
    MasterGeometry,
    find_master,
    layout_names,
    read_geometry,
)
from generator.model.base import Spec
from generator.model.course import Course
from generator.model.lesson import Lesson
from generator.model.rubric import RUBRIC_LEVELS, Rubric

_Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Place:
    """Spec text that lands in a box of a slide: where it is, and what it is, for messages."""

    spec: Spec
    path: _Path
    what: str  # "lesson 'x': its title"

    @property
    def value(self) -> str:
        """The spec text itself."""
        value: Any = self.spec
        for part in self.path:
            value = getattr(value, part) if isinstance(part, str) and isinstance(value, Spec) else value[part]
        return str(value)


# -- the master -----------------------------------------------------------------------------------


def master_geometry(course: Course) -> MasterGeometry | None:
    """The geometry of the master the decks will be built on, or None when it cannot be read."""
    try:
        path = find_master(course)
        return _read(path, path.stat().st_mtime_ns, tuple(sorted(layout_names(path).items())))
    except (ToolkitError, OSError, ValueError):
        return None


@lru_cache(maxsize=8)
def _read(path: Path, _mtime: int, names: tuple[tuple[str, str], ...]) -> MasterGeometry:
    return read_geometry(path, dict(names))


def _measurable(course: Course) -> MasterGeometry | None:
    """The master's geometry, when the fonts the decks measure with are there too."""
    geometry = master_geometry(course)
    if geometry is None:
        return None
    try:
        tx.width([Run("x")], 10)  # loads the font
    except ToolkitError:
        return None  # no DejaVu fonts: the deck build says how to install them
    return geometry


# -- titles ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Title:
    place: Place
    text: str  # the title as the slide shows it
    role: str  # of the layout the slide is on
    sizes: Sequence[float]
    slide: str  # "the title slide of its deck"


def _titles(course: Course) -> Iterator[Title]:
    opening, heading, first = OPENING_TITLE_SIZES, TITLE_SIZES, "the title slide of its deck"
    for lesson in course.lessons.values():
        what = f"lesson '{lesson.id}': its"
        yield Title(Place(lesson, ("title",), f"{what} title"), lesson.title, "title", opening, first)
        place = Place(lesson, ("activity", "title"), f"{what} activity title")
        yield Title(place, slides.activity_title(lesson), "content", heading, "the activity slide")
    for day in course.ordered_workshops():
        what = f"workshop day '{day.id}':"
        place = Place(day, ("title",), f"{what} its title")
        yield Title(place, slides.day_title(day), "title", opening, first)
        for i, block in enumerate(day.blocks):
            place = Place(day, ("blocks", i, "title"), f"{what} the title of block {i + 1}")
            yield Title(place, block.title, "section", opening, "the block's divider slide")
    for rubric in _day_rubrics(course):
        place = Place(rubric, ("title",), f"rubric '{rubric.id}': its title")
        yield Title(place, slides.rubric_title(rubric), "title_only", heading, "its slide in a day's deck")
    view = course.pipeline_view
    if view is not None:
        what = f"pipeline view '{view.id}':"
        yield Title(Place(view, ("title",), f"{what} its title"), view.title, "title", opening, first)
        for n, layer in enumerate(view.layers, 1):
            place = Place(view, ("layers", n - 1, "title"), f"{what} the title of layer '{layer.id}'")
            yield Title(place, slides.layer_title(n, layer), "title_only", heading, "the layer's slide")


@rule("deck-titles")
def deck_titles(course: Course) -> Iterator[Issue]:
    """A title too long for its box at the smallest size is cut on the slide."""
    geometry = _measurable(course)
    if geometry is None:
        return
    shared = fingerprint(repr(geometry.layouts), _code())
    for title in _titles(course):
        layout = geometry.layouts[title.role]
        area = geometry.title_area(title.role)
        box = geo.inner(area.width, area.height)
        key = f"deck-titles:{fingerprint(shared, title.role, str(title.sizes[-1]), title.text)}"
        if recall(key, partial(_fits_whole, title.text, layout, box, title.sizes[-1])):
            continue  # the common case: it fits at the smallest size, so fit_title keeps it whole
        para, size = geo.fit_title(title.text, box, title.sizes, caps=layout.caps, bold=layout.bold)
        whole = _shown(title.text)
        if para.text == whole:
            continue
        kept = len(para.text.removesuffix("…").rstrip())
        own = kept - (len(whole) - len(_shown(title.place.value)))  # of the spec text, without any prefix
        tail = para.text.removesuffix("…").rstrip()
        tail = tail if len(tail) <= 40 else "…" + tail[-39:].lstrip()
        place = title.place
        yield warning(
            place.spec,
            *place.path,
            message=f"{place.what} is too long for {title.slide}: even at {size:g} pt, the smallest title "
            f"size, the slide shows its first {kept:,} of {len(whole):,} characters, up to '{tail}'",
            hint=f"shorten it to about {own} characters" if own > 10 else "shorten it",
        )


def _fits_whole(text: str, layout: LayoutGeometry, box: tx.Box, size: float) -> bool:
    """Whether the whole title fits its box at `size`, in the layout's capitals and weight."""
    para = geo.title_as_shown(Para(inline(text)), caps=layout.caps, bold=layout.bold)
    return tx.fits([para], box, size)


def _shown(text: str) -> str:
    return "".join(r.text for r in inline(text))


# -- file properties ------------------------------------------------------------------------------


def _properties(course: Course) -> Iterator[tuple[Place, str, str]]:
    """(where, the text, which property) for every deck file property made from spec text."""
    if course.lessons or course.ordered_workshops() or course.pipeline_view:
        yield (
            Place(course.spec, ("title",), "the course: its title"),
            course.title,
            "subject property of every deck",
        )
    for lesson in course.lessons.values():
        yield (
            Place(lesson, ("title",), f"lesson '{lesson.id}': its title"),
            lesson.title,
            "title property of its deck",
        )
    for day in course.ordered_workshops():
        place = Place(day, ("title",), f"workshop day '{day.id}': its title")
        yield place, slides.day_title(day), "title property of its deck"
    view = course.pipeline_view
    if view is not None:
        yield (
            Place(view, ("title",), f"pipeline view '{view.id}': its title"),
            view.title,
            "title property of its deck",
        )


@rule("deck-properties")
def deck_properties(course: Course) -> Iterator[Issue]:
    """A deck's title and subject properties hold at most 255 characters; longer ones are cut."""
    limit = slides.PROPERTY_MAX
    for place, text, used in _properties(course):
        length = len(plain(text))
        if length > limit:
            yield warning(
                place.spec,
                *place.path,
                message=f"{place.what} ({length:,} characters) is the {used}, and a deck's file properties "
                f"hold at most {limit} characters: the property is cut at a word, to "
                f"{len(slides.property_text(text))}",
                hint=f"shorten it to at most {limit} characters",
            )


# -- tables ---------------------------------------------------------------------------------------

_Overflow = tuple[Place, str, int]  # where, which table, the length of the text


def _day_rubrics(course: Course) -> list[Rubric]:
    """The rubrics shown in workshop day decks: those marking the practical task of a lesson taught there."""
    found: dict[str, Rubric] = {}
    for day in course.ordered_workshops():
        for block in day.blocks:
            lesson = course.lessons.get(block.lesson or "")
            rubric = _rubric_of(course, lesson) if lesson is not None else None
            if rubric is not None:
                found.setdefault(rubric.id, rubric)
    return list(found.values())


def _rubric_of(course: Course, lesson: Lesson) -> Rubric | None:
    task = lesson.assessment.practical_task if lesson.assessment else None
    question = course.questions.get(task or "")
    return course.rubrics.get(getattr(question, "rubric", None) or "")


def _agendas(course: Course, content: Area) -> Iterator[_Overflow]:
    """Agendas: in each lesson's own deck, and in the deck of every day that teaches it (with clock times)."""
    clocks: dict[str, list[time | None]] = {lesson_id: [None] for lesson_id in course.lessons}
    for day in course.ordered_workshops():
        for item in course.timetable(day):
            if item.block.lesson in clocks:
                clocks[item.block.lesson].append(item.start)
    for lesson in course.lessons.values():
        _, area = slides.agenda_areas(content, bool(lesson.objectives))
        widths = geo.column_widths(area, slides.AGENDA_COLUMNS)
        for clock in clocks[lesson.id]:
            header, *rows = slides.agenda_rows(lesson, clock)
            if not all(geo.row_fits(header, row, widths, area.height) for row in rows):
                place = Place(lesson, ("activity", "title"), f"lesson '{lesson.id}': its activity title")
                yield place, "agenda", len(lesson.activity.title)
                break


def _timetables(course: Course, content: Area) -> Iterator[_Overflow]:
    widths = geo.column_widths(content, slides.TIMETABLE_COLUMNS)
    for day in course.ordered_workshops():
        schedule = course.timetable(day)
        header, *rows = slides.timetable_rows(course, schedule)
        for item, row in zip(schedule, rows, strict=True):
            if geo.row_fits(header, row, widths, content.height):
                continue
            block = item.block
            lesson = course.lessons.get(block.lesson or "")
            shown = lesson is not None and plain(lesson.title) != plain(block.title)
            if lesson is not None and shown and len(lesson.title) > len(block.title):
                what = f"lesson '{lesson.id}': its title (under block {item.index + 1} of '{day.id}')"
                yield Place(lesson, ("title",), what), "timetable", len(lesson.title)
            else:
                what = f"workshop day '{day.id}': the title of block {item.index + 1}"
                yield Place(day, ("blocks", item.index, "title"), what), "timetable", len(block.title)


def _rubrics(course: Course, content: Area) -> Iterator[_Overflow]:
    widths = geo.column_widths(content, slides.RUBRIC_COLUMNS)
    for rubric in _day_rubrics(course):
        header, *rows = slides.rubric_rows(rubric)
        for i, (criterion, row) in enumerate(zip(rubric.criteria, rows, strict=True)):
            if geo.row_fits(header, row, widths, content.height):
                continue
            texts: list[tuple[_Path, str, str]] = [(("criteria", i, "name"), criterion.name, "name")]
            for key, name, _ in RUBRIC_LEVELS:
                text = getattr(criterion.descriptors, key)
                texts.append((("criteria", i, "descriptors", key), text, f"'{name}' descriptor"))
            path, text, what = max(texts, key=lambda t: len(t[1]))  # the longest text is the one to cut
            where = f"rubric '{rubric.id}': the {what} of criterion '{criterion.id}'"
            yield Place(rubric, path, where), "rubric", len(text)


def _layers(course: Course, content: Area) -> Iterator[_Overflow]:
    view = course.pipeline_view
    if view is None:
        return
    widths = geo.column_widths(content, slides.LAYER_COLUMNS)
    for n, layer in enumerate(view.layers):
        header, *rows = slides.layer_rows(view, layer)
        for j, (lens, row) in enumerate(zip(view.lenses, rows, strict=True)):
            if geo.row_fits(header, row, widths, content.height):
                continue
            text = layer.lenses.get(lens.id, "")
            if len(lens.name) > len(text):
                what = f"pipeline view '{view.id}': the name of lens '{lens.id}'"
                yield Place(view, ("lenses", j, "name"), what), "layer", len(lens.name)
            else:
                what = f"pipeline view '{view.id}': the text of layer '{layer.id}' for lens '{lens.id}'"
                yield Place(view, ("layers", n, "lenses", lens.id), what), "layer", len(text)


def _text_tables(course: Course, content: Area) -> Iterator[_Overflow]:
    """Markdown tables in key points and activity instructions, drawn as real tables on their slides."""
    shared = fingerprint(repr(content), _code())
    for lesson in course.lessons.values():
        key = f"deck-table-rows:{fingerprint(shared, lesson)}"
        for path, what, longest in recall(key, partial(_lesson_tables, lesson, content)):
            where = f"lesson '{lesson.id}': a cell of the table in its {what}"
            yield Place(lesson, tuple(path), where), "Markdown", longest


def _lesson_tables(lesson: Lesson, content: Area) -> list[tuple[_Path, str, int]]:
    """(where, which text, its longest cell) of each lesson table with a row too tall for a slide."""
    found = []
    texts: list[tuple[_Path, str, str]] = [
        (("lecture", "key_points", i), point, f"key point {i + 1}")
        for i, point in enumerate(lesson.lecture.key_points)
    ]
    texts.append((("activity", "instructions"), lesson.activity.instructions, "activity instructions"))
    for path, text, what in texts:
        for part in md_parts(text):
            if not isinstance(part, Table):
                continue
            header, *rows = slides.table_rows(part)
            widths = geo.column_widths(content, slides.column_fractions(part))
            if not all(geo.row_fits(header, row, widths, content.height) for row in rows):
                longest = max(len(cell) for row in (part.header, *part.rows) for cell in row)
                found.append((path, what, longest))
                break
    return found


def _code() -> str:
    """The code a remembered verdict comes from, and the fonts it measures with."""
    fonts = [os.stat(tx.font_path(style)) for style in ((False, False, False), (True, False, False))]
    stamps = "|".join(f"{f.st_size}:{f.st_mtime_ns}" for f in fonts)
    return code_fingerprint(("generator.formats.decks", "generator.checks.limits")) + stamps


@rule("deck-table-rows")
def deck_table_rows(course: Course) -> Iterator[Issue]:
    """Every row of every table the decks draw fits a slide on its own at the smallest table size."""
    geometry = _measurable(course)
    if geometry is None:
        return
    content = geometry.content_area()
    seen: set[tuple[int, _Path]] = set()
    for source in (_agendas, _timetables, _rubrics, _layers, _text_tables):
        for place, table, length in source(course, content):
            if (id(place.spec), place.path) in seen:
                continue
            seen.add((id(place.spec), place.path))
            yield error(
                place.spec,
                *place.path,
                message=f"{place.what} ({length:,} characters) does not fit in its row of the {table} "
                f"table, even on a slide of its own at {TABLE_SIZES[-1]:g} pt",
                hint="shorten it: a table continues on further slides, but each row must fit on one",
            )
