"""Which handouts a course has: one per lesson, one per lab, one per workshop day, in teaching order."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time

from generator.model.course import Course
from generator.model.lab import Lab
from generator.model.lesson import Lesson
from generator.model.workshop import WorkshopDay


@dataclass(frozen=True)
class Exercise:
    """One thing students do: a lesson's activity or a lab, with its clock time on a workshop day."""

    lesson: Lesson | None = None
    lab: Lab | None = None
    starts: time | None = None


@dataclass
class Handout:
    path: str  # relative to the handouts folder, e.g. "lessons/bake-log.html"
    kind: str  # lesson, lab or day
    title: str
    exercises: list[Exercise] = field(default_factory=list)
    day: WorkshopDay | None = None


def plan_handouts(course: Course) -> list[Handout]:
    """Every handout, for the lessons and labs the course places in modules or workshop days."""
    lessons: dict[str, Lesson] = {}
    labs: dict[str, Lab] = {}
    for module in course.modules:
        lessons.update((lesson.id, lesson) for lesson in course.lessons_of(module))
        labs.update((lab.id, lab) for lab in course.labs_of(module))
    days = []
    for day in course.ordered_workshops():
        exercises = []
        for scheduled in course.timetable(day):
            block = scheduled.block
            if block.lesson in course.lessons:
                lesson = course.lessons[block.lesson]
                lessons.setdefault(lesson.id, lesson)
                exercises.append(Exercise(lesson=lesson, starts=scheduled.start))
            elif block.lab in course.labs:
                lab = course.labs[block.lab]
                labs.setdefault(lab.id, lab)
                exercises.append(Exercise(lab=lab, starts=scheduled.start))
        if exercises:
            days.append(Handout(f"days/{day.id}.html", "day", f"Day {day.day}: {day.title}", exercises, day))
    return [
        *(Handout(f"lessons/{x.id}.html", "lesson", x.title, [Exercise(lesson=x)]) for x in lessons.values()),
        *(Handout(f"labs/{x.id}.html", "lab", f"Lab: {x.title}", [Exercise(lab=x)]) for x in labs.values()),
        *days,
    ]
