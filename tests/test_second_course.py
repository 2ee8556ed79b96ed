"""A second course that shares nothing with the bundled one: every output reads as if written for it."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pptx import Presentation

from generator.build import build_course
from generator.labs.report import failure_text
from generator.labs.runner import verify_labs
from generator.load.course_loader import check_course, load_course
from generator.outputs.website.pages import render_pages
from generator.outputs.website.plan import plan_site
from tests.conftest import FIXTURES, MINIMAL, check_golden
from tests.site_checks import broken_links, hidden_check_texts, leaks, plain

BREAD = FIXTURES / "courses" / "hearth-bread"
GOLDEN = FIXTURES / "golden" / "hearth-bread"
PAGES = [
    "index.md",
    "sections/dough/mixing/hydration.md",
    "sections/dough/logging/labs/count-the-bakes.md",
    "sections/dough/logging/labs/hydration-report.md",
]
# Words only the bundled course uses: none may reach any output of another course.
BUNDLED_ONLY = re.compile(
    r"End-to-End Data Pipelines|medallion|bronze|reference pipeline|\bAWS\b|\bAzure\b|architect",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bread")
    build_course(BREAD, site_dir=out / "site", build_dir=out / "build")
    return out


def output_texts(out: Path) -> dict[str, str]:
    """Every text a reader of any output sees: pages, slides and notes, workbook cells, LMS files."""
    texts: dict[str, str] = {}
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        name = path.relative_to(out).as_posix()
        if path.suffix in (".html", ".md", ".xml", ".txt", ".gift", ".js") and "/assets/" not in name:
            texts[name] = path.read_text(encoding="utf-8", errors="replace")
        elif path.suffix == ".pptx":
            parts = []
            for slide in Presentation(str(path)).slides:
                parts += [s.text_frame.text for s in slide.shapes if s.has_text_frame]
                tables = [s.table for s in slide.shapes if s.has_table]
                parts += [c.text for table in tables for row in table.rows for c in row.cells]
                parts.append(slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else "")
            texts[name] = "\n".join(parts)
        elif path.suffix == ".xlsx":
            book = load_workbook(path)
            values = (c.value for ws in book for row in ws.iter_rows() for c in row)
            cells = [str(v) for v in values if v is not None]
            texts[name] = "\n".join(cells)
        elif path.suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                for member in archive.namelist():
                    texts[f"{name}!{member}"] = archive.read(member).decode("utf-8", errors="replace")
    return texts


def test_second_course_validates_strictly_with_its_own_verbs() -> None:
    result = check_course(BREAD)
    assert result.issues == []  # 'Calculate', 'Count' and 'Knead' come from its course.yaml
    course = load_course(BREAD, strict=True)
    assert course.bloom_level("Calculate") == "apply"
    assert [r.name for r in course.spec.roles] == ["Home baker", "Market-stall baker"]


@pytest.mark.parametrize("page", PAGES)
def test_second_course_pages_match_golden(page: str, update_golden: bool) -> None:
    course = load_course(BREAD)
    pages = render_pages(course, plan_site(course, "student"), "student")
    check_golden(GOLDEN / page.replace("/", "__"), pages[page], update_golden)


def test_no_output_of_the_second_course_uses_the_bundled_courses_words(built: Path) -> None:
    texts = output_texts(built)
    read = " ".join(texts)
    for output in (".html", ".pptx", ".xlsx", ".moodle.xml", ".gift.txt", ".qti.zip!", "-lab-files.zip!"):
        assert output in read, f"no {output} output was read"
    assert any(name.startswith("build/instructor/") for name in texts)
    found = {name: sorted(set(BUNDLED_ONLY.findall(text))) for name, text in texts.items()}
    assert {name: words for name, words in found.items() if words} == {}


def test_the_same_search_finds_the_bundled_words_in_a_pipelines_course() -> None:
    course = load_course(MINIMAL)
    pages = render_pages(course, plan_site(course, "student"), "student")
    assert BUNDLED_ONLY.search(pages["index.md"])  # so the test above can fail


def test_home_page_leaves_out_what_the_course_does_not_have(built: Path) -> None:
    home = " ".join((built / "site" / "index.html").read_text().split())
    assert "workshop" not in home.lower()
    assert "two roles: Home baker and Market-stall baker" in home
    assert "++" not in home and "<kbd>/</kbd>" in home


def test_lab_page_lists_the_files_and_links_a_zip_inside_the_site(built: Path) -> None:
    page = built / "site" / "sections/dough/logging/labs/count-the-bakes.html"
    html = page.read_text()
    assert "<code>data/bakes.csv</code>" in html
    href = re.search(r'href="([^"]+\.zip)"', html)
    assert href, "the worksheet links a download"
    archive = (page.parent / href[1]).resolve()
    with zipfile.ZipFile(archive) as z:
        assert z.read("data/bakes.csv") == (BREAD / "lab_data" / "bakes.csv").read_bytes()
    assert broken_links(built / "site") == []


def test_a_lab_that_starts_from_another_says_which_to_finish_first(built: Path) -> None:
    html = (built / "site" / "sections/dough/logging/labs/hydration-report.html").read_text()
    finish = html.split("Finish", 1)[1].split("first", 1)[0]
    assert 'href="../count-the-bakes/"' in finish or 'href="count-the-bakes.html"' in finish, finish
    assert "empty folder" not in html


def test_second_course_labs_pass_with_the_copied_data_file() -> None:
    results = verify_labs(load_course(BREAD), [])
    assert [(r.lab.id, r.status) for r in results] == [
        ("count-the-bakes", "pass"),
        ("hydration-report", "pass"),
    ], "\n".join(failure_text(r) for r in results)


def test_lesson_table_is_a_real_table_on_its_slide(built: Path) -> None:
    deck = Presentation(str(built / "build" / "decks" / "hydration.pptx"))
    tables = {
        slide.shapes.title.text_frame.text: [[c.text for c in row.cells] for row in shape.table.rows]
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_table and slide.shapes.title is not None
    }
    assert tables["Key point 2 of 3"][0] == ["Loaf", "Hydration", "Crumb"]
    assert tables["Key point 2 of 3"][3] == ["Rye", "80%", "Dense, moist"]
    assert tables["Activity: Weigh two doughs"][1] == ["A", "500 g", "340 g"]
    faces = [s.text_frame.text for slide in deck.slides for s in slide.shapes if s.has_text_frame]
    assert not any("| ---" in f or f.lstrip().startswith("|") for f in faces)


def test_view_overview_is_titled_by_its_own_layers(built: Path) -> None:
    deck = Presentation(str(built / "build" / "decks" / "flour-to-loaf.pptx"))
    assert deck.slides[1].shapes.title.text_frame.text == "From Mixing to Baking"


def test_workbook_bloom_levels_follow_the_course_vocabulary(built: Path) -> None:
    sheet = load_workbook(built / "build" / "question_bank.xlsx")["Questions"]
    header = [c.value for c in sheet[1]]
    rows = {r[header.index("id")]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["q-hydration-value"][header.index("bloom")] == "apply"  # 'Calculate', the course's verb


def test_student_site_of_the_second_course_keeps_instructor_text_out(built: Path) -> None:
    assert leaks(load_course(BREAD), built / "site") == []


def test_hidden_grading_checks_reach_no_student_output_only_the_instructor_guide(built: Path) -> None:
    hidden = [c for lab in load_course(BREAD).labs.values() for c in lab.grading if c.hidden]
    assert hidden, "the second course has a hidden grading check to look for"
    needles = [t.strip() for c in hidden for t in hidden_check_texts(c) if len(t.strip()) >= 15]
    texts = output_texts(built)
    guide_files = ("build/instructor/", "build/.work/instructor")  # the guide, and its pages before mkdocs
    student = {name: plain(text) for name, text in texts.items() if not name.startswith(guide_files)}
    assert any(name.startswith("build/decks/") for name in student) and any("lms" in n for n in student)
    found = [f"{name}: {n!r}" for name, text in student.items() for n in needles if plain(n) in text]
    assert found == []
    guide = " ".join(plain(t) for n, t in texts.items() if n.startswith("build/instructor/"))
    assert all(plain(n) in guide for n in needles)
