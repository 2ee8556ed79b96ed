"""`curriculum new` writes spec files that load cleanly, and never overwrites a trainer's work."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli.commands import main
from generator.load.course_loader import check_course


@pytest.mark.parametrize(
    ("args", "written"),
    [
        (
            ["lesson", "bronze-basics", "--title", "Bronze: the raw copy"],
            "curriculum/lessons/bronze-basics.yaml",
        ),
        (["lab", "first-lab"], "curriculum/labs/first-lab.yaml"),
        (["section", "s9-extra"], "curriculum/sections/s9-extra.yaml"),
        (["question", "q-new-1", "--module", "m1-what"], "question_bank/q-new-1.yaml"),
    ],
)
def test_new_spec_parses_cleanly(minimal_course: Path, args: list[str], written: str) -> None:
    result = CliRunner().invoke(main, ["new", *args, "--course", str(minimal_course)])
    assert result.exit_code == 0, result.output
    path = minimal_course / written
    assert path.exists()
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    schema_ref = text.splitlines()[0].split("$schema=")[1]
    assert (path.parent / schema_ref).resolve() == (
        minimal_course / "schema" / schema_ref.rsplit("/", 1)[1]
    ).resolve()

    result_check = check_course(minimal_course, display_base=minimal_course)
    own = [i for i in result_check.issues if i.location.file == path.relative_to(minimal_course).as_posix()]
    assert [i.format() for i in own if i.rule in ("yaml", "schema")] == []


def test_new_runbook_is_a_markdown_page_with_every_section(minimal_course: Path) -> None:
    result = CliRunner().invoke(
        main, ["new", "runbook", "sales-pipeline", "--title", "Weekly sales", "--course", str(minimal_course)]
    )
    assert result.exit_code == 0, result.output
    text = (minimal_course / "runbooks/sales-pipeline.md").read_text(encoding="utf-8")
    assert text.startswith("# Weekly sales: runbook\n")
    for heading in ("## Who to call", "## Known problems", "## Rolling back", "## After the incident"):
        assert heading in text
    assert check_course(minimal_course).errors == []  # not a spec: the course is unaffected


def test_new_refuses_to_overwrite(minimal_course: Path) -> None:
    result = CliRunner().invoke(main, ["new", "lesson", "landing-data", "--course", str(minimal_course)])
    assert result.exit_code == 1
    assert "already exists" in result.output


def test_new_rejects_bad_id(minimal_course: Path) -> None:
    result = CliRunner().invoke(main, ["new", "lesson", "Bad Id", "--course", str(minimal_course)])
    assert result.exit_code == 1
    assert "not a valid id" in result.output


def test_new_section_names_no_role_of_another_course(tmp_path: Path) -> None:
    import shutil

    from tests.conftest import FIXTURES

    course = tmp_path / "bread"
    shutil.copytree(FIXTURES / "courses" / "hearth-bread", course)
    result = CliRunner().invoke(main, ["new", "section", "extra", "--course", str(course)])
    assert result.exit_code == 0, result.output
    spec = course / "curriculum" / "course.yaml"
    spec.write_text(spec.read_text().replace("  - dough\n", "  - dough\n  - extra\n"), encoding="utf-8")
    issues = check_course(course, display_base=course).issues
    assert any("extra" in i.message for i in issues), "the new section is part of the course"
    assert [i.format() for i in issues if "role" in i.message] == []
