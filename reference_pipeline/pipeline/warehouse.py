"""Opening the DuckDB warehouse with the pipeline's variables, macros and bookkeeping tables."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

import duckdb

from . import clock
from .errors import PipelineError
from .home import Home


def _remember_pandas_is_missing() -> None:
    """Why: DuckDB looks for pandas each time it binds a query parameter (twice per value, since
    duckdb/duckdb#18658), and where pandas is not installed each look searches all of sys.path
    again: one insert of 600 values took 38 ms instead of 5. None in sys.modules is how Python
    records a module as not importable, so each later look fails at once; where pandas is
    installed nothing changes."""
    if "pandas" not in sys.modules and importlib.util.find_spec("pandas") is None:
        sys.modules["pandas"] = None  # type: ignore[assignment]


_remember_pandas_is_missing()

# Run state lives in the warehouse (schema meta), so `reset` clears it with everything else.
META_TABLES = """
create schema if not exists bronze;
create schema if not exists silver;
create schema if not exists gold;
create schema if not exists meta;
create table if not exists meta.watermarks (
    source_name varchar primary key, watermark_value timestamp, moved_at timestamp
);
create table if not exists meta.runs (
    run_id integer, command varchar, layer varchar, ran_at timestamp,
    status varchar, failed_layer varchar, failed_step varchar, message varchar
);
create table if not exists meta.table_builds (
    table_name varchar, layer varchar, kind varchar, run_id integer, built_at timestamp,
    landed_files varchar[], file_stamps varchar[]
);
create table if not exists meta.table_row_counts (run_id integer, table_name varchar, row_count bigint);
create table if not exists meta.resolution_rules (
    field_name varchar, rule_name varchar, source_name varchar, source_rank integer
);
create table if not exists meta.table_docs (table_name varchar, description varchar);
create table if not exists meta.column_docs (table_name varchar, column_name varchar, description varchar);
"""


def _configure(con: duckdb.DuckDBPyConnection, home: Home, moment: datetime) -> None:
    con.execute("set enable_progress_bar = false")
    con.execute("set variable landing = ?", [home.landing.as_posix()])
    con.execute("set variable now = ?::timestamp", [moment])
    con.execute("set file_search_path = ?", [home.root.as_posix()])


@contextmanager
def connect(
    home: Home, *, must_exist: bool = False, memory_if_missing: bool = False
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection with $landing and $now set and relative paths resolved against home.

    memory_if_missing: with no warehouse yet, an in-memory database (to read files with SQL).
    """
    in_memory = memory_if_missing and not home.warehouse.exists()
    if must_exist and not in_memory and not home.warehouse.exists():
        raise PipelineError("there is no warehouse yet; run `ingest` and then `run` first.")
    moment = clock.now()
    if not in_memory:
        home.root.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(":memory:" if in_memory else str(home.warehouse))
    except duckdb.Error as error:
        raise PipelineError(
            f"cannot open warehouse.duckdb ({first_line(error)}); close other programs using it and retry."
        ) from None
    try:
        _configure(con, home, moment)
        yield con
    finally:
        con.close()


# Columns meta.runs gained when runs started recording failures; older warehouses get them added.
_RUN_OUTCOME = ("status", "failed_layer", "failed_step", "message")


def ensure_meta(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(META_TABLES)
    present = {
        row[0]
        for row in con.execute(
            "select column_name from information_schema.columns "
            "where table_schema = 'meta' and table_name = 'runs'"
        ).fetchall()
    }
    for column in (name for name in _RUN_OUTCOME if name not in present):
        con.execute(f"alter table meta.runs add column {column} varchar")
    if "status" not in present:
        con.execute("update meta.runs set status = 'ok'")


def table_exists(con: duckdb.DuckDBPyConnection, qualified: str) -> bool:
    schema, name = qualified.split(".", 1)
    found = con.execute(
        "select count(*) from information_schema.tables where table_schema = ? and table_name = ?",
        [schema, name],
    ).fetchone()
    return bool(found and found[0])


def row_count(con: duckdb.DuckDBPyConnection, qualified: str) -> int:
    found = con.execute(f"select count(*) from {qualified}").fetchone()
    return int(found[0]) if found else 0


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple[object, ...]]) -> None:
    """One INSERT for many rows (executemany costs a round trip per row)."""
    if not rows:
        return
    marks = ", ".join("(" + ", ".join("?" * len(rows[0])) + ")" for _ in rows)
    con.execute(f"insert into {table} values {marks}", [value for row in rows for value in row])


def first_line(error: BaseException) -> str:
    """DuckDB messages can run to several lines with a caret; the first line says it."""
    text = str(error).strip().splitlines()
    return text[0].rstrip(".!") if text else type(error).__name__
