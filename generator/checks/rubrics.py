"""Rubric weights add up to 100%."""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks import error, rule
from generator.errors import Issue
from generator.model.course import Course


@rule("rubric-weights")
def rubric_weights(course: Course) -> Iterator[Issue]:
    for rubric in course.rubrics.values():
        total = sum(c.weight for c in rubric.criteria)
        if abs(total - 100) > 1e-6:
            yield error(
                rubric,
                "criteria",
                message=f"criterion weights add up to {total:g}%, not 100%",
                hint="adjust the 'weight' of the criteria",
            )
