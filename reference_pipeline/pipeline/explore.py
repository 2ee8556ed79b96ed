"""Looking inside the warehouse: ad-hoc queries, the data dictionary and lineage."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

import duckdb

from .errors import PipelineError
from .home import Home
from .models import Model, discover, upstream
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


def lineage_rows(home: Home) -> list[list[object]]:
    models = discover(home)
    order = ("bronze", "silver", "gold")
    ranked = sorted(models.values(), key=lambda m: (order.index(m.layer), m.name))
    return [[model.name, model.materialized, ", ".join(upstream(model))] for model in ranked]


def lineage_tree(home: Home, name: str) -> list[str]:
    """Everything upstream of one table, indented one level per hop."""
    models = discover(home)
    if name not in models:
        close = difflib.get_close_matches(name, list(models), n=1)
        hint = f"did you mean '{close[0]}'?" if close else "run `lineage` to list the tables."
        raise PipelineError(f"no model named '{name}'; {hint}")
    lines: list[str] = []
    shown: set[str] = set()

    def walk(item: str, depth: int) -> None:
        model: Model | None = models.get(item)
        label = item + (" (view)" if model and model.materialized == "view" else "")
        if model is not None and item in shown:
            lines.append("  " * depth + label + " (see above)")
            return
        lines.append("  " * depth + label)
        shown.add(item)
        for parent in upstream(model) if model else []:
            walk(parent, depth + 1)

    walk(name, 0)
    return lines
