"""Grade every student's folder for one lab: its grading checks in a throwaway copy, in parallel."""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import ToolkitError
from generator.grading.submissions import Submission, copy_submission, find_submissions
from generator.labs.grading import CheckResult, run_checks
from generator.labs.runner import resolve_lab_ids
from generator.labs.workspace import lab_env, remove_workspace
from generator.model.course import Course
from generator.model.lab import Lab


@dataclass
class Grade:
    """One student's result: every check's outcome, or why the folder could not be checked at all."""

    student: str
    lab: Lab
    checks: list[CheckResult] = field(default_factory=list)
    problem: str = ""
    seconds: float = 0.0

    @property
    def points(self) -> float:
        return sum(c.points for c in self.checks)

    @property
    def out_of(self) -> float:
        return total_points(self.lab)

    @property
    def passed(self) -> int:
        return sum(c.passed for c in self.checks)

    def criterion_level(self, criterion: str) -> int | None:
        """The rubric level (1-4) the automatic checks give `criterion`, or None when no check scores it.

        All of the criterion's points give Excellent (4); at least two thirds Good (3); at least a
        third Needs Work (2); less Incomplete (1).
        """
        scored = [c for c in self.lab.grading if c.criterion == criterion]
        if not scored:
            return None
        possible = sum(c.points for c in scored)
        earned = sum(r.points for r in self.checks if r.check.criterion == criterion)
        return min(4, 1 + math.floor(3 * earned / possible + 1e-9))


def total_points(lab: Lab) -> float:
    return sum(c.points for c in lab.grading)


def grade_lab(
    course: Course,
    lab_id: str,
    folder: Path,
    *,
    jobs: int | None = None,
    on_grade: Callable[[Grade], None] | None = None,
) -> list[Grade]:
    """Run `lab_id`'s grading checks on each student folder in `folder`; grades sorted by student id."""
    lab = _gradable(course, lab_id)
    submissions = find_submissions(folder)
    env = lab_env(course)

    def grade(submission: Submission) -> Grade:
        result = _grade_one(lab, submission, env)
        if on_grade is not None:
            on_grade(result)
        return result

    with ThreadPoolExecutor(max_workers=max(1, jobs or os.cpu_count() or 1)) as pool:
        return list(pool.map(grade, submissions))


def _gradable(course: Course, lab_id: str) -> Lab:
    resolve_lab_ids(course, [lab_id])  # an unknown id says "did you mean ...?"
    lab = course.labs[lab_id]
    if not lab.grading:
        raise ToolkitError(
            f"lab '{lab_id}' has no grading checks. Add 'grading:' to {lab.file} (see `curriculum new lab`)"
        )
    return lab


def _grade_one(lab: Lab, submission: Submission, env: dict[str, str]) -> Grade:
    """One student's grade; whatever goes wrong with their folder costs them the points, not the run."""
    started = time.perf_counter()
    if submission.problem:
        return Grade(submission.student, lab, problem=submission.problem)
    workspace = None
    try:
        workspace = copy_submission(submission, f"grade-{lab.id}-")
        checks = run_checks(lab, workspace, env)
    except OSError as exc:  # unreadable files, a folder that vanished mid-run, a file named like our .home
        problem = f"the folder could not be prepared for checking: {exc.strerror or exc}"
        return Grade(submission.student, lab, problem=problem)
    finally:
        if workspace is not None:
            remove_workspace(workspace)
    return Grade(submission.student, lab, checks, seconds=time.perf_counter() - started)
