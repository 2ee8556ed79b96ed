"""`curriculum init` starts a valid course of the trainer's own, and `new` writes scaffolds that fit it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli.commands import main
from generator.labs.runner import verify_labs
from generator.load.course_loader import check_course, load_course

# Words that belong to the bundled course only; nothing the toolkit writes for a new course may use them.
FLAGSHIP = re.compile(
    r"medallion|bronze|silver|gold\b|reference.pipeline|AWS|Azure|architect|End-to-End", re.IGNORECASE
)
COURSES = [("baker,owner", "L1,L2"), ("learner", "L1"), ("nurse,doctor,porter", "L1,L2,L3")]


def init(folder: Path, roles: str, tiers: str, *extra: str) -> None:
    args = ["init", str(folder), "--title", "Bread: a first course", "--roles", roles, "--tiers", tiers]
    result = CliRunner().invoke(main, [*args, *extra])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(("roles", "tiers"), COURSES)
def test_init_writes_a_course_that_validates_strictly_and_whose_lab_passes(
    tmp_path: Path, roles: str, tiers: str
) -> None:
    init(tmp_path / "course", roles, tiers)
    result = check_course(tmp_path / "course")
    assert [i.format() for i in result.issues] == []
    course = load_course(tmp_path / "course", strict=True)
    assert [r.id for r in course.spec.roles] == roles.split(",")
    assert [t.id for t in course.spec.tiers] == tiers.split(",")
    assert course.title == "Bread: a first course"
    [lab] = verify_labs(course, use_cache=False)
    assert lab.status == "pass", lab.message or lab.failures or lab.failed_checks
    assert [c.status for c in lab.checks] == ["pass", "pass"]  # the starter lab's grading checks


def test_a_started_course_grades_its_students_folders_in_one_command(tmp_path: Path) -> None:
    init(tmp_path / "course", "learner", "L1")
    for student, total in (("s001", "10\n"), ("s002", "12\n")):
        folder = tmp_path / "class" / student
        folder.mkdir(parents=True)
        (folder / "items.csv").write_text((tmp_path / "course/labs/data/items.csv").read_text())
        (folder / "total.txt").write_text(total)
    args = ["grade", "first-lab", str(tmp_path / "class"), "--course", str(tmp_path / "course")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    gradebook = (tmp_path / "course/build/grades/first-lab/gradebook.csv").read_text().splitlines()
    assert gradebook[1:] == ["s001,,s001,s001,,3", "s002,,s002,s002,,1"]


def test_init_writes_schemas_ci_and_readme_and_nothing_of_the_bundled_course(tmp_path: Path) -> None:
    init(tmp_path / "course", "baker,owner", "L1,L2")
    root = tmp_path / "course"
    expected = [".gitignore", ".github/workflows/course.yml", "README.md", "mkdocs.yml"]
    expected.append("labs/data/items.csv")
    for rel in expected:
        assert (root / rel).is_file(), rel
    assert (root / "schema" / "lesson.schema.json").is_file()
    workflow = (root / ".github/workflows/course.yml").read_text()
    for command in ("curriculum validate --strict", "curriculum labs verify", "curriculum build"):
        assert command in workflow
    assert "site/" in (root / ".gitignore").read_text()
    files = [p for p in root.rglob("*") if p.is_file() and "schema" not in p.parts]
    texts = {p: p.read_text(encoding="utf-8") for p in files}
    assert {str(p): m.group() for p, t in texts.items() if (m := FLAGSHIP.search(t))} == {}


def test_init_refuses_a_folder_with_files_unless_forced(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    result = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 1
    assert "is not empty" in result.output and "--force" in result.output
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]
    init(tmp_path, "learner", "L1", "--force")
    assert (tmp_path / "notes.txt").read_text() == "mine"


@pytest.mark.parametrize("tiers", ["core", "L1,L1", ""])
def test_bad_role_or_tier_ids_are_clean_errors(tmp_path: Path, tiers: str) -> None:
    result = CliRunner().invoke(main, ["init", str(tmp_path / "c"), "--tiers", tiers])
    assert result.exit_code == 1
    assert "--tiers takes distinct ids" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "c").exists()


@pytest.mark.parametrize(("roles", "tiers"), COURSES)
def test_every_new_scaffold_validates_in_the_course_it_is_written_into(
    tmp_path: Path, roles: str, tiers: str
) -> None:
    root = tmp_path / "course"
    init(root, roles, tiers)
    for args in (
        ["lesson", "my-lesson"],
        ["lab", "my-lab"],
        ["section", "my-section"],
        ["question", "q-mine", "--module", "first-steps"],
    ):
        result = CliRunner().invoke(main, ["new", *args, "--course", str(root)])
        assert result.exit_code == 0, result.output
    result = check_course(root)
    assert [i.format() for i in result.errors] == []
    # What is left are the placement warnings that tell the trainer where to list the new specs.
    assert all("not part of any module" in i.message or "not listed" in i.message for i in result.warnings)
    written = "".join(p.read_text() for p in root.rglob("my-*.yaml"))
    assert not FLAGSHIP.search(written)
    for role in roles.split(","):
        assert f"{role}:" in (root / "curriculum/sections/my-section.yaml").read_text()
    lesson = load_course(root).lessons["my-lesson"]
    assert sorted(lesson.activity.tiers) == sorted(tiers.split(","))
    [lab] = verify_labs(load_course(root), ["my-lab"], use_cache=False)
    assert lab.status == "pass", lab.message or lab.failures
