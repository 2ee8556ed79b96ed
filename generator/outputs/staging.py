"""Build an output in a staging folder and swap it into place, so a failed build leaves the last good one."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
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


@contextmanager
def staged_folder(target: Path) -> Iterator[Path]:
    """A fresh folder beside `target`: it replaces `target` if the block succeeds, and is removed if not."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    staging.chmod(0o755)  # mkdtemp makes it private; outputs are meant to be shared
    swap_into_place(staging, target)
