"""One text, every output, one structure: the site, deck, Moodle XML and exam form read Markdown alike.

The fixture text (tests/fixtures/markdown/every_construct.md) has lists nested at 2, 3 and 4 spaces, an
ordered list that starts at 3, a table, inline and fenced code, emphasis, a link and a hard line break. It
goes into a copy of the minimal course as a lesson's activity and a question's stem; each output is built
for real and read back (the page's HTML, the .pptx through python-pptx, the Moodle XML file, the exam
form's HTML) and reduced to what a reader sees: each line with its list depth and marker, code lines,
table cells, and the code, bold, italic and link texts.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from pptx import Presentation
from pptx.oxml.ns import qn

from generator.build import build_course
from generator.formats.decks.text import MONO_FONT
from generator.load.course_loader import check_course
from generator.model.course import Course
from tests.conftest import FIXTURES

pytestmark = pytest.mark.slow

TEXT = (FIXTURES / "markdown" / "every_construct.md").read_text(encoding="utf-8")
LESSON, QUESTION = "what-is-a-pipeline", "q-stages-order"

# What every output must show, as (kind, depth, marker, text) lines: `item` opens a list item,
# `line` is text on its own line (a paragraph, or the rest after a line break), `code` a code line.
LINES = [
    ("line", 0, None, "Prepare the dough in this order:"),
    ("item", 1, "1.", "Weigh the flour and the water:"),
    ("item", 2, "•", "keep 50 g of the water back"),
    ("item", 2, "•", "check that the scale reads zero"),
    ("item", 1, "2.", "Mix until no dry flour is left:"),
    ("item", 2, "•", "by hand, nested at four spaces"),
    ("item", 2, "•", "or with the mixer on low"),
    ("item", 1, "3.", "Rest the dough:"),
    ("item", 2, "1.", "cover the bowl"),
    ("item", 2, "2.", "wait 20 minutes"),
    ("item", 1, "•", "Fold the dough:"),
    ("item", 2, "•", "nested at two spaces"),
    ("item", 3, "•", "and one level deeper"),
    ("item", 1, "•", "Shape the loaf."),
    ("item", 1, "3.", "Heat the oven."),
    ("item", 1, "4.", "Bake until the crust is brown."),
    ("table", 0, None, "Step | Minutes | Note / Mix | 5 | by hand / Rest | 20 | covered"),
    (
        "line",
        0,
        None,
        "Write each time in bake-log.csv, every bake, and read the guide. Oven: the top shelf",
    ),
    ("line", 0, None, "Tray: the middle one"),
    ("code", 0, None, "weigh 1000 g flour"),
    ("code", 0, None, "mix 700 g water"),
]
INLINE = {
    "code": ["covered", "bake-log.csv"],
    "bold": ["low", "every"],
    "italic": ["zero", "hand"],
    "link": ["guide"],
}


class _Shape(HTMLParser):
    """The lines and inline styles an HTML fragment shows, in the form of `LINES` and `INLINE`."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[tuple[str, int, str | None, str]] = []
        self.inline: dict[str, list[str]] = {"code": [], "bold": [], "italic": [], "link": []}
        self.lists: list[list[int | None]] = []  # each open list's next number (None: bullets)
        self.text: list[str] = []
        self.kind: tuple[str, int, str | None] = ("line", 0, None)
        self.styles: list[tuple[str, list[str]]] = []
        self.pre = False
        self.table: list[list[str]] | None = None

    def _flush(self) -> None:
        text = " ".join("".join(self.text).split())
        if text and self.table is None:
            kind, depth, marker = self.kind
            if self.pre:
                self.lines += [("code", depth, None, line) for line in "".join(self.text).splitlines()]
            else:
                self.lines.append((kind, depth, marker, text))
            self.kind = ("line", depth, None)
        self.text = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("ul", "ol"):
            self._flush()
            start = dict(attrs).get("start") or "1"
            self.lists.append([None if tag == "ul" else int(start)])
        elif tag == "li":
            self._flush()
            number = self.lists[-1][0]
            self.kind = ("item", len(self.lists), "•" if number is None else f"{number}.")
            if number is not None:
                self.lists[-1][0] = number + 1
        elif tag in ("p", "br", "pre"):
            self._flush()
            self.kind = ("line", len(self.lists), None) if tag != "p" or self.kind[0] != "item" else self.kind
            self.pre = self.pre or tag == "pre"
        elif tag == "table":
            self._flush()
            self.table = []
        elif tag == "tr" and self.table is not None:
            self.table.append([])
        elif tag in ("td", "th"):
            self.text = []
        elif tag == "code" and not self.pre:
            self.styles.append(("code", []))
        elif tag in ("strong", "b", "em", "i", "a"):
            name = {"strong": "bold", "b": "bold", "em": "italic", "i": "italic", "a": "link"}[tag]
            self.styles.append((name, []))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ul", "ol"):
            self._flush()
            self.lists.pop()
        elif tag in ("li", "p", "pre"):
            self._flush()
            self.pre = self.pre and tag != "pre"
        elif tag in ("td", "th") and self.table is not None:
            self.table[-1].append(" ".join("".join(self.text).split()))
            self.text = []
        elif tag == "table" and self.table is not None:
            self.lines.append(("table", len(self.lists), None, _cells(self.table)))
            self.table = None
        elif (tag == "code" and not self.pre) or tag in ("strong", "b", "em", "i", "a"):
            name, text = self.styles.pop()
            self.inline[name].append("".join(text))

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for _, text in self.styles:
            text.append(data)


def _cells(rows: list[list[str]]) -> str:
    return " / ".join(" | ".join(row) for row in rows)


def html_shape(fragment: str) -> tuple[list[tuple[str, int, str | None, str]], dict[str, list[str]]]:
    parser = _Shape()
    parser.feed(fragment)
    parser.close()
    return parser.lines, parser.inline


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Course:
    """The minimal course with the fixture text as an activity and as a question's stem."""
    root = tmp_path_factory.mktemp("course") / "minimal"
    shutil.copytree(FIXTURES / "courses" / "minimal", root)
    lesson_file = root / "curriculum" / "lessons" / f"{LESSON}.yaml"
    lesson = yaml.safe_load(lesson_file.read_text(encoding="utf-8"))
    lesson["activity"]["instructions"] = TEXT
    del lesson["activity"]["tiers"]  # the activity slide then holds the text alone
    lesson_file.write_text(yaml.safe_dump(lesson, sort_keys=False), encoding="utf-8")
    # Room for the whole activity on the deck: within the default 5-7 slides its detail would go to the notes.
    course_file = root / "curriculum" / "course.yaml"
    settings = yaml.safe_load(course_file.read_text(encoding="utf-8"))
    settings["decks"] = {"slides": {"10-20-10": {"min": 5, "max": 12}}}
    course_file.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    bank_file = root / "question_bank" / "m1-what.yaml"
    bank = yaml.safe_load(bank_file.read_text(encoding="utf-8"))
    next(q for q in bank["questions"] if q["id"] == QUESTION)["stem"] = TEXT
    bank_file.write_text(yaml.safe_dump(bank, sort_keys=False), encoding="utf-8")
    report = check_course(root)
    assert report.course is not None and not report.errors, report.errors
    return report.course


def test_the_site_page_shows_the_structure(course: Course, tmp_path: Path) -> None:
    from generator.outputs.website.writer import render_site

    result = render_site(course, tmp_path / "site", tmp_path / "work", force=True)
    page = next(result.site_dir.rglob(f"{LESSON}.html")).read_text(encoding="utf-8")
    activity = re.search(r'<h2 id="activity[^>]*>.*?</h2>(.*?)<p><strong>Expected outcome', page, re.S)
    assert activity is not None
    assert html_shape(activity.group(1)) == (LINES, INLINE)


def test_the_moodle_question_text_shows_the_structure(course: Course, tmp_path: Path) -> None:
    from generator.outputs.lms.moodle_xml import export_moodle_xml

    (xml_file,) = export_moodle_xml(course, tmp_path)
    for question in ET.parse(xml_file).getroot().iter("question"):
        if question.findtext("name/text") == QUESTION:
            assert html_shape(question.findtext("questiontext/text") or "") == (LINES, INLINE)
            return
    pytest.fail(f"{QUESTION} is not in {xml_file.name}")


def test_the_exam_form_shows_the_structure(course: Course, tmp_path: Path) -> None:
    from generator.outputs.exam.forms import make_exam, write_exam

    pool = [q for q in course.questions.values() if "what.stages" in q.objectives]
    exam = make_exam(course, questions=len(pool), forms=1, seed=1, objectives=["what.stages"])
    form = next(p for p in write_exam(exam, tmp_path) if p.suffix == ".html" and "key" not in p.name)
    page = form.read_text(encoding="utf-8")
    stem = re.search(r'</em></p>\n(<p>Prepare the dough.*?)\n<ol class="options">', page, re.S)
    assert stem is not None
    assert html_shape(stem.group(1)) == (LINES, INLINE)


def test_the_deck_shows_the_structure(course: Course, tmp_path: Path) -> None:
    from generator.outputs.decks.writer import render_decks

    deck = next(d for d in render_decks(course, tmp_path) if d.name == f"{LESSON}.pptx")
    lines: list[tuple[str, int, str | None, str]] = []
    inline: dict[str, list[str]] = {"code": [], "bold": [], "italic": [], "link": []}
    for slide in Presentation(str(deck)).slides:
        title = slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""
        if not title.startswith("Activity:"):
            continue
        for shape in sorted(slide.shapes, key=lambda s: (s.top, s.left)):
            if shape.has_table:
                rows = list(shape.table.rows)
                for row in rows[1:]:  # the header row's bold is the table style's
                    for cell in row.cells:
                        _styles(cell.text_frame.paragraphs, inline, in_cell=True)
                lines.append(("table", 0, None, _cells([[c.text for c in row.cells] for row in rows])))
            elif shape.has_text_frame and shape != slide.shapes.title:
                lines += _deck_lines(shape.text_frame.paragraphs)
                _styles(shape.text_frame.paragraphs, inline)
    # A link is plain text on a slide: it is checked as text (in LINES), not as a style.
    assert lines == LINES
    assert inline == {**INLINE, "link": []}


def _deck_lines(paragraphs: list[Any]) -> list[tuple[str, int, str | None, str]]:
    """A slide's paragraphs as `LINES`: list markers from the bullet settings, code from the font."""
    out: list[tuple[str, int, str | None, str]] = []
    for p in paragraphs:
        text = " ".join(p.text.split())
        if not text:
            continue
        ppr = p._p.get_or_add_pPr()
        number, bullet = ppr.find(qn("a:buAutoNum")), ppr.find(qn("a:buChar"))
        if number is not None:
            out.append(("item", p.level + 1, f"{number.get('startAt', '1')}.", text))
        elif bullet is not None:
            out.append(("item", p.level + 1, bullet.get("char"), text))
        elif int(ppr.get("indent", "0")):  # hangs under the text of the item above: its next line
            out.append(("line", p.level + 1, None, text))
        elif all(run.font.name == MONO_FONT for run in p.runs):
            out.append(("code", p.level, None, text))
        else:
            out.append(("line", p.level, None, text))
    return out


def _styles(paragraphs: list[Any], inline: dict[str, list[str]], *, in_cell: bool = False) -> None:
    for p in paragraphs:
        if not in_cell and all(run.font.name == MONO_FONT for run in p.runs):
            continue  # a code block, not inline code
        for run in p.runs:
            if run.font.name == MONO_FONT:
                inline["code"].append(run.text)
            elif run.font.bold:
                inline["bold"].append(run.text)
            elif run.font.italic:
                inline["italic"].append(run.text)


def test_a_course_mkdocs_yml_of_its_own_still_reads_lists_alike(minimal_course: Path) -> None:
    # Its own settings, not inheriting the built-in ones, and without the list and table extensions.
    base = "site_name: x\nuse_directory_urls: false\ntheme:\n  name: material\n"
    (minimal_course / "base.yml").write_text(base, "utf-8")
    (minimal_course / "mkdocs.yml").write_text("INHERIT: base.yml\nmarkdown_extensions: [toc]\n", "utf-8")
    lesson_file = minimal_course / "curriculum" / "lessons" / f"{LESSON}.yaml"
    lesson = yaml.safe_load(lesson_file.read_text(encoding="utf-8"))
    lesson["activity"]["instructions"] = "3. Knead:\n   - fold\n   - turn\n4. Rest.\n"
    lesson_file.write_text(yaml.safe_dump(lesson, sort_keys=False), encoding="utf-8")
    report = build_course(minimal_course, only=("site",))
    assert not report.failed, [o.error for o in report.failed]
    page = next((minimal_course / "site").rglob(f"{LESSON}.html")).read_text(encoding="utf-8")
    activity = re.search(r'<h2 id="activity[^>]*>.*?</h2>(.*?)<p><strong>Expected outcome', page, re.S)
    assert activity is not None
    assert html_shape(activity.group(1))[0] == [
        ("item", 1, "3.", "Knead:"),
        ("item", 2, "•", "fold"),
        ("item", 2, "•", "turn"),
        ("item", 1, "4.", "Rest."),
    ]
