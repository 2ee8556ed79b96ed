"""Where the pipeline reads and writes: the home directory and the bundled files.

Why: labs copy a workspace and run commands inside it, so every path hangs off one home
(the working directory, $RP_HOME or --home) and nothing is written inside the package.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from .errors import PipelineError

PACKAGE_DIR = Path(__file__).resolve().parent.parent
BUNDLED_RAW = PACKAGE_DIR / "data" / "raw"


@dataclass(frozen=True)
class Home:
    root: Path

    @classmethod
    def resolve(cls, option: str | None = None) -> Home:
        """--home wins over $RP_HOME, which wins over the working directory."""
        chosen = option or os.environ.get("RP_HOME") or os.getcwd()
        root = Path(chosen).expanduser().resolve()
        if root.exists() and not root.is_dir():
            raise PipelineError(
                f"home '{chosen}' is a file, not a folder; pass a folder with --home or RP_HOME."
            )
        return cls(root)

    @property
    def own_raw(self) -> Path:
        return self.root / "data" / "raw"

    @property
    def raw_dir(self) -> Path:
        """The home's own sources when it has them, else the bundled sample."""
        return self.own_raw if self.own_raw.is_dir() else BUNDLED_RAW

    @property
    def landing(self) -> Path:
        return self.root / "landing"

    @property
    def warehouse(self) -> Path:
        return self.root / "warehouse.duckdb"

    @property
    def lake(self) -> Path:
        return self.root / "lake"

    def project_file(self, relative: str) -> Path:
        """A file the home may override (sql/, checks/, rules/, faults/), else the bundled one."""
        own = self.root / relative
        return own if own.is_file() else PACKAGE_DIR / relative

    def ensure_own_raw(self) -> Path:
        """Give the home its own copy of the sources, so they can be damaged or replaced."""
        if self.own_raw.resolve() == BUNDLED_RAW.resolve():
            raise PipelineError(
                "the home is the package folder itself, whose sample data must stay intact; "
                "run from another folder or set RP_HOME."
            )
        if not self.own_raw.is_dir():
            self.own_raw.parent.mkdir(parents=True, exist_ok=True)
            shutil.copytree(BUNDLED_RAW, self.own_raw)
        return self.own_raw

    def relative(self, path: Path) -> str:
        """A path as the user should see it: relative to home, never absolute."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            try:
                return "(bundled) " + path.relative_to(PACKAGE_DIR).as_posix()
            except ValueError:
                return path.name
