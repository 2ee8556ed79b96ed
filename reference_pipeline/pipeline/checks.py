"""Data-quality checks declared per layer in checks/<layer>.yml, run against the warehouse.

Each check counts the rows (or keys) that break it. A failure of a `blocking` check is FAIL
and makes `check` exit non-zero; a failure of a `warning` check is WARN.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

import duckdb

from .config import load_yaml
from .errors import PipelineError
from .home import Home
from .layers import LAYERS
from .runstate import LayerState, layer_state
from .warehouse import table_exists

COLUMN_CHECKS = ("accepted_values", "not_null", "range", "relationships", "unique")
MODEL_CHECKS = ("freshness", "min_rows", "row_count_drop", "unique_combination")
SEVERITIES = ("blocking", "warning")


@dataclass(frozen=True)
class Check:
    model: str
    column: str | None
    kind: str
    params: dict[str, Any]
    severity: str


@dataclass(frozen=True)
class ModelDoc:
    name: str
    description: str
    columns: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Result:
    check: Check
    status: str  # PASS, WARN or FAIL
    detail: str


def _parse_check(entry: object, where: str, allowed: tuple[str, ...]) -> tuple[str, dict[str, Any], str]:
    if isinstance(entry, str):
        kind, params = entry, {}
    elif isinstance(entry, dict) and len(entry) == 1:
        kind, raw = next(iter(entry.items()))
        params = dict(raw or {})
    else:
        raise PipelineError(f"{where}: write a check as a name or as `name: {{settings}}`, not {entry!r}.")
    if kind not in allowed:
        close = difflib.get_close_matches(str(kind), allowed, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"use one of {', '.join(allowed)}."
        raise PipelineError(f"{where}: unknown check '{kind}'; {hint}")
    severity = str(params.pop("severity", "blocking"))
    if severity not in SEVERITIES:
        raise PipelineError(f"{where}: severity '{severity}' of check '{kind}' must be blocking or warning.")
    return str(kind), params, severity


def load_suite(home: Home, layer: str) -> tuple[list[ModelDoc], list[Check]]:
    """The documented models and the checks of one layer, in the order the file declares them."""
    shown = f"checks/{layer}.yml"
    data = load_yaml(home.project_file(shown), shown)
    docs: list[ModelDoc] = []
    checks: list[Check] = []
    for model in data.get("models") or []:
        name = str(model.get("name", ""))
        if not name.startswith(f"{layer}."):
            raise PipelineError(f"{shown}: model '{name}' should be named {layer}.<table>.")
        if not model.get("description"):
            raise PipelineError(
                f"{shown}: {name} needs a description that states its grain ('one row per ...')."
            )
        column_docs = {}
        for entry in model.get("checks") or []:
            kind, params, severity = _parse_check(entry, f"{shown}: {name}", MODEL_CHECKS)
            checks.append(Check(name, None, kind, params, severity))
        for column in model.get("columns") or []:
            column_name = str(column["name"])
            if column.get("description"):
                column_docs[column_name] = str(column["description"])
            for entry in column.get("checks") or []:
                kind, params, severity = _parse_check(entry, f"{shown}: {name}.{column_name}", COLUMN_CHECKS)
                checks.append(Check(name, column_name, kind, params, severity))
        docs.append(ModelDoc(name, str(model["description"]), column_docs))
    return docs, checks


def _literal(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def _scalar(con: duckdb.DuckDBPyConnection, sql: str, params: list[object] | None = None) -> Any:
    row = con.execute(sql, params or []).fetchone()
    return row[0] if row else None


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _evaluate(con: duckdb.DuckDBPyConnection, check: Check) -> tuple[int, str]:
    """(failing count, detail) for one check; the SQL is small on purpose, so students can read it."""
    table, column, p = check.model, f'"{check.column}"' if check.column else "", check.params
    if check.kind == "not_null":
        bad = _scalar(con, f"select count(*) from {table} where {column} is null")
        return bad, f"{_plural(bad, 'null row')}"
    if check.kind == "unique":
        bad = _scalar(
            con,
            f"select count(*) from (select {column} from {table} where {column} is not null "
            f"group by {column} having count(*) > 1)",
        )
        return bad, f"{_plural(bad, 'duplicated value')}"
    if check.kind == "unique_combination":
        columns = ", ".join(f'"{name}"' for name in p["columns"])
        bad = _scalar(
            con, f"select count(*) from (select {columns} from {table} group by all having count(*) > 1)"
        )
        return bad, f"{_plural(bad, 'duplicated key')} on ({', '.join(p['columns'])})"
    if check.kind == "accepted_values":
        values = ", ".join(_literal(value) for value in p["values"])
        where = f"{column} is not null and {column}::varchar not in ({values})"
        bad = _scalar(con, f"select count(*) from {table} where {where}")
        if not bad:
            return 0, "0 rows outside the list"
        seen = con.execute(f"select distinct {column}::varchar from {table} where {where} order by 1 limit 3")
        examples = ", ".join(repr(row[0]) for row in seen.fetchall())
        return bad, f"{_plural(bad, 'row')} outside the list: {examples}"
    if check.kind == "range":
        limits = []
        if "min" in p:
            limits.append(f"{column} < {_literal(p['min'])}")
        if "max" in p:
            limits.append(f"{column} > {_literal(p['max'])}")
        bad = _scalar(con, f"select count(*) from {table} where {' or '.join(limits)}")
        bounds = " ".join(f"{key} {p[key]}" for key in ("min", "max") if key in p)
        return bad, f"{_plural(bad, 'row')} outside {bounds}"
    if check.kind == "relationships":
        parent, key = p["to"], p["field"]
        bad = _scalar(
            con,
            f"select count(*) from {table} as child where child.{column} is not null and not exists "
            f'(select 1 from {parent} as parent where parent."{key}" = child.{column})',
        )
        return bad, f"{_plural(bad, 'row')} with no match in {parent}.{key}"
    if check.kind == "min_rows":
        rows = _scalar(con, f"select count(*) from {table}")
        return (1 if rows < p.get("min", 1) else 0), f"{_plural(rows, 'row')} (min {p.get('min', 1)})"
    if check.kind == "row_count_drop":
        return _row_count_drop(con, check)
    if check.kind == "freshness":
        return _freshness(con, check)
    raise AssertionError(check.kind)


def _row_count_drop(con: duckdb.DuckDBPyConnection, check: Check) -> tuple[int, str]:
    """Compare today's rows with what the run before the latest one recorded."""
    rows = _scalar(con, f"select count(*) from {check.model}")
    recorded = con.execute(
        "select row_count from meta.table_row_counts where table_name = ? order by run_id desc limit 2",
        [check.model],
    ).fetchall()
    if len(recorded) < 2:
        return 0, f"{_plural(rows, 'row')}, no previous run to compare"
    previous = recorded[1][0]
    drop = 0.0 if previous == 0 else max(0.0, (previous - rows) * 100.0 / previous)
    limit = float(check.params.get("max_drop_pct", 20))
    detail = f"{_plural(rows, 'row')}, previous run {previous} ({drop:.0f}% drop, limit {limit:g}%)"
    return (1 if drop > limit else 0), detail


def _freshness(con: duckdb.DuckDBPyConnection, check: Check) -> tuple[int, str]:
    column, limit = check.params["column"], check.params["max_age_hours"]
    newest = _scalar(con, f'select max("{column}")::timestamp from {check.model}')
    if newest is None:
        return 1, f"no rows with {column}"
    age = _scalar(con, "select date_diff('hour', ?::timestamp, getvariable('now'))", [newest])
    shown = newest.isoformat(sep=" ").removesuffix(" 00:00:00")
    return (1 if age > limit else 0), f"newest {shown}, {age}h old (limit {limit}h)"


def run_checks(con: duckdb.DuckDBPyConnection, checks: list[Check]) -> list[Result]:
    results = []
    for check in checks:
        if not table_exists(con, check.model):
            results.append(Result(check, "FAIL", "table not found"))
            continue
        try:
            bad, detail = _evaluate(con, check)
        except duckdb.Error as error:
            message = str(error).splitlines()[0]
            results.append(Result(check, "FAIL", f"could not run: {message}"))
            continue
        status = "PASS" if bad == 0 else ("FAIL" if check.severity == "blocking" else "WARN")
        results.append(Result(check, status, detail))
    return results


def run_state(con: duckdb.DuckDBPyConnection, home: Home, layer: str) -> tuple[Result, LayerState]:
    """The blocking freshness rule of one layer: no failed run since its build, no changed files."""
    from .models import discover

    state = layer_state(con, home, discover(home), layer)
    check = Check(f"{layer}.*", None, "run_state", {}, "blocking")
    if state.stale:
        return Result(check, "FAIL", f"stale: {state.stale}"), state
    if state.built_by is None:
        return Result(check, "PASS", "no run recorded for this layer"), state
    return Result(check, "PASS", f"built by run {state.built_by}, landed files unchanged"), state


def built_layers(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute("select distinct table_schema from information_schema.tables").fetchall()
    present = {row[0] for row in rows}
    return [layer for layer in LAYERS if layer in present]
