"""Run a list of shell commands in order, as one step of a lab or one grading check does."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from generator.labs.process import run_command


@dataclass(frozen=True)
class CommandsRun:
    outputs: list[str]
    exit_code: int
    status: Literal["pass", "fail", "timeout"]
    message: str = ""
    cut: int = 0  # bytes of output left out because there was too much


def run_commands(commands: list[str], workspace: Path, env: dict[str, str], timeout: int) -> CommandsRun:
    """Run `commands` one after another; stop at a timeout, or when one but the last exits non-zero."""
    outputs: list[str] = []
    cut = 0
    code = 0
    for index, command in enumerate(commands):
        run = run_command(command, workspace, env, timeout)
        outputs.append(run.output)
        cut += run.cut
        code = run.exit_code
        if run.timed_out:
            message = f"`{command}` did not finish within {timeout} s and was stopped"
            return CommandsRun(outputs, code, "timeout", message, cut)
        if index < len(commands) - 1 and code != 0:
            message = f"`{command}` exited with {code}; every command but the last must exit 0"
            return CommandsRun(outputs, code, "fail", message, cut)
    return CommandsRun(outputs, code, "pass", "", cut)
