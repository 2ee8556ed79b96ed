"""SCD Type 2: changes to tracked columns close the current version and open a new one."""

from __future__ import annotations

from pathlib import Path


def test_first_snapshot_opens_one_version_per_customer(built_home: Path, cli) -> None:
    result = cli(built_home, "scd2")
    assert result.code == 0
    assert result.out == (
        "silver.dim_customer_history: 0 versions closed, 36 opened (36 new customers)\n36 rows, 36 current\n"
    )


def test_changes_close_old_versions_and_open_new_ones(built_home: Path, cli, rows) -> None:
    cli(built_home, "scd2")
    cli(built_home, "incremental")
    result = cli(built_home, "scd2")
    assert result.out == (
        "silver.dim_customer_history: 5 versions closed, 8 opened (3 new customers)\n44 rows, 39 current\n"
    )
    history = rows(
        built_home,
        "select version_number, city, valid_from::varchar, valid_to::varchar, is_current "
        "from silver.dim_customer_history where customer_id = 1004 order by version_number",
    )
    assert history == [
        (1, "Tampines", "2024-02-09 23:18:00", "2024-03-15 10:40:00", False),
        (2, "Clementi", "2024-03-15 10:40:00", None, True),
    ]
    # an email change (1011) is not tracked, so it opens no version
    assert rows(built_home, "select count(*) from silver.dim_customer_history where customer_id = 1011") == [
        (1,)
    ]


def test_a_snapshot_with_no_changes_changes_nothing(built_home: Path, cli) -> None:
    cli(built_home, "scd2")
    again = cli(built_home, "scd2")
    assert (
        again.out.splitlines()[0]
        == "silver.dim_customer_history: 0 versions closed, 0 opened (0 new customers)"
    )


def test_history_survives_a_rebuild(built_home: Path, cli, rows) -> None:
    cli(built_home, "scd2")
    cli(built_home, "run")
    assert rows(built_home, "select count(*) from silver.dim_customer_history") == [(36,)]
