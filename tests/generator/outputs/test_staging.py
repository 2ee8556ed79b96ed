"""Killed and concurrent builds never lose the last good output and leave no debris behind."""

from __future__ import annotations

import fcntl
from pathlib import Path

import pytest

from generator.build import build_course
from generator.errors import ToolkitError
from generator.outputs.staging import _slot, recover, staged_folder


def test_a_build_killed_between_the_two_renames_gets_its_old_output_back(tmp_path: Path) -> None:
    area, target = tmp_path / "build" / ".staging", tmp_path / "site"
    with staged_folder(target, area) as staging:
        (staging / "index.html").write_text("good")
    # What a kill right after `target -> old` leaves: a journal, the old version parked, no target.
    journal, old = _slot(area, target)
    journal.write_text(str(target.resolve()))
    target.rename(old)
    (area / "stage-site-abc123").mkdir()
    assert not target.exists()

    recover(area)

    assert (target / "index.html").read_text() == "good"
    assert list(area.iterdir()) == []


def test_a_failed_block_leaves_the_target_and_no_staging(tmp_path: Path) -> None:
    area, target = tmp_path / ".staging", tmp_path / "decks"
    target.mkdir()
    (target / "a.pptx").write_text("last good")
    with pytest.raises(RuntimeError), staged_folder(target, area) as staging:
        (staging / "a.pptx").write_text("half")
        raise RuntimeError("killed")
    assert (target / "a.pptx").read_text() == "last good"
    assert list(area.iterdir()) == []


def test_builds_stage_inside_build_and_clean_what_a_killed_build_left(minimal_course: Path) -> None:
    stale = minimal_course / "build" / ".staging" / "stage-decks-x1y2"
    stale.mkdir(parents=True)
    (stale / "half.pptx").write_text("debris")
    build_course(minimal_course, only=("site", "lms"))
    assert not stale.exists()
    assert [p.name for p in minimal_course.iterdir() if p.name.startswith(".")] == []
    assert list((minimal_course / "build" / ".staging").iterdir()) == []


def test_a_second_build_of_the_same_course_says_one_is_running(minimal_course: Path) -> None:
    build_dir = minimal_course / "build"
    build_dir.mkdir()
    with open(build_dir / ".lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(ToolkitError, match="another `curriculum build` of this course is running"):
            build_course(minimal_course, only=("lms",))
    assert not (build_dir / "lms").exists()
