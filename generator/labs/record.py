"""`curriculum labs record`: run a lab and write what it printed back into its spec as the expected output.

Why ruamel.yaml here (and nowhere else): writing a spec back must keep the trainer's comments and
layout; the fast C loader used for reading throws them away.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from generator.errors import ToolkitError
from generator.formats.lab_output import compare, unified_diff
from generator.labs.runner import StepResult, _chain, resolve_lab_ids, run_steps
from generator.labs.workspace import lab_env, make_workspace, remove_workspace
from generator.model.course import Course

RECORDABLE = ("exact", "table")


@dataclass
class Recording:
    path: Path
    old_text: str
    new_text: str
    steps: list[StepResult]
    recorded: list[int]  # step numbers whose expected output was (re)written

    @property
    def diff(self) -> str:
        return (
            unified_diff(self.old_text, self.new_text)
            .replace("--- expected", "--- before", 1)
            .replace("+++ actual", "+++ after", 1)
        )


def record_lab(course: Course, lab_id: str) -> Recording:
    """Run `lab_id` (after the labs it starts from) and compute its spec with the outputs filled in."""
    resolve_lab_ids(course, [lab_id])
    lab = course.labs[lab_id]
    env = lab_env(course)
    chain = _chain(course, lab_id)
    workspace = make_workspace(course, chain[-1])
    try:
        for parent_id in reversed(chain[1:]):
            failed = [s for s in run_steps(course.labs[parent_id], workspace, env) if s.status != "pass"]
            if failed:
                step = failed[0]
                raise ToolkitError(
                    f"lab '{parent_id}' (which '{lab_id}' starts from) fails at step {step.number}: "
                    f"{step.message}. Fix or record it first."
                )
        steps = run_steps(lab, workspace, env, check=False)
    finally:
        remove_workspace(workspace)
    broken = [s for s in steps if s.status != "pass"]
    if broken:
        step = broken[0]
        raise ToolkitError(
            f"step {step.number} “{step.title}” of lab '{lab_id}' failed: {step.message}."
            " Nothing was written."
        )

    from ruamel.yaml import YAML
    from ruamel.yaml.scalarstring import LiteralScalarString

    path = lab.source_path
    if path is None:
        raise ToolkitError(f"lab '{lab_id}' was not read from a file; nothing to record into")
    old_text = path.read_text(encoding="utf-8")
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    data = yaml.load(old_text)
    recorded = []
    for index, (spec_step, result) in enumerate(zip(lab.steps, steps, strict=True)):
        if spec_step.match.mode not in RECORDABLE or not spec_step.commands:
            continue
        expected = spec_step.expected_output
        # An expectation that already passes stays as the trainer wrote it: a hand-rounded,
        # reordered table under `tolerance:` is not replaced by the engine's digits and order.
        if expected is None or not compare(expected, result.output, spec_step.match).ok:
            if result.cut:
                raise ToolkitError(
                    f"step {result.number} “{result.title}” of lab '{lab_id}' printed {result.cut:,} bytes "
                    "more than a step's output keeps, too much to record as its expected output. Make it "
                    "print less (e.g. `| head -n 20`) or check part of it with 'match: {mode: contains}'. "
                    "Nothing was written."
                )
            data["steps"][index]["expected_output"] = LiteralScalarString(result.printed)
            recorded.append(result.number)
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    new_text = buffer.getvalue() if recorded else old_text
    return Recording(path, old_text, new_text, steps, recorded)


def write_recording(recording: Recording) -> None:
    tmp = recording.path.with_suffix(".yaml.tmp")
    tmp.write_text(recording.new_text, encoding="utf-8")
    tmp.replace(recording.path)
