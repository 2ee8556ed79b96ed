"""Characters no output can hold: XML 1.0 (so decks, workbooks, Moodle XML and QTI) forbids most controls.

Checked over every piece of text in every spec, wherever it ends up: a control character is never meant
(it comes in through a double-quoted YAML escape such as "\\a", or pasted from a terminal), and every
spec text reaches a deck, the workbook or an LMS export through one path or another.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from generator.checks import rule
from generator.errors import Issue, Level
from generator.model.base import Spec
from generator.model.course import Course
from generator.model.kinds import KINDS
from generator.model.question import QuestionSet

# What XML 1.0 cannot carry: C0 controls other than tab, LF and CR; lone surrogates; U+FFFE and U+FFFF.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_Path = tuple[str | int, ...]


def spec_texts(spec: Spec) -> Iterator[tuple[_Path, str, bool]]:
    """Every string in a spec, with its field path (as `loc` takes it) and whether it is a mapping key."""
    yield from _texts(spec, ())


def _texts(value: Any, path: _Path) -> Iterator[tuple[_Path, str, bool]]:
    if isinstance(value, str):
        yield path, value, False
    elif isinstance(value, Spec):
        for name, info in type(value).model_fields.items():
            yield from _texts(getattr(value, name), (*path, info.alias or name))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _texts(item, (*path, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str):
                yield (*path, key), key, True
            yield from _texts(item, (*path, key))


def thing(doc: Spec, path: _Path) -> str:
    """What a field belongs to, for messages: "lesson 'intro'", "question 'q-1'"."""
    if isinstance(doc, QuestionSet):
        if (
            len(path) > 1
            and path[0] == "questions"
            and isinstance(path[1], int)
            and path[1] < len(doc.questions)
        ):
            return f"question '{doc.questions[path[1]].id}'"
        return f"the question file for module '{doc.module}'"
    kind = next((k for k, model in KINDS.items() if isinstance(doc, model)), "spec").replace("_", " ")
    return f"{kind} '{getattr(doc, 'id', '')}'"


def describe(char: str) -> str:
    return f"U+{ord(char):04X}"


@rule("control-characters")
def control_characters(course: Course) -> Iterator[Issue]:
    for doc in course.documents:
        for path, text, key in spec_texts(doc):
            match = CONTROL.search(text)
            if match is None:
                continue
            where = f" (character {match.start() + 1} of {len(text)})" if len(text) > 1 else ""
            yield Issue(
                Level.ERROR,
                doc.loc(*path, key=key),
                doc.field_name(*path),
                f"{thing(doc, path)} contains the control character {describe(match.group())}{where}, "
                "which slide decks, the workbook and XML exports cannot store",
                "delete it (it is usually pasted in by accident, or written by an escape such as \\a "
                "in a double-quoted YAML string)",
            )
