"""Handouts hold what students do (activities with tier variants, lab steps, checkpoints), nothing else."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli.commands import main
from generator.load.course_loader import check_course, load_course
from generator.model.course import Course
from generator.outputs.handouts.plan import plan_handouts
from generator.outputs.handouts.writer import write_handouts
from generator.outputs.printing.pdf import find_chromium
from generator.outputs.printing.settings import Printing
from tests.conftest import FIXTURES, MINIMAL, REPO
from tests.hostile import make_hostile, page_hazards
from tests.printing import needs_chromium, needs_poppler, pdf_info, pdf_text

BREAD = FIXTURES / "courses" / "hearth-bread"
COURSES = {"minimal": MINIMAL, "hearth-bread": BREAD, "bundled": REPO}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def visible(html: str) -> str:
    """What a reader of the page sees, spaces collapsed (style sheets left out)."""
    parser = _Text()
    parser.feed(re.sub(r"<style>.*?</style>", "", html, flags=re.DOTALL))
    return " ".join(" ".join(parser.parts).split())


def squash(text: str) -> str:
    return " ".join(text.split())


def hidden_texts(course: Course) -> list[str]:
    """Everything a student must never read on a handout."""
    hidden = []
    for lesson in course.lessons.values():
        hidden += [lesson.facilitator_notes, *(m.intervention for m in lesson.critical_moments)]
        hidden += [*lesson.debrief.questions]  # the facilitator's prompts, asked aloud
    for lab in course.labs.values():
        hidden += [lab.facilitator_notes, *(c.answer for c in lab.checkpoints)]
        hidden += [s.expected_output for s in lab.steps if s.output_is_answer and s.expected_output]
        for check in (c for c in lab.grading if c.hidden):  # hidden grading checks: never to students
            hidden += [*check.commands, check.expected_output, check.message]
    for day in course.workshops.values():
        hidden += [b.notes for b in day.blocks]
    return [squash(t) for t in hidden if t and len(squash(t)) > 12]


@pytest.fixture(scope="module", params=list(COURSES))
def written(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Course, Path]:
    course = load_course(COURSES[request.param])
    out = tmp_path_factory.mktemp("handouts") / "handouts"
    write_handouts(course, out)
    return course, out


def test_one_handout_per_placed_lesson_lab_and_day(written: tuple[Course, Path]) -> None:
    course, out = written
    placed_lessons = {i for m in course.modules for i in m.lessons}
    placed_labs = {i for m in course.modules for i in m.labs}
    for day in course.ordered_workshops():
        placed_lessons |= {b.lesson for b in day.blocks if b.lesson}
        placed_labs |= {b.lab for b in day.blocks if b.lab}
    assert {p.stem for p in (out / "lessons").glob("*.html")} == placed_lessons
    assert {p.stem for p in (out / "labs").glob("*.html")} == placed_labs
    days = {p.stem for p in (out / "days").glob("*.html")} if (out / "days").is_dir() else set()
    assert days == {d.id for d in course.ordered_workshops() if any(b.lesson or b.lab for b in d.blocks)}
    index = (out / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{h.path}"' in index for h in plan_handouts(course))


def test_students_see_what_they_do(written: tuple[Course, Path]) -> None:
    course, out = written
    tiers = {t.id: t.name for t in course.spec.tiers}
    for path in (out / "lessons").glob("*.html"):
        lesson = course.lessons[path.stem]
        text = visible(path.read_text(encoding="utf-8"))
        assert squash(lesson.activity.title) in text
        assert all(f"{tier} · {tiers[tier]}" in text for tier in lesson.activity.tiers)
    for path in (out / "labs").glob("*.html"):
        lab = course.labs[path.stem]
        text = visible(path.read_text(encoding="utf-8"))
        for number, step in enumerate(lab.steps, 1):
            assert f"Step {number}:" in text
            assert all(squash(command) in text for command in step.commands)
        assert text.count("Checkpoint questions") == (1 if lab.checkpoints else 0)
    # Further reading, printed: web addresses in full, course files by their path.
    for path in [*(out / "lessons").glob("*.html"), *(out / "labs").glob("*.html")]:
        owner = course.lessons.get(path.stem) or course.labs[path.stem]
        text = visible(path.read_text(encoding="utf-8"))
        assert text.count("Further reading") == (1 if owner.resources else 0)
        for r in owner.resources:
            assert squash(r.title) in text and (r.url or f"course file {r.course_file}") in text


def test_no_answer_or_facilitator_text_reaches_a_handout(written: tuple[Course, Path]) -> None:
    course, out = written
    hidden = hidden_texts(course)
    assert hidden, "the fixture must hold instructor-only text for this test to mean anything"
    for path in out.rglob("*.html"):
        text = visible(path.read_text(encoding="utf-8"))
        leaked = [h[:60] for h in hidden if h in text]
        assert leaked == [], f"{path.name} shows {leaked}"


def test_an_output_marked_as_the_answer_leaves_space_to_write_it(tmp_path: Path) -> None:
    course = load_course(BREAD)
    write_handouts(course, tmp_path / "out")
    text = visible((tmp_path / "out" / "labs" / "hydration-report.html").read_text(encoding="utf-8"))
    assert "baguette 1 country 3 rye 2" in text  # a step's output that is not the answer is shown
    assert "Write down what it prints" in text and "83%" not in text


def test_no_spec_text_can_run_script_in_a_handout(minimal_course: Path, tmp_path: Path) -> None:
    make_hostile(minimal_course)
    result = check_course(minimal_course)
    assert not result.errors, [i.format() for i in result.errors]
    assert result.course is not None
    files = write_handouts(result.course, tmp_path / "out")
    for path in files:
        hazards, scripts = page_hazards(path.read_text(encoding="utf-8"))
        assert (hazards, scripts) == ([], []), path.name


def test_a_course_template_overrides_the_built_in_one(minimal_course: Path, tmp_path: Path) -> None:
    spec = minimal_course / "curriculum" / "course.yaml"
    spec.write_text(spec.read_text(encoding="utf-8") + "templates: my_templates\n", encoding="utf-8")
    own = minimal_course / "my_templates" / "handouts"
    own.mkdir(parents=True)
    (own / "index.html.j2").write_text("<p>Our own list: {{ handouts | length }}</p>\n", encoding="utf-8")
    course = load_course(minimal_course)
    write_handouts(course, tmp_path / "out")
    assert (tmp_path / "out" / "index.html").read_text(encoding="utf-8").startswith("<p>Our own list: ")
    lesson = tmp_path / "out" / "lessons" / "landing-data.html"
    assert "<!DOCTYPE html>" in lesson.read_text(encoding="utf-8")


@pytest.mark.slow
@needs_chromium
@needs_poppler
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_pdfs_print_on_the_chosen_paper(tmp_path: Path, paper: str) -> None:
    course = load_course(BREAD)
    browser = find_chromium()
    assert browser
    files = write_handouts(course, tmp_path / "out", Printing(paper, browser))  # type: ignore[arg-type]
    pdfs = sorted(f for f in files if f.suffix == ".pdf")
    assert [p.relative_to(tmp_path / "out").as_posix() for p in pdfs] == [
        "labs/count-the-bakes.pdf",
        "labs/hydration-report.pdf",
        "lessons/bake-log.pdf",
        "lessons/hydration.pdf",
    ]
    assert pdf_info(pdfs[0])["Page size"].endswith("(A4)" if paper == "a4" else "(letter)")
    lab = pdf_text(tmp_path / "out" / "labs" / "hydration-report.pdf")
    assert "Step 2: Hydration per bake" in lab and "Write down what it prints" in lab
    assert "83%" not in lab and "Bake 5, the rye" not in lab
    lesson = pdf_text(tmp_path / "out" / "lessons" / "hydration.pdf")
    assert "L2 · Own recipe" in lesson and "towel" not in lesson


@pytest.mark.slow
@needs_chromium
def test_printing_again_keeps_the_pdfs_of_unchanged_handouts(tmp_path: Path) -> None:
    course = load_course(BREAD)
    browser = find_chromium()
    assert browser
    out = tmp_path / "out"
    write_handouts(course, out, Printing("a4", browser))  # type: ignore[arg-type]
    before = {p.name: p.stat().st_mtime_ns for p in out.rglob("*.pdf")}
    kept: list[Path] = []
    files = write_handouts(course, out, Printing("a4", browser), kept=kept)  # type: ignore[arg-type]
    assert {p.name: p.stat().st_mtime_ns for p in out.rglob("*.pdf")} == before
    assert sorted(p.name for p in kept if p.suffix == ".pdf") == sorted(before)
    assert sorted(f.name for f in files if f.suffix == ".pdf") == sorted(before)
    # on other paper every page differs, so every PDF is printed again
    write_handouts(course, out, Printing("letter", browser))  # type: ignore[arg-type]
    assert all(p.stat().st_mtime_ns != before[p.name] for p in out.rglob("*.pdf"))


def _bread(tmp_path: Path) -> Path:
    course = tmp_path / "bread"
    shutil.copytree(BREAD, course, ignore=shutil.ignore_patterns("site", "build"))
    return course


def test_cli_writes_html_and_says_so_without_chromium(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    course = _bread(tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path / "no-browsers-here"))
    result = CliRunner().invoke(main, ["handouts", str(course)])
    assert result.exit_code == 0, result.output
    assert "no Chromium on PATH" in result.output and "writing HTML only" in result.output
    assert "wrote 4 handouts (HTML)" in result.output
    assert sorted(p.name for p in (course / "build" / "handouts" / "labs").iterdir()) == [
        "count-the-bakes.html",
        "hydration-report.html",
    ]


def test_cli_refuses_an_out_folder_of_other_files(tmp_path: Path) -> None:
    course = _bread(tmp_path)
    theirs = tmp_path / "documents"
    theirs.mkdir()
    (theirs / "thesis.txt").write_text("years of work", encoding="utf-8")
    result = CliRunner().invoke(main, ["handouts", str(course), "--out", str(theirs), "--no-pdf"])
    assert result.exit_code == 1
    assert "already holds other files" in result.output and "Traceback" not in result.output
    assert sorted(p.name for p in theirs.iterdir()) == ["thesis.txt"]
    again = CliRunner().invoke(main, ["handouts", str(course), "--out", str(tmp_path / "new"), "--no-pdf"])
    assert again.exit_code == 0, again.output
    rerun = CliRunner().invoke(main, ["handouts", str(course), "--out", str(tmp_path / "new"), "--no-pdf"])
    assert rerun.exit_code == 0, rerun.output  # its own folder may be replaced


def test_cli_reports_a_broken_course_without_writing(minimal_course: Path) -> None:
    lesson = minimal_course / "curriculum" / "lessons" / "landing-data.yaml"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["handouts", str(minimal_course), "--no-pdf"])
    assert result.exit_code == 1 and "titel" in result.output and "Traceback" not in result.output
    assert not (minimal_course / "build" / "handouts").exists()


def test_the_build_reuses_unchanged_handouts_and_redoes_edited_ones(minimal_course: Path) -> None:
    from generator.build import build_course

    first = build_course(minimal_course, only=("handouts",))
    assert [(o.name, o.note) for o in first.outputs] == [("handouts", "")]
    page = minimal_course / "build" / "handouts" / "lessons" / "landing-data.html"
    before = page.stat().st_mtime_ns
    again = build_course(minimal_course, only=("handouts",))
    assert again.outputs[0].note == "reused" and page.stat().st_mtime_ns == before
    lesson = minimal_course / "curriculum" / "lessons" / "landing-data.yaml"
    text = lesson.read_text(encoding="utf-8")
    assert text.count("title: ") >= 1
    lesson.write_text(text.replace("title: ", "title: Renamed ", 1), encoding="utf-8")
    other = page.with_name("what-is-a-pipeline.html")
    kept = (other.stat().st_ino, other.stat().st_mtime_ns)
    edited = build_course(minimal_course, only=("handouts",))
    assert "Renamed" in page.read_text(encoding="utf-8")
    # the other lesson's handout is the same file, untouched; the day and the index list the new title
    assert (other.stat().st_ino, other.stat().st_mtime_ns) == kept
    assert edited.outputs[0].note.endswith(" unchanged") and edited.outputs[0].note != "0 unchanged"
