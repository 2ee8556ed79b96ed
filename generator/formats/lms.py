"""What the LMS exports share: the category path of each question, and what Moodle stores of names and tags.

Moodle keeps a question category's name in 255 characters (a longer one fails the import) and cuts every
tag to 50 characters; the exporters shorten category names and the lms checks warn about both.
"""

from __future__ import annotations

from generator.formats.text import shorten
from generator.model.course import Course

CATEGORY_MAX = 255
TAG_MAX = 50
# Moodle's GIFT importer reads any `->` in a question's answers as a matching pair, and GIFT has no escape
# for it; in HTML it is written `-&gt;`, but an accepted short answer is plain text.
GIFT_ARROW = "->"


def gift_cannot_hold(accepted: list[str]) -> bool:
    """True when a short answer with these accepted answers cannot be written in GIFT."""
    return any(GIFT_ARROW in text for text in accepted)


def category_groups(course: Course) -> list[tuple[str, tuple[str, ...]]]:
    """(module or day id, its category path as spec titles), in course order; a question file for an
    unknown module gets a category named after the id."""
    groups: list[tuple[str, tuple[str, ...]]] = []
    for section in course.sections:
        groups += [(m.id, (course.title, section.title, m.title)) for m in section.modules]
    groups += [(d.id, (course.title, "Workshop days", d.title)) for d in course.ordered_workshops()]
    known = {module for module, _ in groups}
    groups += [
        (qs.module, (course.title, qs.module)) for qs in course.question_sets if qs.module not in known
    ]
    return groups


def category_name(title: str) -> str:
    """A title as a category name Moodle can store: on one line (a newline would end GIFT's `$CATEGORY:`
    line), cut at a word, with an ellipsis, past 255 characters."""
    return shorten(" ".join(title.split()), CATEGORY_MAX)
