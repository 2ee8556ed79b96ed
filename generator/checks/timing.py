"""Lessons keep their declared format, and a workshop day's blocks fit in the day."""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks import error, rule
from generator.errors import Issue
from generator.model.course import Course
from generator.model.lesson import STANDARD_TIMING, Activity, Debrief, Lecture
from generator.model.workshop import minutes_between


@rule("lesson-timing")
def lesson_timing(course: Course) -> Iterator[Issue]:
    for lesson in course.lessons.values():
        parts: dict[str, Lecture | Activity | Debrief] = {
            "lecture": lesson.lecture,
            "activity": lesson.activity,
            "debrief": lesson.debrief,
        }
        if lesson.format == "10-20-10":
            for name, part in parts.items():
                if part.minutes != STANDARD_TIMING[name]:
                    yield error(
                        lesson,
                        name,
                        "minutes",
                        message=f"a 10-20-10 {name} is {STANDARD_TIMING[name]} minutes, not {part.minutes}",
                        hint="fix the minutes, or declare another format (lab, showcase, custom) and "
                        "the total 'minutes'",
                    )
            if lesson.minutes is not None and lesson.minutes != 40:
                yield error(
                    lesson,
                    "minutes",
                    message=f"a 10-20-10 lesson takes 40 minutes, not {lesson.minutes}",
                    hint="remove 'minutes' or declare another format",
                )
        elif lesson.minutes is None:
            yield error(
                lesson,
                "format",
                message=f"a '{lesson.format}' lesson must declare its total 'minutes'",
                hint=f"add 'minutes: {lesson.total_minutes}'",
            )
        elif lesson.minutes != lesson.total_minutes:
            yield error(
                lesson,
                "minutes",
                message=f"lesson declares {lesson.minutes} minutes but its parts add up to "
                f"{lesson.total_minutes}",
                hint="make lecture + activity + debrief minutes add up to the total",
            )


@rule("workshop-timing")
def workshop_timing(course: Course) -> Iterator[Issue]:
    for day in course.workshops.values():
        available = minutes_between(day.start, day.end)
        if available <= 0:
            yield error(
                day, "end", message=f"the day ends ({day.end:%H:%M}) before it starts ({day.start:%H:%M})"
            )
            continue
        for b, block in enumerate(day.blocks):
            own = block.minutes
            taught = course.lessons.get(block.lesson or "") or None
            if own is None and course.block_minutes(block) is None:
                if not (block.lesson or block.lab):  # an unknown lesson or lab is reported on its own
                    yield error(
                        day,
                        "blocks",
                        b,
                        message=f"block '{block.title}' has no length",
                        hint="add 'minutes:', or point it at a lesson or lab",
                    )
            elif own is not None and taught is not None and own != taught.total_minutes:
                yield error(
                    day,
                    "blocks",
                    b,
                    "minutes",
                    message=f"block is {own} minutes but lesson '{taught.id}' takes {taught.total_minutes}",
                    hint="remove 'minutes' to use the lesson's own length",
                )
        schedule = course.timetable(day)
        used = sum(s.minutes for s in schedule)
        if used > available:
            last_fit = next(
                (s for s in schedule if minutes_between(day.start, s.end) > available), schedule[-1]
            )
            yield error(
                day,
                "blocks",
                last_fit.index,
                message=f"the day overflows by {used - available} minutes: blocks end at "
                f"{schedule[-1].end:%H:%M} but the day ends at {day.end:%H:%M}",
                hint=f"this block ends at {last_fit.end:%H:%M}; shorten or move blocks",
            )
