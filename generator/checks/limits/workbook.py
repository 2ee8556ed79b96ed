"""Text a workbook cell or an XML export cannot hold: found before anything is written, never truncated."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from generator.errors import Issue, Level
from generator.formats.workbook.cells import answer_round_trips
from generator.formats.workbook.columns import LETTERS
from generator.model.course import Course
from generator.model.question import Question

EXCEL_MAX_CHARS = 32_767
# What XML 1.0 (and so .xlsx) cannot carry: C0 controls other than tab, LF and CR; lone surrogates; U+FFFE/F.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_PATH = tuple[str | int, ...]


def question_texts(question: Question) -> Iterator[tuple[_PATH, str]]:
    """Every piece of free text in a question, with its field path."""
    yield ("stem",), question.stem
    yield ("explanation",), question.explanation
    yield ("guidance",), question.guidance
    for i, option in enumerate(question.options):
        yield ("options", i, "text"), option.text
        yield ("options", i, "feedback"), option.feedback
    for i, accepted in enumerate(question.accepted):
        yield ("accepted", i), accepted
    for i, pair in enumerate(question.pairs):
        yield ("pairs", i, "left"), pair.left
        yield ("pairs", i, "right"), pair.right
    if question.numeric is not None:
        yield ("numeric", "unit"), question.numeric.unit


def control_issues(course: Course) -> list[Issue]:
    """Control characters anywhere in question text (they make XML and workbooks unreadable)."""
    issues = []
    for question in course.questions.values():
        for path, text in question_texts(question):
            match = CONTROL.search(text)
            if match:
                issues.append(_control(question, path, match.group()))
    return issues


def cell_issues(question: Question, row: Sequence[object]) -> list[Issue]:
    """Why a question's row cannot be written: too long, control characters or an ambiguous answer."""
    from generator.formats.workbook.columns import NAMES

    texts = [v for v in row if isinstance(v, str)]
    fits = max(map(len, texts), default=0) <= EXCEL_MAX_CHARS and not CONTROL.search("".join(texts))
    if fits and answer_round_trips(question):
        return []  # the common case, checked in one pass
    issues = []
    for name, value in zip(NAMES, row, strict=False):
        if not isinstance(value, str):
            continue
        if len(value) > EXCEL_MAX_CHARS:
            issues.append(
                Issue(
                    Level.ERROR,
                    question.loc(*_path_of(question, name)),
                    question.field_name(*_path_of(question, name)),
                    f"question '{question.id}': its {name} is {len(value):,} characters; "
                    f"an Excel cell holds at most {EXCEL_MAX_CHARS:,}",
                    "shorten it (the workbook never truncates text silently)",
                    "bank-limits",
                )
            )
        match = CONTROL.search(value)
        if match:
            issues.append(_control(question, _path_of(question, name), match.group()))
    if not answer_round_trips(question):
        issues.append(
            Issue(
                Level.ERROR,
                question.loc(*_path_of(question, "answer")),
                question.field_name(*_path_of(question, "answer")),
                f"question '{question.id}': its answer cannot be written to the workbook unambiguously",
                "an accepted answer or a matching side must be one line with no leading or trailing spaces, "
                "and a matching side must not contain '=>'",
                "bank-limits",
            )
        )
    return issues


def _control(question: Question, path: _PATH, char: str) -> Issue:
    return Issue(
        Level.ERROR,
        question.loc(*path),
        question.field_name(*path),
        f"question '{question.id}' contains the control character U+{ord(char):04X}, "
        "which spreadsheets and XML cannot store",
        "delete it; it is usually pasted in by accident",
        "bank-limits",
    )


def _path_of(question: Question, column: str) -> _PATH:
    if column.startswith(("option_", "feedback_")):
        index = LETTERS.index(column[-1].upper())
        return ("options", index, "text" if column.startswith("option_") else "feedback")
    if column == "answer":
        return {"short_answer": ("accepted",), "numeric": ("numeric",), "matching": ("pairs",)}.get(
            question.type, ("answer",)
        )
    return (column,)
