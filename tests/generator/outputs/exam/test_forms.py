"""Exam forms: balanced draws, per-form shuffles with matching keys, byte-identical output for a seed."""

from __future__ import annotations

import zipfile
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from generator.cli.bank import exam as exam_command
from generator.errors import ToolkitError
from generator.load.course_loader import check_course, load_course
from generator.model.course import Course
from generator.outputs.exam.forms import LABELS, make_exam, write_exam
from tests.conftest import MINIMAL, REPO


@pytest.fixture(scope="module")
def bundled() -> Course:
    course = check_course(REPO).course
    assert course is not None
    return course


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_same_seed_gives_byte_identical_files(bundled: Course, tmp_path: Path) -> None:
    for name in ("one", "two"):
        write_exam(make_exam(bundled, questions=20, forms=3, seed=7), tmp_path / name)
    first = _files(tmp_path / "one")
    assert sorted(first) == [
        "answer-keys.html",
        "answer-keys.md",
        "answer-keys.xlsx",
        "exam-form-A.md",
        "exam-form-B.md",
        "exam-form-C.md",
        "exam-forms.html",
    ]
    assert first == _files(tmp_path / "two")
    write_exam(make_exam(bundled, questions=20, forms=3, seed=8), tmp_path / "other")
    assert _files(tmp_path / "other")["exam-form-A.md"] != first["exam-form-A.md"]


def test_draw_is_balanced_across_the_chosen_objectives(bundled: Course) -> None:
    objectives = ["m01.stages", "m05.paginate", "m13.checks", "s2.idempotency"]
    exam = make_exam(bundled, questions=8, forms=2, seed=3, objectives=objectives)
    assert len(exam.questions) == 8 and len({q.id for q in exam.questions}) == 8
    assert all(set(q.objectives) & set(objectives) for q in exam.questions)
    hits = Counter(next(o for o in objectives if o in q.objectives) for q in exam.questions)
    assert max(hits.values()) - min(hits.values()) <= 1 or len(hits) < len(objectives)


def test_forms_hold_the_same_questions_in_different_orders_with_correct_keys(bundled: Course) -> None:
    exam = make_exam(bundled, questions=30, forms=3, seed=11)
    orders = [[i.question.id for i in form.items] for form in exam.forms]
    assert [f.label for f in exam.forms] == ["A", "B", "C"]
    assert all(sorted(o) == sorted(orders[0]) for o in orders) and len({tuple(o) for o in orders}) == 3
    for form in exam.forms:
        assert [i.number for i in form.items] == list(range(1, 31))
        for item in form.items:
            q = item.question
            if q.type in ("single_choice", "multiple_choice"):
                letters = item.key.split(", ")
                assert {item.options[LABELS.index(x)] for x in letters} == {
                    o.text for o in q.options if o.correct
                }
            if q.type == "matching":
                for part in item.key.split(", "):
                    number, letter = part.split("-")
                    assert item.rights[LABELS.index(letter)] == q.pairs[int(number) - 1].right


def test_printable_forms_and_keys(tmp_path: Path) -> None:
    exam = make_exam(load_course(MINIMAL), questions=5, forms=2, seed=1)
    write_exam(exam, tmp_path)
    form = (tmp_path / "exam-form-A.md").read_text(encoding="utf-8")
    assert form.startswith("# Pipelines in Miniature: exam, form A\n")
    assert "idempotency" not in form  # the forms never carry answers
    page = (tmp_path / "exam-forms.html").read_text(encoding="utf-8")
    assert page.count('<section class="form"') == 2
    assert "break-after: page" in page and "@media print" in page
    keys = (tmp_path / "answer-keys.md").read_text(encoding="utf-8")
    assert "## Form A" in keys and "## Form B" in keys and "idempotency / idempotent" in keys
    sheet = load_workbook(tmp_path / "answer-keys.xlsx")["Keys"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Form", "No.", "Question", "Type", "Answer", "Points")
    assert len(rows) == 1 + 2 * 5 and {r[0] for r in rows[1:]} == {"A", "B"}
    with zipfile.ZipFile(tmp_path / "answer-keys.xlsx") as archive:  # no clock reading left in the file
        assert {i.date_time for i in archive.infolist()} == {(2000, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert core.count("2000-01-01T00:00:00Z") == 2


def test_impossible_requests_are_clear_errors() -> None:
    course = load_course(MINIMAL)
    with pytest.raises(ToolkitError, match="only 5 questions assess the objectives; ask for at most 5"):
        make_exam(course, questions=6, forms=1, seed=1)
    with pytest.raises(ToolkitError, match=r"unknown objective 'basics\.defne': did you mean"):
        make_exam(course, questions=1, forms=1, seed=1, objectives=["basics.defne"])
    with pytest.raises(ToolkitError, match="1 to 26 forms"):
        make_exam(course, questions=1, forms=27, seed=1)


def test_cli_writes_forms_and_reports_user_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    args = ["--questions", "3", "--forms", "2", "--seed", "7", "--course", str(MINIMAL)]
    result = runner.invoke(
        exam_command, [*args, "--objectives", "what.stages,basics.define", "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert "wrote 6 files" in result.output and (tmp_path / "exam-form-B.md").is_file()
    failed = runner.invoke(
        exam_command, ["--questions", "50", "--course", str(MINIMAL), "--out", str(tmp_path)]
    )
    assert failed.exit_code == 1
    assert "error: only 5 questions" in failed.output and "Traceback" not in failed.output
    assert runner.invoke(exam_command, ["--help"]).exit_code == 0
