"""Lab results for people (a pass/fail table and readable diffs) and for CI (JUnit XML)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from generator.labs.runner import LabResult

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
        if step.diff:
            lines += ["  " + line for line in step.diff.rstrip("\n").split("\n")]
        elif step.output:
            lines.append("  output:")
            lines += ["    " + line for line in step.output.rstrip("\n").split("\n")[-20:]]
    for check in result.failed_checks:
        name = f"grading check '{check.check.id}' “{check.check.title}”"
        lines.append(f"FAIL {result.lab.id} › {name} ({check.location})")
        lines.append(f"  {check.message}; the lab's own end state must pass every grading check")
        if check.diff:
            lines += ["  " + line for line in check.diff.rstrip("\n").split("\n")]
        elif check.output:
            lines.append("  output:")
            lines += ["    " + line for line in check.output.rstrip("\n").split("\n")[-20:]]
    return "\n".join(lines)


def write_junit(results: list[LabResult], path: Path) -> Path:
    """One test case per lab step; cached labs are reported as skipped."""
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
        for step in result.steps:
            total_time += step.seconds
            case = ET.SubElement(
                suite,
                "testcase",
                classname=result.lab.id,
                name=xml_text(f"step {step.number}: {step.title}"),
                time=f"{step.seconds:.3f}",
            )
            counts["tests"] += 1
            if step.status in ("fail", "timeout"):
                counts["failures"] += 1
                failure = ET.SubElement(case, "failure", message=xml_text(step.message), type=step.status)
                failure.text = xml_text(f"{step.location}\n{step.diff or step.output}")
            elif step.status == "skipped":
                counts["skipped"] += 1
                ET.SubElement(case, "skipped", message="an earlier step failed")
        for check in result.checks:
            total_time += check.seconds
            case = ET.SubElement(
                suite,
                "testcase",
                classname=result.lab.id,
                name=xml_text(f"grading check {check.check.id}: {check.check.title}"),
                time=f"{check.seconds:.3f}",
            )
            counts["tests"] += 1
            if not check.passed:
                counts["failures"] += 1
                failure = ET.SubElement(case, "failure", message=xml_text(check.message), type=check.status)
                failure.text = xml_text(f"{check.location}\n{check.diff or check.output}")
    suite.set("tests", str(counts["tests"]))
    suite.set("failures", str(counts["failures"]))
    suite.set("skipped", str(counts["skipped"]))
    suite.set("time", f"{total_time:.3f}")
    path.parent.mkdir(parents=True, exist_ok=True)
    ET.ElementTree(suite).write(path, encoding="utf-8", xml_declaration=True)
    return path
