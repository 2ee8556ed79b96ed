"""A lesson's deck keeps to the slide range of its format (5-7 unless the course sets another).

The deck leaves out what does not fit its activity slide (into the speaker notes) and puts key points
together when the range is short; this rule warns when even so the deck cannot keep to the range, and
says what to shorten. It reads the same plan the deck builder follows.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from generator.checks import error, rule, warning
from generator.checks.limits.decks import _code, _measurable
from generator.checks.memo import recall
from generator.digest import fingerprint
from generator.errors import Issue
from generator.formats.decks.geometry import Area
from generator.formats.decks.lesson_plan import LessonPlan, plan_lesson
from generator.formats.decks.markdown import plain
from generator.formats.decks.pages import TooSmall
from generator.model.course import Course
from generator.model.lesson import Lesson

Verdict = tuple[int, int, int, list[str | int], str, str]


@rule("deck-slide-count")
def deck_slide_count(course: Course) -> Iterator[Issue]:
    """Every lesson deck has as many slides as its format allows."""
    settings = course.spec.decks
    for name, limits in settings.slides.items():
        if limits.min > limits.max:
            yield error(
                course.spec,
                "decks",
                "slides",
                name,
                message=f"the slide range of '{name}' lessons runs from {limits.min} to {limits.max}",
                hint="give a 'min' no larger than 'max'",
            )
    geometry = _measurable(course)
    if geometry is None:
        return
    content = geometry.content_area()
    shared = fingerprint(course.spec, repr(content), _code())
    for lesson in course.lessons.values():
        verdict = recall(
            f"deck-slide-count:{fingerprint(shared, lesson)}", partial(_verdict, course, lesson, content)
        )
        if verdict is None:
            continue
        slides, low, high, path, what, hint = verdict
        span = f"{low}-{high}"
        if slides > high:
            yield warning(
                lesson,
                *path,
                message=f"lesson '{lesson.id}': its deck needs {slides} slides, more than the {span} "
                f"of a {lesson.format} lesson: {what}",
                hint=hint,
            )
        else:
            yield warning(
                lesson,
                "lecture",
                "key_points",
                message=f"lesson '{lesson.id}': its deck has {slides} slides, fewer than the {span} of "
                f"a {lesson.format} lesson",
                hint=f"add a key point, or set 'decks: slides: {lesson.format}' in course.yaml",
            )


def _verdict(course: Course, lesson: Lesson, content: Area) -> Verdict | None:
    """(slides, min, max, where, what, hint) when the lesson's deck leaves its range, else None."""
    try:
        plan = plan_lesson(course, lesson, content)
    except TooSmall:
        return None  # a table row that fits no slide: the deck-table-rows rule reports it
    limits = plan.limits
    if limits.min > limits.max or limits.min <= plan.slides <= limits.max:
        return None
    path, what, hint = _too_long(lesson, plan) if plan.slides > limits.max else ((), "", "")
    return plan.slides, limits.min, limits.max, list(path), what, hint


def _too_long(lesson: Lesson, plan: LessonPlan) -> tuple[tuple[str | int, ...], str, str]:
    """Where the deck overflows the most, what happens there, and what to shorten."""
    activity = plan.activity
    if activity.slides > 1:
        size = len(plain(lesson.activity.instructions))
        left = f"even without {activity.left_out}, " if activity.left_out else ""
        return (
            ("activity", "instructions"),
            f"{left}its activity takes {activity.slides} slides",
            f"shorten the activity's steps (now {size:,} characters) to about {size // activity.slides:,}, "
            "or move detail into the facilitator notes",
        )
    for slide in plan.key_points:
        if slide.slides > 1 and len(slide.points) == 1:
            n = slide.points[0]
            size = len(plain(lesson.lecture.key_points[n]))
            return (
                ("lecture", "key_points", n),
                f"key point {n + 1} takes {slide.slides} slides",
                f"shorten it (now {size:,} characters) to about {size // slide.slides:,}, "
                "and put the detail in the lecture notes",
            )
    parts = [
        (plan.objectives, ("objectives",), "its objectives", "shorten the objectives' statements"),
        (plan.debrief, ("debrief", "questions"), "its debrief questions", "ask fewer or shorter questions"),
        (plan.further_reading, ("resources",), "its further reading", "list fewer resources"),
    ]
    for slides, path, what, hint in parts:
        if slides > 1:
            return path, f"{what} take {slides} slides", hint
    count = len(lesson.lecture.key_points)
    return (
        ("lecture", "key_points"),
        f"its {count} key points cannot share fewer slides",
        f"shorten or merge key points, or widen 'decks: slides: {lesson.format}' in course.yaml",
    )
