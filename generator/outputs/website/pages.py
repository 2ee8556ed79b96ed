"""Render every page of the plan to Markdown text, for students or instructors."""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup

from generator.model.course import Course
from generator.model.lesson import Lesson
from generator.model.question import Question
from generator.model.rubric import RUBRIC_LEVELS
from generator.outputs.context import LabCheck, LabSummary
from generator.outputs.website import further_reading
from generator.outputs.website.lab_files import lab_files
from generator.outputs.website.plan import Audience, Page, SitePlan
from generator.outputs.website.templating import environment, md


def cell(text: object) -> Markup:
    """Text for a Markdown table cell: one line, pipes escaped."""
    return Markup(" ".join(md(text).split()).replace("|", "\\|"))


def points(value: float) -> str:
    return f"{value:g}"


_NUMBERS = [
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
]


def quantity(count: int, noun: str, plural: str = "") -> str:
    """'two roles', 'one tier': a count in words (up to twelve) with its noun."""
    word = _NUMBERS[count] if 0 <= count < len(_NUMBERS) else str(count)
    return f"{word} {noun if count == 1 else plural or noun + 's'}"


def spoken_list(items: list[str], conjunction: str = "and") -> Markup:
    """'a', 'a and b', 'a, b and c' (each item escaped unless it already is)."""
    safe = [md(item) for item in items]
    if len(safe) < 3:
        return Markup(f" {conjunction} ").join(safe)
    return Markup(f"{Markup(', ').join(safe[:-1])} {conjunction} {safe[-1]}")


def longest_backticks(text: str) -> int:
    runs = re.findall(r"`+", text or "")
    return max((len(r) for r in runs), default=0)


def quiz_answer(q: Question) -> Any:
    """What the browser checks an answer against (only for questions shown to students)."""
    if q.type in ("single_choice", "multiple_choice"):
        return [i for i, o in enumerate(q.options) if o.correct]
    if q.type == "true_false":
        return q.answer
    if q.type == "short_answer":
        return q.accepted
    if q.type == "numeric" and q.numeric:
        return {"value": q.numeric.value, "tolerance": q.numeric.tolerance}
    if q.type == "matching":
        return [p.right for p in q.pairs]
    return None


def _timeline(lesson: Lesson, clock_start: int | None = None) -> list[str]:
    """Times of each part from the block start, or clock times from `clock_start` (minutes after midnight)."""
    out = []
    start = clock_start or 0
    pad = "d" if clock_start is None else "02d"
    for minutes in (lesson.lecture.minutes, lesson.activity.minutes, lesson.debrief.minutes):
        end = start + minutes
        out.append(f"{start // 60:{pad}}:{start % 60:02d} – {end // 60:{pad}}:{end % 60:02d}")
        start = end
    return out


def _scheduled(course: Course, lesson: Lesson) -> tuple[str, int] | None:
    """The first workshop day that teaches `lesson`, and the block's start (minutes after midnight)."""
    for day in course.ordered_workshops():
        for slot in course.timetable(day):
            if slot.block.lesson == lesson.id:
                return f"Day {day.day}", slot.start.hour * 60 + slot.start.minute
    return None


def render_pages(
    course: Course,
    plan: SitePlan,
    audience: Audience,
    lab_status: dict[str, LabCheck] | None = None,
    lab_summary: LabSummary | None = None,
) -> dict[str, str]:
    """Markdown text of every page, keyed by its path in docs_dir."""
    env = environment(course, "site")
    env.filters.update(
        cell=cell,
        points=points,
        longest_backticks=longest_backticks,
        quantity=quantity,
        spoken_list=spoken_list,
    )
    env.globals["quiz_answer"] = quiz_answer
    instructor = audience == "instructor"
    questions = course.questions
    roles = {r.id: r.name for r in course.spec.roles}
    tiers = {t.id: f"{t.id} · {t.name}" for t in course.spec.tiers}

    def shown(ids: list[str]) -> list[Question]:
        picked = [questions[i] for i in ids if i in questions]
        return [q for q in picked if instructor or not q.graded_only]

    common = {
        "course": course,
        "instructor": instructor,
        "roles": [(r.name, r.focus) for r in course.spec.roles],
        "role_pairs": lambda d: [(roles.get(k, k), v) for k, v in d.items()],
        "tier_pairs": lambda d: [(tiers.get(k, k), v) for k, v in d.items()],
        "quiz_answer": quiz_answer,
        "levels": RUBRIC_LEVELS,
        "lab_summary": lab_summary,
        "lab_checks": lab_status or {},
        "published_labs": [target for kind, target in plan.paths if kind == "lab"],  # in teaching order
        "self_check": any(
            q.type not in ("essay", "practical")
            for lesson in course.lessons.values()
            for q in shown(lesson.assessment.questions if lesson.assessment else [])
        ),
    }
    out: dict[str, str] = {}
    for page in plan.pages:
        context: dict[str, Any] = {**common, **page.context, "page": page}
        context["link"] = lambda kind, target_id, _p=page: plan.link(_p.path, kind, target_id)
        context.update(_page_extras(course, page, shown, lab_status or {}, instructor))
        out[page.path] = env.get_template(page.template).render(context)
    return out


def _page_extras(
    course: Course, page: Page, shown: Any, lab_status: dict[str, LabCheck], instructor: bool
) -> dict:
    ctx = page.context
    if "lesson" in ctx:
        lesson: Lesson = ctx["lesson"]
        assessment = lesson.assessment
        ids = assessment.questions if assessment else []
        practical = course.questions.get(assessment.practical_task or "") if assessment else None
        listed = shown(ids)
        scheduled = _scheduled(course, lesson) if instructor else None
        return {
            "module": course.module_of_lesson(lesson.id),
            "timeline": _timeline(lesson, scheduled[1]) if scheduled else _timeline(lesson),
            "timeline_label": f"clock times on {scheduled[0]}" if scheduled else "times from its start",
            "questions": [q for q in listed if q.type not in ("essay", "practical")],
            "practical": practical,
            "all_questions": listed + ([practical] if practical else []),
            "further_reading": further_reading.links(page.path, lesson.resources),
        }
    if "lab" in ctx:
        settings = course.spec.lab_environment
        setup = "\n".join(f'export {k}="{v}"' for k, v in settings.env.items())
        return {
            "status": lab_status.get(ctx["lab"].id),
            "setup": setup,
            "files": lab_files(course),
            "further_reading": further_reading.links(page.path, ctx["lab"].resources),
        }
    if "quiz" in ctx:
        quiz = ctx["quiz"]
        listed = shown(quiz.questions)
        return {
            "questions": [q for q in listed if q.type not in ("essay", "practical")],
            "all_questions": listed,
        }
    if "day" in ctx:
        return {"schedule": course.timetable(ctx["day"])}
    if "checklist" in ctx:
        return {"max_score": 2 * sum(len(c.items) for c in ctx["checklist"].categories)}
    if page.template == "answer_key.md.j2":
        groups = []
        for qs in course.question_sets:
            module = next((m for m in course.modules if m.id == qs.module), None)
            day = course.workshops.get(qs.module)
            name = module.title if module else (f"Day {day.day}: {day.title}" if day else qs.module)
            groups.append((name, shown([q.id for q in qs.questions])))
        return {"question_groups": groups}
    return {}
