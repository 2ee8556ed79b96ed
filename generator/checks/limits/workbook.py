"""What the question bank workbook cannot hold: found before anything is written, never truncated.

Excel keeps at most 32,767 characters in a cell; an answer cell must read back as the same answer when the
workbook is imported; sheet names hold 31 characters. Control characters are the text rules' concern.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from generator.checks import error, rule, warning
from generator.errors import Issue
from generator.formats.workbook.cells import answer_round_trips
from generator.formats.workbook.columns import LETTERS, NAMES
from generator.formats.workbook.rows import course_rows
from generator.formats.workbook.sheets import SHEET_NAME_MAX, full_name, scoring_sheets
from generator.model.base import Spec
from generator.model.course import Course
from generator.model.question import Question
from generator.model.rubric import RUBRIC_LEVELS, Rubric

EXCEL_MAX_CHARS = 32_767
_PATH = tuple[str | int, ...]
_FIX = "shorten it (the workbook never truncates text silently)"


@rule("workbook-question-cells")
def question_cells(course: Course) -> Iterator[Issue]:
    """Each question's row of the Questions sheet: cells Excel can hold, an answer that reads back."""
    for question, row in course_rows(course):
        yield from cell_issues(question, row)


def cell_issues(question: Question, row: Sequence[object]) -> list[Issue]:
    """Why a question's row cannot be written: a cell too long, or an answer that would not read back."""
    longest = max((len(v) for v in row if isinstance(v, str)), default=0)
    if longest <= EXCEL_MAX_CHARS and answer_round_trips(question):
        return []  # the common case, checked in one pass
    issues = []
    for name, value in zip(NAMES, row, strict=False):
        if isinstance(value, str) and len(value) > EXCEL_MAX_CHARS:
            path = _path_of(question, name)
            message = (
                f"question '{question.id}': its {name} is {len(value):,} characters; "
                f"an Excel cell holds at most {EXCEL_MAX_CHARS:,}"
            )
            issues.append(error(question, *path, message=message, hint=_FIX))
    if not answer_round_trips(question):
        path = _path_of(question, "answer")
        issues.append(
            error(
                question,
                *path,
                message=f"question '{question.id}': its answer cannot be written to the workbook "
                f"unambiguously ({_why_not(question)})",
                hint="an accepted answer or a matching side must be one line with no leading or trailing "
                "spaces, and a matching side must not contain '=>'",
            )
        )
    return issues


def _why_not(question: Question) -> str:
    """Which value of the answer would not read back as itself, quoted."""
    values = question.accepted if question.type == "short_answer" else []
    for pair in question.pairs if question.type == "matching" else []:
        values += [pair.left, pair.right]
    for value in values:
        if value != value.strip() or "\n" in value or "\r" in value or "=>" in value:
            return f"{value!r}"
    return "it would read back differently"


def _path_of(question: Question, column: str) -> _PATH:
    if column.startswith(("option_", "feedback_")):
        index = LETTERS.index(column[-1].upper())
        return ("options", index, "text" if column.startswith("option_") else "feedback")
    if column == "answer":
        return {"short_answer": ("accepted",), "numeric": ("numeric",), "matching": ("pairs",)}.get(
            question.type, ("answer",)
        )
    return (column,)


def _sheet_texts(course: Course) -> Iterator[tuple[Spec, _PATH, str, str, str]]:
    """(spec, field path, what it is, the cell's text, the sheet) for the spec text the other sheets hold."""
    blueprint = "'Blueprint'"
    yield course.spec, ("title",), "the course: its title", f"Test blueprint: {course.title}", blueprint
    for objective in course.objectives():
        yield objective, ("text",), f"objective '{objective.id}'", objective.statement, blueprint
    sheets = {id(spec): f"'{title}'" for spec, title in scoring_sheets(course)}
    for rubric in course.rubrics.values():
        sheet, what = sheets[id(rubric)], f"rubric '{rubric.id}'"
        yield rubric, ("title",), f"{what}: its title", f"Rubric: {rubric.title}", sheet
        for i, criterion in enumerate(rubric.criteria):
            of = f"{what}: criterion '{criterion.id}'"
            yield rubric, ("criteria", i, "name"), f"{of}, its name", criterion.name, sheet
            for key, name, _ in RUBRIC_LEVELS:
                text = getattr(criterion.descriptors, key)
                yield (
                    rubric,
                    ("criteria", i, "descriptors", key),
                    f"{of}, its '{name}' descriptor",
                    text,
                    sheet,
                )
    for checklist in course.checklists.values():
        sheet, what = sheets[id(checklist)], f"checklist '{checklist.id}'"
        yield checklist, ("title",), f"{what}: its title", f"Checklist: {checklist.title}", sheet
        scale = ", ".join(f"{score} {text}" for score, text in sorted(checklist.scale.items()))
        yield checklist, ("scale",), f"{what}: its scale", f"Score every item {scale}.", sheet
        for i, category in enumerate(checklist.categories):
            of = f"{what}: category '{category.name[:40]}'"
            yield (
                checklist,
                ("categories", i, "name"),
                f"{what}: the name of category {i + 1}",
                category.name,
                sheet,
            )
            for j, item in enumerate(category.items):
                yield checklist, ("categories", i, "items", j), f"{of}, item {j + 1}", item, sheet


@rule("workbook-cells")
def sheet_cells(course: Course) -> Iterator[Issue]:
    """Spec text in the Blueprint and scoring sheets fits an Excel cell."""
    for spec, path, what, text, sheet in _sheet_texts(course):
        if len(text) > EXCEL_MAX_CHARS:
            yield error(
                spec,
                *path,
                message=f"{what} is {len(text):,} characters in its cell of the workbook's {sheet} sheet; "
                f"an Excel cell holds at most {EXCEL_MAX_CHARS:,}",
                hint=_FIX,
            )


@rule("workbook-sheet-names")
def sheet_names(course: Course) -> Iterator[Issue]:
    """A scoring sheet named after an id that had to be shortened (or made unique) is named differently."""
    for spec, title in scoring_sheets(course):
        wanted = full_name(spec)
        if title == wanted:
            continue
        kind = "rubric" if isinstance(spec, Rubric) else "checklist"
        why = (
            f"Excel sheet names hold at most {SHEET_NAME_MAX} characters"
            if len(wanted) > SHEET_NAME_MAX
            else "Excel cannot tell sheet names apart by case"
        )
        if title.endswith(")") and wanted[: len(title)] != title:
            why += ", and the shortened name was taken by another sheet"
        room = SHEET_NAME_MAX - len(wanted) + len(spec.id)
        yield warning(
            spec,
            "id",
            message=f"{kind} '{spec.id}': its scoring sheet in the workbook is named '{title}', "
            f"not '{wanted}': {why}",
            hint=f"use an id of at most {room} characters to have the sheet named after it in full",
        )
