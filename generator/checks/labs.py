"""Lab steps and grading checks check something: each has an expected output its match mode can use."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.checks import error, rule, warning
from generator.errors import Issue
from generator.formats.lab_output import expected_pattern
from generator.model.course import Course
from generator.model.lab import GradingCheck, Lab, LabStep


def _compared(lab: Lab) -> Iterator[tuple[tuple[str, int], LabStep | GradingCheck]]:
    """Every step and grading check of `lab`, with its path in the spec."""
    for i, step in enumerate(lab.steps):
        yield ("steps", i), step
    for i, check in enumerate(lab.grading):
        yield ("grading", i), check


@rule("lab-expected-output")
def lab_expected_output(course: Course) -> Iterator[Issue]:
    # Why: a step with nothing to compare passes whatever its commands print, and its worksheet
    # still says "verified".
    for lab in course.labs.values():
        for at, step in _compared(lab):
            mode = step.match.mode
            if not step.commands or mode == "exit_code":
                continue
            if step.expected_output is None:
                yield error(
                    lab,
                    *at,
                    "commands",
                    message=f"this {_noun(step)} runs commands but has no 'expected_output' to check "
                    "them against",
                    hint=_record_hint(step) + "'match: {mode: exit_code}' to check only the exit code",
                    key=True,
                )
            elif mode == "contains" and not step.expected_output.strip():
                yield error(
                    lab,
                    *at,
                    "expected_output",
                    message="a 'contains' step with a blank expected output matches any output",
                    hint="give the text the output must contain, or use 'match: {mode: exit_code}'",
                )


@rule("lab-regex")
def lab_regex(course: Course) -> Iterator[Issue]:
    for lab in course.labs.values():
        for at, step in _compared(lab):
            if step.match.mode != "regex" or step.expected_output is None:
                continue
            try:
                expected_pattern(step.expected_output)
            except re.error as exc:
                yield error(
                    lab,
                    *at,
                    "expected_output",
                    message=f"not a valid regular expression: {exc}",
                    hint="escape characters meant literally with '\\', e.g. '\\(' or '\\['",
                )


def _noun(item: LabStep | GradingCheck) -> str:
    return "grading check" if isinstance(item, GradingCheck) else "step"


def _record_hint(item: LabStep | GradingCheck) -> str:
    if isinstance(item, GradingCheck):
        return "add what the commands print when the work is right, or set "
    return "add the output (`curriculum labs record` fills it in), or set "


@rule("lab-answer-without-output")
def lab_answer_without_output(course: Course) -> Iterator[Issue]:
    # Why: the flag hides a step's expected output from students; a step that shows none hides nothing,
    # and the trainer who set it believes an answer is kept back.
    for lab in course.labs.values():
        for i, step in enumerate(lab.steps):
            if step.output_is_answer and (step.expected_output is None or step.match.mode == "exit_code"):
                yield warning(
                    lab,
                    "steps",
                    i,
                    "output_is_answer",
                    message="this step marks its output as the answer students work out, but it shows "
                    "no expected output to keep from them",
                    hint="remove 'output_is_answer', or give the step an 'expected_output' to compare",
                    key=True,
                )
