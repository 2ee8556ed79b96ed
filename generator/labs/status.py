"""What a lab's last run found, kept per lab with the key of what it checked, and what worksheets may claim.

Why keyed: a worksheet says "Verified" only for the spec that was run; a record whose key no longer
matches the published spec (or its starting labs, or the lab environment) says "changed since last verified".
"""

from __future__ import annotations

import datetime
import hashlib
import platform
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

from generator.formats.lab_output import asserts_output
from generator.labs.cache import environment_digest, lab_key
from generator.model.course import Course
from generator.outputs.context import GradingRun, LabCheck, LabState, LabSummary, StepCheck

if TYPE_CHECKING:
    from generator.labs.runner import LabResult


_NOTHING = hashlib.sha256().hexdigest()  # the watched digest of a course that copies and watches no files


def run_platform() -> str:
    """The platform a run happened on, as worksheets show it, e.g. 'Linux x86_64, Python 3.11.2'."""
    return f"{platform.system()} {platform.machine()}, Python {platform.python_version()}"


def toolkit_version() -> str:
    try:
        return version("curriculum-toolkit")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def record_of(result: LabResult, key: str, watched: str) -> dict[str, Any]:
    """The JSON record of one run of a lab: outcome, what it ran with, and every step's outcome and time."""
    specs = result.lab.steps
    steps = [
        {
            "number": s.number,
            "title": s.title,
            "status": s.status,
            "asserted": asserts_output(specs[s.number - 1]),
            "mode": specs[s.number - 1].match.mode,
            "seconds": round(s.seconds, 3),
            "message": s.message,
        }
        for s in result.steps
    ]
    checks = [
        {
            "id": c.check.id,
            "title": c.check.title,
            "status": c.status,
            "hidden": c.check.hidden,
            "seconds": round(c.seconds, 3),
            "message": c.message,
        }
        for c in result.checks
    ]
    now = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    return {
        "status": "pass" if result.status == "pass" else "fail",
        "key": key,
        "verified_at": now.isoformat().replace("+00:00", "Z"),
        "toolkit": toolkit_version(),
        "watched": "" if watched == _NOTHING else watched[:12],
        "platform": run_platform(),
        "seconds": round(result.seconds, 3),
        "message": result.message,
        "steps": steps,
        "checks": checks,
    }


def lab_checks(course: Course, records: dict[str, dict[str, Any]]) -> dict[str, LabCheck]:
    """What each lab's worksheet may claim, given the recorded runs: only a matching key is "verified"."""
    environment = environment_digest(course)
    checks: dict[str, LabCheck] = {}
    for lab_id, lab in course.labs.items():
        asserted = sum(asserts_output(step) for step in lab.steps)
        record = records.get(lab_id)
        if record is None:
            checks[lab_id] = LabCheck("unverified", asserted=asserted)
            continue
        state: LabState
        if record.get("key") != lab_key(course, lab_id, environment):
            state = "changed"
        else:
            state = "verified" if record.get("status") == "pass" else "failed"
        checks[lab_id] = LabCheck(
            state,
            verified_at=str(record.get("verified_at", "")),
            toolkit=str(record.get("toolkit", "")),
            watched=str(record.get("watched", "")),
            platform=str(record.get("platform", "")),
            asserted=asserted,
            steps=tuple(_step(s) for s in record.get("steps", []) if isinstance(s, dict)),
            grading=tuple(_grading(c) for c in record.get("checks", []) if isinstance(c, dict)),
            seconds=float(record.get("seconds", 0.0)),
            message=str(record.get("message", "")),
        )
    return checks


def _step(raw: dict[str, Any]) -> StepCheck:
    return StepCheck(
        int(raw.get("number", 0)),
        str(raw.get("title", "")),
        str(raw.get("status", "")),
        bool(raw.get("asserted", False)),
        str(raw.get("mode", "")),
        float(raw.get("seconds", 0.0)),
        str(raw.get("message", "")),
    )


def _grading(raw: dict[str, Any]) -> GradingRun:
    return GradingRun(
        str(raw.get("id", "")),
        str(raw.get("title", "")),
        str(raw.get("status", "")),
        bool(raw.get("hidden", False)),
        float(raw.get("seconds", 0.0)),
        str(raw.get("message", "")),
    )


def lab_summary(checks: dict[str, LabCheck], published: Iterable[str]) -> LabSummary:
    """The published labs' verification at a glance; asserted steps are counted over verified labs only."""
    published = [lab_id for lab_id in published if lab_id in checks]
    verified = [checks[i] for i in published if checks[i].state == "verified"]
    dates = sorted(c.date for c in verified if c.date)
    return LabSummary(
        labs=len(published),
        asserted_steps=sum(c.asserted for c in verified),
        first_date=dates[0] if dates else "",
        last_date=dates[-1] if dates else "",
        not_verified=tuple((i, checks[i].state) for i in published if checks[i].state != "verified"),
    )
