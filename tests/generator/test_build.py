"""`curriculum build` over the output registry: one face for all outputs; a failing output spares the rest."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.build import build_course
from generator.cli.commands import main
from generator.outputs import registry


def explode(*args: object) -> None:
    """A bug met half-way through the decks, after the lesson decks were written."""
    raise RuntimeError("boom")


@pytest.mark.slow
def test_every_output_returns_the_files_it_wrote(minimal_course: Path) -> None:
    report = build_course(minimal_course)
    assert [o.name for o in report.outputs] == list(registry.OUTPUTS)
    site_dir, build_dir = minimal_course / "site", minimal_course / "build"
    for out in report.outputs:
        assert not out.error, out.error
        place = registry.OUTPUTS[out.name].place(site_dir, build_dir)
        assert out.files > 0, out.name
        assert out.path == place or out.path.parent == place, out.name
    decks = next(o for o in report.outputs if o.name == "decks")
    assert decks.files == len(list((build_dir / "decks").glob("*.pptx")))
    assert decks.note.endswith("slides")


def test_a_renderer_bug_fails_its_output_only_and_keeps_its_last_good_version(
    minimal_course: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = build_course(minimal_course, only=("decks", "lms"))
    decks = minimal_course / "build" / "decks"
    before = sorted(p.name for p in decks.iterdir())
    assert not first.failed and before

    monkeypatch.setattr("generator.outputs.decks.workshop.day_slides", explode)
    (minimal_course / "build" / "lms" / "questions.gift.txt").unlink()
    argv = ["build", str(minimal_course), "--only", "decks", "--only", "lms", "--force"]
    result = CliRunner().invoke(main, argv)

    assert result.exit_code == 1
    assert "internal error" in result.output and "RuntimeError: boom" in result.output
    assert sorted(p.name for p in decks.iterdir()) == before  # nothing half-swapped
    assert list((minimal_course / "build" / ".staging").iterdir()) == []  # and nothing left staged
    lms = sorted(p.name for p in (minimal_course / "build" / "lms").iterdir())
    assert len(lms) == 3  # the output after the failing one was still built


def test_a_course_problem_in_one_output_is_a_clean_error(
    minimal_course: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "generator.formats.decks.master.BUILTIN_MASTER", minimal_course / "missing" / "default.pptx"
    )
    result = CliRunner().invoke(main, ["build", str(minimal_course), "--only", "decks", "--only", "bank"])
    assert result.exit_code == 1
    assert "error: decks: the built-in deck master" in result.output
    assert "Traceback" not in result.output
    assert (minimal_course / "build" / "question_bank.xlsx").is_file()
