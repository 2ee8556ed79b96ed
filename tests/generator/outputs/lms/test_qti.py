"""QTI 1.2 for Canvas: a zip with imsmanifest.xml at its root, well-formed items, scoring that matches."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from generator.load.course_loader import check_course, load_course
from generator.model.course import Course
from generator.outputs.lms.qti import export_qti
from tests.conftest import MINIMAL, REPO
from tests.generator.outputs.lms.conftest import NASTY_STEM, visible

NS = {
    "q": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2",
    "m": "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1",
}


def _package(course: Course, tmp_path: Path) -> zipfile.ZipFile:
    (path,) = export_qti(course, tmp_path)
    return zipfile.ZipFile(io.BytesIO(path.read_bytes()))


def _items(archive: zipfile.ZipFile) -> list[ET.Element]:
    return [
        item
        for name in archive.namelist()
        if name.endswith(".xml") and "/" in name and not name.endswith("assessment_meta.xml")
        for item in ET.fromstring(archive.read(name)).iter(f"{{{NS['q']}}}item")
    ]


def _field(item: ET.Element, label: str) -> str:
    for field in item.iter(f"{{{NS['q']}}}qtimetadatafield"):
        if field.findtext("q:fieldlabel", namespaces=NS) == label:
            return field.findtext("q:fieldentry", namespaces=NS) or ""
    raise KeyError(label)


def test_manifest_at_the_root_lists_every_file(tmp_path: Path) -> None:
    archive = _package(load_course(MINIMAL), tmp_path)
    names = archive.namelist()
    assert names[0] == "imsmanifest.xml"
    manifest = ET.fromstring(archive.read("imsmanifest.xml"))
    hrefs = [f.get("href") for f in manifest.iter(f"{{{NS['m']}}}file")]
    assert sorted(hrefs) == sorted(names[1:])
    for name in names:
        ET.fromstring(archive.read(name))  # every file is well-formed XML
    types = [r.get("type") for r in manifest.iter(f"{{{NS['m']}}}resource")]
    assert types.count("imsqti_xmlv1p2") == 1


def test_items_types_points_and_scoring(tmp_path: Path) -> None:
    items = _items(_package(load_course(MINIMAL), tmp_path))
    assert [(i.get("ident"), _field(i, "question_type"), _field(i, "points_possible")) for i in items] == [
        ("q-stages-order", "multiple_choice_question", "1"),
        ("q-pipeline-vs-script", "true_false_question", "1"),
        ("q-stage-count", "numerical_question", "1"),
        ("q-draw-pipeline", "file_upload_question", "5"),
        ("q-secret-exam", "short_answer_question", "1"),
    ]
    scoring = [c for c in items[0].iter(f"{{{NS['q']}}}respcondition") if c.find("q:setvar", NS) is not None]
    assert [c.findtext("q:conditionvar/q:varequal", namespaces=NS) for c in scoring] == ["q-stages-order-1"]
    truth = [c for c in items[1].iter(f"{{{NS['q']}}}respcondition") if c.find("q:setvar", NS) is not None]
    assert (
        truth[0].findtext("q:conditionvar/q:varequal", namespaces=NS) == "q-pipeline-vs-script-2"
    )  # 'false'
    accepted = [v.text for v in items[4].iter(f"{{{NS['q']}}}varequal")]
    assert accepted == ["idempotency", "idempotent"]


def test_the_bundled_course_exports_every_type(tmp_path: Path) -> None:
    course = check_course(REPO).course
    assert course is not None
    items = _items(_package(course, tmp_path))
    assert len(items) == len(course.questions)
    assert {_field(i, "question_type") for i in items} == {
        "multiple_choice_question",
        "multiple_answers_question",
        "true_false_question",
        "short_answer_question",
        "numerical_question",
        "matching_question",
        "essay_question",
        "file_upload_question",
    }
    assert len({i.get("ident") for i in items}) == len(items)


def test_same_questions_same_bytes(tmp_path: Path) -> None:
    course = load_course(MINIMAL)
    first = export_qti(course, tmp_path / "a")[0].read_bytes()
    assert export_qti(course, tmp_path / "b")[0].read_bytes() == first


def test_nasty_text_is_escaped_html(nasty_course: Course, tmp_path: Path) -> None:
    items = _items(_package(nasty_course, tmp_path))
    stem = items[0].findtext("q:presentation/q:material/q:mattext", namespaces=NS) or ""
    assert "&lt;script&gt;" in stem and "<script>" not in stem
    assert visible(stem) == NASTY_STEM
