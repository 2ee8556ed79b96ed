"""The Questions sheet's columns, and which column holds each field of a question.

How answers are written in cells (the workbook's Guide sheet says the same to trainers):

- `correct`: choice questions list the letters of the right options (`A` or `A, C`); true_false holds
  TRUE or FALSE.
- `answer`: short_answer has one accepted answer per line; numeric is `4`, `4 ± 0.5` or `12.5 ± 0.5 GB`
  (a value, an optional tolerance after `±` or `+/-`, an optional unit); matching has one pair per line,
  `left => right`.
- `objectives` and `tags` are ids separated by commas; `bloom` left blank follows the first objective's verb.
"""

from __future__ import annotations

from dataclasses import dataclass

LETTERS = "ABCDEF"
SHEET = "Questions"
TABLE = "Questions"


@dataclass(frozen=True)
class Column:
    name: str
    width: float
    wrap: bool = False
    note: str = ""


_OPTION_NOTE = "Choice questions: the text of option {}."
_FEEDBACK_NOTE = "Choice questions: shown when a learner picks option {}."

COLUMNS: tuple[Column, ...] = (
    Column("id", 22, note="Unique id: lower-case letters, digits and - _ . A new id adds a new question."),
    Column("section", 12, note="Follows the module; change the module, not this."),
    Column(
        "module", 24, note="Module (or workshop day) the question belongs to; its file in question_bank/."
    ),
    Column("objectives", 26, True, "Objective ids, separated by commas."),
    Column("bloom", 12, note="Bloom level; blank follows the first objective's verb."),
    Column("difficulty", 11, note="easy, medium or hard."),
    Column(
        "type",
        16,
        note="single_choice, multiple_choice, true_false, short_answer, numeric, matching, "
        "essay or practical.",
    ),
    Column("stem", 60, True, "The question, Markdown allowed."),
    *(Column(f"option_{c.lower()}", 28, True, _OPTION_NOTE.format(c)) for c in LETTERS),
    Column(
        "correct", 10, note="Choice: letters of the right options (A or A, C). true_false: TRUE or FALSE."
    ),
    Column(
        "answer",
        30,
        True,
        "short_answer: one accepted answer per line. numeric: 4, 4 ± 0.5 or "
        "12.5 ± 0.5 GB. matching: one 'left => right' pair per line.",
    ),
    Column("explanation", 48, True, "Shown after answering (general feedback)."),
    *(Column(f"feedback_{c.lower()}", 28, True, _FEEDBACK_NOTE.format(c)) for c in LETTERS),
    Column("guidance", 36, True, "essay and practical: what a good answer contains."),
    Column("rubric", 16, note="essay and practical: id of the rubric used to mark it."),
    Column("points", 8, note="Points, greater than 0."),
    Column("tags", 20, True, "Tag ids, separated by commas."),
    Column("graded_only", 12, note="TRUE keeps the question off the student site (exams and LMS only)."),
)
NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
INDEX: dict[str, int] = {name: i for i, name in enumerate(NAMES)}
# A hidden helper column at the end of the table: ",a,b," built from `objectives` by a formula, so the
# Blueprint can count whole ids with COUNTIFS wildcards ("*,a,*" never matches ",ab,").
KEY_COLUMN = "objective_key"
KEY_FORMULA = f'=","&SUBSTITUTE({TABLE}[[#This Row],[objectives]]," ","")&","'
ALL_NAMES: tuple[str, ...] = (*NAMES, KEY_COLUMN)


def column_letter(number: int) -> str:
    """1 -> 'A', 27 -> 'AA' (openpyxl has this too, but importing it loads all of openpyxl)."""
    out = ""
    while number:
        number, rest = divmod(number - 1, 26)
        out = chr(65 + rest) + out
    return out


def letter(name: str) -> str:
    """The sheet column letter of a column name, e.g. 'type' -> 'G'."""
    return column_letter(ALL_NAMES.index(name) + 1)


def cell_ref(name: str, row: int) -> str:
    return f"{SHEET}!{letter(name)}{row}"


def column_of(path: tuple[str | int, ...]) -> str:
    """The column holding the question field at `path` (as pydantic and the checks name it)."""
    if not path:
        return "id"
    head = path[0]
    if head == "options":
        if len(path) == 1 or not isinstance(path[1], int):
            return "option_a"
        suffix = LETTERS[min(path[1], len(LETTERS) - 1)].lower()
        if len(path) > 2 and path[2] == "feedback":
            return f"feedback_{suffix}"
        if len(path) > 2 and path[2] == "correct":
            return "correct"
        return f"option_{suffix}"
    if head == "answer":
        return "correct"
    if head in ("accepted", "numeric", "pairs"):
        return "answer"
    return head if isinstance(head, str) and head in INDEX else "id"
