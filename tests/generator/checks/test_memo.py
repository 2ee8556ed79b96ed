"""The deck rules' remembered verdicts: the same issues as computing them, located afresh, and only reused
for exactly the specs they were reached from."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.checks.limits import deck_slides
from generator.formats.decks.lesson_plan import plan_lesson
from generator.load.course_loader import check_course

LESSON = "curriculum/lessons/landing-data.yaml"


def slide_warnings(course: Path, memo: Path | None) -> list[tuple[str, int, str]]:
    result = check_course(course, memo=memo)
    return [
        (Path(i.location.file).name, i.location.line, i.message)
        for i in result.issues
        if i.rule == "deck-slide-count"
    ]


@pytest.fixture
def crowded(minimal_course: Path) -> Path:
    """The fixture course with a slide range no lesson deck can keep to: every lesson gets a warning."""
    course_file = minimal_course / "curriculum" / "course.yaml"
    text = course_file.read_text(encoding="utf-8")
    course_file.write_text(text + "decks:\n  slides:\n    10-20-10: {min: 2, max: 3}\n", encoding="utf-8")
    return minimal_course


def counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    planned: list[str] = []

    def plan(course, lesson, content):  # type: ignore[no-untyped-def]
        planned.append(lesson.id)
        return plan_lesson(course, lesson, content)

    monkeypatch.setattr(deck_slides, "plan_lesson", plan)
    return planned


def test_remembered_verdicts_give_the_same_issues_without_planning_again(
    crowded: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    memo = tmp_path / "checks.json"
    fresh = slide_warnings(crowded, None)
    assert len(fresh) >= 2 and all("more than the 2-3" in message for _, _, message in fresh)
    assert slide_warnings(crowded, memo) == fresh
    planned = counting(monkeypatch)
    assert slide_warnings(crowded, memo) == fresh
    assert planned == []


def test_an_edited_lesson_is_planned_again_and_a_moved_one_reports_its_new_line(
    crowded: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    memo = tmp_path / "checks.json"
    before = {name: line for name, line, _ in slide_warnings(crowded, memo)}
    lesson = crowded / LESSON
    lesson.write_text("# a comment\n# and another\n" + lesson.read_text(encoding="utf-8"), encoding="utf-8")
    planned = counting(monkeypatch)
    moved = {name: line for name, line, _ in slide_warnings(crowded, memo)}
    assert planned == [], "two comment lines change no verdict"
    assert moved["landing-data.yaml"] == before["landing-data.yaml"] + 2
    text = lesson.read_text(encoding="utf-8").replace("key_takeaway: ", "key_takeaway: Edited. ", 1)
    lesson.write_text(text, encoding="utf-8")
    slide_warnings(crowded, memo)
    assert planned == ["landing-data"]


def test_a_changed_slide_range_plans_every_lesson_again(
    crowded: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    memo = tmp_path / "checks.json"
    lessons = len(slide_warnings(crowded, memo))
    course_file = crowded / "curriculum" / "course.yaml"
    course_file.write_text(
        course_file.read_text(encoding="utf-8").replace("max: 3", "max: 4"), encoding="utf-8"
    )
    planned = counting(monkeypatch)
    assert all("more than the 2-4" in message for _, _, message in slide_warnings(crowded, memo))
    assert len(planned) == lessons


def test_an_unreadable_memo_is_ignored_and_replaced(crowded: Path, tmp_path: Path) -> None:
    memo = tmp_path / "checks.json"
    memo.write_text("{not json", encoding="utf-8")
    assert slide_warnings(crowded, memo) == slide_warnings(crowded, None)
    assert memo.read_text(encoding="utf-8").startswith('{"version"')


@pytest.mark.parametrize(
    "case", ["deck-too-many-slides", "table-cell-too-long-for-a-slide", "slide-title-cut"]
)
def test_a_broken_course_reports_the_same_with_remembered_verdicts(
    case: str, minimal_course: Path, tmp_path: Path
) -> None:
    import yaml

    from tests.conftest import FIXTURES
    from tests.generator.test_broken_courses import apply_mutation

    folder = FIXTURES / "courses" / "broken" / case
    apply_mutation(minimal_course, yaml.safe_load((folder / "mutation.yaml").read_text(encoding="utf-8")))
    memo = tmp_path / "checks.json"
    reports = [
        "".join(
            f"{i.level} {i.format()}\n"
            for i in check_course(minimal_course, display_base=minimal_course, memo=m).issues
        )
        for m in (memo, memo)  # computed and remembered, then read back
    ]
    assert reports[0] == reports[1] == (folder / "expected.txt").read_text(encoding="utf-8")
    assert memo.is_file()
