"""A lab's grading checks have unique ids, and score criteria of the rubric the lab names."""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks import did_you_mean, error, rule
from generator.errors import Issue
from generator.model.course import Course


@rule("lab-grading")
def lab_grading(course: Course) -> Iterator[Issue]:
    for lab in course.labs.values():
        rubric = course.rubrics.get(lab.rubric) if lab.rubric else None
        if lab.rubric and rubric is None and lab.rubric not in course.failed_ids:
            yield error(
                lab,
                "rubric",
                message=f"unknown rubric '{lab.rubric}'",
                hint=did_you_mean(lab.rubric, course.rubrics) or "no rubric has this id",
            )
        seen: set[str] = set()
        for i, check in enumerate(lab.grading):
            if check.id in seen:
                yield error(
                    lab,
                    "grading",
                    i,
                    "id",
                    message=f"grading check id '{check.id}' is used twice in lab '{lab.id}'",
                    hint="give every check of a lab its own id: the gradebook and feedback name it",
                )
            seen.add(check.id)
            if check.criterion is None:
                continue
            if not lab.rubric:
                yield error(
                    lab,
                    "grading",
                    i,
                    "criterion",
                    message=f"check '{check.id}' scores criterion '{check.criterion}', "
                    "but the lab names no rubric",
                    hint="add 'rubric: <rubric id>' to the lab, or remove 'criterion:'",
                )
            elif rubric is not None and check.criterion not in {c.id for c in rubric.criteria}:
                known = [c.id for c in rubric.criteria]
                yield error(
                    lab,
                    "grading",
                    i,
                    "criterion",
                    message=f"rubric '{rubric.id}' has no criterion '{check.criterion}'",
                    hint=did_you_mean(check.criterion, known) or f"its criteria are: {', '.join(known)}",
                )
