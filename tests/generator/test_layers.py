"""The package follows the data flow: no module imports from a later stage of it."""

from __future__ import annotations

import ast
from pathlib import Path

import generator

PACKAGE = Path(generator.__file__).parent

# Each stage may import from itself and from the stages before it, never from one after it.
STAGES: list[tuple[str, ...]] = [
    ("errors", "resources"),
    ("model",),
    ("stats", "formats", "digest"),  # counts over the model; how outputs write model values; fingerprints
    ("checks",),
    ("load", "schema"),  # load reads YAML into the model and runs the checks
    ("outputs",),
    ("labs", "bank_import", "scaffold", "scaffolds", "starter"),
    ("grading",),  # runs the labs' grading checks on students' folders
    ("build", "serve"),
    ("cli",),
]
STAGE = {name: index for index, names in enumerate(STAGES) for name in names}


def stage_of(module: str) -> int:
    """The stage of `generator.x.y` is the stage of `x`; the package itself (its public API) comes last."""
    parts = module.split(".")
    return STAGE[parts[1]] if len(parts) > 1 else len(STAGES)


def imports_of(path: Path) -> list[tuple[int, str]]:
    """Every `generator...` module that a file imports, at the top or inside a function."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found += [(node.lineno, name) for name in names if name.split(".")[0] == "generator"]
    return found


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def test_every_top_level_module_has_a_stage() -> None:
    names = {p.stem if p.is_file() else p.name for p in PACKAGE.iterdir() if not p.name.startswith("_")}
    names = {n for n in names if (PACKAGE / n).is_dir() or (PACKAGE / f"{n}.py").is_file()}
    assert names - {"templates"} <= set(STAGE), f"give these a stage in STAGES: {names - set(STAGE)}"


def test_no_module_imports_from_a_later_stage() -> None:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "templates" in path.relative_to(PACKAGE).parts:
            continue
        importer = module_name(path)
        if importer == "generator":
            continue  # the public API re-exports from anywhere
        for line, imported in imports_of(path):
            if stage_of(imported) > stage_of(importer):
                wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {importer} imports {imported}")
    assert not wrong, "imports against the flow:\n" + "\n".join(wrong)
