"""How answer fields are written as cell text and read back (the formats are described in `columns`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from generator.formats.workbook.columns import LETTERS
from generator.model.question import Numeric, Pair, Question

_NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
_NUMERIC = re.compile(
    rf"^\s*(?P<value>{_NUMBER})\s*(?:(?:±|\+/-|\+-)\s*(?P<tolerance>{_NUMBER}))?\s*(?P<unit>.*?)\s*$",
    re.DOTALL,
)
_TRUE = {"true", "t", "yes", "y", "1"}
_FALSE = {"false", "f", "no", "n", "0"}


class Formula(str):
    """A cell that holds a formula (its text starts with '='); import refuses it for a question field."""


def number_text(value: float) -> str:
    """4.0 -> '4', 0.5 -> '0.5': the shortest text that reads back as the same float."""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def decimal_text(value: float | Decimal) -> str:
    """1e-05 -> '0.00001', 4.0 -> '4': the digits as authored, never an exponent (LMS parsers reject one)."""
    text = format(value if isinstance(value, Decimal) else Decimal(repr(value)), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def number_cell(value: float) -> int | float:
    return int(value) if value.is_integer() and abs(value) < 1e15 else value


def join_ids(ids: Iterable[str]) -> str | None:
    return ", ".join(ids) or None


def split_ids(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,;\n]", text) if part.strip()]


def split_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def encode_numeric(numeric: Numeric) -> str:
    text = number_text(numeric.value)
    if numeric.tolerance:
        text += f" ± {number_text(numeric.tolerance)}"
    return f"{text} {numeric.unit}" if numeric.unit else text


def parse_numeric(text: str) -> dict[str, Any] | None:
    """'12.5 ± 0.5 GB' -> {'value': 12.5, 'tolerance': 0.5, 'unit': 'GB'}; None if it is not that shape."""
    match = _NUMERIC.match(text)
    if match is None:
        return None
    out: dict[str, Any] = {"value": float(match["value"])}
    if match["tolerance"]:
        out["tolerance"] = float(match["tolerance"])
    if match["unit"]:
        out["unit"] = match["unit"]
    return out


def encode_pairs(pairs: list[Pair]) -> str:
    return "\n".join(f"{p.left} => {p.right}" for p in pairs)


def parse_pairs(text: str) -> tuple[list[dict[str, str]], list[str]]:
    """One 'left => right' pair per line; returns the pairs and a problem for each line that is not one."""
    pairs, problems = [], []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        left, sep, right = line.partition("=>")
        if not sep:
            problems.append(f"line {number} ({line.strip()!r}) has no '=>' between its two sides")
            continue
        pairs.append({"left": left.strip(), "right": right.strip()})
    return pairs, problems


def encode_answer(question: Question) -> str | None:
    """The `answer` cell: accepted answers, the numeric answer or the matching pairs."""
    if question.type == "short_answer" and question.accepted:
        return "\n".join(question.accepted)
    if question.type == "numeric" and question.numeric is not None:
        return encode_numeric(question.numeric)
    if question.type == "matching" and question.pairs:
        return encode_pairs(question.pairs)
    return None


def answer_round_trips(question: Question) -> bool:
    """Whether the `answer` cell reads back as exactly the same answer (else export must refuse it).

    Compares dumps: models bound to their source file carry private location data.
    """
    text = encode_answer(question)
    if text is None:
        return True
    if question.type == "short_answer":
        return split_lines(text) == question.accepted
    if question.type == "numeric":
        parsed = parse_numeric(text)
        return (
            parsed is not None
            and question.numeric is not None
            and Numeric(**parsed).model_dump() == question.numeric.model_dump()
        )
    pairs, problems = parse_pairs(text)
    return not problems and pairs == [p.model_dump() for p in question.pairs]


def encode_correct(question: Question) -> str | bool | None:
    """The `correct` cell: letters of the right options, or TRUE/FALSE for a true_false question."""
    if question.type == "true_false":
        return question.answer
    letters = [LETTERS[i] for i, o in enumerate(question.options[: len(LETTERS)]) if o.correct]
    return ", ".join(letters) or None


def parse_letters(text: str) -> tuple[list[int], list[str]]:
    """'A, c' -> [0, 2]; the second list names every part that is not a letter A-F."""
    indexes, bad = [], []
    for part in re.split(r"[,;\s]+", text.strip()):
        if not part:
            continue
        if len(part) == 1 and part.upper() in LETTERS:
            indexes.append(LETTERS.index(part.upper()))
        else:
            bad.append(part)
    return indexes, bad


def parse_bool(value: object) -> bool | None:
    """TRUE/FALSE as Excel stores them, or yes/no/1/0 typed as text; None when it is neither."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
    return None


def is_date(value: object) -> bool:
    return isinstance(value, datetime | date | time)


def cell_text(value: object) -> str:
    """A cell value as text: numbers Excel turned into numbers are written back the way they read."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return number_text(value)
    return str(value)
