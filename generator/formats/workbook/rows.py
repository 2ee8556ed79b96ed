"""One question as one row of cells, and one row of cells back into the fields of a question."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.formats.workbook.cells import (
    Formula,
    cell_text,
    encode_answer,
    encode_correct,
    is_date,
    join_ids,
    number_cell,
    parse_bool,
    parse_letters,
    parse_numeric,
    parse_pairs,
    split_ids,
    split_lines,
)
from generator.formats.workbook.columns import LETTERS, NAMES
from generator.model.course import Course
from generator.model.question import CHOICE_TYPES, Question, QuestionType

Cell = str | int | float | bool | None
ANSWER_TYPES = ("short_answer", "numeric", "matching")
TYPES: tuple[str, ...] = QuestionType.__args__  # type: ignore[attr-defined]


def bloom_levels(course: Course) -> dict[str, str]:
    """Objective id -> the Bloom level of its verb in the course's vocabulary ('' when it has none)."""
    return {o.id: course.bloom_level(o.verb) or "" for o in course.objectives()}


def effective_bloom(question: Question, levels: Mapping[str, str]) -> str:
    """The question's own Bloom level, else its first objective's."""
    return question.bloom or levels.get(question.objectives[0], "")


def course_rows(course: Course) -> Iterator[tuple[Question, list[Cell]]]:
    """Every question of the course with its row, in spec-file order (the order of the Questions sheet)."""
    sections = {m.id: s.id for s in course.sections for m in s.modules}
    levels = bloom_levels(course)
    for question_set in course.question_sets:
        section = sections.get(question_set.module, "")
        for question in question_set.questions:
            bloom = effective_bloom(question, levels)
            yield question, question_row(question, section=section, module=question_set.module, bloom=bloom)


def question_row(question: Question, *, section: str, module: str, bloom: str) -> list[Cell]:
    """The cells of `question`, in the order of `columns.NAMES` (None for a blank cell)."""
    options = question.options
    blanks: list[Cell] = [None] * (len(LETTERS) - len(options))
    texts: list[Cell] = [*(o.text for o in options), *blanks]
    feedback: list[Cell] = [*(o.feedback or None for o in options), *blanks]
    return [
        question.id,
        section or None,
        module,
        join_ids(question.objectives),
        bloom or None,
        question.difficulty,
        question.type,
        question.stem,
        *texts[: len(LETTERS)],
        encode_correct(question),
        encode_answer(question),
        question.explanation,
        *feedback[: len(LETTERS)],
        question.guidance or None,
        question.rubric,
        number_cell(question.points),
        join_ids(question.tags),
        question.graded_only,
    ]


def same_cells(row: Mapping[str, Cell], expected: list[Cell]) -> bool:
    """Whether the cells read from the sheet hold what export wrote (1 and 1.0 count as the same)."""
    for name, want in zip(NAMES, expected, strict=True):
        got = row.get(name)
        got = None if got == "" else got
        if isinstance(got, Formula):
            return False
        if isinstance(got, bool) or isinstance(want, bool):
            if got is not want:
                return False
        elif isinstance(got, str) != isinstance(want, str) or got != want:
            return False
    return True


@dataclass
class DecodedRow:
    """What one row says: the fields for `Question`, plus problems only the cells can show."""

    number: int
    data: dict[str, Any] = field(default_factory=dict)
    module: str = ""
    section: str = ""
    problems: list[tuple[str, str, str]] = field(default_factory=list)  # (column, message, hint)

    def problem(self, column: str, message: str, hint: str = "") -> None:
        self.problems.append((column, message, hint))


def decode_row(number: int, cells: Mapping[str, Cell]) -> DecodedRow:
    """Turn a row's cells into the mapping a question spec would hold; leave judging it to the model."""
    out = DecodedRow(number)
    texts: dict[str, str] = {}
    for name in NAMES:
        value = cells.get(name)
        if isinstance(value, Formula):
            out.problem(
                name,
                f"the cell holds a formula ({value[:40]})",
                "type the text itself; start it with an apostrophe (') if it begins with =",
            )
        elif is_date(value):
            out.problem(name, "Excel turned this cell into a date", "retype it with a leading apostrophe (')")
        if value is not None and value != "" and not (isinstance(value, str) and not value.strip()):
            texts[name] = cell_text(value)
    data = out.data
    out.module = texts.get("module", "").strip()
    out.section = texts.get("section", "").strip()
    data["id"] = texts.get("id", "").strip()
    kind = texts.get("type", "").strip()
    data["type"] = kind
    if not kind:
        out.problem("type", "the question type is empty", "pick one from the list")
    if kind not in TYPES:
        kind = ""  # the model reports the type; answer columns cannot be read without one
    data["objectives"] = split_ids(texts.get("objectives", ""))
    data["stem"] = texts.get("stem", "")
    for name in ("bloom", "difficulty", "rubric"):
        if name in texts:
            data[name] = texts[name].strip().lower() if name != "rubric" else texts[name].strip()
    _options(out, texts, kind)
    _answer(out, texts, cells, kind)
    data["explanation"] = texts.get("explanation", "")
    if "guidance" in texts:
        data["guidance"] = texts["guidance"]
    if "points" in texts:
        value = cells.get("points")
        data["points"] = (
            value if isinstance(value, int | float) and not isinstance(value, bool) else texts["points"]
        )
    if "tags" in texts:
        data["tags"] = split_ids(texts["tags"])
    if "graded_only" in texts:
        flag = parse_bool(cells.get("graded_only"))
        data["graded_only"] = texts["graded_only"] if flag is None else flag
    return out


def _options(out: DecodedRow, texts: dict[str, str], kind: str) -> None:
    letters = [c.lower() for c in LETTERS]
    filled = [f"option_{c}" in texts for c in letters]
    last = max((i for i, f in enumerate(filled) if f), default=-1)
    options: list[dict[str, Any]] = []
    gaps = False
    for i in range(last + 1):
        name = f"option_{letters[i]}"
        if not filled[i]:
            gaps = True
            out.problem(
                name,
                f"option {LETTERS[i]} is empty but a later option is filled",
                "fill it, or move the options up so they have no gaps",
            )
            continue
        option: dict[str, Any] = {"text": texts[name]}
        if f"feedback_{letters[i]}" in texts:
            option["feedback"] = texts[f"feedback_{letters[i]}"]
        options.append(option)
    for i in range(last + 1, len(LETTERS)):
        if f"feedback_{letters[i]}" in texts:
            out.problem(
                f"feedback_{letters[i]}",
                f"feedback for option {LETTERS[i]}, which is empty",
                f"fill option_{letters[i]} or clear this feedback",
            )
    if options:
        out.data["options"] = options
    correct = texts.get("correct")
    if kind in CHOICE_TYPES and correct is not None and not gaps:
        indexes, bad = parse_letters(correct)
        for part in bad:
            out.problem(
                "correct", f"{part!r} is not an option letter", "write letters A-F, e.g. 'A' or 'A, C'"
            )
        for index in indexes:
            if index >= len(options):
                out.problem("correct", f"option {LETTERS[index]} is marked correct but it is empty")
            else:
                options[index]["correct"] = True


def _answer(out: DecodedRow, texts: dict[str, str], cells: Mapping[str, Cell], kind: str) -> None:
    correct, answer = texts.get("correct"), texts.get("answer")
    if kind == "true_false" and correct is not None:
        flag = parse_bool(cells.get("correct"))
        if flag is None:
            out.problem(
                "correct",
                f"{correct!r} is not TRUE or FALSE",
                "a true_false question's answer is TRUE or FALSE",
            )
        else:
            out.data["answer"] = flag
    elif correct is not None and kind not in CHOICE_TYPES and kind:
        out.problem(
            "correct",
            f"the correct column applies to choice and true_false questions, not {kind}",
            "clear it" + (", and put the answer in the answer column" if kind in ANSWER_TYPES else ""),
        )
    if answer is None or not kind:
        return
    if kind == "short_answer":
        out.data["accepted"] = split_lines(answer)
    elif kind == "numeric":
        value = cells.get("answer")
        if isinstance(value, int | float) and not isinstance(value, bool):
            out.data["numeric"] = {"value": value}
        else:
            numeric = parse_numeric(answer)
            if numeric is None:
                out.problem("answer", f"{answer!r} is not a number", "write e.g. 4, 4 ± 0.5 or 12.5 ± 0.5 GB")
            else:
                out.data["numeric"] = numeric
    elif kind == "matching":
        pairs, problems = parse_pairs(answer)
        for problem in problems:
            out.problem("answer", problem, "write one pair per line: left => right")
        out.data["pairs"] = pairs
    else:
        out.problem(
            "answer",
            f"the answer column applies to short_answer, numeric and matching questions, not {kind}",
            "choice questions mark the right options in the correct column"
            if kind in CHOICE_TYPES
            else "clear it",
        )
