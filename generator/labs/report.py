"""Lab results for people (a pass/fail table and readable diffs) and for CI (JUnit XML)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from generator.labs.grading import CheckResult
from generator.labs.runner import LabResult, StepResult

# Characters XML 1.0 cannot hold at all, even escaped (a command may print any of them).
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """`text` with every character XML cannot hold shown as its escape, e.g. `\\x1b`."""
    return _NOT_XML.sub(lambda m: f"\\x{ord(m[0]):02x}", text)


def failure_text(result: LabResult) -> str:
    """Every failing step of a lab: where its expected output is, why it failed, and the diff."""
    lines = []
    if result.message:
        lines.append(f"FAIL {result.lab.id}: {result.message}")
    for step in result.failures:
        where = f" ({step.location})" if step.location else ""
        lines.append(f"FAIL {result.lab.id} › step {step.number} “{step.title}”{where}")
        lines.append(f"  {step.message}")
        lines += _evidence(step.diff, step.output)
    for check in result.failed_checks:
        name = f"grading check '{check.check.id}' “{check.check.title}”"
        lines.append(f"FAIL {result.lab.id} › {name} ({check.location})")
        lines.append(f"  {check.message}; the lab's own end state must pass every grading check")
        lines += _evidence(check.diff, check.output)
    return "\n".join(lines)


def _evidence(diff: str, output: str) -> list[str]:
    """The diff of a failure, indented; else the last lines of what was printed."""
    if diff:
        return ["  " + line for line in diff.rstrip("\n").split("\n")]
    if output:
        return ["  output:", *("    " + line for line in output.rstrip("\n").split("\n")[-20:])]
    return []


def write_junit(results: list[LabResult], path: Path) -> Path:
    """One test case per lab step and grading check; cached labs are reported as skipped."""
    suite = ET.Element("testsuite", name="labs")
    counts = {"tests": 0, "failures": 0, "skipped": 0}
    total_time = 0.0
    for result in results:
        if result.status == "cached":
            case = ET.SubElement(suite, "testcase", classname=result.lab.id, name="(cached)", time="0")
            ET.SubElement(case, "skipped", message="inputs unchanged since the last passing run")
            counts["tests"] += 1
            counts["skipped"] += 1
            continue
        if result.message and not result.steps:
            case = ET.SubElement(suite, "testcase", classname=result.lab.id, name="(setup)", time="0")
            ET.SubElement(case, "failure", message=xml_text(result.message))
            counts["tests"] += 1
            counts["failures"] += 1
        cases: list[tuple[str, StepResult | CheckResult]] = [
            (f"step {s.number}: {s.title}", s) for s in result.steps
        ]
        cases += [(f"grading check {c.check.id}: {c.check.title}", c) for c in result.checks]
        for name, run in cases:
            total_time += run.seconds
            case = ET.SubElement(
                suite, "testcase", classname=result.lab.id, name=xml_text(name), time=f"{run.seconds:.3f}"
            )
            counts["tests"] += 1
            if run.status in ("fail", "timeout"):
                counts["failures"] += 1
                failure = ET.SubElement(case, "failure", message=xml_text(run.message), type=run.status)
                failure.text = xml_text(f"{run.location}\n{run.diff or run.output}")
            elif run.status == "skipped":
                counts["skipped"] += 1
                ET.SubElement(case, "skipped", message="an earlier step failed")
    suite.set("tests", str(counts["tests"]))
    suite.set("failures", str(counts["failures"]))
    suite.set("skipped", str(counts["skipped"]))
    suite.set("time", f"{total_time:.3f}")
    path.parent.mkdir(parents=True, exist_ok=True)
    ET.ElementTree(suite).write(path, encoding="utf-8", xml_declaration=True)
    return path
