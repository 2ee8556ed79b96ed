"""`curriculum bank import` as a trainer runs it: the diff first, located problems, exit codes."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.cli.bank import bank
from generator.model.course import Course
from tests.bank_workbook import edit, spec_bytes


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(bank, list(args))
    return result.exit_code, result.output


def test_import_shows_the_diff_then_writes(exported: tuple[Path, Course, Path]) -> None:
    course_dir, _, xlsx = exported
    edit(xlsx, {"F3": "hard"})
    code, out = run("import", str(xlsx), "--course", str(course_dir))
    assert code == 0, out
    assert out.index("+    difficulty: hard") < out.index("wrote question_bank/m1-what.yaml")
    assert "difficulty: hard" in (course_dir / "question_bank/m1-what.yaml").read_text(encoding="utf-8")


def test_dry_run_writes_nothing(exported: tuple[Path, Course, Path]) -> None:
    course_dir, _, xlsx = exported
    before = spec_bytes(course_dir)
    edit(xlsx, {"F3": "hard"})
    code, out = run("import", str(xlsx), "--course", str(course_dir), "--dry-run")
    assert code == 0 and "--dry-run: 1 file(s) not written" in out
    assert spec_bytes(course_dir) == before


def test_no_edits_nothing_to_write(exported: tuple[Path, Course, Path]) -> None:
    course_dir, _, xlsx = exported
    code, out = run("import", str(xlsx), "--course", str(course_dir))
    assert code == 0 and "the specs already match the workbook" in out


def test_problems_are_listed_by_cell_and_exit_1(exported: tuple[Path, Course, Path]) -> None:
    course_dir, _, xlsx = exported
    edit(xlsx, {"G3": "MCQQ", "O2": "G", "F4": "hard"})
    code, out = run("import", str(xlsx), "--course", str(course_dir))
    assert code == 1
    lines = [line for line in out.splitlines() if line.startswith("error ")]
    assert (
        lines[0]
        == "error Questions!O2: correct: 'G' is not an option letter. write letters A-F, e.g. 'A' or 'A, C'."
    )
    assert lines[1].startswith("error Questions!G3: type: 'MCQQ' is not one of")
    assert "nothing was written" in out and "Traceback" not in out


def test_user_errors_are_one_clean_line(tmp_path: Path, minimal_course: Path) -> None:
    code, out = run("import", str(tmp_path / "nope.xlsx"), "--course", str(minimal_course))
    assert code == 1 and out.startswith("error: no workbook at") and "Traceback" not in out
    assert run("import", "--help")[0] == 0 and run("--help")[0] == 0
