"""The slides of one lesson: title, objectives and agenda, one per key point, activity, debrief and takeaway.

Facilitator notes, critical moments, expected outcomes and common errors go only into speaker notes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import time

from generator.formats.decks import markdown as md
from generator.formats.decks import text as tx
from generator.formats.decks.geometry import INSET_Y, Area, inner
from generator.formats.decks.markdown import Para, Run, bullets, inline, labelled, paragraphs, plain
from generator.formats.decks.slides import AGENDA_COLUMNS, activity_title, agenda_areas, agenda_rows, parts
from generator.model.course import Course
from generator.model.lesson import Lesson
from generator.outputs.decks import frames as fr
from generator.outputs.decks.builder import STATEMENT_SIZES, DeckBuilder, note
from generator.outputs.decks.shapes import ROUND, emu, flow_diagram, round_inset

TAKEAWAY_SIZES = tx.sizes(24, 16)


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
    """Add the lesson's slides; `clock` is its start time in a workshop day, `opening` its title slide."""
    if opening:
        b.opening("title", lesson.title, subtitle(course, lesson), opening_notes(course, lesson, clock))
    _objectives_and_agenda(b, lesson, clock)
    _key_points(b, lesson, clock)
    _activity(b, course, lesson, clock)
    _debrief(b, lesson, clock)


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


def _key_points(b: DeckBuilder, lesson: Lesson, clock: time | None) -> None:
    points = lesson.lecture.key_points
    lecture = parts(lesson)[0]
    share = _assign_notes(lesson)
    with_diagram = _diagram_slot(lesson)
    area = b.content
    for n, point in enumerate(points):
        heading = f"Key point {n + 1} of {len(points)}" if len(points) > 1 else "Key point"
        notes = [
            _line(
                Run(f"{lecture.span(clock)}", bold=True),
                Run(f" · key point {n + 1} of {len(points)}, about {lecture.minutes / len(points):.0f} min"),
            ),
            *share[n],
        ]
        statement = paragraphs(point)
        if n == with_diagram and lesson.diagram:
            text_area = Area(area.left, area.top, area.width, area.height * 2 // 5)
            gap = area.height // 20
            drawing = Area(
                area.left, text_area.bottom + gap, area.width, area.height - text_area.height - gap
            )
            slides = b.text(heading, statement, notes, area=text_area, sizes=STATEMENT_SIZES)
            if not flow_diagram(slides[-1], lesson.diagram.steps, drawing, title=lesson.diagram.title):
                _diagram_as_text(b, lesson, notes)
        else:
            b.flow(heading, md.parts(point), notes, sizes=STATEMENT_SIZES)


def _diagram_as_text(b: DeckBuilder, lesson: Lesson, notes: Sequence[Para]) -> None:
    """The diagram's steps as a numbered list, for a master whose content area is too small to draw in."""
    assert lesson.diagram is not None
    steps = [Para(inline(s), 0, f"{i}.") for i, s in enumerate(lesson.diagram.steps, start=1)]
    b.text(lesson.diagram.title, steps, notes)


def _activity(b: DeckBuilder, course: Course, lesson: Lesson, clock: time | None) -> None:
    activity = lesson.activity
    part = parts(lesson)[1]
    body = md.parts(activity.instructions)
    if activity.tiers:
        names = {t.id: t.name for t in course.spec.tiers}
        variants = [_heading("By tier")]
        for tier, text in activity.tiers.items():
            label = f"{tier} {plain(names[tier])}" if tier in names else tier
            variants += labelled(label, text)
        body.append(variants)
    notes = [_line(Run(part.span(clock), bold=True), Run(f" · {part.minutes} min"))]
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
    b.flow(activity_title(lesson), body, notes)


def _debrief(b: DeckBuilder, lesson: Lesson, clock: time | None) -> None:
    from pptx.enum.dml import MSO_THEME_COLOR
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.util import Pt

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
    inset = round_inset(area.width, area.height * 2 // 5)  # the band's rounded corners take some room
    band_box = inner(area.width - 2 * inset, area.height * 2 // 5 - 2 * inset)
    size = tx.fit([takeaway], band_box, TAKEAWAY_SIZES)
    if size is None:
        size = TAKEAWAY_SIZES[-1]
        takeaway = tx.truncate(takeaway, band_box, size)
    band_h = int(Pt(tx.height([takeaway], band_box.width, size) + 2 * INSET_Y + 12)) + 2 * inset
    gap = area.height // 25
    text_area = Area(area.left, area.top, area.width, area.height - band_h - gap)
    slides = b.text("Debrief", bullets(lesson.debrief.questions), notes, area=text_area)
    band = slides[-1].shapes.add_shape(
        MSO_SHAPE.ROUNDED_RECTANGLE, *emu(area.left, area.bottom - band_h, area.width, band_h)
    )
    band.name = "Key takeaway"
    band.fill.solid()
    band.fill.fore_color.theme_color = MSO_THEME_COLOR.BACKGROUND_2
    band.line.color.theme_color = MSO_THEME_COLOR.ACCENT_1
    band.adjustments[0] = ROUND
    fr.prepare(band.text_frame, anchor="middle")
    fr.write(band.text_frame, [takeaway], size, color="1F2933")


_WORD = re.compile(r"[a-z][a-z0-9_]{3,}")
_COMMON = {"that", "this", "with", "from", "they", "them", "their", "what", "when", "which", "have", "will"}


def _words(text: str) -> set[str]:
    return {w.rstrip("s") for w in _WORD.findall(text.lower())} - _COMMON


def _assign_notes(lesson: Lesson) -> list[list[Para]]:
    """Lecture notes shared out to the key point each chunk mentions most; a list stays with its lead-in."""
    points = [_words(p) for p in lesson.lecture.key_points]
    share: list[list[Para]] = [[] for _ in points]
    current = 0
    for chunk in re.split(r"\n\s*\n", lesson.lecture.notes.strip()):
        if not chunk.strip():
            continue
        words = _words(chunk)
        scores = [len(words & p) for p in points]
        starts_list = bool(re.match(r"\s*([-*+]|\d+[.)])\s", chunk))
        if not starts_list and max(scores) > 0:
            current = scores.index(max(scores))
        share[current] += paragraphs(chunk)
    return share


def _diagram_slot(lesson: Lesson) -> int:
    """The key point the diagram illustrates: the one sharing most words with it (the first on a tie)."""
    if lesson.diagram is None:
        return -1
    words = _words(" ".join([lesson.diagram.title, *lesson.diagram.steps]))
    scores = [len(words & _words(p)) for p in lesson.lecture.key_points]
    return scores.index(max(scores))
