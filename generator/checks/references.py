"""Every id a spec mentions names something that exists."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from generator.checks import a, did_you_mean, error, rule, warning
from generator.errors import Issue
from generator.model.base import Spec
from generator.model.course import Course, Module, Section
from generator.model.workshop import WorkshopDay


def _missing(
    course: Course, obj: Spec, path: tuple[str | int, ...], value: str, known: Iterable[str], what: str
) -> Iterator[Issue]:
    known = set(known)
    if value in known or value in course.failed_ids:
        return
    # Lessons and labs sit side by side in modules and workshop blocks; one in the other's place is
    # a slip of the field, not an unknown id.
    other = {"lesson": "lab", "lab": "lesson"}.get(what)
    if other is not None and value in (course.labs if other == "lab" else course.lessons):
        listed = isinstance(path[-1], int)  # in a list ('lessons: [...]') or a single field ('lesson: x')
        field = other + ("s" if listed else "")
        hint = (
            f"list it under '{field}:' instead" if listed else f"write 'type: {field}' and '{field}: {value}'"
        )
        yield error(obj, *path, message=f"'{value}' is {a(other)}, not {a(what)}", hint=hint)
        return
    hint = did_you_mean(value, known) or f"no {what} has this id"
    yield error(obj, *path, message=f"unknown {what} '{value}'", hint=hint)


def objective_ids(course: Course) -> set[str]:
    return {o.id for o in course.objectives()}


@rule("course-structure")
def course_structure(course: Course) -> Iterator[Issue]:
    spec = course.spec
    sections = {d.id: d for d in course.documents if isinstance(d, Section)}
    for i, section_id in enumerate(spec.sections):
        yield from _missing(course, spec, ("sections", i), section_id, sections, "section")
    yield from _listed_twice(spec, "sections", spec.sections, "section")
    for section in sections.values():
        if section.id not in spec.sections:
            yield warning(
                section,
                "id",
                message=f"section '{section.id}' is not listed in the course",
                hint=f"add it to 'sections:' in {spec.file}",
            )
    for i, day_id in enumerate(spec.workshops):
        yield from _missing(course, spec, ("workshops", i), day_id, course.workshops, "workshop day")
    yield from _listed_twice(spec, "workshops", spec.workshops, "workshop day")
    for day in course.workshops.values():
        if day.id not in spec.workshops:
            yield warning(
                day,
                "id",
                message=f"workshop day '{day.id}' is not listed in the course",
                hint=f"add it to 'workshops:' in {spec.file}",
            )


def _listed_twice(obj: Spec, field: str, ids: list[str], what: str) -> Iterator[Issue]:
    """A course lists each section and day once: a second listing would render its pages twice."""
    for i, value in enumerate(ids):
        if value in ids[:i]:
            yield error(
                obj,
                field,
                i,
                message=f"{what} '{value}' is listed twice",
                hint=f"first listed at {obj.loc(field, ids.index(value))}; remove one",
            )


@rule("module-contents")
def module_contents(course: Course) -> Iterator[Issue]:
    """Every lesson and lab is in at most one module (its page lives there), and each is in one somewhere."""
    placed: dict[tuple[str, str], tuple[Section, Module, tuple[str | int, ...]]] = {}
    for section in course.sections:
        for m, module in enumerate(section.modules):
            listed = [("lesson", i, item) for i, item in enumerate(module.lessons)]
            listed += [("lab", i, item) for i, item in enumerate(module.labs)]
            for what, i, item_id in listed:
                path = ("modules", m, what + "s", i)
                known = course.lessons if what == "lesson" else course.labs
                yield from _missing(course, section, path, item_id, known, what)
                if item_id not in known:
                    continue
                if (what, item_id) in placed:
                    yield _placed_twice(what, item_id, placed[what, item_id], (section, module, path))
                else:
                    placed[what, item_id] = (section, module, path)
    placed_lessons = {item for what, item in placed if what == "lesson"}
    placed_labs = {item for what, item in placed if what == "lab"}
    for day in course.workshops.values():
        placed_lessons |= {b.lesson for b in day.blocks if b.lesson}
        placed_labs |= {b.lab for b in day.blocks if b.lab}
    for lesson in course.lessons.values():
        if lesson.id not in placed_lessons:
            yield warning(
                lesson,
                "id",
                message=f"lesson '{lesson.id}' is not part of any module or workshop day",
                hint="list it under a module's 'lessons:' in its section file",
            )
    for lab in course.labs.values():
        if lab.id not in placed_labs:
            yield warning(
                lab,
                "id",
                message=f"lab '{lab.id}' is not part of any module or workshop day",
                hint="list it under a module's 'labs:' in its section file",
            )


def _placed_twice(
    what: str,
    item_id: str,
    first: tuple[Section, Module, tuple[str | int, ...]],
    again: tuple[Section, Module, tuple[str | int, ...]],
) -> Issue:
    """A lesson or lab listed a second time: its page would be rendered twice."""
    (f_section, f_module, f_path), (section, module, path) = first, again
    where = f_section.loc(*f_path)
    if f_module is module:
        return error(
            section,
            *path,
            message=f"{what} '{item_id}' is listed twice in module '{module.id}' (first at {where})",
            hint="remove one",
        )
    return error(
        section,
        *path,
        message=f"{what} '{item_id}' is already in module '{f_module.id}' ({where}); {a(what)} has one page, "
        "in one module",
        hint="remove it from one of the two modules; to teach it again, list it in a workshop day's blocks",
    )


@rule("question-references")
def question_references(course: Course) -> Iterator[Issue]:
    objectives = objective_ids(course)
    groups = {m.id for m in course.modules} | set(course.workshops)
    questions = course.questions
    path: tuple[str | int, ...]
    for qs in course.question_sets:
        yield from _missing(course, qs, ("module",), qs.module, groups, "module or workshop day")
        for q_index, question in enumerate(qs.questions):
            for i, objective_id in enumerate(question.objectives):
                path = ("questions", q_index, "objectives", i)
                yield from _missing(course, qs, path, objective_id, objectives, "objective")
            if question.rubric:
                path = ("questions", q_index, "rubric")
                yield from _missing(course, qs, path, question.rubric, course.rubrics, "rubric")
    for lesson in course.lessons.values():
        if lesson.assessment:
            for i, question_id in enumerate(lesson.assessment.questions):
                path = ("assessment", "questions", i)
                yield from _missing(course, lesson, path, question_id, questions, "question")
            if lesson.assessment.practical_task:
                path = ("assessment", "practical_task")
                yield from _missing(
                    course, lesson, path, lesson.assessment.practical_task, questions, "question"
                )
    tags = {t for q in questions.values() for t in q.tags}
    for quiz in course.quizzes.values():
        for i, question_id in enumerate(quiz.questions):
            yield from _missing(course, quiz, ("questions", i), question_id, questions, "question")
        if quiz.draw:
            for i, objective_id in enumerate(quiz.draw.objectives):
                yield from _missing(
                    course, quiz, ("draw", "objectives", i), objective_id, objectives, "objective"
                )
            for i, tag in enumerate(quiz.draw.tags):
                yield from _missing(course, quiz, ("draw", "tags", i), tag, tags, "tag")


@rule("assessment-references")
def assessment_references(course: Course) -> Iterator[Issue]:
    objectives = objective_ids(course)
    for lab in course.labs.values():
        if lab.starts_from:
            yield from _missing(course, lab, ("starts_from",), lab.starts_from, course.labs, "lab")
        for c, checkpoint in enumerate(lab.checkpoints):
            for i, objective_id in enumerate(checkpoint.objectives):
                path = ("checkpoints", c, "objectives", i)
                yield from _missing(course, lab, path, objective_id, objectives, "objective")
    for rubric in course.rubrics.values():
        for c, criterion in enumerate(rubric.criteria):
            for i, objective_id in enumerate(criterion.objectives):
                path = ("criteria", c, "objectives", i)
                yield from _missing(course, rubric, path, objective_id, objectives, "objective")
    for checklist in course.checklists.values():
        for i, objective_id in enumerate(checklist.objectives):
            yield from _missing(course, checklist, ("objectives", i), objective_id, objectives, "objective")


@rule("lab-chain")
def lab_chain(course: Course) -> Iterator[Issue]:
    """A lab that starts from another must not, through the chain, start from itself."""
    for lab in course.labs.values():
        seen = [lab.id]
        current = lab.starts_from
        while current in course.labs:
            if current in seen:
                chain = " -> ".join([*seen, current])
                yield error(
                    lab,
                    "starts_from",
                    message=f"labs start from each other in a loop: {chain}",
                    hint="one lab in the loop must start from a clean workspace",
                )
                break
            seen.append(current)
            current = course.labs[current].starts_from


@rule("workshop-references")
def workshop_references(course: Course) -> Iterator[Issue]:
    for day in course.workshops.values():
        yield from _block_refs(course, day)


def _block_refs(course: Course, day: WorkshopDay) -> Iterator[Issue]:
    for b, block in enumerate(day.blocks):
        if block.lesson:
            yield from _missing(course, day, ("blocks", b, "lesson"), block.lesson, course.lessons, "lesson")
        if block.lab:
            yield from _missing(course, day, ("blocks", b, "lab"), block.lab, course.labs, "lab")


def _unknown_keys(
    obj: Spec, path: tuple[str | int, ...], keys: Iterable[str], known: list[str], what: str
) -> Iterator[Issue]:
    """Keys of an id-keyed mapping (roles, tiers, lenses) that name nothing the course defines."""
    plural = what + ("es" if what.endswith("s") else "s")
    for key in keys:
        if key not in known:
            yield error(
                obj,
                *path,
                key,
                key=True,
                message=f"unknown {what} '{key}'",
                hint=did_you_mean(key, known) or f"{plural} are: " + (", ".join(known) or "none"),
            )


@rule("roles-and-tiers")
def roles_and_tiers(course: Course) -> Iterator[Issue]:
    roles = [r.id for r in course.spec.roles]
    tiers = [t.id for t in course.spec.tiers]
    for section in course.sections:
        yield from _unknown_keys(section, ("by_role",), section.by_role, roles, "role")
    for lesson in course.lessons.values():
        yield from _unknown_keys(lesson, ("activity", "by_role"), lesson.activity.by_role, roles, "role")
        yield from _unknown_keys(lesson, ("activity", "tiers"), lesson.activity.tiers, tiers, "tier")


@rule("pipeline-view-lenses")
def pipeline_view_lenses(course: Course) -> Iterator[Issue]:
    view = course.pipeline_view
    if view is None:
        return
    lenses = [lens.id for lens in view.lenses]
    for i, layer in enumerate(view.layers):
        for lens in lenses:
            if lens not in layer.lenses:
                yield error(
                    view,
                    "layers",
                    i,
                    "lenses",
                    message=f"layer '{layer.id}' has no text for lens '{lens}'",
                    hint=f"add '{lens}:' under this layer's lenses",
                )
        yield from _unknown_keys(view, ("layers", i, "lenses"), layer.lenses, lenses, "lens")
