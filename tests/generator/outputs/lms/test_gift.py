"""GIFT: escaping, and a parse back to the same questions (less what GIFT cannot carry)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from generator.load.course_loader import check_course, load_course
from generator.model.course import Course
from generator.outputs.html import plain_text
from generator.outputs.lms.gift import escape, export_gift, gift, gift_view, parse_gift
from generator.outputs.lms.items import lms_items
from tests.conftest import MINIMAL, REPO
from tests.generator.outputs.lms.conftest import NASTY_OPTION, NASTY_STEM, visible
from tests.generator.outputs.lms.importers import course_of


def test_escaping_order_backslash_first() -> None:
    assert escape("a\\b ~ = # { } : c\nd") == "a\\\\b \\~ \\= \\# \\{ \\} \\: c\\nd"


def test_layout_of_each_type(tmp_path: Path) -> None:
    (path,) = export_gift(load_course(MINIMAL), tmp_path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith(
        "$CATEGORY: $course$/top/Pipelines in Miniature/Pipeline Basics/What is a pipeline?\n\n"
    )
    assert (
        "// [id:q-stages-order] [tag:stages]\n"
        "::q-stages-order::[html]<p>Which stage comes first in a pipeline?</p>{\n" in text
    )
    assert "\t=Ingest#<p>Right - data must arrive before anything else.</p>\n\t~Serve#" in text
    assert "{\n\tFALSE\n\t####<p>A pipeline is automated and repeatable.</p>\n}" in text
    assert "{\n\t#4:0\n\t####" in text
    assert "{\n\t=idempotency\n\t=idempotent\n\t####" in text
    assert "::q-secret-exam::" in text  # graded-only questions are exported to the LMS


def test_round_trip_on_the_fixture_and_the_bundled_course(tmp_path: Path) -> None:
    bundled = check_course(REPO).course
    assert bundled is not None
    for course in (load_course(MINIMAL), bundled):
        (path,) = export_gift(course, tmp_path)
        assert parse_gift(path.read_text(encoding="utf-8")) == [gift_view(i) for i in lms_items(course)]


def test_nasty_text_survives_the_round_trip(nasty_course: Course, tmp_path: Path) -> None:
    (path,) = export_gift(nasty_course, tmp_path)
    items = parse_gift(path.read_text(encoding="utf-8"))
    assert items == [gift_view(i) for i in lms_items(nasty_course)]
    assert visible(items[0].text) == NASTY_STEM
    assert plain_text(items[0].answers[0].text) == NASTY_OPTION
    assert [a.text for a in items[4].answers] == ["idempotency", "{~=#:}"]


def test_the_hostile_question_file_round_trips(tmp_path: Path) -> None:
    course = course_of("hostile", tmp_path)
    (path,) = export_gift(course, tmp_path)
    items = parse_gift(path.read_text(encoding="utf-8"))
    assert items == [gift_view(i) for i in lms_items(course)]
    numeric = next(i for i in items if i.id == "q-hostile-numeric")
    assert numeric.answers[0].tolerance == 0.00001 and "Answer in m/s &amp; &lt;~=#{}:&gt;." in numeric.text


def test_a_short_answer_accepting_an_arrow_is_left_out_and_said_so(
    nasty_course: Course, tmp_path: Path
) -> None:
    items = lms_items(nasty_course)
    short = next(i for i in items if i.kind == "shortanswer")
    arrow = replace(short, answers=(*short.answers, replace(short.answers[0], text="a -> b")))
    text = gift([arrow if i is short else i for i in items])
    assert f"// question: {short.id} left out: an accepted answer holds '->'" in text
    assert f"::{short.id}::" not in text
