"""The slides of one lesson: title, objectives and agenda, one per key point, activity, debrief and takeaway.

Facilitator notes, critical moments, expected outcomes and common errors go only into speaker notes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import time

from generator.errors import ToolkitError
from generator.formats.decks import markdown as md
from generator.formats.decks.geometry import BODY_SIZES, STATEMENT_SIZES, Area
from generator.formats.decks.lesson_plan import (
    FURTHER_READING,
    KeyPointSlide,
    LessonPlan,
    debrief_area,
    diagram_areas,
    key_point_paras,
    plan_lesson,
    resource_paras,
    takeaway_band,
    words_of,
)
from generator.formats.decks.markdown import Para, Run, bullets, inline, labelled, paragraphs, plain
from generator.formats.decks.pages import TooSmall
from generator.formats.decks.slides import AGENDA_COLUMNS, activity_title, agenda_areas, agenda_rows, parts
from generator.model.course import Course
from generator.model.lesson import Lesson
from generator.outputs.decks import frames as fr
from generator.outputs.decks.builder import DeckBuilder, note
from generator.outputs.decks.shapes import flow_diagram, rounded_box


def _line(*runs: Run) -> Para:
    return Para(tuple(runs))


def _heading(text: str) -> Para:
    return Para((Run(text, bold=True),))


def timing_note(lesson: Lesson, clock: time | None) -> Para:
    spans = ", ".join(p.span(clock) for p in parts(lesson))
    return _line(Run("Timing: ", bold=True), Run(f"{spans}; {lesson.total_minutes} min in all."))


def opening_notes(course: Course, lesson: Lesson, clock: time | None) -> list[Para]:
    """What the facilitator reads before starting: timing, summary, what to prepare, facilitator notes."""
    out = [timing_note(lesson, clock)]
    if lesson.summary:
        out += [_heading("Summary"), *note(lesson.summary)]
    if lesson.prerequisites:
        out += [_heading("Prerequisites"), *bullets(lesson.prerequisites)]
    if lesson.materials:
        out += [_heading("Materials"), *bullets(lesson.materials)]
    if lesson.facilitator_notes:
        out += [_heading("Facilitator notes"), *note(lesson.facilitator_notes)]
    return out


def subtitle(course: Course, lesson: Lesson) -> list[Para]:
    lecture, activity, debrief = parts(lesson)
    out = []
    module = course.module_of_lesson(lesson.id)
    section = course.section_of_module(module.id) if module else None
    if module:
        context = f"{plain(section.title)} · {plain(module.title)}" if section else plain(module.title)
        out.append(_line(Run(context)))
    out.append(
        _line(
            Run(
                f"{lesson.total_minutes} min: lecture {lecture.minutes}, activity {activity.minutes}, "
                f"debrief {debrief.minutes}"
            )
        )
    )
    return out


def lesson_slides(
    b: DeckBuilder,
    course: Course,
    lesson: Lesson,
    *,
    clock: time | None = None,
    opening: bool = True,
) -> None:
    """Add the lesson's slides; `clock` is its start time in a workshop day, `opening` its title slide.

    The slides follow the lesson's plan, which holds them to its format's slide range.
    """
    try:
        plan = plan_lesson(course, lesson, b.content)
    except TooSmall as exc:
        raise ToolkitError(f"lesson '{lesson.id}': {exc} of the deck's content layout") from None
    if opening:
        b.opening("title", lesson.title, subtitle(course, lesson), opening_notes(course, lesson, clock))
    _objectives_and_agenda(b, lesson, clock)
    _key_points(b, lesson, clock, plan)
    _activity(b, course, lesson, clock, plan)
    _debrief(b, lesson, clock)
    if lesson.resources:
        _further_reading(b, lesson)


def _objectives_and_agenda(b: DeckBuilder, lesson: Lesson, clock: time | None) -> None:
    rows = agenda_rows(lesson, clock)
    notes = [timing_note(lesson, clock)]
    for objective in lesson.objectives:
        notes += [
            Para((Run(objective.statement, bold=True),), 0, "•"),
            Para((Run("How we will know: ", italic=True), *inline(objective.outcome)), 1, None),
        ]
    text, table = agenda_areas(b.content, bool(lesson.objectives))
    if text is None:
        slide = b.titled("Agenda", notes)
        b.table("Agenda", rows, AGENDA_COLUMNS, notes, slide=slide)
        return
    statements = bullets([o.statement for o in lesson.objectives])
    slides = b.text("Objectives and agenda", statements, notes, area=text)
    b.table("Agenda", rows, AGENDA_COLUMNS, notes, area=table, slide=slides[0])


def _key_points(b: DeckBuilder, lesson: Lesson, clock: time | None, plan: LessonPlan) -> None:
    points = lesson.lecture.key_points
    lecture = parts(lesson)[0]
    share = _assign_notes(lesson)
    for slide in plan.key_points:
        heading = _key_point_heading(slide, len(points))
        notes = [
            _line(
                Run(f"{lecture.span(clock)}", bold=True),
                Run(
                    f" · {heading.lower()}, about {lecture.minutes * len(slide.points) / len(points):.0f} min"
                ),
            ),
        ]
        for n in slide.points:
            notes += share[n]
        if len(slide.points) == 1:
            point = points[slide.points[0]]
            statement, body, sizes = paragraphs(point), md.parts(point), STATEMENT_SIZES
        else:
            statement = key_point_paras(lesson, slide.points)
            body, sizes = [statement], BODY_SIZES
        if slide.apart and lesson.diagram:
            b.flow(heading, body, notes, sizes=sizes)
            drawn = b.titled(heading, notes)
            flow_diagram(
                drawn, lesson.diagram.steps, b.content, title=lesson.diagram.title
            )  # measured by the plan
        elif slide.diagram and lesson.diagram:
            text_area, drawing = diagram_areas(b.content, len(slide.points) > 1)
            slides = b.text(heading, statement, notes, area=text_area, sizes=sizes)
            if not flow_diagram(slides[-1], lesson.diagram.steps, drawing, title=lesson.diagram.title):
                _diagram_as_text(b, lesson, notes)
        else:
            b.flow(heading, body, notes, sizes=sizes)


def _key_point_heading(slide: KeyPointSlide, count: int) -> str:
    first, last = slide.points[0] + 1, slide.points[-1] + 1
    if count == 1:
        return "Key point"
    if len(slide.points) == count:
        return "Key points"
    if first == last:
        return f"Key point {first} of {count}"
    return f"Key points {first}-{last} of {count}"


def _diagram_as_text(b: DeckBuilder, lesson: Lesson, notes: Sequence[Para]) -> None:
    """The diagram's steps as a numbered list, for a master whose content area is too small to draw in."""
    assert lesson.diagram is not None
    steps = [Para(inline(s), 0, f"{i}.") for i, s in enumerate(lesson.diagram.steps, start=1)]
    b.text(lesson.diagram.title, steps, notes)


def _activity(b: DeckBuilder, course: Course, lesson: Lesson, clock: time | None, plan: LessonPlan) -> None:
    activity = lesson.activity
    part = parts(lesson)[1]
    notes = [_line(Run(part.span(clock), bold=True), Run(f" · {part.minutes} min"))]
    if plan.activity.cut:
        # What the slide leaves out is still said: here, and on the student's page of the lesson.
        notes += [
            _heading(f"In full (the slide leaves out {plan.activity.left_out})"),
            *note(activity.instructions),
        ]
        if activity.tiers:
            names = {t.id: t.name for t in course.spec.tiers}
            notes.append(_heading("By tier"))
            for tier, text in activity.tiers.items():
                notes += labelled(f"{tier} {plain(names[tier])}" if tier in names else tier, text)
    notes += [_heading("Expected outcome"), *note(activity.expected_outcome)]
    if activity.by_role:
        names = {r.id: r.name for r in course.spec.roles}
        notes.append(_heading("By role"))
        for role, text in activity.by_role.items():
            notes += labelled(plain(names.get(role, role)), text)
    if lesson.critical_moments:
        notes.append(_heading("Critical moments"))
        for moment in lesson.critical_moments:
            notes += [
                Para(inline(moment.moment), 0, "•"),
                Para((Run("Do: ", italic=True), *inline(moment.intervention)), 1, None),
            ]
    b.flow(activity_title(lesson), plan.activity.body, notes)


def _debrief(b: DeckBuilder, lesson: Lesson, clock: time | None) -> None:
    part = parts(lesson)[2]
    notes = [_line(Run(part.span(clock), bold=True), Run(f" · {part.minutes} min"))]
    if lesson.debrief.common_errors:
        notes.append(_heading("Common errors"))
        for error in lesson.debrief.common_errors:
            notes += [
                Para(inline(error.error), 0, "•"),
                Para((Run("Fix: ", italic=True), *inline(error.fix)), 1, None),
            ]
    notes.append(_line(Run("Close on the key takeaway: "), *inline(lesson.key_takeaway)))
    takeaway = Para((Run("Key takeaway: ", bold=True), *inline(lesson.key_takeaway)))
    area = b.content
    takeaway, size, band_h = takeaway_band(area, takeaway)
    slides = b.text("Debrief", bullets(lesson.debrief.questions), notes, area=debrief_area(area, lesson))
    box = Area(area.left, area.bottom - band_h, area.width, band_h)
    band = rounded_box(slides[-1], box, "Key takeaway", fill="bg2", outline="accent1")
    fr.prepare(band.text_frame, anchor="middle")
    fr.write(band.text_frame, [takeaway], size, color="1F2933")


def _assign_notes(lesson: Lesson) -> list[list[Para]]:
    """Lecture notes shared out to the key point each chunk mentions most; a list stays with its lead-in."""
    points = [words_of(p) for p in lesson.lecture.key_points]
    share: list[list[Para]] = [[] for _ in points]
    current = 0
    for chunk in re.split(r"\n\s*\n", lesson.lecture.notes.strip()):
        if not chunk.strip():
            continue
        words = words_of(chunk)
        scores = [len(words & p) for p in points]
        starts_list = bool(re.match(r"\s*([-*+]|\d+[.)])\s", chunk))
        if not starts_list and max(scores) > 0:
            current = scores.index(max(scores))
        share[current] += paragraphs(chunk)
    return share


def _further_reading(b: DeckBuilder, lesson: Lesson) -> None:
    notes = [_heading(FURTHER_READING)]
    for resource in lesson.resources:
        notes.append(Para(inline(resource.title), 0, "•"))
        if resource.note:
            notes += [Para(p.runs, 1, None) for p in note(resource.note)]
    b.text(FURTHER_READING, resource_paras(lesson.resources), notes)
