"""Moodle XML: structure Moodle's importer needs, escaping, and a parse back to the same questions."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from generator.load.course_loader import check_course, load_course
from generator.model.course import Course
from generator.outputs.html import plain_text
from generator.outputs.lms.items import FRACTIONS, lms_items
from generator.outputs.lms.moodle_xml import cdata, export_moodle_xml, parse_moodle_xml
from tests.conftest import MINIMAL, REPO
from tests.generator.outputs.lms.conftest import NASTY_OPTION, NASTY_STEM, visible
from tests.generator.outputs.lms.importers import course_of

ALLOWED = {f"{f:.5f}" for f in FRACTIONS} | {f"{-f:.5f}" for f in FRACTIONS if f}


def _export(course: Course, tmp_path: Path) -> tuple[str, ET.Element]:
    (path,) = export_moodle_xml(course, tmp_path)
    text = path.read_text(encoding="utf-8")
    return text, ET.fromstring(text.encode("utf-8"))


def test_structure_categories_types_and_fractions(tmp_path: Path) -> None:
    course = load_course(MINIMAL)
    text, root = _export(course, tmp_path)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>')
    categories = [q.findtext("category/text") for q in root.iter("question") if q.get("type") == "category"]
    assert categories == [
        "$course$/top/Pipelines in Miniature",
        "$course$/top/Pipelines in Miniature/Pipeline Basics",
        "$course$/top/Pipelines in Miniature/Pipeline Basics/What is a pipeline?",
    ]
    questions = [q for q in root.iter("question") if q.get("type") != "category"]
    assert [(q.findtext("idnumber"), q.get("type")) for q in questions] == [
        ("q-stages-order", "multichoice"),
        ("q-pipeline-vs-script", "truefalse"),
        ("q-stage-count", "numerical"),
        ("q-draw-pipeline", "essay"),
        ("q-secret-exam", "shortanswer"),  # graded-only questions are exported to the LMS
    ]
    fractions = re.findall(r'fraction="([^"]+)"', text)
    assert fractions and set(fractions) <= ALLOWED
    choice = questions[0]
    assert [a.get("fraction") for a in choice.findall("answer")] == ["100.00000", "0.00000", "0.00000"]
    assert choice.findtext("answer/feedback/text") == "<p>Right - data must arrive before anything else.</p>"
    assert choice.findtext("generalfeedback/text").startswith("<p>Data is ingested")
    assert questions[3].findtext("attachments") == "1" and questions[3].findtext("graderinfo/text")
    assert questions[2].findtext("answer/text") == "4" and questions[2].findtext("answer/tolerance") == "0"


def test_every_type_and_multi_answer_weights_in_the_bundled_course(tmp_path: Path) -> None:
    course = check_course(REPO).course
    assert course is not None
    text, root = _export(course, tmp_path)
    kinds = {q.get("type") for q in root.iter("question")}
    assert kinds == {"category", "multichoice", "truefalse", "shortanswer", "numerical", "matching", "essay"}
    assert set(re.findall(r'fraction="([^"]+)"', text)) <= ALLOWED
    for question in root.iter("question"):
        if question.get("type") == "multichoice" and question.findtext("single") == "false":
            positive = sum(
                float(a.get("fraction", 0))
                for a in question.findall("answer")
                if float(a.get("fraction", 0)) > 0
            )
            assert abs(positive - 100) < 0.001
    sections = [s.title for s in course.sections]
    for title in sections:
        assert f"$course$/top/{course.title}/{title.replace('/', '//')}</text>" in text
    assert parse_moodle_xml(text) == lms_items(course)


def test_cdata_split_keeps_every_byte() -> None:
    wrapped = cdata("a ]]> b ]]>")
    assert ET.fromstring(f"<t>{wrapped}</t>").text == "a ]]> b ]]>"


def test_nasty_text_survives_the_round_trip(nasty_course: Course, tmp_path: Path) -> None:
    text, _ = _export(nasty_course, tmp_path)
    assert "<script>" not in text.replace("<![CDATA[", "")  # only ever inside CDATA, as escaped HTML
    items = parse_moodle_xml(text)
    assert items == lms_items(nasty_course)
    first = items[0]
    assert visible(first.text) == NASTY_STEM
    assert plain_text(first.answers[0].text) == NASTY_OPTION
    assert "&lt;script&gt;" in first.text
    assert [a.text for a in items[4].answers] == ["idempotency", "{~=#:}"]


def test_the_hostile_question_file_round_trips(tmp_path: Path) -> None:
    course = course_of("hostile", tmp_path)
    (path,) = export_moodle_xml(course, tmp_path)
    items = parse_moodle_xml(path.read_text(encoding="utf-8"))
    assert items == lms_items(course)
    short = next(i for i in items if i.id == "q-hostile-short")
    assert [a.text for a in short.answers] == [
        "A & B < C ]]> ~ = # { } : %50% *",
        "%50%",
        "0 7 * * 1-5",
        "a\\*b",
    ]
    assert not short.wildcard and next(i for i in items if i.id == "q-hostile-wildcard").wildcard
