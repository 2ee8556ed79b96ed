"""Ids are unique within their kind, so every reference means one thing."""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks import error, rule
from generator.errors import Issue
from generator.model.base import Spec
from generator.model.course import Course, Section
from generator.model.kinds import KINDS
from generator.model.lesson import Lesson
from generator.model.question import QuestionSet
from generator.model.workshop import WorkshopDay

IdPlace = tuple[str, str, Spec, tuple[str | int, ...]]


def _ids(course: Course) -> Iterator[IdPlace]:
    """(namespace, id, object holding it, path to it) for every id defined in the course."""
    for doc in course.documents:
        kind = next(k for k, model in KINDS.items() if isinstance(doc, model))
        if kind != "questions":
            yield kind, getattr(doc, "id"), doc, ("id",)  # noqa: B009
        if isinstance(doc, Section | Lesson | WorkshopDay):
            for i, objective in enumerate(doc.objectives):
                yield "objective", objective.id, doc, ("objectives", i, "id")
        if isinstance(doc, Section):
            for i, module in enumerate(doc.modules):
                yield "module", module.id, doc, ("modules", i, "id")
        if isinstance(doc, QuestionSet):
            for i, question in enumerate(doc.questions):
                yield "question", question.id, doc, ("questions", i, "id")
    for rubric in course.rubrics.values():
        for i, criterion in enumerate(rubric.criteria):
            yield f"criterion of {rubric.id}", criterion.id, rubric, ("criteria", i, "id")


@rule("unique-ids")
def unique_ids(course: Course) -> Iterator[Issue]:
    first: dict[tuple[str, str], tuple[Spec, tuple[str | int, ...]]] = {}
    for namespace, value, obj, path in _ids(course):
        key = (namespace, value)
        if key in first:
            owner, owner_path = first[key]
            yield error(
                obj,
                *path,
                message=f"{namespace} id '{value}' is already used",
                hint=f"first defined at {owner.loc(*owner_path)}; ids must be unique",
            )
        else:
            first[key] = (obj, path)
