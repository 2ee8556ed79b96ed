"""Looking inside the warehouse: ad-hoc queries and the data dictionary (lineage.py reads the models)."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from .errors import PipelineError
from .home import Home
from .warehouse import connect, first_line, table_exists


@dataclass(frozen=True)
class QueryResult:
    headers: list[str]
    rows: list[list[object]]
    total: int
    plan: str | None = None  # the text of an EXPLAIN, printed as DuckDB prints it


def query(home: Home, sql: str, max_rows: int) -> QueryResult | None:
    """Run one statement; None when it returns no rows (e.g. create table)."""
    if not sql.strip():
        raise PipelineError('the query is empty; pass SQL in quotes, e.g. query "select 42".')
    with connect(home, must_exist=True, memory_if_missing=True) as con:
        try:
            result = con.execute(sql)
            if result.description is None:
                return None
            headers = [column[0] for column in result.description]
            rows = [list(row) for row in result.fetchall()]
        except duckdb.Error as error:
            hint = "" if home.warehouse.exists() else " (there is no warehouse yet: only files can be read)"
            raise PipelineError(
                f"query failed: {first_line(error)}{hint}; check the SQL and try again."
            ) from None
    if headers == ["explain_key", "explain_value"]:
        return QueryResult(headers, rows, len(rows), "\n".join(str(row[1]).rstrip() for row in rows))
    return QueryResult(headers, rows[:max_rows], len(rows))


def dictionary(home: Home) -> list[tuple[str, str, list[list[object]]]]:
    """(table, its grain, [column, type, description] rows) for every gold table."""
    with connect(home, must_exist=True) as con:
        if not table_exists(con, "gold.data_dictionary"):
            raise PipelineError("gold.data_dictionary does not exist yet; run `run` (all layers) first.")
        rows = con.execute(
            "select table_name, table_description, column_name, data_type, description "
            "from gold.data_dictionary order by table_name, column_position"
        ).fetchall()
    tables: dict[str, tuple[str, list[list[object]]]] = {}
    for table, grain, column, data_type, description in rows:
        tables.setdefault(table, (grain or "", []))[1].append([column, data_type, description or "(none)"])
    return [(table, grain, columns) for table, (grain, columns) in tables.items()]
