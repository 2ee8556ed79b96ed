"""Skip labs whose inputs did not change: the lab spec, its starting lab, and the pipeline's code and data."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from generator.model.course import Course

_SKIP_DIRS = {"__pycache__", ".rp_state", "landing", "lake", ".pytest_cache"}
_SKIP_SUFFIXES = (".pyc", ".duckdb", ".wal")


def _digest_path(path: Path, h: hashlib._Hash) -> None:
    if path.is_file():
        h.update(path.name.encode())
        h.update(path.read_bytes())
        return
    for file in sorted(path.rglob("*")):
        rel = file.relative_to(path)
        if file.is_dir() or set(rel.parts) & _SKIP_DIRS or file.name.endswith(_SKIP_SUFFIXES):
            continue
        h.update(rel.as_posix().encode())
        h.update(file.read_bytes())


def environment_digest(course: Course) -> str:
    """One hash of everything every lab depends on besides its own spec."""
    settings = course.spec.lab_environment
    h = hashlib.sha256(settings.model_dump_json().encode())
    for rel in [c.source for c in settings.copy_files] + settings.watch:
        path = course.root / rel
        if path.exists():
            _digest_path(path, h)
    return h.hexdigest()


def lab_key(course: Course, lab_id: str, environment: str) -> str:
    """The cache key of a lab: its spec, the chain of labs it starts from, and the environment."""
    h = hashlib.sha256(environment.encode())
    current: str | None = lab_id
    seen: set[str] = set()
    while current in course.labs and current not in seen:
        seen.add(current)
        h.update(course.labs[current].model_dump_json().encode())
        current = course.labs[current].starts_from
    return h.hexdigest()


class LabCache:
    """Keys of labs that passed last time, in a small JSON file under build/."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.passed: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.passed = {}

    def hit(self, lab_id: str, key: str) -> bool:
        return self.passed.get(lab_id) == key

    def record(self, lab_id: str, key: str, passed: bool) -> None:
        if passed:
            self.passed[lab_id] = key
        else:
            self.passed.pop(lab_id, None)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.passed, indent=2, sort_keys=True), encoding="utf-8")
        tmp.replace(self.path)
