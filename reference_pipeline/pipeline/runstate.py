"""Run state: which run built each table, from which landed files, and whether runs failed.

Why: a failed run leaves the last good tables in place (each layer is one transaction), so the
checks alone would pass on yesterday's data. Every run is recorded in meta.runs, ok or failed
with the step that failed, and every table in meta.table_builds with the landed files it was
built from; `check` and `status` compare both with what is in landing/ now.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime

import duckdb

from .errors import PipelineError
from .home import Home
from .layers import LAYERS
from .models import Model
from .warehouse import connect, ensure_meta


def landed_inputs(models: dict[str, Model], name: str) -> list[str]:
    """The landing/ file patterns a model reads, directly or through its upstream models."""
    found: set[str] = set()
    seen: set[str] = set()

    def walk(item: str) -> None:
        if item in seen or item not in models:
            return
        seen.add(item)
        found.update(models[item].landing_files)
        for ref in models[item].refs:
            walk(ref)

    walk(name)
    return sorted(found)


def expand(home: Home, patterns: list[str]) -> list[str]:
    """The files in landing/ that match the patterns now, as landing/... paths."""
    files = {path for pattern in patterns for path in home.root.glob(pattern) if path.is_file()}
    return sorted(home.relative(path) for path in files)


def stamps(home: Home, files: list[str]) -> list[str]:
    """Size and modification time per file: they change when ingest rewrites a changed file."""
    out = []
    for name in files:
        stat = (home.root / name).stat()
        out.append(f"{stat.st_size}:{stat.st_mtime_ns}")
    return out


def next_run_id(con: duckdb.DuckDBPyConnection) -> int:
    found = con.execute("select coalesce(max(run_id), 0) + 1 from meta.runs").fetchone()
    return int(found[0]) if found else 1


def stamp_tables(
    con: duckdb.DuckDBPyConnection, home: Home, models: dict[str, Model], names: list[str], run_id: int
) -> None:
    """Record that run_id built these tables from the files now in landing/."""
    if not names:
        return
    rows: list[tuple[object, ...]] = []
    for name in names:
        files = expand(home, landed_inputs(models, name))
        layer = name.split(".")[0]
        rows.append((name, layer, models[name].materialized, run_id, files, stamps(home, files)))
    marks = ", ".join("?" for _ in names)
    con.execute(f"delete from meta.table_builds where table_name in ({marks})", names)
    con.execute(
        "insert into meta.table_builds select col0, col1, col2, col3, getvariable('now'), col4, col5 "
        "from (values " + ", ".join("(?, ?, ?, ?, ?::varchar[], ?::varchar[])" for _ in rows) + ")",
        [value for row in rows for value in row],
    )


def downstream(models: dict[str, Model], name: str) -> list[str]:
    """Every model that reads `name`, directly or through others."""
    found: set[str] = set()
    frontier = [name]
    while frontier:
        current = frontier.pop()
        for other in models.values():
            if current in other.refs and other.name not in found:
                found.add(other.name)
                frontier.append(other.name)
    return sorted(found)


class Tracker:
    """The step a run is in, so a failure can be recorded against it."""

    def __init__(self, run_id: int | None = None) -> None:
        self.run_id = run_id
        self.layer = LAYERS[0]
        self.step = "source contract check"

    def at(self, layer: str, step: str) -> None:
        self.layer, self.step = layer, step


@contextmanager
def tracked(home: Home, command: str, layer: str) -> Iterator[Tracker]:
    """Record a failed run (when there is a warehouse to record it in), then re-raise."""
    tracker = Tracker()
    try:
        yield tracker
    except PipelineError as error:
        if home.warehouse.exists():
            # the original error is the one to show; a warehouse too busy to record it is secondary
            with suppress(PipelineError, duckdb.Error):
                record_failure(home, command, layer, tracker, str(error))
        raise


def record_ok(con: duckdb.DuckDBPyConnection, run_id: int, command: str, layer: str) -> None:
    con.execute(
        "insert into meta.runs values (?, ?, ?, getvariable('now'), 'ok', null, null, null)",
        [run_id, command, layer],
    )


def record_failure(home: Home, command: str, layer: str, tracker: Tracker, message: str) -> None:
    with connect(home) as con:
        con.execute("begin transaction")
        ensure_meta(con)
        run_id = tracker.run_id or next_run_id(con)
        con.execute(
            "insert into meta.runs values (?, ?, ?, getvariable('now'), 'failed', ?, ?, ?)",
            [run_id, command, layer, tracker.layer, tracker.step, message],
        )
        con.execute("commit")


@dataclass(frozen=True)
class Run:
    run_id: int
    command: str
    layer: str
    ran_at: datetime
    status: str
    failed_layer: str | None
    failed_step: str | None
    message: str | None

    @property
    def shown(self) -> str:
        where = f" at {self.failed_layer}: {self.failed_step}" if self.status == "failed" else ""
        return f"run {self.run_id} (`{self.command}`) {self.status}{where}"


@dataclass(frozen=True)
class LayerState:
    layer: str
    tables: int
    built_by: int | None
    built_at: datetime | None
    stale: str | None  # why the layer is stale, or None when it is fresh
    failed: Run | None  # the failed run that made it stale, if that is the reason


def runs(con: duckdb.DuckDBPyConnection) -> list[Run]:
    rows = con.execute("select * from meta.runs order by run_id").fetchall()
    return [Run(*row) for row in rows]


def changed_files(
    home: Home, models: dict[str, Model], name: str, files: list[str], recorded: list[str]
) -> list[str]:
    """Landed files added, removed or rewritten since the table was built."""
    then = dict(zip(files, recorded, strict=True))
    current = expand(home, landed_inputs(models, name)) if name in models else list(files)
    now = dict(zip(current, stamps(home, current), strict=True))
    return sorted(file for file in then.keys() | now.keys() if then.get(file) != now.get(file))


def layer_state(
    con: duckdb.DuckDBPyConnection, home: Home, models: dict[str, Model], layer: str
) -> LayerState:
    """Fresh, or stale with the reason: a later run failed at or before it, or its files changed."""
    builds = con.execute(
        "select table_name, run_id, built_at, landed_files, file_stamps from meta.table_builds "
        "where layer = ? and kind = 'table' order by table_name",
        [layer],
    ).fetchall()
    if not builds:
        return LayerState(layer, 0, None, None, None, None)
    oldest = min(int(row[1]) for row in builds)
    built_at = min(row[2] for row in builds)
    for run in reversed(runs(con)):
        if run.run_id <= oldest:
            break
        if run.status == "failed" and LAYERS.index(run.failed_layer or "bronze") <= LAYERS.index(layer):
            reason = f"{run.shown}; the {layer} tables are from run {oldest}"
            return LayerState(layer, len(builds), oldest, built_at, reason, run)
    for name, run_id, _, files, recorded in builds:
        changed = changed_files(home, models, name, list(files), list(recorded))
        if changed:
            shown = ", ".join(changed[:2]) + (", ..." if len(changed) > 2 else "")
            reason = f"{name} was built by run {run_id}; landed files changed since: {shown}"
            return LayerState(layer, len(builds), oldest, built_at, reason, None)
    return LayerState(layer, len(builds), oldest, built_at, None, None)


def stale_message(stale: list[LayerState], see: str = "`status`") -> str:
    """One line: which layers are stale, the failed step (or changed files), what to do."""
    layers = ", ".join(state.layer for state in stale)
    first = stale[0]
    if first.failed is not None:
        return (
            f"the {layers} tables are stale: {first.failed.shown}, so they are from run {first.built_by}; "
            f"fix the cause (see {see}) and `run` again, or `reset` to start over."
        )
    return f"the {layers} tables are stale: {first.stale}; `run` again to build from them."


def layer_outcome(last: Run, layer: str, asked: tuple[str, ...]) -> str:
    """What the last run did to one layer: ok, failed, not run (upstream failed) or not asked."""
    if layer not in asked:
        return "not asked"
    if last.status != "failed" or last.failed_layer is None:
        return "ok"
    position, failed_at = LAYERS.index(layer), LAYERS.index(last.failed_layer)
    return "ok" if position < failed_at else ("failed" if position == failed_at else "not run")
