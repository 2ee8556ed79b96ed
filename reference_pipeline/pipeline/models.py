"""The SQL models: one table (or view) per file under sql/<layer>/, and the order to build them.

A model's upstream tables are read from its SQL (`bronze.x`, `silver.y`, `meta.z`), plus any
`-- depends_on:` header line; `-- materialized: view` makes it a view instead of a table.
"""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import PipelineError
from .home import PACKAGE_DIR, Home
from .layers import LAYERS

_REF = re.compile(r"\b(bronze|silver|gold|meta)\.([a-z_][a-z0-9_]*)\b")
_LANDING = re.compile(r"getvariable\('landing'\)\s*\|\|\s*'/([^']+)'")
_DEPENDS_ON = re.compile(r"^--\s*depends_on:\s*(.+)$", re.MULTILINE)
_MATERIALIZED = re.compile(r"^--\s*materialized:\s*(\w+)\s*$", re.MULTILINE)
_COMMENT = re.compile(r"--[^\n]*")


@dataclass(frozen=True)
class Model:
    name: str
    layer: str
    path: Path
    sql: str
    materialized: str
    refs: tuple[str, ...]
    landing_files: tuple[str, ...]

    @property
    def shown_path(self) -> str:
        return f"sql/{self.layer}/{self.path.name}"


def _parse(layer: str, path: Path) -> Model:
    sql = path.read_text(encoding="utf-8")
    name = f"{layer}.{path.stem}"
    code = _COMMENT.sub("", sql)
    refs = {f"{schema}.{table}" for schema, table in _REF.findall(code)} - {name}
    for line in _DEPENDS_ON.findall(sql):
        refs.update(part.strip() for part in line.split(",") if part.strip())
    kind = _MATERIALIZED.search(sql)
    materialized = kind.group(1) if kind else "table"
    if materialized not in ("table", "view"):
        raise PipelineError(
            f"sql/{layer}/{path.name}: materialized must be table or view, not '{materialized}'."
        )
    files = tuple(sorted("landing/" + pattern for pattern in _LANDING.findall(code)))
    return Model(name, layer, path, sql, materialized, tuple(sorted(refs)), files)


def discover(home: Home) -> dict[str, Model]:
    """Bundled models, with a home's own sql/<layer>/<name>.sql replacing or adding to them."""
    found: dict[str, Path] = {}
    for base in (PACKAGE_DIR, home.root):
        for layer in LAYERS:
            folder = base / "sql" / layer
            if folder.is_dir():
                for path in sorted(folder.glob("*.sql")):
                    found[f"{layer}.{path.stem}"] = path
    models = {name: _parse(name.split(".")[0], path) for name, path in found.items()}
    for model in models.values():
        expanded: set[str] = set()
        for ref in model.refs:
            if ref.endswith(".*"):
                prefix = ref[:-1]
                expanded.update(other for other in models if other.startswith(prefix) and other != model.name)
            else:
                expanded.add(ref)
        object.__setattr__(model, "refs", tuple(sorted(expanded)))
    return models


def build_order(models: dict[str, Model], layers: tuple[str, ...] = LAYERS) -> list[Model]:
    """Upstream before downstream; among models ready together, layer order then name."""
    chosen = {name: model for name, model in models.items() if model.layer in layers}
    waiting = {name: {ref for ref in model.refs if ref in chosen} for name, model in chosen.items()}
    ready = [(LAYERS.index(chosen[name].layer), name) for name, refs in waiting.items() if not refs]
    heapq.heapify(ready)
    ordered: list[Model] = []
    while ready:
        _, name = heapq.heappop(ready)
        ordered.append(chosen[name])
        for other, refs in waiting.items():
            if name in refs:
                refs.discard(name)
                if not refs:
                    heapq.heappush(ready, (LAYERS.index(chosen[other].layer), other))
    if len(ordered) != len(chosen):
        stuck = sorted(set(chosen) - {model.name for model in ordered})
        raise PipelineError(f"models depend on each other in a cycle: {', '.join(stuck)}; break the loop.")
    for model in ordered:
        upward = [
            ref
            for ref in model.refs
            if ref in models and LAYERS.index(models[ref].layer) > LAYERS.index(model.layer)
        ]
        if upward:
            raise PipelineError(
                f"{model.shown_path} reads {upward[0]} from a later layer; a layer reads only earlier ones."
            )
    return ordered


def upstream(model: Model) -> list[str]:
    return [*model.refs, *model.landing_files]
