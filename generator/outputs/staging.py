"""Stage each output and swap it into place, so a failed or killed build keeps the last good one.

Every build stages inside one folder (`build/.staging/`, git-ignored with the rest of `build/`). A swap
writes a small journal first, so a build killed between its two renames is finished or undone by the
next one (`recover`), and whatever a killed build left staged is removed then too.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.errors import ToolkitError

_PREFIX = "stage-"


def _slot(area: Path, target: Path) -> tuple[Path, Path]:
    """The journal and the parking place of the old version, for one target."""
    key = hashlib.sha256(str(target.resolve()).encode()).hexdigest()[:12]
    return area / f"{key}.swap", area / f"{key}-{target.name}.old"


def swap_into_place(staging: Path, target: Path, area: Path | None = None) -> None:
    """Replace `target` with `staging` (both on the same filesystem as `area`)."""
    area = area or target.parent
    area.mkdir(parents=True, exist_ok=True)
    journal, old = _slot(area, target)
    shutil.rmtree(old, ignore_errors=True)
    journal.write_text(str(target.resolve()), encoding="utf-8")
    if target.exists():
        target.rename(old)
    staging.rename(target)
    journal.unlink()
    shutil.rmtree(old, ignore_errors=True)


def recover(area: Path) -> None:
    """Finish what a killed build left: put back an output whose new version never arrived, drop leftovers."""
    if not area.is_dir():
        return
    for journal in area.glob("*.swap"):
        target = Path(journal.read_text(encoding="utf-8"))
        _, old = _slot(area, target)
        if not target.exists() and old.exists():
            old.rename(target)
        journal.unlink()
    for leftover in area.iterdir():
        if leftover.name.startswith(_PREFIX) or leftover.name.endswith(".old"):
            shutil.rmtree(leftover, ignore_errors=True) if leftover.is_dir() else leftover.unlink()


@contextmanager
def staged_folder(target: Path, area: Path | None = None) -> Iterator[Path]:
    """A fresh folder in `area`: it replaces `target` if the block succeeds, and is removed if not."""
    area = (area or target.parent).resolve()  # absolute: tools such as mkdocs resolve paths from elsewhere
    area.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{_PREFIX}{target.name}-", dir=area))
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    staging.chmod(0o755)  # mkdtemp makes it private; outputs are meant to be shared
    target.parent.mkdir(parents=True, exist_ok=True)
    swap_into_place(staging, target, area)


def replace_file(data: bytes, target: Path, area: Path | None = None) -> Path:
    """Write `data` to `target` in one step: readers see the old file or the new one, never half of one."""
    area = area or target.parent
    area.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f"{_PREFIX}{target.name}-", dir=area)
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    os.chmod(name, 0o644)
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(name, target)
    return target


@contextmanager
def build_lock(build_dir: Path) -> Iterator[None]:
    """Hold `build_dir/.lock` for the whole build; a second build of the same course says one is running."""
    build_dir.mkdir(parents=True, exist_ok=True)
    with open(build_dir / ".lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ToolkitError(
                f"another `curriculum build` of this course is running (it holds {build_dir / '.lock'}); "
                "wait for it to finish, then build again"
            ) from None
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
