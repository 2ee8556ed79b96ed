"""The `curriculum` command as a user runs it: exit codes, summary, JSON, help for every command."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from generator.cli.commands import main
from tests.conftest import MINIMAL, REPO


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )


def test_validate_clean_course_prints_summary_and_exits_0() -> None:
    result = run("validate", str(MINIMAL))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Pipelines in Miniature" in result.stdout
    assert re.search(r"│\s+1 │\s+2 │\s+2 │\s+1 │\s+5 │\s+5 │\s+100% │", result.stdout)
    assert "spec files valid" in result.stdout
    assert "Traceback" not in result.stderr


def test_validate_broken_course_lists_located_errors_and_exits_1(minimal_course: Path) -> None:
    lesson = minimal_course / "curriculum/lessons/landing-data.yaml"
    lesson.write_text(lesson.read_text().replace("key_takeaway:", "key_takeway:"), encoding="utf-8")
    result = run("validate", str(minimal_course))
    assert result.returncode == 1
    assert (
        "landing-data.yaml:21:1: key_takeway: unknown field 'key_takeway'. did you mean 'key_takeaway'?"
        in (result.stdout)
    )
    assert "Traceback" not in result.stdout + result.stderr


def test_hints_with_brackets_are_printed_verbatim(minimal_course: Path) -> None:
    lesson = minimal_course / "curriculum/lessons/landing-data.yaml"
    lesson.write_text(
        lesson.read_text().replace("id: landing.explain", "id: landing.explains"), encoding="utf-8"
    )
    result = run("validate", str(minimal_course))
    assert "add a question with 'objectives: [landing.explains]' to question_bank/." in result.stdout


def test_warnings_pass_unless_strict(minimal_course: Path) -> None:
    lesson = minimal_course / "curriculum/lessons/landing-data.yaml"
    lesson.write_text(lesson.read_text().replace("verb: Explain", "verb: Understand"), encoding="utf-8")
    assert run("validate", str(minimal_course)).returncode == 0
    strict = run("validate", "--strict", str(minimal_course))
    assert strict.returncode == 1
    assert "--strict" in strict.stdout


def test_json_format_for_ci(minimal_course: Path) -> None:
    (minimal_course / "curriculum/lessons/landing-data.yaml").write_text("kind: lesson\n", encoding="utf-8")
    result = run("validate", "--format", "json", str(minimal_course))
    assert result.returncode == 1
    payload = json.loads(result.stdout)
    assert payload["ok"] is False
    assert payload["summary"]["sections"] == 1
    first = payload["issues"][0]
    assert {"level", "file", "line", "column", "field", "message", "hint", "rule"} <= set(first)


def test_usage_errors_exit_2() -> None:
    assert run("validate", "--format", "xml", str(MINIMAL)).returncode == 2
    assert run("no-such-command").returncode == 2


def test_not_a_course_is_a_clean_user_error(tmp_path: Path) -> None:
    result = run("validate", str(tmp_path))
    assert result.returncode == 1
    assert f"no course found in '{tmp_path}' or any folder above it" in result.stderr
    assert "curriculum init" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("argv", "hint"),
    [
        (["validate"], "as in `curriculum validate PATH`"),
        (["build"], "as in `curriculum build PATH`"),
        (["labs", "verify"], "Run `curriculum labs verify` inside a course, or name the course folder with"),
        (["labs", "record", "a-lab"], "Run `curriculum labs record` inside a course"),
        (["new", "lesson", "x"], "Run `curriculum new` inside a course, or name the course folder with"),
        (["exam"], "with `--course PATH`"),
    ],
)  # fmt: skip
def test_no_course_found_says_how_this_command_is_given_one(
    argv: list[str], hint: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, argv)
    assert result.exit_code == 1
    message = " ".join(result.output.split())
    assert "no course found" in message and hint in message, message


@pytest.mark.parametrize(
    "argv",
    [
        ["validate"],
        ["build", "--only", "lms"],
        ["new", "lesson", "found-from-below"],
        ["labs", "verify", "--no-cache"],
        ["labs", "record", "land-the-data", "--dry-run"],
        ["exam", "--questions", "2", "--forms", "1"],
    ],
    ids=lambda argv: " ".join(argv[:2]),
)
def test_every_command_finds_the_course_from_a_subfolder(
    minimal_course: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    monkeypatch.chdir(minimal_course / "curriculum" / "lessons")
    result = CliRunner().invoke(main, argv)
    assert result.exit_code == 0, result.output
    assert "no course found" not in result.output
    if argv[0] == "new":
        assert (minimal_course / "curriculum/lessons/found-from-below.yaml").is_file()
    if argv[0] == "build":
        assert (minimal_course / "build" / "lms").is_dir()


def _commands(group: click.Group, prefix: str = "curriculum") -> list[tuple[str, list[str]]]:
    found = []
    for name, command in sorted(group.commands.items()):
        found.append((f"{prefix} {name}", [*prefix.split()[1:], name]))
        if isinstance(command, click.Group):
            found += _commands(command, f"{prefix} {name}")
    return found


COMMANDS = _commands(main)


@pytest.mark.parametrize(("name", "argv"), COMMANDS, ids=[c[0] for c in COMMANDS])
def test_every_command_has_help_and_is_in_the_readme(name: str, argv: list[str]) -> None:
    result = CliRunner().invoke(main, [*argv, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"`{name}" in readme, f"{name} is not documented in README.md"
