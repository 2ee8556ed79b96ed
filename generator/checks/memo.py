"""Verdicts of the slowest rules, remembered between runs for exactly the specs they were reached from.

Why: the deck rules lay out every lesson's slides with real font metrics, the largest part of a
`curriculum build` that has little to redo. A verdict is kept under a digest of everything it was
computed from (the spec, the course settings, the master's geometry, the fonts, the toolkit's code), so a
remembered one is the one the rule would reach again. Verdicts are plain data: the issue itself, with its
file and line, is made fresh each run, so moving a spec in its file moves the line it reports.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
_VERSION = 1
_MAX_ENTRIES = 20_000  # a course of a thousand lessons, edited many times over, stays a small file

_active: dict[str, Any] | None = None
_used: set[str] = set()


@contextmanager
def remembering(path: Path | None) -> Iterator[None]:
    """Within the block, `recall` uses and adds to the verdicts stored in `path` (none: it computes)."""
    global _active
    if path is None:
        yield
        return
    stored = _read(path)
    _active, before = dict(stored), len(stored)
    _used.clear()
    try:
        yield
        if len(_active) != before or len(_used) < len(_active):
            _write(path, {k: v for k, v in _active.items() if k in _used})
    finally:
        _active = None
        _used.clear()


def recall(key: str, compute: Callable[[], T]) -> T:
    """The verdict stored under `key`, else `compute()` (stored when remembering). JSON-able values only."""
    if _active is None:
        fresh: T = json.loads(json.dumps(compute()))
        return fresh
    _used.add(key)
    if key in _active:
        remembered: T = _active[key]
        return remembered
    value: T = json.loads(json.dumps(compute()))  # the same types (lists, not tuples) remembered or not
    if len(_active) < _MAX_ENTRIES:
        _active[key] = value
    return value


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if (
        not isinstance(data, dict)
        or data.get("version") != _VERSION
        or not isinstance(data.get("verdicts"), dict)
    ):
        return {}
    return dict(data["verdicts"])


def _write(path: Path, verdicts: dict[str, Any]) -> None:
    # Best effort: a read-only build folder only costs the next run its time, never its result.
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}")
        tmp.write_text(json.dumps({"version": _VERSION, "verdicts": verdicts}), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass
