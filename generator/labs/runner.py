"""Run labs step by step in throwaway workspaces, in parallel (schedule.py), and say which steps drifted."""

from __future__ import annotations

import difflib
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from generator.errors import SourceLocation, ToolkitError
from generator.formats.lab_output import compare, normalise, unified_diff
from generator.labs.cache import LabCache, environment_digest, lab_key, watched_digest
from generator.labs.commands import run_commands
from generator.labs.grading import CheckResult, run_checks
from generator.labs.schedule import chain_seconds, estimated_seconds, run_in_order
from generator.labs.status import record_of
from generator.labs.workspace import lab_env, make_workspace, remove_workspace, workspace_env
from generator.model.course import Course
from generator.model.lab import Lab

StepStatus = Literal["pass", "fail", "timeout", "skipped"]
LabStatus = Literal["pass", "fail", "cached"]


@dataclass
class StepResult:
    number: int
    title: str
    status: StepStatus
    output: str = ""
    exit_code: int | None = None
    message: str = ""
    diff: str = ""
    location: SourceLocation | None = None
    seconds: float = 0.0
    printed: str = ""  # the output as printed (timings kept), for `labs record`
    cut: int = 0  # bytes of output left out because there was too much


@dataclass
class LabResult:
    lab: Lab
    status: LabStatus
    steps: list[StepResult] = field(default_factory=list)
    seconds: float = 0.0
    message: str = ""
    checks: list[CheckResult] = field(default_factory=list)  # the grading checks, run on the end state

    @property
    def failures(self) -> list[StepResult]:
        return [s for s in self.steps if s.status in ("fail", "timeout")]

    @property
    def failed_checks(self) -> list[CheckResult]:
        return [c for c in self.checks if not c.passed]


def run_steps(lab: Lab, workspace: Path, env: dict[str, str], *, check: bool = True) -> list[StepResult]:
    """Run every step of `lab` in `workspace`; after the first failing step the rest are skipped."""
    results: list[StepResult] = []
    env = workspace_env(env, workspace)
    for number, step in enumerate(lab.steps, 1):
        if results and results[-1].status in ("fail", "timeout", "skipped"):
            results.append(StepResult(number, step.title, "skipped", location=step.loc()))
            continue
        started = time.perf_counter()
        run = run_commands(step.commands, workspace, env, step.timeout)
        outputs, cut, status, message, code = run.outputs, run.cut, run.status, run.message, run.exit_code
        printed = normalise("".join(outputs), str(workspace), timings=False)
        actual = normalise(printed)
        diff = ""
        location = step.loc("expected_output") if step.expected_output is not None else step.loc()
        if status == "pass" and code != step.exit_code:
            status = "fail"
            message = f"the last command exited with {code}, expected {step.exit_code}"
            location = step.loc("exit_code") if "exit_code" in step.model_fields_set else step.loc()
            if step.expected_output is not None:
                diff = unified_diff(normalise(step.expected_output), actual)
        if status == "pass" and check and step.expected_output is not None:
            comparison = compare(step.expected_output, actual, step.match)
            if not comparison.ok:
                status, diff = "fail", comparison.diff
                message = f"output does not match the expected output ({step.match.mode})"
        results.append(
            StepResult(
                number,
                step.title,
                status,
                actual,
                code,
                message,
                diff,
                location,
                time.perf_counter() - started,
                printed,
                cut,
            )
        )
    return results


def ordered_lab_ids(course: Course) -> list[str]:
    """Labs in teaching order: by module, then any others (e.g. workshop labs) by id."""
    ordered = [lab_id for module in course.modules for lab_id in module.labs if lab_id in course.labs]
    return ordered + sorted(set(course.labs) - set(ordered))


def resolve_lab_ids(course: Course, requested: Iterable[str]) -> list[str]:
    requested = list(requested)
    unknown = [r for r in requested if r not in course.labs]
    if unknown:
        close = difflib.get_close_matches(unknown[0], list(course.labs), n=1)
        hint = f" Did you mean '{close[0]}'?" if close else f" Labs: {', '.join(ordered_lab_ids(course))}"
        raise ToolkitError(f"unknown lab '{unknown[0]}'.{hint}")
    return requested or ordered_lab_ids(course)


def _chain(course: Course, lab_id: str) -> list[str]:
    """The lab and the labs it starts from, nearest first."""
    chain = [lab_id]
    while (parent := course.labs[chain[-1]].starts_from) in course.labs and parent not in chain:
        chain.append(parent)
    return chain


def verify_labs(
    course: Course,
    lab_ids: Iterable[str] = (),
    *,
    jobs: int = 2,
    cache: LabCache | None = None,
    use_cache: bool = True,
    on_result: Callable[[LabResult], None] | None = None,
) -> list[LabResult]:
    """Verify the given labs (default all); labs they start from run first. Results in the order asked.

    `cache` records every run (see labs/status.py); with `use_cache=False` every lab runs, and the cache is
    still refreshed.
    """
    wanted = resolve_lab_ids(course, lab_ids)
    environment = environment_digest(course)
    keys = {lab_id: lab_key(course, lab_id, environment) for lab_id in course.labs}
    watched = watched_digest(course)
    results: dict[str, LabResult] = {}
    to_run: set[str] = set()
    for lab_id in wanted:
        if cache is not None and use_cache and cache.hit(lab_id, keys[lab_id]):
            results[lab_id] = LabResult(course.labs[lab_id], "cached")
        else:
            to_run |= set(_chain(course, lab_id))  # a lab's starting state comes from running its chain
    parents_needed = {course.labs[i].starts_from for i in to_run if course.labs[i].starts_from}
    env = lab_env(course)
    states: dict[str, Path] = {}

    def job(lab_id: str) -> LabResult:
        lab = course.labs[lab_id]
        started = time.perf_counter()
        parent = lab.starts_from
        if parent and results[parent].status != "pass":
            return LabResult(lab, "fail", message=f"starts from lab '{parent}', which failed")
        workspace = make_workspace(course, lab_id, states.get(parent) if parent else None)
        steps = run_steps(lab, workspace, env)
        passed = all(s.status == "pass" for s in steps)
        checks = _grade_end_state(lab, workspace, env, keep=lab_id in parents_needed) if passed else []
        passed = passed and all(c.passed for c in checks)
        if lab_id in parents_needed and passed:
            states[lab_id] = workspace
        else:
            remove_workspace(workspace)
        seconds = time.perf_counter() - started
        return LabResult(lab, "pass" if passed else "fail", steps, seconds, checks=checks)

    def done(lab_id: str, result: LabResult) -> None:
        results[lab_id] = result
        if cache is not None:
            cache.record(lab_id, record_of(result, keys[lab_id], watched))
        if on_result is not None and lab_id in wanted:
            on_result(result)

    runs = [lab_id for lab_id in ordered_lab_ids(course) if lab_id in to_run]
    parents = {lab_id: course.labs[lab_id].starts_from for lab_id in runs}
    priority = chain_seconds(
        parents, estimated_seconds({i: course.labs[i] for i in runs}, _last_seconds(cache))
    )
    try:
        run_in_order(parents, priority, job, done, jobs=jobs)
    finally:
        for workspace in states.values():
            remove_workspace(workspace)
        if cache is not None:
            cache.save()
    for lab_id in wanted:
        if on_result is not None and results[lab_id].status == "cached":
            on_result(results[lab_id])
    return [results[lab_id] for lab_id in wanted]


def _last_seconds(cache: LabCache | None) -> dict[str, float]:
    """How long each lab took when it last ran, as the cache recorded it."""
    records = cache.records if cache is not None else {}
    return {
        lab_id: float(record["seconds"])
        for lab_id, record in records.items()
        if isinstance(record.get("seconds"), int | float)
    }


def _grade_end_state(lab: Lab, workspace: Path, env: dict[str, str], *, keep: bool) -> list[CheckResult]:
    """The lab's grading checks run on the state its own steps left: the reference solution must pass them.

    Why a copy when `keep`: a check may write (a query's temp files); the next lab starts from this state.
    """
    if not lab.grading:
        return []
    if not keep:
        return run_checks(lab, workspace, env)
    copy = Path(tempfile.mkdtemp(prefix=f"grade-{lab.id}-"))
    try:
        shutil.copytree(workspace, copy, dirs_exist_ok=True, symlinks=True)
        return run_checks(lab, copy, env)
    finally:
        remove_workspace(copy)
