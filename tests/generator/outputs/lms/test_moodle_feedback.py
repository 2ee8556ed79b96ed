"""The feedback form as a Moodle Feedback activity file: read back by the importer's rules, as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load.course_loader import check_course, load_course
from generator.outputs.lms import render
from generator.outputs.lms.moodle_feedback import FILE_NAME, export_feedback
from tests.conftest import FIXTURES, REPO
from tests.generator.outputs.lms.feedback_importer import Refused, import_feedback
from tests.printing import add_completion_specs

BREAD = FIXTURES / "courses" / "hearth-bread"


@pytest.mark.parametrize("where", [REPO, BREAD], ids=["bundled", "hearth-bread"])
def test_every_rating_and_open_question_arrives_as_written(where: Path, tmp_path: Path) -> None:
    form = load_course(where).feedback
    assert form is not None
    (path,) = export_feedback(form, tmp_path)
    items = import_feedback(path.read_bytes())
    intro, *questions = items
    assert intro.type == "label" and form.title in intro.presentation
    ratings = [i for i in questions if i.type == "multichoicerated"]
    opens = [i for i in questions if i.type == "textarea"]
    assert len(ratings) + len(opens) == len(questions)
    assert [(i.label, i.name) for i in ratings] == [(r.id, r.text) for r in form.ratings]
    assert [(i.label, i.name) for i in opens] == [(q.id, q.text) for q in form.open_questions]
    scale = form.scale
    for item in ratings:
        assert item.required and item.in_a_row
        assert [value for value, _ in item.choices] == list(range(scale.low, scale.high + 1))
        assert item.choices[0][1] == f"{scale.low} ({scale.low_label})"
        assert item.choices[-1][1] == f"{scale.high} ({scale.high_label})"
    assert not any(i.required for i in opens)


def test_the_bundled_form_has_six_ratings_and_three_open_questions() -> None:
    form = load_course(REPO).feedback
    assert form is not None
    assert (len(form.ratings), len(form.open_questions), form.scale.low, form.scale.high) == (6, 3, 1, 5)


def test_markdown_and_markup_in_texts_arrive_as_plain_text(minimal_course: Path, tmp_path: Path) -> None:
    add_completion_specs(minimal_course)
    spec = minimal_course / "curriculum" / "feedback.yaml"
    text = spec.read_text(encoding="utf-8")
    text = text.replace("text: The pace of the sessions", "text: 'The **pace** of <b>it</b> ]]> & `x`'")
    spec.write_text(text, encoding="utf-8")
    result = check_course(minimal_course)
    assert not result.errors and result.course and result.course.feedback
    (path,) = export_feedback(result.course.feedback, tmp_path)
    pace = import_feedback(path.read_bytes())[1]
    assert pace.name == "The pace of <b>it</b> ]]> & x"


def test_the_lms_output_holds_the_form_only_when_the_course_has_one(tmp_path: Path) -> None:
    from generator.outputs.context import RenderContext

    context = RenderContext(tmp_path / "work", tmp_path / "staging")
    files = render(load_course(BREAD), tmp_path / "bread", context)
    assert FILE_NAME in [f.name for f in files]
    files = render(load_course(FIXTURES / "courses" / "minimal"), tmp_path / "minimal", context)
    assert FILE_NAME not in [f.name for f in files]


def test_the_reader_refuses_what_moodle_refuses() -> None:
    with pytest.raises(Refused, match="wrong version"):
        import_feedback(b'<?xml version="1.0"?><FEEDBACK VERSION="2017"><ITEMS><ITEM/></ITEMS></FEEDBACK>')
    bad_item = (
        b'<?xml version="1.0"?><FEEDBACK VERSION="200701"><ITEMS><ITEM TYPE="rating"/></ITEMS></FEEDBACK>'
    )
    with pytest.raises(Refused, match="type not found"):
        import_feedback(bad_item)
