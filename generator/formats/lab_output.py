"""How a lab step's output is normalised and matched against what it should print (verifier and checks)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from generator.model.lab import LabStep, Match

_TIMING = re.compile(r"\b\d+(?:\.\d+)?\s?(?:ms|µs|us|s|sec|secs|seconds)\b")
_TABLE_RULE = re.compile(r"^[\s\-=+|:─━┼┬┴├┤┌┐└┘│╇╈┡┩┃]+$")


@dataclass(frozen=True)
class Comparison:
    ok: bool
    diff: str = ""


def normalise(text: str, workspace: str = "", *, timings: bool = True) -> str:
    """What is compared: line endings, trailing spaces, the workspace path and timings made uniform.

    `timings=False` keeps timings as printed: what `labs record` writes, so worksheets show real numbers.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if workspace:
        text = text.replace(workspace, "<workspace>")
    if timings:
        text = _TIMING.sub("<time>", text)
    lines = [line.rstrip() for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + ("\n" if lines else "")


def compare(expected: str, actual: str, match: Match) -> Comparison:
    """Whether `actual` satisfies `expected` under `match`; a unified diff when it does not."""
    mode = match.mode
    if mode == "exit_code":
        return Comparison(True)
    expected_n, actual_n = normalise(expected), normalise(actual)
    if mode == "exact":
        ok = expected_n == actual_n
    elif mode == "contains":
        ok = expected_n.strip() in actual_n
    elif mode == "regex":
        ok = expected_pattern(expected).fullmatch(actual_n.strip()) is not None
    else:
        ok = _tables_equal(expected_n, actual_n, ordered=match.ordered, tolerance=match.tolerance)
    return Comparison(ok, "" if ok else unified_diff(expected_n, actual_n))


def asserts_output(step: LabStep) -> bool:
    """Whether running `step` checks what it prints (not only its exit code): what "verified" can claim."""
    if not step.commands or step.expected_output is None or step.match.mode == "exit_code":
        return False
    return step.match.mode != "contains" or bool(step.expected_output.strip())


def expected_pattern(expected: str) -> re.Pattern[str]:
    """The regular expression a `regex` step's expected output stands for; raises re.error if invalid."""
    return re.compile(normalise(expected).strip(), re.DOTALL | re.MULTILINE)


def unified_diff(expected: str, actual: str) -> str:
    lines = difflib.unified_diff(
        expected.splitlines(keepends=True),
        actual.splitlines(keepends=True),
        "expected",
        "actual",
        lineterm="\n",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def parse_table(text: str) -> list[list[str]]:
    """Rows of cells from a printed table: `|`-separated, box-drawn, or aligned on runs of 2+ spaces."""
    rows = []
    for line in text.splitlines():
        if not line.strip() or _TABLE_RULE.match(line):
            continue
        if "|" in line or "│" in line or "┃" in line:
            cells = re.split(r"[|│┃]", line.strip().strip("|│┃"))
        else:
            cells = re.split(r"\s{2,}", line.strip())
        rows.append([c.strip() for c in cells])
    return rows


def _tables_equal(expected: str, actual: str, *, ordered: bool, tolerance: float) -> bool:
    want, got = parse_table(expected), parse_table(actual)
    if len(want) != len(got) or not want:
        return not want and not got
    header_ok = want[0] == got[0]
    body_want, body_got = want[1:], got[1:]
    if not ordered:
        body_want, body_got = sorted(body_want), sorted(body_got)
    return header_ok and all(_row_equal(a, b, tolerance) for a, b in zip(body_want, body_got, strict=True))


def _row_equal(want: list[str], got: list[str], tolerance: float) -> bool:
    if len(want) != len(got):
        return False
    for a, b in zip(want, got, strict=True):
        if a == b:
            continue
        try:
            if abs(float(a.replace(",", "")) - float(b.replace(",", ""))) <= tolerance:
                continue
        except ValueError:
            pass
        return False
    return True
