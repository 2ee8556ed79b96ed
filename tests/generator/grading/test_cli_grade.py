"""`curriculum grade` from the command line: the summary table, where the grades go, and misuse."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.cli.commands import main
from tests.conftest import FIXTURES

BREAD = FIXTURES / "courses" / "hearth-bread"
CLASS = FIXTURES / "submissions" / "count-the-bakes"


def _grade(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["grade", *args, "--course", str(BREAD)])
    return result.exit_code, result.output


def test_grades_a_class_in_one_command_and_lists_who_could_not_be_checked(tmp_path: Path) -> None:
    out, workbook = tmp_path / "grades", tmp_path / "marking" / "lab.xlsx"
    code, output = _grade(
        "count-the-bakes", str(CLASS), "--out", str(out), "--workbook", str(workbook), "-j", "2"
    )
    assert code == 0, output
    assert "│ ana     │  7 / 7 │    3/3 │" in output
    assert "not checked: 'dee.zip' is a file, not a folder" in output
    assert "graded 4 submissions (1 could not be checked)" in output
    assert (out / "gradebook.csv").is_file() and (out / "feedback" / "ben.html").is_file()
    assert workbook.is_file() and not (out / "scoring.xlsx").exists()


def test_a_misused_command_says_what_is_wrong_and_exits_non_zero(tmp_path: Path) -> None:
    code, output = _grade("count-the-bake", str(CLASS), "--out", str(tmp_path))
    assert code == 1 and "unknown lab 'count-the-bake'. Did you mean 'count-the-bakes'?" in output
    code, output = _grade("hydration-report", str(CLASS), "--out", str(tmp_path))
    assert code == 1 and "lab 'hydration-report' has no grading checks" in output
    code, output = _grade("count-the-bakes", str(tmp_path / "nowhere"))
    assert code == 2 and "does not exist" in output
    assert not any(tmp_path.iterdir()), "nothing is written when the command is misused"
