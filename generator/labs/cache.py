"""Skip labs whose inputs did not change (the lab spec, its starting labs, the lab environment and the files
it copies and watches), and keep what each lab's last run found, keyed by those inputs."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

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


def watched_digest(course: Course) -> str:
    """One hash of the files labs run on: what the lab environment copies in and what it watches."""
    settings = course.spec.lab_environment
    h = hashlib.sha256()
    for rel in [c.source for c in settings.copy_files] + settings.watch:
        path = course.root / rel
        if path.exists():
            _digest_path(path, h)
    return h.hexdigest()


def environment_digest(course: Course) -> str:
    """One hash of everything every lab depends on besides its own spec."""
    settings = course.spec.lab_environment
    return hashlib.sha256((settings.model_dump_json() + watched_digest(course)).encode()).hexdigest()


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
    """The last run of each lab (build/labs/status.json), keyed by what it checked; a lab that passed
    with the same key need not run again, and its worksheet may say "Verified"."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            loaded = {}
        self.records: dict[str, dict[str, Any]] = {
            k: v for k, v in loaded.items() if isinstance(v, dict) and isinstance(v.get("key"), str)
        }  # older files held no key: they prove nothing about the published spec

    def hit(self, lab_id: str, key: str) -> bool:
        record = self.records.get(lab_id, {})
        return record.get("status") == "pass" and record.get("key") == key

    def record(self, lab_id: str, record: dict[str, Any]) -> None:
        self.records[lab_id] = record

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.records, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        tmp.replace(self.path)
