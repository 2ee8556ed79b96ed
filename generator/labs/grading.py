"""Run a lab's grading checks in a folder: the lab's own end state (`labs verify`) or a student's work."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from generator.errors import SourceLocation
from generator.formats.lab_output import compare, normalise, unified_diff
from generator.labs.commands import run_commands
from generator.labs.workspace import workspace_env
from generator.model.lab import GradingCheck, Lab
from generator.model.lesson import CommonError

CheckStatus = Literal["pass", "fail", "timeout"]


@dataclass
class CheckResult:
    check: GradingCheck
    status: CheckStatus
    output: str = ""
    exit_code: int | None = None
    message: str = ""  # why it failed, for the trainer (the check's own message is for the student)
    diff: str = ""
    seconds: float = 0.0
    cut: int = 0

    @property
    def passed(self) -> bool:
        return self.status == "pass"

    @property
    def points(self) -> float:
        return self.check.points if self.passed else 0.0

    @property
    def location(self) -> SourceLocation:
        return self.check.loc("expected_output" if self.check.expected_output is not None else "commands")


def run_check(check: GradingCheck, workspace: Path, env: dict[str, str]) -> CheckResult:
    """Run one check's commands in `workspace` and compare what they print, as a lab step is compared."""
    started = time.perf_counter()
    run = run_commands(check.commands, workspace, env, check.timeout)
    actual = normalise(normalise("".join(run.outputs), str(workspace), timings=False))
    status: CheckStatus = run.status
    message, diff = run.message, ""
    if status == "pass" and run.exit_code != check.exit_code:
        status = "fail"
        message = f"the last command exited with {run.exit_code}, expected {check.exit_code}"
        if check.expected_output is not None:
            diff = unified_diff(normalise(check.expected_output), actual)
    if status == "pass" and check.expected_output is not None:
        comparison = compare(check.expected_output, actual, check.match)
        if not comparison.ok:
            status, diff = "fail", comparison.diff
            message = f"output does not match the expected output ({check.match.mode})"
    seconds = time.perf_counter() - started
    return CheckResult(check, status, actual, run.exit_code, message, diff, seconds, run.cut)


def run_checks(lab: Lab, workspace: Path, env: dict[str, str]) -> list[CheckResult]:
    """Every grading check of `lab`, in order, in `workspace`; one failing check does not stop the others."""
    env = workspace_env(env, workspace)
    return [run_check(check, workspace, env) for check in lab.grading]


def _words(text: str) -> str:
    return " ".join(re.sub(r"[`*\"']", "", text).lower().split())


def matching_errors(lab: Lab, output: str) -> list[CommonError]:
    """The lab's common errors whose error text appears in what a failing check printed.

    Case, quotes and backticks aside; `...` in an error's text stands for any text in between.
    """
    printed = _words(output)
    found: list[CommonError] = []
    for step in lab.steps:
        for error in step.common_errors:
            pieces = [p.strip() for p in _words(error.error).split("...") if p.strip()]
            if sum(len(p.split()) for p in pieces) >= 4 and _in_order(pieces, printed) and error not in found:
                found.append(error)
    return found


def _in_order(pieces: list[str], text: str) -> bool:
    at = 0
    for piece in pieces:
        at = text.find(piece, at)
        if at < 0:
            return False
        at += len(piece)
    return True
