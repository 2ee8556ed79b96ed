"""Importing an edited workbook: exactly the trainer's changes reach the specs, comments and layout kept."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.bank_import.importer import import_bank
from generator.load.course_loader import check_course, load_course
from generator.model.course import Course
from generator.outputs.workbook.writer import render_bank
from tests.bank_workbook import edit, export, spec_bytes
from tests.conftest import REPO

SPEC = "question_bank/m1-what.yaml"
NEW_ROW = [
    "q-landing-why",
    None,
    "m1-what",
    "landing.explain",
    None,
    "easy",
    "multiple_choice",
    "Why does the landing zone keep raw files unchanged?",
    "So a load can be replayed",
    "To save disk space",
    "So audits can see the source",
    None,
    None,
    None,
    "A, C",
    None,
    "Unchanged raw files make replays and audits possible.",
    "Yes: rerun from the raw copy.",
]


def test_export_then_import_without_edits_changes_no_byte(exported: tuple[Path, Course, Path]) -> None:
    course_dir, course, xlsx = exported
    before = spec_bytes(course_dir)
    result = import_bank(course, xlsx, dry_run=False)
    assert result.ok and not result.issues
    assert result.changes == [] and result.diff == "" and not result.written
    assert result.unchanged == 5
    assert spec_bytes(course_dir) == before


def test_the_bundled_course_round_trips_byte_for_byte(tmp_path: Path) -> None:
    course_dir = tmp_path / "bundled"
    for folder in ("curriculum", "question_bank"):
        shutil.copytree(REPO / folder, course_dir / folder)
    course = check_course(course_dir).course
    assert course is not None
    before = spec_bytes(course_dir)
    (xlsx,) = render_bank(course, tmp_path / "build")
    result = import_bank(course, xlsx, dry_run=False)
    assert result.ok, [i.format() for i in result.errors]
    assert result.changes == [] and result.unchanged == len(course.questions)
    assert spec_bytes(course_dir) == before


def test_three_edited_rows_and_a_new_one_import_as_exactly_those_changes(minimal_course: Path) -> None:
    spec = minimal_course / SPEC
    original = spec.read_text(encoding="utf-8").replace(
        "  - id: q-stage-count\n", "  # counted from the course's own model\n  - id: q-stage-count\n"
    )
    spec.write_text(original, encoding="utf-8")
    course, xlsx = export(minimal_course)
    long_stem = (
        "Which stage of a data pipeline comes first, before transform, store and serve, when raw files "
        "arrive from the source systems every night?"
    )
    edit(
        xlsx,
        {"H2": long_stem, "F3": "hard", "P6": "idempotency\nidempotent\nre-runnable"},
        rows=[NEW_ROW],
    )

    result = import_bank(course, xlsx, dry_run=False)

    assert result.ok, [i.format() for i in result.issues]
    assert result.updated == ["q-stages-order", "q-pipeline-vs-script", "q-secret-exam"]
    assert result.added == ["q-landing-why"] and result.moved == [] and result.unchanged == 2
    expected = (
        original.replace(
            "    stem: Which stage comes first in a pipeline?\n",
            "    stem: >-\n"
            "      Which stage of a data pipeline comes first, before transform, store and serve, when raw"
            " files\n"
            "      arrive from the source systems every night?\n",
        )
        .replace(
            "    explanation: A pipeline is automated and repeatable.\n",
            "    explanation: A pipeline is automated and repeatable.\n    difficulty: hard\n",
        )
        .replace("accepted: [idempotency, idempotent]", "accepted: [idempotency, idempotent, re-runnable]")
    ) + (
        "  - id: q-landing-why\n"
        "    type: multiple_choice\n"
        "    objectives: [landing.explain]\n"
        "    stem: Why does the landing zone keep raw files unchanged?\n"
        "    options:\n"
        "      - text: So a load can be replayed\n"
        "        correct: true\n"
        "        feedback: 'Yes: rerun from the raw copy.'\n"
        "      - text: To save disk space\n"
        "      - text: So audits can see the source\n"
        "        correct: true\n"
        "    explanation: Unchanged raw files make replays and audits possible.\n"
        "    difficulty: easy\n"
    )
    assert spec.read_text(encoding="utf-8") == expected
    assert [c.display for c in result.changes] == [SPEC]
    assert result.diff.startswith(f"--- a/{SPEC}\n+++ b/{SPEC}\n")
    reloaded = load_course(minimal_course).questions
    assert reloaded["q-pipeline-vs-script"].difficulty == "hard"
    assert reloaded["q-landing-why"].bloom is None  # left blank: follows its objective


def test_dry_run_shows_the_diff_and_writes_nothing(exported: tuple[Path, Course, Path]) -> None:
    course_dir, course, xlsx = exported
    before = spec_bytes(course_dir)
    edit(xlsx, {"F3": "hard"})
    result = import_bank(course, xlsx, dry_run=True)
    assert result.ok and not result.written
    assert "+    difficulty: hard\n" in result.diff
    assert spec_bytes(course_dir) == before


def test_a_question_moved_to_a_module_without_a_file_gets_a_new_file(
    exported: tuple[Path, Course, Path],
) -> None:
    course_dir, course, xlsx = exported
    edit(xlsx, {"C4": "m2-landing", "E4": "apply"})
    result = import_bank(course, xlsx, dry_run=False)
    assert result.ok and result.moved == ["q-stage-count"]
    created = (course_dir / "question_bank/m2-landing.yaml").read_text(encoding="utf-8")
    assert created.startswith("# yaml-language-server: $schema=../schema/questions.schema.json\n")
    assert "module: m2-landing\nquestions:\n  - id: q-stage-count\n" in created
    assert "    bloom: apply\n" in created
    assert "q-stage-count" not in (course_dir / SPEC).read_text(encoding="utf-8")
    assert load_course(course_dir).questions["q-stage-count"].bloom == "apply"


def test_a_bloom_cell_still_showing_the_objectives_level_adds_no_bloom(
    exported: tuple[Path, Course, Path],
) -> None:
    course_dir, course, xlsx = exported
    edit(xlsx, {"D3": "basics.define, what.stages"})  # the bloom cell still says 'remember'
    result = import_bank(course, xlsx, dry_run=False)
    assert result.ok and result.updated == ["q-pipeline-vs-script"]
    assert "bloom" not in result.diff
    assert "objectives: [basics.define, what.stages]" in (course_dir / SPEC).read_text(encoding="utf-8")


def test_text_typed_with_a_leading_equals_sign_imports_as_text(exported: tuple[Path, Course, Path]) -> None:
    from openpyxl import load_workbook

    course_dir, course, xlsx = exported
    workbook = load_workbook(xlsx)
    cell = workbook["Questions"]["Q2"]
    cell.value = "=SUM(A1) is a formula; this explanation only quotes one."
    cell.data_type = "s"  # what Excel stores when the trainer types a leading apostrophe
    workbook.save(xlsx)
    result = import_bank(course, xlsx, dry_run=False)
    assert result.ok, [i.format() for i in result.issues]
    assert load_course(course_dir).questions["q-stages-order"].explanation.startswith("=SUM(A1)")


def test_a_deleted_row_is_reported_and_the_question_kept(exported: tuple[Path, Course, Path]) -> None:
    from openpyxl import load_workbook

    _, course, xlsx = exported
    workbook = load_workbook(xlsx)
    workbook["Questions"].delete_rows(4)
    workbook.save(xlsx)
    result = import_bank(course, xlsx, dry_run=False)
    assert result.ok and result.changes == []
    (warning,) = result.issues
    assert "question 'q-stage-count' is not in the workbook; it was left as it is" in warning.message
    assert warning.location.file.endswith(SPEC)


def test_a_file_laid_out_differently_is_edited_whole(minimal_course: Path) -> None:
    spec = minimal_course / SPEC
    text = spec.read_text(encoding="utf-8")
    body = text.split("questions:\n", 1)[1]
    unindented = "\n".join(line[2:] if line.startswith("  ") else line for line in body.splitlines())
    layout = f"kind: questions\nquestions:\n{unindented}\nmodule: m1-what  # last, for once\n"
    spec.write_text(layout, encoding="utf-8")
    course, xlsx = export(minimal_course)
    edit(xlsx, {"F3": "hard"}, rows=[NEW_ROW])
    result = import_bank(course, xlsx, dry_run=False)
    assert result.ok, [i.format() for i in result.issues]
    after = spec.read_text(encoding="utf-8")
    assert after.endswith("module: m1-what  # last, for once\n")
    questions = load_course(minimal_course).questions
    assert questions["q-pipeline-vs-script"].difficulty == "hard" and "q-landing-why" in questions


def test_a_question_moved_into_another_file_leaves_the_comments_above_its_neighbour(
    minimal_course: Path,
) -> None:
    spec = minimal_course / SPEC
    text = spec.read_text(encoding="utf-8")
    spec.write_text(
        text.replace("  - id: q-stage-count\n", "  # numeric below\n  - id: q-stage-count\n"), "utf-8"
    )
    other = minimal_course / "question_bank/m2-landing.yaml"
    other.write_text(
        "kind: questions\nmodule: m2-landing\nquestions:\n"
        "  - id: q-landing-one\n    type: true_false\n    objectives: [landing.explain]\n"
        "    stem: Raw files stay unchanged.\n    answer: true\n    explanation: They are the record.\n",
        encoding="utf-8",
    )
    course, xlsx = export(minimal_course)
    edit(xlsx, {"C3": "m2-landing"})  # q-pipeline-vs-script, just above the comment
    result = import_bank(course, xlsx, dry_run=False)
    assert result.ok and result.moved == ["q-pipeline-vs-script"]
    after = spec.read_text(encoding="utf-8")
    assert "q-pipeline-vs-script" not in after and "  # numeric below\n  - id: q-stage-count\n" in after
    moved = other.read_text(encoding="utf-8")
    assert moved.startswith("kind: questions\nmodule: m2-landing\nquestions:\n  - id: q-landing-one\n")
    assert moved.endswith(
        "  - id: q-pipeline-vs-script\n    type: true_false\n    objectives: [basics.define]\n"
        "    stem: A one-off script run by hand is a data pipeline.\n    answer: false\n"
        "    explanation: A pipeline is automated and repeatable.\n"
    )
