"""A build redoes only what changed: unchanged decks, workbook and LMS files keep their bytes and mtimes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.build import Built, build_course

pytestmark = pytest.mark.slow
OUTPUTS = ("decks", "bank", "lms")


def stats(folder: Path) -> dict[str, tuple[int, int]]:
    """Each file's inode and modification time: both stay the same for a file that is not rewritten."""
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file() and ".work" not in p.parts and p.name != ".lock"
    }


def notes(report_outputs: list[Built]) -> dict[str, str]:
    return {o.name: o.note for o in report_outputs}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    os.utime(path)


def test_nothing_changed_reuses_every_output(minimal_course: Path) -> None:
    build_course(minimal_course, only=OUTPUTS)
    before = stats(minimal_course / "build")
    again = build_course(minimal_course, only=OUTPUTS)
    assert stats(minimal_course / "build") == before
    assert notes(again.outputs) == {"decks": "36 slides, 4 reused", "bank": "reused", "lms": "reused"}


def test_one_lesson_changed_redraws_its_deck_and_the_day_only(minimal_course: Path) -> None:
    build_course(minimal_course, only=OUTPUTS)
    decks = minimal_course / "build" / "decks"
    before = stats(decks)
    edit(minimal_course / "curriculum/lessons/landing-data.yaml", "key_takeaway:", "key_takeaway: Edited.")
    again = build_course(minimal_course, only=OUTPUTS)
    after = stats(decks)
    changed = sorted(name for name in after if after[name] != before.get(name))
    assert changed == ["landing-data.pptx", "workshop-day-1.pptx"]
    # A lesson's text is not in the question bank or the LMS files.
    assert notes(again.outputs)["bank"] == "reused" and notes(again.outputs)["lms"] == "reused"


def test_a_changed_question_rebuilds_the_bank_and_the_lms_files(minimal_course: Path) -> None:
    build_course(minimal_course, only=OUTPUTS)
    edit(minimal_course / "question_bank/m1-what.yaml", "Which stage comes first", "Which stage is first")
    again = build_course(minimal_course, only=OUTPUTS)
    assert notes(again.outputs)["bank"] == "" and notes(again.outputs)["lms"] == ""
    assert "Which stage is first" in (minimal_course / "build/lms/questions.gift.txt").read_text()
    # No deck shows this question: every deck is reused.
    assert notes(again.outputs)["decks"] == "36 slides, 4 reused"


def test_a_changed_practical_task_redraws_the_day_that_teaches_its_lesson(minimal_course: Path) -> None:
    build_course(minimal_course, only=OUTPUTS)
    decks = minimal_course / "build" / "decks"
    before = stats(decks)
    edit(minimal_course / "question_bank/m1-what.yaml", "Draw the pipeline for", "Sketch the pipeline for")
    build_course(minimal_course, only=OUTPUTS)
    after = stats(decks)
    # The day's deck shows the rubric of its lessons' practical tasks; the lesson decks do not.
    assert sorted(name for name in after if after[name] != before[name]) == ["workshop-day-1.pptx"]


def test_decks_drawn_in_parallel_match_those_drawn_in_one_process(
    minimal_course: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pptx import Presentation

    from generator.load.course_loader import load_course
    from generator.outputs.decks import writer

    def texts(deck: Path) -> list[str]:
        return [
            s.text_frame.text
            for slide in Presentation(str(deck)).slides
            for s in slide.shapes
            if s.has_text_frame
        ]

    course = load_course(minimal_course)
    one = writer.render_decks(course, minimal_course / "one", jobs=1)
    monkeypatch.setattr(writer, "PARALLEL_FROM", 2)  # the fixture has fewer decks than make a pool pay
    drawn: list[Path] = []
    two = writer.render_decks(course, minimal_course / "two", jobs=2, on_deck=drawn.append)
    assert [d.name for d in two] == [d.name for d in one] and sorted(drawn) == sorted(two)
    assert [texts(d) for d in two] == [texts(d) for d in one]


def test_force_rebuilds_everything_and_a_deleted_file_is_rebuilt(minimal_course: Path) -> None:
    build_course(minimal_course, only=OUTPUTS)
    before = stats(minimal_course / "build")
    forced = build_course(minimal_course, only=OUTPUTS, force=True)
    assert all("reused" not in o.note for o in forced.outputs)
    after = stats(minimal_course / "build")
    assert all(after[name] != before[name] for name in before)
    (minimal_course / "build" / "question_bank.xlsx").unlink()
    again = build_course(minimal_course, only=OUTPUTS)
    assert notes(again.outputs)["bank"] == "" and (minimal_course / "build" / "question_bank.xlsx").is_file()
