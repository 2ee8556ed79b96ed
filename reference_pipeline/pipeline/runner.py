"""Building the layers: check the landed sources, then build each layer's models in order.

Why a transaction per layer: a model that fails rolls its layer back, so the warehouse keeps
that layer's last good build instead of half a new one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import duckdb

from . import checks, resolve, runstate, sources
from .errors import PipelineError
from .home import PACKAGE_DIR, Home
from .layers import LAYERS
from .models import Model, build_order, discover
from .warehouse import connect, ensure_meta, first_line, insert_rows, row_count, table_exists

Hook = Callable[[duckdb.DuckDBPyConnection], None]


@dataclass(frozen=True)
class BuiltTable:
    name: str
    kind: str
    rows: int


@dataclass(frozen=True)
class BuildReport:
    tables: list[BuiltTable]
    notes: list[str]


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection, doing: str) -> Iterator[None]:
    """Commit on success; on a DuckDB error roll back and explain in one line."""
    con.execute("begin transaction")
    try:
        yield
    except duckdb.Error as error:
        con.execute("rollback")
        raise PipelineError(
            f"{doing} failed: {first_line(error)}; that step was rolled back, fix the cause and run it again."
        ) from None
    except BaseException:
        con.execute("rollback")
        raise
    con.execute("commit")


def prepare(con: duckdb.DuckDBPyConnection, home: Home, *, refresh_macros: bool = True) -> None:
    """Bookkeeping tables and the `clean` macros (sql/macros/*.sql) the silver models use.

    Commands that change a few rows pass refresh_macros=False: replacing a macro is a catalog
    drop, and a drop makes DuckDB checkpoint at commit, rewriting every table just touched.
    """
    ensure_meta(con)
    if not refresh_macros:
        # the newest macro file's last macro: a warehouse built before it existed reloads them all
        found = con.execute(
            "select count(*) from duckdb_functions() "
            "where schema_name = 'clean' and function_name = 'quarantine_columns'"
        ).fetchone()
        if found and found[0]:
            return
    names = {
        path.name for base in (PACKAGE_DIR, home.root) for path in (base / "sql" / "macros").glob("*.sql")
    }
    # clean.sql first: the other macro files may use its cleaning rules
    for name in sorted(names, key=lambda name: (name != "clean.sql", name)):
        con.execute(home.project_file(f"sql/macros/{name}").read_text(encoding="utf-8"))


def load_docs(con: duckdb.DuckDBPyConnection, home: Home) -> None:
    """Descriptions from checks/<layer>.yml, for gold.data_dictionary."""
    con.execute("delete from meta.table_docs")
    con.execute("delete from meta.column_docs")
    tables: list[tuple[object, ...]] = []
    columns: list[tuple[object, ...]] = []
    for layer in LAYERS:
        docs, _ = checks.load_suite(home, layer)
        for doc in docs:
            tables.append((doc.name, doc.description))
            columns.extend((doc.name, column, text) for column, text in doc.columns.items())
    insert_rows(con, "meta.table_docs", tables)
    insert_rows(con, "meta.column_docs", columns)


def build_model(con: duckdb.DuckDBPyConnection, model: Model) -> None:
    body = model.sql.strip().rstrip(";")
    try:
        con.execute(f"create or replace {model.materialized} {model.name} as\n{body}")
    except duckdb.Error as error:
        raise PipelineError(
            f"{model.name} could not be built ({model.shown_path}): {first_line(error)}; the {model.layer} "
            "layer keeps its last good build, fix the SQL or the data and run again."
        ) from None


def layers_up_to(layer: str) -> tuple[str, ...]:
    if layer not in LAYERS:
        raise PipelineError(f"unknown layer '{layer}'; use bronze, silver or gold.")
    return LAYERS[: LAYERS.index(layer) + 1]


def record_run(
    con: duckdb.DuckDBPyConnection, run_id: int, command: str, layer: str, tables: list[BuiltTable]
) -> None:
    runstate.record_ok(con, run_id, command, layer)
    insert_rows(
        con,
        "meta.table_row_counts",
        [(run_id, table.name, table.rows) for table in tables if table.kind == "table"],
    )


def build(
    home: Home, layer: str = "gold", *, command: str = "run", before_layer: dict[str, Hook] | None = None
) -> BuildReport:
    """Load, validate, then build each layer's models in order and record row counts.

    Each layer is one transaction: if a silver model fails, silver and gold keep their last
    good build and bronze keeps the one just loaded. (One transaction for all layers would be
    simpler, but DuckDB reads a large table written earlier in the same transaction slowly.)
    """
    layers = layers_up_to(layer)
    with runstate.tracked(home, command, layer) as step:
        declared = sources.load_sources(home)
        notes = sources.check_landing(home, declared)
        models = discover(home)
        order = build_order(models, layers)
        rules = resolve.load_rules(home) if "silver" in layers else []
        tables: list[BuiltTable] = []
        run_id = 0
        with connect(home) as con:
            for index, current in enumerate(layers):
                step.at(current, f"{current} layer")
                with transaction(con, f"`{command}` ({current} layer)"):
                    if index == 0:
                        prepare(con, home)
                        load_docs(con, home)
                        run_id = step.run_id = runstate.next_run_id(con)
                    if current == "silver":
                        resolve.store_rules(con, rules)
                    if before_layer and current in before_layer:
                        before_layer[current](con)
                    built = [m for m in order if m.layer == current]
                    for model in built:
                        step.at(current, model.name)
                        build_model(con, model)
                        tables.append(BuiltTable(model.name, model.materialized, row_count(con, model.name)))
                    step.at(current, f"{current} layer")
                    if current == "silver":
                        resolve.check_fields(con, rules)
                    runstate.stamp_tables(con, home, models, [m.name for m in built], run_id)
                    if current == layers[-1]:
                        record_run(con, run_id, command, layer, tables)
    return BuildReport(sorted(tables, key=lambda t: (LAYERS.index(t.name.split(".")[0]), t.name)), notes)


def rebuild_resolution(home: Home) -> list[resolve.FieldRule]:
    """Reload the conflict rules and rebuild silver.resolved_customer_fields with them."""
    rules = resolve.load_rules(home)
    model = discover(home)["silver.resolved_customer_fields"]
    with connect(home, must_exist=True) as con:
        for needed in ("silver.customer_field_candidates", "silver.crm_customers"):
            if not table_exists(con, needed):
                raise PipelineError(f"{needed} does not exist yet; run `run --layer silver` first.")
        with transaction(con, "`resolve`"):
            prepare(con, home)
            resolve.store_rules(con, rules)
            resolve.check_fields(con, rules)
            build_model(con, model)
    return rules
