"""Where each table's data comes from, read from the models alone (no warehouse needed)."""

from __future__ import annotations

import difflib

from .errors import PipelineError
from .home import Home
from .layers import LAYERS
from .models import Model, discover, upstream


def lineage_rows(home: Home) -> list[list[object]]:
    models = discover(home)
    ranked = sorted(models.values(), key=lambda m: (LAYERS.index(m.layer), m.name))
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
