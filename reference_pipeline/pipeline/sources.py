"""The declared sources (sources.yml) and their contracts: which files, which columns."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

from .config import load_yaml
from .errors import PipelineError
from .home import Home


@dataclass(frozen=True)
class Source:
    name: str
    description: str
    kind: str  # "files" or "api"
    patterns: tuple[str, ...]
    first_page: str | None
    columns: tuple[str, ...]


def load_sources(home: Home) -> list[Source]:
    path = home.project_file("sources.yml")
    data = load_yaml(path, "sources.yml")
    sources = []
    for name, spec in sorted((data.get("sources") or {}).items()):
        kind = spec.get("kind", "files")
        if kind not in ("files", "api"):
            raise PipelineError(f"sources.yml: source '{name}' has kind '{kind}'; use files or api.")
        sources.append(
            Source(
                name=name,
                description=str(spec.get("description", "")),
                kind=kind,
                patterns=tuple(spec.get("files") or ()),
                first_page=spec.get("first_page"),
                columns=tuple(str(column) for column in spec.get("columns") or ()),
            )
        )
    return sources


def landed_files(home: Home, source: Source) -> list[Path]:
    if source.kind == "api":
        folder = Path(source.first_page or "").parent.as_posix()
        return sorted((home.landing / folder).glob("*.json"))
    found: set[Path] = set()
    for pattern in source.patterns:
        found.update(home.landing.glob(pattern))
    return sorted(found)


def _header(path: Path) -> list[str]:
    if path.suffix == ".csv":
        with path.open(newline="", encoding="utf-8") as handle:
            return next(csv.reader(handle), [])
    text = path.read_text(encoding="utf-8")
    first = text.lstrip()[:1]
    if first == "[":
        records = json.loads(text)
    elif first == "{" and path.name.startswith("orders_page_"):
        records = json.loads(text).get("data", [])
    else:
        records = [json.loads(line) for line in text.splitlines()[:1] if line.strip()]
    keys: list[str] = []
    for record in records[:1]:
        keys = list(record)
    return keys


def check_landing(home: Home, sources: list[Source]) -> list[str]:
    """Stop before bronze when a source never landed or broke its column contract.

    Returns notes about new, unexpected columns (bronze ignores them; worth knowing)."""
    if not home.landing.is_dir() or not any(home.landing.iterdir()):
        raise PipelineError("nothing has been ingested yet (landing/ is empty); run `ingest` first.")
    notes = []
    for source in sources:
        files = landed_files(home, source)
        if not files:
            expected = source.first_page or ", ".join(source.patterns)
            raise PipelineError(
                f"source '{source.name}' has no file in landing/ (expected {expected}); run `ingest` first, "
                "and if ingest reports the file missing, restore it in data/raw/."
            )
        for path in files:
            try:
                found = _header(path)
            except (json.JSONDecodeError, UnicodeDecodeError, AttributeError) as error:
                raise PipelineError(
                    f"{home.relative(path)} cannot be read ({type(error).__name__}); "
                    "check the file or run `reset` to restore the sample."
                ) from None
            missing = [column for column in source.columns if column not in found]
            extra = [column for column in found if column not in source.columns]
            if missing:
                new = f" and new {', '.join(extra)} appeared" if extra else ""
                raise PipelineError(
                    f"schema change in {home.relative(path)}: column {', '.join(missing)} is missing{new}; "
                    f"ask the sender for the agreed layout, or update the '{source.name}' contract in "
                    "sources.yml and its bronze SQL."
                )
            if extra:
                notes.append(
                    f"note: {home.relative(path)} has new column(s) {', '.join(extra)}; bronze ignores them."
                )
    return notes
