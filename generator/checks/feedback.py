"""The feedback form has a usable scale, one id per question, and texts the Moodle export can hold."""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks import error, rule
from generator.errors import Issue
from generator.model.course import Course

# Moodle's feedback activity keeps each question's text in a 255-character column (feedback_item.name).
MOODLE_ITEM_NAME = 255
# What Moodle's rated-choice items split their options on (mod/feedback/item/multichoicerated).
SEPARATORS = ("|", "####", ">>>>>", "<<<<<")


@rule("feedback-form")
def feedback_form(course: Course) -> Iterator[Issue]:
    form = course.feedback
    if form is None:
        return
    scale = form.scale
    if scale.high <= scale.low:
        yield error(
            form,
            "scale",
            "high",
            message=f"the scale runs from {scale.low} to {scale.high}: its high end must be above its low",
            hint="e.g. 'low: 1' and 'high: 5'",
        )
    for name in ("low_label", "high_label"):
        label = getattr(scale, name)
        marks = [mark for mark in SEPARATORS if mark in label]
        if marks:
            yield error(
                form,
                "scale",
                name,
                message=f"'{marks[0]}' cannot be part of a scale label: Moodle's feedback activity reads it "
                "as a separator",
                hint="use other punctuation, e.g. '/' or ','",
            )
    seen: dict[str, str] = {}
    questions = [("ratings", i, q.id, q.text) for i, q in enumerate(form.ratings)]
    questions += [("open_questions", i, q.id, q.text) for i, q in enumerate(form.open_questions)]
    for group, i, question_id, text in questions:
        where = f"{group}[{i}]"
        if question_id in seen:
            yield error(
                form,
                group,
                i,
                "id",
                message=f"question id '{question_id}' is used twice (first at {seen[question_id]})",
                hint="give every rating and open question its own id: it names the column of responses",
            )
        else:
            seen[question_id] = where
        if len(text) > MOODLE_ITEM_NAME:
            yield error(
                form,
                group,
                i,
                "text",
                message=f"{len(text)} characters; Moodle's feedback activity holds at most "
                f"{MOODLE_ITEM_NAME} per question",
                hint="shorten the question; put explanations in 'intro'",
            )
