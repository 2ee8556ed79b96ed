"""Objectives are measurable, and every one of them is assessed somewhere (constructive alignment)."""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks import did_you_mean, error, rule, warning
from generator.errors import Issue
from generator.model.base import Spec
from generator.model.course import Course, Section
from generator.model.lesson import Lesson
from generator.model.objective import Objective
from generator.model.workshop import WorkshopDay
from generator.stats import assessed_objective_ids


def _objectives(course: Course) -> Iterator[tuple[Spec, int, Objective]]:
    for doc in course.documents:
        if isinstance(doc, Section | Lesson | WorkshopDay):
            for i, objective in enumerate(doc.objectives):
                yield doc, i, objective


@rule("measurable-objectives")
def measurable_objectives(course: Course) -> Iterator[Issue]:
    known = course.verb_levels
    examples = _examples(course)
    for owner, i, objective in _objectives(course):
        vague = course.vague_prefix(objective.verb) or course.vague_prefix(objective.statement)
        if vague:
            yield warning(
                owner,
                "objectives",
                i,
                "verb",
                message=f"objective '{objective.id}' starts with '{vague}', which cannot be measured",
                hint=f"use a verb you can observe, e.g. {examples}",
            )
        elif objective.verb.strip().lower() not in known:
            verb = objective.verb.strip().lower()
            add = (
                f"add it to 'vocabulary: bloom_verbs:' in {course.spec.file} with its level, "
                f"e.g. '{verb}: apply'"
            )
            close = did_you_mean(verb, known)
            yield warning(
                owner,
                "objectives",
                i,
                "verb",
                message=f"'{objective.verb}' is not a Bloom verb of this course",
                hint=f"{close} If not, {add}" if close else add,
            )


def _examples(course: Course) -> str:
    """Observable verbs to suggest: the course's own first, then a few built-in ones."""
    own = [v.strip().lower() for v in course.spec.vocabulary.bloom_verbs]
    return ", ".join(list(dict.fromkeys([*own, "explain", "implement", "compare", "design"]))[:4])


@rule("objectives-assessed")
def objectives_assessed(course: Course) -> Iterator[Issue]:
    assessed = assessed_objective_ids(course)
    for owner, i, objective in _objectives(course):
        if not _taught(course, owner):
            continue  # a draft not yet placed in the course: the placement warning says what to do first
        if objective.id not in assessed and objective.id not in course.failed_ids:
            yield error(
                owner,
                "objectives",
                i,
                "id",
                message=f"objective '{objective.id}' is not assessed by any question, lab checkpoint or "
                "rubric criterion",
                hint=f"add a question with 'objectives: [{objective.id}]' to question_bank/",
            )


def _taught(course: Course, owner: Spec) -> bool:
    """Whether the course teaches `owner`: a section it lists, or a lesson in a module or workshop day."""
    if isinstance(owner, Section):
        return owner.id in course.spec.sections
    if isinstance(owner, Lesson):
        in_days = any(block.lesson == owner.id for day in course.workshops.values() for block in day.blocks)
        return course.module_of_lesson(owner.id) is not None or in_days
    return True
