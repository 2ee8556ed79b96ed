"""Swap a freshly built folder into place, so a failed build leaves the last good output untouched."""

from __future__ import annotations

import shutil
from pathlib import Path


def swap_into_place(staging: Path, target: Path) -> None:
    """Replace `target` with `staging` (both on the same filesystem)."""
    if target.exists():
        old = target.with_name(f".{target.name}-old")
        shutil.rmtree(old, ignore_errors=True)
        target.rename(old)
        staging.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        staging.rename(target)
