"""Moodle XML and QTI read back with an XML parser, graded the way Moodle and a strict QTI 1.2 reader would.

For every question of every course: the fraction of each option, what ticking every box scores, which
typed answers match, what a numeric answer accepts, and what each matching pair is worth.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from generator.model.course import Course
from generator.model.question import Question
from generator.outputs.lms.items import FRACTIONS
from generator.outputs.lms.moodle_xml import export_moodle_xml
from generator.outputs.lms.qti import export_qti
from tests.generator.outputs.lms.importers import (
    COURSES,
    QTI,
    assert_short_answers_match_as_specified,
    course_of,
    qti_score,
    right_share,
    seen,
    seen_markdown,
    spec_questions,
)

ALLOWED = {f"{f:.5f}" for f in FRACTIONS} | {f"{-f:.5f}" for f in FRACTIONS if f}


@pytest.fixture(scope="module", params=list(COURSES))
def course(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Course:
    return course_of(request.param, tmp_path_factory.mktemp("xml"))


def _moodle(course: Course, tmp_path: Path) -> dict[str, ET.Element]:
    (path,) = export_moodle_xml(course, tmp_path)
    root = ET.fromstring(path.read_bytes())
    return {q.findtext("idnumber", ""): q for q in root.iter("question") if q.get("type") != "category"}


def test_moodle_xml_grades_every_question_as_its_spec_says(course: Course, tmp_path: Path) -> None:
    questions = _moodle(course, tmp_path)
    specs = spec_questions(course)
    assert set(questions) == set(specs)
    for question_id, element in questions.items():
        spec = specs[question_id]
        answers = element.findall("answer")
        assert {a.get("fraction") for a in answers} <= ALLOWED, question_id
        fractions = [float(a.get("fraction", "")) for a in answers]
        if spec.type in ("single_choice", "multiple_choice"):
            texts = [seen(a.findtext("text", "")) for a in answers]
            assert texts == [seen_markdown(o.text, inline=True) for o in spec.options], question_id
            assert element.findtext("single") == ("true" if spec.type == "single_choice" else "false")
            right = [f for f, o in zip(fractions, spec.options, strict=True) if o.correct]
            assert sum(right) == pytest.approx(100, abs=1e-3), question_id
        if spec.type == "single_choice":
            assert fractions == [100.0 if o.correct else 0.0 for o in spec.options], question_id
        if spec.type == "multiple_choice":
            assert right == pytest.approx([right_share(spec)] * len(right), abs=1e-4), question_id
            every_box = max(0.0, sum(fractions))  # Moodle: the ticked fractions added, at least 0
            has_wrong = not all(o.correct for o in spec.options)
            assert every_box == pytest.approx(0.0 if has_wrong else 100.0, abs=1e-3), question_id
        if spec.type == "short_answer":
            assert element.findtext("usecase") == "0"
            assert_short_answers_match_as_specified(spec, [a.findtext("text", "") for a in answers])
        if spec.type == "numeric":
            assert spec.numeric is not None
            (answer,) = answers
            tolerance = answer.findtext("tolerance", "")
            assert "e" not in tolerance.lower() and float(tolerance) == spec.numeric.tolerance, question_id
            assert float(answer.findtext("text", "")) == spec.numeric.value, question_id
        if spec.type == "matching":
            # Moodle keeps a matching answer as plain text: what the learner picks is exactly this.
            rights = [s.findtext("answer/text", "") for s in element.findall("subquestion")]
            assert rights == [seen_markdown(p.right, inline=True) for p in spec.pairs], question_id
        if spec.type in ("essay", "practical") and any(
            line.lstrip().startswith("- ") for line in spec.guidance.splitlines()
        ):
            assert "<li>" in element.findtext("graderinfo/text", ""), question_id  # a list, not a run-on


def _qti(course: Course, tmp_path: Path) -> dict[str, ET.Element]:
    (path,) = export_qti(course, tmp_path)
    archive = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    items = {}
    for name in archive.namelist():
        if name.endswith(".xml") and "/" in name and not name.endswith("assessment_meta.xml"):
            items |= {i.get("ident", ""): i for i in ET.fromstring(archive.read(name)).iter(f"{QTI}item")}
    return items


def test_qti_scores_every_question_as_its_spec_says(course: Course, tmp_path: Path) -> None:
    items = _qti(course, tmp_path)
    specs = spec_questions(course)
    assert set(items) == set(specs)
    for question_id, item in items.items():
        spec = specs[question_id]
        if spec.type in ("single_choice", "multiple_choice"):
            _choices(spec, item)
        if spec.type == "true_false":
            labels = [label.get("ident", "") for label in item.iter(f"{QTI}response_label")]
            right = labels[0 if spec.answer else 1]
            assert qti_score(item, {"response1": [right]}) == 100, question_id
            assert qti_score(item, {"response1": [labels[1 if spec.answer else 0]]}) == 0, question_id
        if spec.type == "short_answer":
            for accepted in spec.accepted:  # each accepted answer alone scores 100 (several mean OR)
                assert qti_score(item, {"response1": [accepted]}) == 100, (question_id, accepted)
            assert qti_score(item, {"response1": ["not an answer at all"]}) == 0, question_id
        if spec.type == "numeric":
            _numeric(spec, item)
        if spec.type == "matching":
            _matching(spec, item)


def _choices(spec: Question, item: ET.Element) -> None:
    labels = [label.get("ident", "") for label in item.iter(f"{QTI}response_label")]
    right = [label for label, o in zip(labels, spec.options, strict=True) if o.correct]
    assert qti_score(item, {"response1": right}) == 100, spec.id
    if len(right) < len(labels):
        if spec.type == "multiple_choice":  # checkboxes: ticking every box scores nothing
            assert qti_score(item, {"response1": labels}) == 0, spec.id
        wrong = [label for label in labels if label not in right]
        assert qti_score(item, {"response1": wrong[:1]}) == 0, spec.id


def _numeric(spec: Question, item: ET.Element) -> None:
    assert spec.numeric is not None
    value, tolerance = Decimal(repr(spec.numeric.value)), Decimal(repr(spec.numeric.tolerance))
    low = item.findtext(f".//{QTI}vargte", "")
    high = item.findtext(f".//{QTI}varlte", "")
    assert (Decimal(low), Decimal(high)) == (value - tolerance, value + tolerance), spec.id
    assert "e" not in (low + high).lower() and len(low) <= len(str(value - tolerance)) + 1, (spec.id, low)
    if spec.numeric.unit:  # QTI has no unit field: the question says it
        stem = item.findtext(f"{QTI}presentation/{QTI}material/{QTI}mattext", "")
        assert f"Answer in {spec.numeric.unit}." in seen(stem), spec.id
    assert qti_score(item, {"response1": [str(value)]}) == 100, spec.id
    assert qti_score(item, {"response1": [str(value + tolerance)]}) == 100, spec.id
    assert qti_score(item, {"response1": [str(value + 2 * tolerance + 1)]}) == 0, spec.id


def _matching(spec: Question, item: ET.Element) -> None:
    lids = [lid for lid in item.iter(f"{QTI}response_lid")]
    choice = {
        label.findtext(f"{QTI}material/{QTI}mattext", ""): label.get("ident", "")
        for label in lids[0].iter(f"{QTI}response_label")
    }
    rights = [seen_markdown(p.right, inline=True) for p in spec.pairs]
    assert set(choice) == set(rights), spec.id
    answers = {lid.get("ident", ""): [choice[r]] for lid, r in zip(lids, rights, strict=True)}
    assert qti_score(item, answers) == 100, spec.id  # every pair counts, not only the first
    first = lids[0].get("ident", "")
    others = [c for c in choice.values() if c != answers[first][0]]
    if others:
        one_wrong = answers | {first: others[:1]}
        share = qti_score(item, answers) - qti_score(item, one_wrong)
        assert share == pytest.approx(Decimal(100) / len(spec.pairs), abs=Decimal("0.01")), spec.id
