"""The real program, run as separate processes from inside a home, as labs run it."""

from __future__ import annotations

import re
from pathlib import Path

from reference_pipeline.pipeline.cli import cli as command_group

SEQUENCE = [
    ["ingest"],
    ["run"],
    ["check"],
    ["incremental"],
    ["scd2"],
    ["resolve", "--customer", "1001"],
    ["partition"],
    ["query", "select * from gold.customer_360 order by customer_id limit 5"],
    ["dictionary"],
    ["lineage", "gold.customer_360"],
]


def test_a_student_builds_and_checks_everything_from_an_empty_folder(home: Path, process) -> None:
    for args in (["ingest"], ["run"], ["check"]):
        result = process(home, *args)
        assert result.code == 0, result.err
        assert result.err == ""
    assert (home / "warehouse.duckdb").is_file()
    assert (home / "landing" / "customers" / "customers.csv").is_file()


def test_output_is_identical_in_two_different_homes(tmp_path: Path, process) -> None:
    transcripts = []
    for name in ("first", "second"):
        folder = tmp_path / name
        folder.mkdir()
        transcripts.append([process(folder, *args) for args in SEQUENCE])
    for args, first, second in zip(SEQUENCE, *transcripts, strict=True):
        assert first.code == second.code == 0, (args, first.err)
        assert first.out == second.out, args
        assert str(tmp_path) not in first.out


def test_errors_are_one_line_on_stderr_without_a_traceback(home: Path, built_home: Path, process) -> None:
    cases = [
        (home, ["run", "--layer", "silver"], "run `ingest` first"),
        (home, ["check"], "there is no warehouse yet"),
        (built_home, ["query", "selec 1"], 'query failed: Parser Error: syntax error at or near "selec"'),
        (built_home, ["query", "select * from gold.nope"], "query failed: Catalog Error"),
        (home, ["break", "flood"], "choose one of: duplicate-keys, missing-file, schema-change"),
        (home, ["run", "--layer", "platinum"], "'platinum' is not one of"),
    ]
    for folder, args, expected in cases:
        result = process(folder, *args)
        assert result.code != 0, args
        assert result.out == "", args
        assert result.err.count("\n") == 1, (args, result.err)
        assert result.err.startswith("error: "), args
        assert expected in result.err, (args, result.err)
        assert "Traceback" not in result.err


def test_rp_home_selects_the_home(tmp_path: Path, process) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = process(tmp_path, "ingest", RP_HOME=str(elsewhere))
    assert result.code == 0
    assert (elsewhere / "landing").is_dir()
    assert not (tmp_path / "landing").exists()


def test_every_command_has_help_and_is_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parents[2] / "reference_pipeline" / "README.md").read_text()
    for name, command in command_group.commands.items():
        assert command.help, name
        assert re.search(rf"`{name}[ `]", readme), f"{name} is not documented in reference_pipeline/README.md"


def test_help_works_for_every_command(home: Path, cli) -> None:
    for name in command_group.commands:
        result = cli(home, name, "--help")
        assert result.code == 0, name
        assert "Usage:" in result.out


def test_a_malformed_clock_is_reported(home: Path, cli, monkeypatch) -> None:
    monkeypatch.setenv("RP_NOW", "yesterday")
    cli(home, "ingest")
    result = cli(home, "run")
    assert result.code == 1
    assert result.err == (
        "error: RP_NOW='yesterday' is not an ISO timestamp; set it like RP_NOW=2024-03-18T06:00:00.\n"
    )
