"""The command line: parse options, call the library, print plain stable text, map errors.

A PipelineError becomes one line on stderr and exit 1; a blocking check failure exits 1 too.
Output never holds timings or absolute paths, so lab worksheets can quote it exactly.

Each command imports the modules it runs, inside its function: a lab starts a new process for
every command, and DuckDB alone takes ~50 ms to import, which --help, ingest, break, reset and
lineage never need.
"""

from __future__ import annotations

import sys
from datetime import date
from typing import TYPE_CHECKING

import click

from . import table
from .errors import PipelineError
from .home import Home
from .layers import LAYERS

if TYPE_CHECKING:
    from .runner import BuiltTable


def _home(ctx: click.Context) -> Home:
    return Home.resolve(ctx.obj)


def _print_table(headers: list[str], rows: list[list[object]]) -> None:
    click.echo(table.render(headers, rows))


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


# A fixed width keeps --help the same in every terminal, so worksheets can quote it.
@click.group(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100, "terminal_width": 100}
)
@click.option(
    "--home",
    metavar="PATH",
    default=None,
    help="Folder to work in (default: $RP_HOME, else the current folder).",
)
@click.pass_context
def cli(ctx: click.Context, home: str | None) -> None:
    """The DuckDB teaching pipeline: sources -> landing -> bronze -> silver -> gold."""
    ctx.obj = home


@cli.command()
@click.option(
    "--retries", default=3, show_default=True, type=click.IntRange(0, 10), help="Retries per source."
)
@click.pass_context
def ingest(ctx: click.Context, retries: int) -> int:
    """Copy every source from data/raw/ into landing/ (only new or changed files)."""
    from .ingest import ingest as run_ingest

    report = run_ingest(_home(ctx), retries=retries, echo=click.echo)
    rows: list[list[object]] = [
        [r.name, r.files, r.new, r.changed, r.unchanged, "failed" if r.error else "ok"]
        for r in report.results
    ]
    _print_table(["source", "files", "new", "changed", "unchanged", "status"], rows)
    new, changed, unchanged = report.total("new"), report.total("changed"), report.total("unchanged")
    tail = "; landing is up to date" if new == changed == 0 and not report.failed else ""
    click.echo(f"{_plural(new, 'new file')}, {changed} changed, {unchanged} unchanged{tail}")
    for result in report.failed:
        message = result.error or ""
        if message.startswith("still failing"):
            message = f"source '{result.name}' is {message}; check the source, then run `ingest` again."
        click.echo(f"error: {message}", err=True)
    return 1 if report.failed else 0


@cli.command()
@click.option(
    "--layer", type=click.Choice(LAYERS), default="gold", show_default=True, help="Last layer to build."
)
@click.pass_context
def run(ctx: click.Context, layer: str) -> int:
    """Build the layers up to and including --layer; print rows per table."""
    from .runner import build

    report = build(_home(ctx), layer)
    for note in report.notes:
        click.echo(note)
    _print_table(["table", "kind", "rows"], [[t.name, t.kind, t.rows] for t in report.tables])
    _built_summary(report.tables)
    return 0


def _built_summary(tables: list[BuiltTable]) -> None:
    views = sum(1 for t in tables if t.kind == "view")
    layers = sorted({t.name.split(".")[0] for t in tables}, key=LAYERS.index)
    click.echo(
        f"built {_plural(len(tables) - views, 'table')} and {_plural(views, 'view')} in {', '.join(layers)}"
    )


@cli.command()
@click.option(
    "--layer", type=click.Choice(LAYERS), default=None, help="Check only this layer (default: all built)."
)
@click.pass_context
def check(ctx: click.Context, layer: str | None) -> int:
    """Run the checks in checks/<layer>.yml; exit 1 if a blocking check fails."""
    from .checks import built_layers, load_suite, run_checks, run_state
    from .runstate import stale_message
    from .warehouse import connect

    home = _home(ctx)
    stale = []
    with connect(home, must_exist=True) as con:
        built = built_layers(con)
        if layer and layer not in built:
            raise PipelineError(f"the {layer} layer has not been built yet; run `run --layer {layer}` first.")
        if not built:
            raise PipelineError("no layer has been built yet; run `run` first.")
        results = []
        for name in [layer] if layer else built:
            freshness, state = run_state(con, home, name)
            results.append(freshness)
            if state.stale:
                stale.append(state)
            _, suite = load_suite(home, name)
            results.extend(run_checks(con, suite))
    rows: list[list[object]] = [
        [r.check.model, r.check.column or "-", r.check.kind, r.check.severity, r.status, r.detail]
        for r in results
    ]
    _print_table(["model", "column", "check", "severity", "status", "result"], rows)
    counts = {status: sum(1 for r in results if r.status == status) for status in ("PASS", "WARN", "FAIL")}
    tally = ", ".join(f"{counts[status]} {status}" for status in ("PASS", "WARN", "FAIL"))
    click.echo(f"{_plural(len(results), 'check')}: {tally}")
    if stale:
        click.echo(f"error: {stale_message(stale)}", err=True)
        return 1
    failed = [r for r in results if r.status == "FAIL"]
    if failed:
        first = failed[0].check
        where = f"{first.model}.{first.column}" if first.column else first.model
        click.echo(
            f"error: {_plural(len(failed), 'blocking check')} failed, first {first.kind} on {where}; "
            "fix the data or the model, then `run` and `check` again.",
            err=True,
        )
        return 1
    return 0


@cli.command()
@click.pass_context
def status(ctx: click.Context) -> int:
    """Print the last run's outcome and each layer's state (fresh or stale, and why)."""
    from .models import discover
    from .runstate import layer_outcome, layer_state, runs, stale_message
    from .warehouse import connect, ensure_meta

    home = _home(ctx)
    with connect(home, must_exist=True) as con:
        ensure_meta(con)
        history = runs(con)
        models = discover(home)
        states = [layer_state(con, home, models, layer) for layer in LAYERS]
    if not history:
        raise PipelineError("no run has been recorded yet; run `run` first.")
    last = history[-1]
    click.echo(f"last run: {last.shown} ({table.cell(last.ran_at)})")
    if last.message:
        click.echo(f"  {last.message}")
    asked = LAYERS[: LAYERS.index(last.layer) + 1] if last.layer in LAYERS else LAYERS
    rows: list[list[object]] = []
    for state in states:
        rows.append([
            state.layer,
            layer_outcome(last, state.layer, asked),
            state.tables,
            f"run {state.built_by}" if state.built_by else "-",
            _when(state.built_at),
            "stale" if state.stale else ("fresh" if state.tables else "not built"),
        ])  # fmt: skip
    _print_table(["layer", "last run", "tables", "built by", "built at", "state"], rows)
    stale = [state for state in states if state.stale]
    if stale:
        click.echo(f"next: {stale_message(stale, see='the error above')}")
    else:
        click.echo("next: nothing to do; every built layer is fresh")
    return 0


def _when(value: object) -> str:
    return table.cell(value) if value is not None else "none"


@cli.command()
@click.pass_context
def incremental(ctx: click.Context) -> int:
    """Merge only the customer changes newer than the watermark into silver and gold."""
    from .incremental import incremental as run_incremental

    r = run_incremental(_home(ctx))
    click.echo(f"watermark customer_updates: {_when(r.watermark_before)} -> {_when(r.watermark_after)}")
    click.echo(f"{_plural(r.new_rows, 'new row')} since the watermark, {r.quarantined} quarantined")
    click.echo(f"silver.customers: {r.updated} updated, {r.inserted} inserted, {r.stale} stale skipped")
    done = {"apply": "applied", "quarantine": "quarantined", "skip": "skipped"}[r.late_rule]
    click.echo(
        f"{_plural(r.late_rows, 'late row')} (dated at or before the watermark): {done}, "
        f"as rules/incremental.yml says (late_rows: {r.late_rule})"
    )
    if r.gold_refreshed is None:
        click.echo("gold.customer_360: not built yet, skipped")
    else:
        click.echo(f"gold.customer_360: {_plural(r.gold_refreshed, 'customer')} refreshed")
    return 0


@cli.command()
@click.pass_context
def full(ctx: click.Context) -> int:
    """Reload everything with every customer change applied (the full-load alternative)."""
    from .incremental import full as run_full

    report, before, after = run_full(_home(ctx))
    _print_table(["table", "kind", "rows"], [[t.name, t.kind, t.rows] for t in report.tables])
    _built_summary(report.tables)
    click.echo(f"watermark customer_updates: {_when(before)} -> {_when(after)}")
    return 0


@cli.command()
@click.pass_context
def scd2(ctx: click.Context) -> int:
    """Record customer history (SCD Type 2) in silver.dim_customer_history."""
    from .scd2 import scd2 as run_scd2

    r = run_scd2(_home(ctx))
    click.echo(
        f"silver.dim_customer_history: {_plural(r.closed, 'version')} closed, {r.opened} opened "
        f"({_plural(r.new_customers, 'new customer')})"
    )
    click.echo(f"{_plural(r.total_rows, 'row')}, {r.current_rows} current")
    return 0


@cli.command()
@click.option("--customer", type=int, default=None, help="Show every source's value for one customer.")
@click.pass_context
def resolve(ctx: click.Context, customer: int | None) -> int:
    """Apply rules/conflict_resolution.yml to CRM, billing and support; print who won."""
    from .resolve import customer_detail, summary
    from .runner import rebuild_resolution
    from .warehouse import connect

    home = _home(ctx)
    rules = rebuild_resolution(home)
    with connect(home, must_exist=True) as con:
        if customer is None:
            headers, rows = summary(con, rules)
        else:
            headers, rows = customer_detail(con, customer)
    _print_table(headers, rows)
    if customer is None:
        click.echo("silver.resolved_customer_fields rebuilt; run `run` to carry it into gold.customer_360")
    return 0


@cli.command()
@click.option("--date", "sale_date", default="2024-03-12", show_default=True, help="Day to query.")
@click.option("--region", default="north", show_default=True, help="Region to query.")
@click.pass_context
def partition(ctx: click.Context, sale_date: str, region: str) -> int:
    """Write silver.sales as partitioned Parquet under lake/; show the pruned plan."""
    from .partition import partition as run_partition

    try:
        day = date.fromisoformat(sale_date)
    except ValueError:
        raise PipelineError(f"--date '{sale_date}' is not a date; write it like 2024-03-12.") from None
    r = run_partition(_home(ctx), day, region)
    click.echo(
        f"wrote {_plural(r.rows_written, 'row')} of silver.sales to lake/sales/ as "
        f"{_plural(r.files_written, 'file')} in {r.partitions} sale_date=/region= partitions"
    )
    click.echo("")
    click.echo("query:")
    click.echo("\n".join("  " + line for line in r.query.splitlines()))
    click.echo("")
    click.echo("plan (scan):")
    click.echo("\n".join("  " + line for line in r.plan_lines))
    click.echo("")
    _print_table(r.headers, r.rows)
    return 0


@cli.command(name="break")
@click.argument("scenario", required=False)
@click.pass_context
def break_(ctx: click.Context, scenario: str | None) -> int:
    """Damage data/raw/ with a failure scenario (no argument: list them)."""
    from .faults import break_data, scenarios

    home = _home(ctx)
    if scenario is None:
        _print_table(["scenario", "what happens"], [[s.name, s.summary] for s in scenarios(home).values()])
        return 0
    chosen = break_data(home, scenario)
    click.echo(f"broke data/raw: {chosen.name}: {chosen.summary}")
    click.echo(f"next: {chosen.next_step}; `reset` restores the data")
    return 0


@cli.command()
@click.pass_context
def reset(ctx: click.Context) -> int:
    """Restore data/raw/ from the bundled sample; drop the warehouse, landing/ and lake/."""
    from .faults import reset as run_reset

    for line in run_reset(_home(ctx)):
        click.echo(line)
    return 0


@cli.command()
@click.option("--customers", type=int, required=True, help="How many customers.")
@click.option("--seed", type=int, default=42, show_default=True, help="Same seed, same files.")
@click.option(
    "--updates", type=int, default=None, help="Changed customers in the feed (default min(1000, N))."
)
@click.pass_context
def generate(ctx: click.Context, customers: int, seed: int, updates: int | None) -> int:
    """Write synthetic customers and a change feed into data/raw/."""
    from .generate import generate as run_generate

    r = run_generate(_home(ctx), customers, seed, updates)
    click.echo(
        f"wrote data/raw/customers/customers.csv: {_plural(r.customers, 'customer')} in {r.export_rows} rows "
        f"(seed {r.seed})"
    )
    click.echo(f"wrote data/raw/updates/customer_updates.csv: {_plural(r.updates, 'changed customer')}")
    click.echo("next: run `ingest` and `run`")
    return 0


@cli.command()
@click.argument("sql")
@click.option("--max-rows", default=100, show_default=True, type=click.IntRange(1), help="Rows to print.")
@click.pass_context
def query(ctx: click.Context, sql: str, max_rows: int) -> int:
    """Run SQL against the warehouse (in memory if there is none) and print the result."""
    from .explore import query as run_query

    result = run_query(_home(ctx), sql, max_rows)
    if result is None:
        click.echo("ok")
        return 0
    if result.plan is not None:
        click.echo(result.plan)
        return 0
    _print_table(result.headers, result.rows)
    shown = f"showing {len(result.rows)} of {result.total} rows" if result.total > len(result.rows) else None
    click.echo(f"({shown or _plural(result.total, 'row')})")
    return 0


@cli.command()
@click.pass_context
def dictionary(ctx: click.Context) -> int:
    """Print the gold data dictionary: every gold table, its grain and its columns."""
    from .explore import dictionary as read_dictionary

    for index, (name, grain, rows) in enumerate(read_dictionary(_home(ctx))):
        if index:
            click.echo("")
        click.echo(f"{name}: {grain}")
        _print_table(["column", "type", "description"], rows)
    return 0


@cli.command()
@click.argument("table_name", required=False)
@click.pass_context
def lineage(ctx: click.Context, table_name: str | None) -> int:
    """Print each table's upstream tables and files (or the whole tree above one table)."""
    from .lineage import lineage_rows, lineage_tree

    home = _home(ctx)
    if table_name:
        click.echo("\n".join(lineage_tree(home, table_name)))
    else:
        _print_table(["table", "kind", "upstream"], lineage_rows(home))
    return 0


@cli.command()
@click.option(
    "--sizes", default="1000000,5000000", show_default=True, help="Customer counts, comma separated."
)
@click.option("--runs", default=3, show_default=True, type=click.IntRange(1), help="Runs per measurement.")
@click.option(
    "--changes", default=1000, show_default=True, type=click.IntRange(1), help="Changed rows per increment."
)
def bench(sizes: str, runs: int, changes: int) -> int:
    """Time a full load against an incremental load (prints timings; not for labs)."""
    from .bench import bench as run_bench

    try:
        counts = [int(part.replace("_", "")) for part in sizes.split(",") if part.strip()]
    except ValueError:
        raise PipelineError(
            f"--sizes '{sizes}' should be numbers separated by commas, e.g. 1000000,5000000."
        ) from None
    if not counts or min(counts) < changes:
        raise PipelineError(f"every size in --sizes must be at least --changes ({changes}).")
    run_bench(counts, runs, changes, echo=click.echo)
    return 0


def main(argv: list[str] | None = None) -> None:
    """Entry point for `reference-pipeline` and `python -m reference_pipeline`."""
    prog = "python -m reference_pipeline" if sys.argv and sys.argv[0].endswith("__main__.py") else None
    try:
        code = cli.main(args=argv, prog_name=prog, standalone_mode=False)
    except PipelineError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(1)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.exceptions.NoArgsIsHelpError as error:
        click.echo(error.ctx.get_help() if error.ctx else error.format_message())
        sys.exit(0)
    except click.ClickException as error:
        click.echo(f"error: {error.format_message()} (see --help)", err=True)
        sys.exit(error.exit_code)
    except click.Abort:
        click.echo("error: aborted.", err=True)
        sys.exit(1)
    except Exception as error:
        if not _is_duckdb_error(error):
            raise
        from .warehouse import first_line

        click.echo(f"error: {first_line(error)}; run `reset` if the warehouse is damaged.", err=True)
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)


def _is_duckdb_error(error: Exception) -> bool:
    # A command that never imported DuckDB cannot have raised one of its errors.
    duckdb = sys.modules.get("duckdb")
    return duckdb is not None and isinstance(error, duckdb.Error)
