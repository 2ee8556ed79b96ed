"""A roster reads the way spreadsheets save CSV, and every bad row is reported by its line at once."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.outputs.certificates.roster import RosterError, parse_roster, read_roster


def test_reads_names_quoted_commas_dates_a_bom_and_blank_lines(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    text = '\ufeffName, Email ,date\r\nAda  Lovelace,ada@example.org,\r\n\r\n"Hopper, Grace",,2026-03-14\r\n'
    roster.write_bytes(text.encode("utf-8"))
    people = read_roster(roster)
    assert [(p.name, p.email, p.date, p.row) for p in people] == [
        ("Ada Lovelace", "ada@example.org", None, 2),
        ("Hopper, Grace", "", date(2026, 3, 14), 4),
    ]


def test_every_bad_row_is_reported_with_its_line() -> None:
    text = "name,emial,date\n,a@example.org\nAda,x,2026-13-01\nBob\nbob\nCy,c,,extra,cells\n"
    with pytest.raises(RosterError) as caught:
        parse_roster(text, "roster.csv")
    assert [i.format() for i in caught.value.issues] == [
        "roster.csv:1:2: emial: unknown column 'emial'. did you mean 'email'?",
        "roster.csv:2:1: name: the name is empty. every row needs the participant's name.",
        "roster.csv:3:1: date: '2026-13-01' is not a date. write it as YYYY-MM-DD, e.g. 2026-03-14, or "
        "leave it empty.",
        "roster.csv:5:1: name: 'bob' is listed twice (first on row 4). list each participant once.",
        "roster.csv:6:1: 5 cells but the header has 3. a name with a comma must be in double quotes.",
    ]


def test_people_with_the_same_name_are_told_apart_by_email() -> None:
    people = parse_roster("name,email\nSam Lee,sam1@example.org\nSam Lee,sam2@example.org\n", "r.csv")
    assert [p.email for p in people] == ["sam1@example.org", "sam2@example.org"]
    with pytest.raises(RosterError, match=r"'SAM1@example\.org' is listed twice"):
        parse_roster("name,email\nSam Lee,sam1@example.org\nSam L.,SAM1@example.org\n", "r.csv")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the roster is empty"),
        ("email\nada@example.org\n", "no 'name' column"),
        ("name,email\n", "the roster has no participants"),
        ("name\n" + "A" * 81 + "\n", "the name has 81 characters"),
        ("name\nAda\x07\n", "holds a control character"),
    ],
)
def test_a_roster_that_cannot_make_certificates_says_why(text: str, message: str) -> None:
    with pytest.raises(RosterError, match=message):
        parse_roster(text, "r.csv")


def test_a_roster_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    roster = tmp_path / "latin.csv"
    roster.write_bytes("name\nJosé\n".encode("latin-1"))
    with pytest.raises(RosterError, match="not UTF-8 text"):
        read_roster(roster)
