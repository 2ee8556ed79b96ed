"""Cell formats for answers: each reads back as exactly what was written."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from generator.bank_import.yaml_edit import _fold_positions
from generator.formats.workbook.cells import (
    encode_numeric,
    number_text,
    parse_bool,
    parse_letters,
    parse_numeric,
    parse_pairs,
    split_ids,
)
from generator.formats.workbook.columns import cell_ref, column_letter, column_of, letter
from generator.model.question import Numeric

finite = st.floats(allow_nan=False, allow_infinity=False, width=64)
units = st.sampled_from(["", "GB", "rows", "ms", "stages per day"])


@given(finite, st.floats(min_value=0, max_value=1e6, allow_nan=False), units)
def test_numeric_cells_read_back_exactly(value: float, tolerance: float, unit: str) -> None:
    numeric = Numeric(value=value, tolerance=tolerance, unit=unit)
    assert Numeric(**parse_numeric(encode_numeric(numeric))) == numeric  # type: ignore[arg-type]


def test_numeric_forms_a_trainer_types() -> None:
    assert parse_numeric("4") == {"value": 4.0}
    assert parse_numeric(" 12.5 +/- 0.5 GB ") == {"value": 12.5, "tolerance": 0.5, "unit": "GB"}
    assert parse_numeric("-3 ± .25") == {"value": -3.0, "tolerance": 0.25}
    assert parse_numeric("four") is None
    assert number_text(4.0) == "4" and number_text(0.1) == "0.1"


def test_pairs_lines_and_bad_lines() -> None:
    pairs, problems = parse_pairs("Copy files => Ingest\n\n  Clean rows =>Transform  \nno arrow here")
    assert pairs == [{"left": "Copy files", "right": "Ingest"}, {"left": "Clean rows", "right": "Transform"}]
    assert problems == ["line 4 ('no arrow here') has no '=>' between its two sides"]


def test_letters_booleans_and_ids() -> None:
    assert parse_letters("a, C;F") == ([0, 2, 5], [])
    assert parse_letters("A, G, 1") == ([0], ["G", "1"])
    assert [parse_bool(v) for v in (True, "no", "Yes", 1, 0.0, "maybe", None)] == [
        True,
        False,
        True,
        True,
        False,
        None,
        None,
    ]
    assert split_ids("a.b, c-d;e\n f") == ["a.b", "c-d", "e", "f"]


def test_columns_and_field_paths() -> None:
    assert column_letter(1) == "A" and column_letter(28) == "AB" and column_letter(29) == "AC"
    assert letter("type") == "G" and cell_ref("type", 12) == "Questions!G12"
    assert column_of(("options", 2, "text")) == "option_c"
    assert column_of(("options", 1, "feedback")) == "feedback_b"
    assert column_of(("options", 0, "correct")) == "correct"
    assert column_of(("answer",)) == "correct"
    assert column_of(("pairs", 3, "left")) == "answer"
    assert column_of(("numeric", "value")) == "answer"
    assert column_of(()) == "id" and column_of(("bloom",)) == "bloom"


@given(st.lists(st.text(alphabet="abcdefghij", min_size=1, max_size=30), min_size=1, max_size=40))
def test_fold_positions_break_at_single_spaces_within_width(words: list[str]) -> None:
    text = " ".join(words)
    positions = _fold_positions(text, 40)
    assert all(text[p] == " " for p in positions)
    starts = [0, *(p + 1 for p in positions)]
    ends = [*positions, len(text)]
    for start, end in zip(starts, ends, strict=True):
        line = text[start:end]
        assert len(line) <= 40 or " " not in line
