"""What every renderer may use besides the course: a work folder, lab results, progress, a summary note."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

# verified: the published spec is the one that last passed; failed: the published spec last failed;
# changed: the spec (or what it starts from, or the lab environment) changed since its last run;
# unverified: it never ran.
LabState = Literal["verified", "failed", "changed", "unverified"]


def _ignore(_path: Path) -> None:
    return None


@dataclass(frozen=True)
class StepCheck:
    """One step of a lab's last run: its outcome, whether it checked output, and how long it took."""

    number: int
    title: str
    status: str  # pass, fail, timeout, skipped
    asserted: bool  # its output was compared, not only its exit code
    mode: str
    seconds: float = 0.0
    message: str = ""


@dataclass(frozen=True)
class GradingRun:
    """One grading check of a lab's last run, on the state the lab's own steps left."""

    id: str
    title: str
    status: str  # pass, fail, timeout
    hidden: bool = False
    seconds: float = 0.0
    message: str = ""


@dataclass(frozen=True)
class LabCheck:
    """What the last verification of one lab found, as its worksheet reports it (plain data, no I/O)."""

    state: LabState
    verified_at: str = ""  # ISO 8601, UTC, of the last run
    toolkit: str = ""  # toolkit version it ran with
    watched: str = ""  # short hash of the lab environment's copied and watched files
    platform: str = ""
    asserted: int = 0  # steps whose output the published spec asserts
    steps: tuple[StepCheck, ...] = ()
    grading: tuple[GradingRun, ...] = ()  # the lab's grading checks, run on its end state
    seconds: float = 0.0
    message: str = ""

    @property
    def date(self) -> str:
        return self.verified_at[:10]


@dataclass(frozen=True)
class LabSummary:
    """The published labs at a glance: how many, asserted steps verified, when, and which did not pass."""

    labs: int
    asserted_steps: int
    first_date: str = ""
    last_date: str = ""
    not_verified: tuple[tuple[str, LabState], ...] = ()  # (lab id, state), in teaching order


@dataclass
class RenderContext:
    """Shared by the renderers of one build; `note` is set by a renderer for the build summary."""

    work_dir: Path
    staging: Path  # where outputs are staged before they are swapped into place (see outputs/staging.py)
    lab_status: dict[str, LabCheck] = field(default_factory=dict)
    force: bool = False
    on_file: Callable[[Path], None] = _ignore
    note: str = ""
    lab_summary: LabSummary | None = None
    jobs: int = 1  # processes an output may draw its files with
