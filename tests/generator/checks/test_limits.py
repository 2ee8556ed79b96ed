"""Output limits are decided by `validate`: what it passes, every output can be built from.

The broken-course corpus holds one case per limit rule with its golden report; these tests build those
cases (and a few more) for real, and check that the rules measure what the renderers will draw.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from pptx import Presentation

from generator.build import build_course
from generator.errors import Issue, Level
from generator.formats.decks.geometry import Area
from generator.formats.decks.master import BUILTIN_MASTER, layout_names, read_geometry
from generator.formats.decks.slides import PROPERTY_MAX, property_text
from generator.formats.text import shorten
from generator.formats.workbook.sheets import sheet_title
from generator.load.course_loader import check_course, load_course
from generator.outputs.decks.builder import DeckBuilder, _placeholder, _title_style
from generator.outputs.decks.layouts import Master
from generator.outputs.decks.writer import render_decks
from generator.outputs.registry import OUTPUTS
from tests.conftest import FIXTURES, REPO
from tests.generator.test_broken_courses import apply_mutation

BROKEN = FIXTURES / "courses" / "broken"
LIMIT_RULES = ("control-characters", "workbook-", "deck-", "lms-")
LIMIT_CASES = [
    BROKEN / name
    for name in (
        "control-character-in-title",
        "accepted-answer-with-spaces",
        "rubric-text-too-long-for-a-cell",
        "scoring-sheet-name-too-long",
        "long-lesson-title",
        "slide-title-cut",
        "long-word-in-activity-title",
        "timetable-row-too-long",
        "lms-category-name-too-long",
        "lms-tag-too-long",
        "lms-gift-arrow-in-short-answer",
        "lms-wildcard-in-canvas",
    )
]
OUTPUTS_WITH_LIMITS = ("decks", "bank", "lms")


def _mutated(course: Path, case: Path) -> dict:
    mutation = yaml.safe_load((case / "mutation.yaml").read_text(encoding="utf-8"))
    apply_mutation(course, mutation)
    return mutation


def test_the_limit_cases_are_in_the_corpus() -> None:
    assert all((case / "expected.txt").is_file() for case in LIMIT_CASES)


@pytest.mark.parametrize("case", LIMIT_CASES, ids=[c.name for c in LIMIT_CASES])
def test_a_limit_is_reported_by_validate_and_the_build_agrees(case: Path, minimal_course: Path) -> None:
    """An error stops the build before anything is written; with only warnings every output is built."""
    mutation = _mutated(minimal_course, case)
    result = check_course(minimal_course)
    assert any(i.rule.startswith(LIMIT_RULES) for i in result.issues), result.issues
    if mutation.get("level", "error") == "error":
        assert result.errors
        return
    assert not result.errors
    report = build_course(minimal_course, only=OUTPUTS_WITH_LIMITS)
    assert [o.name for o in report.outputs] == list(OUTPUTS_WITH_LIMITS)


def test_a_course_with_a_long_title_builds_and_its_deck_properties_are_shortened(
    minimal_course: Path,
) -> None:
    _mutated(minimal_course, BROKEN / "long-lesson-title")
    course_file = minimal_course / "curriculum" / "course.yaml"
    text = course_file.read_text(encoding="utf-8")
    course_file.write_text(
        text.replace("title: Pipelines in Miniature", "title: Pipelines in Miniature" + " and more" * 40),
        encoding="utf-8",
    )
    levels = {i.level for i in check_course(minimal_course).issues}
    assert levels == {Level.WARNING}

    report = build_course(minimal_course)

    assert {o.name for o in report.outputs} == set(OUTPUTS)
    deck = minimal_course / "build" / "decks" / "what-is-a-pipeline.pptx"
    props = Presentation(str(deck)).core_properties
    assert len(props.title) <= PROPERTY_MAX and props.title.endswith("…")
    assert props.title.startswith("What is a data pipeline? Why it matters, too.")
    assert len(props.subject) <= PROPERTY_MAX and props.subject.startswith("Pipelines in Miniature and more")


def test_validate_measures_slides_without_loading_python_pptx_or_openpyxl() -> None:
    code = (
        "import sys\n"
        "from generator.load.course_loader import check_course\n"
        f"result = check_course({str(REPO)!r})\n"
        "assert result.course is not None and not result.errors\n"
        "print(sorted(m for m in ('pptx', 'openpyxl', 'lxml') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _pptx_default(tmp_path: Path) -> Path:
    path = tmp_path / "python-pptx-default.pptx"
    Presentation().save(str(path))  # 4:3, Calibri, a capitalised bold section header
    return path


@pytest.mark.parametrize("which", ["builtin", "python-pptx default"])
def test_the_master_geometry_read_without_python_pptx_is_what_the_decks_use(
    which: str, tmp_path: Path
) -> None:
    path = BUILTIN_MASTER if which == "builtin" else _pptx_default(tmp_path)
    names = layout_names(path)
    geometry = read_geometry(path, names)
    builder = DeckBuilder(Master(path, path.read_bytes(), names))
    assert (geometry.width, geometry.height) == (builder.width, builder.height)
    assert geometry.content_area() == builder.content
    for role in names:
        slide = builder._add(role)
        title = _placeholder(slide, "title")
        assert geometry.title_area(role) == Area(title.left, title.top, title.width, title.height)
        body = _placeholder(slide, "body")
        expected = Area(body.left, body.top, body.width, body.height) if body is not None else None
        assert geometry.layouts[role].body == expected
        layout = geometry.layouts[role]
        assert (layout.caps, layout.bold) == _title_style(slide.slide_layout)


def test_an_unreadable_master_leaves_the_deck_rules_silent(minimal_course: Path) -> None:
    """The deck renderer reports an unusable master itself; validate must not crash on one."""
    (minimal_course / "brand").mkdir()
    (minimal_course / "brand" / "deck.pptx").write_bytes(b"not a zip file")
    course_file = minimal_course / "curriculum" / "course.yaml"
    course_file.write_text(course_file.read_text(encoding="utf-8") + "templates: brand\n", encoding="utf-8")
    _mutated(minimal_course, BROKEN / "long-word-in-activity-title")
    result = check_course(minimal_course)
    assert result.course is not None
    assert not [i for i in result.issues if i.rule.startswith("deck-")]


def test_titles_are_measured_on_the_courses_own_master(minimal_course: Path, tmp_path: Path) -> None:
    """A 4:3 master has a narrower title box: a title that fits the built-in master is cut on it, and the
    rule says so exactly when the renderer cuts it."""
    lesson = minimal_course / "curriculum" / "lessons" / "what-is-a-pipeline.yaml"
    title = (
        "What is a data pipeline, and why would a team build one instead of a spreadsheet ritual "
        "that breaks every Monday morning?"
    )
    text = lesson.read_text(encoding="utf-8").replace("title: What is a data pipeline?", f"title: {title}")
    lesson.write_text(text, encoding="utf-8")
    shown: dict[str, str] = {}
    found: dict[str, list[Issue]] = {}
    for master in ("builtin", "own"):
        if master == "own":
            (minimal_course / "brand").mkdir()
            Presentation().save(str(minimal_course / "brand" / "deck.pptx"))
            course_file = minimal_course / "curriculum" / "course.yaml"
            spec = course_file.read_text(encoding="utf-8") + "templates: brand\n"
            course_file.write_text(spec, encoding="utf-8")
        found[master] = [i for i in check_course(minimal_course).issues if i.rule == "deck-titles"]
        (deck,) = [
            d for d in render_decks(load_course(minimal_course), tmp_path / master) if d.stem == lesson.stem
        ]
        shown[master] = Presentation(str(deck)).slides[0].shapes.title.text_frame.text
    assert not found["builtin"] and shown["builtin"] == title
    (issue,) = found["own"]
    assert issue.field == "title" and "title slide" in issue.message
    assert shown["own"].endswith("…") and title.startswith(shown["own"][:-1].rstrip())
    assert f"its first {len(shown['own'][:-1].rstrip())} of {len(title)} characters" in issue.message


@pytest.mark.parametrize(
    ("file", "old", "new", "field"),
    [
        (
            "curriculum/rubrics/presentation.yaml",
            "good: Three stages correct.",
            "good: Three stages correct." + " More." * 2500,
            "criteria[1].descriptors.good",
        ),
        (
            "curriculum/pipeline_view.yaml",
            None,
            None,
            "layers[0].lenses",
        ),
    ],
    ids=["rubric-in-a-day-deck", "pipeline-layer"],
)
def test_rows_of_rubric_and_layer_tables_too_long_for_a_slide_are_errors(
    minimal_course: Path, file: str, old: str | None, new: str | None, field: str
) -> None:
    bank = minimal_course / "question_bank" / "m1-what.yaml"
    text = bank.read_text(encoding="utf-8")  # the day's practical task is marked with the rubric
    bank.write_text(text.replace("    points: 5\n", "    points: 5\n    rubric: presentation\n", 1), "utf-8")
    target = minimal_course / file
    spec = target.read_text(encoding="utf-8")
    if old is None:  # the first lens text of the first layer, whatever it says
        data = yaml.safe_load(spec)
        layer = data["layers"][0]
        lens = next(iter(layer["lenses"]))
        old = f"{lens}: {layer['lenses'][lens]}"
        new = f"{lens}: {layer['lenses'][lens]}" + " More." * 2500
    assert spec.count(old) == 1
    target.write_text(spec.replace(old, new or ""), encoding="utf-8")
    errors = [i for i in check_course(minimal_course).errors if i.rule == "deck-table-rows"]
    assert len(errors) == 1 and errors[0].field.startswith(field), errors


def test_scoring_sheet_names_never_collide(minimal_course: Path) -> None:
    folder = minimal_course / "curriculum" / "checklists"
    original = (folder / "readiness.yaml").read_text(encoding="utf-8")
    for n in (1, 2, 3):
        spec = original.replace("id: readiness", f"id: landing-readiness-before-go-live-{n}")
        (folder / f"readiness-{n}.yaml").write_text(spec, encoding="utf-8")
    warnings = [i for i in check_course(minimal_course).issues if i.rule == "workbook-sheet-names"]
    assert len(warnings) == 3
    assert "taken by another sheet" in warnings[1].message
    taken: set[str] = set()
    names = [sheet_title("Checklist", "landing-readiness-before-go-live-1", taken) for _ in range(3)]
    assert len({n.lower() for n in names}) == 3 and all(len(n) <= 31 for n in names)


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("short", 10, "short"),
        ("one two three four", 12, "one two…"),
        ("x" * 20, 10, "x" * 9 + "…"),
        ("one two three", 8, "one two…"),
    ],
)
def test_shorten_cuts_at_a_word_to_the_limit(text: str, limit: int, expected: str) -> None:
    assert shorten(text, limit) == expected
    assert len(shorten(text, limit)) <= limit


def test_deck_properties_are_plain_text_of_at_most_255_characters() -> None:
    assert property_text("**Bold** `code` title") == "Bold code title"
    assert len(property_text("word " * 100)) <= PROPERTY_MAX
    assert property_text("word " * 100).endswith("word…")
