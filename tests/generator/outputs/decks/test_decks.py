"""Decks of the fixture and bundled courses: reopened with python-pptx, and rendered by LibreOffice."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE, MSO_SHAPE_TYPE
from pptx.oxml.ns import qn

from generator.formats.decks.markdown import plain
from generator.load.course_loader import check_course, load_course
from generator.model.course import Course
from generator.outputs.decks.writer import render_decks
from tests.conftest import FIXTURES, MINIMAL, REPO
from tests.generator.outputs.decks import deck_pdf
from tests.site_checks import fragments, instructor_only_texts, public_text

ARTIFACTS = REPO / "build" / "test-artifacts" / "decks"
FIXTURE_DECKS = {
    "what-is-a-pipeline.pptx": 7,  # title, objectives + agenda, 3 key points, activity, debrief
    "landing-data.pptx": 6,  # 2 key points
    "workshop-day-1.pptx": 19,
    "layered-view.pptx": 4,
}


@pytest.fixture(scope="module")
def fixture_course() -> Course:
    return load_course(MINIMAL)


@pytest.fixture(scope="module")
def fixture_decks(fixture_course: Course, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    seen: list[Path] = []
    decks = render_decks(fixture_course, tmp_path_factory.mktemp("decks"), on_deck=seen.append)
    assert seen == decks
    return {d.name: d for d in decks}


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Course, list[Path]] | None:
    course = check_course(REPO).course
    if course is None:
        return None
    return course, render_decks(course, tmp_path_factory.mktemp("bundled"))


BREAD = FIXTURES / "courses" / "hearth-bread"


def slides_text(deck: Path) -> list[tuple[str, str, str]]:
    """(title, face text, notes) per slide."""
    out = []
    for slide in Presentation(str(deck)).slides:
        title = slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""
        face = " ".join(deck_pdf.slide_text(slide).split())
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        out.append((title, face, notes))
    return out


def test_one_deck_per_lesson_and_day_plus_the_pipeline_view(fixture_decks: dict[str, Path]) -> None:
    assert {name: len(Presentation(str(p)).slides) for name, p in fixture_decks.items()} == FIXTURE_DECKS


def test_lesson_deck_titles_follow_the_lesson(fixture_decks: dict[str, Path]) -> None:
    titles = [t for t, _, _ in slides_text(fixture_decks["what-is-a-pipeline.pptx"])]
    assert titles == [
        "What is a data pipeline?",
        "Objectives and agenda",
        "Key point 1 of 3",
        "Key point 2 of 3",
        "Key point 3 of 3",
        "Activity: Draw the pipeline",
        "Debrief",
    ]


def test_every_slide_has_notes_and_no_empty_placeholder(
    fixture_decks: dict[str, Path], bundled: tuple[Course, list[Path]] | None
) -> None:
    decks = [*fixture_decks.values(), *(bundled[1] if bundled else [])]
    for deck in decks:
        for number, slide in enumerate(Presentation(str(deck)).slides, start=1):
            where = f"{deck.name} slide {number}"
            assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip(), where
            for shape in slide.placeholders:
                assert shape.has_text_frame and shape.text_frame.text.strip(), f"{where}: empty {shape.name}"


def test_timing_of_each_part_is_in_the_speaker_notes(fixture_decks: dict[str, Path]) -> None:
    notes = [n for _, _, n in slides_text(fixture_decks["what-is-a-pipeline.pptx"])]
    assert "Lecture 0:00-0:10, Activity 0:10-0:30, Debrief 0:30-0:40" in notes[0]
    assert all(n.startswith("Lecture 0:00-0:10") for n in notes[2:5])
    assert notes[5].startswith("Activity 0:10-0:30") and notes[6].startswith("Debrief 0:30-0:40")
    day = [n for _, _, n in slides_text(fixture_decks["workshop-day-1.pptx"])]
    assert any(n.startswith("Lecture 0:00-0:10 (09:10-09:20)") for n in day)


def test_facilitator_notes_are_in_speaker_notes_only(
    fixture_course: Course, fixture_decks: dict[str, Path], bundled: tuple[Course, list[Path]] | None
) -> None:
    runs = [(fixture_course, list(fixture_decks.values()))] + ([bundled] if bundled else [])
    for course, decks in runs:
        shared = public_text(course)
        needles = {f for t in instructor_only_texts(course) for f in fragments(t) if f not in shared}
        faces = {d.name: " ".join(face for _, face, _ in slides_text(d)) for d in decks}
        leaked = [f"{name}: {n!r}" for name, face in faces.items() for n in needles if n in face]
        assert leaked == []
    notes = " ".join(n for _, _, n in slides_text(fixture_decks["what-is-a-pipeline.pptx"]))
    lesson = fixture_course.lessons["what-is-a-pipeline"]
    assert plain(lesson.facilitator_notes) in " ".join(notes.split())
    assert "Hand them the L1 template." in notes and "Monday spreadsheet" in notes


def test_lecture_notes_keep_their_emphasis_as_italic_runs(fixture_decks: dict[str, Path]) -> None:
    slides = Presentation(str(fixture_decks["what-is-a-pipeline.pptx"])).slides
    runs = [r for s in slides for p in s.notes_slide.notes_text_frame.paragraphs for r in p.runs]
    assert any(r.text == "Monday spreadsheet" and r.font.italic for r in runs)


def test_tier_variants_are_labelled_on_the_activity_slide(fixture_decks: dict[str, Path]) -> None:
    _, face, notes = slides_text(fixture_decks["what-is-a-pipeline.pptx"])[5]
    assert "L1 Templates: Fill in the blank four-box template." in face
    assert "L3 Advanced: Add failure handling to every arrow." in face
    assert "Expected outcome" in notes and "Expected outcome" not in face


def test_the_diagram_is_native_rounded_boxes_joined_by_arrows(fixture_decks: dict[str, Path]) -> None:
    slide = Presentation(str(fixture_decks["what-is-a-pipeline.pptx"])).slides[3]  # "Four stages: ..."
    boxes = [
        s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE and s.name.startswith("Step")
    ]
    assert [b.text_frame.text for b in boxes] == ["Ingest", "Transform", "Store", "Serve"]
    assert all(b.auto_shape_type == MSO_SHAPE.ROUNDED_RECTANGLE for b in boxes)
    arrows = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.LINE]
    assert len(arrows) == 3
    for arrow in arrows:
        xml = arrow._element
        assert xml.find(f".//{qn('a:tailEnd')}").get("type") == "triangle"
        assert xml.find(f".//{qn('a:stCxn')}") is not None and xml.find(f".//{qn('a:endCxn')}") is not None
    assert not any(s.shape_type == MSO_SHAPE_TYPE.PICTURE for s in slide.shapes)


def test_workshop_deck_has_a_timetable_table_and_break_slides_with_clock_times(
    fixture_decks: dict[str, Path],
) -> None:
    deck = Presentation(str(fixture_decks["workshop-day-1.pptx"]))
    table = next(s.table for s in deck.slides[2].shapes if s.has_table)
    rows = [[c.text_frame.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["Time", "Session", "Min"]
    assert rows[1] == ["09:00-09:10", "Opening", "10"]
    assert rows[3] == ["09:50-10:05", "Coffee break", "15"]
    texts = slides_text(fixture_decks["workshop-day-1.pptx"])
    coffee = next(t for t in texts if t[0] == "Coffee break")
    assert coffee[1] == "Coffee break 09:50-10:05 · back at 10:05"
    # a block's instructor notes ride in the divider's speaker notes, not on its face
    wrap_up = texts[-1]
    assert "Collect one-word feedback." in wrap_up[2] and "feedback" not in wrap_up[1]


def test_decks_stay_inside_their_slides_when_rendered(
    fixture_decks: dict[str, Path],
    bundled: tuple[Course, list[Path]] | None,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """LibreOffice renders every deck; every word must lie on its slide, inside a shape, and be drawn."""
    assert deck_pdf.tools_present(), "LibreOffice and poppler-utils are needed: run `make system-deps`"
    tmp = tmp_path_factory.mktemp("pdf")
    # the fixture course again on python-pptx's own 4:3 Calibri master: other geometry, same guarantee
    four_three = tmp / "four-three"
    Presentation().save(str(tmp / "plain.pptx"))
    other = [
        d.rename(d.with_name("4x3-" + d.name))
        for d in render_decks(load_course(MINIMAL), four_three, template=tmp / "plain.pptx")
    ]
    # the second fixture course: lesson tables drawn as real tables, on both masters
    bread = load_course(BREAD)
    other += [d.rename(d.with_name("bread-" + d.name)) for d in render_decks(bread, tmp / "bread")]
    other += [
        d.rename(d.with_name("bread-4x3-" + d.name))
        for d in render_decks(bread, tmp / "bread-4x3", template=tmp / "plain.pptx")
    ]
    decks = [*fixture_decks.values(), *other, *(bundled[1] if bundled else [])]
    pdfs = deck_pdf.to_pdf(decks, tmp / "out", tmp / "profile")
    problems = [
        p for deck, pdf in zip(decks, pdfs, strict=True) for p in deck_pdf.overflow_problems(deck, pdf)
    ]
    assert problems == []
    # rendered slides of the fixture course, kept for reviewers
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    for pdf in pdfs[: len(fixture_decks)]:
        subprocess.run(["pdftoppm", "-png", "-r", "50", str(pdf), str(ARTIFACTS / pdf.stem)], check=True)
    assert len(list(ARTIFACTS.glob("*.png"))) == sum(FIXTURE_DECKS.values())
    if bundled:  # and three of the bundled course: a lesson, its first workshop day, its layered view
        course, built = bundled
        view = course.pipeline_view
        wanted = {f"{next(iter(course.lessons))}.pptx", f"workshop-{course.ordered_workshops()[0].id}.pptx"}
        wanted |= {f"{view.id}.pptx"} if view else set()
        (ARTIFACTS / "bundled").mkdir()
        for deck, pdf in zip(decks, pdfs, strict=True):
            if deck in built and deck.name in wanted:
                subprocess.run(
                    ["pdftoppm", "-png", "-r", "50", str(pdf), str(ARTIFACTS / "bundled" / deck.stem)],
                    check=True,
                )
        assert {
            png.name.rsplit("-", 1)[0] + ".pptx" for png in (ARTIFACTS / "bundled").glob("*.png")
        } == wanted


def test_the_overflow_check_catches_text_off_a_box_and_off_the_slide(tmp_path: Path) -> None:
    """The rendering check can fail: a box with far too much text, another hanging off the slide."""
    from pptx.util import Inches, Pt

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    crowded = slide.shapes.add_textbox(Inches(1), Inches(1), Inches(3), Inches(1))
    crowded.text_frame.word_wrap = True
    crowded.text_frame.text = "overflowing words " * 40
    crowded.text_frame.paragraphs[0].runs[0].font.size = Pt(18)
    off = slide.shapes.add_textbox(Inches(8), Inches(7), Inches(3), Inches(1))
    off.text_frame.text = "beyond the edge"
    deck = tmp_path / "bad.pptx"
    prs.save(str(deck))
    (pdf,) = deck_pdf.to_pdf([deck], tmp_path / "out", tmp_path / "profile")
    problems = "\n".join(deck_pdf.overflow_problems(deck, pdf))
    assert re.search(r"'overflowing' lies outside its text box", problems)
    assert "runs off the slide" in problems or "not rendered" in problems


def test_the_bundled_course_has_a_deck_per_lesson_and_day(bundled: tuple[Course, list[Path]] | None) -> None:
    if bundled is None:
        pytest.skip("the bundled course does not load yet")
    course, decks = bundled
    names = {d.name for d in decks}
    assert {f"{lesson_id}.pptx" for lesson_id in course.lessons} <= names
    assert {f"workshop-{d.id}.pptx" for d in course.workshops.values()} <= names
    # each lesson deck: title, objectives/agenda, key points, activity, debrief (+ further reading): 5-7
    counts = {}
    for lesson in course.lessons.values():
        slides = Presentation(str(next(d for d in decks if d.name == f"{lesson.id}.pptx"))).slides
        counts[lesson.id] = len(slides)
        titles = [s.shapes.title.text_frame.text for s in slides]
        assert titles[0] == plain(lesson.title) or titles[0].endswith("…")
        assert titles[-1] == ("Further reading" if lesson.resources else "Debrief")
        assert not any(t.endswith("(cont.)") for t in titles), lesson.id
    assert {k: v for k, v in counts.items() if not 5 <= v <= 7} == {}


def test_the_rubric_marking_a_days_practical_task_is_shown_as_a_table(
    minimal_course: Path, tmp_path: Path
) -> None:
    bank = minimal_course / "question_bank" / "m1-what.yaml"
    text = bank.read_text(encoding="utf-8")
    bank.write_text(
        text.replace("    points: 5\n", "    points: 5\n    rubric: presentation\n", 1), encoding="utf-8"
    )
    course = load_course(minimal_course)
    day = next(d for d in render_decks(course, tmp_path) if d.name.startswith("workshop-"))
    slide = next(
        s for s in Presentation(str(day)).slides if s.shapes.title.text_frame.text.startswith("Rubric")
    )
    table = next(s.table for s in slide.shapes if s.has_table)
    rows = [[c.text_frame.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["Criterion", "Excellent (4)", "Good (3)", "Needs Work (2)", "Incomplete (1)"]
    assert rows[1][0] == "Clarity of pipeline\n60%" and rows[2][4] == "One or none."
    guidance = "Ask the presenter to trace one record end to end."
    assert guidance in slide.notes_slide.notes_text_frame.text and guidance not in deck_pdf.slide_text(slide)


def test_a_failed_render_leaves_the_last_good_decks_in_place(
    minimal_course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "build" / "decks"
    course = load_course(minimal_course)
    good = render_decks(course, out)

    def fail(*_: object) -> None:
        raise RuntimeError("a renderer bug")  # content limits are checks' errors; this is a bug

    monkeypatch.setattr("generator.outputs.decks.workshop.day_slides", fail)
    with pytest.raises(RuntimeError, match="a renderer bug"):
        render_decks(course, out)
    assert sorted(out.iterdir()) == sorted(good)
    assert [p.name for p in out.parent.iterdir()] == ["decks"], "no staging folder is left behind"


@pytest.fixture(scope="module")
def every_slide(
    fixture_decks: dict[str, Path],
    bundled: tuple[Course, list[Path]] | None,
    tmp_path_factory: pytest.TempPathFactory,
) -> list[tuple[str, int, Any]]:
    """(deck name, slide number, slide) of every deck of both fixture courses and the bundled course."""
    bread = render_decks(load_course(BREAD), tmp_path_factory.mktemp("bread"))
    decks = [*fixture_decks.values(), *bread, *(bundled[1] if bundled else [])]
    return [
        (deck.name, number, slide)
        for deck in decks
        for number, slide in enumerate(Presentation(str(deck)).slides, start=1)
    ]


def _shapes(shapes: Any) -> Iterator[Any]:
    for shape in shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from _shapes(shape.shapes)
        else:
            yield shape


def _frames(slide: Any) -> Iterator[tuple[Any, Any]]:
    """(shape, text frame) of every text on the slide, table cells included."""
    for shape in _shapes(slide.shapes):
        if shape.has_text_frame:
            yield shape, shape.text_frame
        if getattr(shape, "has_table", False):
            for row in shape.table.rows:
                for cell in row.cells:
                    yield shape, cell.text_frame


def test_no_text_on_any_slide_is_smaller_than_14_pt(every_slide: list[tuple[str, int, Any]]) -> None:
    """Readable from the back of a room: every run of every deck is 14 pt or larger."""
    small = [
        f"{deck} slide {number} {shape.name}: {run.text[:30]!r}"
        for deck, number, slide in every_slide
        for shape, frame in _frames(slide)
        for para in frame.paragraphs
        for run in para.runs
        if run.text.strip() and (run.font.size is None or run.font.size.pt < 14)
    ]
    assert small == []


def test_no_continued_slide_holds_a_lone_bullet_or_row(every_slide: list[tuple[str, int, Any]]) -> None:
    lone = []
    for deck, number, slide in every_slide:
        title = slide.shapes.title
        if title is None or not title.text_frame.text.endswith("(cont.)"):
            continue
        paras = [
            p
            for shape, frame in _frames(slide)
            if shape != title and not getattr(shape, "has_table", False)
            for p in frame.paragraphs
            if p.text.strip()
        ]
        rows = [len(s.table.rows) - 1 for s in _shapes(slide.shapes) if getattr(s, "has_table", False)]
        if len(paras) + sum(rows) < 2:
            lone.append(f"{deck} slide {number}: {title.text_frame.text}")
    assert lone == []


def test_a_lesson_with_resources_ends_its_deck_on_further_reading(
    minimal_course: Path, tmp_path: Path
) -> None:
    lesson = minimal_course / "curriculum/lessons/what-is-a-pipeline.yaml"
    lesson.write_text(
        lesson.read_text(encoding="utf-8")
        + "resources:\n  - title: Pipelines, *explained*\n    url: https://example.org/pipelines\n"
        "    note: Read the first part.\n  - title: Our checklist\n    file: handouts/checklist.md\n",
        encoding="utf-8",
    )
    (minimal_course / "handouts").mkdir()
    (minimal_course / "handouts/checklist.md").write_text("# Checklist\n", encoding="utf-8")
    decks = render_decks(load_course(minimal_course), tmp_path / "decks")
    texts = slides_text(next(d for d in decks if d.name == "what-is-a-pipeline.pptx"))

    assert len(texts) <= 7, "the key points share slides to make room"
    title, face, notes = texts[-1]
    assert title == "Further reading"
    assert "Pipelines, explained" in face and "https://example.org/pipelines" in face
    assert "handouts/checklist.md" in face
    assert "Read the first part." in notes and "Read the first part." not in face


def test_the_pipeline_view_opens_on_one_flow_of_every_layer_in_order(
    fixture_course: Course, fixture_decks: dict[str, Path], bundled: tuple[Course, list[Path]] | None
) -> None:
    """The same flow as the site's layered view: a box per layer, in the view's order, named as the layer."""
    runs = [(fixture_course, fixture_decks.values())] + ([bundled] if bundled else [])
    for course, decks in runs:
        view = course.pipeline_view
        assert view is not None
        deck = next(d for d in decks if d.name == f"{view.id}.pptx")
        flow = Presentation(str(deck)).slides[1]
        boxes = [s for s in flow.shapes if s.name.startswith("Step ")]
        assert [b.text_frame.text for b in boxes] == [plain(layer.title) for layer in view.layers]
        arrows = [s for s in flow.shapes if s.name.startswith("Arrow ")]
        assert len(arrows) == len(boxes) - 1
