"""Where a printing command may write: its own folder, never over a folder of someone else's files."""

from __future__ import annotations

from pathlib import Path

from generator.errors import ToolkitError

MARKER = ".curriculum-output"


def check_target(out_dir: Path, what: str) -> None:
    """Refuse to replace a folder that holds files this toolkit did not write there."""
    if not out_dir.exists():
        return
    if not out_dir.is_dir():
        raise ToolkitError(f"{out_dir} is a file; give --out a folder for the {what}")
    if any(out_dir.iterdir()) and not (out_dir / MARKER).is_file():
        raise ToolkitError(
            f"{out_dir} already holds other files, and the {what} replace the whole folder; "
            "give --out a new or empty folder"
        )


def mark(folder: Path, what: str) -> Path:
    """Say that the folder was written by the toolkit (so a later run may replace it)."""
    path = folder / MARKER
    path.write_text(f"{what} written by `curriculum`; the next run replaces this folder.\n", encoding="utf-8")
    return path
