"""A workshop day as one deck: title, objectives, timetable, then each block's slides behind a divider."""

from __future__ import annotations

from generator.formats.decks.markdown import Para, Run, bullets, inline, paragraphs, plain
from generator.formats.decks.slides import (
    RUBRIC_COLUMNS,
    TIMETABLE_COLUMNS,
    clock_span,
    day_title,
    rubric_rows,
    rubric_title,
    timetable_rows,
)
from generator.model.course import Course
from generator.model.rubric import Rubric
from generator.model.workshop import ScheduledBlock, WorkshopDay
from generator.outputs.decks.builder import DeckBuilder, note
from generator.outputs.decks.lesson import lesson_slides, opening_notes

BREAKS = ("break", "lunch")


def _line(text: str, *, bold: bool = False) -> Para:
    return Para((Run(text, bold=bold),))


def day_slides(b: DeckBuilder, course: Course, day: WorkshopDay) -> None:
    schedule = course.timetable(day)
    end = schedule[-1].end if schedule else day.end
    timing = _line(f"Day {day.day}: {day.start:%H:%M}-{end:%H:%M} (planned end {day.end:%H:%M})", bold=True)
    subtitle = (
        [*paragraphs(day.theme), _line(f"{day.start:%H:%M}-{end:%H:%M}")]
        if day.theme
        else [_line(f"{day.start:%H:%M}-{end:%H:%M}")]
    )
    opening = [timing]
    if day.deliverable:
        opening += [_line("Deliverable of the day", bold=True), *note(day.deliverable)]
    b.opening("title", day_title(day), subtitle, opening)
    if day.objectives:
        notes = [timing]
        for objective in day.objectives:
            notes += [
                Para((Run(objective.statement, bold=True),), 0, "•"),
                Para((Run("How we will know: ", italic=True), *inline(objective.outcome)), 1, None),
            ]
        b.text("Today's objectives", bullets([o.statement for o in day.objectives]), notes)
    _timetable(b, course, schedule, timing)
    for item in schedule:
        _block(b, course, item)
    if day.deliverable:
        b.text("Deliverable", paragraphs(day.deliverable), [timing])


def _timetable(b: DeckBuilder, course: Course, schedule: list[ScheduledBlock], timing: Para) -> None:
    notes = [
        timing,
        _line("Clock times are computed from block lengths: change a length and they follow."),
    ]
    b.table("Timetable", timetable_rows(course, schedule), TIMETABLE_COLUMNS, notes)


def _block(b: DeckBuilder, course: Course, item: ScheduledBlock) -> None:
    block = item.block
    when = _line(f"{clock_span(item)} · {item.minutes} min")
    block_notes = [Para((Run(f"{block.title}: ", bold=True), Run(f"{clock_span(item)}, {item.minutes} min")))]
    if block.notes:
        block_notes += note(block.notes)
    if block.type in BREAKS:
        back = _line(f"{clock_span(item)} · back at {item.end:%H:%M}")
        b.opening("section", block.title, [back], block_notes)
        return
    lesson = course.lessons.get(block.lesson or "")
    lab = course.labs.get(block.lab or "")
    if lesson is not None:
        subtitle = [Para(inline(lesson.title)), when] if plain(lesson.title) != plain(block.title) else [when]
        b.opening(
            "section", block.title, subtitle, [*block_notes, *opening_notes(course, lesson, item.start)]
        )
        lesson_slides(b, course, lesson, clock=item.start, opening=False)
        _rubrics(b, course, lesson.id, block_notes)
    elif lab is not None:
        b.opening(
            "section", block.title, [Para(inline(lab.title)), when], [*block_notes, *note(lab.objective)]
        )
    else:
        b.opening("section", block.title, [when], block_notes)


def _rubrics(b: DeckBuilder, course: Course, lesson_id: str, notes: list[Para]) -> None:
    """The rubric that marks the lesson's practical task, so the day's deck shows how work is judged."""
    lesson = course.lessons[lesson_id]
    task = lesson.assessment.practical_task if lesson.assessment else None
    question = course.questions.get(task or "")
    rubric = course.rubrics.get(getattr(question, "rubric", None) or "")
    if rubric is not None:
        rubric_table(b, rubric, notes)


def rubric_table(b: DeckBuilder, rubric: Rubric, notes: list[Para]) -> None:
    guidance = list(notes)
    for criterion in rubric.criteria:
        if criterion.scoring_guidance:
            guidance += [_line(f"{plain(criterion.name)}:", bold=True), *note(criterion.scoring_guidance)]
    b.table(rubric_title(rubric), rubric_rows(rubric), RUBRIC_COLUMNS, guidance)
