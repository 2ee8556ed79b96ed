"""A workshop day as one deck: title, objectives, timetable, then each block's slides behind a divider."""

from __future__ import annotations

from generator.formats.decks.markdown import Para, Run, bullets, inline, paragraphs, plain
from generator.model.course import Course
from generator.model.rubric import RUBRIC_LEVELS, Rubric
from generator.model.workshop import ScheduledBlock, WorkshopDay
from generator.outputs.decks.builder import DeckBuilder, note
from generator.outputs.decks.lesson import lesson_slides, opening_notes

BREAKS = ("break", "lunch")


def _line(text: str, *, bold: bool = False) -> Para:
    return Para((Run(text, bold=bold),))


def _clock(item: ScheduledBlock) -> str:
    return f"{item.start:%H:%M}-{item.end:%H:%M}"


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
    b.opening("title", f"Day {day.day}: {day.title}", subtitle, opening)
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
    rows = [[[_line("Time", bold=True)], [_line("Session", bold=True)], [_line("Min", bold=True)]]]
    for item in schedule:
        block = item.block
        what = list(paragraphs(block.title))
        lesson = course.lessons.get(block.lesson or "")
        if lesson and plain(lesson.title) != plain(block.title):
            what.append(Para(inline(lesson.title), 0, None))
        rows.append([[_line(_clock(item))], what, [_line(str(item.minutes))]])
    notes = [
        timing,
        _line("Clock times are computed from block lengths: change a length and they follow."),
    ]
    b.table("Timetable", rows, (2.2, 7, 1), notes)


def _block(b: DeckBuilder, course: Course, item: ScheduledBlock) -> None:
    block = item.block
    when = _line(f"{_clock(item)} · {item.minutes} min")
    block_notes = [Para((Run(f"{block.title}: ", bold=True), Run(f"{_clock(item)}, {item.minutes} min")))]
    if block.notes:
        block_notes += note(block.notes)
    if block.type in BREAKS:
        back = _line(f"{_clock(item)} · back at {item.end:%H:%M}")
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
    header = [[_line("Criterion", bold=True)]] + [
        [_line(f"{name} ({score})", bold=True)] for _, name, score in RUBRIC_LEVELS
    ]
    rows = [header]
    guidance = list(notes)
    for criterion in rubric.criteria:
        cells = [[Para(inline(criterion.name)), _line(f"{criterion.weight:g}%")]]
        cells += [paragraphs(getattr(criterion.descriptors, key)) for key, _, _ in RUBRIC_LEVELS]
        rows.append(cells)
        if criterion.scoring_guidance:
            guidance += [_line(f"{plain(criterion.name)}:", bold=True), *note(criterion.scoring_guidance)]
    b.table(f"Rubric: {rubric.title}", rows, (2, 2, 2, 2, 2), guidance)
