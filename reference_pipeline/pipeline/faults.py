"""Failure scenarios from faults/*.yml (`break`) and the way back to clean data (`reset`).

A scenario is a short list of actions on the home's copy of data/raw/; the bundled sample is
never touched.
"""

from __future__ import annotations

import csv
import difflib
import io
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .config import load_yaml
from .errors import PipelineError
from .home import BUNDLED_RAW, PACKAGE_DIR, Home

ACTIONS = ("add_column", "delete", "duplicate_rows", "rename_column")


@dataclass(frozen=True)
class Scenario:
    name: str
    summary: str
    next_step: str
    actions: list[dict[str, Any]]


def scenarios(home: Home) -> dict[str, Scenario]:
    found: dict[str, Path] = {}
    for base in (PACKAGE_DIR, home.root):
        folder = base / "faults"
        if folder.is_dir():
            found.update({path.stem: path for path in sorted(folder.glob("*.yml"))})
    loaded = {}
    for name, path in sorted(found.items()):
        data = load_yaml(path, f"faults/{path.name}")
        actions = list(data.get("actions") or [])
        for action in actions:
            if not isinstance(action, dict) or len(action) != 1 or next(iter(action)) not in ACTIONS:
                raise PipelineError(
                    f"faults/{path.name}: each action is one of {', '.join(ACTIONS)}, not {action!r}."
                )
        loaded[name] = Scenario(name, str(data.get("summary", "")), str(data.get("next", "")), actions)
    return loaded


def _read_csv(path: Path) -> list[list[str]]:
    if not path.is_file():
        raise PipelineError(
            f"data/raw/{path.name} is missing, so this scenario cannot apply; run `reset` first."
        )
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def _write_csv(path: Path, rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def _apply(raw: Path, kind: str, spec: Any) -> None:
    if kind == "delete":
        (raw / str(spec)).unlink(missing_ok=True)
        return
    path = raw / spec["file"]
    rows = _read_csv(path)
    header = rows[0]
    if kind == "rename_column":
        if spec["from"] in header:
            header[header.index(spec["from"])] = spec["to"]
    elif kind == "add_column":
        if spec["name"] not in header:
            header.append(spec["name"])
            for row in rows[1:]:
                row.append(str(spec.get("value", "")))
    elif kind == "duplicate_rows":
        position = header.index(spec["bump"])
        for row in rows[1 : 1 + int(spec["count"])]:
            copy = list(row)
            copy[position] = str(int(copy[position]) + 1)
            rows.append(copy)
    _write_csv(path, rows)


def break_data(home: Home, name: str) -> Scenario:
    known = scenarios(home)
    if name not in known:
        close = difflib.get_close_matches(name, list(known), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise PipelineError(f"unknown scenario '{name}'{hint}; choose one of: {', '.join(known)}.")
    raw = home.ensure_own_raw()
    scenario = known[name]
    for action in scenario.actions:
        kind, spec = next(iter(action.items()))
        _apply(raw, kind, spec)
    return scenario


def reset(home: Home) -> list[str]:
    """Back to a fresh start: sample sources restored; warehouse, landing and lake removed."""
    if home.own_raw.resolve() == BUNDLED_RAW.resolve():
        raise PipelineError(
            "the home is the package folder itself; run `reset` from your own folder or set RP_HOME."
        )
    done = []
    if home.own_raw.exists():
        shutil.rmtree(home.own_raw)
    home.ensure_own_raw()
    done.append("restored data/raw/ from the bundled sample")
    removed = [
        path for path in (home.warehouse, home.warehouse.with_name("warehouse.duckdb.wal")) if path.exists()
    ]
    for path in removed:
        path.unlink()
    if removed:
        done.append("dropped warehouse.duckdb")
    for folder in (home.landing, home.lake):
        if folder.exists():
            shutil.rmtree(folder)
            done.append(f"emptied {folder.name}/")
    return done
