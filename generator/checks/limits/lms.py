"""What the LMS formats cannot hold: long category names and tags, `->` in GIFT, wildcards in Canvas.

The LMS exports (Moodle XML, GIFT, QTI) put each question in a category named after the course, its
section and its module (or workshop day). Moodle's import fails on a category name it cannot store, so
the exports cut a longer title; Moodle itself cuts every tag to 50 characters on import. GIFT has no
escape for `->` in an accepted short answer, so the GIFT export leaves such a question out; Canvas has
no wildcards, so a `wildcard: true` answer is matched literally there. All are warnings: the exports are
written, adapted.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks import rule, warning
from generator.errors import Issue
from generator.formats.lms import CATEGORY_MAX, GIFT_ARROW, TAG_MAX, category_name, gift_cannot_hold
from generator.model.base import Spec
from generator.model.course import Course

_Place = tuple[Spec, tuple[str | int, ...], str, str]  # spec, field path, what it is, its title


def _categories(course: Course) -> Iterator[_Place]:
    """Every title the exports use as a category name, where some question lands in that category."""
    with_questions = {qs.module for qs in course.question_sets}
    if not with_questions:
        return
    yield course.spec, ("title",), "the course", course.title
    for section in course.sections:
        modules = [(i, m) for i, m in enumerate(section.modules) if m.id in with_questions]
        if modules:
            yield section, ("title",), f"section '{section.id}'", section.title
        for i, module in modules:
            yield section, ("modules", i, "title"), f"module '{module.id}'", module.title
    for day in course.ordered_workshops():
        if day.id in with_questions:
            yield day, ("title",), f"workshop day '{day.id}'", day.title


@rule("lms-category-names")
def category_names(course: Course) -> Iterator[Issue]:
    for spec, path, what, title in _categories(course):
        length = len(" ".join(title.split()))  # as the exports write it: on one line
        if length > CATEGORY_MAX:
            yield warning(
                spec,
                *path,
                message=f"{what}: its title ({length:,} characters) names a question category in the "
                f"LMS exports, and Moodle stores at most {CATEGORY_MAX} characters of a category name: the "
                f"exports cut it at a word, to {len(category_name(title))}",
                hint=f"shorten the title to at most {CATEGORY_MAX} characters",
            )


@rule("lms-tags")
def tags(course: Course) -> Iterator[Issue]:
    for question_set in course.question_sets:
        for i, question in enumerate(question_set.questions):
            for j, tag in enumerate(question.tags):
                if len(tag) > TAG_MAX:
                    yield warning(
                        question_set,
                        "questions",
                        i,
                        "tags",
                        j,
                        message=f"question '{question.id}': its tag '{tag}' is {len(tag)} characters; "
                        f"Moodle keeps the first {TAG_MAX} of a tag, so it imports as '{tag[:TAG_MAX]}'",
                        hint=f"use a tag of at most {TAG_MAX} characters",
                    )


@rule("lms-gift-arrow")
def gift_arrow(course: Course) -> Iterator[Issue]:
    for question_set in course.question_sets:
        for i, question in enumerate(question_set.questions):
            if question.type == "short_answer" and gift_cannot_hold(question.accepted):
                j = next(j for j, text in enumerate(question.accepted) if GIFT_ARROW in text)
                yield warning(
                    question_set,
                    "questions",
                    i,
                    "accepted",
                    j,
                    message=f"question '{question.id}': the accepted answer '{question.accepted[j]}' holds "
                    f"'{GIFT_ARROW}', which Moodle's GIFT import reads as a matching pair and GIFT cannot "
                    "escape: the GIFT export leaves this question out (Moodle XML and QTI carry it)",
                    hint="import the Moodle XML file instead of GIFT, or accept an answer without '->'",
                )


@rule("lms-wildcard-canvas")
def wildcard_canvas(course: Course) -> Iterator[Issue]:
    for question_set in course.question_sets:
        for i, question in enumerate(question_set.questions):
            starred = [j for j, text in enumerate(question.accepted) if "*" in text]
            if question.type == "short_answer" and question.wildcard and starred:
                yield warning(
                    question_set,
                    "questions",
                    i,
                    "wildcard",
                    message=f"question '{question.id}': Canvas has no wildcards, so in the QTI export the "
                    f"answer '{question.accepted[starred[0]]}' matches only a literal '*' (Moodle reads it "
                    "as any text)",
                    hint="list the answers Canvas should accept as well, or drop 'wildcard' if '*' is meant",
                )
