"""What every renderer may use besides the course: a work folder, lab results, progress, a summary note."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


def _ignore(_path: Path) -> None:
    return None


@dataclass
class RenderContext:
    """Shared by the renderers of one build; `note` is set by a renderer for the build summary."""

    work_dir: Path
    staging: Path  # where outputs are staged before they are swapped into place (see outputs/staging.py)
    lab_status: dict[str, dict[str, str]] = field(default_factory=dict)
    force: bool = False
    on_file: Callable[[Path], None] = _ignore
    note: str = ""
