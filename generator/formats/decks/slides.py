"""The text of deck slides that has to fit a box: titles, table rows and file properties.

The deck renderer writes these and the deck limit rules measure them, from the same functions, so a
rule's verdict is the renderer's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from generator.formats.decks.geometry import Area, Cell
from generator.formats.decks.markdown import Para, Run, Table, inline, paragraphs, plain
from generator.formats.text import shorten
from generator.model.course import Course
from generator.model.lesson import Lesson
from generator.model.pipeline_view import Layer, PipelineView
from generator.model.rubric import RUBRIC_LEVELS, Criterion, Rubric
from generator.model.workshop import ScheduledBlock, WorkshopDay, add_minutes

Row = list[Cell]
AGENDA_COLUMNS = (4.4, 3.6, 1.8)
TIMETABLE_COLUMNS = (2.2, 7, 1)
RUBRIC_COLUMNS = (2, 2, 2, 2, 2)
LAYER_COLUMNS = (1, 3)
# python-pptx refuses longer core properties (title, subject...); Office shows no more either.
PROPERTY_MAX = 255


@dataclass(frozen=True)
class Part:
    name: str
    start: int  # minutes from the start of the lesson
    minutes: int

    def span(self, clock: time | None = None) -> str:
        """'Lecture 0:00-0:10', with clock times when the lesson has a slot in a day."""
        text = f"{self.name} {_hm(self.start)}-{_hm(self.start + self.minutes)}"
        if clock is not None:
            start = add_minutes(clock, self.start)
            text += f" ({start:%H:%M}-{add_minutes(start, self.minutes):%H:%M})"
        return text


def parts(lesson: Lesson) -> list[Part]:
    lecture, activity, debrief = lesson.lecture.minutes, lesson.activity.minutes, lesson.debrief.minutes
    return [
        Part("Lecture", 0, lecture),
        Part("Activity", lecture, activity),
        Part("Debrief", lecture + activity, debrief),
    ]


def _hm(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def line(text: str, *, bold: bool = False) -> Para:
    return Para((Run(text, bold=bold),))


# -- titles -------------------------------------------------------------------------------------


def activity_title(lesson: Lesson) -> str:
    return f"Activity: {lesson.activity.title}"


def day_title(day: WorkshopDay) -> str:
    return f"Day {day.day}: {day.title}"


def rubric_title(rubric: Rubric) -> str:
    return f"Rubric: {rubric.title}"


def layer_title(number: int, layer: Layer) -> str:
    return f"{number}. {layer.title}"


def property_text(text: str) -> str:
    """Spec text as a deck file property: plain, on one line, cut at a word to PROPERTY_MAX characters."""
    return shorten(plain(text), PROPERTY_MAX)


# -- tables -------------------------------------------------------------------------------------


def agenda_rows(lesson: Lesson, clock: time | None) -> list[Row]:
    """The agenda table of a lesson (first row the header): each part, its time span and minutes."""
    rows: list[Row] = [[[line("Part", bold=True)], [line("Time", bold=True)], [line("Min", bold=True)]]]
    what = {
        "Lecture": "Lecture: key points",
        "Activity": activity_title(lesson),
        "Debrief": "Debrief",
    }
    for part in parts(lesson):
        start = add_minutes(clock, part.start) if clock else None
        span = (
            f"{start:%H:%M}-{add_minutes(start, part.minutes):%H:%M}"
            if start
            else part.span().removeprefix(part.name + " ")
        )
        rows.append([paragraphs(what[part.name]), [line(span)], [line(str(part.minutes))]])
    return rows


def agenda_areas(content: Area, with_objectives: bool) -> tuple[Area | None, Area]:
    """Where the objectives (None: the lesson has none) and the agenda table go on their slide."""
    if not with_objectives:
        return None, content
    if content.width >= 2 * content.height:  # a wide content area (16:9): objectives left, agenda right
        gap = content.width // 25
        text = Area(content.left, content.top, content.width * 11 // 20 - gap // 2, content.height)
        left = text.left + text.width + gap
        table = Area(left, content.top, content.width - text.width - gap, content.height)
    else:  # a narrower one (4:3): agenda under the objectives, so neither is squeezed into a column
        gap = content.height // 20
        text = Area(content.left, content.top, content.width, content.height * 11 // 20)
        table = Area(content.left, text.bottom + gap, content.width, content.height - text.height - gap)
    return text, table


def clock_span(item: ScheduledBlock) -> str:
    return f"{item.start:%H:%M}-{item.end:%H:%M}"


def timetable_rows(course: Course, schedule: list[ScheduledBlock]) -> list[Row]:
    """A workshop day's timetable (first row the header): clock times, block and lesson titles, minutes."""
    rows: list[Row] = [[[line("Time", bold=True)], [line("Session", bold=True)], [line("Min", bold=True)]]]
    for item in schedule:
        rows.append([[line(clock_span(item))], timetable_session(course, item), [line(str(item.minutes))]])
    return rows


def timetable_session(course: Course, item: ScheduledBlock) -> list[Para]:
    """The block's title, and its lesson's title when that says something else."""
    block = item.block
    what = list(paragraphs(block.title))
    lesson = course.lessons.get(block.lesson or "")
    if lesson and plain(lesson.title) != plain(block.title):
        what.append(Para(inline(lesson.title), 0, None))
    return what


def rubric_rows(rubric: Rubric) -> list[Row]:
    """A rubric as a table (first row the header): a criterion per row, a descriptor per level."""
    header: Row = [[line("Criterion", bold=True)]]
    header += [[line(f"{name} ({score})", bold=True)] for _, name, score in RUBRIC_LEVELS]
    return [header, *(criterion_row(c) for c in rubric.criteria)]


def criterion_row(criterion: Criterion) -> Row:
    cells: Row = [[Para(inline(criterion.name)), line(f"{criterion.weight:g}%")]]
    cells += [paragraphs(getattr(criterion.descriptors, key)) for key, _, _ in RUBRIC_LEVELS]
    return cells


def layer_rows(view: PipelineView, layer: Layer) -> list[Row]:
    """One layer of the pipeline view as a table (first row the header): what it means through each lens."""
    rows: list[Row] = [[[line("Lens", bold=True)], [line("What this layer means", bold=True)]]]
    for lens in view.lenses:
        rows.append([[Para(inline(lens.name))], paragraphs(layer.lenses.get(lens.id, ""))])
    return rows


def table_rows(table: Table) -> list[list[list[Para]]]:
    """A Markdown table's cells as slide-table cells (the header row first)."""
    return [[paragraphs(cell) for cell in row] for row in (table.header, *table.rows)]


def column_fractions(table: Table) -> list[float]:
    """Column widths from their text: room for the longest word, more for long cells, within limits."""
    rows = [[plain(cell) for cell in row] for row in (table.header, *table.rows)]
    out = []
    for c in range(len(table.header)):
        column = [row[c] for row in rows]
        word = max((len(w) for text in column for w in text.split()), default=1)
        out.append(max(word + 1, min(max(map(len, column)), 40) * 0.9, 3))
    return out
